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

// taskRetention is how long a task can be read after it was accepted ([choice] of spec §4).
const taskRetention = 24 * time.Hour

// renewal is how much RENEW extends expireAt (spec §4).
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

// advanceLocked completes the tasks whose delay has passed, in acceptance order, and forgets tasks older
// than taskRetention. Reads call it first, so results never depend on the scheduler's timing.
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
	if changed {
		_ = e.persistLocked()
	}
}

// completeTaskLocked decides the outcome of one task (spec §4) and updates the job and its status.
func (e *Emulator) completeTaskLocked(t *task, now time.Time) {
	st := e.st
	jk := skey(t.App, t.ExternalID)
	j := st.Jobs[jk]
	in, msg := validateJob(t.Fields, t.CreatedAt)
	if msg != "" { // cannot happen: validated at acceptance with the same clock
		t.Status, t.Error = taskFailed, strings.TrimSpace(msg)
		return
	}
	fail := func(format string, args ...any) {
		t.Status, t.Error = taskFailed, fmt.Sprintf(format, args...)
	}
	op := in.Op
	if op == "UPSERT" {
		op = "CREATE"
		if j != nil && j.Created && !j.Closed {
			op = "UPDATE"
		}
	}
	var before []byte
	if j != nil {
		before, _ = json.Marshal(j.Status)
	}
	defer func() {
		if j == nil {
			return
		}
		after, _ := json.Marshal(j.Status)
		if before != nil && !bytes.Equal(before, after) {
			e.notifyLocked(j)
		}
	}()

	switch op {
	case "CLOSE":
		if j == nil {
			fail("Cannot close job which is already closed or does not exist")
			return
		}
		j.Closing, j.Closed = false, true
		j.Status.ListingStatus = "NOT_LISTED"
		j.Status.ListingStatusDetail = detail(listingDetails, "CLOSED_BY_PARTNER")
		if j.Status.LinkedInApplyStatus != "NOT_ENABLED" {
			j.Status.LinkedInApplyStatus, j.Status.LinkedInApplyStatusDetail = "NOT_ENABLED", nil
		}
		t.Status = taskSucceeded
		return
	case "CREATE":
		if j != nil && j.Created && !(in.Op == "UPSERT" && j.Closed) {
			fail("duplicate creation request: a job posting with externalJobPostingId %s already exists", t.ExternalID)
			return
		}
	case "UPDATE", "RENEW":
		if j == nil || !j.Created {
			fail("Cannot %s job posting %s: the job does not exist", op, t.ExternalID)
			return
		}
		if j.Closed && op == "UPDATE" {
			fail("Cannot UPDATE job posting %s: the job is closed (RENEW re-lists it)", t.ExternalID)
			return
		}
	}
	if j == nil { // a CREATE whose placeholder was removed by a reset; recreate it
		j = &job{App: t.App, ExternalID: t.ExternalID, Number: st.NextJobID}
		st.NextJobID++
		st.Jobs[jk] = j
	}
	t.JobNumber = j.Number

	// Geo standardisation of the location and the alternate locations.
	std, res := standardize(in.LocParts)
	var alts []string
	for _, p := range in.AltLocations {
		s, r := standardize(p)
		if r > res {
			res = r
		}
		alts = append(alts, s)
	}
	if res != geoOK {
		reason := "INVALID_LOCATION"
		if res == geoBlocked {
			reason = "BLOCKED_COUNTRY"
		}
		fail("JOB_FIELD_PROCESSOR_GEO_LOCATION: the location %q cannot be standardized (%s)", in.Location, reason)
		if op == "CREATE" && !j.Created {
			j.Fields, j.RawLocation = t.Fields, in.Location
			j.Status = jobStatus{ListingStatus: "NOT_LISTED", ListingStatusDetail: detail(listingDetails, reason),
				LinkedInApplyStatus: "NOT_ENABLED", PromotionStatus: "NOT_PROMOTED"}
		}
		return
	}
	if in.ListingType == "PREMIUM" {
		pj := st.Integrations[skey(t.App, in.Contract, "PREMIUM_JOB_POSTING", "JOBS")]
		if pj == nil || pj.Status != statusEnabled {
			// [choice] a PREMIUM listing needs the customer's PREMIUM_JOB_POSTING integration for the contract.
			fail("Cannot post a PREMIUM job on %s: the customer has not enabled PREMIUM_JOB_POSTING for this contract", in.Contract)
			return
		}
	}

	wasClosed := j.Closed
	j.Created, j.Closed, j.Closing = true, false, false
	j.Fields, j.RawLocation, j.Location, j.AltLocation = storedFields(t.Fields), in.Location, std, alts
	j.ListedAt = in.ListedAt
	switch {
	case op == "RENEW":
		base := j.ExpireAt
		if in.ExpireAt > base {
			base = in.ExpireAt
		}
		if n := now.UnixMilli(); base < n {
			base = n
		}
		j.ExpireAt = base + renewal.Milliseconds()
	case in.ExpireAt != 0:
		j.ExpireAt = in.ExpireAt
	case op == "CREATE" || wasClosed || j.ExpireAt == 0:
		if in.ListingType == "PREMIUM" {
			j.ExpireAt = now.Add(30 * day).UnixMilli() // [choice] PREMIUM default: 30 days
		} else {
			j.ExpireAt = time.UnixMilli(in.ListedAt).Add(180 * day).UnixMilli()
		}
	}
	j.Status = e.computeStatusLocked(t.App, in)
	t.Status, t.Location = taskSucceeded, std
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
