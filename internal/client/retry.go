package client

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// retryableStatus reports whether a status means "try again later": throttling and transient server or
// gateway failures. Any other status is LinkedIn's answer and retrying would not change it.
func retryableStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// notAppliedStatus reports whether a status proves that the request had no effect, so that even a
// non-idempotent request can be sent again: LinkedIn throttles before doing anything.
func notAppliedStatus(status int) bool { return status == http.StatusTooManyRequests }

// mayRetry reports whether retry number attempt+1 may be made: until the caller's deadline when its context
// has one (the resource's timeout), else at most MaxRetries times; never when retries are disabled.
func (c *Client) mayRetry(ctx context.Context, attempt int) bool {
	if c.cfg.MaxRetries < 0 {
		return false
	}
	if _, ok := ctx.Deadline(); ok {
		return ctx.Err() == nil
	}
	return attempt < c.cfg.MaxRetries
}

// logRetry tells the log, at WARN, that a call failed and will be retried: during an outage this is
// what a user watching TF_LOG=WARN sees instead of silence.
func logRetry(ctx context.Context, what string, attempt int, wait time.Duration, err error) {
	tflog.Warn(ctx, "LinkedIn call failed; retrying", map[string]any{
		"call": what, "attempt": attempt + 1, "retry_in_ms": wait.Milliseconds(), "error": err.Error(),
	})
}

// backoff returns the wait before retry number attempt+1: exponential with full jitter (a uniformly random
// wait in [0, min(max, min·2^attempt)]), so that many clients throttled together do not come back together.
// A Retry-After header takes precedence: LinkedIn (or a proxy) knows better than the client.
func (c *Client) backoff(attempt int, h http.Header) time.Duration {
	if d, ok := parseRetryAfter(h, time.Now()); ok {
		return d
	}
	ceil := c.cfg.RetryWaitMin
	for i := 0; i < attempt && ceil < c.cfg.RetryWaitMax; i++ {
		ceil *= 2
	}
	if ceil > c.cfg.RetryWaitMax {
		ceil = c.cfg.RetryWaitMax
	}
	return rand.N(ceil + 1)
}

// parseRetryAfter reads Retry-After as seconds or as an HTTP date.
func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// fitsDeadline reports whether waiting d still leaves ctx alive: waiting past the deadline would only turn
// a meaningful error into "context deadline exceeded".
func fitsDeadline(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil {
		return false
	}
	dl, ok := ctx.Deadline()
	return !ok || time.Until(dl) > d
}

// isCtxErr reports whether err comes from the caller's context ending.
func isCtxErr(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ctx.Err()))
}
