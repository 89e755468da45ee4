package client

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// JobPostingsService posts jobs and reads their tasks and statuses.
type JobPostingsService struct {
	c *Client

	submit *coalescer[JobPosting, JobPostingSubmission]
	task   *coalescer[string, JobPostingTask]
	status *coalescer[string, JobPostingStatus]
}

func newJobPostingsService(c *Client) *JobPostingsService {
	s := &JobPostingsService{c: c}
	ident := func(k string) string { return k }
	always := func(a, b string) bool { return true }
	s.submit = newCoalescer(c,
		func(j JobPosting) string { return j.ExternalJobPostingID },
		// Two different submissions for one job cannot share a batch_create (LinkedIn refuses duplicates
		// in one call): the second goes into the next batch, after the first.
		func(a, b JobPosting) bool { return reflect.DeepEqual(a, b) },
		func(ctx context.Context, jobs []JobPosting) []outcome[JobPostingSubmission] {
			subs, _ := s.BatchSubmit(ctx, jobs)
			out := make([]outcome[JobPostingSubmission], len(subs))
			for i, sub := range subs {
				out[i].val = sub
			}
			return out
		})
	s.task = newCoalescer(c, ident, always,
		func(ctx context.Context, urns []string) []outcome[JobPostingTask] {
			res, _ := s.BatchGetTasks(ctx, urns)
			return resultOutcomes(res)
		})
	// The provider submits and polls on a shared clock: those callers come back at its next tick, not
	// straight after an answer.
	s.submit.clocked, s.task.clocked = true, true
	s.status = newCoalescer(c, ident, always,
		func(ctx context.Context, ids []string) []outcome[JobPostingStatus] {
			res, _ := s.BatchGetStatuses(ctx, ids)
			return resultOutcomes(res)
		})
	return s
}

func (s *JobPostingsService) prefix() string {
	if s.c.family() == APIFamilyV2 {
		return "/v2"
	}
	return "/rest"
}

// ids builds the ids query of tasks and statuses: List(...) on /rest, repeated ids=… on legacy /v2.
func (s *JobPostingsService) ids() func([]string) string {
	if s.c.family() == APIFamilyV2 {
		return idsRepeated
	}
	return idsList
}

// wireJob puts the organization where the family expects it: company on /rest, integrationContext on /v2.
func (s *JobPostingsService) wireJob(j JobPosting) JobPosting {
	if s.c.family() == APIFamilyV2 {
		if j.IntegrationContext == "" {
			j.IntegrationContext = j.Company
		}
		j.Company = ""
	} else {
		if j.Company == "" {
			j.Company = j.IntegrationContext
		}
		j.IntegrationContext = ""
	}
	return j
}

func isCreate(j JobPosting) bool { return j.JobPostingOperationType == JobOperationCreate }

// isClose covers CLOSE and the legacy form without an operation type, state CLOSED.
func isClose(j JobPosting) bool {
	return j.JobPostingOperationType == JobOperationClose || (j.JobPostingOperationType == "" && j.State == "CLOSED")
}

// chunkJobs splits jobs into calls of at most 100 with no externalJobPostingId twice in one call, keeping
// order (a CREATE then an UPDATE of one job go in successive calls).
func chunkJobs(jobs []JobPosting) [][]int {
	var chunks [][]int
	var cur []int
	seen := map[string]bool{}
	for i, j := range jobs {
		if len(cur) == maxBatch || seen[j.ExternalJobPostingID] {
			chunks = append(chunks, cur)
			cur, seen = nil, map[string]bool{}
		}
		cur = append(cur, i)
		seen[j.ExternalJobPostingID] = true
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	return chunks
}

// BatchSubmit sends job postings (batch_create, ≤ 100 a call, split above), one submission per job in order.
// A lost response is never resent blindly: the client first checks (through jobPostingStatus / tasks) whether
// LinkedIn already took the job, so that a retry cannot create a duplicate.
//
// After a failure that leaves the outcome unknown (connection lost after sending, or 5xx), each job is
// handled by its operation: a CREATE whose externalJobPostingId jobPostingStatus already knows is reported
// Reconciled and not resent (a 404 there means it was not taken, and it is resent); UPDATE and RENEW are
// resent; a resent CLOSE answered 409 "already closed" counts as done (Reconciled). A job whose lookup
// fails is not resent and carries the original *AmbiguousError. The error returned is the first failure of
// a whole call (the affected jobs' Err hold it too).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs
func (s *JobPostingsService) BatchSubmit(ctx context.Context, jobs []JobPosting) ([]JobPostingSubmission, error) {
	out := make([]JobPostingSubmission, len(jobs))
	var firstErr error
	for _, chunk := range chunkJobs(jobs) {
		if err := s.submitChunk(ctx, jobs, chunk, out); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return out, firstErr
}

// submitChunk sends one batch_create and reconciles it after ambiguous failures, as often as the retry
// policy allows (until ctx's deadline, see Config.MaxRetries).
func (s *JobPostingsService) submitChunk(ctx context.Context, jobs []JobPosting, chunk []int, out []JobPostingSubmission) error {
	pending := chunk
	resent := map[int]bool{}
	for attempt := 0; ; attempt++ {
		subs, err := s.send(ctx, jobs, pending)
		if err == nil {
			for j, i := range pending {
				sub := subs[j]
				if resent[i] && isClose(jobs[i]) && IsConflict(sub.Err) {
					sub = JobPostingSubmission{Reconciled: true}
				}
				out[i] = sub
			}
			return nil
		}
		if !isAmbiguous(err) || !s.c.mayRetry(ctx, attempt) {
			return failSubmissions(out, pending, err)
		}
		wait := s.c.backoff(attempt, nil)
		if !fitsDeadline(ctx, wait) || s.c.sleep(ctx, wait) != nil {
			return failSubmissions(out, pending, err)
		}
		next, failed := s.reconcile(ctx, jobs, pending, out)
		for _, i := range next {
			resent[i] = true
		}
		if len(failed) > 0 {
			_ = failSubmissions(out, failed, err)
		}
		if len(next) == 0 {
			if len(failed) > 0 {
				return err
			}
			return nil
		}
		pending = next
	}
}

// failSubmissions gives each of the jobs idx the error err, and returns it.
func failSubmissions(out []JobPostingSubmission, idx []int, err error) error {
	for _, i := range idx {
		out[i] = JobPostingSubmission{Err: err}
	}
	return err
}

// reconcile sorts the jobs of a batch_create whose answer was lost: a CREATE LinkedIn already holds is
// Reconciled in out (not resent), a job whose lookup failed is returned in failed, and every other job
// (a CREATE LinkedIn does not hold, UPDATE, RENEW, CLOSE) is returned in resend.
func (s *JobPostingsService) reconcile(ctx context.Context, jobs []JobPosting, pending []int, out []JobPostingSubmission) (resend, failed []int) {
	taken, unknown := s.takenCreates(ctx, jobs, pending)
	for _, i := range pending {
		switch {
		case taken[i]:
			out[i] = JobPostingSubmission{Reconciled: true}
		case unknown[i]:
			failed = append(failed, i)
		default:
			resend = append(resend, i)
		}
	}
	return resend, failed
}

// takenCreates asks jobPostingStatus about the CREATEs among pending: taken when LinkedIn holds the job,
// unknown when the lookup failed with anything but 404 (which means the CREATE was not taken).
func (s *JobPostingsService) takenCreates(ctx context.Context, jobs []JobPosting, pending []int) (taken, unknown map[int]bool) {
	taken, unknown = map[int]bool{}, map[int]bool{}
	var creates []int
	var ids []string
	for _, i := range pending {
		if isCreate(jobs[i]) {
			creates = append(creates, i)
			ids = append(ids, jobs[i].ExternalJobPostingID)
		}
	}
	if len(creates) == 0 {
		return taken, unknown
	}
	res, _ := s.BatchGetStatuses(ctx, ids)
	for j, i := range creates {
		switch {
		case res[j].Err == nil:
			taken[i] = true
		case !IsEntityNotFound(res[j].Err):
			unknown[i] = true
		}
	}
	return taken, unknown
}

// batchCreateElement is one element of a batch_create answer.
type batchCreateElement struct {
	ID       string          `json:"id"`
	Status   int             `json:"status"`
	Location string          `json:"location"`
	Error    json.RawMessage `json:"error"`
}

// send makes one batch_create call for jobs[idx...].
func (s *JobPostingsService) send(ctx context.Context, jobs []JobPosting, idx []int) ([]JobPostingSubmission, error) {
	elems := make([]JobPosting, len(idx))
	for j, i := range idx {
		elems[j] = s.wireJob(jobs[i])
	}
	r := &request{method: http.MethodPost, restli: "batch_create", path: s.prefix() + "/simpleJobPostings",
		body: mustJSON(map[string]any{"elements": elems})}
	resp, err := s.c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	var body struct {
		Elements []batchCreateElement `json:"elements"`
	}
	if err := decodeJSON(r, resp.body, &body); err != nil {
		return nil, &AmbiguousError{Err: err}
	}
	if len(body.Elements) != len(idx) {
		return nil, &AmbiguousError{Err: &Error{HTTPStatus: http.StatusBadGateway, Code: "INCOMPLETE_BATCH_RESPONSE",
			Method: r.method, URL: s.c.logURL(r), RequestID: requestID(resp.header),
			Message: "batch_create answered a different number of elements than were sent"}}
	}
	subs := make([]JobPostingSubmission, len(idx))
	for j, el := range body.Elements {
		ext := jobs[idx[j]].ExternalJobPostingID
		if el.Status >= 400 || len(el.Error) > 0 && string(el.Error) != "null" {
			var w wireError
			_ = json.Unmarshal(el.Error, &w)
			e := w.toError(el.Status)
			if el.Status >= 400 {
				e.HTTPStatus = el.Status
			}
			if e.Message == "" {
				e.Message = http.StatusText(e.HTTPStatus)
			}
			e.Method, e.URL, e.Key = r.method, s.c.logURL(r), ext
			if e.RequestID == "" {
				e.RequestID = requestID(resp.header)
			}
			subs[j].Err = e
			continue
		}
		subs[j] = JobPostingSubmission{TaskID: decodeID(el.ID), Location: el.Location}
	}
	return subs, nil
}

// decodeID reads a batch_create id, which LinkedIn writes raw or with reduced escaping.
func decodeID(id string) string {
	if strings.Contains(id, "%") {
		if k, err := restli.ParseKey(id); err == nil && !k.IsCompound() {
			return k.Simple()
		}
	}
	return id
}

// Submit sends one job posting at the next submission tick (see jobposting_tasks.go), coalesced into
// batch_create calls, and returns its task URN.
// An empty URN with a nil error means the submission was Reconciled (see JobPostingSubmission): LinkedIn
// already held the job after a lost answer, so read it with GetStatus.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs
func (s *JobPostingsService) Submit(ctx context.Context, job JobPosting) (string, error) {
	if err := s.sleepUntilTick(ctx, submitTick); err != nil {
		return "", err
	}
	sub, err := s.submit.do(ctx, job)
	if err != nil {
		return "", err
	}
	return sub.TaskID, sub.Err
}

// BatchGetTasks reads tasks by URN (≤ 100 a call), results in order.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-taskstatus
func (s *JobPostingsService) BatchGetTasks(ctx context.Context, taskURNs []string) ([]Result[JobPostingTask], error) {
	return getSimple(ctx, s, "/simpleJobPostingTasks", taskURNs, func(t *JobPostingTask, urn string) {
		if t.ID == "" {
			t.ID = urn
		}
	})
}

// GetTask reads one task (coalesced).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-taskstatus
func (s *JobPostingsService) GetTask(ctx context.Context, taskURN string) (*JobPostingTask, error) {
	return s.task.doPtr(ctx, taskURN)
}

// BatchGetStatuses reads job posting statuses by external id, split into calls of ≤ 100 ids, results in order.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status
func (s *JobPostingsService) BatchGetStatuses(ctx context.Context, externalIDs []string) ([]Result[JobPostingStatus], error) {
	return getSimple(ctx, s, "/jobPostingStatus", externalIDs, func(st *JobPostingStatus, id string) {
		if st.ExternalJobPostingID == "" {
			st.ExternalJobPostingID = id
		}
	})
}

// GetStatus reads one job posting status (coalesced). An unknown id is an *Error with status 404.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status
func (s *JobPostingsService) GetStatus(ctx context.Context, externalID string) (*JobPostingStatus, error) {
	return s.status.doPtr(ctx, externalID)
}

// getSimple is a batch_get of a simple-keyed job resource in the configured family.
func getSimple[T any](ctx context.Context, s *JobPostingsService, resource string, ids []string, fill func(*T, string)) ([]Result[T], error) {
	keys := make([]restli.Key, len(ids))
	for i, id := range ids {
		keys[i] = restli.SimpleKey(id)
	}
	bc := batchCall{method: http.MethodGet, restli: "batch_get", path: s.prefix() + resource, ids: s.ids(),
		idempotent: true}
	entries, err := bc.run(ctx, s.c, keys)
	return batchResults(entries, func(i int) string { return ids[i] },
		func(i int, raw json.RawMessage) (*T, error) {
			v := new(T)
			if err := json.Unmarshal(raw, v); err != nil {
				return nil, err
			}
			fill(v, ids[i])
			return v, nil
		}), err
}
