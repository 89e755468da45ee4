package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// maxResponseBytes caps a response body read into memory; LinkedIn's largest answers (100 job statuses)
// are far below it.
const maxResponseBytes = 32 << 20

// request is one logical API call; do turns it into one or more HTTP attempts.
type request struct {
	method string // HTTP method: GET, POST, PUT, DELETE
	path   string // escaped path below the base URL, e.g. /rest/integrations
	query  string // encoded query string without '?'
	restli string // Rest.li method (get, batch_get, finder, create, batch_create, ...), sent lower case
	body   []byte // JSON body, nil for none
	// idempotent requests are resent after any transient failure. The others are resent only when LinkedIn
	// certainly did not apply them (429, or a connection that failed before the request was written);
	// any other failure is returned as an *AmbiguousError for the caller to reconcile.
	idempotent bool
}

// response is a successful (2xx) answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// AmbiguousError wraps the failure of a non-idempotent call (a create) after which LinkedIn may or may not
// have applied the request: the connection broke after the request was sent, or a gateway answered 5xx.
// The client never resends such a call blindly. Unwrap gives the underlying *Error or transport error.
type AmbiguousError struct{ Err error }

// Error says what happened and that the outcome is unknown.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("the request may or may not have been applied by LinkedIn: %v", e.Err)
}

// Unwrap returns the underlying error.
func (e *AmbiguousError) Unwrap() error { return e.Err }

// do sends r with authentication, retries and tunnelling, and returns a 2xx response or an error: an *Error
// for an error status, an *AmbiguousError, ErrClosed when Client.Close interrupted it, or the transport or
// context error.
func (c *Client) do(ctx context.Context, r *request) (*response, error) {
	if c.isClosed() {
		return nil, ErrClosed
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := context.AfterFunc(c.closing, func() { cancel(ErrClosed) })
	defer stop()
	resp, err := c.attempts(ctx, r)
	if err != nil && errors.Is(context.Cause(ctx), ErrClosed) {
		return nil, ErrClosed
	}
	return resp, err
}

// attempts is do's retry loop.
func (c *Client) attempts(ctx context.Context, r *request) (*response, error) {
	refreshed := false
	for attempt := 0; ; attempt++ {
		token, err := c.tokens.get(ctx)
		if err != nil {
			return nil, err
		}
		resp, wrote, err := c.send(ctx, r, token, attempt+1)
		var retryHeader http.Header
		switch {
		case err != nil:
			if isCtxErr(ctx, err) {
				return nil, err
			}
			if !r.idempotent && wrote {
				return nil, &AmbiguousError{Err: err}
			}
		case resp.status < 400:
			return resp, nil
		default:
			apiErr := parseErrorBody(resp.status, resp.header, resp.body)
			apiErr.Method, apiErr.URL, apiErr.ClientID = r.method, c.logURL(r), c.cfg.ClientID
			err = apiErr
			// An expired token (or any refusal of a client-credentials token, which LinkedIn may have
			// revoked early) is refreshed once; a static token cannot be, so its 401 is final.
			if resp.status == http.StatusUnauthorized && !refreshed && c.tokens.refreshable() {
				refreshed = true
				c.tokens.invalidate(token)
				attempt-- // the refresh retry does not spend the retry budget
				continue
			}
			if !retryableStatus(resp.status) {
				return nil, apiErr
			}
			if !r.idempotent && !notAppliedStatus(resp.status) {
				return nil, &AmbiguousError{Err: apiErr}
			}
			retryHeader = resp.header
		}
		if !c.mayRetry(ctx, attempt) {
			return nil, err
		}
		wait := c.backoff(attempt, retryHeader)
		// A wait past the caller's deadline, or a Retry-After longer than RetryWaitMax (a daily quota
		// resetting at midnight, say), ends the call with LinkedIn's answer rather than holding Terraform
		// for hours; retrying earlier than asked would only be refused again.
		if !fitsDeadline(ctx, wait) || wait > c.cfg.RetryWaitMax {
			return nil, err
		}
		logRetry(ctx, r.method+" "+r.path, attempt, wait, err)
		if c.sleep(ctx, wait) != nil {
			return nil, err
		}
	}
}

// send makes one HTTP attempt. wrote reports whether the request reached the wire in full (so a failure
// after it may have been applied). A non-2xx answer is a response, not an error.
func (c *Client) send(ctx context.Context, r *request, token string, attempt int) (resp *response, wrote bool, err error) {
	method, query, body, contentType, override := c.tunnel(r)
	u := c.base.Scheme + "://" + c.base.Host + c.base.Path + r.path
	if query != "" {
		u += "?" + query
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, false, fmt.Errorf("linkedin client: building %s %s: %w", r.method, r.path, err)
	}
	h := req.Header
	h.Set("Authorization", "Bearer "+token)
	h.Set(restli.HeaderProtocolVersion, restli.ProtocolVersion2)
	h.Set(restli.HeaderMethod, strings.ToLower(r.restli))
	h.Set("User-Agent", c.cfg.UserAgent)
	h.Set("Accept", "application/json")
	if strings.HasPrefix(r.path, "/rest/") {
		h.Set("LinkedIn-Version", c.cfg.APIVersion)
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	if override != "" {
		h.Set(restli.HeaderMethodOverride, override)
	}

	var wroteFlag atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(info httptrace.WroteRequestInfo) {
		if info.Err == nil {
			wroteFlag.Store(true)
		}
	}}
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), trace))

	start := time.Now()
	hr, err := c.http.Do(req)
	lg := callLog{method: r.method, path: r.path, query: r.query, restli: r.restli, attempt: attempt,
		tunnelled: override != "", reqHeader: req.Header, reqBody: body, secrets: c.secrets()}
	if err != nil {
		lg.err, lg.duration = err, time.Since(start)
		logCall(ctx, lg)
		return nil, wroteFlag.Load(), err
	}
	defer hr.Body.Close()
	data, err := io.ReadAll(io.LimitReader(hr.Body, maxResponseBytes))
	lg.status, lg.duration, lg.respHeader, lg.respBody, lg.err = hr.StatusCode, time.Since(start), hr.Header, data, err
	logCall(ctx, lg)
	if err != nil {
		// The status line arrived, so the request was certainly sent: a body lost midway is ambiguous.
		return nil, true, fmt.Errorf("linkedin client: reading the response of %s %s: %w", r.method, r.path, err)
	}
	return &response{status: hr.StatusCode, header: hr.Header, body: data}, true, nil
}

// logURL is the call's URL for error messages.
func (c *Client) logURL(r *request) string {
	u := c.base.Scheme + "://" + c.base.Host + c.base.Path + r.path
	if r.query != "" {
		u += "?" + r.query
	}
	return u
}

// secrets are the literal values that must never reach a log line.
func (c *Client) secrets() []string {
	s := []string{c.cfg.ClientSecret, c.cfg.AccessToken}
	c.tokens.mu.Lock()
	s = append(s, c.tokens.token)
	c.tokens.mu.Unlock()
	return s
}

// decodeJSON unmarshals a response body, naming the call in the error.
func decodeJSON(r *request, body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("linkedin client: decoding the response of %s %s: %w", r.method, r.path, err)
	}
	return nil
}

// mustJSON encodes a request body. The client only encodes its own types, which cannot fail.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("linkedin client: encoding a request body: %v", err))
	}
	return b
}

// isAmbiguous reports whether err leaves the outcome of a non-idempotent call unknown.
func isAmbiguous(err error) bool {
	var a *AmbiguousError
	return errors.As(err, &a)
}
