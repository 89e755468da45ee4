package emulator

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a settable clock for deterministic task processing.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

var longDescription = strings.Repeat("We are hiring a great engineer. ", 5)

// job returns a valid job posting element with overrides (a nil value deletes the field).
func jobElement(id string, listedAt time.Time, over map[string]any) map[string]any {
	j := map[string]any{
		"externalJobPostingId":    id,
		"jobPostingOperationType": "CREATE",
		"integrationContext":      SeedOrganization,
		"title":                   "Software Engineer",
		"description":             longDescription,
		"companyApplyUrl":         "https://careers.example.com/jobs/" + id,
		"listedAt":                listedAt.Add(-time.Hour).UnixMilli(),
		"location":                "San Francisco, CA",
	}
	for k, v := range over {
		if v == nil {
			delete(j, k)
		} else {
			j[k] = v
		}
	}
	return j
}

func elementsBody(els ...map[string]any) string {
	b, _ := json.Marshal(map[string]any{"elements": els})
	return string(b)
}

func (v *testEnv) postJobs(tok string, els ...map[string]any) result {
	v.t.Helper()
	return v.do("POST", "/rest/simpleJobPostings", tok, elementsBody(els...), v2026, "X-RestLi-Method: batch_create")
}

// task reads one task through the API.
func (v *testEnv) task(tok, urn string) map[string]any {
	v.t.Helper()
	r := v.do("GET", "/v2/simpleJobPostingTasks?ids="+url.QueryEscape(urn), tok, "")
	res, _ := m(r.body, "results", urn).(map[string]any)
	if res == nil {
		v.t.Fatalf("task %s: %s", urn, r.raw)
	}
	return res
}

func (v *testEnv) jobStatus(tok, id string) map[string]any {
	v.t.Helper()
	r := v.do("GET", "/v2/jobPostingStatus?ids="+strings.ReplaceAll(url.QueryEscape(id), "+", "%20"), tok, "")
	res, _ := m(r.body, "results", id).(map[string]any)
	return res
}

func taskIDs(t *testing.T, r result) []string {
	t.Helper()
	els, _ := r.body["elements"].([]any)
	var out []string
	for _, e := range els {
		id, _ := m(e, "id").(string)
		out = append(out, id)
	}
	return out
}

func TestJobPostingValidation(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now})
	tok := v.child()
	now := clk.Now()
	cases := []struct {
		name  string
		over  map[string]any
		field string // expected "/field" in the message; "" = accepted
		text  string
	}{
		{"valid", nil, "", ""},
		{"no title", map[string]any{"title": nil}, "/title", "field is required but not found and has no default value"},
		{"long title", map[string]any{"title": strings.Repeat("t", 201)}, "/title", "out of range"},
		{"no id", map[string]any{"externalJobPostingId": nil}, "/externalJobPostingId", "required"},
		{"long id", map[string]any{"externalJobPostingId": strings.Repeat("i", 76)}, "/externalJobPostingId", "out of range"},
		{"short description", map[string]any{"description": "short"}, "/description", "out of range"},
		{"no description", map[string]any{"description": nil}, "/description", "required"},
		{"no apply url", map[string]any{"companyApplyUrl": nil}, "/companyApplyUrl", "required"},
		{"relative apply url", map[string]any{"companyApplyUrl": "/jobs/1"}, "/companyApplyUrl", "absolute"},
		{"no listedAt", map[string]any{"listedAt": nil}, "/listedAt", "required"},
		{"future listedAt", map[string]any{"listedAt": now.Add(time.Hour).UnixMilli()}, "/listedAt", "future"},
		{"string listedAt", map[string]any{"listedAt": "yesterday"}, "/listedAt", "not a long"},
		{"bad operation", map[string]any{"jobPostingOperationType": "DELETE"}, "/jobPostingOperationType", "is not an enum symbol"},
		{"bad state", map[string]any{"jobPostingOperationType": nil, "state": "OPEN"}, "/state", "is not an enum symbol; should be LISTED or CLOSED"},
		{"legacy state", map[string]any{"jobPostingOperationType": nil, "state": "LISTED"}, "", ""},
		{"no operation", map[string]any{"jobPostingOperationType": nil}, "/jobPostingOperationType", "required"},
		{"no company", map[string]any{"integrationContext": nil}, "/integrationContext", "required"},
		{"company on /rest", map[string]any{"integrationContext": nil, "company": SeedOrganization}, "", ""},
		{"companyName only", map[string]any{"integrationContext": nil, "companyName": "Globex"}, "", ""},
		{"bad context", map[string]any{"integrationContext": "urn:li:company:1"}, "/integrationContext", "organization URN"},
		{"no location", map[string]any{"location": nil}, "/location", "required"},
		{"postal instead", map[string]any{"location": nil, "countryCode": "US", "postalCode": "94105"}, "", ""},
		{"postal and location", map[string]any{"countryCode": "US", "postalCode": "94105"}, "/location", "not both"},
		{"bad country code", map[string]any{"location": nil, "countryCode": "XX", "postalCode": "94105"}, "/countryCode", "ISO"},
		{"country alone", map[string]any{"location": "Germany"}, "/location", "not a location"},
		{"country alone remote", map[string]any{"location": "Germany", "workplaceTypes": []any{"remote"}}, "", ""},
		{"four parts", map[string]any{"location": "a, b, c, d"}, "/location", "not a location"},
		{"no space after comma", map[string]any{"location": "SAN FRANCISCO,CA"}, "", ""},
		{"eight alternates", map[string]any{"alternateLocations": []any{"A, CA", "B, CA", "C, CA", "D, CA", "E, CA", "F, CA", "G, CA", "H, CA"}}, "/alternateLocations", "at most 7"},
		{"bad employment", map[string]any{"employmentStatus": "SOMETIMES"}, "/employmentStatus", "is not an enum symbol"},
		{"bad experience", map[string]any{"experienceLevel": "GURU"}, "/experienceLevel", "is not an enum symbol"},
		{"two workplace types", map[string]any{"workplaceTypes": []any{"Remote", "Hybrid"}}, "/workplaceTypes", "exactly one"},
		{"bad workplace type", map[string]any{"workplaceTypes": []any{"Moon"}}, "/workplaceTypes/0", "enum"},
		{"four categories", map[string]any{"categories": []any{"a", "b", "c", "d"}}, "/categories", "at most 3"},
		{"bad industry", map[string]any{"industries": []any{"software"}}, "/industries/0", "industry URN"},
		{"premium without contract", map[string]any{"listingType": "PREMIUM"}, "/contract", "required"},
		{"bad listing type", map[string]any{"listingType": "GOLD"}, "/listingType", "enum"},
		{"expire in past", map[string]any{"expireAt": now.Add(-time.Hour).UnixMilli()}, "/expireAt", "future"},
		{"premium expire 100 days", map[string]any{"listingType": "PREMIUM", "contract": "urn:li:contract:1", "expireAt": now.Add(100 * day).UnixMilli()}, "/expireAt", "90 days"},
		{"internal without contract", map[string]any{"availability": "INTERNAL"}, "/contract", "INTERNAL"},
		{"bad availability", map[string]any{"availability": "SECRET"}, "/availability", "enum"},
		{"long skills", map[string]any{"skillsDescription": strings.Repeat("s", 4001)}, "/skillsDescription", "out of range"},
		{"bad poster email", map[string]any{"posterEmail": "nope"}, "/posterEmail", "email"},
		{"unknown field", map[string]any{"salary": 3}, "/salary", "unrecognized field"},
		{"accessRestricted string", map[string]any{"accessRestricted": "yes"}, "/accessRestricted", "boolean"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := v.postJobs(tok, jobElement("job-v-"+strconv.Itoa(i), now, c.over))
			if r.status != 200 {
				t.Fatalf("batch: %d %s", r.status, r.raw)
			}
			el := r.body["elements"].([]any)[0]
			if c.field == "" {
				if num(m(el, "status")) != 202 {
					t.Fatalf("want accepted: %s", r.raw)
				}
				return
			}
			msg, _ := m(el, "error", "message").(string)
			if num(m(el, "status")) != 422 || !strings.Contains(msg, "ERROR :: "+c.field+" :: ") || !strings.Contains(msg, c.text) || !strings.HasSuffix(msg, "\n") {
				t.Fatalf("want 422 on %s (%s): %s", c.field, c.text, r.raw)
			}
		})
	}
	// The exact message of a missing title.
	r := v.postJobs(tok, jobElement("job-t", now, map[string]any{"title": nil}))
	if got := m(r.body["elements"].([]any)[0], "error", "message"); got != "ERROR :: /title :: field is required but not found and has no default value\n" {
		t.Errorf("title message: %q", got)
	}
}

func TestJobPostingBatchRules(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now})
	tok := v.child()
	now := clk.Now()
	r := v.do("POST", "/rest/simpleJobPostings", tok, elementsBody(jobElement("a", now, nil)), v2026)
	if r.status != 403 || !strings.HasPrefix(r.body["message"].(string), "Unpermitted fields present in REQUEST_BODY") {
		t.Errorf("no X-RestLi-Method: %d %s", r.status, r.raw)
	}
	var many []map[string]any
	for i := 0; i < 101; i++ {
		many = append(many, jobElement("m"+strconv.Itoa(i), now, nil))
	}
	if r := v.postJobs(tok, many...); r.status != 400 {
		t.Errorf("101 elements: %d", r.status)
	}
	if r := v.postJobs(tok, many[:100]...); r.status != 200 {
		t.Errorf("100 elements: %d %s", r.status, r.raw)
	}
	if r := v.postJobs(tok, jobElement("d", now, nil), jobElement("d", now, map[string]any{"title": "x"})); r.status != 400 {
		t.Errorf("duplicate ids: %d %s", r.status, r.raw)
	}
	// Mixed: answers in request order.
	r = v.postJobs(tok, jobElement("ok1", now, nil), jobElement("bad", now, map[string]any{"title": nil}),
		jobElement("ghost", now, map[string]any{"jobPostingOperationType": "CLOSE"}))
	els := r.body["elements"].([]any)
	if num(m(els[0], "status")) != 202 || num(m(els[1], "status")) != 422 || num(m(els[2], "status")) != 409 ||
		m(els[2], "error", "message") != "Cannot close job which is already closed or does not exist" {
		t.Fatalf("mixed batch: %s", r.raw)
	}
	id, _ := m(els[0], "id").(string)
	if !strings.HasPrefix(id, "urn:li:simpleJobPostingTask:") || m(els[0], "location") != "/simpleJobPostings/"+strings.ReplaceAll(id, ":", "%3A") {
		t.Errorf("element: %s", r.raw)
	}
}

func TestJobPostingLifecycle(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now, TaskDelay: time.Minute})
	tok := v.child()
	now := clk.Now()

	r := v.postJobs(tok, jobElement("job-1", now, map[string]any{
		"alternateLocations": []any{"Austin, TX"},
		// Nothing listens there: LinkedIn Apply is decided (NOT_ENABLED 1153) a task delay after the listing.
		"onsiteApplyConfiguration": map[string]any{"jobApplicationWebhookUrl": "https://127.0.0.1:1/apply"},
	}))
	tid := taskIDs(t, r)[0]
	if got := v.task(tok, tid); got["status"] != taskInProgress || got["externalJobPostingId"] != "job-1" {
		t.Fatalf("new task: %v", got)
	}
	st := v.jobStatus(tok, "job-1")
	if st["listingStatus"] != "IN_PROGRESS" || st["linkedInApplyStatus"] != "IN_PROGRESS" || num(m(st, "linkedInApplyStatusDetail", "errorCode")) != 1156 {
		t.Fatalf("status while in progress: %v", st)
	}
	if s, _ := v.emu.JobListingStatus(ChildApplication, "job-1"); s != "IN_PROGRESS" {
		t.Fatalf("JobListingStatus: %s", s)
	}
	clk.Add(time.Minute)
	got := v.task(tok, tid)
	if got["status"] != taskSucceeded || !strings.HasPrefix(got["jobPosting"].(string), "urn:li:jobPosting:") || got["location"] != "San Francisco, CA" {
		t.Fatalf("done task: %v", got)
	}
	st = v.jobStatus(tok, "job-1")
	if st["listingStatus"] != "LISTED" || st["linkedInApplyStatus"] != "IN_PROGRESS" || st["promotionStatus"] != "NOT_PROMOTED" ||
		m(st, "promotionStatusDetail", "statusMessage") != "ATS_CUSTOMER_BASIC: Reach out to LinkedIn Sales to learn more." ||
		st["rawLocation"] != "San Francisco, CA" || m(st, "jobPostingInfo", "location") != "San Francisco, CA" ||
		m(st, "jobPostingInfo", "alternateLocations").([]any)[0] != "Austin, TX" ||
		m(st, "jobPostingInfo", "companyDetails", "companyPage") != "https://www.linkedin.com/company/1000" {
		t.Fatalf("listed: %v", st)
	}
	expire := int64(m(st, "jobPostingInfo", "expireAt").(float64))
	if want := now.Add(-time.Hour).Add(180 * day).UnixMilli(); expire != want {
		t.Errorf("default expireAt %d, want %d", expire, want)
	}

	// CREATE again → duplicate; UPDATE and RENEW of unknown jobs fail; RENEW extends by 30 days.
	r = v.postJobs(tok, jobElement("job-1", now, nil), jobElement("nope", now, map[string]any{"jobPostingOperationType": "UPDATE"}),
		jobElement("nope2", now, map[string]any{"jobPostingOperationType": "RENEW"}))
	ids := taskIDs(t, r)
	clk.Add(time.Minute)
	if got := v.task(tok, ids[0]); got["status"] != taskFailed || !strings.Contains(got["errorMessage"].(string), "duplicate creation request") {
		t.Errorf("duplicate create: %v", got)
	}
	for _, id := range ids[1:] {
		if got := v.task(tok, id); got["status"] != taskFailed || !strings.Contains(got["errorMessage"].(string), "does not exist") {
			t.Errorf("unknown job: %v", got)
		}
	}
	if st := v.jobStatus(tok, "nope"); st != nil {
		t.Errorf("a failed UPDATE must not create a job: %v", st)
	}
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": "RENEW"}))
	clk.Add(time.Minute)
	if got := v.task(tok, taskIDs(t, r)[0]); got["status"] != taskSucceeded {
		t.Fatalf("renew: %v", got)
	}
	if got := int64(m(v.jobStatus(tok, "job-1"), "jobPostingInfo", "expireAt").(float64)); got != expire+(30*day).Milliseconds() {
		t.Errorf("renewed expireAt %d, want %d", got, expire+(30*day).Milliseconds())
	}
	// UPDATE changes the posting.
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": "UPDATE", "location": "Berlin, Germany"}))
	clk.Add(time.Minute)
	if got := v.task(tok, taskIDs(t, r)[0]); got["status"] != taskSucceeded || got["location"] != "Berlin, Germany" {
		t.Fatalf("update: %v", got)
	}
	// CLOSE, then CLOSE again → 409, UPDATE of a closed job fails, legacy state LISTED re-lists.
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": "CLOSE"}))
	if num(m(r.body["elements"].([]any)[0], "status")) != 202 {
		t.Fatalf("close: %s", r.raw)
	}
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": "CLOSE"}))
	if num(m(r.body["elements"].([]any)[0], "status")) != 409 {
		t.Errorf("close while closing: %s", r.raw)
	}
	clk.Add(time.Minute)
	st = v.jobStatus(tok, "job-1")
	if st["listingStatus"] != "NOT_LISTED" || m(st, "listingStatusDetail", "statusMessage") == nil {
		t.Fatalf("closed: %v", st)
	}
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": "CLOSE"}))
	if num(m(r.body["elements"].([]any)[0], "status")) != 409 {
		t.Errorf("close closed: %s", r.raw)
	}
	r = v.postJobs(tok, jobElement("job-1", now, map[string]any{"jobPostingOperationType": nil, "state": "LISTED"}))
	clk.Add(time.Minute)
	if got := v.task(tok, taskIDs(t, r)[0]); got["status"] != taskSucceeded {
		t.Fatalf("legacy re-list: %v", got)
	}
	if s, _ := v.emu.JobListingStatus(ChildApplication, "job-1"); s != "LISTED" {
		t.Errorf("after re-list: %s", s)
	}
	// Tasks are kept 24 hours.
	clk.Add(25 * time.Hour)
	tok = v.child()
	r = v.do("GET", "/v2/simpleJobPostingTasks?ids="+url.QueryEscape(tid), tok, "")
	if num(m(r.body, "errors", tid, "status")) != 404 {
		t.Errorf("task after 24 h: %s", r.raw)
	}
}

func TestJobPostingGeoAndPromotion(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now, TaskDelay: time.Second})
	tok := v.child()
	now := clk.Now()
	if err := v.emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: "urn:li:contract:7",
		IntegrationType: "PREMIUM_JOB_POSTING", TenantType: "JOBS", Status: statusEnabled}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		id        string
		over      map[string]any
		task      string
		listing   string
		detail    string // prefix of listingStatusDetail or promotionStatusDetail
		promotion string
	}{
		{"g-ok", map[string]any{"location": "Paris, France"}, taskSucceeded, "LISTED", "LI_CUSTOMER_BASIC", "NOT_PROMOTED"},
		{"g-postal", map[string]any{"location": "75001, FR"}, taskSucceeded, "LISTED", "LI_CUSTOMER_BASIC", "NOT_PROMOTED"},
		{"g-zz", map[string]any{"location": "Springfield, ZZ"}, taskFailed, "NOT_LISTED", "INVALID_LOCATION", "NOT_PROMOTED"},
		{"g-digits", map[string]any{"location": "Sp4ingfield, CA"}, taskFailed, "NOT_LISTED", "INVALID_LOCATION", "NOT_PROMOTED"},
		{"g-country", map[string]any{"location": "Lyon, Rhone, Atlantis"}, taskFailed, "NOT_LISTED", "INVALID_LOCATION", "NOT_PROMOTED"},
		{"g-cuba", map[string]any{"location": "Havana, Cuba"}, taskFailed, "NOT_LISTED", "BLOCKED_COUNTRY", "NOT_PROMOTED"},
		{"g-ir", map[string]any{"location": nil, "countryCode": "IR", "postalCode": "11369"}, taskFailed, "NOT_LISTED", "BLOCKED_COUNTRY", "NOT_PROMOTED"},
		{"g-alt", map[string]any{"alternateLocations": []any{"Damascus, Syria"}}, taskFailed, "NOT_LISTED", "BLOCKED_COUNTRY", "NOT_PROMOTED"},
		{"p-premium", map[string]any{"listingType": "PREMIUM", "contract": "urn:li:contract:7"}, taskSucceeded, "LISTED", "LI_CUSTOMER_PROMOTED", "PROMOTED"},
		{"p-nocontract", map[string]any{"listingType": "PREMIUM", "contract": "urn:li:contract:8"}, taskFailed, "IN_PROGRESS", "", ""},
	}
	var els []map[string]any
	for _, c := range cases {
		els = append(els, jobElement(c.id, now, c.over))
	}
	r := v.postJobs(tok, els...)
	ids := taskIDs(t, r)
	clk.Add(time.Second)
	for i, c := range cases {
		got := v.task(tok, ids[i])
		if got["status"] != c.task {
			t.Errorf("%s: task %v", c.id, got)
			continue
		}
		if c.task == taskFailed && c.listing == "NOT_LISTED" && !strings.HasPrefix(got["errorMessage"].(string), "JOB_FIELD_PROCESSOR_GEO_LOCATION") {
			t.Errorf("%s: %v", c.id, got)
		}
		st := v.jobStatus(tok, c.id)
		if st["listingStatus"] != c.listing {
			t.Errorf("%s: listing %v", c.id, st)
		}
		if c.detail == "" {
			continue
		}
		d, _ := m(st, "listingStatusDetail", "statusMessage").(string)
		if c.listing == "LISTED" {
			d, _ = m(st, "promotionStatusDetail", "statusMessage").(string)
			if st["promotionStatus"] != c.promotion {
				t.Errorf("%s: promotion %v", c.id, st)
			}
		}
		if !strings.HasPrefix(d, c.detail+":") {
			t.Errorf("%s: detail %q", c.id, d)
		}
	}
	// The catalogue messages are verbatim.
	if d := m(v.jobStatus(tok, "g-cuba"), "listingStatusDetail"); m(d, "statusMessage") != listingDetails["BLOCKED_COUNTRY"].StatusMessage || m(d, "errorType") != "CUSTOMER_ERROR" {
		t.Errorf("blocked detail: %v", d)
	}
	// A failed CREATE can be retried with a fixed location.
	r = v.postJobs(tok, jobElement("g-zz", now, map[string]any{"location": "Springfield, IL"}))
	clk.Add(time.Second)
	if got := v.task(tok, taskIDs(t, r)[0]); got["status"] != taskSucceeded {
		t.Errorf("retry after geo failure: %v", got)
	}
}

func TestJobPostingStatusEndpoint(t *testing.T) {
	clk := newFakeClock()
	v := newTestEnv(t, Options{Now: clk.Now, TaskDelay: time.Second})
	tok := v.child()
	now := clk.Now()
	v.postJobs(tok, jobElement("s 1", now, nil), jobElement("s,2", now, nil))
	clk.Add(time.Second)
	r := v.do("GET", "/rest/jobPostingStatus?ids=List(s%201,s%2C2,missing)", tok, "", v2026, "X-Restli-Protocol-Version: 2.0.0")
	if m(r.body, "results", "s 1", "listingStatus") != "LISTED" || m(r.body, "results", "s,2", "listingStatus") != "LISTED" ||
		num(m(r.body, "errors", "missing", "status")) != 404 {
		t.Fatalf("2.0 batch_get: %d %s", r.status, r.raw)
	}
	r = v.do("GET", "/v2/jobPostingStatus?ids=s%201&ids=missing", tok, "")
	if m(r.body, "results", "s 1", "externalJobPostingId") != "s 1" || num(m(r.body, "errors", "missing", "status")) != 404 {
		t.Fatalf("1.0 batch_get: %s", r.raw)
	}
	q := make([]string, 101)
	for i := range q {
		q[i] = "ids=j" + strconv.Itoa(i)
	}
	if r := v.do("GET", "/v2/jobPostingStatus?"+strings.Join(q, "&"), tok, ""); r.status != 400 {
		t.Errorf("101 ids: %d", r.status)
	}
	// Another child does not see these jobs or tasks.
	ptok := v.parent()
	pr := v.do("POST", "/v2/provisionedApplications", ptok, `{"uniqueForeignId":"other","name":"Other","description":"d"}`)
	other := v.token(m(pr.body, "credentials", "client_id").(string), m(pr.body, "credentials", "client_secret").(string))
	r = v.do("GET", "/v2/jobPostingStatus?ids=s%201", other, "")
	if num(m(r.body, "errors", "s 1", "status")) != 404 {
		t.Errorf("isolation: %s", r.raw)
	}
	// LinkedIn-side change through the admin API.
	ar := v.do("POST", "/emulator/jobs/status", "", `{"application":"`+ChildApplication+`","externalJobPostingId":"s 1","listingStatus":"NOT_LISTED","listingStatusDetail":{"statusMessage":"MEMBER_REPORTED"}}`)
	if ar.status != 200 {
		t.Fatalf("admin: %d %s", ar.status, ar.raw)
	}
	st := v.jobStatus(tok, "s 1")
	if st["listingStatus"] != "NOT_LISTED" || m(st, "listingStatusDetail", "statusMessage") != listingDetails["MEMBER_REPORTED"].StatusMessage {
		t.Errorf("after MEMBER_REPORTED: %v", st)
	}
	el := jobElement("s 1", now, map[string]any{"jobPostingOperationType": "CLOSE"})
	if r := v.postJobs(tok, el); num(m(r.body["elements"].([]any)[0], "status")) != 409 {
		t.Errorf("close of a LinkedIn-closed job: %s", r.raw)
	}
}

// TestJobPostingErrorFormat: a per-element 422 is one "ERROR :: /field :: message\n" line per problem, and
// a missing field reads exactly as Rest.li writes it, conditional requirements included.
func TestJobPostingErrorFormat(t *testing.T) {
	v := newTestEnv(t, Options{})
	r := v.postJobs(v.child(), map[string]any{"externalJobPostingId": "empty"})
	el := r.body["elements"].([]any)[0]
	msg, _ := m(el, "error", "message").(string)
	if num(m(el, "status")) != 422 || num(m(el, "error", "status")) != 422 || !strings.HasSuffix(msg, "\n") {
		t.Fatalf("element: %s", r.raw)
	}
	want := map[string]bool{}
	for _, f := range []string{"jobPostingOperationType", "integrationContext", "title", "description", "companyApplyUrl", "listedAt", "location"} {
		want["ERROR :: /"+f+" :: field is required but not found and has no default value"] = true
	}
	lines := strings.Split(strings.TrimSuffix(msg, "\n"), "\n")
	for _, l := range lines {
		if !want[l] {
			t.Errorf("unexpected line %q", l)
		}
		delete(want, l)
	}
	for l := range want {
		t.Errorf("missing line %q", l)
	}
}
