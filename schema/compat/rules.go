package compat

// Rule IDs. They are stable: CI configurations and reviewers match on them. Every one is
// documented in docs/breaking.md and has a case in testdata/<ID>/.
const (
	RuleSubprotocolChanged    = "SUBPROTOCOL_CHANGED"
	RuleTaggingChanged        = "TAGGING_CHANGED"
	RuleEnvelopeKeyChanged    = "ENVELOPE_KEY_CHANGED"
	RuleMaxFrameBytesLowered  = "MAX_FRAME_BYTES_LOWERED"
	RuleMaxFrameBytesRaised   = "MAX_FRAME_BYTES_RAISED"
	RuleUnknownFieldsRejected = "UNKNOWN_FIELDS_REJECTED"
	RuleUnknownFieldsIgnored  = "UNKNOWN_FIELDS_IGNORED"
	RuleFrameAdded            = "FRAME_ADDED"
	RuleFrameRemoved          = "FRAME_REMOVED"
	RuleFrameRenamed          = "FRAME_RENAMED"
	RuleTagChanged            = "TAG_CHANGED"
	RuleFieldAdded            = "FIELD_ADDED"
	RuleFieldRequiredAdded    = "FIELD_REQUIRED_ADDED"
	RuleFieldNoDelete         = "FIELD_NO_DELETE"
	RuleFieldRenamed          = "FIELD_RENAMED"
	RuleFieldMadeRequired     = "FIELD_MADE_REQUIRED"
	RuleFieldMadeOptional     = "FIELD_MADE_OPTIONAL"
	RuleNullableAdded         = "NULLABLE_ADDED"
	RuleNullableRemoved       = "NULLABLE_REMOVED"
	RuleTypeChanged           = "TYPE_CHANGED"
	RuleTypeRenamed           = "TYPE_RENAMED"
	RuleConstraintTightened   = "CONSTRAINT_TIGHTENED"
	RuleConstraintLoosened    = "CONSTRAINT_LOOSENED"
	RuleConstraintChanged     = "CONSTRAINT_CHANGED"
	RuleDefaultChanged        = "DEFAULT_CHANGED"
	RuleEnumValueAdded        = "ENUM_VALUE_ADDED"
	RuleEnumValueRemoved      = "ENUM_VALUE_REMOVED"
	RuleEnumValueRenamed      = "ENUM_VALUE_RENAMED"
	RuleEnumOpened            = "ENUM_OPENED"
	RuleEnumClosed            = "ENUM_CLOSED"
	RuleUnionTagKeyChanged    = "UNION_TAG_KEY_CHANGED"
	RuleUnionVariantAdded     = "UNION_VARIANT_ADDED"
	RuleUnionVariantRemoved   = "UNION_VARIANT_REMOVED"
	RuleFrameDeprecated       = "FRAME_DEPRECATED"
	RuleDeprecationChanged    = "DEPRECATION_CHANGED"
	RuleDescriptionChanged    = "DESCRIPTION_CHANGED"
	RuleGoNameChanged         = "GO_NAME_CHANGED"
	RuleSecretRemoved         = "SECRET_REMOVED"
)

// Rule describes one rule of the comparison.
type Rule struct {
	ID      string
	Summary string // one line; docs/breaking.md has the whole story
}

// Rules returns every rule, in the order docs/breaking.md lists them.
func Rules() []Rule {
	return []Rule{
		{RuleSubprotocolChanged, "the Sec-WebSocket-Protocol token changed"},
		{RuleTaggingChanged, "a direction's envelope tagging changed"},
		{RuleEnvelopeKeyChanged, "a direction's envelope tag key or content key changed"},
		{RuleMaxFrameBytesLowered, "a direction's max_frame_bytes was lowered"},
		{RuleMaxFrameBytesRaised, "a direction's max_frame_bytes was raised"},
		{RuleUnknownFieldsRejected, "a direction's unknown_fields went from ignore to reject"},
		{RuleUnknownFieldsIgnored, "a direction's unknown_fields went from reject to ignore"},
		{RuleFrameAdded, "a frame was added to a direction"},
		{RuleFrameRemoved, "a frame was removed from a direction"},
		{RuleFrameRenamed, "a frame's key changed but its tag did not"},
		{RuleTagChanged, "a frame's tag changed"},
		{RuleFieldAdded, "an optional field was added"},
		{RuleFieldRequiredAdded, "a required field was added"},
		{RuleFieldNoDelete, "a field was removed"},
		{RuleFieldRenamed, "a field's wire name changed"},
		{RuleFieldMadeRequired, "an optional field became required"},
		{RuleFieldMadeOptional, "a required field became optional"},
		{RuleNullableAdded, "a field became nullable"},
		{RuleNullableRemoved, "a field stopped being nullable"},
		{RuleTypeChanged, "a field's type changed its wire form"},
		{RuleTypeRenamed, "a field refers to a differently named type of the same wire form"},
		{RuleConstraintTightened, "a constraint accepts fewer values"},
		{RuleConstraintLoosened, "a constraint accepts more values"},
		{RuleConstraintChanged, "a pattern changed"},
		{RuleDefaultChanged, "an optional field's default changed"},
		{RuleEnumValueAdded, "an enum gained a value"},
		{RuleEnumValueRemoved, "an enum lost a value"},
		{RuleEnumValueRenamed, "an int enum value kept its number under a new name"},
		{RuleEnumOpened, "an enum went from unknown: reject to unknown: keep"},
		{RuleEnumClosed, "an enum went from unknown: keep to unknown: reject"},
		{RuleUnionTagKeyChanged, "a union's tag key changed"},
		{RuleUnionVariantAdded, "a union gained a variant"},
		{RuleUnionVariantRemoved, "a union lost a variant"},
		{RuleFrameDeprecated, "a frame was newly deprecated"},
		{RuleDeprecationChanged, "a deprecation was added, removed or reworded"},
		{RuleDescriptionChanged, "a description changed"},
		{RuleGoNameChanged, "a go_name changed"},
		{RuleSecretRemoved, "a field is no longer secret"},
	}
}
