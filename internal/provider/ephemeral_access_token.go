package provider

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

var (
	_ ephemeral.EphemeralResource              = (*accessTokenEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithConfigure = (*accessTokenEphemeralResource)(nil)
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
}

func (e *accessTokenEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_token"
}

func (e *accessTokenEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A LinkedIn access token obtained with an application's client credentials (2-legged OAuth), " +
			"for other providers and scripts. Being ephemeral, it is never written to the plan or the state. " +
			"Tokens last 30 minutes.",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Client ID of the application, such as a `linkedin_provisioned_application`'s `client_id`.",
				Validators:          []validator.String{lineValidator()},
			},
			"client_secret": schema.StringAttribute{
				Required:            true,
				Sensitive:           true,
				MarkdownDescription: "Client secret of the application.",
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
				MarkdownDescription: "When the token expires (RFC 3339).",
			},
		},
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
	c, err := client.New(client.Config{OAuthURL: oauthURL, ClientID: m.ClientID.ValueString(),
		ClientSecret: m.ClientSecret.ValueString(), HTTPClient: httpClient})
	if err != nil {
		resp.Diagnostics.AddError("Invalid access token request", err.Error())
		return
	}
	defer c.Close()
	ctx, cancel, _, _ := withTimeout(ctx, noTimeoutsBlock, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	tok, expires, err := c.Token(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "obtaining an access token for client_id "+m.ClientID.ValueString(), err)
		return
	}
	m.AccessToken = types.StringValue(tok)
	m.ExpiresAt = types.StringValue(expires.UTC().Format(time.RFC3339))
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
