package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"
)

func okConfigResponse(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, 200, map[string]any{"results": map[string]any{}, "errors": map[string]any{}})
}

func TestNewValidatesConfig(t *testing.T) {
	cases := []Config{
		{},
		{AccessToken: "t", ClientID: "id", ClientSecret: "s"},
		{ClientID: "id"},
		{AccessToken: "t", BaseURL: "not a url"},
		{AccessToken: "t", APIFamily: "v3"},
		{AccessToken: "t", OAuthURL: "/relative"},
	}
	for i, cfg := range cases {
		if _, err := New(cfg); err == nil {
			t.Errorf("case %d: New(%+v) succeeded, want an error", i, cfg)
		}
	}
	c, err := New(Config{AccessToken: "t"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.cfg.APIVersion != DefaultAPIVersion || c.cfg.MaxRetries != DefaultMaxRetries || c.cfg.BatchWindow != DefaultBatchWindow ||
		c.cfg.APIFamily != APIFamilyRest || c.cfg.BaseURL != DefaultBaseURL || c.cfg.HTTPClient == nil {
		t.Errorf("defaults not applied: %+v", c.cfg)
	}
	c2, _ := New(Config{AccessToken: "t", MaxRetries: -1})
	defer c2.Close()
	dl, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if c2.mayRetry(context.Background(), 0) || c2.mayRetry(dl, 0) {
		t.Error("MaxRetries -1 still retries")
	}
	if !c.mayRetry(dl, 100) || c.mayRetry(context.Background(), DefaultMaxRetries) || !c.mayRetry(context.Background(), DefaultMaxRetries-1) {
		t.Error("a call with a deadline retries until it; one without, MaxRetries times")
	}
}

func TestHeaders(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Query().Get("q") != "" {
			writeJSON(w, 200, map[string]any{"elements": []any{map[string]any{"key": "urn:li:developerApplication:1", "uniqueForeignId": "u1"}}})
			return
		}
		okConfigResponse(w, r)
	})
	c, _ := f.client(func(cfg *Config) { cfg.UserAgent = "terraform-provider-linkedin/1.2.3"; cfg.APIVersion = "202604" })
	ctx := context.Background()
	if _, err := c.Configurations.BatchUpsert(ctx, []IntegrationConfiguration{{Key: cfgKey("CALLBACK_URL"), Value: "https://x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Applications.GetByUniqueForeignID(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests", len(reqs))
	}
	rest, v2 := reqs[0], reqs[1]
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer static-token" {
			t.Errorf("%s: Authorization %q", r.Path, got)
		}
		if got := r.Header.Get("X-Restli-Protocol-Version"); got != "2.0.0" {
			t.Errorf("%s: protocol version %q", r.Path, got)
		}
		if got := r.Header.Get("User-Agent"); got != "terraform-provider-linkedin/1.2.3" {
			t.Errorf("%s: User-Agent %q", r.Path, got)
		}
	}
	if got := rest.Header.Get("LinkedIn-Version"); got != "202604" {
		t.Errorf("/rest LinkedIn-Version %q", got)
	}
	if got := rest.Header.Get("X-RestLi-Method"); got != "batch_update" {
		t.Errorf("X-RestLi-Method %q", got)
	}
	if got := rest.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type %q", got)
	}
	if got := v2.Header.Get("LinkedIn-Version"); got != "" {
		t.Errorf("/v2 call sent LinkedIn-Version %q", got)
	}
	if got := v2.Header.Get("X-RestLi-Method"); got != "finder" {
		t.Errorf("finder X-RestLi-Method %q", got)
	}
}

func credsClient(f *fakeAPI, mod func(*Config)) (*Client, *sleeps) {
	return f.client(func(cfg *Config) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = "", "client-id", "s3cr3t-value"
		if mod != nil {
			mod(cfg)
		}
	})
}

func TestTokenFetchedOnceForConcurrentCallers(t *testing.T) {
	f := newFake(t, okConfigResponse)
	c, _ := credsClient(f, func(cfg *Config) { cfg.DisableCoalescing = true })
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("JOB_POSTING_VIEWERS")})
		}()
	}
	wg.Wait()
	if n := f.tokenCount(); n != 1 {
		t.Errorf("%d token grants for 40 concurrent callers, want 1", n)
	}
	for _, r := range f.requests() {
		if r.Header.Get("Authorization") != "Bearer tok-1" {
			t.Fatalf("Authorization %q", r.Header.Get("Authorization"))
		}
	}
}

func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	f := newFake(t, okConfigResponse)
	c, _ := credsClient(f, nil)
	now := time.Now()
	c.tokens.now = func() time.Time { return now }
	ctx := context.Background()
	call := func() { _, _ = c.Configurations.BatchDelete(ctx, []ConfigurationKey{cfgKey("X")}) }
	call()
	now = now.Add(1800*time.Second - refreshMargin - time.Second) // still fresh
	call()
	if n := f.tokenCount(); n != 1 {
		t.Fatalf("%d grants before the refresh margin, want 1", n)
	}
	now = now.Add(2 * time.Second) // inside the 30 s margin
	call()
	if n := f.tokenCount(); n != 2 {
		t.Fatalf("%d grants after the refresh margin, want 2", n)
	}
	reqs := f.requests()
	if got := reqs[len(reqs)-1].Header.Get("Authorization"); got != "Bearer tok-2" {
		t.Errorf("after refresh Authorization %q", got)
	}
}

func TestExpiredTokenRefreshedOnceAndRetried(t *testing.T) {
	var mu sync.Mutex
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			writeJSON(w, 401, map[string]any{"status": 401, "serviceErrorCode": 65602, "message": "The token used in the request has expired"})
			return
		}
		okConfigResponse(w, r)
	})
	c, sl := credsClient(f, func(cfg *Config) { cfg.DisableCoalescing = true })
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := f.tokenCount(); n != 2 {
		t.Errorf("%d grants, want 2 (one initial, one refresh shared by all callers)", n)
	}
	if len(sl.all()) != 0 {
		t.Errorf("a token refresh must not back off: %v", sl.all())
	}
}

func TestUnauthorizedAfterRefreshIsFinal(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, map[string]any{"status": 401, "serviceErrorCode": 65600, "message": "Invalid access token"})
	})
	c, _ := credsClient(f, nil)
	_, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
	if !IsUnauthorized(err) || StatusCode(err) != 401 {
		t.Fatalf("err = %v, want a 401 *Error", err)
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("%d API calls, want 2 (one refresh, one retry)", n)
	}
	// A static token cannot be refreshed: its 401 is final at once.
	f2 := newFake(t, f.api)
	c2, _ := f2.client(nil)
	_, err = c2.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
	if StatusCode(err) != 401 || len(f2.requests()) != 1 {
		t.Errorf("static token: err %v after %d calls, want 401 after 1", err, len(f2.requests()))
	}
}

func TestFetchToken(t *testing.T) {
	f := newFake(t, okConfigResponse)
	tok, err := FetchToken(context.Background(), nil, f.srv.URL+"/oauth/v2", "client-id", "s3cr3t-value")
	if err != nil || tok.AccessToken != "tok-1" || tok.ExpiresIn != 1800 {
		t.Fatalf("FetchToken = %+v, %v", tok, err)
	}
	_, err = FetchToken(context.Background(), nil, f.srv.URL+"/oauth/v2", "client-id", "wrong")
	var e *Error
	if !errors.As(err, &e) || e.HTTPStatus != 401 || e.Code != "invalid_client" || e.Message != "Client authentication failed" {
		t.Fatalf("bad credentials: %#v", err)
	}
	// A client with bad credentials reports the grant's error, not a generic one.
	c, _ := credsClient(f, func(cfg *Config) { cfg.ClientSecret = "wrong" })
	_, err = c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
	if !errors.As(err, &e) || e.Code != "invalid_client" {
		t.Fatalf("client with bad credentials: %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d API calls without a token", n)
	}
}

func TestTokenServerErrorsRetried(t *testing.T) {
	f := newFake(t, okConfigResponse)
	var mu sync.Mutex
	fails := 2
	f.oauth = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if fails > 0 {
			fails--
			w.WriteHeader(503)
			return
		}
		_, _ = io.WriteString(w, `{"access_token":"good","expires_in":1800}`)
	}
	c, _ := credsClient(f, nil)
	if _, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")}); err != nil {
		t.Fatal(err)
	}
	if n := f.tokenCount(); n != 3 {
		t.Errorf("%d grant attempts, want 3", n)
	}
}
