package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// testEnv is one emulator served over real HTTP.
type testEnv struct {
	t   *testing.T
	emu *Emulator
	srv *httptest.Server
	url string
}

func newTestEnv(t *testing.T, opts Options) *testEnv {
	t.Helper()
	if opts.TaskDelay == 0 {
		opts.TaskDelay = 20 * time.Millisecond
	}
	if opts.WebhookTimeout == 0 {
		// The 3 s LinkedIn gives a challenge is wall-clock time: on a loaded machine a local receiver can miss it, and a test
		// would fail for the machine's speed. TestWebhookChallengeDeadline tests the deadline itself.
		opts.WebhookTimeout = time.Minute
	}
	emu, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		if err := emu.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &testEnv{t: t, emu: emu, srv: srv, url: srv.URL}
}

func (v *testEnv) token(clientID, secret string) string {
	v.t.Helper()
	resp, err := http.PostForm(v.url+"/oauth/v2/accessToken", url.Values{
		"grant_type": {"client_credentials"}, "client_id": {clientID}, "client_secret": {secret}})
	if err != nil {
		v.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		v.t.Fatalf("token: %d %s", resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		v.t.Fatalf("token: %v", err)
	}
	return tok.AccessToken
}

func (v *testEnv) child() string  { return v.token(ChildClientID, ChildClientSecret) }
func (v *testEnv) parent() string { return v.token(ParentClientID, ParentClientSecret) }

// result is an HTTP answer with its JSON body decoded.
type result struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

// do sends a request; path is appended verbatim to the base URL (so the caller controls escaping).
// Headers are "Name: value" strings; tok is sent as the bearer token. A request using protocol 2.0 syntax
// (List(...) in the URL or a tunnelled query) carries X-Restli-Protocol-Version: 2.0.0 unless a header says
// otherwise.
func (v *testEnv) do(method, path, tok, body string, headers ...string) result {
	v.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, v.url+path, rd)
	if err != nil {
		v.t.Fatal(err)
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if strings.Contains(path, "List(") || strings.Contains(body, "ids=List(") {
		// Protocol 2.0 syntax needs the 2.0 header, as LinkedIn's clients send it; a header given below wins.
		req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
	}
	for _, h := range headers {
		n, val, _ := strings.Cut(h, ":")
		req.Header.Set(strings.TrimSpace(n), strings.TrimSpace(val))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		v.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := result{status: resp.StatusCode, header: resp.Header, raw: string(b)}
	if len(b) > 0 {
		_ = json.Unmarshal(b, &r.body)
	}
	return r
}

const v2026 = "LinkedIn-Version: 202603"

// m walks a decoded JSON body: m(body, "results", key, "status").
func m(v any, path ...string) any {
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	return v
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// eventually polls cond (no timed assertion: it fails only after a generous deadline).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
