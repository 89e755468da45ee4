// Package emulator is a faithful local LinkedIn Talent Solutions API: OAuth, provisioning, integrations,
// integration configurations, job postings with asynchronous tasks, job posting status and webhooks, plus an
// admin API under /emulator/ to set up and inspect state. It is an http.Handler: tests start it in-process
// with httptest; cmd/linkedin-emulator serves it on a port.
package emulator

import (
	"net/http"
	"time"
)

// The default seed every new or reset emulator holds (issue #3).
const (
	ParentClientID     = "emulator-parent"
	ParentClientSecret = "emulator-parent-secret"
	ChildApplication   = "urn:li:developerApplication:1001"
	ChildClientID      = "emulator-child"
	ChildClientSecret  = "emulator-child-secret"
	SeedOrganization   = "urn:li:organization:1000"
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
}

// New returns an emulator holding the default seed (or the state file's contents).
func New(opts Options) (*Emulator, error) { panic("emulator: not implemented") }

// ServeHTTP serves the OAuth, /rest, /v2 and /emulator endpoints.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.mux.ServeHTTP(w, r) }

// Close stops background work (task processing, webhook delivery) and flushes the state file.
func (e *Emulator) Close() error { panic("emulator: not implemented") }
