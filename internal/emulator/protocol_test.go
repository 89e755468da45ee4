package emulator

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// TestProtocolVersions checks LinkedIn's protocol versions over HTTP: LinkedIn reads a request as protocol 2.0 only with
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
	// Escaped structure is a 400 in 2.0.
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

	// batch_create ids: raw in either protocol.
	for _, c := range []struct{ header, prefix string }{{p2, "urn:li:simpleJobPostingTask:"}, {p1, "urn:li:simpleJobPostingTask:"}} {
		r := v.do("POST", "/rest/simpleJobPostings", tok, elementsBody(jobElement("p-"+c.header[len(c.header)-5:], time.Now(), nil)), v2026, c.header, "X-RestLi-Method: batch_create")
		if id, _ := m(r.body["elements"].([]any)[0], "id").(string); !strings.HasPrefix(id, c.prefix) {
			t.Errorf("%s: batch_create id %q: %s", c.header, id, r.raw)
		}
	}
}

// TestErrorResponsesAreMarked: every whole-response error of the API carries X-RestLi-Error-Response
// and LinkedIn's error body.
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

// TestSimpleKeysAreRawInBodies: under protocol 2.0 a simple key is written raw in a response body — the id
// of a batch_create element and the keys of results/errors — so that a client which hands the id back
// unchanged (URL-encoded once into ids=, as LinkedIn's official clients do) finds its task. Compound keys
// stay reduced.
func TestSimpleKeysAreRawInBodies(t *testing.T) {
	v := newTestEnv(t, Options{TaskDelay: time.Millisecond})
	tok := v.child()
	const p2 = "X-Restli-Protocol-Version: 2.0.0"
	ext := "raw 50% (a,b):c'd"
	r := v.do("POST", "/rest/simpleJobPostings", tok, elementsBody(jobElement(ext, time.Now(), map[string]any{"companyApplyUrl": "https://careers.example.com/jobs/1"})), v2026, p2, "X-RestLi-Method: batch_create")
	els, _ := r.body["elements"].([]any)
	if r.status != 200 || len(els) != 1 {
		t.Fatalf("batch_create: %d %s", r.status, r.raw)
	}
	id, _ := m(els[0], "id").(string)
	if !strings.HasPrefix(id, "urn:li:simpleJobPostingTask:") || strings.Contains(id, "%") {
		t.Fatalf("batch_create id %q is not the raw task URN: %s", id, r.raw)
	}
	// The id verbatim, URL-encoded once, as the next call's ids: found, and keyed raw.
	for _, path := range []string{
		"/rest/simpleJobPostingTasks?ids=List(" + url.QueryEscape(id) + ")",
		"/v2/simpleJobPostingTasks?ids=List(" + url.QueryEscape(id) + ")",
		"/v2/simpleJobPostingTasks?ids=" + url.QueryEscape(id),
	} {
		r := v.do("GET", path, tok, "", v2026, p2)
		if r.status != 200 || m(r.body, "results", id, "id") != id || m(r.body, "results", id, "externalJobPostingId") != ext {
			t.Errorf("%s: %d %s", path, r.status, r.raw)
		}
	}
	missing := "urn:li:simpleJobPostingTask:00000000-0000-0000-0000-000000000000"
	r = v.do("GET", "/rest/simpleJobPostingTasks?ids=List("+url.QueryEscape(missing)+")", tok, "", v2026, p2)
	if num(m(r.body, "errors", missing, "status")) != 404 {
		t.Errorf("unknown task not keyed raw in errors: %s", r.raw)
	}
	// A simple key with grammar characters, '%' and spaces is raw too; the empty string is ''.
	q := strings.ReplaceAll(url.QueryEscape(ext), "+", "%20")
	r = v.do("GET", "/rest/jobPostingStatus?ids=List("+q+",'')", tok, "", v2026, p2)
	if r.status != 200 || m(r.body, "results", ext, "externalJobPostingId") != ext || num(m(r.body, "errors", "''", "status")) != 404 {
		t.Errorf("jobPostingStatus keys: %d %s", r.status, r.raw)
	}
	// A compound key stays reduced.
	sorted := "(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)"
	r = v.do("GET", "/rest/integrations?ids=List("+sorted+")", tok, "", v2026, p2)
	if r.status != 200 || m(r.body, "results", sorted) == nil {
		t.Errorf("compound key: %d %s", r.status, r.raw)
	}
}

// TestRawSimpleBodyKeys: a simple entities key is read URL-encoded, reduced or raw, also when the raw text
// holds a '%' that is not an escape.
func TestRawSimpleBodyKeys(t *testing.T) {
	ks := keySpec{}
	for _, c := range []struct{ id, bodyKey string }{
		{"50%off", "50%off"},
		{"50%off", "50%25off"},
		{"urn:li:x:1", "urn:li:x:1"},
		{"urn:li:x:1", "urn%3Ali%3Ax%3A1"},
		{"a b", "a%20b"},
	} {
		ids := []idsKey{{key: restli.SimpleKey(c.id), resp: c.id}}
		got, mismatch := matchEntities(ks, ids, map[string]json.RawMessage{c.bodyKey: json.RawMessage(`{}`)})
		if mismatch || got[c.id] == nil {
			t.Errorf("body key %q for id %q: mismatch=%v %v", c.bodyKey, c.id, mismatch, got)
		}
	}
	ids := []idsKey{{key: restli.SimpleKey("a"), resp: "a"}}
	if _, mismatch := matchEntities(ks, ids, map[string]json.RawMessage{"b": json.RawMessage(`{}`)}); !mismatch {
		t.Error("a different key matched")
	}
}
