package emulator

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// jobPostingsCollection is /rest/simpleJobPostings and /v2/simpleJobPostings: batch_create only.
func jobPostingsCollection() *collection {
	return &collection{
		name:        "simpleJobPostings",
		methods:     []string{"batch_create"},
		key:         keySpec{},
		batchCreate: createJobPostings,
	}
}

// createJobPostings is batch_create on simpleJobPostings: per-element schema errors (422) and close
// conflicts (409) are answered at once, everything else becomes an asynchronous task.
func createJobPostings(c *call, elements []json.RawMessage) ([]any, *apiError) {
	if err := duplicateJobInBatch(elements); err != nil {
		return nil, err
	}
	now := c.e.now()
	out := make([]any, 0, len(elements))
	for _, raw := range elements {
		out = append(out, acceptJobPosting(c, raw, now))
	}
	return out, nil
}

// duplicateJobInBatch refuses a whole call that holds two elements for the same job: the order in which
// LinkedIn would process them is not defined.
func duplicateJobInBatch(elements []json.RawMessage) *apiError {
	seen := map[string]bool{}
	for _, raw := range elements {
		var probe struct {
			ID any `json:"externalJobPostingId"`
		}
		_ = json.Unmarshal(raw, &probe)
		if id, ok := probe.ID.(string); ok {
			if seen[id] {
				return errBadRequest("Duplicate externalJobPostingId %q in one batch: send at most one element per job and call", id)
			}
			seen[id] = true
		}
	}
	return nil
}

// acceptJobPosting checks one element and, if it passes, queues its task; it returns the element's entry
// in the batch_create answer.
func acceptJobPosting(c *call, raw json.RawMessage, now time.Time) map[string]any {
	st := c.e.st
	var fields map[string]any
	if err := decodeJSON(raw, &fields); err != nil || fields == nil {
		return elementError(errUnprocessable("ERROR :: / :: the element is not a JSON record\n"))
	}
	in, msg := validateJob(fields, now)
	if msg != "" {
		return elementError(errUnprocessable("%s", msg))
	}
	j := st.Jobs[skey(c.app.URN, in.ExternalID)]
	if in.Op == "CLOSE" && (j == nil || j.Closed || j.Closing) {
		return elementError(errf(http.StatusConflict, "CONFLICT", "Cannot close job which is already closed or does not exist"))
	}
	if j == nil && (in.Op == "CREATE" || in.Op == "UPSERT") {
		j = c.e.newJobLocked(c.app.URN, in, fields)
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
	return map[string]any{"id": restli.SimpleKey(t.URN).EncodeBodyKey(), "status": http.StatusAccepted,
		"location": "/simpleJobPostings/" + restli.Escape(t.URN)}
}

// newJobLocked records the job of an accepted CREATE: it shows in jobPostingStatus as soon as its task is
// accepted, IN_PROGRESS (and LinkedIn Apply IN_PROGRESS 1156 when it carries an onsiteApplyConfiguration).
func (e *Emulator) newJobLocked(app string, in *jobInput, fields map[string]any) *job {
	j := &job{App: app, ExternalID: in.ExternalID, Number: e.st.NextJobID, Fields: fields,
		RawLocation: in.Location, ListedAt: in.ListedAt,
		Status: jobStatus{ListingStatus: "IN_PROGRESS", LinkedInApplyStatus: "NOT_ENABLED", PromotionStatus: "NOT_PROMOTED"}}
	e.st.NextJobID++
	if in.Apply != nil {
		j.Status.LinkedInApplyStatus, j.Status.LinkedInApplyStatusDetail = applyInProgress, detail(applyDetails, "1156")
	}
	e.st.Jobs[skey(app, in.ExternalID)] = j
	return j
}

// elementError is the batch_create entry of a refused element.
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
