package restli

import (
	"reflect"
	"testing"
)

var fuzzSeeds = []string{
	"(k1:v1,k2:List(e1,e2))", "urn%3Ali%3Aorganization%3A1", "(k2:value%20with%20spaces,k4:a%3Ab)",
	"(k2:value with spaces,k4:a%3Ab)", "()", "List()", "''", "%27%27", "(a,b)", "List(a,,b)", "(a:)", "(", "",
	"%", "%zz", "List(List(List()))", "('':'')", "(a:List((b:c),''))", "urn:li:organization:1", "CALLBACK_URL",
	"integrationContext=urn%3Ali%3Aorganization%3A1&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL",
	"(configurationName:CALLBACK_URL,integrationContext:urn%3Ali%3Aorganization%3A1,integrationType:CRM_ONE_CLICK_EXPORT,tenantType:RECRUITER)",
	"a=", "a=x&b", "List(a)", "é", "%C3%A9", "a+b",
}

// FuzzDecode checks that the decoders never panic, and that whatever they accept re-encodes to a value
// that decodes to the same thing in both escapings (the encoder is a right inverse of the decoder).
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Decode(s)
		vr, errR := DecodeReduced(s)
		if (err == nil) != (errR == nil) || !reflect.DeepEqual(v, vr) {
			t.Fatalf("Decode and DecodeReduced disagree on %q: %#v, %v / %#v, %v", s, v, err, vr, errR)
		}
		if err != nil {
			return
		}
		for name, enc := range map[string]func(any) string{"Encode": Encode, "EncodeReduced": EncodeReduced} {
			e := enc(v)
			back, err := Decode(e)
			if err != nil {
				t.Fatalf("Decode(%s(Decode(%q)) = %q): %v", name, s, e, err)
			}
			if !reflect.DeepEqual(back, v) {
				t.Fatalf("%q decoded %#v, re-encoded %q by %s, decoded %#v", s, v, e, name, back)
			}
			if name == "Encode" && enc(back) != e {
				t.Fatalf("Encode is not canonical for %q", s)
			}
		}
	})
}

// FuzzParseKey checks that ParseKey and ParseIDs never panic and that an accepted key survives its own
// encodings.
func FuzzParseKey(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("ids[0].a=1&ids[0].b=2&ids[1].a=3")
	f.Add("ids=List(a,(b:c))&ids=x")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseIDs(s)
		_, _ = ParseQuery(s)
		_, _ = ParseSimpleKey(s)
		k, err := ParseKey(s)
		if err != nil {
			return
		}
		for name, e := range map[string]string{"Encode": k.Encode(), "EncodeReduced": k.EncodeReduced()} {
			if name == "EncodeReduced" && !k.IsCompound() {
				// A reduced simple key may read as 1.0 compound (documented); ParseSimpleKey reads it.
				if k2, err := ParseSimpleKey(e); err != nil || !k2.Equal(k) {
					t.Fatalf("ParseSimpleKey(%q) = %#v, %v; want %#v", e, k2, err, k)
				}
				continue
			}
			k2, err := ParseKey(e)
			if err != nil {
				t.Fatalf("ParseKey(%s of %q = %q): %v", name, s, e, err)
			}
			if !k2.Equal(k) {
				t.Fatalf("ParseKey(%s of %q = %q) = %#v, want %#v", name, s, e, k2, k)
			}
		}
		ids, err := ParseIDs("ids=" + Encode([]Key{k}))
		if err != nil || len(ids) != 1 || !ids[0].Equal(k) {
			t.Fatalf("ParseIDs of %v: %v, %v", k, ids, err)
		}
	})
}
