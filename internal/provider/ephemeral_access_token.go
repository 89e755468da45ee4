package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/ephemeralvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

var (
	_ ephemeral.EphemeralResource                     = (*accessTokenEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithConfigure        = (*accessTokenEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithConfigValidators = (*accessTokenEphemeralResource)(nil)
)

func newAccessTokenEphemeralResource() ephemeral.EphemeralResource {
	return &accessTokenEphemeralResource{}
}

// accessTokenEphemeralResource runs the client-credentials grant and hands the token to other providers and
// scripts without storing it in the plan or the state.
type accessTokenEphemeralResource struct {
	data *providerData
}

type accessTokenModel struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	OAuthURL     types.String `tfsdk:"oauth_url"`
	AccessToken  types.String `tfsdk:"access_token"`
	ExpiresAt    types.String `tfsdk:"expires_at"`
	Customer     types.String `tfsdk:"customer"`
}

func (e *accessTokenEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_token"
}

func (e *accessTokenEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A LinkedIn access token obtained with an application's client credentials (2-legged OAuth), " +
			"for other providers and scripts. Being ephemeral, it is never written to the plan or the state. " +
			"Tokens last 30 minutes. Set either `client_id` and `client_secret`, or `customer` (a key of the provider's `customers`).",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Client ID of the application, such as a `linkedin_provisioned_application`'s `client_id`. Requires `client_secret`; conflicts with `customer`.",
				Validators:          []validator.String{lineValidator()},
			},
			"client_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Client secret of the application. Requires `client_id`.",
				Validators:          []validator.String{credentialValidator()},
			},
			"oauth_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Base URL of LinkedIn's OAuth 2.0 endpoints. Defaults to the provider's `oauth_url` " +
					"(itself `" + client.DefaultOAuthURL + "` by default).",
				Validators: []validator.String{oauthURLValidator()},
			},
			"access_token": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The access token, to send as `Authorization: Bearer <token>`.",
			},
			"expires_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the token expires (RFC 3339); null for a `customer` whose entry is an `access_token`.",
			},
			"customer": customerEphemeralAttribute(),
		},
	}
}

// ConfigValidators ask for exactly one source of credentials: client_id and client_secret, or customer.
func (e *accessTokenEphemeralResource) ConfigValidators(context.Context) []ephemeral.ConfigValidator {
	return []ephemeral.ConfigValidator{
		ephemeralvalidator.ExactlyOneOf(path.MatchRoot("client_id"), path.MatchRoot("customer")),
		ephemeralvalidator.RequiredTogether(path.MatchRoot("client_id"), path.MatchRoot("client_secret")),
		ephemeralvalidator.Conflicting(path.MatchRoot("customer"), path.MatchRoot("client_secret")),
	}
}

func (e *accessTokenEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *accessTokenEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m accessTokenModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	clientID, clientSecret := m.ClientID.ValueString(), m.ClientSecret.ValueString()
	if !m.Customer.IsNull() {
		token, id, secret, done := e.customerCredentials(ctx, &m, resp)
		if done {
			return
		}
		if token != "" { // an access_token entry is handed on as it is
			m.AccessToken, m.ExpiresAt = types.StringValue(token), types.StringNull()
			resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
			return
		}
		clientID, clientSecret = id, secret
	}
	oauthURL := m.OAuthURL.ValueString()
	var httpClient *http.Client
	if e.data != nil {
		httpClient = e.data.clientConfig.HTTPClient
	}
	if oauthURL == "" && e.data != nil {
		oauthURL = e.data.clientConfig.OAuthURL
	}
	if oauthURL == "" {
		oauthURL, _ = lookupEnv(envOAuthURL)
	}
	// A client of its own fetches the token, so that an OAuth endpoint briefly down is retried like any call,
	// within the open timeout.
	c, err := client.New(client.Config{OAuthURL: oauthURL, ClientID: clientID, ClientSecret: clientSecret, HTTPClient: httpClient})
	if err != nil {
		resp.Diagnostics.AddError("Invalid access token request", err.Error())
		return
	}
	defer c.Close()
	ctx, cancel, _, _ := withTimeout(ctx, noTimeoutsBlock, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	tok, expires, err := c.Token(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "obtaining an access token for client_id "+clientID, err)
		return
	}
	m.AccessToken = types.StringValue(tok)
	m.ExpiresAt = types.StringValue(expires.UTC().Format(time.RFC3339))
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

// customerCredentials returns the credentials of the customer m names. While they are not known yet (a child
// application created in the same run, during plan), the result is an unknown token, as when client_id and
// client_secret are not known yet, with a warning (done): Terraform takes the unknown token, OpenTofu refuses
// it. A customer that is not in the provider's customers is an error (done).
func (e *accessTokenEphemeralResource) customerCredentials(ctx context.Context, m *accessTokenModel, resp *ephemeral.OpenResponse) (token, clientID, clientSecret string, done bool) {
	ch := e.data.choose(ctx, m.Customer, false)
	switch ch.state {
	case clientReady:
		if token, clientID, clientSecret, ok := e.data.customers.credentials(ch.customer); ok {
			return token, clientID, clientSecret, false
		}
	case providerNotConfigured, credentialsPending:
		m.AccessToken, m.ExpiresAt = types.StringUnknown(), types.StringUnknown()
		resp.Diagnostics.AddAttributeWarning(customerPath, "Access token not known until apply",
			fmt.Sprintf("The credentials of customer %q are not known yet (its entry of customers comes from a resource "+
				"created or replaced in this run), so the token is unknown during this plan and obtained during apply. "+
				"OpenTofu refuses an ephemeral value that is not known (\"produced a value ... that is not wholly known\"): "+
				"with OpenTofu, set client_id and client_secret from that resource instead of customer.", m.Customer.ValueString()))
		resp.Diagnostics.Append(resp.Result.Set(ctx, m)...)
		return "", "", "", true
	}
	summary, detail := e.data.explain(ch, "obtain an access token")
	resp.Diagnostics.AddAttributeError(customerPath, summary, detail)
	return "", "", "", true
}
