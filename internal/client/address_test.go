package client

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// Absent entity vs. wrong address: only a per-key 404 inside a successful answer (or an empty finder) says
// that an entity does not exist. These are the cases that once emptied a user's state.

func TestWholeCall404IsWrongAddressNotAbsence(t *testing.T) {
	_, srv := startEmulator(t, emulator.Options{})
	ctx := context.Background()
	// api_url with /rest appended: every path is /rest/rest/..., which LinkedIn does not serve.
	c := emulatorClient(t, srv.URL+"/rest", emulator.ChildClientID, emulator.ChildClientSecret, func(c *Config) { c.OAuthURL = srv.URL + "/oauth/v2" })
	_, err := c.Integrations.Get(ctx, testIK)
	if err == nil || IsEntityNotFound(err) || !IsWrongAddress(err) {
		t.Fatalf("integration through a wrong api_url: %v (entity not found %v, wrong address %v)", err, IsEntityNotFound(err), IsWrongAddress(err))
	}
	_, err = c.Configurations.Get(ctx, cfgKey("CALLBACK_URL"))
	if IsEntityNotFound(err) || !IsWrongAddress(err) {
		t.Errorf("configuration through a wrong api_url: %v", err)
	}
	st, err := c.JobPostings.BatchGetStatuses(ctx, []string{"job-1"})
	if err == nil || IsEntityNotFound(st[0].Err) || !IsWrongAddress(st[0].Err) {
		t.Errorf("job status through a wrong api_url: %v / %v", err, st[0].Err)
	}
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.URL, "/rest/rest/") {
		t.Errorf("the error names the URL called: %#v", err)
	}

	// The same key through the right address is a per-key 404: the entity does not exist.
	good := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, nil)
	_, err = good.Configurations.Get(ctx, cfgKey("CALLBACK_URL"))
	if !IsEntityNotFound(err) || IsWrongAddress(err) {
		t.Errorf("unset configuration through the right address: %v", err)
	}
}

func TestNonLinkedInBodiesAreWrongAddress(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"html 404": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(404)
			_, _ = io.WriteString(w, "<html><body>Not Found</body></html>")
		},
		"empty 404": func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) },
		"other json 404": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 404, map[string]any{"detail": "no route"})
		},
		"html 200": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			_, _ = io.WriteString(w, "<html>login page</html>")
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, h)
			c, _ := f.client(nil)
			_, err := c.Integrations.Get(context.Background(), testIK)
			if err == nil || IsEntityNotFound(err) {
				t.Fatalf("got %v, want an error that is not 'entity not found'", err)
			}
			if strings.HasSuffix(name, "404") && !IsWrongAddress(err) {
				t.Errorf("want a wrong address: %#v", err)
			}
			_, err = c.Applications.GetByUniqueForeignID(context.Background(), "u1")
			if err == nil || IsEntityNotFound(err) {
				t.Errorf("finder: got %v, want an error that is not 'entity not found'", err)
			}
		})
	}
}

func TestFinderWithoutElementsIsNotAbsence(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, map[string]any{}) })
	c, _ := f.client(nil)
	_, err := c.Applications.GetByUniqueForeignID(context.Background(), "u1")
	if err == nil || IsEntityNotFound(err) || !IsWrongAddress(err) {
		t.Errorf("{} from a finder: %v", err)
	}
	f2 := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, map[string]any{"elements": []any{}}) })
	c2, _ := f2.client(nil)
	if _, err := c2.Applications.GetByUniqueForeignID(context.Background(), "u1"); !IsEntityNotFound(err) {
		t.Errorf("empty elements from a finder: %v", err)
	}
}

func TestTokenFailuresAreAuthErrors(t *testing.T) {
	_, srv := startEmulator(t, emulator.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	wrongSecret := emulatorClient(t, srv.URL, emulator.ChildClientID, "not-the-secret", nil)
	_, err := wrongSecret.Integrations.Get(ctx, testIK)
	var ae *AuthError
	if !errors.As(err, &ae) || !ae.Refused() || !IsUnauthorized(err) || ae.ClientID != emulator.ChildClientID ||
		IsEntityNotFound(err) || strings.Contains(err.Error(), "not-the-secret") {
		t.Errorf("wrong secret: %v", err)
	}

	// oauth_url without /oauth/v2, or the API's address: paths that are not LinkedIn's OAuth service.
	for _, u := range []string{srv.URL, srv.URL + "/rest"} {
		wrongOAuth := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(c *Config) { c.OAuthURL = u })
		_, err = wrongOAuth.Integrations.Get(ctx, testIK)
		if !errors.As(err, &ae) || ae.Refused() || IsUnauthorized(err) || IsEntityNotFound(err) || ae.OAuthURL != u+"/accessToken" {
			t.Errorf("wrong oauth_url %s: %v", u, err)
		}
	}
}

// A call with a deadline (every Terraform operation has one) is retried past MaxRetries until the
// deadline, and each retry is logged at WARN.
func TestRetriesUntilDeadline(t *testing.T) {
	var calls atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 12 {
			writeJSON(w, 503, map[string]any{"status": 503, "message": "down for maintenance"})
			return
		}
		writeJSON(w, 200, map[string]any{"results": map[string]any{"(integrationContext:urn%3Ali%3Aorganization%3A1000,integrationType:ONE_CLICK_EXPORT,tenantType:RECRUITER)": map[string]any{"status": "ENABLED"}}})
	})
	c, _ := f.client(func(cfg *Config) { cfg.MaxRetries = 2 })
	var logs strings.Builder
	ctx := tflogtest.RootLogger(context.Background(), &logs)

	if _, err := c.Integrations.Get(ctx, testIK); err == nil {
		t.Fatal("without a deadline, MaxRetries (2) bounds the retries: want the 503")
	}
	calls.Store(0)
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := c.Integrations.Get(dctx, testIK); err != nil {
		t.Fatalf("with a deadline the call rides out 12 failures: %v", err)
	}
	if n := calls.Load(); n != 13 {
		t.Errorf("calls = %d, want 13", n)
	}
	if got := strings.Count(logs.String(), `"@level":"warn"`); got < 12 {
		t.Errorf("%d WARN lines for 12 retries:\n%s", got, logs.String())
	}
}

// A connection refused (LinkedIn or a proxy down) during a token fetch is retried until the deadline too.
func TestTokenFetchRidesOutAnOutage(t *testing.T) {
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close() // nothing listens: connection refused
	c := emulatorClient(t, "http://"+addr, emulator.ChildClientID, emulator.ChildClientSecret, func(c *Config) { c.MaxRetries = 1 })
	go func() {
		time.Sleep(300 * time.Millisecond)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return
		}
		srv := &http.Server{Handler: emu}
		t.Cleanup(func() { _ = srv.Close() })
		_ = srv.Serve(ln)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := c.Integrations.Get(ctx, IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "IN_ATS_INDICATOR", TenantType: "RECRUITER"}); err != nil {
		t.Fatalf("after the outage: %v", err)
	}
}
