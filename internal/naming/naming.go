// Package naming turns wire names into identifiers: it splits a name into words (SCHEMA.md,
// "Names") and joins words in the spelling of each target language.
package naming
