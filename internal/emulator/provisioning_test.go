package emulator

import (
	"net/url"
	"strings"
	"testing"
)

func TestProvisioning(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.parent()
	create := func(body string) result {
		return v.do("POST", "/v2/provisionedApplications", tok, body)
	}
	cases := []struct {
		name   string
		body   string
		status int
	}{
		{"ok", `{"uniqueForeignId":"c1","name":"Acme ATS for Globex","description":"d","validJsSdkDomains":["https://globex.example.com"],"oauth2AuthorizedCallbackUrls":["https://globex.example.com/cb"]}`, 201},
		{"duplicate foreign id", `{"uniqueForeignId":"c1","name":"Other","description":"d"}`, 409},
		{"seed child's foreign id", `{"uniqueForeignId":"` + ChildUniqueForeignID + `","name":"Other","description":"d"}`, 409},
		{"missing foreign id", `{"name":"n","description":"d"}`, 422},
		{"missing name", `{"uniqueForeignId":"c2","description":"d"}`, 422},
		{"missing description", `{"uniqueForeignId":"c2","name":"n"}`, 422},
		{"empty description", `{"uniqueForeignId":"c2","name":"n","description":" "}`, 422},
		{"name too long", `{"uniqueForeignId":"c2","name":"` + strings.Repeat("n", 51) + `","description":"d"}`, 422},
		{"name 50 chars", `{"uniqueForeignId":"c3","name":"` + strings.Repeat("n", 50) + `","description":"d"}`, 201},
		{"name with LinkedIn", `{"uniqueForeignId":"c2","name":"My linkedin app","description":"d"}`, 422},
		{"domain trailing slash", `{"uniqueForeignId":"c2","name":"n","description":"d","validJsSdkDomains":["https://x.example.com/"]}`, 422},
		{"callback not a URL", `{"uniqueForeignId":"c2","name":"n","description":"d","oauth2AuthorizedCallbackUrls":["nope"]}`, 422},
		{"unknown field", `{"uniqueForeignId":"c2","name":"n","description":"d","color":"red"}`, 422},
	}
	for _, c := range cases {
		r := create(c.body)
		if r.status != c.status {
			t.Errorf("%s: %d %s", c.name, r.status, r.raw)
		}
	}
	urn, clientID, ok := v.emu.ApplicationByForeignID("c1")
	if !ok || !strings.HasPrefix(urn, "urn:li:developerApplication:") || urn < "urn:li:developerApplication:2000" {
		t.Fatalf("ApplicationByForeignID: %q %q %v", urn, clientID, ok)
	}
	// Finder: no secret, credentials.client_id only.
	r := v.do("GET", "/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=c1", tok, "")
	els, _ := r.body["elements"].([]any)
	if r.status != 200 || len(els) != 1 || m(els[0], "key") != urn || m(els[0], "credentials", "client_id") != clientID ||
		m(els[0], "credentials", "client_secret") != nil || m(els[0], "name") != "Acme ATS for Globex" {
		t.Fatalf("finder: %d %s", r.status, r.raw)
	}
	r = v.do("GET", "/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=nobody", tok, "")
	if els, _ := r.body["elements"].([]any); r.status != 200 || len(els) != 0 {
		t.Fatalf("finder miss: %s", r.raw)
	}
	// partial_update.
	path := "/v2/provisionedApplications/" + url.PathEscape(urn)
	path = strings.ReplaceAll(path, ":", "%3A")
	r = v.do("POST", path, tok, `{"patch":{"$set":{"name":"Renamed","validJsSdkDomains":["https://a.example.com"]}}}`, "X-RestLi-Method: partial_update")
	if r.status != 204 {
		t.Fatalf("partial_update: %d %s", r.status, r.raw)
	}
	for _, bad := range []string{
		`{"patch":{"$set":{"name":"LinkedIn thing"}}}`,
		`{"patch":{"$set":{"uniqueForeignId":"x"}}}`,
		`{"patch":{"$set":{"validJsSdkDomains":["https://a.example.com/"]}}}`,
	} {
		if r := v.do("POST", path, tok, bad, "X-RestLi-Method: partial_update"); r.status != 422 {
			t.Errorf("partial_update %s: %d %s", bad, r.status, r.raw)
		}
	}
	if r := v.do("POST", "/v2/provisionedApplications/urn%3Ali%3AdeveloperApplication%3A9999", tok, `{"patch":{"$set":{"name":"x"}}}`, "X-RestLi-Method: partial_update"); r.status != 404 {
		t.Errorf("unknown app: %d", r.status)
	}
	r = v.do("GET", "/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=c1", tok, "")
	if els, _ := r.body["elements"].([]any); len(els) != 1 || m(els[0], "name") != "Renamed" {
		t.Fatalf("after update: %s", r.raw)
	}
	// No delete, no list, no versioned form.
	if r := v.do("DELETE", path, tok, ""); r.status != 400 {
		t.Errorf("delete: %d %s", r.status, r.raw)
	}
	if r := v.do("GET", "/rest/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=c1", tok, "", v2026); r.status != 404 {
		t.Errorf("/rest provisioning: %d", r.status)
	}
	// The new child's credentials work at the token endpoint.
	r = create(`{"uniqueForeignId":"c9","name":"Nine","description":"d"}`)
	if got := v.token(m(r.body, "credentials", "client_id").(string), m(r.body, "credentials", "client_secret").(string)); got == "" {
		t.Fatal("no token for the provisioned child")
	}
	// X-RestLi-Id is the reduced key, Location the URL-encoded one.
	key, _ := r.body["key"].(string)
	if r.header.Get("X-RestLi-Id") != strings.ReplaceAll(key, ":", "%3A") ||
		r.header.Get("Location") != "/v2/provisionedApplications/"+strings.ReplaceAll(key, ":", "%3A") {
		t.Errorf("create: X-RestLi-Id %q, Location %q", r.header.Get("X-RestLi-Id"), r.header.Get("Location"))
	}
}

func TestIntegrations(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	oce := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)"
	ac := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:APPLY_CONNECT,tenantType:JOBS)"
	never := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:PROFILE_PLUGIN,tenantType:RECRUITER)"
	wrongTenant := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:APPLY_CONNECT,tenantType:RECRUITER)"
	wrongCtx := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:CSA_API,tenantType:RECRUITER)"
	badEnum := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:NOPE,tenantType:RECRUITER)"
	r := v.do("GET", "/rest/integrations?ids=List("+strings.Join([]string{oce, ac, never, wrongTenant, wrongCtx, badEnum}, ",")+")", tok, "", v2026)
	if r.status != 200 || m(r.body, "results", oce, "status") != statusPending || m(r.body, "results", ac, "status") != statusEnabled ||
		num(m(r.body, "errors", never, "status")) != 404 || num(m(r.body, "errors", wrongTenant, "status")) != 422 ||
		num(m(r.body, "errors", wrongCtx, "status")) != 422 || num(m(r.body, "errors", badEnum, "status")) != 422 {
		t.Fatalf("batch_get: %d %s", r.status, r.raw)
	}
	// Name it (batch_partial_update, X-RestLi-Method required).
	body := `{"entities":{"` + oce + `":{"patch":{"$set":{"integrationName":"Acme export"}}},"` + never + `":{"patch":{"$set":{"integrationName":"x"}}}}}`
	if r := v.do("POST", "/rest/integrations?ids=List("+oce+","+never+")", tok, body, v2026); r.status != 400 {
		t.Errorf("without X-RestLi-Method: %d %s", r.status, r.raw)
	}
	r = v.do("POST", "/rest/integrations?ids=List("+oce+","+never+")", tok, body, v2026, "X-RestLi-Method: batch_partial_update")
	if num(m(r.body, "results", oce, "status")) != 204 || num(m(r.body, "errors", never, "status")) != 404 {
		t.Fatalf("batch_partial_update: %s", r.raw)
	}
	if in, _ := v.emu.Integration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER"); in.IntegrationName != "Acme export" {
		t.Errorf("name not set: %+v", in)
	}
	r = v.do("POST", "/rest/integrations?ids=List("+oce+")", tok, `{"entities":{"`+oce+`":{"patch":{"$set":{"status":"ENABLED"}}}}}`, v2026, "X-RestLi-Method: batch_partial_update")
	if num(m(r.body, "errors", oce, "status")) != 422 {
		t.Errorf("status is not writable: %s", r.raw)
	}
	// Legacy, protocol 1.0 indexed ids; the key needs dataProvider=ATS; the response uses the 1.0 spelling.
	q := "ids[0].integrationContext=urn%3Ali%3Aorganization%3A1000&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS"
	r = v.do("GET", "/v2/atsIntegrations?"+q, tok, "")
	k1 := "dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER"
	if m(r.body, "results", k1, "integrationName") != "Acme export" {
		t.Fatalf("legacy batch_get: %d %s", r.status, r.raw)
	}
	if r := v.do("GET", "/v2/atsIntegrations?ids=List("+oce+")", tok, ""); r.status != 400 {
		t.Errorf("legacy key without dataProvider: %d %s", r.status, r.raw)
	}
	// More than 100 ids.
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = "(integrationContext:urn%3Ali%3Aorganization%3A" + string(rune('1'+i%9)) + strings.Repeat("0", i/9+1) + ",integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)"
	}
	r = v.do("POST", "/rest/integrations", tok, "ids=List("+strings.Join(ids, ",")+")", v2026, "X-HTTP-Method-Override: GET", "Content-Type: application/x-www-form-urlencoded")
	if r.status != 400 {
		t.Errorf("101 ids: %d %s", r.status, r.raw[:min(200, len(r.raw))])
	}
}
