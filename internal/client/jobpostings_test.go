package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// jobServer is a small stateful simpleJobPostings + jobPostingStatus + tasks server with injectable lost
// responses, to test that a lost answer never causes a duplicate.
type jobServer struct {
	t  *testing.T
	mu sync.Mutex

	listed   map[string]bool // externalJobPostingId → listed (false = closed)
	creates  map[string]int  // CREATE requests applied per job
	batches  [][]JobPosting  // every batch_create received
	tasks    map[string]int  // task urn → polls left before SUCCEEDED
	nextTask int

	// dropAfterApply and dropBeforeApply make the next batch_create calls lose their answer: the
	// connection closes after (or without) applying. failAfterApply answers 502 after applying.
	dropAfterApply, dropBeforeApply, failAfterApply int
}

func newJobServer(t *testing.T) *jobServer {
	return &jobServer{t: t, listed: map[string]bool{}, creates: map[string]int{}, tasks: map[string]int{}}
}

func (s *jobServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case strings.HasSuffix(r.URL.Path, "/simpleJobPostings"):
		var body struct {
			Elements []JobPosting `json:"elements"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			s.t.Error(err)
		}
		s.batches = append(s.batches, body.Elements)
		if s.dropBeforeApply > 0 {
			s.dropBeforeApply--
			hijackClose(w)
			return
		}
		out := make([]any, len(body.Elements))
		for i, j := range body.Elements {
			out[i] = s.apply(j)
		}
		switch {
		case s.dropAfterApply > 0:
			s.dropAfterApply--
			hijackClose(w)
		case s.failAfterApply > 0:
			s.failAfterApply--
			writeJSON(w, 502, map[string]any{"status": 502, "message": "bad gateway"})
		default:
			writeJSON(w, 200, map[string]any{"elements": out})
		}
	case strings.HasSuffix(r.URL.Path, "/jobPostingStatus"):
		results, errs := map[string]any{}, map[string]any{}
		for _, k := range requestIDs(s.t, r) {
			id := k.Simple()
			listed, ok := s.listed[id]
			if !ok {
				errs[restli.EncodeReduced(id)] = map[string]any{"status": 404, "message": "no such job"}
				continue
			}
			st := "LISTED"
			if !listed {
				st = "NOT_LISTED"
			}
			results[restli.EncodeReduced(id)] = map[string]any{"externalJobPostingId": id, "listingStatus": st}
		}
		writeJSON(w, 200, map[string]any{"results": results, "statuses": map[string]any{}, "errors": errs})
	case strings.HasSuffix(r.URL.Path, "/simpleJobPostingTasks"):
		results := map[string]any{}
		for _, k := range requestIDs(s.t, r) {
			st := TaskSucceeded
			if s.tasks[k.Simple()] > 0 {
				s.tasks[k.Simple()]--
				st = TaskInProgress
			}
			results[k.EncodeReduced()] = map[string]any{"id": k.Simple(), "status": st, "externalJobPostingId": "x"}
		}
		writeJSON(w, 200, map[string]any{"results": results, "statuses": map[string]any{}, "errors": map[string]any{}})
	default:
		w.WriteHeader(404)
	}
}

// apply processes one element as LinkedIn does (synchronously, for the test).
func (s *jobServer) apply(j JobPosting) any {
	if j.Title == "" {
		return map[string]any{"status": 422, "error": map[string]any{"status": 422, "message": "ERROR :: /title :: field is required but not found and has no default value\n"}}
	}
	switch j.JobPostingOperationType {
	case JobOperationCreate:
		s.creates[j.ExternalJobPostingID]++
		s.listed[j.ExternalJobPostingID] = true
	case JobOperationClose:
		if !s.listed[j.ExternalJobPostingID] {
			return map[string]any{"status": 409, "error": map[string]any{"status": 409, "message": "Cannot close job which is already closed or does not exist"}}
		}
		s.listed[j.ExternalJobPostingID] = false
	default:
		s.listed[j.ExternalJobPostingID] = true
	}
	s.nextTask++
	urn := fmt.Sprintf("urn:li:simpleJobPostingTask:%d", s.nextTask)
	return map[string]any{"id": urn, "status": 202, "location": "/simpleJobPostings/" + restli.Encode(urn)}
}

// state returns copies of what the server recorded (the handler may still be unwinding a dropped
// connection when the client returns, so reads take the lock).
func (s *jobServer) state() (batches [][]JobPosting, creates map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	creates = map[string]int{}
	for k, v := range s.creates {
		creates[k] = v
	}
	return append([][]JobPosting(nil), s.batches...), creates
}

func job(id, op string) JobPosting {
	return JobPosting{ExternalJobPostingID: id, JobPostingOperationType: op, IntegrationContext: "urn:li:organization:1000",
		Title: "Engineer", Description: strings.Repeat("d", 100), CompanyApplyURL: "https://apply", ListedAt: 1, Location: "Paris, France"}
}

func jobClient(t *testing.T, s *jobServer, mod func(*Config)) (*Client, *fakeAPI) {
	f := newFake(t, s.ServeHTTP)
	c, _ := f.client(mod)
	return c, f
}

func TestBatchSubmitLostResponseNeverDuplicates(t *testing.T) {
	for _, mode := range []string{"drop", "502"} {
		s := newJobServer(t)
		s.listed["B"], s.listed["C"] = true, true
		if mode == "drop" {
			s.dropAfterApply = 1
		} else {
			s.failAfterApply = 1
		}
		c, _ := jobClient(t, s, nil)
		jobs := []JobPosting{job("A", JobOperationCreate), job("B", JobOperationUpdate), job("C", JobOperationClose), job("D", JobOperationCreate)}
		subs, err := c.JobPostings.BatchSubmit(context.Background(), jobs)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		batches, creates := s.state()
		if creates["A"] != 1 || creates["D"] != 1 {
			t.Errorf("%s: creates %v, want exactly one each", mode, creates)
		}
		if !subs[0].Reconciled || subs[0].Err != nil || !subs[3].Reconciled {
			t.Errorf("%s: CREATEs already taken: %+v %+v", mode, subs[0], subs[3])
		}
		if subs[1].TaskID == "" || subs[1].Err != nil || subs[1].Reconciled {
			t.Errorf("%s: UPDATE resent: %+v", mode, subs[1])
		}
		if !subs[2].Reconciled || subs[2].Err != nil {
			t.Errorf("%s: CLOSE resent and answered 409 counts as done: %+v", mode, subs[2])
		}
		if len(batches) != 2 || len(batches[1]) != 2 || batches[1][0].ExternalJobPostingID != "B" || batches[1][1].ExternalJobPostingID != "C" {
			t.Errorf("%s: batches %v", mode, batches)
		}
	}
}

func TestBatchSubmitLostBeforeApplyResends(t *testing.T) {
	s := newJobServer(t)
	s.dropBeforeApply = 1
	c, _ := jobClient(t, s, nil)
	subs, err := c.JobPostings.BatchSubmit(context.Background(), []JobPosting{job("A", JobOperationCreate), job("C", JobOperationClose)})
	if err != nil {
		t.Fatal(err)
	}
	_, creates := s.state()
	if creates["A"] != 1 || subs[0].TaskID == "" || subs[0].Reconciled {
		t.Errorf("CREATE not taken must be resent once: creates %v sub %+v", creates, subs[0])
	}
	// C never existed: the resent CLOSE answers 409, which after a lost answer counts as done.
	if !subs[1].Reconciled {
		t.Errorf("CLOSE: %+v", subs[1])
	}
	// Without a lost answer, a CLOSE of an unknown job is the caller's 409.
	subs, _ = c.JobPostings.BatchSubmit(context.Background(), []JobPosting{job("Z", JobOperationClose)})
	if !IsConflict(subs[0].Err) || subs[0].Reconciled {
		t.Errorf("first-time CLOSE 409: %+v", subs[0])
	}
}

func TestBatchSubmitGivesUpAfterMaxRetries(t *testing.T) {
	s := newJobServer(t)
	s.dropBeforeApply = 100
	c, _ := jobClient(t, s, func(cfg *Config) { cfg.MaxRetries = 2 })
	subs, err := c.JobPostings.BatchSubmit(context.Background(), []JobPosting{job("A", JobOperationUpdate)})
	batches, _ := s.state()
	if !isAmbiguous(err) || !isAmbiguous(subs[0].Err) || len(batches) != 3 {
		t.Errorf("err %v, sub %+v after %d batches", err, subs[0], len(batches))
	}
}

func TestBatchSubmitPerElementErrorsAndFamilies(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		s := newJobServer(t)
		c, f := jobClient(t, s, func(cfg *Config) { cfg.APIFamily = fam })
		bad := job("BAD", JobOperationCreate)
		bad.Title = ""
		subs, err := c.JobPostings.BatchSubmit(context.Background(), []JobPosting{job("A", JobOperationCreate), bad})
		if err != nil {
			t.Fatal(err)
		}
		if subs[0].TaskID != "urn:li:simpleJobPostingTask:1" || subs[0].Location == "" {
			t.Errorf("%s: %+v", fam, subs[0])
		}
		if StatusCode(subs[1].Err) != 422 || !strings.Contains(subs[1].Err.Error(), "/title") || !strings.Contains(subs[1].Err.Error(), "key BAD") {
			t.Errorf("%s: %v", fam, subs[1].Err)
		}
		r := f.requests()[0]
		if r.Path != "/"+string(fam)+"/simpleJobPostings" || r.Header.Get("X-RestLi-Method") != "batch_create" {
			t.Errorf("%s: %s %s", fam, r.Path, r.Header.Get("X-RestLi-Method"))
		}
		var raw struct {
			Elements []map[string]any `json:"elements"`
		}
		_ = json.Unmarshal(r.Body, &raw)
		_, hasCompany := raw.Elements[0]["company"]
		_, hasContext := raw.Elements[0]["integrationContext"]
		if fam == APIFamilyRest && (!hasCompany || hasContext) || fam == APIFamilyV2 && (hasCompany || !hasContext) {
			t.Errorf("%s: element %v", fam, raw.Elements[0])
		}
	}
}

func TestBatchSubmitSplits(t *testing.T) {
	s := newJobServer(t)
	c, _ := jobClient(t, s, nil)
	var jobs []JobPosting
	for i := 0; i < 150; i++ {
		jobs = append(jobs, job(fmt.Sprintf("J%d", i), JobOperationCreate))
	}
	jobs = append(jobs, job("J0", JobOperationUpdate)) // same job again: a later call
	subs, err := c.JobPostings.BatchSubmit(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	batches, _ := s.state()
	if len(batches) != 2 || len(batches[0]) != 100 || len(batches[1]) != 51 {
		t.Errorf("%d batches", len(batches))
	}
	if subs[150].TaskID == "" || subs[0].TaskID == subs[150].TaskID {
		t.Errorf("subs %+v %+v", subs[0], subs[150])
	}
	jobs = []JobPosting{job("X", JobOperationCreate), job("X", JobOperationUpdate), job("X", JobOperationClose)}
	_, err = c.JobPostings.BatchSubmit(context.Background(), jobs)
	if batches, _ := s.state(); err != nil || len(batches) != 5 {
		t.Errorf("one job three times: %d batches, %v", len(batches), err)
	}
}

func TestSubmitCoalesced(t *testing.T) {
	s := newJobServer(t)
	c, _ := jobClient(t, s, func(cfg *Config) { cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	out := make([]string, 5)
	errs := make([]error, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j := job(fmt.Sprintf("S%d", i), JobOperationCreate)
			if i == 3 {
				j.Title = ""
			}
			out[i], errs[i] = c.JobPostings.Submit(context.Background(), j)
		}()
	}
	flushWhen(t, c.JobPostings.submit, 5)
	wg.Wait()
	if batches, _ := s.state(); len(batches) != 1 {
		t.Fatalf("%d calls", len(batches))
	}
	for i := range out {
		if i == 3 {
			if StatusCode(errs[i]) != 422 {
				t.Errorf("caller 3: %v", errs[i])
			}
			continue
		}
		if errs[i] != nil || !strings.HasPrefix(out[i], "urn:li:simpleJobPostingTask:") {
			t.Errorf("caller %d: %q %v", i, out[i], errs[i])
		}
	}
}

func TestStatusesSplitAndFamilies(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		s := newJobServer(t)
		ids := make([]string, 250)
		for i := range ids {
			ids[i] = fmt.Sprintf("job %d/ä", i)
			if i%2 == 0 {
				s.listed[ids[i]] = true
			}
		}
		c, f := jobClient(t, s, func(cfg *Config) { cfg.APIFamily = fam })
		res, err := c.JobPostings.BatchGetStatuses(context.Background(), ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if i%2 == 0 && (r.Err != nil || r.Value.ExternalJobPostingID != ids[i] || r.Value.ListingStatus != "LISTED") {
				t.Fatalf("%s: %d: %+v %v", fam, i, r.Value, r.Err)
			}
			if i%2 == 1 && !IsEntityNotFound(r.Err) {
				t.Fatalf("%s: %d: %v", fam, i, r.Err)
			}
		}
		reqs := f.requests()
		if len(reqs) != 3 {
			t.Errorf("%s: %d calls for 250 ids", fam, len(reqs))
		}
		q := reqs[0].RawQuery
		if reqs[0].Header.Get("X-HTTP-Method-Override") != "" {
			q = string(reqs[0].Body)
		}
		if fam == APIFamilyV2 && !strings.HasPrefix(q, "ids=job%200%2F%C3%A4&ids=job%201") ||
			fam == APIFamilyRest && !strings.HasPrefix(q, "ids=List(job%200%2F%C3%A4,job%201") {
			t.Errorf("%s: query %.60s", fam, q)
		}
		st, err := c.JobPostings.GetStatus(context.Background(), ids[0])
		if err != nil || st.ListingStatus != "LISTED" {
			t.Errorf("GetStatus: %+v %v", st, err)
		}
	}
}

func TestTasks(t *testing.T) {
	s := newJobServer(t)
	s.tasks["urn:li:simpleJobPostingTask:7"] = 2
	c, f := jobClient(t, s, nil)
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	task, err := c.JobPostings.WaitForTask(context.Background(), "urn:li:simpleJobPostingTask:7")
	if err != nil || task.Status != TaskSucceeded || !task.Done() {
		t.Fatalf("%+v %v", task, err)
	}
	// Two polls answer IN_PROGRESS, the third SUCCEEDED; each poll waits for the next tick of the 250 ms grid.
	if len(waits) != 3 {
		t.Errorf("polling waits %v, want one before each of 3 polls", waits)
	}
	for _, w := range waits {
		if w > taskPollMin {
			t.Errorf("polling wait %s is longer than the first poll interval %s", w, taskPollMin)
		}
	}
	r := f.requests()[0]
	if r.Path != "/rest/simpleJobPostingTasks" || r.RawQuery != "ids=List(urn%3Ali%3AsimpleJobPostingTask%3A7)" {
		t.Errorf("%s?%s", r.Path, r.RawQuery)
	}
	res, err := c.JobPostings.BatchGetTasks(context.Background(), []string{"urn:li:simpleJobPostingTask:1", "urn:li:simpleJobPostingTask:2"})
	if err != nil || res[1].Value.ID != "urn:li:simpleJobPostingTask:2" {
		t.Errorf("%+v %v", res, err)
	}
}
