package naming

// isPredeclared reports whether s is one of Go's predeclared identifiers (the universe
// scope as of Go 1.24), which an unexported generated name must not shadow.
func isPredeclared(s string) bool {
	switch s {
	case "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32",
		"float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
		"uint16", "uint32", "uint64", "uintptr",
		"true", "false", "iota", "nil",
		"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
		"max", "min", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}

// GoPackageReserved returns, sorted, the identifiers the Go generator itself emits at
// package scope; a schema name that derives to one of them is a collision. Each call
// returns a fresh slice.
func GoPackageReserved() []string {
	return []string{
		"AppendClientFrame",
		"AppendServerFrame",
		"BinaryMessageError",
		"ClientFrame",
		"ClientHandler",
		"ClientMaxFrameBytes",
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
		"ServerMaxFrameBytes",
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
