package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// v1Key writes a compound key in the 1.0 query-string form, parts in the given order.
func v1Key(parts ...string) string {
	var b []string
	for i := 0; i < len(parts); i += 2 {
		b = append(b, parts[i]+"="+url.QueryEscape(parts[i+1]))
	}
	return strings.Join(b, "&")
}

func TestBatchGetPerKeyResultsMatchedStructurally(t *testing.T) {
	keys := []ConfigurationKey{cfgKey("CALLBACK_URL"), cfgKey("JOB_POSTING_VIEWERS"), cfgKey("APPLICATION_VIEWERS"), cfgKey("CALLBACK_URL")}
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		ids := requestIDs(t, r)
		if len(ids) != 3 {
			t.Errorf("duplicate keys were sent: %d ids", len(ids))
		}
		// Each key answered in a different spelling, none of them the one requested.
		body := fmt.Sprintf(`{
		  "results": {
		    %q: {"configurationValue":{"string":"https://cb.example/x y"}},
		    %q: {"configurationValue":{"string":"ALL_PRODUCT_USERS"}}
		  },
		  "statuses": {},
		  "errors": {
		    %q: {"status":404,"serviceErrorCode":0,"message":"Integration configuration not found"}
		  }
		}`,
			// 1.0 query-string form, parts out of order
			v1Key("tenantType", "RECRUITER", "configurationName", "CALLBACK_URL", "integrationType", "ONE_CLICK_EXPORT", "integrationContext", "urn:li:organization:1000"),
			// reduced 2.0
			"(configurationName:JOB_POSTING_VIEWERS,integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)",
			// URL-escaped 2.0
			restli.CompoundKey(map[string]string{"configurationName": "APPLICATION_VIEWERS", "integrationContext": "urn:li:organization:1000", "integrationType": "ONE_CLICK_EXPORT", "tenantType": "RECRUITER"}).Encode())
		w.Header().Set("X-Li-Uuid", "req-123")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	})
	c, _ := f.client(nil)
	res, err := c.Configurations.BatchGet(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 4 {
		t.Fatalf("%d results", len(res))
	}
	if res[0].Err != nil || res[0].Value.Value != "https://cb.example/x y" || res[0].Value.Key != keys[0] {
		t.Errorf("CALLBACK_URL: %+v %v", res[0].Value, res[0].Err)
	}
	if res[1].Err != nil || res[1].Value.Value != "ALL_PRODUCT_USERS" {
		t.Errorf("JOB_POSTING_VIEWERS: %+v %v", res[1].Value, res[1].Err)
	}
	var e *Error
	if !IsEntityNotFound(res[2].Err) || !asError(res[2].Err, &e) || e.RequestID != "req-123" || !strings.Contains(e.Key, "APPLICATION_VIEWERS") ||
		e.Message != "Integration configuration not found" {
		t.Errorf("APPLICATION_VIEWERS: %#v", res[2].Err)
	}
	if res[3].Err != nil || res[3].Value.Value != res[0].Value.Value {
		t.Errorf("duplicate key: %+v %v", res[3].Value, res[3].Err)
	}
}

func asError(err error, e **Error) bool { return errors.As(err, e) }

// A batch_get answer that holds nothing for a key (a proxy or a mistyped api_url answering {} to
// everything) says nothing about the entity: only a per-key 404 in errors means "does not exist".
func TestBatchMissingKeyIsNotEntityNotFound(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"results": map[string]any{}, "statuses": map[string]any{}, "errors": map[string]any{}})
	})
	c, _ := f.client(nil)
	res, err := c.Integrations.BatchGet(context.Background(), []IntegrationKey{testIK})
	if err != nil || res[0].Err == nil || IsEntityNotFound(res[0].Err) {
		t.Errorf("absent key: %v / %v", err, res[0].Err)
	}
}

func TestBatchWritePerKeyErrors(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		ids := requestIDs(t, r)
		var env struct {
			Entities map[string]json.RawMessage `json:"entities"`
		}
		if r.Method == http.MethodPut {
			if err := json.NewDecoder(r.Body).Decode(&env); err != nil {
				t.Error(err)
			}
		}
		results, errs := map[string]any{}, map[string]any{}
		for _, k := range ids {
			switch k.Part("configurationName") {
			case "CALLBACK_URL":
				errs[k.EncodeReduced()] = map[string]any{"status": 422, "message": "CALLBACK_URL must be an HTTPS URL"}
			case "JOB_POSTING_VIEWERS":
				errs[k.EncodeV1()] = map[string]any{"status": 400, "code": "CONFIGURATION_NOT_DELETABLE", "message": "not deletable"}
			default:
				results[k.Encode()] = map[string]any{"status": 204}
			}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": errs})
	})
	c, _ := f.client(nil)
	keys := []ConfigurationKey{cfgKey("APPLICATION_VIEWERS"), cfgKey("CALLBACK_URL"), cfgKey("JOB_POSTING_VIEWERS")}
	errs, err := c.Configurations.BatchDelete(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || StatusCode(errs[1]) != 422 || StatusCode(errs[2]) != 400 {
		t.Errorf("per-key errors %v", errs)
	}
	var e *Error
	if !asError(errs[2], &e) || e.Code != "CONFIGURATION_NOT_DELETABLE" {
		t.Errorf("code: %#v", errs[2])
	}
	cfgs := []IntegrationConfiguration{{Key: keys[0], Value: "ALL_PRODUCT_USERS"}, {Key: keys[1], Value: "http://insecure"}}
	errs, err = c.Configurations.BatchUpsert(context.Background(), cfgs)
	if err != nil || errs[0] != nil || StatusCode(errs[1]) != 422 {
		t.Errorf("upsert: %v %v", err, errs)
	}
	// The entities keys are exactly the ids, and carry the union value.
	last := f.requests()[1]
	var env struct {
		Entities map[string]configValue `json:"entities"`
	}
	_ = json.Unmarshal(last.Body, &env)
	ids, _ := restli.ParseIDs(last.RawQuery)
	for _, k := range ids {
		v, ok := env.Entities[k.Encode()]
		if !ok || v.ConfigurationValue.String == nil {
			t.Errorf("entity for %s missing in %s", k, last.Body)
		}
	}
}

func TestBatchSplitsAt100(t *testing.T) {
	f := newFake(t, echoBatch(t))
	c, _ := f.client(nil)
	keys := make([]ConfigurationKey, 250)
	for i := range keys {
		keys[i] = ConfigurationKey{IntegrationKey: IntegrationKey{IntegrationContext: fmt.Sprintf("urn:li:organization:%d", i), IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}, ConfigurationName: "CALLBACK_URL"}
	}
	res, err := c.Configurations.BatchGet(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Value.Value != "v-"+keys[i].IntegrationContext {
			t.Fatalf("result %d out of order: %+v %v", i, r.Value, r.Err)
		}
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("%d calls for 250 keys, want 3", n)
	}
}

func TestWholeCallFailureSetsEveryKey(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 403, map[string]any{"status": 403, "message": "Not enough permissions to access: GET /integrationConfigurations"})
	})
	c, _ := f.client(nil)
	res, err := c.Configurations.BatchGet(context.Background(), []ConfigurationKey{cfgKey("A"), cfgKey("B")})
	if StatusCode(err) != 403 || StatusCode(res[0].Err) != 403 || StatusCode(res[1].Err) != 403 {
		t.Errorf("%v / %v / %v", err, res[0].Err, res[1].Err)
	}
	var e *Error
	if !asError(err, &e) || e.Method != "GET" || !strings.Contains(e.Error(), "403 Forbidden: Not enough permissions") {
		t.Errorf("error text: %v", err)
	}
}

func TestLegacyConfigurationsForm(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		ids := requestIDs(t, r)
		results := map[string]any{}
		for _, k := range ids {
			if r.Method == http.MethodGet {
				results[k.Simple()] = map[string]any{"configurationValue": map[string]any{"string": "val-" + k.Simple()}}
			} else {
				results[k.Simple()] = map[string]any{"status": 204}
			}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
	})
	c, _ := f.client(func(cfg *Config) { cfg.APIFamily = APIFamilyV2 })
	other := IntegrationKey{IntegrationContext: "urn:li:organization:2", IntegrationType: "IN_ATS_INDICATOR", TenantType: "RECRUITER"}
	keys := []ConfigurationKey{cfgKey("CALLBACK_URL"), {IntegrationKey: other, ConfigurationName: "APPLICATION_VIEWERS"}, cfgKey("JOB_POSTING_VIEWERS")}
	res, err := c.Configurations.BatchGet(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Value.Value != "val-"+keys[i].ConfigurationName || r.Value.Key != keys[i] {
			t.Errorf("result %d: %+v %v", i, r.Value, r.Err)
		}
	}
	if _, err := c.Configurations.BatchUpsert(context.Background(), []IntegrationConfiguration{{Key: keys[0], Value: "https://cb"}}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d calls, want one per integration plus the upsert", len(reqs))
	}
	wantPath := "/v2/atsIntegrations/dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1000&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER/configurations"
	if reqs[0].Path != wantPath || reqs[0].RawQuery != "ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS" {
		t.Errorf("legacy get: %s?%s", reqs[0].Path, reqs[0].RawQuery)
	}
	if reqs[0].Header.Get("LinkedIn-Version") != "" {
		t.Error("LinkedIn-Version sent on /v2")
	}
	if string(reqs[2].Body) != `{"entities":{"CALLBACK_URL":{"configurationValue":{"string":"https://cb"}}}}` {
		t.Errorf("legacy upsert body %s", reqs[2].Body)
	}
}

func TestIntegrations(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
			ids := requestIDs(t, r)
			results := map[string]any{}
			for _, k := range ids {
				if r.Method == http.MethodGet {
					results[k.EncodeReduced()] = map[string]any{"integrationName": "n", "status": "ENABLED", "createdAt": 5}
				} else {
					results[k.EncodeReduced()] = map[string]any{"status": 204}
				}
			}
			writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
		})
		c, _ := f.client(func(cfg *Config) { cfg.APIFamily = fam })
		in, err := c.Integrations.Get(context.Background(), testIK)
		if err != nil || in.Status != "ENABLED" || in.Key() != testIK || in.CreatedAt != 5 {
			t.Fatalf("%s: %+v %v", fam, in, err)
		}
		if err := c.Integrations.SetName(context.Background(), testIK, "Acme ATS"); err != nil {
			t.Fatal(err)
		}
		reqs := f.requests()
		path := "/rest/integrations"
		want := map[string]string{"integrationContext": testIK.IntegrationContext, "integrationType": testIK.IntegrationType, "tenantType": testIK.TenantType}
		if fam == APIFamilyV2 {
			path = "/v2/atsIntegrations"
			want["dataProvider"] = "ATS"
		}
		ids, _ := restli.ParseIDs(reqs[1].RawQuery)
		if reqs[0].Path != path || reqs[1].Path != path || reqs[1].Method != http.MethodPost || len(ids) != 1 || !ids[0].Equal(restli.CompoundKey(want)) {
			t.Errorf("%s: %s %s?%s", fam, reqs[1].Method, reqs[1].Path, reqs[1].RawQuery)
		}
		if reqs[1].Header.Get("X-RestLi-Method") != "batch_partial_update" {
			t.Errorf("%s: method %q", fam, reqs[1].Header.Get("X-RestLi-Method"))
		}
		wantBody := `{"entities":{"` + ids[0].Encode() + `":{"patch":{"$set":{"integrationName":"Acme ATS"}}}}}`
		if string(reqs[1].Body) != wantBody {
			t.Errorf("%s: body %s, want %s", fam, reqs[1].Body, wantBody)
		}
	}
}

// keyIndex.find with simple keys written raw, reduced or URL-encoded, including raw text that percent-decodes
// to another requested key.
func TestFindKeySimpleSpellings(t *testing.T) {
	for _, c := range []struct {
		name string
		want string
		resp []string // response keys; the first is the one that means want
	}{
		{"raw URN", "urn:li:simpleJobPostingTask:1", []string{"urn:li:simpleJobPostingTask:1", "urn:li:simpleJobPostingTask:2"}},
		{"reduced URN", "urn:li:simpleJobPostingTask:1", []string{"urn%3Ali%3AsimpleJobPostingTask%3A1"}},
		{"raw with a literal percent", "50%off", []string{"50%off", "50%of"}},
		{"reduced with a literal percent", "50%off", []string{"50%25off"}},
		{"raw looking like 1.0", "a=b", []string{"a=b", "a"}},
		{"raw escape-like text", "a%2Cb", []string{"a%2Cb", "a,b"}},
		{"raw grammar text", "a,b", []string{"a,b", "a%2Cb"}},
		{"empty string", "", []string{"''", "x"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := map[string]int{}
			for i, r := range c.resp {
				m[r] = i
			}
			// Map order is random: repeat so an order-dependent match would show.
			for range 20 {
				want := newWantKey(restli.SimpleKey(c.want), restli.SimpleKey(c.want).Encode())
				got, ok := newKeyIndex(m).find(&want)
				if !ok || got != c.resp[0] {
					t.Fatalf("find(%q) = %q, %v; want %q", c.want, got, ok, c.resp[0])
				}
			}
		})
	}
	other := newWantKey(restli.SimpleKey("50%of"), restli.SimpleKey("50%of").Encode())
	if got, ok := newKeyIndex(map[string]int{"50%off": 0}).find(&other); ok {
		t.Errorf("a different key matched: %q", got)
	}
}
