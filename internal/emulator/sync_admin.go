package emulator

import (
	"fmt"
	"maps"
	"net/http"
	"strings"
)

// This file is the admin and Go API of Recruiter System Connect's data sync: the audit, LinkedIn's members
// (for candidate matching) and the limits (to reach a quota in a test without sending 100,000 calls).

// SyncLimits are the limits of one Recruiter System Connect resource (a quota group: syncCandidates,
// syncApplications or syncApplicationStages): calls a day and records a minute per application.
type SyncLimits struct {
	Group            string `json:"group"`
	CallsPerDay      int    `json:"callsPerDay"`
	RecordsPerMinute int    `json:"recordsPerMinute"`
}

// SetSyncLimits changes the limits of a group for this emulator; a zero value keeps the current one.
func (e *Emulator) SetSyncLimits(l SyncLimits) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.recordLimits[l.Group]; !ok {
		return fmt.Errorf("unknown group %q: one of %s, %s, %s", l.Group, quotaCandidates, quotaApplications, quotaStages)
	}
	if l.CallsPerDay < 0 || l.RecordsPerMinute < 0 {
		return errString("limits must not be negative")
	}
	if l.CallsPerDay > 0 {
		e.quotas[l.Group] = l.CallsPerDay
	}
	if l.RecordsPerMinute > 0 {
		e.recordLimits[l.Group] = l.RecordsPerMinute
	}
	return nil
}

// SyncLimitsNow returns the limits of every Recruiter System Connect group.
func (e *Emulator) SyncLimitsNow() []SyncLimits {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []SyncLimits
	for _, g := range []string{quotaCandidates, quotaApplications, quotaStages} {
		out = append(out, SyncLimits{Group: g, CallsPerDay: e.quotas[g], RecordsPerMinute: e.recordLimits[g]})
	}
	return out
}

// AddMember makes email belong to a LinkedIn member, so that a candidate synced with that email is matched
// to person (a urn:li:person:… URN).
func (e *Emulator) AddMember(email, person string) error {
	if !emailAddress.MatchString(email) || !personURN.MatchString(person) {
		return errString("email must be an email address and person a urn:li:person:… URN")
	}
	return e.mutate(func() error {
		e.st.Members[strings.ToLower(email)] = person
		return nil
	})
}

// Members returns LinkedIn's members by email.
func (e *Emulator) Members() map[string]string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return maps.Clone(e.st.Members)
}

// adminAudit is GET /emulator/audit.
func (e *Emulator) adminAudit(a adminExchange) { a.ok(e.Audit()) }

// adminClearAudit is DELETE /emulator/audit.
func (e *Emulator) adminClearAudit(a adminExchange) {
	e.ClearAudit()
	a.ok(e.Audit())
}

// adminAddMember is POST /emulator/members {"email":…,"person":…}, answering all members.
func (e *Emulator) adminAddMember(a adminExchange) {
	var b struct {
		Email  string `json:"email"`
		Person string `json:"person"`
	}
	if !a.decode(&b) {
		return
	}
	if err := e.AddMember(b.Email, b.Person); err != nil {
		a.fail(http.StatusBadRequest, err)
		return
	}
	a.ok(e.Members())
}

// adminSetSyncLimits is POST /emulator/quotas, answering the limits of every group.
func (e *Emulator) adminSetSyncLimits(a adminExchange) {
	var l SyncLimits
	if !a.decode(&l) {
		return
	}
	if err := e.SetSyncLimits(l); err != nil {
		a.fail(http.StatusBadRequest, err)
		return
	}
	a.ok(e.SyncLimitsNow())
}

// adminSyncLimits is GET /emulator/quotas.
func (e *Emulator) adminSyncLimits(a adminExchange) { a.ok(e.SyncLimitsNow()) }
