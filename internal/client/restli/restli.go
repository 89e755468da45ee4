// Package restli encodes and decodes Rest.li protocol 2.0 values, query strings and resource keys,
// as LinkedIn's APIs speak them. The protocol: https://linkedin.github.io/rest.li/spec/protocol; LinkedIn's
// notes on its versions 1.0 and 2.0:
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version
//
// Two escapings exist: URL escaping (query values and names, path keys) and reduced escaping (keys inside
// JSON bodies and the X-RestLi-Id header). Decoding tokenises on the grammar first and percent-decodes each
// string token afterwards, so structure characters and escaped data never mix.
//
// Rest.li is untyped on the wire: 42, true and "42" are all written 42, so the decoders return every scalar
// as a string and callers convert where their schema says a field is a number or a boolean.
package restli

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Thresholds above which a client must tunnel a request: LinkedIn answers 414 to a query string over 4 KB
// or a URL over 8 KB, so a client switches to POST + X-HTTP-Method-Override before that
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/query-tunneling).
const (
	// TunnelQueryThreshold is the largest encoded query string (bytes, without the "?") sent in the URL.
	TunnelQueryThreshold = 4000
	// TunnelURLThreshold is the largest whole URL (bytes) sent as is.
	TunnelURLThreshold = 8 * 1024
)

// Header names and values of the protocol, shared so the client and the emulator spell them alike.
const (
	// HeaderProtocolVersion selects protocol 2.0 on LinkedIn; without it LinkedIn speaks 1.0.
	HeaderProtocolVersion = "X-Restli-Protocol-Version"
	// ProtocolVersion2 is the value of HeaderProtocolVersion a client sends.
	ProtocolVersion2 = "2.0.0"
	// HeaderMethod names the Rest.li method (lower case, e.g. "batch_update"); LinkedIn requires it for
	// batch_create and batch_partial_update, and it survives query tunnelling unchanged.
	HeaderMethod = "X-RestLi-Method"
	// HeaderID carries the reduced-escaped key of a created entity.
	HeaderID = "X-RestLi-Id"
	// HeaderErrorResponse is "true" on Rest.li error responses.
	HeaderErrorResponse = "X-RestLi-Error-Response"
	// HeaderMethodOverride carries the original HTTP method of a tunnelled request.
	HeaderMethodOverride = "X-HTTP-Method-Override"
)

// ShouldTunnel reports whether a request whose encoded query is rawQuery and whose whole URL is urlLen bytes
// long must be sent through query tunnelling.
func ShouldTunnel(rawQuery string, urlLen int) bool {
	return len(rawQuery) > TunnelQueryThreshold || urlLen > TunnelURLThreshold
}

// maxDepth bounds the nesting the decoder accepts, so hostile input cannot exhaust the stack or the time
// of a server; real LinkedIn values nest three or four levels.
const maxDepth = 200

// ---------------------------------------------------------------------------------------------------------
// Escaping

const upperHex = "0123456789ABCDEF"

// isUnreserved reports the RFC 3986 unreserved characters, the only ones URL escaping leaves alone
// (what LinkedIn's Python client does, and always safe in a path, a query name or a query value).
func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// isGrammar reports the characters that carry Rest.li 2.0 structure.
func isGrammar(c byte) bool {
	return c == '(' || c == ')' || c == ',' || c == ':' || c == '\''
}

// Escape URL-escapes s as one Rest.li string: every byte except A-Z a-z 0-9 - _ . ~ is percent-encoded
// (space is %20, never +). The empty string is written as two apostrophes because an empty token would be malformed.
func Escape(s string) string { return escape(s, false) }

// EscapeReduced escapes s with reduced escaping: only ( ) , : ' and % are percent-encoded. The empty
// string is written as two apostrophes.
func EscapeReduced(s string) string { return escape(s, true) }

func escape(s string, reduced bool) string {
	if s == "" {
		return "''"
	}
	var b strings.Builder
	writeEscaped(&b, s, reduced)
	return b.String()
}

func writeEscaped(b *strings.Builder, s string, reduced bool) {
	if s == "" {
		b.WriteString("''")
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		var keep bool
		if reduced {
			keep = !isGrammar(c) && c != '%'
		} else {
			keep = isUnreserved(c)
		}
		if keep {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}

// Unescape percent-decodes s. Unlike url.QueryUnescape it leaves '+' alone: Rest.li clients (and this
// package) write a space as %20, and a URN or URL may legitimately contain '+'. A '%' not followed by two
// hex digits is an error wrapping ErrMalformed. Use it on raw values from ParseQuery that are not 2.0 structures.
func Unescape(s string) (string, error) {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s, nil
	}
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			buf = append(buf, c)
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("%w: truncated percent escape in %q", ErrMalformed, truncate(s))
		}
		h, ok1 := unhex(s[i+1])
		l, ok2 := unhex(s[i+2])
		if !ok1 || !ok2 {
			return "", fmt.Errorf("%w: bad percent escape %q in %q", ErrMalformed, s[i:i+3], truncate(s))
		}
		buf = append(buf, h<<4|l)
		i += 2
	}
	return string(buf), nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

// Encode writes v in protocol 2.0 form with URL escaping. v is a string, bool, integer, float,
// []any, []string, map[string]any or map[string]string; map keys are written sorted.
//
// Also accepted, because callers hold them: a Key (written as Key.Encode), any slice or array, any map
// (keys that are not strings written as their fmt.Sprint text), named string/number/bool types (enums),
// and pointers to any of these. Null is not representable in Rest.li: a nil map entry is omitted (as
// Rest.li omits null record fields), and a nil anywhere else is written as the empty string (two
// apostrophes). Other types, structs included, are written as fmt.Sprint text: marshal a struct to a
// map first.
func Encode(v any) string {
	var b strings.Builder
	encodeValue(&b, v, false)
	return b.String()
}

// EncodeReduced writes v in protocol 2.0 form with reduced escaping (only ( ) , : ' and % are escaped).
// It accepts what Encode accepts.
func EncodeReduced(v any) string {
	var b strings.Builder
	encodeValue(&b, v, true)
	return b.String()
}

var keyType = reflect.TypeFor[Key]()

func encodeValue(b *strings.Builder, v any, reduced bool) {
	switch x := v.(type) {
	case nil:
		b.WriteString("''")
	case string:
		writeEscaped(b, x, reduced)
	case Key:
		x.write(b, reduced)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		writeEscaped(b, formatFloat(x, 64), reduced)
	case []any:
		writeList(b, len(x), func(i int) { encodeValue(b, x[i], reduced) })
	case []string:
		writeList(b, len(x), func(i int) { writeEscaped(b, x[i], reduced) })
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k, e := range x {
			if e != nil {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		writeMap(b, keys, func(k string) { encodeValue(b, x[k], reduced) }, reduced)
	case map[string]string:
		keys := sortedKeys(x)
		writeMap(b, keys, func(k string) { writeEscaped(b, x[k], reduced) }, reduced)
	default:
		encodeReflect(b, reflect.ValueOf(v), reduced)
	}
}

// writeList writes List(e0,e1,…), each element written by writeElem.
func writeList(b *strings.Builder, n int, writeElem func(i int)) {
	b.WriteString("List(")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		writeElem(i)
	}
	b.WriteByte(')')
}

// writeMap writes (k0:v0,k1:v1,…) for keys in the given order, each key escaped and each value written by
// writeVal.
func writeMap(b *strings.Builder, keys []string, writeVal func(string), reduced bool) {
	b.WriteByte('(')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeEscaped(b, k, reduced)
		b.WriteByte(':')
		writeVal(k)
	}
	b.WriteByte(')')
}

// sortedKeys is the keys of m in order: Rest.li writes maps (compound keys, records) with sorted keys so
// that one value has one spelling.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// isNilValue reports a nil pointer, interface, map or slice: the reflect spelling of "null".
func isNilValue(rv reflect.Value) bool {
	switch rv.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Pointer, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

func encodeReflect(b *strings.Builder, rv reflect.Value, reduced bool) {
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			b.WriteString("''")
			return
		}
		rv = rv.Elem()
	}
	if k, ok := rv.Interface().(Key); ok && rv.Type() == keyType {
		k.write(b, reduced)
		return
	}
	switch rv.Kind() {
	case reflect.String:
		writeEscaped(b, rv.String(), reduced)
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(rv.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.WriteString(strconv.FormatUint(rv.Uint(), 10))
	case reflect.Float32:
		writeEscaped(b, formatFloat(rv.Float(), 32), reduced)
	case reflect.Float64:
		writeEscaped(b, formatFloat(rv.Float(), 64), reduced)
	case reflect.Slice, reflect.Array:
		writeList(b, rv.Len(), func(i int) { encodeValue(b, valueInterface(rv.Index(i)), reduced) })
	case reflect.Map:
		// Rest.li map keys are strings on the wire; other key types are written as their text.
		vals := make(map[string]reflect.Value, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			if isNilValue(it.Value()) {
				continue
			}
			k := it.Key()
			if k.Kind() == reflect.String {
				vals[k.String()] = it.Value()
			} else {
				vals[fmt.Sprint(valueInterface(k))] = it.Value()
			}
		}
		writeMap(b, sortedKeys(vals), func(k string) { encodeValue(b, valueInterface(vals[k]), reduced) }, reduced)
	default:
		writeEscaped(b, fmt.Sprint(rv.Interface()), reduced)
	}
}

// valueInterface returns rv as an interface, or its text when it came from an unexported field.
func valueInterface(rv reflect.Value) any {
	if !rv.CanInterface() {
		return fmt.Sprint(rv)
	}
	return rv.Interface()
}

// formatFloat writes a float the way JSON does (no exponent in the usual range), so integral floats
// decoded from JSON, like 42.0, go out as 42.
func formatFloat(f float64, bits int) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, bits)
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		return strconv.FormatFloat(f, 'e', -1, bits)
	}
	return strconv.FormatFloat(f, 'f', -1, bits)
}

// EncodeQuery writes a whole query string: names sorted, each value Encode()d, "fields" and "projection"
// passed raw and last.
//
// Names are URL-escaped. A nil value is left out (null is not representable). "fields" and "projection"
// hold a 1.0 projection mask such as "id,name" that LinkedIn reads unescaped; a string is written as is,
// a []string joined with commas, anything else as fmt.Sprint text; "fields" comes before "projection".
func EncodeQuery(params map[string]any) string {
	names := make([]string, 0, len(params))
	for n, v := range params {
		if v == nil || n == "fields" || n == "projection" {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		writeEscaped(&b, n, false)
		b.WriteByte('=')
		encodeValue(&b, params[n], false)
	}
	for _, n := range []string{"fields", "projection"} {
		v, ok := params[n]
		if !ok || v == nil {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(n)
		b.WriteByte('=')
		switch x := v.(type) {
		case string:
			b.WriteString(x)
		case []string:
			b.WriteString(strings.Join(x, ","))
		default:
			b.WriteString(fmt.Sprint(v))
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

// ErrMalformed is wrapped by every decoding error, so callers (the emulator answering 400) can test for
// it with errors.Is.
var ErrMalformed = errors.New("restli: malformed value")

// Decode parses a URL-escaped protocol 2.0 value into string, []any or map[string]any.
//
// Scalars come back as strings whatever they were encoded from (42, true), because the wire is untyped.
// Empty lists and maps come back as non-nil empty []any and map[string]any. A map with a repeated key,
// an empty token, a stray quote, unbalanced parentheses, trailing data, empty input, nesting deeper than
// 200 levels or a bad percent escape is an error wrapping ErrMalformed. Characters URL escaping would have
// encoded (a space, say) are accepted literally, since a server should be lenient in what it reads; '+'
// stays '+'.
func Decode(s string) (any, error) { return decode(s) }

// DecodeReduced parses a reduced-escaped protocol 2.0 value into string, []any or map[string]any.
// The grammar is the same as Decode's; the only difference on the wire is which characters were left
// literal, and the decoder accepts both, so DecodeReduced and Decode behave identically.
func DecodeReduced(s string) (any, error) { return decode(s) }

func decode(s string) (any, error) {
	if s == "" {
		return nil, fmt.Errorf("%w: empty input", ErrMalformed)
	}
	p := parser{s: s}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.pos != len(s) {
		return nil, p.errorf("unexpected %q after the value", s[p.pos])
	}
	return v, nil
}

type parser struct {
	s   string
	pos int
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s at offset %d of %q", ErrMalformed, fmt.Sprintf(format, args...), p.pos, truncate(p.s))
}

func truncate(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

func (p *parser) value(depth int) (any, error) {
	if depth > maxDepth {
		return nil, p.errorf("nesting deeper than %d", maxDepth)
	}
	if p.pos >= len(p.s) {
		return nil, p.errorf("unexpected end of input")
	}
	if strings.HasPrefix(p.s[p.pos:], "List(") {
		p.pos += len("List(")
		return p.list(depth)
	}
	if p.s[p.pos] == '(' {
		p.pos++
		return p.record(depth)
	}
	return p.str()
}

func (p *parser) list(depth int) (any, error) {
	out := []any{}
	if p.pos < len(p.s) && p.s[p.pos] == ')' {
		p.pos++
		return out, nil
	}
	for {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		end, err := p.separator("list")
		if err != nil {
			return nil, err
		}
		if end {
			return out, nil
		}
	}
}

// separator consumes what follows an element of a list or map: ',' (more elements) or ')' (end is true).
func (p *parser) separator(container string) (end bool, err error) {
	if p.pos >= len(p.s) {
		return false, p.errorf("unterminated %s", container)
	}
	switch p.s[p.pos] {
	case ',':
		p.pos++
		return false, nil
	case ')':
		p.pos++
		return true, nil
	}
	return false, p.errorf("expected ',' or ')' in a %s, found %q", container, p.s[p.pos])
}

func (p *parser) record(depth int) (any, error) {
	out := map[string]any{}
	if p.pos < len(p.s) && p.s[p.pos] == ')' {
		p.pos++
		return out, nil
	}
	for {
		if p.pos >= len(p.s) {
			return nil, p.errorf("unterminated map")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			return nil, p.errorf("expected ':' after a map key")
		}
		p.pos++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if _, dup := out[k]; dup {
			return nil, p.errorf("repeated map key %q", k)
		}
		out[k] = v
		end, err := p.separator("map")
		if err != nil {
			return nil, err
		}
		if end {
			return out, nil
		}
	}
}

// str reads one string token: two apostrophes (the empty string) or a non-empty run of non-grammar characters,
// percent-decoded after it has been cut out of the structure.
func (p *parser) str() (string, error) {
	if p.pos >= len(p.s) {
		return "", p.errorf("unexpected end of input")
	}
	if p.s[p.pos] == '\'' {
		if !strings.HasPrefix(p.s[p.pos:], "''") {
			return "", p.errorf("stray quote")
		}
		p.pos += 2
		if p.pos < len(p.s) && !isGrammar(p.s[p.pos]) {
			return "", p.errorf("text after ''")
		}
		if p.pos < len(p.s) && p.s[p.pos] == '\'' {
			return "", p.errorf("stray quote")
		}
		return "", nil
	}
	start := p.pos
	for p.pos < len(p.s) && !isGrammar(p.s[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return "", p.errorf("empty value (write '' for the empty string)")
	}
	tok, err := Unescape(p.s[start:p.pos])
	if err != nil {
		tok := p.s[start:p.pos]
		p.pos = start // report the offset where the token starts
		return "", p.errorf("bad percent escape in token %q", truncate(tok))
	}
	return tok, nil
}

// ---------------------------------------------------------------------------------------------------------
// Query strings

// ParseQuery splits a raw query string (as in url.URL.RawQuery or a tunnelled form body, without "?")
// into its values by name, in order of appearance. Names are percent-decoded (so "ids%5B0%5D.a" reads
// "ids[0].a"); values are returned still encoded, because a 2.0 value must be tokenised before it is
// percent-decoded: pass a value to Decode, or to Unescape when it is a plain 1.0 string.
//
// It exists because url.ParseQuery percent-decodes values first, which turns "List(urn%3Ali%3Ax%3A1)" into
// something no longer parseable. Empty pieces ("a=1&&b=2") are skipped; a piece without '=' is a name with
// an empty value; a bad percent escape in a name is an error. '+' is not treated as a space. An empty raw
// value comes back as "", which Decode rejects: a caller wanting 1.0 leniency treats it as the empty string.
func ParseQuery(rawQuery string) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachPair(rawQuery, func(name, raw string) error {
		out[name] = append(out[name], raw)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachPair calls fn for each name=value pair of rawQuery in order, with the name decoded and the value raw.
func eachPair(rawQuery string, fn func(name, raw string) error) error {
	for rawQuery != "" {
		var piece string
		piece, rawQuery, _ = strings.Cut(rawQuery, "&")
		if piece == "" {
			continue
		}
		rawName, raw, _ := strings.Cut(piece, "=")
		name, err := Unescape(rawName)
		if err != nil {
			return err
		}
		if err := fn(name, raw); err != nil {
			return err
		}
	}
	return nil
}

// ParseIDs reads the batch ids of a raw query string, in order, in every spelling a client may use:
// protocol 2.0 "ids=List(a,b)" and "ids=List((k:v,...),...)", protocol 1.0 "ids=a&ids=b", and protocol 1.0
// compound "ids[0].a=x&ids[0].b=y&ids[1].a=..." (brackets possibly percent-encoded). It takes the raw query,
// not url.Values, because 2.0 values must be tokenised before they are percent-decoded.
//
// A 1.0 "ids=" value is read with ParseKey, except that the 1.0 compound form URL-encoded once more
// (ids=a%3Dx%26b%3Dy, as Rest.li's Java client writes association keys) is recognised first; so a 1.0 simple
// id whose text looks like "a=x" reads as compound. LinkedIn's ids never do; a caller serving a resource with
// free-form simple ids can use ParseQuery and ParseSimpleKey instead.
//
// A query without ids gives nil and no error. Mixing the 1.0 indexed form with "ids=" values, a gap or a
// repeated part in the indexed form, an empty id, or an element of a 2.0 list that is neither a string nor a
// map of strings is an error wrapping ErrMalformed. Several "ids=List(...)" or "ids=a" values are
// concatenated in order.
func ParseIDs(rawQuery string) ([]Key, error) {
	var keys []Key
	indexed := indexedIDs{parts: map[int]map[string]string{}, maxIndex: -1}
	sawPlain := false
	err := eachPair(rawQuery, func(name, raw string) error {
		if name == "ids" {
			sawPlain = true
			ks, err := parseIDsValue(raw)
			keys = append(keys, ks...)
			return err
		}
		if rest, ok := strings.CutPrefix(name, "ids["); ok {
			return indexed.add(name, rest, raw)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(indexed.parts) == 0 {
		return keys, nil
	}
	if sawPlain {
		return nil, fmt.Errorf("%w: ids given both as ids= and as ids[n].part=", ErrMalformed)
	}
	return indexed.keys()
}

// parseIDsValue reads one raw "ids=" value: a 2.0 List(...) of keys, or one 1.0 key.
func parseIDsValue(raw string) ([]Key, error) {
	if strings.HasPrefix(raw, "List(") {
		v, err := Decode(raw)
		if err != nil {
			return nil, err
		}
		list, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%w: ids is not a list", ErrMalformed)
		}
		keys := make([]Key, 0, len(list))
		for _, e := range list {
			k, err := keyFromValue(e)
			if err != nil {
				return nil, err
			}
			keys = append(keys, k)
		}
		return keys, nil
	}
	if raw == "" {
		return nil, fmt.Errorf("%w: empty id", ErrMalformed)
	}
	// Rest.li 1.0 writes a compound key in ids= as its "a=x&b=y" form URL-encoded once more
	// (ids=part1%3Dfive%26part2%3D9), so decode one level and look for that shape first.
	if dec, err := Unescape(raw); err == nil && dec != raw {
		if parts, ok, err := parseV1Key(dec); ok || err != nil {
			if err != nil {
				return nil, err
			}
			return []Key{{parts: parts}}, nil
		}
	}
	k, err := ParseKey(raw)
	if err != nil {
		return nil, err
	}
	return []Key{k}, nil
}

// indexedIDs gathers the protocol 1.0 compound form ids[n].part=value, which may come in any order.
type indexedIDs struct {
	parts    map[int]map[string]string // parts by index
	maxIndex int                       // -1 while empty
}

// add records one ids[n].part=value pair; name is the whole decoded name and rest what follows "ids[".
func (ix *indexedIDs) add(name, rest, raw string) error {
	idx, part, ok := strings.Cut(rest, "].")
	if !ok || part == "" {
		return fmt.Errorf("%w: bad indexed id %q", ErrMalformed, name)
	}
	n, err := strconv.Atoi(idx)
	if err != nil || n < 0 || n > 10000 || strconv.Itoa(n) != idx {
		return fmt.Errorf("%w: bad id index in %q", ErrMalformed, name)
	}
	val, err := Unescape(raw)
	if err != nil {
		return err
	}
	parts := ix.parts[n]
	if parts == nil {
		parts = map[string]string{}
		ix.parts[n] = parts
	}
	if _, dup := parts[part]; dup {
		return fmt.Errorf("%w: repeated id part %q", ErrMalformed, name)
	}
	parts[part] = val
	ix.maxIndex = max(ix.maxIndex, n)
	return nil
}

// keys returns the gathered keys in index order; the indexes must run 0..n without gaps.
func (ix *indexedIDs) keys() ([]Key, error) {
	if len(ix.parts) != ix.maxIndex+1 {
		return nil, fmt.Errorf("%w: indexed ids are not numbered 0..%d without gaps", ErrMalformed, ix.maxIndex)
	}
	keys := make([]Key, 0, len(ix.parts))
	for i := 0; i <= ix.maxIndex; i++ {
		keys = append(keys, Key{parts: ix.parts[i]})
	}
	return keys, nil
}

// keyFromValue turns one decoded 2.0 element into a key: a string is a simple key, a map of strings a
// compound key.
func keyFromValue(v any) (Key, error) {
	switch x := v.(type) {
	case string:
		return SimpleKey(x), nil
	case map[string]any:
		parts := make(map[string]string, len(x))
		for k, e := range x {
			s, ok := e.(string)
			if !ok {
				return Key{}, fmt.Errorf("%w: compound key part %q is not a string", ErrMalformed, k)
			}
			parts[k] = s
		}
		return Key{parts: parts}, nil
	}
	return Key{}, fmt.Errorf("%w: a key is a string or a map of strings, not a list", ErrMalformed)
}
