package emulator

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// This file delivers applications to a job's jobApplicationWebhookUrl
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/receive-applications): a POST of the payload
// (application_payload.go) signed with the child application's secret. Only 200 counts as delivered; any
// other answer is re-sent 6 times, after 1 s, 5 s, 30 s, 2 min, 10 min and 1 h (scaled by
// Options.DeliveryRetryScale). When the first application of a job cannot be delivered, or 3 applications
// of a job in a row cannot, LinkedIn turns LinkedIn Apply off: NOT_ENABLED 1155 (LOW_APPLICATION_DELIVERY),
// and the job is applied to through its companyApplyUrl until the partner sends it again (UPDATE).

// deliveryRetryDelays are the waits before each re-send of an application (README, choices).
var deliveryRetryDelays = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute, 10 * time.Minute, time.Hour}

// maxFailedDeliveriesInARow applications of a job in a row that cannot be delivered turn LinkedIn Apply off.
const maxFailedDeliveriesInARow = 3

// jobApplication is one application and its delivery, persisted with the state.
type jobApplication struct {
	ID          string             `json:"id"` // urn:li:jobApplication:N
	Number      int                `json:"number"`
	App         string             `json:"app"`
	ExternalID  string             `json:"externalJobPostingId"`
	WebhookURL  string             `json:"webhookUrl"`
	AppliedAt   int64              `json:"appliedAt"`
	Body        []byte             `json:"body"`
	Request     ApplicationRequest `json:"request"`
	Attempts    []DeliveryAttempt  `json:"attempts"`
	Delivered   bool               `json:"delivered"`
	Failed      bool               `json:"failed"` // every attempt failed; no more are made
	NextAttempt time.Time          `json:"nextAttempt"`
	inflight    bool
}

// DeliveryAttempt is one POST of an application to the webhook.
type DeliveryAttempt struct {
	At         time.Time `json:"at"`
	HTTPStatus int       `json:"httpStatus,omitempty"` // the webhook's answer; 0 when there was none
	Error      string    `json:"error,omitempty"`      // why there was no answer, or the answer's status text
	Delivered  bool      `json:"delivered"`
}

// ApplicationRecord is an application as the admin API and the Go API list it.
type ApplicationRecord struct {
	JobApplicationID     string             `json:"jobApplicationId"`
	Application          string             `json:"application"` // the child application's URN
	ExternalJobPostingID string             `json:"externalJobPostingId"`
	WebhookURL           string             `json:"webhookUrl"`
	AppliedAt            int64              `json:"appliedAt"`
	Applicant            ApplicationRequest `json:"applicant"`
	// Payload is the body POSTed to the webhook, as sent (non-ASCII escaped).
	Payload   string            `json:"payload"`
	Attempts  []DeliveryAttempt `json:"attempts"`
	Delivered bool              `json:"delivered"`
	Failed    bool              `json:"failed"`
}

// SubmitApplication makes an applicant apply to a job whose LinkedIn Apply is ENABLED, as LinkedIn's
// application form would: the answers are checked against the job's questions, the application gets its
// urn:li:jobApplication:N and is delivered to the job's webhook in the background. An error says why the
// form would not let the applicant submit.
func (e *Emulator) SubmitApplication(req ApplicationRequest) (ApplicationRecord, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	a, err := e.submitApplicationLocked(req)
	if err != nil {
		return ApplicationRecord{}, err
	}
	_ = e.persistLocked()
	e.signal()
	return a.record(), nil
}

func (e *Emulator) submitApplicationLocked(req ApplicationRequest) (*jobApplication, error) {
	app := e.st.resolveApp(req.Application)
	if app == nil || app.isParent() {
		return nil, fmt.Errorf("emulator: no child application %q", req.Application)
	}
	req.Application = app.URN
	j := e.st.Jobs[skey(app.URN, req.ExternalJobPostingID)]
	if j == nil {
		return nil, fmt.Errorf("emulator: application %s has no job %q", app.URN, req.ExternalJobPostingID)
	}
	if j.Closed || j.Closing {
		return nil, fmt.Errorf("emulator: job %q is closed", req.ExternalJobPostingID)
	}
	if j.Apply == nil || j.Status.LinkedInApplyStatus != applyEnabled {
		return nil, fmt.Errorf("emulator: LinkedIn Apply of job %q is %s, not ENABLED: applicants apply through its companyApplyUrl", req.ExternalJobPostingID, j.Status.LinkedInApplyStatus)
	}
	responses, err := checkApplication(j.Apply.Config, req)
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.st.NextApplicationID++
	n := e.st.NextApplicationID
	now := e.now()
	a := &jobApplication{ID: "urn:li:jobApplication:" + strconv.Itoa(n), Number: n, App: app.URN,
		ExternalID: j.ExternalID, WebhookURL: j.Apply.Config.JobApplicationWebhookURL, AppliedAt: now.UnixMilli(),
		Request: req, Attempts: []DeliveryAttempt{}, NextAttempt: now}
	a.Body, err = encodeASCIIJSON(applicationPayload{Type: applicationType, JobApplicationID: a.ID,
		ExternalJobPostingID: j.ExternalID, DeveloperApplicationURN: app.URN, AppliedAt: a.AppliedAt,
		QuestionResponses: responses})
	if err != nil {
		return nil, err
	}
	if j.Apply.FirstApplication == "" {
		j.Apply.FirstApplication = a.ID
	}
	e.st.Applications[a.ID] = a
	return a, nil
}

func (a *jobApplication) record() ApplicationRecord {
	return ApplicationRecord{JobApplicationID: a.ID, Application: a.App, ExternalJobPostingID: a.ExternalID,
		WebhookURL: a.WebhookURL, AppliedAt: a.AppliedAt, Applicant: a.Request, Payload: string(a.Body),
		Attempts: append([]DeliveryAttempt{}, a.Attempts...), Delivered: a.Delivered, Failed: a.Failed}
}

// deliverApplicationsLocked starts the deliveries that are due, each in its own goroutine, outside the lock.
func (e *Emulator) deliverApplicationsLocked(now time.Time, next *wakeUp) {
	for _, a := range e.st.Applications {
		if a.Delivered || a.Failed || a.inflight {
			continue
		}
		if now.Before(a.NextAttempt) {
			next.by(a.NextAttempt)
			continue
		}
		app := e.st.Apps[a.App]
		if app == nil {
			continue
		}
		a.inflight = true
		e.wg.Add(1)
		go e.sendApplication(a, app.ClientSecret)
	}
}

// sendApplication POSTs one application, signed, and records the attempt.
func (e *Emulator) sendApplication(a *jobApplication, secret string) {
	defer e.wg.Done()
	at := e.now()
	attempt := DeliveryAttempt{At: at}
	req, err := http.NewRequestWithContext(e.ctx, http.MethodPost, a.WebhookURL, bytes.NewReader(a.Body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-LI-Signature", signature(a.Body, secret))
		var resp *http.Response
		if resp, err = e.hc.Do(req); err == nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
			resp.Body.Close()
			attempt.HTTPStatus = resp.StatusCode
			attempt.Delivered = resp.StatusCode == http.StatusOK
			if !attempt.Delivered {
				attempt.Error = resp.Status
			}
		}
	}
	if err != nil {
		attempt.Error = err.Error()
	}
	if e.ctx.Err() != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	a.inflight = false
	if e.st.Applications[a.ID] != a {
		return // reset meanwhile
	}
	e.recordDeliveryLocked(a, attempt)
	_ = e.persistLocked()
	e.signal()
}

// recordDeliveryLocked adds an attempt: delivered, re-sent after the next delay, or given up after the
// last re-send, which counts against the job's LinkedIn Apply.
func (e *Emulator) recordDeliveryLocked(a *jobApplication, attempt DeliveryAttempt) {
	a.Attempts = append(a.Attempts, attempt)
	j := e.st.Jobs[skey(a.App, a.ExternalID)]
	if attempt.Delivered {
		a.Delivered = true
		if j != nil && j.Apply != nil {
			j.Apply.FailedInARow = 0
		}
		return
	}
	if resends := len(a.Attempts) - 1; resends < len(deliveryRetryDelays) {
		a.NextAttempt = e.now().Add(e.scaledRetryDelay(resends))
		return
	}
	a.Failed = true
	if j == nil || j.Apply == nil || j.Status.LinkedInApplyStatus != applyEnabled {
		return
	}
	j.Apply.FailedInARow++
	if a.ID == j.Apply.FirstApplication || j.Apply.FailedInARow >= maxFailedDeliveriesInARow {
		before := statusJSON(j)
		e.setApplyStatusLocked(j, applyNotEnabled, detail(applyDetails, "1155"))
		e.notifyIfStatusChanged(j, before)
	}
}

// scaledRetryDelay is the wait before re-send n (0-based), times Options.DeliveryRetryScale.
func (e *Emulator) scaledRetryDelay(n int) time.Duration {
	return time.Duration(float64(deliveryRetryDelays[n]) * e.opts.DeliveryRetryScale)
}

// Applications lists the applications made, with their delivery attempts, oldest first. An empty
// application or externalJobPostingID matches all.
func (e *Emulator) Applications(application, externalJobPostingID string) []ApplicationRecord {
	e.mu.Lock()
	defer e.mu.Unlock()
	urn := application
	if a := e.st.resolveApp(application); a != nil {
		urn = a.URN
	}
	var list []*jobApplication
	for _, a := range e.st.Applications {
		if (application == "" || a.App == urn) && (externalJobPostingID == "" || a.ExternalID == externalJobPostingID) {
			list = append(list, a)
		}
	}
	sort.Slice(list, func(i, k int) bool { return list[i].Number < list[k].Number })
	out := make([]ApplicationRecord, 0, len(list))
	for _, a := range list {
		out = append(out, a.record())
	}
	return out
}
