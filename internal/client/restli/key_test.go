package restli

import (
	"errors"
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var configKey = CompoundKey(map[string]string{
	"integrationContext": "urn:li:organization:1",
	"integrationType":    "CRM_ONE_CLICK_EXPORT",
	"tenantType":         "RECRUITER",
	"configurationName":  "CALLBACK_URL",
})

// Every spelling of the same key must read Equal (never match keys by string equality).
func TestParseKeySpellings(t *testing.T) {
	tests := []struct {
		want      Key
		spellings []string
	}{
		{SimpleKey("urn:li:organization:1"), []string{
			"urn:li:organization:1", "urn%3Ali%3Aorganization%3A1", "urn%3ali%3aorganization%3a1", "urn%3Ali:organization%3A1",
		}},
		{SimpleKey("CALLBACK_URL"), []string{"CALLBACK_URL", "CALLBACK%5FURL"}},
		{SimpleKey(""), []string{"''"}},
		{SimpleKey("a b"), []string{"a b", "a%20b"}},
		{SimpleKey("(x)"), []string{"%28x%29"}},
		{SimpleKey("a+b"), []string{"a+b", "a%2Bb"}},
		{configKey, []string{
			// 2.0, URL-escaped, sorted
			"(configurationName:CALLBACK_URL,integrationContext:urn%3Ali%3Aorganization%3A1,integrationType:CRM_ONE_CLICK_EXPORT,tenantType:RECRUITER)",
			// 2.0, unsorted
			"(tenantType:RECRUITER,integrationContext:urn%3Ali%3Aorganization%3A1,integrationType:CRM_ONE_CLICK_EXPORT,configurationName:CALLBACK_URL)",
			// 1.0 body key from the seed's request
			"integrationContext=urn%3Ali%3Aorganization%3A1&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL",
			// 1.0 response key from the seed (sorted)
			"configurationName=CALLBACK_URL&integrationContext=urn%3Ali%3Aorganization%3A1&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER",
			// 1.0 with a raw URN, as the legacy path samples print it
			"integrationContext=urn:li:organization:1&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL",
		}},
		{CompoundKey(map[string]string{"a": "x y", "b": "p:q"}), []string{
			"(a:x%20y,b:p%3Aq)", "(a:x y,b:p%3Aq)", "a=x%20y&b=p%3Aq", "b=p:q&a=x%20y",
		}},
		{CompoundKey(map[string]string{"a": ""}), []string{"(a:'')", "a="}},
		// rest.li-test-suite association-batch-update body keys, 1.0 and 2.0
		{assocKeys[0], []string{"part1=five&part2=9&part3=APPLE", "(part1:five,part2:9,part3:APPLE)"}},
		{CompoundKey(nil), []string{"()"}},
	}
	for _, tt := range tests {
		for _, k := range []Key{tt.want} {
			tt.spellings = append(tt.spellings, k.Encode(), k.EncodeReduced())
			if len(k.parts) > 0 || k.Simple() != "" {
				tt.spellings = append(tt.spellings, k.EncodeV1())
			}
		}
		for _, s := range tt.spellings {
			got, err := ParseKey(s)
			if err != nil {
				t.Errorf("ParseKey(%q): %v", s, err)
				continue
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseKey(%q) = %v, want %v", s, got, tt.want)
			}
		}
	}
}

func TestParseSimpleKey(t *testing.T) {
	for in, want := range map[string]string{"job=1&x=2": "job=1&x=2", "job%3D1": "job=1", "''": "", "(a:b)": "(a:b)", "urn:li:x:1": "urn:li:x:1"} {
		got, err := ParseSimpleKey(in)
		if err != nil || !got.Equal(SimpleKey(want)) {
			t.Errorf("ParseSimpleKey(%q) = %v, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "%", "a%zz"} {
		if _, err := ParseSimpleKey(in); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseSimpleKey(%q) error = %v", in, err)
		}
	}
}

func TestParseKeyMalformed(t *testing.T) {
	for _, s := range []string{
		"", "(a,b)", "(a:)", "(a:b", "(a:List(x))", "(a:(b:c))", "List(a)", "100%", "%zz", "a=%zz", "a=1&a=2", "(a:1,a:2)",
	} {
		k, err := ParseKey(s)
		if err == nil {
			t.Errorf("ParseKey(%q) = %v, want an error", s, k)
		} else if !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseKey(%q) error %v does not wrap ErrMalformed", s, err)
		}
	}
}

func TestKeyEncodings(t *testing.T) {
	k := CompoundKey(map[string]string{"b": "y z", "a": "urn:li:x:1"})
	if got, want := k.Encode(), "(a:urn%3Ali%3Ax%3A1,b:y%20z)"; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
	if got, want := k.EncodeReduced(), "(a:urn%3Ali%3Ax%3A1,b:y z)"; got != want {
		t.Errorf("EncodeReduced = %q, want %q", got, want)
	}
	if got, want := k.EncodeV1(), "a=urn%3Ali%3Ax%3A1&b=y%20z"; got != want {
		t.Errorf("EncodeV1 = %q, want %q", got, want)
	}
	if got, want := k.String(), k.EncodeReduced(); got != want {
		t.Errorf("String = %q", got)
	}
	s := SimpleKey("urn:li:organization:1")
	if got, want := s.Encode(), "urn%3Ali%3Aorganization%3A1"; got != want {
		t.Errorf("simple Encode = %q", got)
	}
	if got, want := s.EncodeV1(), "urn%3Ali%3Aorganization%3A1"; got != want {
		t.Errorf("simple EncodeV1 = %q", got)
	}
	if got := (Key{}).Encode(); got != "''" {
		t.Errorf("zero key Encode = %q", got)
	}
}

func TestKeyEncodeBodyKey(t *testing.T) {
	for _, tt := range []struct {
		name string
		key  Key
		want string
	}{
		{"URN raw", SimpleKey("urn:li:simpleJobPostingTask:1f0c"), "urn:li:simpleJobPostingTask:1f0c"},
		{"number raw", SimpleKey("42"), "42"},
		{"grammar and spaces raw", SimpleKey("job (a, b): 'c' 50% é"), "job (a, b): 'c' 50% é"},
		{"looks like 1.0 raw", SimpleKey("a=b&c=d"), "a=b&c=d"},
		{"empty string", SimpleKey(""), "''"},
		{"literal apostrophes", SimpleKey("''"), "%27%27"},
		{"compound reduced", CompoundKey(map[string]string{"b": "y z", "a": "urn:li:x:1"}), "(a:urn%3Ali%3Ax%3A1,b:y z)"},
		{"compound empty part", CompoundKey(map[string]string{"a": ""}), "(a:'')"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.key.EncodeBodyKey(); got != tt.want {
				t.Errorf("EncodeBodyKey = %q, want %q", got, tt.want)
			}
		})
	}
	// What a reader gets back: compound keys with ParseKey, simple ones (without a raw '%') with
	// ParseSimpleKey, and with ParseKey too unless the text looks like a 1.0 compound key.
	for _, k := range []Key{
		SimpleKey("urn:li:simpleJobPostingTask:1f0c"), SimpleKey("CALLBACK_URL"), SimpleKey("job (a, b): 'c'"),
		SimpleKey(""), SimpleKey("''"), CompoundKey(map[string]string{"a": "urn:li:x:1", "b": "50% (off), 'now'"}),
	} {
		enc := k.EncodeBodyKey()
		if got, err := ParseKey(enc); err != nil || !got.Equal(k) {
			t.Errorf("ParseKey(%q) = %v, %v; want %v", enc, got, err, k)
		}
		if !k.IsCompound() {
			if got, err := ParseSimpleKey(enc); err != nil || !got.Equal(k) {
				t.Errorf("ParseSimpleKey(%q) = %v, %v; want %v", enc, got, err, k)
			}
		}
	}
}

func TestKeyAccessors(t *testing.T) {
	parts := map[string]string{"a": "1"}
	k := CompoundKey(parts)
	parts["a"] = "changed"
	if k.Part("a") != "1" {
		t.Error("CompoundKey must copy its parts")
	}
	p := k.Parts()
	p["a"] = "changed"
	if k.Part("a") != "1" {
		t.Error("Parts must return a copy")
	}
	if !k.IsCompound() || k.Simple() != "" {
		t.Error("compound key accessors")
	}
	s := SimpleKey("x")
	if s.IsCompound() || s.Parts() != nil || s.Part("a") != "" || s.Simple() != "x" {
		t.Error("simple key accessors")
	}
	if !CompoundKey(nil).IsCompound() {
		t.Error("CompoundKey(nil) is an empty compound key")
	}
}

func TestKeyEqual(t *testing.T) {
	a := CompoundKey(map[string]string{"a": "1", "b": "2"})
	tests := []struct {
		x, y Key
		want bool
	}{
		{a, CompoundKey(map[string]string{"b": "2", "a": "1"}), true},
		{a, CompoundKey(map[string]string{"a": "1"}), false},
		{a, CompoundKey(map[string]string{"a": "1", "b": "3"}), false},
		{a, CompoundKey(map[string]string{"a": "1", "c": "2"}), false},
		{SimpleKey(""), Key{}, true},
		{SimpleKey(""), CompoundKey(nil), false},
		{SimpleKey("a"), SimpleKey("a"), true},
		{SimpleKey("a"), SimpleKey("b"), false},
		{SimpleKey("a=1"), CompoundKey(map[string]string{"a": "1"}), false},
	}
	for _, tt := range tests {
		if got := tt.x.Equal(tt.y); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v", tt.x, tt.y, got)
		}
		if got := tt.y.Equal(tt.x); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v (reversed)", tt.y, tt.x, got)
		}
	}
}

func randomKey(r *rand.Rand) Key {
	if r.Intn(2) == 0 {
		return SimpleKey(randomString(r))
	}
	parts := map[string]string{}
	for range r.Intn(4) {
		parts[randomString(r)] = randomString(r)
	}
	return CompoundKey(parts)
}

// Every encoding of a random key parses back Equal; the 1.0 encoding has no empty string and no empty
// compound key, so those are skipped for it.
func TestKeyRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for range 20000 {
		k := randomKey(r)
		encs := map[string]string{"Encode": k.Encode()}
		if k.IsCompound() || !strings.Contains(k.Simple(), "=") {
			// A reduced simple key with "=" is the documented ambiguity; ParseSimpleKey reads it below.
			encs["EncodeReduced"] = k.EncodeReduced()
		}
		if !k.IsCompound() {
			for _, s := range []string{k.Encode(), k.EncodeReduced(), k.EncodeV1()} {
				if s == "" {
					continue
				}
				if got, err := ParseSimpleKey(s); err != nil || !got.Equal(k) {
					t.Fatalf("ParseSimpleKey(%q) = %#v, %v; want %#v", s, got, err, k)
				}
			}
		}
		v1ok := (!k.IsCompound() && k.Simple() != "") || (k.IsCompound() && len(k.parts) > 0 && !hasEmptyName(k))
		if v1ok {
			encs["EncodeV1"] = k.EncodeV1()
		}
		for name, s := range encs {
			got, err := ParseKey(s)
			if err != nil {
				t.Fatalf("ParseKey(%s of %#v = %q): %v", name, k, s, err)
			}
			if !got.Equal(k) {
				t.Fatalf("ParseKey(%s of %#v = %q) = %#v", name, k, s, got)
			}
		}
		// Encode is canonical: usable as a map key.
		if k2, _ := ParseKey(k.Encode()); k2.Encode() != k.Encode() {
			t.Fatalf("Encode not canonical for %#v", k)
		}
	}
}

func hasEmptyName(k Key) bool {
	_, ok := k.parts[""]
	return ok
}

var assocKeys = []Key{
	CompoundKey(map[string]string{"part1": "five", "part2": "9", "part3": "APPLE"}),
	CompoundKey(map[string]string{"part1": "two", "part2": "3", "part3": "ORANGE"}),
}

// The exact ids strings of the curl samples of LinkedIn's integration configurations page, with {org_id}
// filled in, plus the 2.0 spellings.
func TestParseIDs(t *testing.T) {
	seedV1 := "ids[0].integrationContext=urn%3Ali%3Aorganization%3A1&ids[0].integrationType=CRM_ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL"
	two := CompoundKey(map[string]string{"integrationContext": "urn:li:organization:2", "integrationType": "ONE_CLICK_EXPORT", "tenantType": "RECRUITER", "configurationName": "JOB_POSTING_VIEWERS"})
	tests := []struct {
		query string
		want  []Key
	}{
		{seedV1, []Key{configKey}},
		{"ids%5B0%5D.integrationContext=urn%3Ali%3Aorganization%3A1&ids%5B0%5D.integrationType=CRM_ONE_CLICK_EXPORT&ids%5B0%5D.tenantType=RECRUITER&ids%5B0%5D.configurationName=CALLBACK_URL", []Key{configKey}},
		{seedV1 + "&ids[1].integrationContext=urn%3Ali%3Aorganization%3A2&ids[1].integrationType=ONE_CLICK_EXPORT&ids[1].tenantType=RECRUITER&ids[1].configurationName=JOB_POSTING_VIEWERS", []Key{configKey, two}},
		// indices out of order still come back by index
		{"ids[1].a=2&ids[0].a=1", []Key{CompoundKey(map[string]string{"a": "1"}), CompoundKey(map[string]string{"a": "2"})}},
		{"ids=List((configurationName:CALLBACK_URL,integrationContext:urn%3Ali%3Aorganization%3A1,integrationType:CRM_ONE_CLICK_EXPORT,tenantType:RECRUITER))", []Key{configKey}},
		{"ids=" + Encode([]Key{configKey, two}), []Key{configKey, two}},
		// legacy samples: ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS
		{"ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS", []Key{SimpleKey("CALLBACK_URL"), SimpleKey("JOB_POSTING_VIEWERS")}},
		{"ids=urn:li:simpleJobPostingTask:1&ids=urn%3Ali%3AsimpleJobPostingTask%3A2", []Key{SimpleKey("urn:li:simpleJobPostingTask:1"), SimpleKey("urn:li:simpleJobPostingTask:2")}},
		{"ids=List(urn%3Ali%3AsimpleJobPostingTask%3A1,urn%3Ali%3AsimpleJobPostingTask%3A2)", []Key{SimpleKey("urn:li:simpleJobPostingTask:1"), SimpleKey("urn:li:simpleJobPostingTask:2")}},
		{"ids=List(b,a)&q=x&fields=id", []Key{SimpleKey("b"), SimpleKey("a")}},
		{"ids=List('')", []Key{SimpleKey("")}},
		// rest.li-test-suite association-batch-get, protocol 1.0 and 2.0
		{"ids=part1%3Dfive%26part2%3D9%26part3%3DAPPLE&ids=part1%3Dtwo%26part2%3D3%26part3%3DORANGE", assocKeys},
		{"ids=List((part1:five,part2:9,part3:APPLE),(part1:two,part2:3,part3:ORANGE))", assocKeys},
		// 1.0 double encoding keeps an escaped value escaped once more
		{"ids=integrationContext%3Durn%253Ali%253Aorganization%253A1%26integrationType%3DCRM_ONE_CLICK_EXPORT%26tenantType%3DRECRUITER%26configurationName%3DCALLBACK_URL", []Key{configKey}},
		// legacy: a simple id URL-encoded, no '=' inside
		{"ids=JOB%2D1", []Key{SimpleKey("JOB-1")}},
		{"ids=List()", nil},
		{"q=x", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, err := ParseIDs(tt.query)
		if err != nil {
			t.Errorf("ParseIDs(%q): %v", tt.query, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("ParseIDs(%q) = %v, want %v", tt.query, got, tt.want)
			continue
		}
		for i := range got {
			if !got[i].Equal(tt.want[i]) {
				t.Errorf("ParseIDs(%q)[%d] = %v, want %v", tt.query, i, got[i], tt.want[i])
			}
		}
	}
}

func TestParseIDsMalformed(t *testing.T) {
	for _, q := range []string{
		"ids=List(a,,b)", "ids=List(a", "ids=List(List(a))", "ids=List((a:List(b)))", "ids=", "ids=%zz",
		"ids[0].a=1&ids=b", "ids[1].a=1", "ids[0].a=1&ids[0].a=2", "ids[x].a=1", "ids[0]a=1", "ids[0].=1",
		"ids[-1].a=1", "ids[01].a=1", "ids[0].a=%zz", "ids%zz=1",
	} {
		keys, err := ParseIDs(q)
		if err == nil {
			t.Errorf("ParseIDs(%q) = %v, want an error", q, keys)
		} else if !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseIDs(%q) error %v does not wrap ErrMalformed", q, err)
		}
	}
}

func TestParseIDsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for range 2000 {
		keys := make([]Key, 1+r.Intn(5))
		for i := range keys {
			keys[i] = randomKey(r)
		}
		q := EncodeQuery(map[string]any{"ids": keys, "q": "x"})
		got, err := ParseIDs(q)
		if err != nil {
			t.Fatalf("ParseIDs(%q): %v", q, err)
		}
		if !reflect.DeepEqual(len(got), len(keys)) {
			t.Fatalf("ParseIDs(%q) = %v", q, got)
		}
		for i := range keys {
			if !got[i].Equal(keys[i]) {
				t.Fatalf("ParseIDs(%q)[%d] = %#v, want %#v", q, i, got[i], keys[i])
			}
		}
	}
}

// Protocol 1.0 spellings a server must read: ids=<EncodeV1 URL-encoded once more> and ids[i].part=value.
func TestParseIDsV1RoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	for range 5000 {
		keys := make([]Key, 1+r.Intn(4))
		for i := range keys {
			parts := map[string]string{}
			for range 1 + r.Intn(3) {
				if n := randomString(r); n != "" {
					parts[n] = randomString(r)
				}
			}
			if len(parts) == 0 {
				parts["a"] = "x"
			}
			keys[i] = CompoundKey(parts)
		}
		var plain, indexed []string
		for i, k := range keys {
			plain = append(plain, "ids="+Escape(k.EncodeV1()))
			for _, n := range sortedKeys(k.parts) {
				indexed = append(indexed, Escape("ids["+strconv.Itoa(i)+"]."+n)+"="+url1(k.parts[n]))
			}
		}
		r.Shuffle(len(indexed), func(i, j int) { indexed[i], indexed[j] = indexed[j], indexed[i] })
		for _, q := range []string{strings.Join(plain, "&"), strings.Join(indexed, "&")} {
			got, err := ParseIDs(q)
			if err != nil {
				t.Fatalf("ParseIDs(%q): %v", q, err)
			}
			if len(got) != len(keys) {
				t.Fatalf("ParseIDs(%q) = %v, want %v", q, got, keys)
			}
			for i := range keys {
				if !got[i].Equal(keys[i]) {
					t.Fatalf("ParseIDs(%q)[%d] = %#v, want %#v", q, i, got[i], keys[i])
				}
			}
		}
	}
}

// url1 is the 1.0 value encoding: URL escaping with the empty string as nothing.
func url1(s string) string {
	if s == "" {
		return ""
	}
	return Escape(s)
}
