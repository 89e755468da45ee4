package emulator

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// This file is the sync audit: every rule of Recruiter System Connect a partner broke, by category, rule and
// field, with a count and the first request that broke it. LinkedIn "strictly audits partner behavior"
// (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/required-fields) but tells a
// partner only through its business development team; the audit shows a partner in its own CI what LinkedIn
// rejects and what it accepts but holds against the partner. GET /emulator/audit serves it, and the binary
// logs a summary line on shutdown.

// The audit's rules. The first four are LinkedIn's refusals; the others are accepted and audited.
const (
	ruleRejected         = "rejected-record"             // per-key 422 (required field missing or malformed)
	ruleNotEnabled       = "rsc-not-enabled"             // per-key 403: no RSC integration for the organization
	ruleBatchOver100     = "batch-over-100"              // whole call 400
	ruleRecordsPerMinute = "records-per-minute-exceeded" // whole call 429
	ruleDailyQuota       = "daily-quota-exceeded"        // whole call 429
	rulePlaceholder      = "placeholder-value"
	ruleSeconds          = "timestamp-in-seconds"
	ruleBackwards        = "last-modified-backwards"
	ruleStageWithoutApp  = "stage-for-unsynced-application"
	ruleOmittedField     = "omitted-field-nulled"
	ruleParallel         = "parallel-calls"
)

// auditRules describe each rule for the report.
var auditRules = map[string]struct {
	rejected    bool
	description string
}{
	ruleRejected:         {true, "LinkedIn refused the record (per-key 422): a required field is missing or malformed"},
	ruleNotEnabled:       {true, "LinkedIn refused the record (per-key 403): the customer has not enabled Recruiter System Connect for the organization"},
	ruleBatchOver100:     {true, "LinkedIn refused the call (400): at most 100 records a call"},
	ruleRecordsPerMinute: {true, "LinkedIn throttled the call (429): more than 10,000 records a minute"},
	ruleDailyQuota:       {true, "LinkedIn throttled the call (429): the day's quota of calls is spent"},
	rulePlaceholder:      {false, "a placeholder was sent instead of real data; leave an optional field out, and tell LinkedIn when a required one is not available"},
	ruleSeconds:          {false, "a timestamp looks like epoch seconds; LinkedIn wants epoch milliseconds"},
	ruleBackwards:        {false, "atsLastModifiedAt went backwards for the same record: an older version overwrote a newer one"},
	ruleStageWithoutApp:  {false, "a stage was sent for an application never synced"},
	ruleOmittedField:     {false, "an update omitted a field the record had; LinkedIn sets it to null (an update sends every field)"},
	ruleParallel:         {false, "calls were sent in parallel; LinkedIn asks for batch calls one after another"},
}

// placeholders are values that stand for missing data (compared trimmed, case-insensitively).
var placeholders = []string{"not available", "n/a", "unknown", "-", "test@test.com"}

// secondsBelow: an epoch-milliseconds timestamp below it is before March 1973, while an epoch-seconds one
// stays below it until the year 5138, so a smaller positive value was almost certainly sent in seconds.
const secondsBelow = 100_000_000_000

// maxExampleBody bounds the request body kept as a finding's example.
const maxExampleBody = 2000

// AuditFinding is one broken rule of one category and field, how often it was broken and the first
// request that broke it.
type AuditFinding struct {
	Category    string       `json:"category"`
	Rule        string       `json:"rule"`
	Field       string       `json:"field,omitempty"`
	Rejected    bool         `json:"rejected"` // LinkedIn refuses it (rather than accepting and auditing it)
	Description string       `json:"description"`
	Count       int          `json:"count"`
	Example     AuditExample `json:"example"`
}

// AuditExample is the first request that broke a rule.
type AuditExample struct {
	Method string    `json:"method"`
	URL    string    `json:"url"`
	Key    string    `json:"key,omitempty"`
	Detail string    `json:"detail,omitempty"`
	Body   string    `json:"body,omitempty"`
	At     time.Time `json:"at"`
}

// AuditReport is the whole audit: findings sorted by category, rule and field.
type AuditReport struct {
	Findings []AuditFinding `json:"findings"`
	// Total is the number of times any rule was broken.
	Total int `json:"total"`
}

// auditHit is one broken rule in one request.
type auditHit struct{ category, rule, field, key, detail string }

// auditLocked counts a hit, keeping the request as the example of a finding seen for the first time.
func (e *Emulator) auditLocked(c *call, h auditHit) {
	e.auditChanges++
	k := skey(h.category, h.rule, h.field)
	if f := e.st.Audit[k]; f != nil {
		f.Count++
		return
	}
	body := string(c.body)
	if len(body) > maxExampleBody {
		body = body[:maxExampleBody] + "…"
	}
	e.st.Audit[k] = &AuditFinding{Category: h.category, Rule: h.rule, Field: h.field, Rejected: auditRules[h.rule].rejected,
		Description: auditRules[h.rule].description, Count: 1,
		Example: AuditExample{Method: c.method, URL: c.r.URL.RequestURI(), Key: h.key, Detail: h.detail, Body: body, At: e.now().UTC()}}
}

// auditRejection counts each line of a 422 under its top-level field.
func (r syncResource) auditRejection(c *call, key, message string) {
	for _, line := range strings.Split(strings.TrimSpace(message), "\n") {
		field := ""
		if _, rest, ok := strings.Cut(line, " :: /"); ok {
			field, _, _ = strings.Cut(rest, " :: ")
			field, _, _ = strings.Cut(field, "/")
		}
		c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleRejected, field: field, key: key, detail: line})
	}
}

// auditValues finds what LinkedIn accepts but audits in one record as sent: placeholders anywhere in it and
// timestamps in seconds.
func (r syncResource) auditValues(c *call, key string, fields map[string]any) {
	for _, n := range slices.Sorted(maps.Keys(fields)) {
		walkStrings(n, fields[n], func(path, s string) {
			if slices.Contains(placeholders, strings.ToLower(strings.TrimSpace(s))) {
				c.e.auditLocked(c, auditHit{category: r.category(), rule: rulePlaceholder, field: n, key: key,
					detail: fmt.Sprintf("/%s = %q", path, s)})
			}
		})
	}
	for _, v2 := range []string{"atsCreatedAt", "atsLastModifiedAt"} {
		n := r.name(v2)
		if ms, ok := millis(fields[n]); ok && ms > 0 && ms < secondsBelow {
			c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleSeconds, field: n, key: key,
				detail: fmt.Sprintf("%s = %d is %s in milliseconds", n, ms, time.UnixMilli(ms).UTC().Format(time.RFC3339))})
		}
	}
}

// auditChange compares an accepted update with the record it replaces (both in /v2 names).
func (r syncResource) auditChange(c *call, key string, old, updated map[string]any) {
	if was, ok := millis(old["atsLastModifiedAt"]); ok {
		if now, ok := millis(updated["atsLastModifiedAt"]); ok && now < was {
			n := r.name("atsLastModifiedAt")
			c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleBackwards, field: n, key: key,
				detail: fmt.Sprintf("%s went from %d to %d", n, was, now)})
		}
	}
	for _, n := range slices.Sorted(maps.Keys(old)) {
		if _, kept := updated[n]; !kept && old[n] != nil {
			c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleOmittedField, field: r.name(n), key: key,
				detail: r.name(n) + " was set and is now null"})
		}
	}
}

// walkStrings calls fn for every string in v, with its JSON path.
func walkStrings(path string, v any, fn func(path, s string)) {
	switch t := v.(type) {
	case string:
		fn(path, t)
	case []any:
		for i, el := range t {
			walkStrings(fmt.Sprintf("%s/%d", path, i), el, fn)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(t)) {
			walkStrings(path+"/"+k, t[k], fn)
		}
	}
}

// millis reads an integer timestamp as sent (json.Number) or reloaded from the state file (float64).
func millis(v any) (int64, bool) {
	r := &record{fields: map[string]any{"v": v}}
	n, ok := r.long("v", false)
	return n, ok && r.ok()
}

// checkSequentialLocked audits a call that reached the emulator before the previous call of the same
// application on the same resource was answered: the partner sent them in parallel.
func (e *Emulator) checkSequentialLocked(c *call) {
	k := skey(c.app.URN, c.route.coll.quota)
	if done, ok := e.syncDone[k]; ok && c.arrived.Before(done) {
		e.auditLocked(c, auditHit{category: c.route.coll.category, rule: ruleParallel,
			detail: "this call was sent before the previous call on the resource was answered"})
	}
}

// noteSyncDoneLocked records when a sync call was answered, for checkSequentialLocked.
func (e *Emulator) noteSyncDoneLocked(c *call) {
	e.syncDone[skey(c.app.URN, c.route.coll.quota)] = time.Now()
}

// Audit returns the sync audit: every rule broken since the start (or the last reset), sorted.
func (e *Emulator) Audit() AuditReport {
	e.mu.Lock()
	defer e.mu.Unlock()
	rep := AuditReport{Findings: []AuditFinding{}}
	for _, k := range slices.Sorted(maps.Keys(e.st.Audit)) {
		f := *e.st.Audit[k]
		rep.Findings = append(rep.Findings, f)
		rep.Total += f.Count
	}
	return rep
}

// ClearAudit forgets the audit (and nothing else), so that a test suite can audit one sync at a time.
func (e *Emulator) ClearAudit() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.st.Audit = map[string]*AuditFinding{}
	e.auditChanges++
	_ = e.persistLocked()
}

// AuditSummary is the audit in one line, for the log.
func (e *Emulator) AuditSummary() string {
	rep := e.Audit()
	if len(rep.Findings) == 0 {
		return "sync audit: no findings"
	}
	parts := make([]string, len(rep.Findings))
	for i, f := range rep.Findings {
		what := f.Rule
		if f.Field != "" {
			what += " " + f.Field
		}
		parts[i] = fmt.Sprintf("%s: %s ×%d", f.Category, what, f.Count)
	}
	return fmt.Sprintf("sync audit: %d findings, %d occurrences (GET /emulator/audit for examples): %s",
		len(rep.Findings), rep.Total, strings.Join(parts, "; "))
}
