// Package client is the companion client for LinkedIn's Talent Solutions partner APIs: Rest.li 2.0 on the
// wire (package restli), authentication, retries, query tunnelling, request coalescing and typed calls.
// One Client (one http.Client, one transport, one token cache) serves every resource of the provider.
package client

import (
	"context"
	"net/http"
	"time"
)

// Defaults.
const (
	DefaultBaseURL     = "https://api.linkedin.com"
	DefaultOAuthURL    = "https://www.linkedin.com/oauth/v2"
	DefaultAPIVersion  = "202603"
	DefaultBatchWindow = 10 * time.Millisecond
	DefaultMaxRetries  = 5
)

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

	MaxRetries   int           // retries after the first attempt, default DefaultMaxRetries; negative disables
	RetryWaitMin time.Duration // first backoff cap, default 500 ms
	RetryWaitMax time.Duration // largest backoff, default 30 s

	// BatchWindow is how long a single-key call waits for others to join its batch; default
	// DefaultBatchWindow. DisableCoalescing sends every single-key call on its own.
	BatchWindow       time.Duration
	DisableCoalescing bool

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
}

// New returns a Client, or an error naming what is wrong with cfg.
func New(cfg Config) (*Client, error) { panic("client: not implemented") }

// Close stops background work (coalescing timers). Calls after Close fail.
func (c *Client) Close() { panic("client: not implemented") }

// FetchToken runs the client-credentials grant against oauthURL (DefaultOAuthURL when empty) with httpClient
// (http.DefaultClient when nil). Used by the client itself and by the linkedin_access_token ephemeral resource.
func FetchToken(ctx context.Context, httpClient *http.Client, oauthURL, clientID, clientSecret string) (*Token, error) {
	panic("client: not implemented")
}
