package emulator

import "net/http"

// This file is the admin API of Apply Connect: an applicant applies, the applications with their delivery
// attempts, the lifecycle actions partners reported, and a re-validation round of the jobs' webhooks now.

// adminSubmitApplication is POST /emulator/applications: SubmitApplication, answering the application
// (ApplicationRecord); a refusal is a 400 with the reason.
func (e *Emulator) adminSubmitApplication(a adminExchange) {
	var req ApplicationRequest
	if !a.decode(&req) {
		return
	}
	rec, err := e.SubmitApplication(req)
	if err != nil {
		a.fail(http.StatusBadRequest, err)
		return
	}
	a.ok(rec)
}

// adminApplications is GET /emulator/applications[?application=…&externalJobPostingId=…]:
// {"applications":[ApplicationRecord…]}, oldest first.
func (e *Emulator) adminApplications(a adminExchange) {
	q := a.r.URL.Query()
	a.ok(map[string]any{"applications": e.Applications(q.Get("application"), q.Get("externalJobPostingId"))})
}

// adminLifecycleActions is GET /emulator/lifecycleActions: {"lifecycleActions":[LifecycleAction…]}.
func (e *Emulator) adminLifecycleActions(a adminExchange) {
	a.ok(map[string]any{"lifecycleActions": e.LifecycleActions()})
}

// adminRevalidateApplyWebhooks is POST /emulator/applyWebhooks/revalidate: RevalidateApplyWebhooks,
// answering {"revalidations":[ApplyRevalidation…]}.
func (e *Emulator) adminRevalidateApplyWebhooks(a adminExchange) {
	a.ok(map[string]any{"revalidations": e.RevalidateApplyWebhooks()})
}

// LinkedInApplyStatus returns a job's LinkedIn Apply status (ENABLED, NOT_ENABLED, IN_PROGRESS) and the
// errorCode of its detail (0 when it has none).
func (e *Emulator) LinkedInApplyStatus(application, externalJobPostingID string) (status string, errorCode int, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	app := e.st.resolveApp(application)
	if app == nil {
		return "", 0, false
	}
	j := e.st.Jobs[skey(app.URN, externalJobPostingID)]
	if j == nil {
		return "", 0, false
	}
	if d := j.Status.LinkedInApplyStatusDetail; d != nil && d.ErrorCode != nil {
		errorCode = *d.ErrorCode
	}
	return j.Status.LinkedInApplyStatus, errorCode, true
}
