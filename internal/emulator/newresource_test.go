package emulator

import (
	"encoding/json"
	"testing"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// TestNewResourceIsSmall backs README's claim that a resource is one collection definition and one route. The
// definition below (a legacy /v2/exampleCandidates shaped like RSC's atsCandidates: compound key with
// dataProvider=ATS, batch_update/batch_get/batch_delete, field validation through record) gets every key
// spelling, the batch envelopes, the 100-key limit, Batch request mismatch and per-key errors from the
// engine without a line of its own.
func TestNewResourceIsSmall(t *testing.T) {
	records := map[string]json.RawMessage{} // by skey(app, key); handlers run under e.mu
	sk := func(c *call, k restli.Key) string {
		return skey(c.app.URN, k.Part("integrationContext"), k.Part("atsCandidateId"))
	}
	candidates := &collection{
		name:    "exampleCandidates",
		methods: []string{"batch_get", "batch_update", "batch_delete"},
		key:     keySpec{parts: []string{"atsCandidateId", "integrationContext"}, fixed: map[string]string{"dataProvider": "ATS"}},
		get: func(c *call, k restli.Key) (any, *apiError) {
			if r, ok := records[sk(c, k)]; ok {
				return r, nil
			}
			return nil, errNotFound("no such candidate")
		},
		update: func(c *call, k restli.Key, entity json.RawMessage) *apiError {
			var fields map[string]any
			if err := decodeJSON(entity, &fields); err != nil {
				return errUnprocessable("ERROR :: / :: not a record\n")
			}
			rec := &record{fields: fields}
			rec.allowOnly(map[string]bool{"firstName": true, "lastName": true, "atsCreatedAt": true})
			rec.str("firstName", true)
			rec.str("lastName", true)
			rec.long("atsCreatedAt", true)
			if !rec.ok() {
				return errUnprocessable("%s", rec.message())
			}
			records[sk(c, k)] = entity
			return nil
		},
		remove: func(c *call, k restli.Key) *apiError {
			if _, ok := records[sk(c, k)]; !ok {
				return errNotFound("no such candidate")
			}
			delete(records, sk(c, k))
			return nil
		},
	}

	emu, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	emu.apiRoutes = append(emu.apiRoutes, &route{family: "v2", coll: candidates}) // before serving
	v := &testEnv{t: t, emu: emu, url: startServer(t, emu)}
	tok := v.child()

	k1 := "(atsCandidateId:c1,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1000)"
	k2 := "(atsCandidateId:c2,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1000)"
	r := v.do("PUT", "/v2/exampleCandidates?ids=List("+k1+","+k2+")", tok,
		`{"entities":{"`+k1+`":{"firstName":"Ada","lastName":"L","atsCreatedAt":1},"`+k2+`":{"firstName":"Bob"}}}`,
		"X-RestLi-Method: batch_update")
	if num(m(r.body, "results", k1, "status")) != 204 || num(m(r.body, "errors", k2, "status")) != 422 {
		t.Fatalf("batch_update: %d %s", r.status, r.raw)
	}
	// Read back in protocol 1.0: answer keyed in 1.0 form, parts sorted.
	v1 := "atsCandidateId=c1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1000"
	r = v.do("GET", "/v2/exampleCandidates?ids[0].integrationContext=urn%3Ali%3Aorganization%3A1000&ids[0].dataProvider=ATS&ids[0].atsCandidateId=c1", tok, "")
	if m(r.body, "results", v1, "firstName") != "Ada" {
		t.Fatalf("batch_get 1.0: %d %s", r.status, r.raw)
	}
	if r := v.do("PUT", "/v2/exampleCandidates?ids=List("+k1+")", tok, `{"entities":{"`+k2+`":{}}}`, "X-RestLi-Method: batch_update"); r.status != 400 {
		t.Errorf("mismatch: %d %s", r.status, r.raw)
	}
	r = v.do("DELETE", "/v2/exampleCandidates?ids=List("+k1+","+k2+")", tok, "")
	if num(m(r.body, "results", k1, "status")) != 204 || num(m(r.body, "errors", k2, "status")) != 404 {
		t.Errorf("batch_delete: %s", r.raw)
	}
	// Another emulator does not serve it: routes are per emulator.
	other := newTestEnv(t, Options{})
	if r := other.do("GET", "/v2/exampleCandidates?ids=List("+k1+")", other.child(), ""); r.status != 404 {
		t.Errorf("route leaked to another emulator: %d", r.status)
	}
}
