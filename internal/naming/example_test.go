package naming_test

import (
	"fmt"

	"github.com/framegen/framegen/internal/naming"
)

func ExampleSplit() {
	for _, name := range []string{"room_id", "HTTPServer", "userIDs", "oauth2_token"} {
		fmt.Printf("%s %q\n", name, naming.Split(name))
	}
	// Output:
	// room_id ["room" "id"]
	// HTTPServer ["HTTP" "Server"]
	// userIDs ["user" "IDs"]
	// oauth2_token ["oauth2" "token"]
}

func ExampleGo() {
	for _, name := range []string{"roomId", "avatar_url", "user_ids", "retry_after_ms", "2fa"} {
		id := naming.Go(naming.Split(name))
		fmt.Println(name, id, naming.IsGoIdent(id))
	}
	// Output:
	// roomId RoomID true
	// avatar_url AvatarURL true
	// user_ids UserIDs true
	// retry_after_ms RetryAfterMs true
	// 2fa 2fa false
}

func ExampleGoLower() {
	for _, name := range []string{"id_token", "url", "avatar_url", "type"} {
		fmt.Println(name, naming.GoLower(naming.Split(name)))
	}
	// Output:
	// id_token idToken
	// url url
	// avatar_url avatarURL
	// type type_
}

func ExampleTS() {
	words := naming.Split("user_id")
	fmt.Println(naming.TS(words), naming.TSLower(words))
	// Output:
	// UserId userId
}

func ExampleIsLowerSnake() {
	fmt.Println(naming.IsLowerSnake("room_id"), naming.IsLowerSnake("roomId"))
	// Output:
	// true false
}
