// Package acctest runs acceptance tests against an in-process LinkedIn emulator with the real Terraform CLI.
// It never lets terraform-plugin-testing download Terraform: it points TF_ACC_TERRAFORM_PATH at the terraform
// on PATH and fails with a clear message when there is none.
package acctest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// Setup prepares the environment for terraform-plugin-testing. Call it from TestMain before m.Run().
// It returns an error when acceptance tests are requested (TF_ACC set) and no terraform binary can be found.
func Setup() error {
	_ = os.Setenv("CHECKPOINT_DISABLE", "1")
	if os.Getenv("TF_ACC") == "" {
		return nil
	}
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("TF_ACC_TERRAFORM_PATH=%s: %w", p, err)
		}
		return nil
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		return fmt.Errorf("acceptance tests need the Terraform CLI: no terraform on PATH and TF_ACC_TERRAFORM_PATH is unset (install Terraform 1.11 or set TF_ACC_TERRAFORM_PATH); nothing will be downloaded")
	}
	return os.Setenv("TF_ACC_TERRAFORM_PATH", p)
}

// Env is one in-process emulator serving one acceptance test.
type Env struct {
	Emulator *emulator.Emulator
	URL      string // base URL of the API (also hosts /oauth/v2 and /emulator)
}

// testOptions are the emulator's options in acceptance tests: job tasks (and LinkedIn Apply's decision) take
// 50 ms, and an undelivered application is re-sent after milliseconds instead of LinkedIn's seconds to an hour.
var testOptions = emulator.Options{TaskDelay: 50 * time.Millisecond, DeliveryRetryScale: 0.001}

// NewEnv starts an emulator for t with job tasks that finish quickly; it is closed when t ends.
func NewEnv(t testing.TB) *Env {
	t.Helper()
	emu, err := emulator.New(testOptions)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		_ = emu.Close()
	})
	return &Env{Emulator: emu, URL: srv.URL}
}

// Outage is an emulator whose server can be stopped and started again on the same address, to play a
// LinkedIn outage in the middle of a Terraform run: while it is down every call is refused at the TCP level
// (connection refused), as when LinkedIn or a proxy in front of it is unreachable.
type Outage struct {
	*Env
	addr string

	mu  sync.Mutex
	srv *http.Server
}

// NewOutageEnv starts an emulator like NewEnv whose server Outage.Stop can take down.
func NewOutageEnv(t testing.TB) *Outage {
	t.Helper()
	emu, err := emulator.New(testOptions)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	o := &Outage{Env: &Env{Emulator: emu, URL: "http://" + ln.Addr().String()}, addr: ln.Addr().String()}
	o.serve(ln)
	t.Cleanup(func() {
		o.mu.Lock()
		srv := o.srv
		o.mu.Unlock()
		if srv != nil {
			_ = srv.Close()
		}
		_ = emu.Close()
	})
	return o
}

func (o *Outage) serve(ln net.Listener) {
	srv := &http.Server{Handler: o.Emulator, ReadHeaderTimeout: 10 * time.Second}
	o.mu.Lock()
	o.srv = srv
	o.mu.Unlock()
	go func() { _ = srv.Serve(ln) }()
}

// Stop closes the listener and every open connection now and serves again, on the same address, after d.
// It returns at once; the returned channel is closed when the emulator is back.
func (o *Outage) Stop(t testing.TB, d time.Duration) <-chan struct{} {
	o.mu.Lock()
	srv := o.srv
	o.srv = nil
	o.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
	back := make(chan struct{})
	go func() {
		defer close(back)
		time.Sleep(d)
		ln, err := net.Listen("tcp", o.addr)
		if err != nil {
			t.Errorf("the emulator could not listen on %s again: %v", o.addr, err)
			return
		}
		o.serve(ln)
	}()
	return back
}

// OAuthURL is the emulator's OAuth base URL.
func (e *Env) OAuthURL() string { return e.URL + "/oauth/v2" }

// ParentProviderConfig is a provider block authenticated as the partner's parent application.
func (e *Env) ParentProviderConfig() string {
	return e.providerBlock("", emulator.ParentClientID, emulator.ParentClientSecret)
}

// ChildProviderConfig is a provider block authenticated as the seeded customer's child application.
func (e *Env) ChildProviderConfig() string {
	return e.providerBlock("", emulator.ChildClientID, emulator.ChildClientSecret)
}

// ProviderConfig is a provider block (alias may be empty) with the given client credentials.
func (e *Env) ProviderConfig(alias, clientID, clientSecret string) string {
	return e.providerBlock(alias, clientID, clientSecret)
}

func (e *Env) providerBlock(alias, clientID, clientSecret string) string {
	a := ""
	if alias != "" {
		a = fmt.Sprintf("  alias = %q\n", alias)
	}
	return fmt.Sprintf(`
provider "linkedin" {
%s  api_url       = %q
  oauth_url     = %q
  client_id     = %q
  client_secret = %q
}
`, a, e.URL, e.OAuthURL(), clientID, clientSecret)
}
