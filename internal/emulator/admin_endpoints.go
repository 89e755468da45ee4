package emulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// serveAdmin is the admin API under /emulator/, JSON in and out: what a customer or LinkedIn does outside
// the partner API (enable an integration, change a job's status, register a webhook), plus inspection and
// fault injection for tests. It is not counted in RequestCounts and never faulted.
func (e *Emulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	a := adminExchange{w: w, r: r}
	route := r.Method + " " + r.URL.Path
	endpoint := adminEndpoints[route]
	if endpoint == nil {
		a.fail(http.StatusNotFound, errString("no admin endpoint "+route))
		return
	}
	endpoint(e, a)
}

// adminEndpoints are the admin API's endpoints by "METHOD path". README's "Admin API" shows each with curl.
var adminEndpoints = map[string]func(e *Emulator, a adminExchange){
	"POST /emulator/integrations": (*Emulator).adminSetIntegration,
	"POST /emulator/jobs/status":  (*Emulator).adminChangeJobStatus,
	"POST /emulator/webhooks":     (*Emulator).adminRegisterWebhook,
	"GET /emulator/requests":      (*Emulator).adminRequestCounts,
	"POST /emulator/reset":        (*Emulator).adminReset,
	"POST /emulator/faults":       (*Emulator).adminSetFaults,
	"GET /emulator/faults":        (*Emulator).adminFaults,
	"GET /emulator/audit":         (*Emulator).adminAudit,
	"DELETE /emulator/audit":      (*Emulator).adminClearAudit,
	"POST /emulator/members":      (*Emulator).adminAddMember,
	"POST /emulator/quotas":       (*Emulator).adminSetSyncLimits,
	"GET /emulator/quotas":        (*Emulator).adminSyncLimits,
	// Apply Connect (apply_admin.go).
	"POST /emulator/applications":             (*Emulator).adminSubmitApplication,
	"GET /emulator/applications":              (*Emulator).adminApplications,
	"GET /emulator/lifecycleActions":          (*Emulator).adminLifecycleActions,
	"POST /emulator/applyWebhooks/revalidate": (*Emulator).adminRevalidateApplyWebhooks,
}

// adminExchange is one admin request and its answer.
type adminExchange struct {
	w http.ResponseWriter
	r *http.Request
}

// fail answers an error as {"status":…,"message":…}.
func (a adminExchange) fail(status int, err error) {
	writeJSON(a.w, status, map[string]any{"status": status, "message": err.Error()})
}

// ok answers 200 with v.
func (a adminExchange) ok(v any) { writeJSON(a.w, http.StatusOK, v) }

// decode reads the JSON body into v, refusing unknown fields so that a typo is not silently ignored; on
// failure it has already answered 400.
func (a adminExchange) decode(v any) bool {
	d := json.NewDecoder(http.MaxBytesReader(a.w, a.r.Body, 1<<20))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		a.fail(http.StatusBadRequest, err)
		return false
	}
	return true
}

// adminSetIntegration is POST /emulator/integrations: SetIntegration, answering the integration as it is now.
func (e *Emulator) adminSetIntegration(a adminExchange) {
	var s IntegrationState
	if !a.decode(&s) {
		return
	}
	if err := e.SetIntegration(s); err != nil {
		a.fail(http.StatusBadRequest, err)
		return
	}
	got, _ := e.Integration(s.Application, s.IntegrationContext, s.IntegrationType, s.TenantType)
	a.ok(got)
}

// adminChangeJobStatus is POST /emulator/jobs/status: ChangeJobStatus, answering the job's listing status.
func (e *Emulator) adminChangeJobStatus(a adminExchange) {
	var c JobStatusChange
	if !a.decode(&c) {
		return
	}
	if err := e.ChangeJobStatus(c); err != nil {
		a.fail(http.StatusBadRequest, err)
		return
	}
	st, _ := e.JobListingStatus(c.Application, c.ExternalJobPostingID)
	a.ok(map[string]string{"listingStatus": st})
}

// adminRegisterWebhook is POST /emulator/webhooks: RegisterWebhook. A webhook that failed its validation is
// still registered, so the answer is 200 with the failure in "error".
func (e *Emulator) adminRegisterWebhook(a adminExchange) {
	var b struct {
		Application string `json:"application"`
		URL         string `json:"url"`
	}
	if !a.decode(&b) {
		return
	}
	err := e.RegisterWebhook(b.Application, b.URL)
	info, ok := e.webhookInfo(b.Application)
	if !ok {
		a.fail(http.StatusBadRequest, err)
		return
	}
	if err != nil {
		info["error"] = err.Error()
	}
	a.ok(info)
}

// adminRequestCounts is GET /emulator/requests.
func (e *Emulator) adminRequestCounts(a adminExchange) {
	a.ok(map[string]any{"total": e.TotalRequests(), "requests": e.RequestCounts()})
}

// adminReset is POST /emulator/reset.
func (e *Emulator) adminReset(a adminExchange) {
	e.Reset()
	a.ok(map[string]string{"status": "reset"})
}

// adminSetFaults is POST /emulator/faults: the latency may be nanoseconds or a duration string.
func (e *Emulator) adminSetFaults(a adminExchange) {
	var b struct {
		Faults
		Latency json.RawMessage `json:"latency"`
	}
	if !a.decode(&b) {
		return
	}
	f := b.Faults
	if len(b.Latency) > 0 {
		d, err := parseLatency(b.Latency)
		if err != nil {
			a.fail(http.StatusBadRequest, err)
			return
		}
		f.Latency = d
	}
	if f.ErrorRate < 0 || f.ErrorRate > 1 || f.DropRate < 0 || f.DropRate > 1 || f.Latency < 0 {
		a.fail(http.StatusBadRequest, errString("errorRate and dropRate must be in [0,1] and latency >= 0"))
		return
	}
	e.SetFaults(f)
	a.ok(f)
}

// adminFaults is GET /emulator/faults.
func (e *Emulator) adminFaults(a adminExchange) { a.ok(e.currentFaults()) }

// parseLatency reads a latency as nanoseconds (time.Duration's JSON) or as a Go duration string ("50ms").
func parseLatency(raw json.RawMessage) (time.Duration, error) {
	var n int64
	if err := json.Unmarshal(raw, &n); err == nil {
		return time.Duration(n), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, errString("latency must be nanoseconds or a duration string such as \"50ms\"")
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	return d, nil
}

type errString string

func (s errString) Error() string { return string(s) }
