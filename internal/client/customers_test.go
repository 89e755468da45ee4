package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// The provider serves many customers from one process with one Client per customer (one child application):
// DESIGN.md §6, "two applications' keys never share a call or a token". These tests run two customers' Clients
// side by side, with concurrent single-key calls that each Client coalesces, against the emulator behind a
// recorder of every token grant and API call.

// recorder serves the emulator and records the token grants (client id → tokens issued) and, for each API
// call, the bearer token and the decoded query and body.
type recorder struct {
	next http.Handler

	mu     sync.Mutex
	grants map[string][]string // client_id → access tokens issued
	calls  []recordedCall
}

type recordedCall struct {
	token string
	text  string // path, decoded query and body: where the call's keys are
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if strings.HasSuffix(r.URL.Path, "/accessToken") {
		form, _ := url.ParseQuery(string(body))
		tee := httptest.NewRecorder()
		rec.next.ServeHTTP(tee, r)
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		_ = json.Unmarshal(tee.Body.Bytes(), &tok)
		rec.mu.Lock()
		if rec.grants == nil {
			rec.grants = map[string][]string{}
		}
		rec.grants[form.Get("client_id")] = append(rec.grants[form.Get("client_id")], tok.AccessToken)
		rec.mu.Unlock()
		for k, v := range tee.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(tee.Code)
		_, _ = w.Write(tee.Body.Bytes())
		return
	}
	text, _ := url.PathUnescape(r.URL.Path + "?" + r.URL.RawQuery + " " + string(body))
	if t, err := url.QueryUnescape(text); err == nil {
		text = t
	}
	rec.mu.Lock()
	rec.calls = append(rec.calls, recordedCall{token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), text: text})
	rec.mu.Unlock()
	rec.next.ServeHTTP(w, r)
}

// customerFixture is one customer: its child application, its client and its organizations.
type customerFixture struct {
	clientID string
	client   *Client
	orgs     []string
	value    func(org string) string
}

func TestTwoCustomersNeverShareABatchOrAToken(t *testing.T) {
	emu, err := emulator.New(emulator.Options{TaskDelay: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{next: emu}
	srv := httptest.NewServer(rec)
	t.Cleanup(func() { srv.Close(); _ = emu.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	parent := emulatorClient(t, srv.URL, emulator.ParentClientID, emulator.ParentClientSecret, nil)
	app, err := parent.Applications.Create(ctx, ProvisionedApplicationInput{UniqueForeignID: "beta", Name: "Beta ATS", Description: "beta"})
	if err != nil {
		t.Fatal(err)
	}
	shared := NewHTTPClient() // as the provider does: one connection pool, a Client per customer
	newCustomer := func(id, secret string, firstOrg int) *customerFixture {
		c := emulatorClient(t, srv.URL, id, secret, func(cfg *Config) { cfg.HTTPClient = shared; cfg.BatchWindow = 20 * time.Millisecond })
		f := &customerFixture{clientID: id, client: c, value: func(org string) string {
			return "https://ats.example.com/" + id + "/" + strings.TrimPrefix(org, "urn:li:organization:")
		}}
		for i := 0; i < 30; i++ {
			org := fmt.Sprintf("urn:li:organization:%d", firstOrg+i)
			f.orgs = append(f.orgs, org)
			if err := emu.SetIntegration(emulator.IntegrationState{Application: id, IntegrationContext: org,
				IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: "ENABLED"}); err != nil {
				t.Fatal(err)
			}
			emu.SetConfiguration(id, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", f.value(org))
		}
		return f
	}
	customers := []*customerFixture{
		newCustomer(emulator.ChildClientID, emulator.ChildClientSecret, 5000),
		newCustomer(app.Credentials.ClientID, app.Credentials.ClientSecret, 6000),
	}
	rec.mu.Lock()
	rec.calls, rec.grants = nil, nil // forget the provisioning call
	rec.mu.Unlock()

	// Both customers' reads at once, as Terraform's workers refresh two customers' resources side by side.
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for _, f := range customers {
		for _, org := range f.orgs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := f.client.Configurations.Get(ctx, ConfigurationKey{IntegrationKey: IntegrationKey{
					IntegrationContext: org, IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}, ConfigurationName: "CALLBACK_URL"})
				switch {
				case err != nil:
					errs <- fmt.Errorf("%s reading %s: %w", f.clientID, org, err)
				case got.Value != f.value(org):
					errs <- fmt.Errorf("%s reading %s: got %q, want %q", f.clientID, org, got.Value, f.value(org))
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	rec.mu.Lock()
	defer rec.mu.Unlock()
	owner := map[string]*customerFixture{} // token → the customer it was issued to
	for _, f := range customers {
		tokens := rec.grants[f.clientID]
		if len(tokens) != 1 {
			t.Errorf("%s: %d token grants, want 1 (one token cache per customer)", f.clientID, len(tokens))
		}
		for _, tok := range tokens {
			if owner[tok] != nil {
				t.Errorf("token %q issued to two customers", tok)
			}
			owner[tok] = f
		}
	}
	if len(rec.calls) >= 60 {
		t.Errorf("%d API calls for 60 reads: nothing was coalesced, so the test proves nothing about batches", len(rec.calls))
	}
	for _, call := range rec.calls {
		f := owner[call.token]
		if f == nil {
			t.Errorf("a call carries a token no customer was issued: %s", call.text)
			continue
		}
		for _, other := range customers {
			if other == f {
				continue
			}
			for _, org := range other.orgs {
				if strings.Contains(call.text, org+",") || strings.Contains(call.text, org+")") {
					t.Errorf("a call with %s's token carries %s's key %s: %s", f.clientID, other.clientID, org, call.text)
				}
			}
		}
	}
}
