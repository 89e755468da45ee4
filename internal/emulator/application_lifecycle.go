package emulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file is /v2/jobApplicationLifecycleActions: the partner tells LinkedIn what became of an application
// it received through Apply Connect (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-job-application-feedback),
// so that LinkedIn can tell the applicant.

var jobApplicationURN = regexp.MustCompile(`^urn:li:jobApplication:[1-9][0-9]*$`)

// lifecycleActions are the actions a partner may report.
var lifecycleActions = []string{"APPLICATION_VIEWED", "RESUME_DOWNLOADED", "APPLICATION_REJECTED"}

var lifecycleActionFields = map[string]bool{"jobApplicationId": true, "action": true, "performedAt": true, "integrationContext": true}

// LifecycleAction is one action a partner reported, as the emulator recorded it.
type LifecycleAction struct {
	ID                   int       `json:"id"`
	Application          string    `json:"application"` // the child application that reported it
	JobApplicationID     string    `json:"jobApplicationId"`
	ExternalJobPostingID string    `json:"externalJobPostingId"`
	Action               string    `json:"action"`
	PerformedAt          int64     `json:"performedAt"`
	IntegrationContext   string    `json:"integrationContext,omitempty"`
	ReceivedAt           time.Time `json:"receivedAt"`
}

// lifecycleActionsCollection serves create, for child applications (like every customer-scoped API).
func lifecycleActionsCollection() *collection {
	return &collection{
		name:    "jobApplicationLifecycleActions",
		methods: []string{"create"},
		key:     keySpec{},
		create:  createLifecycleAction,
	}
}

// createLifecycleAction checks and records one action: every problem of the body is a 422 line; a
// jobApplicationId the emulator never delivered to this child application is a 404 (README, choices).
func createLifecycleAction(c *call, raw json.RawMessage) (*response, *apiError) {
	var fields map[string]any
	if err := decodeJSON(raw, &fields); err != nil || fields == nil {
		return nil, errUnprocessable("ERROR :: / :: the body is not a JSON record\n")
	}
	rec := &record{fields: fields}
	rec.allowOnly(lifecycleActionFields)
	id, hasID := rec.str("jobApplicationId", true)
	if hasID && !jobApplicationURN.MatchString(id) {
		rec.fail("jobApplicationId", "%q is not a job application URN urn:li:jobApplication:N", id)
	}
	action, hasAction := rec.enum("action", lifecycleActions...)
	if _, present := fields["action"]; !present {
		rec.fail("action", msgRequired)
	}
	at, hasAt := rec.long("performedAt", true)
	if hasAt && at <= 0 {
		rec.fail("performedAt", "%d is not an epoch time in milliseconds", at)
	}
	ctx, hasCtx := rec.str("integrationContext", false)
	if hasCtx && !orgURN.MatchString(ctx) {
		rec.fail("integrationContext", "%q is not an organization URN urn:li:organization:N", ctx)
	}
	if !rec.ok() || !hasAction {
		return nil, errUnprocessable("%s", rec.message())
	}
	a := c.e.st.Applications[id]
	if a == nil || a.App != c.app.URN {
		return nil, errNotFound("No job application " + id)
	}
	st := c.e.st
	n := len(st.LifecycleActions) + 1
	st.LifecycleActions = append(st.LifecycleActions, LifecycleAction{ID: n, Application: c.app.URN, JobApplicationID: id,
		ExternalJobPostingID: a.ExternalID, Action: action, PerformedAt: at, IntegrationContext: ctx, ReceivedAt: c.e.now()})
	st.seq()
	key := strconv.Itoa(n)
	return &response{status: http.StatusCreated, header: map[string]string{
		"X-RestLi-Id": key,
		"Location":    "/v2/jobApplicationLifecycleActions/" + restli.Escape(key),
	}}, nil
}

// LifecycleActions lists the lifecycle actions partners reported, oldest first.
func (e *Emulator) LifecycleActions() []LifecycleAction {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := append([]LifecycleAction{}, e.st.LifecycleActions...)
	sort.Slice(out, func(i, k int) bool { return out[i].ID < out[k].ID })
	return out
}
