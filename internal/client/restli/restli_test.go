package restli

import (
	"errors"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"testing/quick"
)

// Examples of the Rest.li 2.0 encoding (https://linkedin.github.io/rest.li/spec/protocol) and a few its rules
// imply.
func TestEncodeSpecExamples(t *testing.T) {
	tests := []struct {
		name    string
		in      any
		url     string
		reduced string
	}{
		{"record with list", map[string]any{"k1": "v1", "k2": []any{"e1", "e2"}}, "(k1:v1,k2:List(e1,e2))", "(k1:v1,k2:List(e1,e2))"},
		{"urn", "urn:li:organization:1", "urn%3Ali%3Aorganization%3A1", "urn%3Ali%3Aorganization%3A1"},
		{"spaces and colon", map[string]any{"k2": "value with spaces", "k4": "a:b"}, "(k2:value%20with%20spaces,k4:a%3Ab)", "(k2:value with spaces,k4:a%3Ab)"},
		{"empty map", map[string]any{}, "()", "()"},
		{"empty list", []any{}, "List()", "List()"},
		{"empty string", "", "''", "''"},
		{"literal quotes", "''", "%27%27", "%27%27"},
		{"number", 42, "42", "42"},
		{"bool", true, "true", "true"},
		{"enum", "ONE_CLICK_EXPORT", "ONE_CLICK_EXPORT", "ONE_CLICK_EXPORT"},
		{"union", map[string]any{"string": "abc"}, "(string:abc)", "(string:abc)"},
		{"list of urns", []string{"urn:li:organization:1"}, "List(urn%3Ali%3Aorganization%3A1)", "List(urn%3Ali%3Aorganization%3A1)"},
		{"keys sorted", map[string]string{"b": "2", "a": "1", "c": "3"}, "(a:1,b:2,c:3)", "(a:1,b:2,c:3)"},
		{"grammar in string", "a(b)c,d:e'f", "a%28b%29c%2Cd%3Ae%27f", "a%28b%29c%2Cd%3Ae%27f"},
		{"percent", "100%", "100%25", "100%25"},
		{"reduced keeps = & / unicode", "a=b&c/d é", "a%3Db%26c%2Fd%20%C3%A9", "a=b&c/d é"},
		{"unreserved kept", "AZaz09-_.~", "AZaz09-_.~", "AZaz09-_.~"},
		{"plus", "a+b", "a%2Bb", "a+b"},
		{"float", 1.5, "1.5", "1.5"},
		{"integral float", float64(42), "42", "42"},
		{"negative", -7, "-7", "-7"},
		{"nil map entry omitted", map[string]any{"a": nil, "b": "x"}, "(b:x)", "(b:x)"},
		{"named string type", IntegrationTypeForTest("ONE_CLICK_EXPORT"), "ONE_CLICK_EXPORT", "ONE_CLICK_EXPORT"},
		{"slice of ints", []int{1, 2}, "List(1,2)", "List(1,2)"},
		{"key inside list", []Key{SimpleKey("urn:li:x:1"), CompoundKey(map[string]string{"b": "y z", "a": "x"})},
			"List(urn%3Ali%3Ax%3A1,(a:x,b:y%20z))", "List(urn%3Ali%3Ax%3A1,(a:x,b:y z))"},
		{"nested", map[string]any{"a": []any{map[string]any{"b": []any{}}, ""}}, "(a:List((b:List()),''))", "(a:List((b:List()),''))"},
		{"string List(", "List(a)", "List%28a%29", "List%28a%29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Encode(tt.in); got != tt.url {
				t.Errorf("Encode = %q, want %q", got, tt.url)
			}
			if got := EncodeReduced(tt.in); got != tt.reduced {
				t.Errorf("EncodeReduced = %q, want %q", got, tt.reduced)
			}
		})
	}
}

// IntegrationTypeForTest stands for the enum types callers pass.
type IntegrationTypeForTest string

func TestDecodeExamples(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{"(k1:v1,k2:List(e1,e2))", map[string]any{"k1": "v1", "k2": []any{"e1", "e2"}}},
		{"urn%3Ali%3Aorganization%3A1", "urn:li:organization:1"},
		{"(k2:value%20with%20spaces,k4:a%3Ab)", map[string]any{"k2": "value with spaces", "k4": "a:b"}},
		{"(k2:value with spaces,k4:a%3Ab)", map[string]any{"k2": "value with spaces", "k4": "a:b"}},
		{"()", map[string]any{}},
		{"List()", []any{}},
		{"''", ""},
		{"%27%27", "''"},
		{"42", "42"},
		{"true", "true"},
		{"a+b", "a+b"},
		{"List(List())", []any{[]any{}}},
		{"List('',a)", []any{"", "a"}},
		{"('':x)", map[string]any{"": "x"}},
		{"(a:'')", map[string]any{"a": ""}},
		{"List", "List"},
		{"List(List)", []any{"List"}},
		{"Listing", "Listing"},
		{"%28a%29", "(a)"},
		{"(string:abc)", map[string]any{"string": "abc"}},
		{"%C3%A9", "é"},
		{"é", "é"},
		// rest.li-test-suite complexkey-batch-get-with-special-chars (2.0): raw !*;@$/? inside strings
		{"List(($params:(param1:param!*%27%28%29;%3A@%26%3D%2B$%2C/?%23%5B%5D.~,param2:5),part1:two))",
			[]any{map[string]any{"$params": map[string]any{"param1": "param!*'();:@&=+$,/?#[].~", "param2": "5"}, "part1": "two"}}},
		// rest.li-test-suite collection-map-finder-empty-entry
		{"('':'')", map[string]any{"": ""}},
		{"List((configurationName:CALLBACK_URL,integrationContext:urn%3Ali%3Aorganization%3A1))",
			[]any{map[string]any{"configurationName": "CALLBACK_URL", "integrationContext": "urn:li:organization:1"}}},
	}
	for _, tt := range tests {
		for name, dec := range map[string]func(string) (any, error){"Decode": Decode, "DecodeReduced": DecodeReduced} {
			got, err := dec(tt.in)
			if err != nil {
				t.Errorf("%s(%q): %v", name, tt.in, err)
				continue
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s(%q) = %#v, want %#v", name, tt.in, got, tt.want)
			}
		}
	}
}

func TestDecodeMalformed(t *testing.T) {
	bad := []string{
		"", "(a,b)", "List(a,,b)", "(a:)", "(", ")", "List(", "List(a", "(a:b", "(a:b))", "a)", "((a:b))",
		"(a:b,)", "List(a,)", "List(,a)", "(:a)", "'", "'''", "''a", "a'", "'a'", "%", "%2", "%zz", "a%G1",
		"(a:1,a:2)", "List(a)b", "a:b", "a,b", "()()", "(a:b)c", "(a%2:b)", "List(%)", "List(a)(b)",
		"(List(a):b)", "(a:b:c)", strings.Repeat("List(", 300) + strings.Repeat(")", 300),
		strings.Repeat("(a:", 300) + "b" + strings.Repeat(")", 300),
	}
	for _, in := range bad {
		for name, dec := range map[string]func(string) (any, error){"Decode": Decode, "DecodeReduced": DecodeReduced} {
			v, err := dec(in)
			if err == nil {
				t.Errorf("%s(%q) = %#v, want an error", name, truncate(in), v)
				continue
			}
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("%s(%q) error %v does not wrap ErrMalformed", name, truncate(in), err)
			}
		}
	}
}

func TestDecodeDeepButAllowed(t *testing.T) {
	in := strings.Repeat("List(", 100) + "x" + strings.Repeat(")", 100)
	if _, err := Decode(in); err != nil {
		t.Fatalf("100 levels: %v", err)
	}
}

// randomValue builds a random decoded-shaped value: strings (with unicode, grammar characters, '%',
// apostrophes, the empty string, "List(" prefixes), lists and maps, nested.
func randomValue(r *rand.Rand, depth int) any {
	k := r.Intn(10)
	if depth > 4 {
		k = 0
	}
	switch {
	case k < 5:
		return randomString(r)
	case k < 7:
		n := r.Intn(4)
		l := make([]any, n)
		for i := range l {
			l[i] = randomValue(r, depth+1)
		}
		return l
	default:
		n := r.Intn(4)
		m := make(map[string]any, n)
		for range n {
			m[randomString(r)] = randomValue(r, depth+1)
		}
		return m
	}
}

var pieces = []string{
	"", "a", "Z", "0", "9", "-", "_", ".", "~", "(", ")", ",", ":", "'", "''", "%", "%25", "%2", " ", "+", "=",
	"&", "/", "?", "#", "é", "日本", "😀", "List", "List(", "urn:li:organization:1", "\x00", "\xff", "\t", "\n",
	"[", "]", "*", "!", "\"", "\\", "%20", "List()", "()",
}

func randomString(r *rand.Rand) string {
	var b strings.Builder
	for range r.Intn(5) {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// value is a quick.Generator wrapper so testing/quick can drive the round trips.
type value struct{ v any }

func (value) Generate(r *rand.Rand, _ int) reflect.Value {
	return reflect.ValueOf(value{randomValue(r, 0)})
}

func TestRoundTripProperty(t *testing.T) {
	cfg := &quick.Config{MaxCount: 20000, Rand: rand.New(rand.NewSource(2))}
	for name, pair := range map[string]struct {
		enc func(any) string
		dec func(string) (any, error)
	}{
		"url":     {Encode, Decode},
		"reduced": {EncodeReduced, DecodeReduced},
	} {
		t.Run(name, func(t *testing.T) {
			prop := func(x value) bool {
				s := pair.enc(x.v)
				got, err := pair.dec(s)
				if err != nil {
					t.Logf("decode(%q): %v", s, err)
					return false
				}
				if !reflect.DeepEqual(got, x.v) {
					t.Logf("round trip of %#v via %q gave %#v", x.v, s, got)
					return false
				}
				return true
			}
			if err := quick.Check(prop, cfg); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// URL-encoded output must contain only unreserved characters, '%' escapes and grammar, so it is safe in a
// query or a path; reduced output must not contain a raw '%' other than escapes.
func TestEncodedAlphabetProperty(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for range 5000 {
		v := randomValue(r, 0)
		s := Encode(v)
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !isUnreserved(c) && !isGrammar(c) && c != '%' {
				t.Fatalf("Encode(%#v) = %q has raw %q", v, s, c)
			}
		}
	}
}

func TestEscapeUnescape(t *testing.T) {
	if got := Escape("a b"); got != "a%20b" {
		t.Errorf("Escape = %q", got)
	}
	if got := EscapeReduced("a b:c"); got != "a b%3Ac" {
		t.Errorf("EscapeReduced = %q", got)
	}
	if got, err := Unescape("a%20b+c%3a"); err != nil || got != "a b+c:" {
		t.Errorf("Unescape = %q, %v", got, err)
	}
	for _, bad := range []string{"%", "%1", "%xy", "a%"} {
		if _, err := Unescape(bad); err == nil {
			t.Errorf("Unescape(%q) want error", bad)
		}
	}
}

func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		in   map[string]any
		want string
	}{
		{nil, ""},
		{map[string]any{"q": "criteria", "ids": []any{"urn:li:organization:1", "b c"}, "count": 10, "start": 0},
			"count=10&ids=List(urn%3Ali%3Aorganization%3A1,b%20c)&q=criteria&start=0"},
		{map[string]any{"projection": "(elements*(id,name))", "fields": "id,name", "a": "x", "z": "y"},
			"a=x&z=y&fields=id,name&projection=(elements*(id,name))"},
		{map[string]any{"fields": "id"}, "fields=id"},
		{map[string]any{"skip": nil, "a b": ""}, "a%20b=''"},
		{map[string]any{"ids": []Key{CompoundKey(map[string]string{"tenantType": "RECRUITER", "integrationContext": "urn:li:organization:1"})}},
			"ids=List((integrationContext:urn%3Ali%3Aorganization%3A1,tenantType:RECRUITER))"},
		{map[string]any{"search": map[string]any{"status": map[string]any{"values": []string{"A", "B"}}}},
			"search=(status:(values:List(A,B)))"},
	}
	for _, tt := range tests {
		if got := EncodeQuery(tt.in); got != tt.want {
			t.Errorf("EncodeQuery(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	got, err := ParseQuery("ids=List(urn%3Ali%3Ax%3A1)&ids%5B0%5D.a=x%20y&q=f&&flag&ids=b")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"ids":      {"List(urn%3Ali%3Ax%3A1)", "b"},
		"ids[0].a": {"x%20y"},
		"q":        {"f"},
		"flag":     {""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseQuery = %#v, want %#v", got, want)
	}
	if _, err := ParseQuery("a%zz=1"); err == nil {
		t.Error("bad name escape: want error")
	}
	if got, err := ParseQuery(""); err != nil || len(got) != 0 {
		t.Errorf("empty = %v, %v", got, err)
	}
}

func TestShouldTunnel(t *testing.T) {
	if ShouldTunnel(strings.Repeat("a", 4000), 4100) {
		t.Error("4000-byte query must not tunnel")
	}
	if !ShouldTunnel(strings.Repeat("a", 4001), 4100) {
		t.Error("4001-byte query must tunnel")
	}
	if !ShouldTunnel("a=b", 8193) {
		t.Error("URL over 8 KB must tunnel")
	}
}

func BenchmarkEncode(b *testing.B) {
	v := map[string]any{
		"ids": []any{
			map[string]any{"integrationContext": "urn:li:organization:1", "integrationType": "ONE_CLICK_EXPORT", "tenantType": "RECRUITER"},
			map[string]any{"integrationContext": "urn:li:organization:2", "integrationType": "IN_ATS_INDICATOR", "tenantType": "RECRUITER"},
		},
		"name": "value with spaces: and (grammar)",
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = Encode(v)
	}
}

func BenchmarkDecode(b *testing.B) {
	s := Encode(map[string]any{
		"ids": []any{
			map[string]any{"integrationContext": "urn:li:organization:1", "integrationType": "ONE_CLICK_EXPORT", "tenantType": "RECRUITER"},
			map[string]any{"integrationContext": "urn:li:organization:2", "integrationType": "IN_ATS_INDICATOR", "tenantType": "RECRUITER"},
		},
		"name": "value with spaces: and (grammar)",
	})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}

// Values callers hold that are not the canonical decoded types.
func TestEncodeOtherTypes(t *testing.T) {
	s := "a b"
	var nilStr *string
	key := SimpleKey("urn:li:x:1")
	type enum string
	type flag bool
	type count uint16
	type point struct{ X, Y int }
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"nil", nil, "''"},
		{"pointer", &s, "a%20b"},
		{"nil pointer", nilStr, "''"},
		{"pointer to key", &key, "urn%3Ali%3Ax%3A1"},
		{"named bool", flag(true), "true"},
		{"uint", uint64(18446744073709551615), "18446744073709551615"},
		{"named uint", count(7), "7"},
		{"int8", int8(-8), "-8"},
		{"float32", float32(0.5), "0.5"},
		{"big float", 1e21, "1e%2B21"},
		{"small float", 1e-7, "1e-07"},
		{"zero float", 0.0, "0"},
		{"NaN", math.NaN(), "NaN"},
		{"array", [2]enum{"A", "B"}, "List(A,B)"},
		{"slice of pointers", []*string{&s, nil}, "List(a%20b,'')"},
		{"map of named", map[enum]count{"b": 2, "a": 1}, "(a:1,b:2)"},
		{"map with nil pointers omitted", map[string]*string{"a": &s, "b": nil}, "(a:a%20b)"},
		{"map[string][]string", map[string][]string{"k": {"x", "y"}}, "(k:List(x,y))"},
		{"map with non-string keys", map[int]string{10: "a", 9: "b"}, "(10:a,9:b)"},
		{"struct", point{1, 2}, "%7B1%202%7D"},
		{"empty []string", []string{}, "List()"},
		{"nil []any", []any(nil), "List()"},
		{"int64", int64(-1) << 62, "-4611686018427387904"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Encode(tt.in); got != tt.want {
				t.Errorf("Encode = %q, want %q", got, tt.want)
			}
		})
	}
	if got := EncodeReduced(map[string]*string{"a": &s}); got != "(a:a b)" {
		t.Errorf("EncodeReduced via reflect = %q", got)
	}
	if got := EncodeQuery(map[string]any{"fields": []string{"id", "name"}, "projection": nil}); got != "fields=id,name" {
		t.Errorf("EncodeQuery non-string fields = %q", got)
	}
}
