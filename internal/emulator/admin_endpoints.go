package emulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// serveAdmin is the admin API under /emulator/ (issue #3), JSON in and out. It is not counted in
// RequestCounts and never faulted.
func (e *Emulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, err error) {
		writeJSON(w, status, map[string]any{"status": status, "message": err.Error()})
	}
	decode := func(v any) bool {
		d := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
		d.DisallowUnknownFields()
		if err := d.Decode(v); err != nil {
			fail(http.StatusBadRequest, err)
			return false
		}
		return true
	}
	route := r.Method + " " + r.URL.Path
	switch route {
	case "POST /emulator/integrations":
		var s IntegrationState
		if !decode(&s) {
			return
		}
		if err := e.SetIntegration(s); err != nil {
			fail(http.StatusBadRequest, err)
			return
		}
		got, _ := e.Integration(s.Application, s.IntegrationContext, s.IntegrationType, s.TenantType)
		writeJSON(w, http.StatusOK, got)
	case "POST /emulator/jobs/status":
		var c JobStatusChange
		if !decode(&c) {
			return
		}
		if err := e.ChangeJobStatus(c); err != nil {
			fail(http.StatusBadRequest, err)
			return
		}
		st, _ := e.JobListingStatus(c.Application, c.ExternalJobPostingID)
		writeJSON(w, http.StatusOK, map[string]string{"listingStatus": st})
	case "POST /emulator/webhooks":
		var b struct {
			Application string `json:"application"`
			URL         string `json:"url"`
		}
		if !decode(&b) {
			return
		}
		err := e.RegisterWebhook(b.Application, b.URL)
		info, ok := e.webhookInfo(b.Application)
		if !ok {
			fail(http.StatusBadRequest, err)
			return
		}
		if err != nil {
			info["error"] = err.Error()
		}
		writeJSON(w, http.StatusOK, info)
	case "GET /emulator/requests":
		writeJSON(w, http.StatusOK, map[string]any{"total": e.TotalRequests(), "requests": e.RequestCounts()})
	case "POST /emulator/reset":
		e.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"status": "reset"})
	case "POST /emulator/faults":
		var b struct {
			Faults
			Latency json.RawMessage `json:"latency"`
		}
		if !decode(&b) {
			return
		}
		f := b.Faults
		if len(b.Latency) > 0 {
			d, err := parseLatency(b.Latency)
			if err != nil {
				fail(http.StatusBadRequest, err)
				return
			}
			f.Latency = d
		}
		if f.ErrorRate < 0 || f.ErrorRate > 1 || f.DropRate < 0 || f.DropRate > 1 || f.Latency < 0 {
			fail(http.StatusBadRequest, errString("errorRate and dropRate must be in [0,1] and latency >= 0"))
			return
		}
		e.SetFaults(f)
		writeJSON(w, http.StatusOK, f)
	case "GET /emulator/faults":
		writeJSON(w, http.StatusOK, e.currentFaults())
	default:
		fail(http.StatusNotFound, errString("no admin endpoint "+route))
	}
}

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
