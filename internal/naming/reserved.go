package naming

// predeclared holds Go's predeclared identifiers (the universe scope as of Go 1.24),
// which an unexported generated name must not shadow.
var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true,
	"complex128": true, "error": true, "float32": true, "float64": true, "int": true,
	"int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "true": true, "false": true, "iota": true, "nil": true,
	"append": true, "cap": true, "clear": true, "close": true, "complex": true,
	"copy": true, "delete": true, "imag": true, "len": true, "make": true, "max": true,
	"min": true, "new": true, "panic": true, "print": true, "println": true, "real": true,
	"recover": true,
}

// GoPackageReserved returns, sorted, the identifiers the Go generator itself emits at
// package scope; a schema name that derives to one of them is a collision. Each call
// returns a fresh slice.
func GoPackageReserved() []string {
	return []string{
		"AppendClientFrame",
		"AppendServerFrame",
		"ClientFrame",
		"ClientHandler",
		"ClientSender",
		"CoderWriter",
		"DecodeClientFrame",
		"DecodeError",
		"DecodeErrorKind",
		"DecodeServerFrame",
		"DispatchClientFrame",
		"DispatchServerFrame",
		"EncodeClientFrame",
		"EncodeServerFrame",
		"FrameWriter",
		"GorillaWriter",
		"KindConstraint",
		"KindDuplicateKey",
		"KindInvalidUTF8",
		"KindMissing",
		"KindNull",
		"KindSyntax",
		"KindTooLarge",
		"KindTrailingData",
		"KindUnknownEnum",
		"KindUnknownKey",
		"KindWrongType",
		"NewClientSender",
		"NewServerSender",
		"Null",
		"ProtocolVersion",
		"SchemaHash",
		"ServeCoder",
		"ServeGorilla",
		"ServerFrame",
		"ServerHandler",
		"ServerSender",
		"Subprotocol",
		"UnknownFrameError",
		"ValidationError",
		"Violation",
	}
}

// GoStructReserved returns, sorted, the method names every generated struct may carry; a
// field whose Go name is one of them is a collision. Get<X> accessors are not listed: the
// checker derives them from the fields. Each call returns a fresh slice.
func GoStructReserved() []string {
	return []string{
		"GoString",
		"LogValue",
		"MarshalJSON",
		"String",
		"UnmarshalJSON",
		"Validate",
	}
}
