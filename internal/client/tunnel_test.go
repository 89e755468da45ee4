package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// splitMultipart reads a tunnelled multipart/mixed body: the query part and the JSON part.
func splitMultipart(t *testing.T, contentType string, body []byte) (query string, jsonBody []byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", contentType, err)
	}
	mr := multipart.NewReader(strings.NewReader(string(body)), params["boundary"])
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(p)
		switch ct := p.Header.Get("Content-Type"); {
		case i == 0 && ct == "application/x-www-form-urlencoded":
			query = string(data)
		case i == 1 && ct == "application/json":
			jsonBody = data
		default:
			t.Fatalf("part %d has Content-Type %q", i, ct)
		}
	}
	return query, jsonBody
}

// longKeys returns n configuration keys whose encoded ids exceed the 4,000-byte query limit.
func longKeys(n int) []ConfigurationKey {
	keys := make([]ConfigurationKey, n)
	for i := range keys {
		keys[i] = ConfigurationKey{IntegrationKey: IntegrationKey{
			IntegrationContext: fmt.Sprintf("urn:li:organization:%d", 100000+i),
			IntegrationType:    "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}, ConfigurationName: "CALLBACK_URL"}
	}
	return keys
}

// echoBatch answers a batch call with a result for every requested id: an entity for batch_get, a 204 for
// writes. It checks that the entities of a write are exactly its ids.
func echoBatch(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		keys := requestIDs(t, r)
		results := map[string]any{}
		for _, k := range keys {
			if r.Header.Get("X-RestLi-Method") == "batch_get" {
				results[k.EncodeReduced()] = map[string]any{"configurationValue": map[string]any{"string": "v-" + k.Part("integrationContext") + k.Simple()}}
			} else {
				results[k.EncodeReduced()] = map[string]any{"status": 204}
			}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
	}
}

func TestTunnelling(t *testing.T) {
	f := newFake(t, echoBatch(t))
	c, _ := f.client(nil)
	ctx := context.Background()
	keys := longKeys(100)

	res, err := c.Configurations.BatchGet(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Value.Value != "v-"+keys[i].IntegrationContext {
			t.Fatalf("result %d: %+v %v", i, r.Value, r.Err)
		}
	}
	errs, err := c.Configurations.BatchDelete(ctx, keys)
	if err != nil || errs[99] != nil {
		t.Fatal(err, errs[99])
	}
	cfgs := make([]IntegrationConfiguration, len(keys))
	for i, k := range keys {
		cfgs[i] = IntegrationConfiguration{Key: k, Value: "https://cb/" + k.IntegrationContext}
	}
	if errs, err := c.Configurations.BatchUpsert(ctx, cfgs); err != nil || errs[0] != nil {
		t.Fatal(err, errs[0])
	}

	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	want := []struct{ override, restli, ctype string }{
		{"GET", "batch_get", "application/x-www-form-urlencoded"},
		{"DELETE", "batch_delete", "application/x-www-form-urlencoded"}, // a DELETE stays a DELETE
		{"PUT", "batch_update", "multipart/mixed"},
	}
	for i, r := range reqs {
		if r.Method != http.MethodPost || r.RawQuery != "" || r.Path != "/rest/integrationConfigurations" {
			t.Errorf("request %d: %s %s?%s, want a POST to the bare path", i, r.Method, r.Path, r.RawQuery)
		}
		if got := r.Header.Get("X-HTTP-Method-Override"); got != want[i].override {
			t.Errorf("request %d: override %q, want %q", i, got, want[i].override)
		}
		if got := r.Header.Get("X-RestLi-Method"); got != want[i].restli {
			t.Errorf("request %d: X-RestLi-Method %q", i, got)
		}
		if got := r.Header.Get("Content-Type"); !strings.HasPrefix(got, want[i].ctype) {
			t.Errorf("request %d: Content-Type %q", i, got)
		}
	}
	// The multipart body carries the query and the original JSON body.
	q, body := splitMultipart(t, reqs[2].Header.Get("Content-Type"), reqs[2].Body)
	ids, err := restli.ParseIDs(q)
	if err != nil || len(ids) != 100 {
		t.Fatalf("tunnelled ids: %d, %v", len(ids), err)
	}
	var env struct {
		Entities map[string]json.RawMessage `json:"entities"`
	}
	if err := json.Unmarshal(body, &env); err != nil || len(env.Entities) != 100 {
		t.Fatalf("tunnelled body: %d entities, %v", len(env.Entities), err)
	}
	if len(q) <= maxQueryBytes {
		t.Errorf("test keys too short to need tunnelling: %d bytes", len(q))
	}

	// A short query is not tunnelled.
	if _, err := c.Configurations.BatchGet(ctx, keys[:2]); err != nil {
		t.Fatal(err)
	}
	last := f.requests()[3]
	if last.Method != http.MethodGet || last.Header.Get("X-HTTP-Method-Override") != "" || !strings.HasPrefix(last.RawQuery, "ids=List((") {
		t.Errorf("short request: %s ?%s override %q", last.Method, last.RawQuery, last.Header.Get("X-HTTP-Method-Override"))
	}
}

// The thresholds are inclusive limits: a 4,000-byte query goes in the URL, one byte more is tunnelled; the URL
// is measured as if sent to api.linkedin.com even when the base URL is a shorter local address.
func TestTunnelThresholds(t *testing.T) {
	c, err := New(Config{AccessToken: "t", BaseURL: "http://h"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tc := range []struct {
		path   string
		qlen   int
		tunnel bool
	}{
		{"/rest/x", maxQueryBytes, false},
		{"/rest/x", maxQueryBytes + 1, true},
		// URL: len("https://api.linkedin.com") + path + "?" + query, limit 8192.
		{"/" + strings.Repeat("p", 8192-len(DefaultBaseURL)-1-1-10), 10, false},
		{"/" + strings.Repeat("p", 8192-len(DefaultBaseURL)-1-1-10), 11, true},
	} {
		r := &request{method: http.MethodDelete, path: tc.path, query: "q=" + strings.Repeat("a", tc.qlen-2)}
		method, query, body, ctype, override := c.tunnel(r)
		if got := override != ""; got != tc.tunnel {
			t.Errorf("path %d bytes, query %d bytes: tunnelled %v, want %v", len(tc.path), tc.qlen, got, tc.tunnel)
			continue
		}
		if tc.tunnel && (method != http.MethodPost || override != http.MethodDelete || query != "" ||
			string(body) != r.query || ctype != "application/x-www-form-urlencoded") {
			t.Errorf("tunnelled DELETE: %s override %s query %q body %d bytes %s", method, override, query, len(body), ctype)
		}
	}
}
