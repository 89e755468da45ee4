package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

var (
	_ datasource.DataSource                   = (*integrationDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*integrationDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*integrationDataSource)(nil)
)

func newIntegrationDataSource() datasource.DataSource { return &integrationDataSource{} }

// integrationDataSource checks that a customer enabled an integration.
type integrationDataSource struct {
	data *providerData
}

type integrationDataModel struct {
	ID                 types.String `tfsdk:"id"`
	IntegrationContext types.String `tfsdk:"integration_context"`
	IntegrationType    types.String `tfsdk:"integration_type"`
	TenantType         types.String `tfsdk:"tenant_type"`
	IntegrationName    types.String `tfsdk:"integration_name"`
	Status             types.String `tfsdk:"status"`
	CreatedAt          types.String `tfsdk:"created_at"`
	LastModifiedAt     types.String `tfsdk:"last_modified_at"`
	Customer           types.String `tfsdk:"customer"`
}

func (d *integrationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_integration"
}

func (d *integrationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := integrationKeyDataSourceAttributes()
	maps.Copy(attrs, map[string]schema.Attribute{
		"id":               schema.StringAttribute{Computed: true, MarkdownDescription: "`integration_context/integration_type/tenant_type`."},
		"integration_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name the partner gave the integration (empty when none)."},
		"status":           schema.StringAttribute{Computed: true, MarkdownDescription: "`ENABLED` or `PENDING_CONFIGURATION`."},
		"created_at":       schema.StringAttribute{Computed: true, MarkdownDescription: "When the customer enabled the integration (RFC 3339)."},
		"last_modified_at": schema.StringAttribute{Computed: true, MarkdownDescription: "When the integration last changed (RFC 3339)."},
		"customer":         customerDataSourceAttribute(),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Checks that a customer enabled an integration for the partner, and reads its name and status. " +
			"Use the customer's child application (`customer`, or a provider configured with its credentials). Reading fails with an error that says " +
			"what the customer must do when the integration was never enabled or has been turned off (`DISABLED`); " +
			"`status` is therefore `ENABLED` or `PENDING_CONFIGURATION` (a required configuration is still missing).",
		Attributes: attrs,
	}
}

func (d *integrationDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	integrationKeyRules(ctx, req.Config, &resp.Diagnostics)
}

func (d *integrationDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *integrationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ctx, cancel, _, _ := withTimeout(ctx, noTimeoutsBlock, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	var cfg integrationDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	c := d.data.clientFor(ctx, cfg.Customer, &resp.Diagnostics, "read an integration")
	if resp.Diagnostics.HasError() {
		return
	}
	key := integrationKeyOf(cfg.IntegrationContext, cfg.IntegrationType, cfg.TenantType)
	in, err := c.Integrations.Get(ctx, key)
	if client.IsEntityNotFound(err) {
		resp.Diagnostics.AddError("Integration not enabled by the customer", notEnabledMessage(key))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "reading integration "+integrationID(key), err)
		return
	}
	if in.Status == client.IntegrationStatusDisabled {
		resp.Diagnostics.AddError("Integration disabled by the customer",
			fmt.Sprintf("The customer turned integration %s off in LinkedIn. It must enable it again (in the integration "+
				"configuration plugin) before it can be used.", integrationID(key)))
		return
	}
	cfg.ID = types.StringValue(integrationID(key))
	cfg.TenantType = types.StringValue(key.TenantType)
	cfg.IntegrationName = types.StringValue(in.IntegrationName)
	cfg.Status = types.StringValue(in.Status)
	cfg.CreatedAt = epochMillisString(in.CreatedAt)
	cfg.LastModifiedAt = epochMillisString(in.LastModifiedAt)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
