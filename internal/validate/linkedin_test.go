package validate

import (
	"strings"
	"testing"
)

func TestContextForType(t *testing.T) {
	cases := []struct {
		itype, urn string
		ok         bool
	}{
		{"ONE_CLICK_EXPORT", "urn:li:organization:1", true},
		{"ONE_CLICK_EXPORT", "urn:li:contract:1", false},
		{"CSA_API", "urn:li:contract:42", true},
		{"CSA_API", "urn:li:organization:42", false},
		{"PREMIUM_JOB_POSTING", "urn:li:contract:7", true},
		{"APPLY_CONNECT", "urn:li:organization:7", true},
		{"UNKNOWN_TYPE", "urn:li:contract:7", true}, // reported by the type's own check
	}
	for _, c := range cases {
		err := ContextForType(c.itype, c.urn)
		if (err == nil) != c.ok {
			t.Errorf("ContextForType(%s, %s) = %v, want ok=%v", c.itype, c.urn, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), c.itype) {
			t.Errorf("error %q does not name the type", err)
		}
	}
}

func TestIntegrationContext(t *testing.T) {
	for _, ok := range []string{"urn:li:organization:1000", "urn:li:contract:9"} {
		if err := IntegrationContext(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "urn:li:organization:", "urn:li:organization:0", "urn:li:organization:12a",
		"organization:1", "urn:li:company:1", " urn:li:organization:1", "urn:li:organization:1/"} {
		if err := IntegrationContext(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// One URN rule for every attribute naming an organization, a contract or an industry: a positive id without
// leading zeros.
func TestURN(t *testing.T) {
	for _, kind := range []string{"organization", "contract", "industry"} {
		if err := URN(kind, "urn:li:"+kind+":1000"); err != nil {
			t.Errorf("%s: %v", kind, err)
		}
		for _, bad := range []string{"urn:li:" + kind + ":0", "urn:li:" + kind + ":01", "urn:li:" + kind + ":", "urn:li:" + kind + ":-1",
			"urn:li:" + kind + ":1a", kind + ":1", " urn:li:" + kind + ":1", "urn:li:person:1"} {
			err := URN(kind, bad)
			if err == nil {
				t.Errorf("URN(%s, %q) accepted", kind, bad)
			} else if !strings.Contains(err.Error(), "positive integer without leading zeros") {
				t.Errorf("URN(%s, %q): %v", kind, bad, err)
			}
		}
	}
	// The integration context rule and the job posting rule are the same rule.
	for _, urn := range []string{"urn:li:organization:0", "urn:li:organization:007", "urn:li:organization:1"} {
		if (OrganizationURN(urn) == nil) != (ContextKind(urn) == ContextOrganization) {
			t.Errorf("%s: OrganizationURN and IntegrationContext disagree", urn)
		}
	}
	if ContractURN("urn:li:contract:0") == nil || ContractURN("urn:li:contract:5") != nil {
		t.Error("ContractURN")
	}
}

func TestDefaultTenantAndTenantForType(t *testing.T) {
	want := map[string]string{
		"APPLY_CONNECT": TenantJobs, "APPLY_WITH_LINKEDIN": TenantJobs, "PREMIUM_JOB_POSTING": TenantJobs,
		"CSA_API": TenantRecruiter, "CRM_CSA_API": TenantRecruiter, "ONE_CLICK_EXPORT": TenantRecruiter,
		"IN_ATS_INDICATOR": TenantRecruiter, "CRM_PROFILE_PLUGIN": TenantRecruiter,
	}
	for it, tenant := range want {
		if got := DefaultTenantType(it); got != tenant {
			t.Errorf("DefaultTenantType(%s) = %s, want %s", it, got, tenant)
		}
		if err := TenantForType(it, tenant); err != nil {
			t.Errorf("TenantForType(%s, %s): %v", it, tenant, err)
		}
	}
	if err := TenantForType("ONE_CLICK_EXPORT", TenantJobs); err == nil || !strings.Contains(err.Error(), "RECRUITER") {
		t.Errorf("JOBS for ONE_CLICK_EXPORT: %v", err)
	}
	if len(IntegrationTypeNames()) != 13 {
		t.Errorf("expected the 13 integration types LinkedIn documents, got %v", IntegrationTypeNames())
	}
}

func TestConfigurationRules(t *testing.T) {
	allowed := map[string][]string{
		ConfigCallbackURL:        {"ONE_CLICK_EXPORT", "CRM_ONE_CLICK_EXPORT"},
		ConfigJobPostingViewers:  {"ONE_CLICK_EXPORT"},
		ConfigApplicationViewers: {"IN_ATS_INDICATOR", "IN_CRM_INDICATOR"},
	}
	for name, types := range allowed {
		for _, it := range IntegrationTypeNames() {
			want := false
			for _, a := range types {
				want = want || a == it
			}
			if err := ConfigurationForType(it, name); (err == nil) != want {
				t.Errorf("ConfigurationForType(%s, %s) = %v, want ok=%v", it, name, err, want)
			}
		}
	}
	valueCases := []struct {
		name, value string
		ok          bool
	}{
		{ConfigCallbackURL, "https://ats.example.com/linkedin/export", true},
		{ConfigCallbackURL, "http://ats.example.com/export", false},
		{ConfigCallbackURL, "https://", false},
		{ConfigCallbackURL, "ats.example.com", false},
		{ConfigCallbackURL, "https://user:pw@ats.example.com", false},
		{ConfigJobPostingViewers, AllProductUsers, true},
		{ConfigJobPostingViewers, "all_product_users", false},
		{ConfigApplicationViewers, "SOME_USERS", false},
	}
	for _, c := range valueCases {
		if err := ConfigurationValue(c.name, c.value); (err == nil) != c.ok {
			t.Errorf("ConfigurationValue(%s, %q) = %v, want ok=%v", c.name, c.value, err, c.ok)
		}
	}
	if k, _ := LookupConfiguration(ConfigCallbackURL); k.Deletable {
		t.Error("CALLBACK_URL must not be deletable")
	}
	if k, _ := LookupConfiguration(ConfigJobPostingViewers); !k.Deletable {
		t.Error("JOB_POSTING_VIEWERS must be deletable")
	}
}

func TestApplicationName(t *testing.T) {
	if err := ApplicationName("Acme ATS integration"); err != nil {
		t.Error(err)
	}
	if err := ApplicationName(strings.Repeat("é", 50)); err != nil {
		t.Errorf("50 runes: %v", err)
	}
	for _, bad := range []string{"", "  ", " Acme", "Acme\tATS", strings.Repeat("a", 51), "Acme LinkedIn connector", "acme linkedin"} {
		if err := ApplicationName(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestJSSDKDomain(t *testing.T) {
	if err := JSSDKDomain("https://ats.example.com"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"", "https://ats.example.com/", "a b", "ats.example.com", "ftp://ats.example.com", "https://ats.example.com/app"} {
		if err := JSSDKDomain(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestImportID(t *testing.T) {
	parts, err := ImportID("urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL", "c", "t", "tt", "n")
	if err != nil || parts[0] != "urn:li:organization:1000" || parts[3] != "CALLBACK_URL" {
		t.Fatalf("got %v, %v", parts, err)
	}
	parts, err = ImportID("urn%3Ali%3Aorganization%3A1000/ONE_CLICK_EXPORT/RECRUITER", "c", "t", "tt")
	if err != nil || parts[0] != "urn:li:organization:1000" {
		t.Fatalf("URL-encoded: got %v, %v", parts, err)
	}
	for _, bad := range []string{"", "   ", "urn:li:organization:1000", "a/b", "a//c", "a/b/c/d", "a/%zz/c", "a/ /c"} {
		if _, err := ImportID(bad, "integrationContext", "integrationType", "tenantType"); err == nil {
			t.Errorf("%q accepted", bad)
		} else if !strings.Contains(err.Error(), "integrationContext/integrationType/tenantType") && !strings.Contains(err.Error(), "URL-encoded") {
			t.Errorf("%q: error %q does not name the format", bad, err)
		}
	}
	// Surrounding whitespace is refused, not trimmed: what is imported is exactly what was typed.
	for id, want := range map[string]string{
		" urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER":   `integrationContext must not start or end with whitespace, got " urn:li:organization:1000"; write "urn:li:organization:1000"`,
		"urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER ":   `tenantType must not start or end with whitespace`,
		"urn:li:organization:1000/%20ONE_CLICK_EXPORT/RECRUITER": `integrationType must not start or end with whitespace`,
		"urn:li:organization:1000/ONE_CLICK%0AEXPORT/RECRUITER":  `integrationType must not contain control characters`,
	} {
		if _, err := ImportID(id, "integrationContext", "integrationType", "tenantType"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ImportID(%q) = %v, want an error containing %q", id, err, want)
		}
	}
	if got := JoinID("a", "b", "c"); got != "a/b/c" {
		t.Errorf("JoinID = %s", got)
	}
}

func TestSingleImportID(t *testing.T) {
	if err := SingleImportID("acme-1", "unique_foreign_id", Line); err != nil {
		t.Error(err)
	}
	for id, want := range map[string]string{
		"   ":   `import ID "   " sets unique_foreign_id, which must not be blank`,
		" acme": `which must not start or end with whitespace, got " acme"; write "acme"`,
		"ac	me": `which must not contain control characters`,
	} {
		if err := SingleImportID(id, "unique_foreign_id", Line); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("SingleImportID(%q) = %v, want an error containing %q", id, err, want)
		}
	}
}

func FuzzImportID(f *testing.F) {
	f.Add("urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER")
	f.Add("a%2Fb/c/d")
	f.Fuzz(func(t *testing.T, id string) {
		parts, err := ImportID(id, "a", "b", "c")
		if err == nil && len(parts) != 3 {
			t.Fatalf("%q: %d parts", id, len(parts))
		}
	})
}

func TestKeyPartsFromImportIDs(t *testing.T) {
	const org = "urn:li:organization:1000"
	for _, tc := range []struct {
		name string
		err  error
		want string // "" = valid
	}{
		{"integration ok", IntegrationKeyParts(org, "ONE_CLICK_EXPORT", "RECRUITER"), ""},
		{"unknown type", IntegrationKeyParts(org, "FOO", "RECRUITER"), `integration type "FOO" is not one of`},
		{"bad context", IntegrationKeyParts("urn:li:person:1", "ONE_CLICK_EXPORT", "RECRUITER"), "must be an organization URN"},
		{"contract type with organization", IntegrationKeyParts(org, "CSA_API", "RECRUITER"), "needs a contract URN"},
		{"wrong tenant", IntegrationKeyParts(org, "APPLY_CONNECT", "RECRUITER"), "uses tenant type JOBS"},
		{"configuration ok", ConfigurationKeyParts(org, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"), ""},
		{"unknown configuration", ConfigurationKeyParts(org, "ONE_CLICK_EXPORT", "RECRUITER", "FOO"), `configuration name "FOO" is not one of`},
		{"configuration of another type", ConfigurationKeyParts(org, "IN_ATS_INDICATOR", "RECRUITER", "CALLBACK_URL"), "not defined for integration type IN_ATS_INDICATOR"},
	} {
		switch {
		case tc.want == "" && tc.err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, tc.err)
		case tc.want != "" && (tc.err == nil || !strings.Contains(tc.err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, tc.err, tc.want)
		}
	}
}
