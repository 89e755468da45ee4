package client

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// flaky answers the given statuses in turn, then success.
func flaky(statuses []int, header http.Header) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			for k, v := range header {
				w.Header()[k] = v
			}
			if statuses[i] == -1 {
				hijackClose(w)
				return
			}
			writeJSON(w, statuses[i], map[string]any{"status": statuses[i], "message": "transient"})
			return
		}
		okConfigResponse(w, r)
	}
}

func TestRetriesTransientStatusesWithJitteredBackoff(t *testing.T) {
	for _, status := range []int{429, 500, 502, 503, 504, -1} {
		f := newFake(t, flaky([]int{status, status, status}, nil))
		c, sl := f.client(nil)
		if _, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")}); err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		if n := len(f.requests()); n != 4 {
			t.Errorf("status %d: %d calls, want 4", status, n)
		}
		waits := sl.all()
		if len(waits) != 3 {
			t.Fatalf("status %d: waits %v", status, waits)
		}
		for i, d := range waits {
			ceil := time.Millisecond << i // full jitter: uniform in [0, min·2^i], capped at max
			if ceil > 4*time.Millisecond {
				ceil = 4 * time.Millisecond
			}
			if d < 0 || d > ceil {
				t.Errorf("status %d: wait %d = %v, want within [0, %v]", status, i, d, ceil)
			}
		}
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	f := newFake(t, flaky([]int{429, 503}, http.Header{"Retry-After": {"7"}}))
	c, sl := f.client(func(cfg *Config) { cfg.RetryWaitMax = 10 * time.Second })
	if _, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")}); err != nil {
		t.Fatal(err)
	}
	waits := sl.all()
	if len(waits) != 2 || waits[0] != 7*time.Second || waits[1] != 7*time.Second {
		t.Errorf("waits %v, want [7s 7s]", waits)
	}
	date := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	if d, ok := parseRetryAfter(http.Header{"Retry-After": {date}}, time.Now()); !ok || d < 80*time.Second || d > 90*time.Second {
		t.Errorf("HTTP-date Retry-After gave %v %v", d, ok)
	}
	if _, ok := parseRetryAfter(http.Header{"Retry-After": {"soon"}}, time.Now()); ok {
		t.Error("garbage Retry-After accepted")
	}
}

func TestRetryBoundedByMaxRetriesAndDeadline(t *testing.T) {
	f := newFake(t, flaky([]int{503, 503, 503, 503, 503, 503}, nil))
	c, _ := f.client(func(cfg *Config) { cfg.MaxRetries = 2 })
	_, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
	if StatusCode(err) != 503 {
		t.Fatalf("err %v, want the last 503", err)
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("%d calls with MaxRetries 2, want 3", n)
	}

	// A Retry-After beyond the caller's deadline ends the call at once with the API's error.
	f2 := newFake(t, flaky([]int{429}, http.Header{"Retry-After": {"3600"}}))
	c2, sl := f2.client(nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = c2.Configurations.BatchDelete(ctx, []ConfigurationKey{cfgKey("X")})
	if !IsThrottled(err) || len(sl.all()) != 0 || len(f2.requests()) != 1 {
		t.Errorf("err %v after %d calls and waits %v; want a 429 at once", err, len(f2.requests()), sl.all())
	}

	// A Retry-After longer than RetryWaitMax ends the call at once too, deadline or not.
	f4 := newFake(t, flaky([]int{429}, http.Header{"Retry-After": {"3600"}}))
	c4, sl4 := f4.client(func(cfg *Config) { cfg.RetryWaitMax = time.Minute })
	_, err = c4.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
	if !IsThrottled(err) || len(sl4.all()) != 0 || len(f4.requests()) != 1 {
		t.Errorf("Retry-After beyond RetryWaitMax: err %v after %d calls and waits %v; want a 429 at once", err, len(f4.requests()), sl4.all())
	}

	// Negative MaxRetries disables retries.
	f3 := newFake(t, flaky([]int{503}, nil))
	c3, _ := f3.client(func(cfg *Config) { cfg.MaxRetries = -1 })
	if _, err := c3.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")}); StatusCode(err) != 503 || len(f3.requests()) != 1 {
		t.Errorf("MaxRetries -1: %v after %d calls", err, len(f3.requests()))
	}
}

func TestRetryStopsWhenContextEnds(t *testing.T) {
	f := newFake(t, flaky([]int{503, 503, 503}, nil))
	c, _ := f.client(nil)
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled }
	_, err := c.Configurations.BatchDelete(ctx, []ConfigurationKey{cfgKey("X")})
	if err == nil || len(f.requests()) != 1 {
		t.Errorf("err %v after %d calls; want the first error and no second call", err, len(f.requests()))
	}
}

func TestNonRetryableStatusesAreFinal(t *testing.T) {
	for _, status := range []int{400, 403, 404, 409, 422, 426} {
		f := newFake(t, flaky([]int{status}, nil))
		c, _ := f.client(nil)
		_, err := c.Configurations.BatchDelete(context.Background(), []ConfigurationKey{cfgKey("X")})
		if StatusCode(err) != status || len(f.requests()) != 1 {
			t.Errorf("status %d: err %v after %d calls", status, err, len(f.requests()))
		}
	}
}

func TestCreateNotResentBlindly(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504, -1} {
		f := newFake(t, flaky([]int{status}, nil))
		c, _ := f.client(nil)
		_, err := c.Applications.Create(context.Background(), ProvisionedApplicationInput{UniqueForeignID: "u", Name: "n", Description: "d"})
		var amb *AmbiguousError
		if !errors.As(err, &amb) || len(f.requests()) != 1 {
			t.Errorf("status %d: err %v after %d calls; want an *AmbiguousError after 1", status, err, len(f.requests()))
		}
	}
	// 429 proves nothing was applied: a create is resent.
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 201, map[string]any{"key": "urn:li:developerApplication:9", "credentials": map[string]any{"client_id": "cid", "client_secret": "csec"}})
	})
	f.api = wrapFirst(f.api, 429)
	c, _ := f.client(nil)
	app, err := c.Applications.Create(context.Background(), ProvisionedApplicationInput{UniqueForeignID: "u", Name: "n", Description: "d"})
	if err != nil || app.Credentials.ClientSecret != "csec" || len(f.requests()) != 2 {
		t.Errorf("after a 429: %+v %v with %d calls", app, err, len(f.requests()))
	}
}

// wrapFirst answers status to the first request, then delegates.
func wrapFirst(h http.HandlerFunc, status int) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			writeJSON(w, status, map[string]any{"status": status, "message": "first"})
			return
		}
		h(w, r)
	}
}
