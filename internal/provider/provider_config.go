package provider

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// Environment variables, one per provider attribute.
const (
	envAccessToken       = "LINKEDIN_ACCESS_TOKEN"
	envClientID          = "LINKEDIN_CLIENT_ID"
	envClientSecret      = "LINKEDIN_CLIENT_SECRET"
	envAPIVersion        = "LINKEDIN_API_VERSION"
	envAPIURL            = "LINKEDIN_API_URL"
	envOAuthURL          = "LINKEDIN_OAUTH_URL"
	envAPIFamily         = "LINKEDIN_API_FAMILY"
	envMaxRetries        = "LINKEDIN_MAX_RETRIES"
	envBatchWindowMS     = "LINKEDIN_BATCH_WINDOW_MS"
	envDisableCoalescing = "LINKEDIN_DISABLE_COALESCING"
)

// clock is the provider's current time (api_version must not be in the future); tests replace it.
var clock = time.Now

// providerModel is the provider block.
type providerModel struct {
	AccessToken       types.String `tfsdk:"access_token"`
	ClientID          types.String `tfsdk:"client_id"`
	ClientSecret      types.String `tfsdk:"client_secret"`
	APIVersion        types.String `tfsdk:"api_version"`
	APIURL            types.String `tfsdk:"api_url"`
	OAuthURL          types.String `tfsdk:"oauth_url"`
	APIFamily         types.String `tfsdk:"api_family"`
	MaxRetries        types.Int64  `tfsdk:"max_retries"`
	BatchWindowMS     types.Int64  `tfsdk:"batch_window_ms"`
	DisableCoalescing types.Bool   `tfsdk:"disable_coalescing"`
	Customers         types.Map    `tfsdk:"customers"`
}

type attrValue interface{ IsUnknown() bool }

// unknownAttributes names the attributes whose values are not known yet.
func (m providerModel) unknownAttributes() []string {
	var out []string
	for name, v := range map[string]attrValue{
		"access_token": m.AccessToken, "client_id": m.ClientID, "client_secret": m.ClientSecret,
		"api_version": m.APIVersion, "api_url": m.APIURL, "oauth_url": m.OAuthURL, "api_family": m.APIFamily,
		"max_retries": m.MaxRetries, "batch_window_ms": m.BatchWindowMS, "disable_coalescing": m.DisableCoalescing,
	} {
		if v.IsUnknown() {
			out = append(out, name)
		}
	}
	return out
}

// ownCredentialsUnknown reports whether the provider's own credentials are not known yet.
func (m providerModel) ownCredentialsUnknown() bool {
	return m.AccessToken.IsUnknown() || m.ClientID.IsUnknown() || m.ClientSecret.IsUnknown()
}

// onlyCredentials reports whether attribute names (from unknownAttributes) are all credentials.
func onlyCredentials(unknown []string) bool {
	for _, name := range unknown {
		switch name {
		case "access_token", "client_id", "client_secret":
		default:
			return false
		}
	}
	return true
}

func lookupEnv(name string) (string, bool) {
	v, ok := os.LookupEnv(name)
	if !ok || strings.TrimSpace(v) == "" {
		return "", false
	}
	return strings.TrimSpace(v), true
}

// stringSetting is the configured value, else the environment variable's, else "".
func stringSetting(v types.String, env string, getenv func(string) (string, bool)) string {
	if known(v) {
		return v.ValueString()
	}
	s, _ := getenv(env)
	return s
}

// clientConfig resolves the configuration (attributes first, then LINKEDIN_* variables) into a client.Config.
//
// Authentication is taken as a whole: when the configuration sets any of access_token, client_id or
// client_secret, the LINKEDIN_ACCESS_TOKEN/CLIENT_ID/CLIENT_SECRET variables are ignored. This lets an aliased
// provider configured with a child application's credentials coexist with parent credentials in the environment.
// A provider with customers never takes its own credentials from those variables either: they usually hold the
// parent application's, and a resource that forgot its customer would otherwise be planned with them and fail
// at refresh with LinkedIn's access error instead of at plan time with the provider's.
func (m providerModel) clientConfig(getenv func(string) (string, bool), version string) (client.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	cfg := client.Config{
		BaseURL:    strings.TrimRight(stringSetting(m.APIURL, envAPIURL, getenv), "/"),
		OAuthURL:   strings.TrimRight(stringSetting(m.OAuthURL, envOAuthURL, getenv), "/"),
		APIVersion: stringSetting(m.APIVersion, envAPIVersion, getenv),
		APIFamily:  client.APIFamily(stringSetting(m.APIFamily, envAPIFamily, getenv)),
		UserAgent:  "terraform-provider-linkedin/" + version,
	}

	// A value not known yet counts as set: it is the configuration's, never the environment's.
	configured := func(v types.String) bool { return v.IsUnknown() || !v.IsNull() && v.ValueString() != "" }
	source := "configuration"
	if configured(m.AccessToken) || configured(m.ClientID) || configured(m.ClientSecret) {
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = m.AccessToken.ValueString(), m.ClientID.ValueString(), m.ClientSecret.ValueString()
	} else if m.Customers.IsNull() {
		source = "environment"
		cfg.AccessToken, _ = getenv(envAccessToken)
		cfg.ClientID, _ = getenv(envClientID)
		cfg.ClientSecret, _ = getenv(envClientSecret)
	}
	switch {
	case m.ownCredentialsUnknown():
		// Checked once known; until then the provider has no client of its own (see providerData).
	case !m.Customers.IsNull() && cfg.AccessToken == "" && cfg.ClientID == "" && cfg.ClientSecret == "":
		// Only customers: resources without customer fail at plan time, naming what to set.
	default:
		diags.Append(checkAuth(cfg, source)...)
	}

	checkEnvironmentSettings(m, getenv, &diags)
	switch cfg.APIFamily {
	case "", client.APIFamilyRest, client.APIFamilyV2:
	default:
		diags.AddAttributeError(path.Root("api_family"), "Invalid api_family",
			fmt.Sprintf("api_family (or %s) must be %q or %q; got %q.", envAPIFamily, client.APIFamilyRest, client.APIFamilyV2, cfg.APIFamily))
	}

	if n, ok, err := intSetting(m.MaxRetries, envMaxRetries, getenv); err != nil {
		diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries", err.Error())
	} else if ok {
		if n == 0 {
			cfg.MaxRetries = -1 // the client reads 0 as "default"
		} else {
			cfg.MaxRetries = int(n)
		}
	}
	if n, ok, err := intSetting(m.BatchWindowMS, envBatchWindowMS, getenv); err != nil {
		diags.AddAttributeError(path.Root("batch_window_ms"), "Invalid batch_window_ms", err.Error())
	} else if ok {
		cfg.BatchWindow = time.Duration(n) * time.Millisecond
	}
	if !m.DisableCoalescing.IsNull() {
		cfg.DisableCoalescing = m.DisableCoalescing.ValueBool()
	} else if s, ok := getenv(envDisableCoalescing); ok {
		b, err := strconv.ParseBool(s)
		if err != nil {
			diags.AddAttributeError(path.Root("disable_coalescing"), "Invalid "+envDisableCoalescing,
				fmt.Sprintf("%s must be true or false, got %q.", envDisableCoalescing, s))
		}
		cfg.DisableCoalescing = b
	}
	return cfg, diags
}

// checkEnvironmentSettings applies to LINKEDIN_API_VERSION, LINKEDIN_API_URL and LINKEDIN_OAUTH_URL the rules
// the schema applies to api_version, api_url and oauth_url (a value set in the configuration was checked there).
func checkEnvironmentSettings(m providerModel, getenv func(string) (string, bool), diags *diag.Diagnostics) {
	fromEnv := func(v types.String, env string) (string, bool) {
		if !v.IsNull() {
			return "", false
		}
		return getenv(env)
	}
	if s, ok := fromEnv(m.APIVersion, envAPIVersion); ok {
		warning, err := validate.APIVersion(s, clock())
		switch {
		case err != nil:
			diags.AddAttributeError(path.Root("api_version"), "Invalid "+envAPIVersion,
				fmt.Sprintf("Attribute api_version (set by %s) %s.", envAPIVersion, err))
		case warning != "":
			diags.AddAttributeWarning(path.Root("api_version"), "Check "+envAPIVersion,
				fmt.Sprintf("Attribute api_version (set by %s): %s", envAPIVersion, warning))
		}
	}
	for _, e := range []struct {
		attr, env string
		v         types.String
		rule      func(string) error
	}{{"api_url", envAPIURL, m.APIURL, validate.APIURL}, {"oauth_url", envOAuthURL, m.OAuthURL, validate.OAuthURL}} {
		if s, ok := fromEnv(e.v, e.env); ok {
			if err := e.rule(s); err != nil {
				diags.AddAttributeError(path.Root(e.attr), "Invalid "+e.env,
					fmt.Sprintf("Attribute %s (set by %s) %s.", e.attr, e.env, err))
			}
		}
	}
}

func intSetting(v types.Int64, env string, getenv func(string) (string, bool)) (int64, bool, error) {
	if known(v) {
		return v.ValueInt64(), true, nil
	}
	s, ok := getenv(env)
	if !ok {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, false, fmt.Errorf("%s must be a non-negative integer, got %q", env, s)
	}
	return n, true, nil
}

// checkAuth enforces exactly one way to authenticate.
func checkAuth(cfg client.Config, source string) diag.Diagnostics {
	var diags diag.Diagnostics
	const how = "Authenticate in exactly one way: either access_token (" + envAccessToken + "), or client_id and client_secret (" +
		envClientID + ", " + envClientSecret + "). Values set in the provider block take precedence over the environment."
	hasToken, hasID, hasSecret := cfg.AccessToken != "", cfg.ClientID != "", cfg.ClientSecret != ""
	switch {
	case hasToken && (hasID || hasSecret):
		diags.AddAttributeError(path.Root("access_token"), "Conflicting LinkedIn credentials",
			fmt.Sprintf("The %s sets access_token together with client_id/client_secret. %s", source, how))
	case hasID && !hasSecret:
		diags.AddAttributeError(path.Root("client_secret"), "Missing client_secret",
			fmt.Sprintf("The %s sets client_id but not client_secret. %s", source, how))
	case hasSecret && !hasID:
		diags.AddAttributeError(path.Root("client_id"), "Missing client_id",
			fmt.Sprintf("The %s sets client_secret but not client_id. %s", source, how))
	case !hasToken && !hasID:
		diags.AddError("Missing LinkedIn credentials",
			"Neither the provider block nor the environment sets access_token, client_id or client_secret. "+how)
	}
	return diags
}

func authMethod(cfg client.Config) string {
	switch {
	case cfg.AccessToken != "":
		return "access_token"
	case cfg.ClientID != "":
		return "client_credentials"
	}
	return "none"
}
