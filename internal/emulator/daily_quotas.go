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
	// Recruiter System Connect: each sync page states its own limits
	// (https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates and the
	// applications and application stages pages), so each resource has its own group.
	quotaCandidates:   100000,
	quotaApplications: 100000,
	quotaStages:       100000,
}

// Quota groups of Recruiter System Connect's resources.
const (
	quotaCandidates   = "syncCandidates"
	quotaApplications = "syncApplications"
	quotaStages       = "syncApplicationStages"
)

// recordsPerMinute are the per-minute limits counted in records (keys of a call) rather than calls: 10,000
// records a minute per application on each Recruiter System Connect resource.
var recordsPerMinute = map[string]int{
	quotaCandidates:   10000,
	quotaApplications: 10000,
	quotaStages:       10000,
}

// errThrottled is LinkedIn's 429 for a spent quota, daily or per minute.
func errThrottled() *apiError {
	return errf(http.StatusTooManyRequests, "", "Resource level throttle limit for calls to this resource is reached.").withService(101)
}

// chargeRecordsLocked counts n records of app against the per-minute limit of group, or answers 429 when
// they do not fit in the current minute (a calendar minute, UTC). A refused call counts nothing.
func (e *Emulator) chargeRecordsLocked(app *application, group string, n int) *apiError {
	limit, ok := e.recordLimits[group]
	if !ok || e.opts.NoQuotas {
		return nil
	}
	now := e.now().UTC()
	minute := now.Format("2006-01-02T15:04")
	k := skey(minute, app.URN, "records", group)
	if e.st.Quotas[k]+n > limit {
		return errThrottled()
	}
	e.st.Quotas[k] += n
	// Earlier minutes are dropped so the state stays small.
	for q := range e.st.Quotas {
		if len(q) > 10 && q[10] == 'T' && q[:16] != minute {
			delete(e.st.Quotas, q)
		}
	}
	return nil
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
		return errThrottled()
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
