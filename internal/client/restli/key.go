package restli

// Key is a Rest.li resource key: either simple (one string, such as a URN or a configuration name) or
// compound (named string parts, such as an integration key). The zero Key is the empty simple key.
type Key struct {
	simple string
	parts  map[string]string
}

// SimpleKey returns a simple key.
func SimpleKey(s string) Key { return Key{simple: s} }

// CompoundKey returns a compound key made of the given parts (copied).
func CompoundKey(parts map[string]string) Key { panic("restli: not implemented") }

// ParseKey reads a key in any spelling LinkedIn or a client may use: protocol 2.0 "(a:x,b:y)" (URL-escaped or
// reduced), a protocol 1.0 query-string form "a=x&b=y" (values URL-encoded), or a simple key (URL-escaped,
// reduced or raw). Malformed input is an error.
func ParseKey(s string) (Key, error) { panic("restli: not implemented") }

// IsCompound reports whether the key has named parts.
func (k Key) IsCompound() bool { return k.parts != nil }

// Simple returns the value of a simple key ("" for a compound key).
func (k Key) Simple() string { return k.simple }

// Part returns one part of a compound key.
func (k Key) Part(name string) string { return k.parts[name] }

// Parts returns a copy of the parts of a compound key (nil for a simple key).
func (k Key) Parts() map[string]string { panic("restli: not implemented") }

// Equal compares keys structurally: same kind, same parts and values, whatever spelling they were read from.
func (k Key) Equal(o Key) bool { panic("restli: not implemented") }

// Encode writes the key in protocol 2.0 form with URL escaping, for ids=List(...) and paths.
func (k Key) Encode() string { panic("restli: not implemented") }

// EncodeReduced writes the key in protocol 2.0 form with reduced escaping, for JSON body keys.
func (k Key) EncodeReduced() string { panic("restli: not implemented") }

// EncodeV1 writes a compound key in protocol 1.0 query-string form "a=x&b=y" (parts sorted, values
// URL-encoded); a simple key is URL-encoded.
func (k Key) EncodeV1() string { panic("restli: not implemented") }

// String is a readable form for messages: the reduced encoding.
func (k Key) String() string { return k.EncodeReduced() }
