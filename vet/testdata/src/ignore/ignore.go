package ignore

import (
	"github.com/gorilla/websocket"
)

func sameLine(c *websocket.Conn) error {
	return c.WriteJSON(map[string]int{"n": 1}) //framegen:ignore debug endpoint, no schema peer
}

func lineAbove(c *websocket.Conn) error {
	//framegen:ignore health probe answered before the protocol starts
	return c.WriteJSON(map[string]int{"n": 1})
}

func oneEach(c *websocket.Conn) {
	//framegen:ignore the first call is a probe
	c.WriteJSON(1)
	c.WriteJSON(2) // want `^\(\*websocket\.Conn\)\.WriteJSON writes a value of type int as JSON`
}

func trailingAbove(c *websocket.Conn) {
	c.WriteJSON(1) //framegen:ignore silences this line only
	c.WriteJSON(2) // want `^\(\*websocket\.Conn\)\.WriteJSON writes a value of type int as JSON`
}

func noReason(c *websocket.Conn) {
	// want +1 `^//framegen:ignore needs a reason: //framegen:ignore <why this is safe>$` `^\(\*websocket\.Conn\)\.WriteJSON writes a value of type int as JSON`
	c.WriteJSON(1) //framegen:ignore
}

func unused() {
	//framegen:ignore nothing here // want `^//framegen:ignore silences no finding on this line or the next: remove it$`
	_ = 1
}

//framegen:ignored is another directive, not ours
func other() {}
