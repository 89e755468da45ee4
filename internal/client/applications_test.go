package client

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
)

func TestApplications(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v2/provisionedApplications":
			w.Header().Set("X-RestLi-Id", "urn%3Ali%3AdeveloperApplication%3A234")
			writeJSON(w, 201, map[string]any{"key": "urn:li:developerApplication:234", "credentials": map[string]any{"client_id": "cid", "client_secret": "csecret"}})
		case r.Method == http.MethodGet && r.URL.Query().Get("uniqueForeignId") == "known":
			writeJSON(w, 200, map[string]any{"elements": []any{map[string]any{"key": "urn:li:developerApplication:234", "uniqueForeignId": "known", "name": "N",
				"credentials": map[string]any{"client_id": "cid"}}}})
		case r.Method == http.MethodGet:
			writeJSON(w, 200, map[string]any{"elements": []any{}, "paging": map[string]any{"total": 0}})
		default:
			w.WriteHeader(204)
		}
	})
	c, _ := f.client(nil)
	ctx := context.Background()
	app, err := c.Applications.Create(ctx, ProvisionedApplicationInput{UniqueForeignID: "known", Name: "N", Description: "D", ValidJsSdkDomains: []string{"https://a.example"}})
	if err != nil || app.Key != "urn:li:developerApplication:234" || app.Credentials.ClientSecret != "csecret" || app.Name != "N" || app.UniqueForeignID != "known" {
		t.Fatalf("Create: %+v %v", app, err)
	}
	got, err := c.Applications.GetByUniqueForeignID(ctx, "known")
	if err != nil || got.Credentials.ClientID != "cid" || got.Name != "N" {
		t.Fatalf("Get: %+v %v", got, err)
	}
	if _, err := c.Applications.GetByUniqueForeignID(ctx, "unknown id"); !IsEntityNotFound(err) {
		t.Fatalf("unknown: %v", err)
	}
	if err := c.Applications.Update(ctx, "urn:li:developerApplication:234", ProvisionedApplicationInput{Name: "N2", Description: "D2"}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if reqs[0].Header.Get("X-RestLi-Method") != "create" {
		t.Errorf("create method %q", reqs[0].Header.Get("X-RestLi-Method"))
	}
	if reqs[2].RawQuery != "q=credentialsByUniqueForeignId&uniqueForeignId=unknown%20id" || reqs[2].Header.Get("X-RestLi-Method") != "finder" {
		t.Errorf("finder query %q", reqs[2].RawQuery)
	}
	up := reqs[3]
	if up.Method != http.MethodPost || up.Path != "/v2/provisionedApplications/urn%3Ali%3AdeveloperApplication%3A234" || up.Header.Get("X-RestLi-Method") != "partial_update" {
		t.Errorf("update: %s %s %s", up.Method, up.Path, up.Header.Get("X-RestLi-Method"))
	}
	var patch struct {
		Patch struct {
			Set map[string]any `json:"$set"`
		} `json:"patch"`
	}
	if err := json.Unmarshal(up.Body, &patch); err != nil {
		t.Fatal(err)
	}
	set := patch.Patch.Set
	if set["name"] != "N2" || set["description"] != "D2" || len(set) != 4 {
		t.Errorf("$set %v", set)
	}
	if l, ok := set["validJsSdkDomains"].([]any); !ok || len(l) != 0 {
		t.Errorf("empty list must be sent as []: %s", up.Body)
	}
}
