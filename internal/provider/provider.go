// Package provider is the Terraform provider for LinkedIn's Talent Solutions partner APIs. It is thin over
// internal/client: schemas, plan-time validation, and the mapping between Terraform state and LinkedIn's models.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/providervalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

var (
	_ provider.Provider                       = (*linkedinProvider)(nil)
	_ provider.ProviderWithFunctions          = (*linkedinProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*linkedinProvider)(nil)
	_ provider.ProviderWithConfigValidators   = (*linkedinProvider)(nil)
)

// New returns a constructor of the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &linkedinProvider{version: version} }
}

// linkedinProvider holds no per-configuration state: each configuration (aliases included) gets its own
// providerData through Configure.
type linkedinProvider struct {
	version string
}

func (p *linkedinProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "linkedin"
	resp.Version = p.version
}

func (p *linkedinProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The LinkedIn provider manages a partner's customers on LinkedIn's Talent Solutions APIs: " +
			"child applications (with the partner's parent application), and the integrations and integration " +
			"configurations of one customer (with that customer's child application).\n\n" +
			"Authenticate with exactly one of `access_token`, or `client_id` and `client_secret` (2-legged OAuth). " +
			"Every attribute can also be set with a `LINKEDIN_*` environment variable; a value in the configuration wins.\n\n" +
			"One provider configuration can manage many customers: `customers` holds each customer's child-application " +
			"credentials under your own key, and resources, data sources and the ephemeral token choose one with `customer`.",
		Attributes: map[string]schema.Attribute{
			"access_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "A LinkedIn access token. Conflicts with `client_id` and `client_secret`. " +
					"Environment variable: `" + envAccessToken + "`. Tokens last 30 minutes: prefer client credentials for long runs.",
				Validators: []validator.String{credentialValidator()},
			},
			"client_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Client ID of the application (the partner's parent application for " +
					"`linkedin_provisioned_application`, a customer's child application for everything else). " +
					"Requires `client_secret`. Must not be blank or padded with whitespace. Environment variable: `" + envClientID + "`.",
				Validators: []validator.String{lineValidator()},
			},
			"client_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Client secret of the application. Requires `client_id`. Environment variable: `" + envClientSecret + "`.",
				Validators:          []validator.String{credentialValidator()},
			},
			"api_version": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Value of the `LinkedIn-Version` header on versioned (`/rest`) calls, `YYYYMM` or `YYYYMM.RR`: a real month, " +
					"not after the current month (UTC). A version more than 12 months old draws a warning: LinkedIn sunsets each version " +
					"after a limited time (see the sunset dates on LinkedIn's versioning page). Defaults to `" + client.DefaultAPIVersion + "`. Environment variable: `" + envAPIVersion + "` (same rules).",
				Validators: []validator.String{apiVersionValidator(clock)},
			},
			"api_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Base URL of LinkedIn's data APIs. Defaults to `" + client.DefaultBaseURL + "`; " +
					"point it at the local emulator for development. Must be `https://`, except for a loopback host " +
					"(`localhost`, `127.0.0.0/8`, `::1`), since credentials travel on every call. It is the scheme and host (and a " +
					"proxy's path prefix, if any) without `/rest` or `/v2`, which the provider adds. Environment variable: `" + envAPIURL + "` (same rules).",
				Validators: []validator.String{apiURLValidator()},
			},
			"oauth_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Base URL of LinkedIn's OAuth 2.0 endpoints. Defaults to `" + client.DefaultOAuthURL + "`. " +
					"Must be `https://`, except for a loopback host, and include the path (`/oauth/v2`) but not `/accessToken`, " +
					"which the provider appends. Environment variable: `" + envOAuthURL + "` (same rules).",
				Validators: []validator.String{oauthURLValidator()},
			},
			"api_family": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Which form of LinkedIn's APIs to call for integrations and configurations: `rest` " +
					"(versioned, the default) or `v2` (legacy `/v2/atsIntegrations`). Environment variable: `" + envAPIFamily + "`.",
				Validators: []validator.String{stringvalidator.OneOf(string(client.APIFamilyRest), string(client.APIFamilyV2))},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Calls that fail with a throttling (429), server (5xx) or network error (connection " +
					"refused or reset) are retried with exponential backoff (full jitter, at most 30 s apart), and every retry is " +
					"logged at WARN. Resource operations and data source reads retry until their timeout (the resource's " +
					"`timeouts` block; 5 minutes for reads), so an outage shorter than that does not fail a plan or an apply. " +
					"`max_retries` bounds the retries of calls that have no timeout; 0 disables retries altogether. Defaults to 5. " +
					"Environment variable: `" + envMaxRetries + "`.",
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"batch_window_ms": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "The quiet period, in milliseconds, of request coalescing: a single read or write joins " +
					"concurrent ones on the same LinkedIn collection in one batch call, which is sent as soon as every caller " +
					"expected back (Terraform's next round) has joined, or once no new caller has arrived for a few quiet " +
					"periods. Defaults to 10. Environment variable: `" + envBatchWindowMS + "`.",
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"customers": providerCustomersAttribute(),
			"disable_coalescing": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Send every read and write on its own instead of joining concurrent ones into batch calls. " +
					"Environment variable: `" + envDisableCoalescing + "` (`true`/`false`).",
			},
		},
	}
}

// ConfigValidators reject, at validation time, combinations that are wrong whatever the environment holds.
func (p *linkedinProvider) ConfigValidators(_ context.Context) []provider.ConfigValidator {
	return []provider.ConfigValidator{
		providervalidator.Conflicting(path.MatchRoot("access_token"), path.MatchRoot("client_id")),
		providervalidator.Conflicting(path.MatchRoot("access_token"), path.MatchRoot("client_secret")),
		providervalidator.RequiredTogether(path.MatchRoot("client_id"), path.MatchRoot("client_secret")),
	}
}

func (p *linkedinProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Own credentials not known yet leave a provider with customers working for its customers; any other
	// unknown setting applies to every client. (Unknown customers entries are handled per customer.)
	if unknown := cfg.unknownAttributes(); len(unknown) > 0 && (cfg.Customers.IsNull() || !onlyCredentials(unknown)) {
		// Typical for an aliased provider configured from a linkedin_provisioned_application created in the same
		// run: Terraform configures the provider again once the values are known. Nothing is set up now, so
		// that resources which would need the API during this plan say so clearly (see apiClient).
		tflog.Debug(ctx, "provider configuration has unknown values; deferring client setup", map[string]any{"attributes": unknown})
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
		}
		return
	}

	clientCfg, diags := cfg.clientConfig(lookupEnv, p.version)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// One connection pool for the provider's own client and every customer's: connections carry no
	// credentials, while tokens and batches stay per client.
	clientCfg.HTTPClient = client.NewHTTPClient()
	data := &providerData{clientConfig: clientCfg, ownUnknown: cfg.ownCredentialsUnknown()}
	if !data.ownUnknown && (clientCfg.AccessToken != "" || clientCfg.ClientID != "") {
		c, err := client.New(clientCfg)
		if err != nil {
			resp.Diagnostics.AddError("Invalid LinkedIn provider configuration", err.Error())
			return
		}
		data.client = c
	}
	if !cfg.Customers.IsNull() {
		data.customers, diags = newCustomerClients(ctx, cfg.Customers, clientCfg)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	fields := map[string]any{
		"api_url": clientCfg.BaseURL, "oauth_url": clientCfg.OAuthURL, "api_family": string(clientCfg.APIFamily),
		"api_version": clientCfg.APIVersion, "auth": authMethod(clientCfg),
	}
	if data.customers != nil {
		fields["customers"] = len(data.customers.entries)
	}
	tflog.Debug(ctx, "LinkedIn client configured", fields)
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
}

func (p *linkedinProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newProvisionedApplicationResource,
		newIntegrationResource,
		newIntegrationConfigurationResource,
		newJobPostingResource,
	}
}

func (p *linkedinProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newIntegrationDataSource,
		newJobPostingStatusDataSource,
		newJobPostingStatusesDataSource,
	}
}

func (p *linkedinProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		newAccessTokenEphemeralResource,
	}
}

func (p *linkedinProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{
		newWebhookChallengeResponseFunction,
		newWebhookSignatureFunction,
	}
}
