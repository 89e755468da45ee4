package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestTokenEndpoint(t *testing.T) {
	v := newTestEnv(t, Options{})
	cases := []struct {
		name   string
		form   url.Values
		status int
		errTxt string
	}{
		{"child", url.Values{"grant_type": {"client_credentials"}, "client_id": {ChildClientID}, "client_secret": {ChildClientSecret}}, 200, ""},
		{"parent", url.Values{"grant_type": {"client_credentials"}, "client_id": {ParentClientID}, "client_secret": {ParentClientSecret}}, 200, ""},
		{"bad secret", url.Values{"grant_type": {"client_credentials"}, "client_id": {ChildClientID}, "client_secret": {"nope"}}, 401, "invalid_client"},
		{"unknown client", url.Values{"grant_type": {"client_credentials"}, "client_id": {"x"}, "client_secret": {"y"}}, 401, "invalid_client"},
		{"no grant", url.Values{"client_id": {ChildClientID}, "client_secret": {ChildClientSecret}}, 400, "invalid_request"},
		{"other grant", url.Values{"grant_type": {"authorization_code"}, "client_id": {ChildClientID}, "client_secret": {ChildClientSecret}}, 400, "unsupported_grant_type"},
		{"no secret", url.Values{"grant_type": {"client_credentials"}, "client_id": {ChildClientID}}, 400, "invalid_request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := http.PostForm(v.url+"/oauth/v2/accessToken", c.form)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, c.status)
			}
		})
	}
	if n := v.emu.TotalRequests(); n != 0 {
		t.Errorf("OAuth calls counted: %d", n)
	}
	// LinkedIn's answer (client-credentials flow page): {"access_token":"…","expires_in":1800}; errors {"error","error_description"}.
	r := v.do("POST", "/oauth/v2/accessToken", "", "grant_type=client_credentials&client_id="+ChildClientID+"&client_secret="+ChildClientSecret,
		"Content-Type: application/x-www-form-urlencoded")
	if r.status != 200 || num(r.body["expires_in"]) != 1800 || r.body["access_token"] == "" {
		t.Errorf("token: %d %s", r.status, r.raw)
	}
	r = v.do("POST", "/oauth/v2/accessToken", "", "grant_type=client_credentials&client_id="+ChildClientID+"&client_secret=x",
		"Content-Type: application/x-www-form-urlencoded")
	if r.status != 401 || r.body["error"] != "invalid_client" || r.body["error_description"] == "" {
		t.Errorf("bad credentials: %d %s", r.status, r.raw)
	}
}

func TestTokenRulesOnDataAPIs(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	v := newTestEnv(t, Options{Now: clock, TokenLifetime: time.Minute})
	child := v.child()
	parent := v.parent()
	ids := "/rest/integrations?ids=List((integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER))"

	if r := v.do("GET", ids, child, "", v2026); r.status != 200 {
		t.Fatalf("child token: %d %s", r.status, r.raw)
	}
	r := v.do("GET", ids, "", "", v2026)
	if r.status != 401 || num(r.body["serviceErrorCode"]) != 65600 || r.header.Get("X-RestLi-Error-Response") != "true" {
		t.Errorf("missing token: %d %s", r.status, r.raw)
	}
	if r := v.do("GET", ids, "garbage", "", v2026); r.status != 401 || num(r.body["serviceErrorCode"]) != 65600 {
		t.Errorf("bad token: %d %s", r.status, r.raw)
	}
	r = v.do("GET", ids, parent, "", v2026)
	if r.status != 403 || r.body["message"] != "Not enough permissions to access: GET /integrations" {
		t.Errorf("parent token on data API: %d %s", r.status, r.raw)
	}
	r = v.do("POST", "/v2/provisionedApplications", child, `{"uniqueForeignId":"a","name":"n","description":"d"}`)
	if r.status != 403 {
		t.Errorf("child token on provisioning: %d %s", r.status, r.raw)
	}
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	if r := v.do("GET", ids, child, "", v2026); r.status != 401 || num(r.body["serviceErrorCode"]) != 65602 {
		t.Errorf("expired token: %d %s", r.status, r.raw)
	}
}

func TestVersionsAndURLLimits(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	ids := "/rest/integrations?ids=List((integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER))"
	cases := []struct {
		version string
		status  int
		code    string
	}{
		{"", 400, "VERSION_MISSING"},
		{"202603", 200, ""},
		{"202503", 200, ""},
		{"202602.01", 200, ""},
		{"202401", 426, "NONEXISTENT_VERSION"},
		{"209912", 426, "NONEXISTENT_VERSION"},
		{"latest", 426, "NONEXISTENT_VERSION"},
	}
	for _, c := range cases {
		r := v.do("GET", ids, tok, "", "LinkedIn-Version: "+c.version)
		if r.status != c.status || (c.code != "" && r.body["code"] != c.code) {
			t.Errorf("version %q: %d %s", c.version, r.status, r.raw)
		}
	}
	// /v2 needs no version.
	if r := v.do("GET", "/v2/jobPostingStatus?ids=nope", tok, ""); r.status != 200 {
		t.Errorf("/v2 without version: %d %s", r.status, r.raw)
	}
	long := "/v2/jobPostingStatus?ids=" + string(make([]byte, 0)) + repeat("x", 4100)
	if r := v.do("GET", long, tok, ""); r.status != http.StatusRequestURITooLong {
		t.Errorf("long query: %d", r.status)
	}
	if r := v.do("GET", "/rest/nothingHere", tok, "", v2026); r.status != 404 || r.body["serviceErrorCode"] != float64(0) {
		t.Errorf("unknown resource: %d %s", r.status, r.raw)
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, n*len(s))
	for i := 0; i < n; i++ {
		b = append(b, s...)
	}
	return string(b)
}

func TestTunnelledLongQuery(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	ids := make([]string, 90)
	for i := range ids {
		ids[i] = "job-" + repeat("x", 60) + string(rune('a'+i%26)) + repeat("y", i)
	}
	q := "ids=List(" + strings.Join(ids, ",") + ")"
	if len(q) <= 4096 {
		t.Fatalf("query only %d bytes", len(q))
	}
	if r := v.do("GET", "/rest/jobPostingStatus?"+q, tok, "", v2026); r.status != 414 {
		t.Fatalf("long query not tunnelled: %d", r.status)
	}
	r := v.do("POST", "/rest/jobPostingStatus", tok, q, v2026, "X-HTTP-Method-Override: GET", "Content-Type: application/x-www-form-urlencoded")
	if errs, _ := r.body["errors"].(map[string]any); r.status != 200 || len(errs) != 90 {
		t.Fatalf("tunnelled: %d %d errors", r.status, len(errs))
	}
	if r := v.do("GET", "/rest/"+repeat("p", 8300), tok, "", v2026); r.status != 414 {
		t.Errorf("long URL: %d", r.status)
	}
	// The limits are inclusive: a 4,096-byte query passes, one more byte does not; the URL is measured as
	// LinkedIn sees it, https://api.linkedin.com included (LinkedIn's query tunnelling page).
	pad := func(n int) string { return "/v2/jobPostingStatus?ids=" + repeat("q", n-len("ids=")) }
	if r := v.do("GET", pad(4096), tok, ""); r.status != 200 {
		t.Errorf("4096-byte query: %d", r.status)
	}
	if r := v.do("GET", pad(4097), tok, ""); r.status != 414 {
		t.Errorf("4097-byte query: %d", r.status)
	}
	path := func(n int) string { // a request URI of n bytes
		return "/v2/jobPostingStatus/" + repeat("k", n-len("/v2/jobPostingStatus/"))
	}
	if r := v.do("GET", path(8192-len(linkedInOrigin)), tok, ""); r.status == 414 {
		t.Errorf("URL of 8192 bytes: %d", r.status)
	}
	if r := v.do("GET", path(8193-len(linkedInOrigin)), tok, ""); r.status != 414 {
		t.Errorf("URL of 8193 bytes: %d", r.status)
	}
	if r := v.do("PATCH", "/rest/jobPostingStatus?ids=List(a)", tok, "", v2026); r.status != 405 {
		t.Errorf("PATCH: %d", r.status)
	}
	if r := v.do("GET", "/v2/jobPostingStatus?ids[0].a=b", tok, ""); r.status != 400 {
		t.Errorf("indexed ids on a simple-key resource: %d", r.status)
	}
}
