// Package emulator is a faithful local LinkedIn Talent Solutions API: OAuth, provisioning, integrations,
// integration configurations, job postings with asynchronous tasks, job posting status and webhooks, plus an
// admin API under /emulator/ to set up and inspect state. It is an http.Handler: tests start it in-process
// with httptest; cmd/linkedin-emulator serves it on a port.
package emulator

import (
	"context"
	"maps"
	"math/rand"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Options configures an Emulator. The zero value is usable.
type Options struct {
	// TokenLifetime of issued access tokens; default 30 minutes.
	TokenLifetime time.Duration
	// TaskDelay is how long a job posting task stays IN_PROGRESS; default 2 s (tests use a few ms).
	TaskDelay time.Duration
	// StateFile, when set, persists state atomically after every change and is loaded at start.
	StateFile string
	// WebhookRevalidateInterval between challenge validations of a registered webhook; default 2 h.
	WebhookRevalidateInterval time.Duration
	// WebhookRetryBase is the first delay before a failed notification (or webhook validation) is retried;
	// it doubles on each failure up to WebhookRetryMax. Default 1 s.
	WebhookRetryBase time.Duration
	// WebhookRetryMax caps the delay between retries; default 5 minutes.
	WebhookRetryMax time.Duration
	// WebhookRetryFor is how long a notification is retried before it is dropped; default 24 h.
	WebhookRetryFor time.Duration
	// WebhookTimeout bounds a challenge (LinkedIn gives the endpoint 3 s to answer,
	// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation) and a notification
	// delivery; default 3 s. Tests on a loaded machine raise it so that a slow receiver is not a failure.
	WebhookTimeout time.Duration
	// DeliveryRetryScale multiplies the waits before an application delivery is re-sent (1 s, 5 s, 30 s,
	// 2 min, 10 min, 1 h); default 1. Tests use a tiny scale such as 0.001.
	DeliveryRetryScale float64
	// ApplicantsPerMinute makes applicants arrive on their own: every 1/rate minutes one applicant, with
	// generated answers, applies to every job whose LinkedIn Apply is ENABLED. Default 0: off.
	ApplicantsPerMinute float64
	// NoQuotas turns off the daily per-application quotas and the per-minute record limits
	// (daily_quotas.go), for benchmarks.
	NoQuotas bool
	// Faults to inject from the start (also settable through POST /emulator/faults).
	Faults Faults
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Faults describes injected misbehaviour. Rates are fractions of API requests in [0,1].
type Faults struct {
	ErrorRate      float64       `json:"errorRate"`      // share answered 500, 503 or 429
	RetryAfter     bool          `json:"retryAfter"`     // 429/503 carry Retry-After: 1
	DropRate       float64       `json:"dropRate"`       // share whose connection is closed without an answer
	DropAfterApply bool          `json:"dropAfterApply"` // drops happen after the request took effect (lost responses)
	Latency        time.Duration `json:"latency"`        // added to every API request
	Seed           int64         `json:"seed"`           // random seed for reproducible faults
}

// Emulator is the local LinkedIn. Safe for concurrent use.
type Emulator struct {
	opts Options
	mux  *http.ServeMux
	// apiRoutes are the resources served (route_table.go); per emulator so that a test can add one.
	apiRoutes []*route

	// mu guards st, counts and the persistence of st.
	mu     sync.Mutex
	st     *state
	counts map[countKey]int
	// quotas are the daily limits by group: dailyQuotas, copied so that a test can lower one for its own
	// emulator without touching the others.
	quotas map[string]int
	// recordLimits are the per-minute limits in records by group (recordsPerMinute), per emulator likewise.
	recordLimits map[string]int
	// syncDone is when the last Recruiter System Connect call of an application on a resource finished,
	// by skey(app, group): a call that arrived before it was sent in parallel (sync_audit.go).
	syncDone map[string]time.Time
	// auditChanges counts changes of st.Audit, so that a call that only added to the audit is persisted.
	auditChanges int
	// nextApplicants is when generated applicants arrive next (ApplicantsPerMinute); zero until the first.
	nextApplicants time.Time

	faultMu sync.Mutex
	faults  Faults
	rng     *rand.Rand

	ctx    context.Context
	cancel context.CancelFunc
	wake   chan struct{}
	wg     sync.WaitGroup
	hc     *http.Client

	closeOnce sync.Once
	closeErr  error
}

// New returns an emulator holding the default seed (or the state file's contents).
func New(opts Options) (*Emulator, error) {
	if opts.TokenLifetime <= 0 {
		opts.TokenLifetime = 30 * time.Minute
	}
	if opts.TaskDelay <= 0 {
		opts.TaskDelay = 2 * time.Second
	}
	if opts.WebhookRevalidateInterval <= 0 {
		opts.WebhookRevalidateInterval = 2 * time.Hour
	}
	if opts.WebhookRetryBase <= 0 {
		opts.WebhookRetryBase = time.Second
	}
	if opts.WebhookRetryMax <= 0 {
		opts.WebhookRetryMax = 5 * time.Minute
	}
	if opts.WebhookRetryFor <= 0 {
		opts.WebhookRetryFor = 24 * time.Hour
	}
	if opts.WebhookTimeout <= 0 {
		opts.WebhookTimeout = challengeDeadline
	}
	if opts.DeliveryRetryScale <= 0 {
		opts.DeliveryRetryScale = 1
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	e := &Emulator{
		opts:   opts,
		counts: map[countKey]int{},
		quotas: maps.Clone(dailyQuotas),

		recordLimits: maps.Clone(recordsPerMinute),
		syncDone:     map[string]time.Time{},
		wake:         make(chan struct{}, 1),
		// A notification gets the same bound as a challenge.
		hc: &http.Client{Timeout: opts.WebhookTimeout},
	}
	e.setFaults(opts.Faults)
	e.st = seedState(e.now())
	if opts.StateFile != "" {
		st, err := loadState(opts.StateFile)
		if err != nil {
			return nil, err
		}
		if st != nil {
			e.st = st
		} else if err := e.persistLocked(); err != nil {
			return nil, err
		}
	}
	e.apiRoutes = slices.Clone(apiRoutes)
	e.mux = e.routes()
	e.ctx, e.cancel = context.WithCancel(context.Background())
	e.wg.Add(1)
	go e.scheduler()
	return e, nil
}

// ServeHTTP serves the OAuth, /rest, /v2 and /emulator endpoints.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.mux.ServeHTTP(w, r) }

// Close stops background work (task processing, webhook delivery) and flushes the state file.
func (e *Emulator) Close() error {
	e.closeOnce.Do(func() {
		e.cancel()
		e.wg.Wait()
		e.mu.Lock()
		defer e.mu.Unlock()
		e.advanceLocked()
		if e.opts.StateFile != "" {
			e.closeErr = e.persistLocked()
		}
	})
	return e.closeErr
}

func (e *Emulator) now() time.Time { return e.opts.Now() }

// signal wakes the scheduler without blocking.
func (e *Emulator) signal() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}
