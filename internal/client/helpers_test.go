package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// seen is one request as the fake server received it.
type seen struct {
	Method   string
	Path     string // escaped path
	RawQuery string
	Header   http.Header
	Body     []byte
}

// fakeAPI is an httptest server whose API handler each test writes; it records every API request and
// serves the OAuth token endpoint (counting grants) unless the test overrides it.
type fakeAPI struct {
	t   *testing.T
	srv *httptest.Server

	mu        sync.Mutex
	reqs      []seen
	tokens    int
	tokenLife int // expires_in of issued tokens
	api       http.HandlerFunc
	oauth     http.HandlerFunc
}

func newFake(t *testing.T, api http.HandlerFunc) *fakeAPI {
	t.Helper()
	f := &fakeAPI{t: t, api: api, tokenLife: 1800}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	if r.URL.Path == "/oauth/v2/accessToken" {
		f.mu.Lock()
		f.tokens++
		n, life, h := f.tokens, f.tokenLife, f.oauth
		f.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		_ = r.ParseForm()
		if r.PostForm.Get("client_secret") != "s3cr3t-value" || r.PostForm.Get("grant_type") != "client_credentials" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"error":"invalid_client","error_description":"Client authentication failed"}`)
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": "tok-" + string(rune('0'+n)), "expires_in": life})
		return
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, seen{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body})
	h := f.api
	f.mu.Unlock()
	h(w, r)
}

func (f *fakeAPI) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

func (f *fakeAPI) tokenCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokens
}

// client returns a Client on the fake with fast retries and sleeps recorded instead of slept.
func (f *fakeAPI) client(mod func(*Config)) (*Client, *sleeps) {
	f.t.Helper()
	cfg := Config{BaseURL: f.srv.URL, OAuthURL: f.srv.URL + "/oauth/v2", AccessToken: "static-token",
		RetryWaitMin: time.Millisecond, RetryWaitMax: 4 * time.Millisecond, MaxRetries: 3}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		f.t.Fatalf("New: %v", err)
	}
	f.t.Cleanup(c.Close)
	sl := &sleeps{}
	c.sleep = sl.sleep
	return c, sl
}

// sleeps records the waits a client asked for, so backoff is checked without timing anything.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ids reads the batch ids of a request, whether tunnelled or not.
func requestIDs(t *testing.T, r *http.Request) []restli.Key {
	t.Helper()
	q := r.URL.RawQuery
	if r.Header.Get("X-HTTP-Method-Override") != "" {
		q = tunnelledQuery(t, r)
	}
	keys, err := restli.ParseIDs(q)
	if err != nil {
		t.Errorf("ParseIDs(%q): %v", q, err)
	}
	return keys
}

// tunnelledQuery extracts the query from a tunnelled request's body.
func tunnelledQuery(t *testing.T, r *http.Request) string {
	t.Helper()
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		return string(body)
	}
	q, _ := splitMultipart(t, ct, body)
	return q
}

// hijackClose closes the connection without answering: a lost response.
func hijackClose(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("no hijacker")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

var testIK = IntegrationKey{IntegrationContext: "urn:li:organization:1000", IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}

func cfgKey(name string) ConfigurationKey {
	return ConfigurationKey{IntegrationKey: testIK, ConfigurationName: name}
}

// seenIDs reads the batch ids of a recorded request, tunnelled or not.
func seenIDs(t *testing.T, s seen) []restli.Key {
	t.Helper()
	r := &http.Request{URL: &url.URL{RawQuery: s.RawQuery}, Header: s.Header, Body: io.NopCloser(strings.NewReader(string(s.Body)))}
	return requestIDs(t, r)
}
