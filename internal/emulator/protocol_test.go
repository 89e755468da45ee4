package emulator

import (
	"strings"
	"testing"
	"time"
)

// TestProtocolVersions checks restli.md §1–2 over HTTP: LinkedIn reads a request as protocol 2.0 only with
// X-Restli-Protocol-Version: 2.0.0, answers keyed in the spelling the request used with parts sorted, and
// refuses syntax the declared protocol cannot parse.
func TestProtocolVersions(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	const p1, p2 = "X-Restli-Protocol-Version: 1.0.0", "X-Restli-Protocol-Version: 2.0.0"
	// Parts deliberately unsorted in the request.
	unsorted := "(tenantType:RECRUITER,integrationType:ONE_CLICK_EXPORT,integrationContext:urn%3Ali%3Aorganization%3A1000)"
	sorted := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)"
	v1 := "integrationContext=urn%3Ali%3Aorganization%3A1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER"

	r := v.do("GET", "/rest/integrations?ids=List("+unsorted+")", tok, "", v2026, p2)
	if r.status != 200 || m(r.body, "results", sorted, "status") != statusPending || r.header.Get("X-RestLi-Protocol-Version") != "2.0.0" {
		t.Errorf("2.0 batch_get: %d %s", r.status, r.raw)
	}
	ids0 := "ids[0].tenantType=RECRUITER&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].integrationContext=urn%3Ali%3Aorganization%3A1000"
	r = v.do("GET", "/rest/integrations?"+ids0, tok, "", v2026)
	if r.status != 200 || m(r.body, "results", v1, "status") != statusPending || r.header.Get("X-RestLi-Protocol-Version") != "1.0.0" {
		t.Errorf("1.0 batch_get: %d %s", r.status, r.raw)
	}

	// Protocol 2.0 syntax without the 2.0 header is read as 1.0 by LinkedIn: refused.
	for _, c := range []struct{ name, method, path, body string }{
		{"compound ids", "GET", "/rest/integrations?ids=List(" + sorted + ")", ""},
		{"simple ids", "GET", "/rest/jobPostingStatus?ids=List(a)", ""},
		{"body key", "POST", "/rest/integrations?" + ids0,
			`{"entities":{"` + sorted + `":{"patch":{"$set":{"integrationName":"x"}}}}}`},
		{"tunnelled ids", "POST", "/rest/jobPostingStatus", "ids=List(a)"},
	} {
		headers := []string{v2026, p1}
		if c.name == "body key" {
			headers = append(headers, "X-RestLi-Method: batch_partial_update")
		}
		if c.name == "tunnelled ids" {
			headers = append(headers, "X-HTTP-Method-Override: GET", "Content-Type: application/x-www-form-urlencoded")
		}
		r := v.do(c.method, c.path, tok, c.body, headers...)
		if r.status != 400 || !strings.Contains(r.raw, "X-Restli-Protocol-Version") || r.header.Get("X-RestLi-Error-Response") != "true" {
			t.Errorf("%s without the 2.0 header: %d %s", c.name, r.status, r.raw)
		}
	}
	// Escaped structure is a 400 in 2.0 (restli.md §1).
	if r := v.do("GET", "/rest/jobPostingStatus?ids=List%28a%29", tok, "", v2026, p2); r.status != 400 {
		t.Errorf("List%%28a%%29: %d %s", r.status, r.raw)
	}
	// An empty key is malformed; the empty string is spelled ''.
	if r := v.do("GET", "/v2/jobPostingStatus?ids=", tok, ""); r.status != 400 {
		t.Errorf("empty id: %d %s", r.status, r.raw)
	}
	if r := v.do("GET", "/v2/jobPostingStatus?ids=''", tok, ""); r.status != 200 || num(m(r.body, "errors", "", "status")) != 404 {
		t.Errorf("'' id: %d %s", r.status, r.raw)
	}
	// The legacy 1.0 spellings LinkedIn documents for /v2 stay readable under the 2.0 header.
	r = v.do("GET", "/v2/jobPostingStatus?ids=a&ids=b", tok, "", p2)
	if r.status != 200 || num(m(r.body, "errors", "a", "status")) != 404 || num(m(r.body, "errors", "b", "status")) != 404 {
		t.Errorf("/v2 repeated ids under 2.0: %d %s", r.status, r.raw)
	}

	// batch_create ids: reduced in 2.0, raw in 1.0.
	for _, c := range []struct{ header, prefix string }{{p2, "urn%3Ali%3AsimpleJobPostingTask%3A"}, {p1, "urn:li:simpleJobPostingTask:"}} {
		r := v.do("POST", "/rest/simpleJobPostings", tok, elementsBody(jobElement("p-"+c.header[len(c.header)-5:], time.Now(), nil)), v2026, c.header, "X-RestLi-Method: batch_create")
		if id, _ := m(r.body["elements"].([]any)[0], "id").(string); !strings.HasPrefix(id, c.prefix) {
			t.Errorf("%s: batch_create id %q: %s", c.header, id, r.raw)
		}
	}
}

// TestErrorResponsesAreMarked: every whole-response error of the API carries X-RestLi-Error-Response
// (restli.md §3) and LinkedIn's error body.
func TestErrorResponsesAreMarked(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	for _, c := range []struct {
		name, method, path, tok string
		headers                 []string
		status                  int
	}{
		{"no token", "GET", "/v2/jobPostingStatus?ids=a", "", nil, 401},
		{"no version", "GET", "/rest/jobPostingStatus?ids=List(a)", tok, nil, 400},
		{"old version", "GET", "/rest/jobPostingStatus?ids=List(a)", tok, []string{"LinkedIn-Version: 202001"}, 426},
		{"unknown resource", "GET", "/v2/nothing?ids=a", tok, nil, 404},
		{"parent only", "GET", "/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=x", tok, nil, 403},
		{"bad method", "PATCH", "/v2/jobPostingStatus?ids=a", tok, nil, 405},
		{"unsupported method", "DELETE", "/v2/jobPostingStatus?ids=a", tok, nil, 400},
		{"too long", "GET", "/v2/jobPostingStatus?ids=" + strings.Repeat("a", maxQueryBytes), tok, nil, 414},
	} {
		r := v.do(c.method, c.path, c.tok, "", c.headers...)
		if r.status != c.status || r.header.Get("X-RestLi-Error-Response") != "true" || num(r.body["status"]) != c.status || r.body["message"] == "" {
			t.Errorf("%s: %d %v %s", c.name, r.status, r.header, r.raw)
		}
	}
}
