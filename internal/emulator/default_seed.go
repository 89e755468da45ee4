package emulator

import (
	"maps"
	"time"
)

// This file is the default seed: the applications and integrations every new or reset emulator holds.

// The credentials and organization of the default seed, for tests and demos.
const (
	ParentClientID     = "emulator-parent"
	ParentClientSecret = "emulator-parent-secret"
	ChildApplication   = "urn:li:developerApplication:1001"
	ChildClientID      = "emulator-child"
	ChildClientSecret  = "emulator-child-secret"
	SeedOrganization   = "urn:li:organization:1000"
)

// ParentApplication is the URN of the seeded parent (partner) application.
const ParentApplication = "urn:li:developerApplication:1000"

// ChildUniqueForeignID is the uniqueForeignId of the seeded child application.
const ChildUniqueForeignID = "emulator-customer"

// seedMembers are the LinkedIn members a synced candidate is matched to by email (README, choices): LinkedIn
// matches candidates to its members and answers the match on GET; the emulator knows only these (and those
// added through POST /emulator/members).
var seedMembers = map[string]string{
	"member.one@example.com": "urn:li:person:EmulatorMember1",
	"member.two@example.com": "urn:li:person:EmulatorMember2",
}

// seedState is the state of a new or reset emulator: a parent and a child application, and three
// integrations of the child (README, "The default seed").
func seedState(now time.Time) *state {
	st := &state{
		NextAppID:    2000,
		NextJobID:    1,
		Apps:         map[string]*application{},
		Tokens:       map[string]*token{},
		Integrations: map[string]*integration{},
		Configs:      map[string]*configuration{},
		Jobs:         map[string]*job{},
		Tasks:        map[string]*task{},
		Webhooks:     map[string]*webhookReg{},
		Quotas:       map[string]int{},
		SyncRecords:  map[string]*syncRecord{},
		Members:      maps.Clone(seedMembers),
		Audit:        map[string]*AuditFinding{},
		Applications: map[string]*jobApplication{},
	}
	st.Apps[ParentApplication] = &application{URN: ParentApplication, ClientID: ParentClientID,
		ClientSecret: ParentClientSecret, Name: "Emulator Partner", Description: "The partner's parent application",
		Domains: []string{}, Callbacks: []string{}}
	st.Apps[ChildApplication] = &application{URN: ChildApplication, ClientID: ChildClientID,
		ClientSecret: ChildClientSecret, Parent: ParentApplication, UniqueForeignID: ChildUniqueForeignID,
		Name: "Emulator Customer", Description: "The seeded customer's child application",
		Domains: []string{}, Callbacks: []string{}}
	ms := now.UnixMilli()
	for _, in := range []struct{ typ, tenant, status string }{
		{"ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION"},
		{"IN_ATS_INDICATOR", "RECRUITER", "ENABLED"},
		{"APPLY_CONNECT", "JOBS", "ENABLED"},
	} {
		st.Integrations[skey(ChildApplication, SeedOrganization, in.typ, in.tenant)] = &integration{
			App: ChildApplication, Context: SeedOrganization, Type: in.typ, Tenant: in.tenant,
			Status: in.status, CreatedAt: ms, LastModifiedAt: ms}
	}
	return st
}
