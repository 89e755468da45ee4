package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// refreshMargin is how long before expiry a cached token is replaced, so that a token never expires
// between the check and LinkedIn reading it.
const refreshMargin = 30 * time.Second

// tokenFetchTimeout bounds one refresh. A refresh runs detached from the caller that started it (others
// wait on it too), so it needs its own bound.
const tokenFetchTimeout = 30 * time.Second

// defaultTokenLifetime is LinkedIn's documented token lifetime, assumed when a grant omits expires_in.
const defaultTokenLifetime = 30 * time.Minute

// FetchToken runs the client-credentials grant against oauthURL (DefaultOAuthURL when empty) with httpClient
// (http.DefaultClient when nil). Used by the client itself and by the linkedin_access_token ephemeral resource.
// Every failure is an *AuthError naming the endpoint and the client id.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow
func FetchToken(ctx context.Context, httpClient *http.Client, oauthURL, clientID, clientSecret string) (*Token, error) {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	if oauthURL == "" {
		oauthURL = DefaultOAuthURL
	}
	endpoint := strings.TrimRight(oauthURL, "/") + "/accessToken"
	tok, err := fetchToken(ctx, httpClient, endpoint, clientID, clientSecret)
	if err != nil {
		return nil, &AuthError{OAuthURL: endpoint, ClientID: clientID, Err: err}
	}
	return tok, nil
}

func fetchToken(ctx context.Context, httpClient *http.Client, endpoint, clientID, clientSecret string) (*Token, error) {
	if clientID == "" || clientSecret == "" {
		return nil, errors.New("linkedin client: client_id and client_secret are required for the client-credentials grant")
	}
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {clientID},
		"client_secret": {clientSecret},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form))
	if err != nil {
		return nil, fmt.Errorf("linkedin client: token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	start := time.Now()
	resp, err := httpClient.Do(req)
	if err != nil {
		logCall(ctx, callLog{method: http.MethodPost, path: endpoint, err: err, duration: time.Since(start), attempt: 1, secrets: []string{clientSecret}})
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	logCall(ctx, callLog{method: http.MethodPost, path: endpoint, status: resp.StatusCode, duration: time.Since(start), attempt: 1,
		reqHeader: req.Header, reqBody: []byte(form), respHeader: resp.Header, respBody: body, secrets: []string{clientSecret}})
	if err != nil {
		return nil, fmt.Errorf("linkedin client: reading token response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		e := parseErrorBody(resp.StatusCode, resp.Header, body)
		e.Method, e.URL, e.ClientID = http.MethodPost, endpoint, clientID
		// LinkedIn's OAuth service answers OAuth errors ({"error":"invalid_client",...}). Anything else (an
		// API error record, an HTML page) means oauth_url names some other service.
		var oauth struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(body, &oauth) != nil || oauth.Error == "" {
			e.NotLinkedIn = true
		}
		return nil, e
	}
	var tok Token
	if err := json.Unmarshal(body, &tok); err != nil || tok.AccessToken == "" {
		return nil, &Error{HTTPStatus: resp.StatusCode, Method: http.MethodPost, URL: endpoint, ClientID: clientID, NotLinkedIn: true,
			Message: "the answer holds no access_token", RequestID: requestID(resp.Header)}
	}
	return &tok, nil
}

// tokenSource hands out the bearer token: the static one, or a cached client-credentials token refreshed
// shortly before it expires. Concurrent callers that find the cache stale share one refresh (singleflight).
type tokenSource struct {
	c      *Client
	static string

	mu      sync.Mutex
	token   string
	refresh time.Time // when the cached token must be replaced
	expires time.Time // when it expires, as LinkedIn said
	group   singleflight.Group
	now     func() time.Time
}

func newTokenSource(c *Client) *tokenSource {
	return &tokenSource{c: c, static: c.cfg.AccessToken, now: time.Now}
}

// refreshable reports whether a refused token can be replaced (client credentials, not a static token).
func (t *tokenSource) refreshable() bool { return t.static == "" }

// get returns a valid token, fetching one if the cache is empty or about to expire.
func (t *tokenSource) get(ctx context.Context) (string, error) {
	if t.static != "" {
		return t.static, nil
	}
	t.mu.Lock()
	tok, fresh := t.token, t.token != "" && t.now().Before(t.refresh)
	t.mu.Unlock()
	if fresh {
		return tok, nil
	}
	return t.fetch(ctx)
}

// invalidate drops the cached token if it is still bad, so the next get refreshes. A token refreshed by
// another caller in the meantime is kept: many callers refused with the same old token cause one refresh.
func (t *tokenSource) invalidate(bad string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.token == bad {
		t.token = ""
	}
}

// fetch runs one refresh for all concurrent callers. The refresh is detached from the caller's
// cancellation (another caller's cancellation must not fail everyone) but keeps its values (the logger).
func (t *tokenSource) fetch(ctx context.Context) (string, error) {
	ch := t.group.DoChan("token", func() (any, error) {
		// A caller that arrives just after a refresh finished must not start another one.
		t.mu.Lock()
		if t.token != "" && t.now().Before(t.refresh) {
			tok := t.token
			t.mu.Unlock()
			return tok, nil
		}
		t.mu.Unlock()
		// The caller's deadline (the resource's timeout) bounds the retries of a refresh, so that a token
		// endpoint down for minutes is waited out like any other call.
		limit := tokenFetchTimeout
		if dl, ok := ctx.Deadline(); ok {
			limit = time.Until(dl)
		}
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), limit)
		defer cancel()
		stop := context.AfterFunc(t.c.closing, cancel) // Close ends a refresh nobody will use
		defer stop()
		tok, err := t.fetchWithRetry(fctx)
		if err != nil {
			return "", err
		}
		life := time.Duration(tok.ExpiresIn) * time.Second
		if life <= 0 {
			life = defaultTokenLifetime // no expires_in: LinkedIn's documented lifetime, not "expired at once"
		}
		margin := refreshMargin
		if life <= 2*refreshMargin {
			margin = life / 2 // a short-lived token (tests, odd servers) is still used for half its life
		}
		t.mu.Lock()
		t.token = tok.AccessToken
		t.refresh = t.now().Add(life - margin)
		t.expires = t.now().Add(life)
		t.mu.Unlock()
		return tok.AccessToken, nil
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return "", r.Err
		}
		tok, _ := r.Val.(string) // the refresh returns a string or an error
		return tok, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// fetchWithRetry retries the token call on throttling, server errors and connection errors, like API calls:
// the grant is idempotent.
func (t *tokenSource) fetchWithRetry(ctx context.Context) (*Token, error) {
	c := t.c
	for attempt := 0; ; attempt++ {
		tok, err := FetchToken(ctx, c.http, c.cfg.OAuthURL, c.cfg.ClientID, c.cfg.ClientSecret)
		if err == nil {
			return tok, nil
		}
		var e *Error
		retry := false
		if errors.As(err, &e) {
			retry = retryableStatus(e.HTTPStatus)
		} else {
			retry = ctx.Err() == nil
		}
		if !retry || !c.mayRetry(ctx, attempt) {
			return nil, err
		}
		wait := c.backoff(attempt, nil)
		if !fitsDeadline(ctx, wait) {
			return nil, err
		}
		logRetry(ctx, "POST "+c.cfg.OAuthURL+"/accessToken", attempt, wait, err)
		if serr := c.sleep(ctx, wait); serr != nil {
			return nil, err
		}
	}
}

// Token returns the client's access token and when it expires (zero for a static token), fetching one if
// the cache holds none: with the retries of any call, so a token endpoint briefly down is waited out until
// ctx's deadline. The linkedin_access_token ephemeral resource uses it.
func (c *Client) Token(ctx context.Context) (string, time.Time, error) {
	tok, err := c.tokens.get(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	c.tokens.mu.Lock()
	defer c.tokens.mu.Unlock()
	if c.tokens.static != "" {
		return tok, time.Time{}, nil
	}
	return tok, c.tokens.expires, nil
}
