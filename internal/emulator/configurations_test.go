package emulator

import (
	"strings"
	"testing"
)

// cfgKey2 is a protocol 2.0 configuration key (URL-escaped) for ids=List(...).
func cfgKey2(org, typ, name string) string {
	return "(configurationName:" + name + ",integrationContext:" + strings.ReplaceAll(org, ":", "%3A") +
		",integrationType:" + typ + ",tenantType:RECRUITER)"
}

func TestConfigurationsValidation(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	if err := v.emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: "urn:li:organization:2000",
		IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: statusPending}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		org    string
		typ    string
		cfg    string
		value  string
		status int // per-key status; 204 for success
		code   string
	}{
		{"callback ok", SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL", "https://a.example.com/cb", 204, ""},
		{"callback same url same context again", SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL", "https://a.example.com/cb", 204, ""},
		{"callback http", SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL", "http://a.example.com/cb", 422, ""},
		{"callback not a url", SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL", "nope", 422, ""},
		{"callback used by another context", "urn:li:organization:2000", "ONE_CLICK_EXPORT", "CALLBACK_URL", "https://a.example.com/cb", 409, "CONFLICT"},
		{"viewers ok", SeedOrganization, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS", "ALL_PRODUCT_USERS", 204, ""},
		{"viewers bad value", SeedOrganization, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS", "SOME_USERS", 422, ""},
		{"application viewers on IN_ATS_INDICATOR", SeedOrganization, "IN_ATS_INDICATOR", "APPLICATION_VIEWERS", "ALL_PRODUCT_USERS", 204, ""},
		{"application viewers on ONE_CLICK_EXPORT", SeedOrganization, "ONE_CLICK_EXPORT", "APPLICATION_VIEWERS", "ALL_PRODUCT_USERS", 422, ""},
		{"unknown name", SeedOrganization, "ONE_CLICK_EXPORT", "FOO", "x", 422, ""},
		{"integration never enabled", SeedOrganization, "CRM_ONE_CLICK_EXPORT", "CALLBACK_URL", "https://b.example.com", 404, ""},
		{"unknown type", SeedOrganization, "NOPE", "CALLBACK_URL", "https://b.example.com", 422, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := cfgKey2(c.org, c.typ, c.cfg)
			bodyKey := strings.ReplaceAll(k, "%3A", "%3A") // reduced spelling escapes ':' too
			r := v.do("PUT", "/rest/integrationConfigurations?ids=List("+k+")", tok,
				`{"entities":{"`+bodyKey+`":{"configurationValue":{"string":"`+c.value+`"}}}}`,
				v2026, "X-RestLi-Method: batch_update", "X-Restli-Protocol-Version: 2.0.0")
			if r.status != 200 {
				t.Fatalf("batch status %d %s", r.status, r.raw)
			}
			if c.status == 204 {
				if num(m(r.body, "results", k, "status")) != 204 {
					t.Fatalf("want success: %s", r.raw)
				}
				return
			}
			if num(m(r.body, "errors", k, "status")) != c.status || (c.code != "" && m(r.body, "errors", k, "code") != c.code) {
				t.Fatalf("want per-key %d: %s", c.status, r.raw)
			}
		})
	}
	if in, _ := v.emu.Integration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER"); in.Status != statusEnabled {
		t.Errorf("ONE_CLICK_EXPORT should be ENABLED after CALLBACK_URL, is %s", in.Status)
	}
	if in, _ := v.emu.Integration(ChildApplication, "urn:li:organization:2000", "ONE_CLICK_EXPORT", "RECRUITER"); in.Status != statusPending {
		t.Errorf("a refused CALLBACK_URL must not enable: %s", in.Status)
	}
}

func TestConfigurationsBatchShapes(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	cb := cfgKey2(SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL")
	jv := cfgKey2(SeedOrganization, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS")
	put := func(query, body string) result {
		return v.do("PUT", "/rest/integrationConfigurations?"+query, tok, body, v2026, "X-RestLi-Method: batch_update")
	}
	// Mixed batch: one good key, one bad: the good one is applied.
	r := put("ids=List("+cb+","+jv+")", `{"entities":{"`+cb+`":{"configurationValue":{"string":"https://x.example.com"}},"`+jv+`":{"configurationValue":{"string":"BAD"}}}}`)
	if num(m(r.body, "results", cb, "status")) != 204 || num(m(r.body, "errors", jv, "status")) != 422 {
		t.Fatalf("mixed batch: %s", r.raw)
	}
	// Body keys must equal ids.
	r = put("ids=List("+cb+")", `{"entities":{"`+jv+`":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}`)
	if r.status != 400 || !strings.Contains(r.raw, "Batch request mismatch") {
		t.Fatalf("mismatch: %d %s", r.status, r.raw)
	}
	r = put("ids=List("+cb+","+jv+")", `{"entities":{"`+jv+`":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}`)
	if r.status != 400 {
		t.Fatalf("missing entity: %d %s", r.status, r.raw)
	}
	// A 1.0 body key matches 2.0 ids structurally (and the response uses the request's ids spelling).
	v1body := "integrationContext=urn%3Ali%3Aorganization%3A1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=JOB_POSTING_VIEWERS"
	r = put("ids=List("+jv+")", `{"entities":{"`+v1body+`":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}`)
	if num(m(r.body, "results", jv, "status")) != 204 {
		t.Fatalf("1.0 body key with 2.0 ids: %s", r.raw)
	}
	// Bad union member.
	r = put("ids=List("+jv+")", `{"entities":{"`+jv+`":{"configurationValue":{"int":3}}}}`)
	if num(m(r.body, "errors", jv, "status")) != 422 {
		t.Fatalf("union: %s", r.raw)
	}
	// A key with a missing part is a malformed request.
	r = v.do("GET", "/rest/integrationConfigurations?ids=List((configurationName:CALLBACK_URL,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER))", tok, "", v2026)
	if r.status != 400 {
		t.Fatalf("missing part: %d %s", r.status, r.raw)
	}
	// batch_get: set keys read, unset keys 404 per key.
	av := cfgKey2(SeedOrganization, "IN_ATS_INDICATOR", "APPLICATION_VIEWERS")
	r = v.do("GET", "/rest/integrationConfigurations?ids=List("+cb+","+av+")", tok, "", v2026)
	if m(r.body, "results", cb, "configurationValue", "string") != "https://x.example.com" || num(m(r.body, "errors", av, "status")) != 404 {
		t.Fatalf("batch_get: %s", r.raw)
	}
	// batch_delete: CALLBACK_URL not deletable, viewers deletable, unset 404.
	r = v.do("DELETE", "/rest/integrationConfigurations?ids=List("+cb+","+jv+","+av+")", tok, "", v2026, "X-RestLi-Method: batch_delete")
	if m(r.body, "errors", cb, "code") != "CONFIGURATION_NOT_DELETABLE" || num(m(r.body, "results", jv, "status")) != 204 || num(m(r.body, "errors", av, "status")) != 404 {
		t.Fatalf("batch_delete: %s", r.raw)
	}
	// Tunnelled GET (form body) and tunnelled PUT (multipart/mixed).
	r = v.do("POST", "/rest/integrationConfigurations", tok, "ids=List("+cb+")", v2026,
		"X-HTTP-Method-Override: GET", "Content-Type: application/x-www-form-urlencoded")
	if m(r.body, "results", cb, "configurationValue", "string") != "https://x.example.com" {
		t.Fatalf("tunnelled GET: %d %s", r.status, r.raw)
	}
	mp := "--B\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nids=List(" + jv + ")\r\n--B\r\nContent-Type: application/json\r\n\r\n" +
		`{"entities":{"` + jv + `":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}` + "\r\n--B--\r\n"
	r = v.do("POST", "/rest/integrationConfigurations", tok, mp, v2026, "X-HTTP-Method-Override: PUT",
		"X-RestLi-Method: batch_update", "Content-Type: multipart/mixed; boundary=B")
	if num(m(r.body, "results", jv, "status")) != 204 {
		t.Fatalf("tunnelled PUT: %d %s", r.status, r.raw)
	}
	counts := v.emu.RequestCounts()
	found := false
	for _, c := range counts {
		if c.Method == "POST" && c.Path == "/rest/integrationConfigurations" && c.RestliMethod == "batch_update" {
			found = true
		}
	}
	if !found {
		t.Errorf("tunnelled PUT not counted as POST batch_update: %+v", counts)
	}
}

func TestChildApplicationsAreIsolated(t *testing.T) {
	v := newTestEnv(t, Options{})
	ptok := v.parent()
	r := v.do("POST", "/v2/provisionedApplications", ptok, `{"uniqueForeignId":"cust-2","name":"Customer Two","description":"d"}`)
	if r.status != 201 {
		t.Fatalf("provision: %d %s", r.status, r.raw)
	}
	id, secret := m(r.body, "credentials", "client_id").(string), m(r.body, "credentials", "client_secret").(string)
	other := v.token(id, secret)
	cb := cfgKey2(SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL")
	// The new child has no integrations until its customer enables them.
	r = v.do("GET", "/rest/integrationConfigurations?ids=List("+cb+")", other, "", v2026)
	if num(m(r.body, "errors", cb, "status")) != 404 {
		t.Fatalf("new child sees seed integration: %s", r.raw)
	}
	r = v.do("PUT", "/rest/integrationConfigurations?ids=List("+cb+")", v.child(),
		`{"entities":{"`+cb+`":{"configurationValue":{"string":"https://x.example.com"}}}}`, v2026, "X-RestLi-Method: batch_update")
	if num(m(r.body, "results", cb, "status")) != 204 {
		t.Fatalf("seed child upsert: %s", r.raw)
	}
	if err := v.emu.SetIntegration(IntegrationState{Application: id, IntegrationContext: SeedOrganization,
		IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: statusPending}); err != nil {
		t.Fatal(err)
	}
	r = v.do("GET", "/rest/integrationConfigurations?ids=List("+cb+")", other, "", v2026)
	if num(m(r.body, "errors", cb, "status")) != 404 {
		t.Fatalf("other child sees seed child's configuration: %s", r.raw)
	}
}

func TestLegacyConfigurationPathKeySpellings(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	body := `{"entities":{"JOB_POSTING_VIEWERS":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}`
	for _, key := range []string{
		"integrationContext=urn:li:organization:1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS",
		"integrationContext=urn%3Ali%3Aorganization%3A1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS",
		"(dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)",
	} {
		proto := "X-Restli-Protocol-Version: 1.0.0"
		if strings.HasPrefix(key, "(") {
			proto = "X-Restli-Protocol-Version: 2.0.0" // a 2.0 key needs the 2.0 header
		}
		r := v.do("PUT", "/v2/atsIntegrations/"+key+"/configurations?ids=JOB_POSTING_VIEWERS", tok, body, "X-RestLi-Method: batch_update", proto)
		if num(m(r.body, "results", "JOB_POSTING_VIEWERS", "status")) != 204 {
			t.Errorf("%s: %d %s", key, r.status, r.raw)
		}
	}
	for _, bad := range []string{
		"integrationContext=urn:li:organization:1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER",
		"integrationContext=urn:li:organization:1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=CRM",
		// Grammar characters inside a 2.0 value must be escaped.
		"(dataProvider:ATS,integrationContext:urn:li:organization:1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)",
	} {
		if r := v.do("PUT", "/v2/atsIntegrations/"+bad+"/configurations?ids=JOB_POSTING_VIEWERS", tok, body, "X-RestLi-Method: batch_update", "X-Restli-Protocol-Version: 2.0.0"); r.status != 400 {
			t.Errorf("%s: %d %s", bad, r.status, r.raw)
		}
	}
}
