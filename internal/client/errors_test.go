package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestErrorHelpers(t *testing.T) {
	e := &Error{HTTPStatus: 404, Code: "NOT_FOUND", ServiceErrorCode: 0, Message: "no such thing", RequestID: "abc",
		Method: "GET", URL: "https://api.linkedin.com/rest/integrations?ids=List(x)", Key: "(a:b)"}
	wrapped := fmt.Errorf("reading: %w", e)
	if !IsEntityNotFound(wrapped) || IsConflict(wrapped) || StatusCode(wrapped) != 404 || StatusCode(errors.New("x")) != 0 {
		t.Error("helpers do not see through wrapping")
	}
	want := "LinkedIn API GET /rest/integrations?ids=List(x): 404 Not Found: no such thing (code NOT_FOUND, key (a:b), request id abc)"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q\nwant      %q", got, want)
	}
	for status, f := range map[int]func(error) bool{409: IsConflict, 429: IsThrottled, 401: IsUnauthorized, 403: IsUnauthorized} {
		if !f(&Error{HTTPStatus: status}) {
			t.Errorf("helper for %d", status)
		}
	}
	var amb error = &AmbiguousError{Err: &Error{HTTPStatus: 502}}
	if StatusCode(amb) != 502 || !strings.Contains(amb.Error(), "may or may not") {
		t.Errorf("AmbiguousError: %v", amb)
	}
}

func TestErrorBodies(t *testing.T) {
	h := http.Header{"X-Restli-Request-Id": {"rid"}}
	e := parseErrorBody(426, h, []byte(`{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 209901 is not active"}`))
	if e.HTTPStatus != 426 || e.Code != "NONEXISTENT_VERSION" || e.RequestID != "rid" {
		t.Errorf("%+v", e)
	}
	e = parseErrorBody(422, nil, []byte(`{"status":422,"message":"bad","errorDetailType":"com.linkedin.common.error.BadRequest","errorDetails":{"inputErrors":[{"code":"X"}]}}`))
	if e.ErrorDetailType != "com.linkedin.common.error.BadRequest" || string(e.ErrorDetails) != `{"inputErrors":[{"code":"X"}]}` {
		t.Errorf("error details: %+v", e)
	}
	e = parseErrorBody(502, nil, []byte("<html>bad gateway</html>"))
	if e.HTTPStatus != 502 || e.Message != "<html>bad gateway</html>" {
		t.Errorf("%+v", e)
	}
	e = parseErrorBody(500, nil, nil)
	if e.Message != "Internal Server Error" {
		t.Errorf("%+v", e)
	}
}

// expiringCtx is a context whose deadline the test expires by hand, so that the deadline passes while
// the call is in flight however slow the machine is (a real 50 ms timeout could pass before the request is
// even sent).
type expiringCtx struct {
	context.Context
	done chan struct{}
}

func newExpiringCtx() *expiringCtx {
	return &expiringCtx{Context: context.Background(), done: make(chan struct{})}
}

func (c *expiringCtx) Deadline() (time.Time, bool) { return time.Now().Add(time.Hour), true }
func (c *expiringCtx) Done() <-chan struct{}       { return c.done }
func (c *expiringCtx) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

func TestContextDeadlineDuringCall(t *testing.T) {
	ctx := newExpiringCtx()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		close(ctx.done) // the deadline passes while the server holds the call
		<-r.Context().Done()
	})
	c, _ := f.client(nil)
	_, err := c.Configurations.BatchGet(ctx, []ConfigurationKey{cfgKey("X")})
	if !errors.Is(err, context.DeadlineExceeded) || len(f.requests()) != 1 {
		t.Errorf("err %v after %d calls; want the deadline and no retry", err, len(f.requests()))
	}
}

func TestCoalescedCallCancelledWhenNobodyWaits(t *testing.T) {
	arrived, gone := make(chan struct{}), make(chan struct{})
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done() // the client gave up: the batch call was cancelled
		close(gone)
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := c.Configurations.Get(ctx, cfgKey("X"))
		done <- err
	}()
	flushWhen(t, c.Configurations.get, 1)
	<-arrived
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("caller: %v", err)
	}
	<-gone
}
