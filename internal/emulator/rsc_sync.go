package emulator

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file serves Recruiter System Connect's data sync: candidates, applications and application stages in
// the legacy /v2 and the versioned /rest families
// (https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates,
// https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-applications,
// https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-application-stages). All three
// are upserts keyed by the ATS's own ids, served by the collection engine as batch_update, batch_get and
// batch_delete. Field rules: rsc_validation.go; the audit of what a partner sent: sync_audit.go.

// The kinds of synced record.
const (
	syncCandidate   = "candidate"
	syncApplication = "application"
	syncStage       = "stage"
)

// The audit categories: the names of LinkedIn's required-fields page
// (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/required-fields).
const (
	categoryCandidates  = "Sync Candidates"
	categoryApplication = "Sync Applications"
	categoryStages      = "Sync Application Stages"
)

// syncRecord is one synced record as last accepted, field names of the /v2 family.
type syncRecord struct {
	Fields map[string]any `json:"fields"`
}

// syncRef names one record: its kind, integration context, the ATS's id and, for a stage, the stage's id
// (id is then the application's).
type syncRef struct{ kind, ctx, id, stage string }

func (r syncRef) storeKey(app string) string { return skey(r.kind, app, r.ctx, r.id, r.stage) }

// syncResource holds the per-key handlers of one resource in one family.
type syncResource struct {
	kind   string
	legacy bool
}

// legacyApplicationKey is the key of /v2/atsApplications, also the parent key in the path of its stages.
var legacyApplicationKey = keySpec{parts: []string{"atsJobApplicationId", "integrationContext"}, fixed: map[string]string{"dataProvider": "ATS"}}

// syncCollection defines candidates, applications or stages for one family.
func syncCollection(kind string, legacy bool) *collection {
	r := syncResource{kind: kind, legacy: legacy}
	co := &collection{
		methods: []string{"batch_get", "batch_update", "batch_delete"},
		get:     r.get,
		update:  r.update,
		remove:  r.remove,
	}
	switch kind {
	case syncCandidate:
		co.name, co.quota, co.category = "candidates", quotaCandidates, categoryCandidates
		co.key = keySpec{parts: []string{"externalCandidateId", "integrationContext"}}
		if legacy {
			co.name = "atsCandidates"
			co.key = keySpec{parts: []string{"atsCandidateId", "integrationContext"}, fixed: map[string]string{"dataProvider": "ATS"}}
		}
	case syncApplication:
		co.name, co.quota, co.category = "atsApplications", quotaApplications, categoryApplication
		co.key = keySpec{parts: []string{"atsJobApplicationId", "integrationContext"}}
		if legacy {
			co.key = legacyApplicationKey
		}
	case syncStage:
		co.name, co.quota, co.category = "applicationStage", quotaStages, categoryStages
		co.key = keySpec{parts: []string{"integrationContext", "jobApplicationId", "jobApplicationStageId"}}
		if legacy {
			// /v2/atsApplications/{application key}/stages?ids=S1&ids=S2: simple stage ids.
			co.name, co.key = "atsApplications", keySpec{}
		}
	}
	return co
}

// ref reads the record a key (and, for legacy stages, the path's application key) names.
func (r syncResource) ref(c *call, k restli.Key) syncRef {
	ctx := k.Part("integrationContext")
	switch {
	case r.kind == syncCandidate && r.legacy:
		return syncRef{kind: r.kind, ctx: ctx, id: k.Part("atsCandidateId")}
	case r.kind == syncCandidate:
		return syncRef{kind: r.kind, ctx: ctx, id: k.Part("externalCandidateId")}
	case r.kind == syncApplication:
		return syncRef{kind: r.kind, ctx: ctx, id: k.Part("atsJobApplicationId")}
	case r.legacy:
		p := c.parentKeyValue
		return syncRef{kind: r.kind, ctx: p.Part("integrationContext"), id: p.Part("atsJobApplicationId"), stage: k.Simple()}
	}
	return syncRef{kind: r.kind, ctx: ctx, id: k.Part("jobApplicationId"), stage: k.Part("jobApplicationStageId")}
}

// category is the resource's audit category.
func (r syncResource) category() string {
	switch r.kind {
	case syncCandidate:
		return categoryCandidates
	case syncApplication:
		return categoryApplication
	}
	return categoryStages
}

// rscIntegrationTypes are the integrations through which a customer turns Recruiter System Connect on
// (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect): one of them, not DISABLED,
// for the record's organization lets a partner sync its data (README, choices).
var rscIntegrationTypes = []string{"ONE_CLICK_EXPORT", "IN_ATS_INDICATOR", "PROFILE_PLUGIN"}

// precondition refuses a key whose organization has not enabled Recruiter System Connect: a per-key 422
// for a context that is not an organization URN, a per-key 403 when no RSC integration is enabled.
func (r syncResource) precondition(c *call, ref syncRef, key string) *apiError {
	if !orgURN.MatchString(ref.ctx) {
		err := errUnprocessable("ERROR :: /integrationContext :: %q is not an organization URN urn:li:organization:N", ref.ctx)
		c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleRejected, field: "integrationContext", key: key, detail: err.Message})
		return err
	}
	for _, typ := range rscIntegrationTypes {
		if in := c.e.st.Integrations[skey(c.app.URN, ref.ctx, typ, "RECRUITER")]; in != nil && in.Status != statusDisabled {
			return nil
		}
	}
	err := errf(http.StatusForbidden, "ACCESS_DENIED",
		"Recruiter System Connect is not enabled for %s: the customer has not enabled it for this application", ref.ctx).withService(100)
	c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleNotEnabled, field: "integrationContext", key: key, detail: err.Message})
	return err
}

// get answers a record in the family's field names; a candidate also carries LinkedIn's member match.
func (r syncResource) get(c *call, k restli.Key) (any, *apiError) {
	ref := r.ref(c, k)
	if err := r.precondition(c, ref, k.String()); err != nil {
		return nil, err
	}
	rec := c.e.st.SyncRecords[ref.storeKey(c.app.URN)]
	if rec == nil {
		return nil, errNotFound("no such " + r.kind + " has been synced")
	}
	out := r.toFamily(rec.Fields)
	if r.kind == syncCandidate {
		if m := c.e.memberMatchLocked(rec.Fields); m != "" {
			out["matchedMember"] = m
		}
	}
	return out, nil
}

// update replaces a record with the entity: an update sends every field, and a field it omits becomes null
// (the sync applications page's note), so nothing of the previous record is kept.
func (r syncResource) update(c *call, k restli.Key, entity json.RawMessage) *apiError {
	ref := r.ref(c, k)
	key := k.String()
	if err := r.precondition(c, ref, key); err != nil {
		return err
	}
	var fields map[string]any
	if err := decodeJSON(entity, &fields); err != nil || fields == nil {
		err := errUnprocessable("ERROR :: / :: the entity must be a record\n")
		c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleRejected, key: key, detail: err.Message})
		return err
	}
	rec := &record{fields: fields}
	r.validate(rec)
	r.auditValues(c, key, fields)
	if !rec.ok() {
		r.auditRejection(c, key, rec.message())
		return errUnprocessable("%s", rec.message())
	}
	canonical := r.fromFamily(fields)
	sk := ref.storeKey(c.app.URN)
	if old := c.e.st.SyncRecords[sk]; old != nil {
		r.auditChange(c, key, old.Fields, canonical)
	}
	if r.kind == syncStage {
		app := syncRef{kind: syncApplication, ctx: ref.ctx, id: ref.id}
		if c.e.st.SyncRecords[app.storeKey(c.app.URN)] == nil {
			c.e.auditLocked(c, auditHit{category: r.category(), rule: ruleStageWithoutApp, key: key,
				detail: "application " + ref.id + " of " + ref.ctx + " was never synced"})
		}
	}
	c.e.st.SyncRecords[sk] = &syncRecord{Fields: canonical}
	return nil
}

// remove deletes a record; a record never synced (or deleted already) is a per-key 404. Deleting an
// application leaves its stages (README, choices).
func (r syncResource) remove(c *call, k restli.Key) *apiError {
	ref := r.ref(c, k)
	if err := r.precondition(c, ref, k.String()); err != nil {
		return err
	}
	sk := ref.storeKey(c.app.URN)
	if c.e.st.SyncRecords[sk] == nil {
		return errNotFound("no such " + r.kind + " has been synced")
	}
	delete(c.e.st.SyncRecords, sk)
	return nil
}

// restCandidateNames are the versioned family's names of the candidate fields /v2 calls atsCreatedAt and
// atsLastModifiedAt; every other field has one name in both families.
var restCandidateNames = map[string]string{"atsCreatedAt": "externalCreatedAt", "atsLastModifiedAt": "externalLastModifiedAt"}

// renamed reports whether the family renames fields: only versioned candidates do.
func (r syncResource) renamed() bool { return r.kind == syncCandidate && !r.legacy }

// name is the family's name of a /v2 field name.
func (r syncResource) name(v2 string) string {
	if n, ok := restCandidateNames[v2]; ok && r.renamed() {
		return n
	}
	return v2
}

// toFamily copies stored fields into the family's names.
func (r syncResource) toFamily(fields map[string]any) map[string]any {
	out := make(map[string]any, len(fields)+1)
	for n, v := range fields {
		out[r.name(n)] = v
	}
	return out
}

// fromFamily copies fields sent in the family's names into the stored (/v2) names.
func (r syncResource) fromFamily(fields map[string]any) map[string]any {
	out := make(map[string]any, len(fields))
	for n, v := range fields {
		if r.renamed() {
			for v2, rest := range restCandidateNames {
				if n == rest {
					n = v2
				}
			}
		}
		out[n] = v
	}
	return out
}

// memberMatchLocked is the LinkedIn member a candidate matches: the member the partner named
// (manualMatchedMember, from One-Click Export), else the member whose email is one of the candidate's.
func (e *Emulator) memberMatchLocked(fields map[string]any) string {
	if m, ok := fields["manualMatchedMember"].(string); ok && m != "" {
		return m
	}
	emails, _ := fields["emailAddresses"].([]any)
	for _, v := range emails {
		if s, ok := v.(string); ok {
			if m := e.st.Members[strings.ToLower(strings.TrimSpace(s))]; m != "" {
				return m
			}
		}
	}
	return ""
}
