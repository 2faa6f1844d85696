package gorillabad

import (
	"bytes"
	"encoding/json"

	"example.com/chatproto"
	"github.com/gorilla/websocket"
)

type status struct{ OK bool }

func writeJSONFrame(c *websocket.Conn) error {
	return c.WriteJSON(chatproto.AuthError{Reason: "no"}) // want `^\(\*websocket\.Conn\)\.WriteJSON writes generated frame chatproto\.AuthError without its frame tag as JSON, bypassing the generated encoder: use \(\*chatproto\.ServerSender\)\.SendAuthError or chatproto\.EncodeServerFrame$`
}

func writeJSONPointerFrame(c *websocket.Conn, f *chatproto.Ping) error {
	return c.WriteJSON(f) // want `writes generated frame chatproto\.Ping without its frame tag as JSON, bypassing the generated encoder: use \(\*chatproto\.ServerSender\)\.Send or chatproto\.EncodeServerFrame$`
}

func writeJSONNotFrame(c *websocket.Conn) error {
	return websocket.WriteJSON(c, chatproto.User{Name: "x"}) // want `^websocket\.WriteJSON writes chatproto\.User \(not a frame\) as JSON, bypassing the generated encoder: declare the message as a frame in the schema and send it with chatproto\.NewServerSender or chatproto\.NewClientSender$`
}

func writeJSONStruct(c *websocket.Conn) error {
	return c.WriteJSON(status{OK: true}) // want `^\(\*websocket\.Conn\)\.WriteJSON writes a status built at line 26 as JSON`
}

func writeJSONInterface(c *websocket.Conn, v any) error {
	return c.WriteJSON(v) // want `^\(\*websocket\.Conn\)\.WriteJSON writes an interface value \(any\) as JSON`
}

func writeInterfaceMap(c *websocket.Conn) error {
	var payload interface{} = map[string]interface{}{"type": "hello"}
	return c.WriteJSON(payload) // want `writes a map\[string\]interface\{\} built at line 34 as JSON`
}

func writeMarshalled(c *websocket.Conn) error {
	m := make(map[string]any)
	m["type"] = "hello"
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return c.WriteMessage(websocket.TextMessage, b) // want `^\(\*websocket\.Conn\)\.WriteMessage writes json\.Marshal output \(a map\[string\]any built at line 39\), bypassing the generated encoder: declare`
}

func writeMarshalledFrame(c *websocket.Conn) error {
	b, _ := json.MarshalIndent(chatproto.AuthError{}, "", " ")
	s := string(b)
	data := []byte(s)
	return c.WriteMessage(websocket.TextMessage, data) // want `^\(\*websocket\.Conn\)\.WriteMessage writes json\.MarshalIndent output \(generated frame chatproto\.AuthError without its frame tag\), bypassing the generated encoder: use \(\*chatproto\.ServerSender\)\.SendAuthError or chatproto\.EncodeServerFrame$`
}

func writePrepared(c *websocket.Conn) error {
	b, _ := json.Marshal(map[string]string{"type": "hello"})
	pm, err := websocket.NewPreparedMessage(websocket.TextMessage, b) // want `^websocket\.NewPreparedMessage writes json\.Marshal output \(a map\[string\]string built at line 56\)`
	if err != nil {
		return err
	}
	return c.WritePreparedMessage(pm)
}

func nextWriterWrite(c *websocket.Conn) error {
	w, err := c.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	defer w.Close()
	b, _ := json.Marshal(status{})
	_, err = w.Write(b) // want `^the writer of \(\*websocket\.Conn\)\.NextWriter writes json\.Marshal output \(a status built at line 70\)`
	return err
}

func nextWriterEncoder(c *websocket.Conn, v map[string]any) error {
	w, err := c.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	return enc.Encode(v) // want `^json\.Encoder on the writer of \(\*websocket\.Conn\)\.NextWriter writes a value of type map\[string\]any, bypassing the generated encoder`
}

func bufferEncoder(c *websocket.Conn) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(map[string]int{"n": 1}); err != nil {
		return err
	}
	return c.WriteMessage(websocket.TextMessage, buf.Bytes()) // want `^\(\*websocket\.Conn\)\.WriteMessage writes json\.Encoder output \(a map\[string\]int built at line 86\)`
}

func readJSON(c *websocket.Conn) error {
	var req chatproto.AuthRequest
	if err := websocket.ReadJSON(c, &req); err != nil { // want `^websocket\.ReadJSON decodes JSON without the generated decoder: read the message with \(\*websocket\.Conn\)\.ReadMessage and decode it with chatproto\.DecodeClientFrame or chatproto\.DecodeServerFrame \(or Dispatch…\)$`
		return err
	}
	var m map[string]any
	return c.ReadJSON(&m) // want `^\(\*websocket\.Conn\)\.ReadJSON decodes JSON without the generated decoder`
}

func unmarshalMessage(c *websocket.Conn) (map[string]any, error) {
	_, msg, err := c.ReadMessage()
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(msg, &m) // want `^json\.Unmarshal of a message from \(\*websocket\.Conn\)\.ReadMessage bypasses the generated decoder: decode the message with chatproto\.DecodeClientFrame or chatproto\.DecodeServerFrame \(or Dispatch…\)$`
	return m, err
}

func decodeReader(c *websocket.Conn) (chatproto.AuthRequest, error) {
	var req chatproto.AuthRequest
	_, r, err := c.NextReader()
	if err != nil {
		return req, err
	}
	err = json.NewDecoder(r).Decode(&req) // want `^json\.Decoder on the reader of \(\*websocket\.Conn\)\.NextReader bypasses the generated decoder`
	return req, err
}
