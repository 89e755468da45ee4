package emulator

import (
	"encoding/json"
	"net/http"

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
