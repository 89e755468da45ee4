package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file is the asynchronous half of job postings: a task per accepted element, completed after
// Options.TaskDelay in acceptance order, which decides what happens to the job.

// Task statuses.
const (
	taskInProgress = "IN_PROGRESS"
	taskSucceeded  = "SUCCEEDED"
	taskFailed     = "FAILED"
)

// taskRetention is how long a task can be read after it was accepted. It bounds the state (and the state
// file) of a long-running emulator; README's choices say how it compares with LinkedIn.
const taskRetention = 24 * time.Hour

// renewal is how much RENEW extends expireAt
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/sync-job-postings).
const renewal = 30 * day

// tasksCollection is /rest/simpleJobPostingTasks and /v2/simpleJobPostingTasks: batch_get (and get).
func tasksCollection() *collection {
	return &collection{
		name:    "simpleJobPostingTasks",
		quota:   "simpleJobPostingTasks",
		methods: []string{"batch_get", "get"},
		key:     keySpec{},
		get: func(c *call, k restli.Key) (any, *apiError) {
			t := c.e.st.Tasks[k.Simple()]
			if t == nil || t.App != c.app.URN {
				return nil, errNotFound("No simpleJobPostingTask " + k.Simple())
			}
			return t.entity(), nil
		},
	}
}

func (t *task) entity() map[string]any {
	m := map[string]any{"id": t.URN, "status": t.Status, "externalJobPostingId": t.ExternalID}
	if t.JobNumber != 0 {
		m["jobPosting"] = jobURN(t.JobNumber)
	}
	if t.Error != "" {
		m["errorMessage"] = t.Error
	}
	if t.Location != "" {
		m["location"] = t.Location
	}
	return m
}

// advanceLocked completes the tasks whose delay has passed, in acceptance order, forgets tasks older than
// taskRetention, and moves LinkedIn Apply's enablements on (apply_connect.go). Reads call it first, so
// results never depend on the scheduler's timing.
func (e *Emulator) advanceLocked() {
	now := e.now()
	var due []*task
	changed := false
	for urn, t := range e.st.Tasks {
		if now.Sub(t.CreatedAt) > taskRetention {
			delete(e.st.Tasks, urn)
			changed = true
			continue
		}
		if t.Status == taskInProgress && !now.Before(t.DueAt) {
			due = append(due, t)
		}
	}
	sort.Slice(due, func(i, k int) bool { return due[i].Seq < due[k].Seq })
	for _, t := range due {
		e.completeTaskLocked(t, now)
		changed = true
	}
	if e.advanceApplyLocked(now) {
		changed = true
	}
	if changed {
		_ = e.persistLocked()
	}
}

// completeTaskLocked decides the outcome of one task and updates the job and its status: the operation's
// preconditions, then location standardisation, then the PREMIUM entitlement, and only then the listing.
func (e *Emulator) completeTaskLocked(t *task, now time.Time) {
	in, msg := validateJob(t.Fields, t.CreatedAt)
	if msg != "" { // cannot happen: validated at acceptance with the same clock
		t.Status, t.Error = taskFailed, strings.TrimSpace(msg)
		return
	}
	j := e.st.Jobs[skey(t.App, t.ExternalID)]
	if j != nil {
		// A job that existed before the task notifies when its status changes; a job the task creates
		// announces nothing until LinkedIn changes it.
		defer e.notifyIfStatusChanged(j, statusJSON(j))
	}
	op := effectiveOperation(in.Op, j)
	if op == "CLOSE" {
		closeJob(t, j)
		return
	}
	if reason := operationConflict(op, in.Op, j, t.ExternalID); reason != "" {
		t.fail("%s", reason)
		return
	}
	if j == nil { // a CREATE whose placeholder was removed by a reset; recreate it
		j = &job{App: t.App, ExternalID: t.ExternalID, Number: e.st.NextJobID}
		e.st.NextJobID++
		e.st.Jobs[skey(t.App, t.ExternalID)] = j
	}
	t.JobNumber = j.Number
	std, alts, res := standardizeJobLocations(in)
	if res != geoOK {
		failLocation(t, j, in, op, res)
		return
	}
	if in.ListingType == "PREMIUM" && !e.premiumJobPostingEnabled(t.App, in.Contract) {
		t.fail("Cannot post a PREMIUM job on %s: the customer has not enabled PREMIUM_JOB_POSTING for this contract", in.Contract)
		return
	}
	wasClosed := j.Closed
	j.Created, j.Closed, j.Closing = true, false, false
	j.Fields, j.RawLocation, j.Location, j.AltLocation = storedFields(t.Fields), in.Location, std, alts
	j.ListedAt = in.ListedAt
	j.ExpireAt = expiry(j.ExpireAt, in, op, wasClosed, now)
	j.Status = e.computeStatusLocked(t.App, in)
	// Every CREATE, UPDATE or RENEW re-runs LinkedIn Apply's enablement: LinkedIn's "resync".
	j.Apply = e.newApplyStateLocked(in, t.DueAt)
	t.Status, t.Location = taskSucceeded, std
}

// fail ends a task as FAILED with an errorMessage.
func (t *task) fail(format string, args ...any) {
	t.Status, t.Error = taskFailed, fmt.Sprintf(format, args...)
}

// notifyIfStatusChanged queues a notification when the job's status differs from before (its JSON).
func (e *Emulator) notifyIfStatusChanged(j *job, before []byte) {
	after, _ := json.Marshal(j.Status)
	if !bytes.Equal(before, after) {
		e.notifyLocked(j)
	}
}

// effectiveOperation resolves the legacy state LISTED (UPSERT): an UPDATE of an open job LinkedIn holds, a
// CREATE otherwise.
func effectiveOperation(op string, j *job) string {
	if op != "UPSERT" {
		return op
	}
	if j != nil && j.Created && !j.Closed {
		return "UPDATE"
	}
	return "CREATE"
}

// closeJob runs a CLOSE task: the job becomes NOT_LISTED with the CLOSED_BY_PARTNER detail and LinkedIn Apply
// is switched off.
func closeJob(t *task, j *job) {
	if j == nil {
		t.fail("Cannot close job which is already closed or does not exist")
		return
	}
	j.Closing, j.Closed = false, true
	j.Status.ListingStatus = "NOT_LISTED"
	j.Status.ListingStatusDetail = detail(listingDetails, "CLOSED_BY_PARTNER")
	if j.Status.LinkedInApplyStatus != applyNotEnabled {
		j.Status.LinkedInApplyStatus, j.Status.LinkedInApplyStatusDetail = applyNotEnabled, nil
	}
	j.Apply = nil
	t.Status = taskSucceeded
}

// operationConflict is why a CREATE, UPDATE or RENEW cannot apply to the job as it stands ("" when it can):
// a job is created once (a legacy LISTED may re-create a closed one), and only a created job is updated or
// renewed; an UPDATE of a closed job fails (RENEW re-lists it).
func operationConflict(op, requested string, j *job, externalID string) string {
	switch op {
	case "CREATE":
		if j != nil && j.Created && !(requested == "UPSERT" && j.Closed) {
			return fmt.Sprintf("duplicate creation request: a job posting with externalJobPostingId %s already exists", externalID)
		}
	case "UPDATE", "RENEW":
		if j == nil || !j.Created {
			return fmt.Sprintf("Cannot %s job posting %s: the job does not exist", op, externalID)
		}
		if j.Closed && op == "UPDATE" {
			return fmt.Sprintf("Cannot UPDATE job posting %s: the job is closed (RENEW re-lists it)", externalID)
		}
	}
	return ""
}

// standardizeJobLocations standardises the location and the alternate locations; the result is the worst
// of theirs.
func standardizeJobLocations(in *jobInput) (std string, alts []string, res geoResult) {
	std, res = standardize(in.LocParts)
	for _, p := range in.AltLocations {
		s, r := standardize(p)
		if r > res {
			res = r
		}
		alts = append(alts, s)
	}
	return std, alts, res
}

// failLocation fails a task whose location cannot be standardised. A job never listed before is left
// NOT_LISTED with the reason as its listing detail; a listed job stays as it was.
func failLocation(t *task, j *job, in *jobInput, op string, res geoResult) {
	reason := "INVALID_LOCATION"
	if res == geoBlocked {
		reason = "BLOCKED_COUNTRY"
	}
	t.fail("JOB_FIELD_PROCESSOR_GEO_LOCATION: the location %q cannot be standardized (%s)", in.Location, reason)
	if op == "CREATE" && !j.Created {
		j.Fields, j.RawLocation = t.Fields, in.Location
		j.Status = jobStatus{ListingStatus: "NOT_LISTED", ListingStatusDetail: detail(listingDetails, reason),
			LinkedInApplyStatus: "NOT_ENABLED", PromotionStatus: "NOT_PROMOTED"}
	}
}

// premiumJobPostingEnabled reports whether the customer enabled PREMIUM_JOB_POSTING for the contract, which
// the emulator requires of a PREMIUM listing.
func (e *Emulator) premiumJobPostingEnabled(app, contract string) bool {
	pj := e.st.Integrations[skey(app, contract, "PREMIUM_JOB_POSTING", "JOBS")]
	return pj != nil && pj.Status == statusEnabled
}

// expiry is a listed job's expireAt after op: RENEW adds 30 days to the latest of the current expiry, the
// element's expireAt and now; an element's expireAt is taken as given; a new or re-opened job without one
// gets the default of its listing type (BASIC listedAt + 180 days, PREMIUM now + 30 days); otherwise the
// current expiry stays.
func expiry(current int64, in *jobInput, op string, wasClosed bool, now time.Time) int64 {
	switch {
	case op == "RENEW":
		return max(current, in.ExpireAt, now.UnixMilli()) + renewal.Milliseconds()
	case in.ExpireAt != 0:
		return in.ExpireAt
	case op == "CREATE" || wasClosed || current == 0:
		if in.ListingType == "PREMIUM" {
			return now.Add(30 * day).UnixMilli()
		}
		return time.UnixMilli(in.ListedAt).Add(180 * day).UnixMilli()
	}
	return current
}

// storedFields is the posting as LinkedIn keeps it: only b strong u i br p ul li remain in the description.
func storedFields(f map[string]any) map[string]any {
	out := make(map[string]any, len(f))
	for k, v := range f {
		out[k] = v
	}
	if d, ok := out["description"].(string); ok {
		out["description"] = stripHTML(d)
	}
	return out
}
