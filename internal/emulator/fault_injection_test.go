package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	path := "/v2/jobPostingStatus?ids=x"

	// Every request fails with 500, 503 or 429; Retry-After on 503/429 when asked.
	r := v.do("POST", "/emulator/faults", "", `{"errorRate":1,"retryAfter":true,"seed":42}`)
	if r.status != 200 {
		t.Fatalf("admin faults: %d %s", r.status, r.raw)
	}
	seen := map[int]bool{}
	for i := 0; i < 30; i++ {
		r := v.do("GET", path, tok, "")
		seen[r.status] = true
		switch r.status {
		case 429, 503:
			if r.header.Get("Retry-After") != "1" {
				t.Errorf("%d without Retry-After", r.status)
			}
		case 500:
		default:
			t.Fatalf("unexpected %d", r.status)
		}
		if r.header.Get("X-RestLi-Error-Response") != "true" {
			t.Errorf("fault without X-RestLi-Error-Response")
		}
	}
	if !seen[500] || !seen[503] || !seen[429] {
		t.Errorf("statuses seen: %v", seen)
	}

	// Same seed, same sequence.
	seq := func() string {
		v.emu.SetFaults(Faults{ErrorRate: 0.5, Seed: 7})
		var b strings.Builder
		for i := 0; i < 20; i++ {
			b.WriteString(http.StatusText(v.do("GET", path, tok, "").status))
		}
		return b.String()
	}
	if a, b := seq(), seq(); a != b {
		t.Errorf("seeded faults differ:\n%s\n%s", a, b)
	}

	// Dropped before applying: no answer, no effect.
	v.emu.SetFaults(Faults{DropRate: 1})
	cb := cfgKey2(SeedOrganization, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS")
	put := func() error {
		req, _ := http.NewRequest("PUT", v.url+"/rest/integrationConfigurations?ids=List("+cb+")",
			strings.NewReader(`{"entities":{"`+cb+`":{"configurationValue":{"string":"ALL_PRODUCT_USERS"}}}}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("LinkedIn-Version", "202603")
		req.Header.Set("X-RestLi-Method", "batch_update")
		req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := put(); err == nil {
		t.Fatal("dropped request answered")
	}
	if _, ok := v.emu.Configuration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"); ok {
		t.Fatal("a request dropped before applying took effect")
	}
	// Dropped after applying: no answer, but the change is made (a lost response).
	v.emu.SetFaults(Faults{DropRate: 1, DropAfterApply: true})
	if err := put(); err == nil {
		t.Fatal("dropped request answered")
	}
	if _, ok := v.emu.Configuration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"); !ok {
		t.Fatal("a request dropped after applying did not take effect")
	}

	// Latency is added (not measured: the request just has to succeed) and faults clear.
	v.emu.SetFaults(Faults{Latency: 5 * time.Millisecond})
	if r := v.do("GET", path, tok, ""); r.status != 200 {
		t.Errorf("with latency: %d", r.status)
	}
	if r := v.do("POST", "/emulator/faults", "", `{"errorRate":2}`); r.status != 400 {
		t.Errorf("bad rate accepted: %d", r.status)
	}
	// Admin and OAuth are never faulted.
	v.emu.SetFaults(Faults{ErrorRate: 1})
	_ = v.child()
	if r := v.do("GET", "/emulator/requests", "", ""); r.status != 200 {
		t.Errorf("admin faulted: %d", r.status)
	}
}

func TestAdminAPI(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	r := v.do("POST", "/emulator/integrations", "", `{"application":"urn:li:developerApplication:1001","integrationContext":"urn:li:contract:5","integrationType":"CSA_API","tenantType":"RECRUITER","status":"ENABLED"}`)
	if r.status != 200 || r.body["status"] != "ENABLED" {
		t.Fatalf("enable: %d %s", r.status, r.raw)
	}
	if r := v.do("POST", "/emulator/integrations", "", `{"application":"urn:li:developerApplication:1001","integrationContext":"urn:li:organization:5","integrationType":"CSA_API","tenantType":"RECRUITER"}`); r.status != 400 {
		t.Errorf("bad combination accepted: %d", r.status)
	}
	if r := v.do("POST", "/emulator/integrations", "", `{"application":"urn:li:developerApplication:9","integrationContext":"urn:li:contract:5","integrationType":"CSA_API","tenantType":"RECRUITER"}`); r.status != 400 {
		t.Errorf("unknown app accepted: %d", r.status)
	}
	if r := v.do("POST", "/emulator/jobs/status", "", `{"application":"emulator-child","externalJobPostingId":"none","listingStatus":"NOT_LISTED"}`); r.status != 400 {
		t.Errorf("unknown job: %d", r.status)
	}
	v.do("GET", "/v2/jobPostingStatus?ids=a", tok, "")
	v.do("GET", "/v2/jobPostingStatus?ids=a", tok, "")
	v.do("GET", "/rest/jobPostingStatus?ids=List(a)", tok, "", v2026)
	r = v.do("GET", "/emulator/requests", "", "")
	reqs, _ := r.body["requests"].([]any)
	if num(r.body["total"]) != 3 || len(reqs) != 2 || m(reqs[1], "path") != "/v2/jobPostingStatus" || num(m(reqs[1], "count")) != 2 ||
		m(reqs[1], "restliMethod") != "batch_get" || m(reqs[1], "method") != "GET" {
		t.Fatalf("requests: %s", r.raw)
	}
	if err := v.emu.SetApplicationName(ChildApplication, "Drifted"); err != nil {
		t.Fatalf("SetApplicationName: %v", err)
	}
	v.emu.SetConfiguration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", "https://drift.example.com")
	if got, _ := v.emu.Configuration(ChildClientID, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); got != "https://drift.example.com" {
		t.Errorf("SetConfiguration: %q", got)
	}
	if r := v.do("POST", "/emulator/reset", "", ""); r.status != 200 {
		t.Fatalf("reset: %d", r.status)
	}
	if v.emu.TotalRequests() != 0 {
		t.Error("reset kept request counts")
	}
	if _, ok := v.emu.Integration(ChildApplication, "urn:li:contract:5", "CSA_API", "RECRUITER"); ok {
		t.Error("reset kept an integration")
	}
	if _, ok := v.emu.Configuration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); ok {
		t.Error("reset kept a configuration")
	}
	if r := v.do("GET", "/v2/jobPostingStatus?ids=a", tok, ""); r.status != 401 {
		t.Errorf("tokens survive a reset: %d", r.status)
	}
	if r := v.do("GET", "/emulator/nothing", "", ""); r.status != 404 {
		t.Errorf("unknown admin endpoint: %d", r.status)
	}
}

func TestDailyQuota(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now, TokenLifetime: 48 * time.Hour})
	v.emu.mu.Lock()
	v.emu.quotas["jobPostingStatus"] = 2 // this emulator only
	v.emu.mu.Unlock()
	tok := v.child()
	for i := 0; i < 2; i++ {
		if r := v.do("GET", "/v2/jobPostingStatus?ids=a", tok, ""); r.status != 200 {
			t.Fatalf("call %d: %d", i, r.status)
		}
	}
	r := v.do("GET", "/v2/jobPostingStatus?ids=a", tok, "")
	// LinkedIn's throttling body, and no Retry-After: LinkedIn documents none for quotas.
	if r.status != 429 || num(r.body["status"]) != 429 || num(r.body["serviceErrorCode"]) != 101 ||
		r.body["message"] != "Resource level throttle limit for calls to this resource is reached." ||
		r.header.Get("Retry-After") != "" || r.header.Get("X-RestLi-Error-Response") != "true" {
		t.Fatalf("over quota: %d %s", r.status, r.raw)
	}
	// Other resources have their own quota; the next UTC day starts afresh.
	if r := v.do("GET", "/v2/simpleJobPostingTasks?ids=a", tok, ""); r.status != 200 {
		t.Errorf("other resource: %d", r.status)
	}
	clk.Add(24 * time.Hour)
	if r := v.do("GET", "/v2/jobPostingStatus?ids=a", tok, ""); r.status != 200 {
		t.Errorf("next day: %d %s", r.status, r.raw)
	}
	v2 := newTestEnv(t, Options{NoQuotas: true})
	tok2 := v2.child()
	for i := 0; i < 3; i++ {
		if r := v2.do("GET", "/v2/jobPostingStatus?ids=a", tok2, ""); r.status != 200 {
			t.Fatalf("NoQuotas call %d: %d", i, r.status)
		}
	}
}

func TestAdminFaultsLatencySpellings(t *testing.T) {
	v := newTestEnv(t, Options{})
	for body, want := range map[string]time.Duration{
		`{"latency":"15ms"}`:   15 * time.Millisecond,
		`{"latency":15000000}`: 15 * time.Millisecond,
		`{"errorRate":0}`:      0,
	} {
		if r := v.do("POST", "/emulator/faults", "", body); r.status != 200 {
			t.Fatalf("%s: %d %s", body, r.status, r.raw)
		}
		if got := v.emu.currentFaults().Latency; got != want {
			t.Errorf("%s: latency %v", body, got)
		}
	}
	if r := v.do("POST", "/emulator/faults", "", `{"latency":"soon"}`); r.status != 400 {
		t.Errorf("bad latency: %d", r.status)
	}
}
