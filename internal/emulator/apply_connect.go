package emulator

import (
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// This file is LinkedIn Apply's enablement of an Apply Connect job
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply and the status
// catalogue of https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications):
// after a CREATE, UPDATE or RENEW that carries an onsiteApplyConfiguration, LinkedIn Apply is IN_PROGRESS
// (1156) for one task delay; then it is NOT_ENABLED when the customer has not enabled APPLY_CONNECT, when
// the questions break a rule (applyconnect.Check: 1100–1103, 1151) or when the webhook does not answer its
// challenge (1153), and ENABLED otherwise. An ENABLED job's webhook is challenged again every
// WebhookRevalidateInterval; three failures in a row turn LinkedIn Apply off (1154).

// LinkedIn Apply statuses.
const (
	applyEnabled    = "ENABLED"
	applyNotEnabled = "NOT_ENABLED"
	applyInProgress = "IN_PROGRESS"
)

// maxApplyRevalidationFailures consecutive failed re-validations turn LinkedIn Apply off (1154).
const maxApplyRevalidationFailures = 3

// applyState is LinkedIn Apply's state of one job, persisted with it.
type applyState struct {
	Config       *applyconnect.Configuration `json:"config"`
	Organization string                      `json:"organization"`
	// Pending is true while the enablement is IN_PROGRESS; it is decided at DecideAt.
	Pending  bool      `json:"pending"`
	DecideAt time.Time `json:"decideAt"`
	// RevalidateAt is when an ENABLED job's webhook is challenged next; RevalidationFailures counts the
	// failed re-validations in a row.
	RevalidateAt         time.Time `json:"revalidateAt"`
	RevalidationFailures int       `json:"revalidationFailures"`
	// Application delivery since the enablement (application_delivery.go): the first application, and
	// how many applications in a row could not be delivered.
	FirstApplication string `json:"firstApplication,omitempty"`
	FailedInARow     int    `json:"failedInARow"`
	// checking is true while a challenge of this job's webhook is in flight (not persisted: a reloaded
	// emulator challenges again).
	checking bool
}

// newApplyStateLocked starts LinkedIn Apply's enablement of a job whose task finished at done: it is
// decided one task delay later. Nil when the job asks for no LinkedIn Apply.
func (e *Emulator) newApplyStateLocked(in *jobInput, done time.Time) *applyState {
	if in.Apply == nil {
		return nil
	}
	return &applyState{Config: in.Apply, Organization: in.Context, Pending: true, DecideAt: done.Add(e.opts.TaskDelay)}
}

// applyTarget is a challenge to send outside the lock: the job, the state it was started for, and what the
// challenge needs.
type applyTarget struct {
	j      *job
	as     *applyState
	app    application
	url    string
	result error
}

// advanceApplyLocked decides the enablements that are due and starts the challenges they need, and the
// re-validations that are due; it reports whether the state changed. Challenges run in goroutines,
// outside the lock.
func (e *Emulator) advanceApplyLocked(now time.Time) bool {
	changed := false
	var decide, revalidate []applyTarget
	for _, j := range e.st.Jobs {
		as := j.Apply
		if as == nil || as.checking {
			continue
		}
		switch {
		case as.Pending && !now.Before(as.DecideAt):
			if t, needsChallenge := e.decideWithoutCallLocked(j); needsChallenge {
				decide = append(decide, t)
			}
			changed = true
		case !as.Pending && j.Status.LinkedInApplyStatus == applyEnabled && !now.Before(as.RevalidateAt):
			if t, ok := e.applyTargetLocked(j); ok {
				revalidate = append(revalidate, t)
			}
		}
	}
	if e.ctx == nil || e.ctx.Err() != nil {
		return changed
	}
	for _, t := range decide {
		t.as.checking = true
		e.wg.Add(1)
		go e.challengeApplyWebhook(t)
	}
	if len(revalidate) > 0 {
		for _, t := range revalidate {
			t.as.checking = true
		}
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			e.revalidateApplyTargets(revalidate)
		}()
	}
	return changed
}

// decideWithoutCallLocked decides an enablement as far as it can without calling the webhook: the
// integration, the questions, the URL's scheme. It reports whether the webhook's challenge is needed.
func (e *Emulator) decideWithoutCallLocked(j *job) (applyTarget, bool) {
	as := j.Apply
	before := statusJSON(j)
	defer e.notifyIfStatusChanged(j, before)
	if !e.applyConnectEnabled(j.App, as.Organization) {
		e.setApplyStatusLocked(j, applyNotEnabled, &applyNotEnabledForOrganization)
		return applyTarget{}, false
	}
	if problems := applyconnect.Check(as.Config); len(problems) > 0 {
		e.setApplyStatusLocked(j, applyNotEnabled, detail(applyDetails, strconv.Itoa(problems[0].Code)))
		return applyTarget{}, false
	}
	if !callableWebhook(as.Config.JobApplicationWebhookURL) {
		e.setApplyStatusLocked(j, applyNotEnabled, detail(applyDetails, "1153"))
		return applyTarget{}, false
	}
	return e.applyTargetLocked(j)
}

// setApplyStatusLocked sets LinkedIn Apply's status and detail and ends a pending enablement.
func (e *Emulator) setApplyStatusLocked(j *job, status string, d *statusDetail) {
	j.Status.LinkedInApplyStatus = status
	j.Status.LinkedInApplyStatusDetail = nil
	if d != nil {
		c := *d
		j.Status.LinkedInApplyStatusDetail = &c
	}
	if j.Apply != nil {
		j.Apply.Pending = false
	}
}

// applyTargetLocked is the challenge of j's webhook, with a copy of its child application.
func (e *Emulator) applyTargetLocked(j *job) (applyTarget, bool) {
	app := e.st.Apps[j.App]
	if app == nil || j.Apply == nil || j.Apply.Config == nil {
		return applyTarget{}, false
	}
	return applyTarget{j: j, as: j.Apply, app: *app, url: j.Apply.Config.JobApplicationWebhookURL}, true
}

// callableWebhook reports whether LinkedIn would call the URL: HTTPS, or plain HTTP on a loopback host,
// which the emulator accepts so that receivers in tests and in CI work (README, choices).
func callableWebhook(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		return validate.IsLoopbackHost(u.Hostname())
	}
	return false
}

// challengeApplyWebhook sends the enablement's challenge (GET <webhook>?challengeCode=…&applicationId=…,
// answered with the child application's secret) and records ENABLED or NOT_ENABLED 1153.
func (e *Emulator) challengeApplyWebhook(t applyTarget) {
	defer e.wg.Done()
	err := e.challenge(e.ctx, &t.app, t.url, t.app.ClientSecret)
	if e.ctx.Err() != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	t.as.checking = false
	if !e.stillCurrent(t) {
		return // updated, closed or reset meanwhile: a newer enablement decides
	}
	before := statusJSON(t.j)
	if err != nil {
		e.setApplyStatusLocked(t.j, applyNotEnabled, detail(applyDetails, "1153"))
	} else {
		e.setApplyStatusLocked(t.j, applyEnabled, nil)
		t.as.RevalidateAt = e.now().Add(e.opts.WebhookRevalidateInterval)
		t.as.RevalidationFailures = 0
	}
	e.notifyIfStatusChanged(t.j, before)
	_ = e.persistLocked()
	e.signal()
}

// stillCurrent reports whether the job and its LinkedIn Apply state are the ones the target was made for.
func (e *Emulator) stillCurrent(t applyTarget) bool {
	j := e.st.Jobs[skey(t.j.App, t.j.ExternalID)]
	return j == t.j && j.Apply == t.as
}

// ApplyRevalidation is the outcome of one job's webhook re-validation.
type ApplyRevalidation struct {
	Application          string `json:"application"`
	ExternalJobPostingID string `json:"externalJobPostingId"`
	WebhookURL           string `json:"webhookUrl"`
	Valid                bool   `json:"valid"`
	Error                string `json:"error,omitempty"`
	// Failures is the number of failed re-validations in a row; at 3 LinkedIn Apply is NOT_ENABLED 1154.
	Failures            int    `json:"failures"`
	LinkedInApplyStatus string `json:"linkedInApplyStatus"`
}

// RevalidateApplyWebhooks re-validates now the webhook of every ENABLED Apply Connect job (whatever its
// next re-validation time), waits for the challenges and returns their outcomes by application and job. Jobs
// whose webhook is being challenged already are left out.
func (e *Emulator) RevalidateApplyWebhooks() []ApplyRevalidation {
	e.mu.Lock()
	e.advanceLocked()
	var targets []applyTarget
	for _, j := range e.st.Jobs {
		if j.Apply != nil && !j.Apply.checking && !j.Apply.Pending && j.Status.LinkedInApplyStatus == applyEnabled {
			if t, ok := e.applyTargetLocked(j); ok {
				t.as.checking = true
				targets = append(targets, t)
			}
		}
	}
	e.mu.Unlock()
	return e.revalidateApplyTargets(targets)
}

// revalidateApplyTargets challenges each target outside the lock, then records the outcomes: a success
// resets the count of failures, the third failure in a row turns LinkedIn Apply off (1154).
func (e *Emulator) revalidateApplyTargets(targets []applyTarget) []ApplyRevalidation {
	for i := range targets {
		targets[i].result = e.challenge(e.ctx, &targets[i].app, targets[i].url, targets[i].app.ClientSecret)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]ApplyRevalidation, 0, len(targets))
	for _, t := range targets {
		t.as.checking = false
		if !e.stillCurrent(t) || e.ctx.Err() != nil {
			continue
		}
		before := statusJSON(t.j)
		t.as.RevalidateAt = e.now().Add(e.opts.WebhookRevalidateInterval)
		r := ApplyRevalidation{Application: t.j.App, ExternalJobPostingID: t.j.ExternalID, WebhookURL: t.url, Valid: t.result == nil}
		if t.result == nil {
			t.as.RevalidationFailures = 0
		} else {
			t.as.RevalidationFailures++
			r.Error = t.result.Error()
			if t.as.RevalidationFailures >= maxApplyRevalidationFailures {
				e.setApplyStatusLocked(t.j, applyNotEnabled, detail(applyDetails, "1154"))
			}
		}
		r.Failures, r.LinkedInApplyStatus = t.as.RevalidationFailures, t.j.Status.LinkedInApplyStatus
		e.notifyIfStatusChanged(t.j, before)
		out = append(out, r)
	}
	sortRevalidations(out)
	_ = e.persistLocked()
	e.signal()
	return out
}

// awaitApplyLocked wakes the scheduler when an enablement or a re-validation is due.
func (e *Emulator) awaitApplyLocked(next *wakeUp) {
	for _, j := range e.st.Jobs {
		switch as := j.Apply; {
		case as == nil || as.checking:
		case as.Pending:
			next.by(as.DecideAt)
		case j.Status.LinkedInApplyStatus == applyEnabled:
			next.by(as.RevalidateAt)
		}
	}
}

// statusJSON is a job's status as JSON, to tell whether a change needs a notification.
func statusJSON(j *job) []byte {
	b, _ := json.Marshal(j.Status)
	return b
}

// sortRevalidations orders outcomes by application and job.
func sortRevalidations(rs []ApplyRevalidation) {
	sort.Slice(rs, func(i, k int) bool {
		if rs[i].Application != rs[k].Application {
			return rs[i].Application < rs[k].Application
		}
		return rs[i].ExternalJobPostingID < rs[k].ExternalJobPostingID
	})
}
