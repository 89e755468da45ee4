// Package client is the companion client for LinkedIn's Talent Solutions partner APIs: Rest.li 2.0 on the
// wire (package restli), authentication, retries, query tunnelling, request coalescing and typed calls.
// One Client (one application's credentials, one token cache, its own coalescers) serves every resource that
// uses that application; a provider with many customers builds one Client per customer, which may share one
// http.Client (NewHTTPClient).
//
// Files by concern: auth.go (static token or client-credentials grant, cached, refreshed 30 s before expiry,
// one refresh for concurrent callers), transport.go (headers, one attempt, the retry loop), retry.go
// (which failures are retried, full-jitter backoff, Retry-After), tunnel.go (query tunnelling), batch.go (ids,
// 100-key chunks, structural matching of response keys), coalesce.go and rounds.go (merging concurrent
// single-key calls; when a batch is sent), logging.go (tflog, with secrets redacted), and one file per
// service.
//
// Retries: idempotent calls (batch_get, finder, batch_update, batch_partial_update, batch_delete, $set
// partial_update) are resent after 429, 500, 502, 503, 504 or a connection error. A create is resent only
// when LinkedIn certainly did not apply it (429, or a connection that failed before the request was
// written); otherwise the caller gets an *AmbiguousError. Job postings reconcile such failures themselves
// (see JobPostingsService.BatchSubmit), so a lost answer never creates a job twice.
package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Defaults.
const (
	DefaultBaseURL     = "https://api.linkedin.com"
	DefaultOAuthURL    = "https://www.linkedin.com/oauth/v2"
	DefaultAPIVersion  = "202603"
	DefaultBatchWindow = 10 * time.Millisecond
	DefaultMaxRetries  = 5
	// DefaultSyncRecordsPerMinute is LinkedIn's limit on the records of one Recruiter System Connect
	// resource a minute (https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates).
	DefaultSyncRecordsPerMinute = 10000
)

// Defaults of the retry policy and the user agent, applied by New.
const (
	defaultRetryWaitMin = 500 * time.Millisecond
	defaultRetryWaitMax = 30 * time.Second
	defaultUserAgent    = "terraform-provider-linkedin/dev"
	// maxBatch is LinkedIn's limit of ids or elements per batch call.
	maxBatch = 100
)

// ErrClosed is returned by calls made after Client.Close, and by coalesced calls still waiting when it ran.
var ErrClosed = errors.New("linkedin client: closed")

// APIFamily chooses between LinkedIn's versioned (/rest) and legacy (/v2) forms of integrations and
// integration configurations. Job postings and job posting status follow it too.
type APIFamily string

// API families.
const (
	APIFamilyRest APIFamily = "rest"
	APIFamilyV2   APIFamily = "v2"
)

// Config configures a Client. Exactly one of AccessToken or ClientID+ClientSecret authenticates.
type Config struct {
	BaseURL      string // default DefaultBaseURL
	OAuthURL     string // default DefaultOAuthURL
	AccessToken  string
	ClientID     string
	ClientSecret string
	APIVersion   string    // LinkedIn-Version on /rest, default DefaultAPIVersion
	APIFamily    APIFamily // default APIFamilyRest

	// MaxRetries bounds the retries of a call whose context has no deadline (default DefaultMaxRetries). A
	// call whose context has a deadline (every call a Terraform operation makes, bounded by the resource's
	// timeout) is retried until that deadline instead: an outage of minutes must not fail an apply whose
	// timeout is twenty. A negative MaxRetries disables retries altogether.
	MaxRetries   int
	RetryWaitMin time.Duration // first backoff cap, default 500 ms
	RetryWaitMax time.Duration // largest wait between attempts, default 30 s; a longer Retry-After ends the call

	// BatchWindow is the quiet period of coalescing: a batch that nobody is expected to join is sent once no
	// call has joined it for that long (see coalesce.go for the longer waits while callers of answered
	// batches are expected back); default DefaultBatchWindow. DisableCoalescing sends every single-key call
	// on its own.
	BatchWindow       time.Duration
	DisableCoalescing bool

	// SyncRecordsPerMinute paces SyncService: the records of one resource sent in any minute; default
	// DefaultSyncRecordsPerMinute (LinkedIn's limit), negative for no pacing.
	SyncRecordsPerMinute int

	UserAgent  string       // default "terraform-provider-linkedin/dev"
	HTTPClient *http.Client // default a client with sensible timeouts
}

// Client talks to LinkedIn. It is safe for concurrent use.
type Client struct {
	cfg Config

	Applications   *ApplicationsService
	Integrations   *IntegrationsService
	Configurations *ConfigurationsService
	JobPostings    *JobPostingsService
	Sync           *SyncService

	base   *url.URL
	http   *http.Client
	tokens *tokenSource

	// sleep waits between retries; tests replace it to observe backoff without timing anything.
	sleep func(ctx context.Context, d time.Duration) error

	// rounds is shared by the coalescers: what they know of the callers in flight (rounds.go).
	rounds *rounds

	mu         sync.Mutex
	closed     bool
	coalescers []interface{ close() }
	// closing ends when Close runs: it cancels calls in flight (which then answer ErrClosed) and token
	// refreshes. background counts the goroutines Close waits for (coalesced batches in flight).
	closing    context.Context
	stop       context.CancelFunc
	background sync.WaitGroup
}

// New returns a Client, or an error naming what is wrong with cfg.
func New(cfg Config) (*Client, error) {
	cfg, err := withDefaults(cfg)
	if err != nil {
		return nil, err
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("linkedin client: base URL %q is not an absolute URL", cfg.BaseURL)
	}
	base.Path = strings.TrimRight(base.Path, "/")
	c := &Client{cfg: cfg, base: base, http: cfg.HTTPClient, sleep: sleepCtx}
	c.closing, c.stop = context.WithCancel(context.Background())
	c.tokens = newTokenSource(c)
	c.rounds = newRounds(cfg.BatchWindow)
	c.Applications = &ApplicationsService{c: c}
	c.Integrations = newIntegrationsService(c)
	c.Configurations = newConfigurationsService(c)
	c.JobPostings = newJobPostingsService(c)
	c.Sync = newSyncService(c)
	return c, nil
}

// withDefaults validates cfg and fills its zero fields.
func withDefaults(cfg Config) (Config, error) {
	hasToken := cfg.AccessToken != ""
	hasCreds := cfg.ClientID != "" || cfg.ClientSecret != ""
	switch {
	case hasToken && hasCreds:
		return cfg, errors.New("linkedin client: set either an access token or client_id and client_secret, not both")
	case !hasToken && !hasCreds:
		return cfg, errors.New("linkedin client: no credentials: set an access token or client_id and client_secret")
	case hasCreds && (cfg.ClientID == "" || cfg.ClientSecret == ""):
		return cfg, errors.New("linkedin client: client_id and client_secret must be set together")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.OAuthURL == "" {
		cfg.OAuthURL = DefaultOAuthURL
	}
	if u, err := url.Parse(cfg.OAuthURL); err != nil || u.Scheme == "" || u.Host == "" {
		return cfg, fmt.Errorf("linkedin client: OAuth URL %q is not an absolute URL", cfg.OAuthURL)
	}
	if cfg.APIVersion == "" {
		cfg.APIVersion = DefaultAPIVersion
	}
	switch cfg.APIFamily {
	case "":
		cfg.APIFamily = APIFamilyRest
	case APIFamilyRest, APIFamilyV2:
	default:
		return cfg, fmt.Errorf("linkedin client: API family %q is neither %q nor %q", cfg.APIFamily, APIFamilyRest, APIFamilyV2)
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.RetryWaitMin <= 0 {
		cfg.RetryWaitMin = defaultRetryWaitMin
	}
	if cfg.RetryWaitMax <= 0 {
		cfg.RetryWaitMax = defaultRetryWaitMax
	}
	if cfg.RetryWaitMax < cfg.RetryWaitMin {
		cfg.RetryWaitMax = cfg.RetryWaitMin
	}
	if cfg.SyncRecordsPerMinute == 0 {
		cfg.SyncRecordsPerMinute = DefaultSyncRecordsPerMinute
	}
	if cfg.BatchWindow <= 0 {
		cfg.BatchWindow = DefaultBatchWindow
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = defaultUserAgent
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = newHTTPClient()
	}
	return cfg, nil
}

// NewHTTPClient returns the HTTP client New uses when Config.HTTPClient is nil, for callers that build many
// Clients (one per application) and want them to share one connection pool. Sharing connections shares neither
// tokens nor calls: each Client keeps its own token cache and coalescers, and sends its own Authorization header.
func NewHTTPClient() *http.Client { return newHTTPClient() }

// newHTTPClient is the default HTTP client: its own transport (so connection pools are not shared with other
// code in the process), bounded dial, TLS and header waits, and an overall cap per attempt. The caller's
// context bounds the whole call including retries.
func newHTTPClient() *http.Client {
	t := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   20,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{Transport: t, Timeout: 2 * time.Minute}
}

// Close stops the client: calls waiting to be coalesced and calls in flight fail with ErrClosed, later calls
// fail at once, and Close returns once the client's own goroutines (coalesced batches) have ended, so no
// goroutine outlives it. Close is idempotent.
func (c *Client) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	cs := c.coalescers
	c.mu.Unlock()
	c.stop()
	for _, co := range cs {
		co.close()
	}
	c.background.Wait()
	if c.cfg.HTTPClient != nil {
		c.cfg.HTTPClient.CloseIdleConnections()
	}
}

// startBackground registers a goroutine Close must wait for; false once Close has begun. Registering under
// c.mu orders every Add before Close's Wait.
func (c *Client) startBackground() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	c.background.Add(1)
	return true
}

// isClosed reports whether Close ran.
func (c *Client) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// register records a coalescer so that Close can stop it.
func (c *Client) register(co interface{ close() }) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.coalescers = append(c.coalescers, co)
}

// family returns the configured API family.
func (c *Client) family() APIFamily { return c.cfg.APIFamily }

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
