package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const (
	org1000Esc = "urn%3Ali%3Aorganization%3A1000"
	created    = 1735689600000 // 2025-01-01 in ms
	modified   = 1735776000000
)

// candidateV2 is a valid legacy candidate; change returns a copy with fields replaced (nil deletes).
func candidateV2() map[string]any {
	return map[string]any{"atsCreatedAt": created, "atsLastModifiedAt": modified, "firstName": "Ada", "lastName": "Lovelace",
		"externalProfileUrl": "https://ats.example.com/c/1", "emailAddresses": []string{"ada@example.org"}}
}

func applicationBody() map[string]any {
	return map[string]any{"atsCreatedAt": created, "atsLastModifiedAt": modified, "atsJobPostingId": "job-1",
		"atsJobPostingName": "Engineer", "candidateEmail": "ada@example.org", "firstName": "Ada", "lastName": "Lovelace",
		"source": "Referral", "atsCandidateId": "c1"}
}

func stageBody() map[string]any {
	return map[string]any{"atsCreatedAt": created, "stage": "Phone Screen"}
}

func change(m map[string]any, kv ...any) map[string]any {
	out := maps.Clone(m)
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// candKey2 is a legacy candidate key in protocol 2.0 form, as it appears in ids and entities.
func candKey2(id string) string {
	return "(atsCandidateId:" + id + ",dataProvider:ATS,integrationContext:" + org1000Esc + ")"
}

// putV2Candidates batch_updates legacy candidates in protocol 2.0 and returns the answer.
func (v *testEnv) putV2Candidates(tok string, bodies map[string]any) result {
	v.t.Helper()
	var ids []string
	entities := map[string]any{}
	for id, b := range bodies {
		ids = append(ids, candKey2(id))
		entities[candKey2(id)] = b
	}
	return v.do("PUT", "/v2/atsCandidates?ids=List("+strings.Join(ids, ",")+")", tok,
		jsonOf(map[string]any{"entities": entities}), "X-RestLi-Method: batch_update")
}

// TestSyncRequiredFields checks every required-field rule of the three categories: each broken record is a
// per-key 422 naming the field, and the rest of the batch is applied.
func TestSyncRequiredFields(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	cases := []struct {
		name string
		kind string
		body map[string]any
		want string
	}{
		{"candidate firstName", syncCandidate, change(candidateV2(), "firstName", nil), "ERROR :: /firstName :: " + msgRequired},
		{"candidate lastName", syncCandidate, change(candidateV2(), "lastName", nil), "ERROR :: /lastName :: " + msgRequired},
		{"candidate blank lastName", syncCandidate, change(candidateV2(), "lastName", " "), "ERROR :: /lastName :: must be at least one character"},
		{"candidate atsCreatedAt", syncCandidate, change(candidateV2(), "atsCreatedAt", nil), "ERROR :: /atsCreatedAt :: " + msgRequired},
		{"candidate atsCreatedAt 0", syncCandidate, change(candidateV2(), "atsCreatedAt", 0), "ERROR :: /atsCreatedAt :: 0 must be greater than 0"},
		{"candidate atsLastModifiedAt", syncCandidate, change(candidateV2(), "atsLastModifiedAt", nil), "ERROR :: /atsLastModifiedAt :: " + msgRequired},
		{"candidate modified before created", syncCandidate, change(candidateV2(), "atsLastModifiedAt", created-1), "ERROR :: /atsLastModifiedAt :: 1735689599999 is before atsCreatedAt 1735689600000"},
		{"candidate externalProfileUrl", syncCandidate, change(candidateV2(), "externalProfileUrl", nil), "ERROR :: /externalProfileUrl :: " + msgRequired},
		{"candidate no email and no member", syncCandidate, change(candidateV2(), "emailAddresses", nil), "ERROR :: /emailAddresses :: " + msgRequired},
		{"candidate empty emails", syncCandidate, change(candidateV2(), "emailAddresses", []string{}), "ERROR :: /emailAddresses :: at least one email address"},
		{"candidate bad email", syncCandidate, change(candidateV2(), "emailAddresses", []string{"ada"}), `ERROR :: /emailAddresses/0 :: "ada" is not an email address`},
		{"candidate bad member", syncCandidate, change(candidateV2(), "manualMatchedMember", "urn:li:member:1"), "ERROR :: /manualMatchedMember ::"},
		{"candidate unknown field", syncCandidate, change(candidateV2(), "middleName", "B"), "ERROR :: /middleName :: unrecognized field"},
		{"candidate phone without number", syncCandidate, change(candidateV2(), "phoneNumbers", []any{map[string]any{"extension": "1"}}), "ERROR :: /phoneNumbers/0/number :: " + msgRequired},
		{"application atsCreatedAt", syncApplication, change(applicationBody(), "atsCreatedAt", nil), "ERROR :: /atsCreatedAt :: " + msgRequired},
		{"application atsLastModifiedAt", syncApplication, change(applicationBody(), "atsLastModifiedAt", nil), "ERROR :: /atsLastModifiedAt :: " + msgRequired},
		{"application modified before created", syncApplication, change(applicationBody(), "atsLastModifiedAt", 5), "ERROR :: /atsLastModifiedAt :: 5 is before atsCreatedAt"},
		{"application atsJobPostingId", syncApplication, change(applicationBody(), "atsJobPostingId", ""), "ERROR :: /atsJobPostingId :: must be at least one character"},
		{"application atsJobPostingName", syncApplication, change(applicationBody(), "atsJobPostingName", nil), "ERROR :: /atsJobPostingName :: " + msgRequired},
		{"application candidateEmail", syncApplication, change(applicationBody(), "candidateEmail", nil), "ERROR :: /candidateEmail :: " + msgRequired},
		{"application bad candidateEmail", syncApplication, change(applicationBody(), "candidateEmail", "a@b"), `ERROR :: /candidateEmail :: "a@b" is not an email address`},
		{"application firstName", syncApplication, change(applicationBody(), "firstName", nil), "ERROR :: /firstName :: " + msgRequired},
		{"application lastName", syncApplication, change(applicationBody(), "lastName", nil), "ERROR :: /lastName :: " + msgRequired},
		{"application source", syncApplication, change(applicationBody(), "source", nil), "ERROR :: /source :: " + msgRequired},
		{"application media", syncApplication, change(applicationBody(), "media", "resume.pdf"), "ERROR :: /media ::"},
		{"stage atsCreatedAt", syncStage, change(stageBody(), "atsCreatedAt", nil), "ERROR :: /atsCreatedAt :: " + msgRequired},
		{"stage stage", syncStage, change(stageBody(), "stage", nil), "ERROR :: /stage :: " + msgRequired},
		{"stage empty", syncStage, change(stageBody(), "stage", ""), "ERROR :: /stage :: must be at least one character"},
		{"stage Not Available", syncStage, change(stageBody(), "stage", "Not Available"), `ERROR :: /stage :: "Not Available" is not a stage`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			good := map[string]any{syncCandidate: candidateV2(), syncApplication: applicationBody(), syncStage: stageBody()}[tc.kind]
			r := v.putRecords(tok, tc.kind, map[string]any{"bad": tc.body, "good": good})
			bad, ok := r.errorsByID["bad"]
			if r.status != 200 || !ok || num(bad["status"]) != 422 || !strings.Contains(fmt.Sprint(bad["message"]), tc.want) {
				t.Fatalf("want a per-key 422 with %q; got %d %s", tc.want, r.status, r.raw)
			}
			if num(r.resultsByID["good"]["status"]) != 204 {
				t.Fatalf("the valid record of the batch was not applied: %s", r.raw)
			}
		})
	}
}

// syncResult is a batch answer with its results and errors keyed by the record's own id.
type syncResult struct {
	result
	resultsByID, errorsByID map[string]map[string]any
}

// putRecords batch_updates records of one kind in the legacy family, in protocol 1.0 spelling for
// applications (ids[0].x=…) and 2.0 for candidates; stages go to application a1.
func (v *testEnv) putRecords(tok, kind string, bodies map[string]any) syncResult {
	v.t.Helper()
	var r result
	switch kind {
	case syncCandidate:
		r = v.putV2Candidates(tok, bodies)
	case syncApplication:
		var q []string
		entities := map[string]any{}
		i := 0
		for id, b := range bodies {
			q = append(q, fmt.Sprintf("ids[%d].atsJobApplicationId=%s&ids[%d].dataProvider=ATS&ids[%d].integrationContext=%s", i, id, i, i, org1000Esc))
			entities["atsJobApplicationId="+id+"&dataProvider=ATS&integrationContext="+org1000Esc] = b
			i++
		}
		r = v.do("PUT", "/v2/atsApplications?"+strings.Join(q, "&"), tok, jsonOf(map[string]any{"entities": entities}), "X-RestLi-Method: batch_update")
	default:
		var q []string
		for id := range bodies {
			q = append(q, "ids="+id)
		}
		r = v.do("PUT", "/v2/atsApplications/atsJobApplicationId=a1&dataProvider=ATS&integrationContext=urn:li:organization:1000/stages?"+strings.Join(q, "&"),
			tok, jsonOf(map[string]any{"entities": bodies}), "X-RestLi-Method: batch_update")
	}
	return byID(r)
}

// byID re-keys a batch answer's results and errors by the ATS id in the key.
func byID(r result) syncResult {
	out := syncResult{result: r, resultsByID: map[string]map[string]any{}, errorsByID: map[string]map[string]any{}}
	for _, part := range []struct {
		name string
		into map[string]map[string]any
	}{{"results", out.resultsByID}, {"errors", out.errorsByID}} {
		mm, _ := r.body[part.name].(map[string]any)
		for k, val := range mm {
			part.into[idOfKey(k)], _ = val.(map[string]any)
		}
	}
	return out
}

// idOfKey is the ATS id in any spelling of a sync key.
func idOfKey(k string) string {
	for _, part := range []string{"atsCandidateId", "externalCandidateId", "atsJobApplicationId", "jobApplicationStageId"} {
		for _, sep := range []string{":", "="} {
			if _, rest, ok := strings.Cut(k, part+sep); ok {
				id, _, _ := strings.Cut(rest, ",")
				id, _, _ = strings.Cut(id, "&")
				return strings.TrimSuffix(id, ")")
			}
		}
	}
	return k
}

// TestSyncKeySpellingsAndFamilies writes and reads each resource in both families and every key spelling.
func TestSyncKeySpellingsAndFamilies(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	// Legacy candidates, protocol 2.0; read back with protocol 1.0 ids[0].x.
	if r := byID(v.putV2Candidates(tok, map[string]any{"c1": candidateV2()})); num(r.resultsByID["c1"]["status"]) != 204 {
		t.Fatalf("v2 candidates 2.0: %s", r.raw)
	}
	r := byID(v.do("GET", "/v2/atsCandidates?ids[0].atsCandidateId=c1&ids[0].dataProvider=ATS&ids[0].integrationContext=urn:li:organization:1000", tok, ""))
	if r.resultsByID["c1"]["firstName"] != "Ada" {
		t.Fatalf("v2 candidates 1.0 get: %s", r.raw)
	}
	// The versioned family reads the same record, with its own key and timestamp names.
	rk := "(externalCandidateId:c1,integrationContext:" + org1000Esc + ")"
	r = byID(v.do("GET", "/rest/candidates?ids=List("+rk+")", tok, "", v2026))
	got := r.resultsByID["c1"]
	if got["externalCreatedAt"] == nil || got["atsCreatedAt"] != nil {
		t.Fatalf("rest candidates get: %s", r.raw)
	}
	restBody := change(candidateV2(), "atsCreatedAt", nil, "atsLastModifiedAt", nil, "externalCreatedAt", created, "externalLastModifiedAt", modified)
	r = byID(v.do("PUT", "/rest/candidates?ids=List("+rk+")", tok, jsonOf(map[string]any{"entities": map[string]any{rk: restBody}}), v2026, "X-RestLi-Method: batch_update"))
	if num(r.resultsByID["c1"]["status"]) != 204 {
		t.Fatalf("rest candidates put: %s", r.raw)
	}
	// /v2 field names on /rest are unknown fields there.
	r = byID(v.do("PUT", "/rest/candidates?ids=List("+rk+")", tok, jsonOf(map[string]any{"entities": map[string]any{rk: candidateV2()}}), v2026, "X-RestLi-Method: batch_update"))
	if !strings.Contains(fmt.Sprint(r.errorsByID["c1"]["message"]), "ERROR :: /externalCreatedAt :: "+msgRequired) {
		t.Fatalf("rest candidates with v2 names: %s", r.raw)
	}

	// Applications: v2 in 1.0 (putRecords), /rest in 2.0.
	if r := v.putRecords(tok, syncApplication, map[string]any{"a1": applicationBody()}); num(r.resultsByID["a1"]["status"]) != 204 {
		t.Fatalf("v2 applications 1.0: %s", r.raw)
	}
	ak := "(atsJobApplicationId:a1,integrationContext:" + org1000Esc + ")"
	r = byID(v.do("GET", "/rest/atsApplications?ids=List("+ak+")", tok, "", v2026))
	if r.resultsByID["a1"]["source"] != "Referral" {
		t.Fatalf("rest applications get: %s", r.raw)
	}

	// Stages: v2 path with the application key (colons plain, then escaped), /rest applicationStage.
	if r := v.putRecords(tok, syncStage, map[string]any{"s1": stageBody(), "s2": change(stageBody(), "stage", "Hired")}); len(r.resultsByID) != 2 {
		t.Fatalf("v2 stages: %s", r.raw)
	}
	r2 := v.do("GET", "/v2/atsApplications/atsJobApplicationId=a1&dataProvider=ATS&integrationContext="+org1000Esc+"/stages?ids=s1&ids=s2", tok, "")
	if m(r2.body, "results", "s2", "stage") != "Hired" {
		t.Fatalf("v2 stages get (escaped parent key): %s", r2.raw)
	}
	sk := "(integrationContext:" + org1000Esc + ",jobApplicationId:a1,jobApplicationStageId:s1)"
	r = byID(v.do("GET", "/rest/applicationStage?ids=List("+sk+")", tok, "", v2026))
	if r.resultsByID["s1"]["stage"] != "Phone Screen" {
		t.Fatalf("rest stage get: %s", r.raw)
	}
	r = byID(v.do("DELETE", "/rest/applicationStage?ids=List("+sk+")", tok, "", v2026))
	if num(r.resultsByID["s1"]["status"]) != 204 {
		t.Fatalf("rest stage delete: %s", r.raw)
	}
	r = byID(v.do("DELETE", "/rest/applicationStage?ids=List("+sk+")", tok, "", v2026))
	if num(r.errorsByID["s1"]["status"]) != 404 {
		t.Fatalf("second delete: %s", r.raw)
	}
	// Protocol 2.0 syntax without the 2.0 header is a 400 naming it, as for every resource.
	if r := v.do("GET", "/v2/atsCandidates?ids=List("+candKey2("c1")+")", tok, "", "X-Restli-Protocol-Version: 1.0.0"); r.status != 400 {
		t.Fatalf("2.0 ids in a 1.0 request: %d %s", r.status, r.raw)
	}
}

// TestSyncUpdateReplacesTheRecord: an update sends every field; an omitted one becomes null.
func TestSyncUpdateReplacesTheRecord(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "currentJobTitle", "Analyst")})
	v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "atsLastModifiedAt", modified+1)})
	r := byID(v.do("GET", "/v2/atsCandidates?ids=List("+candKey2("c1")+")", tok, ""))
	if _, kept := r.resultsByID["c1"]["currentJobTitle"]; kept || r.resultsByID["c1"]["firstName"] != "Ada" {
		t.Fatalf("the omitted field survived the update: %s", r.raw)
	}
}

// TestSyncPrecondition: a record of an organization without an enabled RSC integration is a per-key 403.
func TestSyncPrecondition(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	other := "(atsCandidateId:c9,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A2000)"
	r := v.do("PUT", "/v2/atsCandidates?ids=List("+other+","+candKey2("c1")+")", tok,
		jsonOf(map[string]any{"entities": map[string]any{other: candidateV2(), candKey2("c1"): candidateV2()}}), "X-RestLi-Method: batch_update")
	res := byID(r)
	if num(res.errorsByID["c9"]["status"]) != 403 || num(res.resultsByID["c1"]["status"]) != 204 {
		t.Fatalf("precondition: %s", r.raw)
	}
	for _, typ := range []string{"ONE_CLICK_EXPORT", "IN_ATS_INDICATOR"} {
		if err := v.emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: SeedOrganization,
			IntegrationType: typ, TenantType: "RECRUITER", Status: "DISABLED"}); err != nil {
			t.Fatal(err)
		}
	}
	if r := byID(v.putV2Candidates(tok, map[string]any{"c1": candidateV2()})); num(r.errorsByID["c1"]["status"]) != 403 {
		t.Fatalf("disabled integrations: %s", r.raw)
	}
}

// TestSyncLimits: more than 100 records is a 400; the per-minute record limit and the daily quota are 429s
// with LinkedIn's body.
func TestSyncLimits(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	many := map[string]any{}
	for i := range 101 {
		many[fmt.Sprintf("s%d", i)] = stageBody()
	}
	if r := v.putRecords(tok, syncStage, many); r.status != 400 || !strings.Contains(r.raw, "too many ids") {
		t.Fatalf("101 records: %d %s", r.status, r.raw)
	}
	if err := v.emu.SetSyncLimits(SyncLimits{Group: quotaCandidates, RecordsPerMinute: 3}); err != nil {
		t.Fatal(err)
	}
	if r := v.putV2Candidates(tok, map[string]any{"c1": candidateV2(), "c2": candidateV2()}); r.status != 200 {
		t.Fatalf("2 of 3 records: %d %s", r.status, r.raw)
	}
	r := v.putV2Candidates(tok, map[string]any{"c3": candidateV2(), "c4": candidateV2()})
	if r.status != 429 || num(r.body["serviceErrorCode"]) != 101 || r.body["message"] != "Resource level throttle limit for calls to this resource is reached." {
		t.Fatalf("over the per-minute limit: %d %s", r.status, r.raw)
	}
	// Other resources have their own limits.
	if r := v.putRecords(tok, syncApplication, map[string]any{"a1": applicationBody(), "a2": applicationBody()}); r.status != 200 {
		t.Fatalf("applications: %d %s", r.status, r.raw)
	}
	if err := v.emu.SetSyncLimits(SyncLimits{Group: quotaApplications, CallsPerDay: 1}); err != nil {
		t.Fatal(err)
	}
	if r := v.putRecords(tok, syncApplication, map[string]any{"a1": applicationBody()}); r.status != 429 || num(r.body["serviceErrorCode"]) != 101 {
		t.Fatalf("over the daily quota: %d %s", r.status, r.raw)
	}
	rep := v.emu.Audit()
	for _, rule := range []string{ruleBatchOver100, ruleRecordsPerMinute, ruleDailyQuota} {
		if findRule(rep, rule) == nil {
			t.Errorf("audit lacks %s: %+v", rule, rep)
		}
	}
}

func findRule(rep AuditReport, rule string) *AuditFinding {
	for i, f := range rep.Findings {
		if f.Rule == rule {
			return &rep.Findings[i]
		}
	}
	return nil
}

// TestSyncMemberMatch: GET of a candidate answers the member its email (or manualMatchedMember) matches.
func TestSyncMemberMatch(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	v.putV2Candidates(tok, map[string]any{
		"c1": change(candidateV2(), "emailAddresses", []string{"Member.One@example.com"}),
		"c2": change(candidateV2(), "emailAddresses", nil, "manualMatchedMember", "urn:li:person:Abc123"),
		"c3": candidateV2(),
	})
	r := byID(v.do("GET", "/v2/atsCandidates?ids=List("+candKey2("c1")+","+candKey2("c2")+","+candKey2("c3")+")", tok, ""))
	if r.resultsByID["c1"]["matchedMember"] != "urn:li:person:EmulatorMember1" || r.resultsByID["c2"]["matchedMember"] != "urn:li:person:Abc123" {
		t.Fatalf("matches: %s", r.raw)
	}
	if _, ok := r.resultsByID["c3"]["matchedMember"]; ok {
		t.Fatalf("c3 matched no member: %s", r.raw)
	}
}

// TestSyncPersists: records and the audit survive a restart with the same state file.
func TestSyncPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	v := newTestEnv(t, Options{StateFile: path})
	tok := v.child()
	v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "lastName", "N/A")})
	if err := v.emu.Close(); err != nil {
		t.Fatal(err)
	}
	w := newTestEnv(t, Options{StateFile: path})
	r := byID(w.do("GET", "/v2/atsCandidates?ids=List("+candKey2("c1")+")", w.child(), ""))
	if r.resultsByID["c1"]["lastName"] != "N/A" || findRule(w.emu.Audit(), rulePlaceholder) == nil {
		t.Fatalf("after restart: %s %+v", r.raw, w.emu.Audit())
	}
	// A reloaded record (numbers read back as float64) still updates and compares timestamps.
	w.putV2Candidates(w.child(), map[string]any{"c1": change(candidateV2(), "atsLastModifiedAt", created)})
	if findRule(w.emu.Audit(), ruleBackwards) == nil {
		t.Fatalf("backwards after reload not audited: %+v", w.emu.Audit())
	}
}

// TestSyncAudit: one request breaking each rule LinkedIn accepts but audits, and the finding it leaves.
func TestSyncAudit(t *testing.T) {
	cases := []struct {
		rule, field string
		send        func(v *testEnv, tok string)
	}{
		{rulePlaceholder, "firstName", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "firstName", "Not Available")})
		}},
		{rulePlaceholder, "lastName", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "lastName", "n/a")})
		}},
		{rulePlaceholder, "dispositionReason", func(v *testEnv, tok string) {
			v.putRecords(tok, syncApplication, map[string]any{"a1": change(applicationBody(), "dispositionReason", "unknown")})
		}},
		{rulePlaceholder, "currentJobTitle", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "currentJobTitle", "-")})
		}},
		{rulePlaceholder, "emailAddresses", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "emailAddresses", []string{"test@test.com"})})
		}},
		{ruleSeconds, "atsCreatedAt", func(v *testEnv, tok string) {
			v.putRecords(tok, syncApplication, map[string]any{"a1": change(applicationBody(), "atsCreatedAt", 1735689600)})
		}},
		{ruleBackwards, "atsLastModifiedAt", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": candidateV2()})
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "atsLastModifiedAt", modified-1000)})
		}},
		{ruleStageWithoutApp, "", func(v *testEnv, tok string) {
			v.putRecords(tok, syncStage, map[string]any{"s1": stageBody()}) // application a1 never synced
		}},
		{ruleOmittedField, "currentCompanyName", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "currentCompanyName", "Acme")})
			v.putV2Candidates(tok, map[string]any{"c1": candidateV2()})
		}},
		{ruleRejected, "firstName", func(v *testEnv, tok string) {
			v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "firstName", nil)})
		}},
		{ruleNotEnabled, "integrationContext", func(v *testEnv, tok string) {
			k := "(atsCandidateId:c9,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A2000)"
			v.do("GET", "/v2/atsCandidates?ids=List("+k+")", tok, "")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.rule+" "+tc.field, func(t *testing.T) {
			v := newTestEnv(t, Options{})
			tc.send(v, v.child())
			rep := v.emu.Audit()
			if len(rep.Findings) != 1 {
				t.Fatalf("want exactly one finding, got %+v", rep.Findings)
			}
			f := rep.Findings[0]
			if f.Rule != tc.rule || f.Field != tc.field || f.Count != 1 || f.Example.Method == "" || f.Example.URL == "" {
				t.Fatalf("finding %+v", f)
			}
		})
	}
}

// TestSyncAuditParallelCalls: calls sent before the previous one was answered are audited; calls sent one
// after another are not. The emulator's latency keeps the calls in flight together.
func TestSyncAuditParallelCalls(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	for i := range 3 {
		v.putV2Candidates(tok, map[string]any{fmt.Sprint("c", i): candidateV2()})
	}
	if len(v.emu.Audit().Findings) != 0 {
		t.Fatalf("sequential calls audited: %+v", v.emu.Audit())
	}
	v.emu.SetFaults(Faults{Latency: 50e6})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v.putV2Candidates(tok, map[string]any{fmt.Sprint("p", i): candidateV2()})
		}()
	}
	wg.Wait()
	if f := findRule(v.emu.Audit(), ruleParallel); f == nil || f.Category != categoryCandidates {
		t.Fatalf("parallel calls not audited: %+v", v.emu.Audit())
	}
}

// TestSyncAuditAdminEndpoint: GET /emulator/audit serves the report and DELETE clears it; the summary line
// names each finding.
func TestSyncAuditAdminEndpoint(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	v.putV2Candidates(tok, map[string]any{"c1": change(candidateV2(), "firstName", "N/A"), "c2": change(candidateV2(), "firstName", "N/A")})
	r := v.do("GET", "/emulator/audit", "", "")
	fs, _ := r.body["findings"].([]any)
	if r.status != 200 || len(fs) != 1 || num(m(fs[0], "count")) != 2 || m(fs[0], "category") != categoryCandidates {
		t.Fatalf("GET /emulator/audit: %d %s", r.status, r.raw)
	}
	if s := v.emu.AuditSummary(); !strings.Contains(s, "Sync Candidates: placeholder-value firstName ×2") {
		t.Fatalf("summary %q", s)
	}
	if r := v.do("DELETE", "/emulator/audit", "", ""); r.status != 200 || len(v.emu.Audit().Findings) != 0 {
		t.Fatalf("DELETE /emulator/audit: %d %s", r.status, r.raw)
	}
	r = v.do("POST", "/emulator/members", "", `{"email":"grace@example.org","person":"urn:li:person:Grace1"}`)
	if r.status != 200 || r.body["grace@example.org"] != "urn:li:person:Grace1" {
		t.Fatalf("POST /emulator/members: %d %s", r.status, r.raw)
	}
	r = v.do("POST", "/emulator/quotas", "", `{"group":"syncCandidates","recordsPerMinute":5}`)
	if r.status != 200 || !strings.Contains(r.raw, `"recordsPerMinute":5`) {
		t.Fatalf("POST /emulator/quotas: %d %s", r.status, r.raw)
	}
}
