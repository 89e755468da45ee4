package emulator

import (
	"net/http"
)

// Daily quotas per application and resource group, reset at midnight UTC, counted per call rather than per
// key (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits). The figures are
// the daily throttle limits of LinkedIn's integration and job posting pages; README's choices list them.
var dailyQuotas = map[string]int{
	"integrations":          5000,
	"configurations":        5000,
	"jobPostingStatus":      1000000,
	"simpleJobPostingTasks": 300000,
}

// chargeQuotaLocked counts one call of app against its daily quota for group, or answers 429 when the
// day's quota is spent. The counters live in the state so that a restart does not reset them.
func (e *Emulator) chargeQuotaLocked(app *application, group string) *apiError {
	limit, ok := e.quotas[group]
	if !ok || e.opts.NoQuotas {
		return nil
	}
	day := e.now().UTC().Format("2006-01-02")
	k := skey(day, app.URN, group)
	if e.st.Quotas[k] >= limit {
		return errf(http.StatusTooManyRequests, "", "Resource level throttle limit for calls to this resource is reached.").withService(101)
	}
	e.st.Quotas[k]++
	// Yesterday's counters are dropped so the state stays small.
	for q := range e.st.Quotas {
		if len(q) < 10 || q[:10] != day {
			delete(e.st.Quotas, q)
		}
	}
	return nil
}
