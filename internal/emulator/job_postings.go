package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

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

// jobPostingsCollection is /rest/simpleJobPostings and /v2/simpleJobPostings: batch_create only.
func jobPostingsCollection() *collection {
	return &collection{
		name:        "simpleJobPostings",
		methods:     []string{"batch_create"},
		key:         keySpec{},
		batchCreate: createJobPostings,
	}
}

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

// jobStatusCollection is /v2/jobPostingStatus and ([choice]) /rest/jobPostingStatus: batch_get by
// externalJobPostingId (and get).
func jobStatusCollection() *collection {
	return &collection{
		name:    "jobPostingStatus",
		quota:   "jobPostingStatus",
		methods: []string{"batch_get", "get"},
		key:     keySpec{},
		get: func(c *call, k restli.Key) (any, *apiError) {
			j := c.e.st.Jobs[skey(c.app.URN, k.Simple())]
			if j == nil {
				return nil, errNotFound("No job posting with externalJobPostingId " + k.Simple())
			}
			return j.statusEntity(), nil
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

// statusEntity is the jobPostingStatus record of spec §5.
func (j *job) statusEntity() map[string]any {
	m := map[string]any{
		"externalJobPostingId": j.ExternalID,
		"jobPostingUrl":        jobURL(j.Number),
		"listingStatus":        j.Status.ListingStatus,
		"linkedInApplyStatus":  j.Status.LinkedInApplyStatus,
		"promotionStatus":      j.Status.PromotionStatus,
		"rawLocation":          j.RawLocation,
		"jobPostingInfo":       j.info(),
	}
	if d := j.Status.ListingStatusDetail; d != nil {
		m["listingStatusDetail"] = d
	}
	if d := j.Status.LinkedInApplyStatusDetail; d != nil {
		m["linkedInApplyStatusDetail"] = d
	}
	if d := j.Status.PromotionStatusDetail; d != nil {
		m["promotionStatusDetail"] = d
	}
	return m
}

func (j *job) info() map[string]any {
	alt := j.AltLocation
	if alt == nil {
		alt = []string{}
	}
	name, _ := j.Fields["companyName"].(string)
	page, _ := j.Fields["companyPageUrl"].(string)
	org := j.context()
	if name == "" && org != "" {
		name = "Organization " + strings.TrimPrefix(org, "urn:li:organization:")
	}
	if page == "" && org != "" {
		page = "https://www.linkedin.com/company/" + strings.TrimPrefix(org, "urn:li:organization:")
	}
	return map[string]any{
		"listedAt":           j.ListedAt,
		"expireAt":           j.ExpireAt,
		"location":           j.Location,
		"alternateLocations": alt,
		"companyDetails":     map[string]string{"companyName": name, "companyPage": page},
	}
}

func (j *job) context() string {
	if s, ok := j.Fields["integrationContext"].(string); ok && s != "" {
		return s
	}
	s, _ := j.Fields["company"].(string)
	return s
}

// createJobPostings is batch_create on simpleJobPostings (spec §4): per-element schema errors (422) and
// close conflicts (409) synchronously, everything else becomes an asynchronous task.
func createJobPostings(c *call, elements []json.RawMessage) ([]any, *apiError) {
	st := c.e.st
	now := c.e.now()
	// Two elements for the same job in one call are refused as a whole ([choice]): their order of
	// processing would be ambiguous.
	seen := map[string]bool{}
	for _, raw := range elements {
		var probe struct {
			ID any `json:"externalJobPostingId"`
		}
		_ = json.Unmarshal(raw, &probe)
		if id, ok := probe.ID.(string); ok {
			if seen[id] {
				return nil, errBadRequest("Duplicate externalJobPostingId %q in one batch: send at most one element per job and call", id)
			}
			seen[id] = true
		}
	}
	out := make([]any, 0, len(elements))
	for _, raw := range elements {
		var fields map[string]any
		if err := decodeJSON(raw, &fields); err != nil || fields == nil {
			out = append(out, elementError(errUnprocessable("ERROR :: / :: the element is not a JSON record\n")))
			continue
		}
		in, msg := validateJob(fields, now)
		if msg != "" {
			out = append(out, elementError(errUnprocessable("%s", msg)))
			continue
		}
		jk := skey(c.app.URN, in.ExternalID)
		j := st.Jobs[jk]
		if in.Op == "CLOSE" && (j == nil || j.Closed || j.Closing) {
			out = append(out, elementError(errf(http.StatusConflict, "CONFLICT", "Cannot close job which is already closed or does not exist")))
			continue
		}
		if j == nil && (in.Op == "CREATE" || in.Op == "UPSERT") {
			// The job shows in jobPostingStatus as soon as its task is accepted.
			j = &job{App: c.app.URN, ExternalID: in.ExternalID, Number: st.NextJobID, Fields: fields,
				RawLocation: in.Location, ListedAt: in.ListedAt,
				Status: jobStatus{ListingStatus: "IN_PROGRESS", LinkedInApplyStatus: "NOT_ENABLED", PromotionStatus: "NOT_PROMOTED"}}
			st.NextJobID++
			if in.OnsiteApply && c.e.applyConnectEnabled(c.app.URN, in.Context) {
				j.Status.LinkedInApplyStatus = "IN_PROGRESS"
				j.Status.LinkedInApplyStatusDetail = detail(applyDetails, "1156")
			}
			st.Jobs[jk] = j
		}
		if in.Op == "CLOSE" {
			j.Closing = true
		}
		t := &task{URN: "urn:li:simpleJobPostingTask:" + newUUID(), App: c.app.URN, Seq: st.seq(),
			ExternalID: in.ExternalID, Operation: in.Op, Fields: fields, Status: taskInProgress,
			CreatedAt: now, DueAt: now.Add(c.e.opts.TaskDelay)}
		if j != nil {
			t.JobNumber = j.Number
		}
		st.Tasks[t.URN] = t
		// The id is the task URN raw in either protocol (restli.Key.EncodeBodyKey), so a client can pass it
		// back unchanged as an id of its simpleJobPostingTasks call; the location is URL-encoded.
		out = append(out, map[string]any{"id": restli.SimpleKey(t.URN).EncodeBodyKey(), "status": http.StatusAccepted,
			"location": "/simpleJobPostings/" + restli.Escape(t.URN)})
	}
	return out, nil
}

func elementError(a *apiError) map[string]any {
	return map[string]any{"status": a.Status, "error": a}
}

func (e *Emulator) applyConnectEnabled(app, org string) bool {
	in := e.st.Integrations[skey(app, org, "APPLY_CONNECT", "JOBS")]
	return in != nil && in.Status == statusEnabled
}

// hasContract reports whether the customer has a LinkedIn contract: an enabled contract integration.
func (e *Emulator) hasContract(app string) bool {
	for _, in := range e.st.Integrations {
		if in.App == app && in.Status == statusEnabled && contractURN.MatchString(in.Context) {
			return true
		}
	}
	return false
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

// computeStatusLocked is the status of a job that LinkedIn has just listed ([choice], README):
// promotion PREMIUM → PROMOTED (LI_CUSTOMER_PROMOTED); BASIC → NOT_PROMOTED with LI_CUSTOMER_BASIC when the
// customer has a LinkedIn contract (the job names one, or a contract integration is enabled), else
// ATS_CUSTOMER_BASIC. LinkedIn Apply is ENABLED when the customer enabled APPLY_CONNECT for the job's
// organization and the job carries onsiteApplyConfiguration.jobApplicationWebhookUrl as an HTTPS URL
// (NOT_ENABLED 1153 when that URL is not HTTPS); otherwise NOT_ENABLED with no detail.
func (e *Emulator) computeStatusLocked(app string, in *jobInput) jobStatus {
	s := jobStatus{ListingStatus: "LISTED", LinkedInApplyStatus: "NOT_ENABLED"}
	if in.ListingType == "PREMIUM" {
		s.PromotionStatus, s.PromotionStatusDetail = "PROMOTED", detail(promotionDetails, "LI_CUSTOMER_PROMOTED")
	} else if in.Contract != "" || e.hasContract(app) {
		s.PromotionStatus, s.PromotionStatusDetail = "NOT_PROMOTED", detail(promotionDetails, "LI_CUSTOMER_BASIC")
	} else {
		s.PromotionStatus, s.PromotionStatusDetail = "NOT_PROMOTED", detail(promotionDetails, "ATS_CUSTOMER_BASIC")
	}
	if in.OnsiteApply && e.applyConnectEnabled(app, in.Context) {
		u, err := url.Parse(in.ApplyWebhook)
		if err == nil && u.Scheme == "https" && u.Host != "" {
			s.LinkedInApplyStatus = "ENABLED"
		} else {
			s.LinkedInApplyStatusDetail = detail(applyDetails, "1153")
		}
	}
	return s
}

// ChangeJobStatus applies a LinkedIn-side status change and notifies the application's webhook. A detail
// may be given in full or as a bare catalogue prefix or code ({"statusMessage":"MEMBER_REPORTED"}).
func (e *Emulator) ChangeJobStatus(c JobStatusChange) error {
	check := func(field, v string, allowed ...string) error {
		if v != "" && !slices.Contains(allowed, v) {
			return fmt.Errorf("emulator: %s must be one of %s, not %q", field, strings.Join(allowed, ", "), v)
		}
		return nil
	}
	if err := check("listingStatus", c.ListingStatus, "LISTED", "NOT_LISTED", "IN_PROGRESS"); err != nil {
		return err
	}
	if err := check("linkedInApplyStatus", c.LinkedInApplyStatus, "ENABLED", "NOT_ENABLED", "IN_PROGRESS"); err != nil {
		return err
	}
	if err := check("promotionStatus", c.PromotionStatus, "PROMOTED", "NOT_PROMOTED"); err != nil {
		return err
	}
	return e.mutate(func() error {
		app := e.st.resolveApp(c.Application)
		if app == nil {
			return fmt.Errorf("emulator: no application %q", c.Application)
		}
		j := e.st.Jobs[skey(app.URN, c.ExternalJobPostingID)]
		if j == nil {
			return fmt.Errorf("emulator: application %s has no job %q", app.URN, c.ExternalJobPostingID)
		}
		if c.ListingStatus != "" {
			j.Status.ListingStatus = c.ListingStatus
			j.Status.ListingStatusDetail = nil
			// A job LinkedIn took down is closed for the partner's API too (CLOSE → 409, RENEW re-lists).
			j.Closed = c.ListingStatus == "NOT_LISTED"
		}
		if c.ListingStatusDetail != nil {
			j.Status.ListingStatusDetail = expandDetail(listingDetails, c.ListingStatusDetail)
		}
		if c.LinkedInApplyStatus != "" {
			j.Status.LinkedInApplyStatus = c.LinkedInApplyStatus
			j.Status.LinkedInApplyStatusDetail = nil
		}
		if c.LinkedInApplyStatusDetail != nil {
			j.Status.LinkedInApplyStatusDetail = expandDetail(applyDetails, c.LinkedInApplyStatusDetail)
		}
		if c.PromotionStatus != "" {
			j.Status.PromotionStatus = c.PromotionStatus
			j.Status.PromotionStatusDetail = nil
		}
		if c.PromotionStatusDetail != nil {
			j.Status.PromotionStatusDetail = expandDetail(promotionDetails, c.PromotionStatusDetail)
		}
		e.notifyLocked(j)
		return nil
	})
}

// notifyLocked queues a JOB_POSTING_STATUS notification with the job's current status (spec §5).
func (e *Emulator) notifyLocked(j *job) {
	n := &notification{ID: newUUID(), App: j.App, CreatedAt: e.now(), NextAttempt: e.now()}
	payload := j.statusEntity()
	payload["type"] = "JOB_POSTING_STATUS"
	payload["developerApplicationUrn"] = j.App
	payload["notificationId"] = n.ID
	n.Body, _ = json.Marshal(payload)
	e.st.Notifications = append(e.st.Notifications, n)
	e.signal()
}
