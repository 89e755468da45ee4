package restli

import (
	"fmt"
	"sort"
	"strings"
)

// Key is a Rest.li resource key: either simple (one string, such as a URN or a configuration name) or
// compound (named string parts, such as an integration key). The zero Key is the empty simple key.
type Key struct {
	simple string
	parts  map[string]string
}

// SimpleKey returns a simple key.
func SimpleKey(s string) Key { return Key{simple: s} }

// CompoundKey returns a compound key made of the given parts (copied).
func CompoundKey(parts map[string]string) Key {
	cp := make(map[string]string, len(parts))
	for k, v := range parts {
		cp[k] = v
	}
	return Key{parts: cp}
}

// ParseKey reads a key in any spelling LinkedIn or a client may use: protocol 2.0 "(a:x,b:y)" (URL-escaped or
// reduced), a protocol 1.0 query-string form "a=x&b=y" (values URL-encoded), or a simple key (URL-escaped,
// reduced or raw). Malformed input is an error.
//
// How the spelling is recognised: a leading "(" is a 2.0 compound key; two apostrophes is the empty simple key; a string
// made only of "name=value" pieces joined by "&" (names non-empty, no second raw "=" in a piece) is a 1.0
// compound key; anything else is a simple key, percent-decoded (so the raw, reduced and URL-escaped spellings
// of a URN all read alike). Consequently a reduced or raw simple key that itself looks like "a=b" is read as
// 1.0 compound: LinkedIn's own keys (URNs, configuration names, numeric ids) never do; use ParseSimpleKey
// where a resource's keys are simple and may contain "=". A 2.0 compound key whose
// part is not a string, a leading "List(", a repeated part, empty input or a bad percent escape is an error
// wrapping ErrMalformed. '+' is not a space. For a key taken from a request path, pass the escaped path
// segment (url.URL.EscapedPath), not the decoded one, so escaped grammar characters stay escaped.
func ParseKey(s string) (Key, error) {
	switch {
	case s == "":
		return Key{}, fmt.Errorf("%w: empty key", ErrMalformed)
	case s[0] == '(':
		v, err := Decode(s)
		if err != nil {
			return Key{}, err
		}
		return keyFromValue(v)
	case strings.HasPrefix(s, "List("):
		return Key{}, fmt.Errorf("%w: a list is not a key: %q", ErrMalformed, truncate(s))
	case s == "''":
		return SimpleKey(""), nil
	}
	if parts, ok, err := parseV1Key(s); ok || err != nil {
		if err != nil {
			return Key{}, err
		}
		return Key{parts: parts}, nil
	}
	return ParseSimpleKey(s)
}

// ParseSimpleKey reads s as a simple key in any spelling (URL-escaped, reduced or raw), without guessing
// the kind. It exists for the one ambiguity ParseKey cannot settle: a reduced simple key containing "=" (an
// ATS's external job id, say) looks like a 1.0 compound key. A caller that knows its resource has simple keys
// should read response keys with it. Empty input or a bad percent escape is an error wrapping ErrMalformed.
func ParseSimpleKey(s string) (Key, error) {
	switch s {
	case "":
		return Key{}, fmt.Errorf("%w: empty key", ErrMalformed)
	case "''":
		return SimpleKey(""), nil
	}
	v, err := Unescape(s)
	if err != nil {
		return Key{}, err
	}
	return SimpleKey(v), nil
}

// parseV1Key reads the protocol 1.0 form "a=x&b=y". ok is false when s does not have that shape at all,
// so the caller can read it as a simple key instead.
func parseV1Key(s string) (parts map[string]string, ok bool, err error) {
	pieces := strings.Split(s, "&")
	for _, p := range pieces {
		name, val, found := strings.Cut(p, "=")
		if !found || name == "" || strings.Contains(val, "=") {
			return nil, false, nil
		}
	}
	parts = make(map[string]string, len(pieces))
	for _, p := range pieces {
		rawName, rawVal, _ := strings.Cut(p, "=")
		name, err := Unescape(rawName)
		if err != nil {
			return nil, true, err
		}
		val, err := Unescape(rawVal)
		if err != nil {
			return nil, true, err
		}
		if _, dup := parts[name]; dup {
			return nil, true, fmt.Errorf("%w: repeated key part %q", ErrMalformed, name)
		}
		parts[name] = val
	}
	return parts, true, nil
}

// IsCompound reports whether the key has named parts.
func (k Key) IsCompound() bool { return k.parts != nil }

// Simple returns the value of a simple key ("" for a compound key).
func (k Key) Simple() string { return k.simple }

// Part returns one part of a compound key.
func (k Key) Part(name string) string { return k.parts[name] }

// Parts returns a copy of the parts of a compound key (nil for a simple key).
func (k Key) Parts() map[string]string {
	if k.parts == nil {
		return nil
	}
	cp := make(map[string]string, len(k.parts))
	for n, v := range k.parts {
		cp[n] = v
	}
	return cp
}

// Equal compares keys structurally: same kind, same parts and values, whatever spelling they were read from.
func (k Key) Equal(o Key) bool {
	if k.IsCompound() != o.IsCompound() {
		return false
	}
	if !k.IsCompound() {
		return k.simple == o.simple
	}
	if len(k.parts) != len(o.parts) {
		return false
	}
	for n, v := range k.parts {
		if ov, ok := o.parts[n]; !ok || ov != v {
			return false
		}
	}
	return true
}

// Encode writes the key in protocol 2.0 form with URL escaping, for ids=List(...) and paths.
//
// The encoding is canonical (parts sorted, one escaping) and distinguishes simple from compound keys, so
// callers may use it as a Go map key where Key itself, holding a map, is not comparable.
func (k Key) Encode() string {
	var b strings.Builder
	b.Grow(k.encodedSizeHint())
	k.write(&b, false)
	return b.String()
}

// encodedSizeHint is room for the key's encoding with a few escapes, so that building it usually takes one
// allocation: keys are encoded for every id of every batch call.
func (k Key) encodedSizeHint() int {
	if !k.IsCompound() {
		return len(k.simple) + len(k.simple)/2 + 2
	}
	n := 2
	for name, v := range k.parts {
		n += len(name) + len(v) + 2
	}
	return n + n/2
}

func (k Key) write(b *strings.Builder, reduced bool) {
	if !k.IsCompound() {
		writeEscaped(b, k.simple, reduced)
		return
	}
	var buf [8]string // compound keys have a handful of parts: sort their names without allocating
	names := buf[:0]
	for n := range k.parts {
		names = append(names, n)
	}
	sort.Strings(names)
	b.WriteByte('(')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		writeEscaped(b, n, reduced)
		b.WriteByte(':')
		writeEscaped(b, k.parts[n], reduced)
	}
	b.WriteByte(')')
}

// EncodeReduced writes the key in protocol 2.0 form with reduced escaping, for compound keys in JSON bodies
// and for the X-RestLi-Id header (see EncodeBodyKey for keys in response bodies).
func (k Key) EncodeReduced() string {
	var b strings.Builder
	b.Grow(k.encodedSizeHint())
	k.write(&b, true)
	return b.String()
}

// EncodeBodyKey writes the key as a server writes it inside a JSON response body under protocol 2.0: the
// keys of "results", "errors" and "statuses" and the "id" of a batch_create element. A simple key (a string,
// URN or number) is written raw, unescaped, as stock Rest.li servers do and as LinkedIn's documentation shows
// ("urn:li:simpleJobPostingTask:…"), so a client can hand it back unchanged as an id of its next call. A
// compound key is written reduced, as EncodeReduced does. Two simple keys have no raw spelling that reads
// back, so they are written reduced: the empty string as two apostrophes, and the literal string of two
// apostrophes as %27%27.
//
// Raw text is not self-delimiting: a reader must know the resource's keys are simple (ParseSimpleKey,
// or compare the text itself) when a raw key contains '%' or looks like "a=b".
func (k Key) EncodeBodyKey() string {
	if !k.IsCompound() && k.simple != "" && k.simple != "''" {
		return k.simple
	}
	return k.EncodeReduced()
}

// EncodeV1 writes a compound key in protocol 1.0 query-string form "a=x&b=y" (parts sorted, values
// URL-encoded); a simple key is URL-encoded.
//
// The 1.0 form has no spelling for the empty string: an empty value is written as nothing ("a="), and the
// empty simple key as "".
func (k Key) EncodeV1() string {
	var b strings.Builder
	if !k.IsCompound() {
		writeV1(&b, k.simple)
		return b.String()
	}
	for i, n := range sortedKeys(k.parts) {
		if i > 0 {
			b.WriteByte('&')
		}
		writeV1(&b, n)
		b.WriteByte('=')
		writeV1(&b, k.parts[n])
	}
	return b.String()
}

// writeV1 URL-escapes s, writing the empty string as nothing (1.0 has no two-apostrophe empty string).
func writeV1(b *strings.Builder, s string) {
	if s != "" {
		writeEscaped(b, s, false)
	}
}

// String is a readable form for messages: the reduced encoding.
func (k Key) String() string { return k.EncodeReduced() }
