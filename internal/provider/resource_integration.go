package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

var (
	_ resource.Resource                   = (*integrationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*integrationResource)(nil)
	_ resource.ResourceWithConfigure      = (*integrationResource)(nil)
	_ resource.ResourceWithImportState    = (*integrationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*integrationResource)(nil)
)

func newIntegrationResource() resource.Resource { return &integrationResource{} }

// integrationResource adopts an integration a customer enabled in LinkedIn and names it
// (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/rsc-customer-configuration). Partners
// cannot create or delete integrations.
type integrationResource struct {
	data *providerData
}

type integrationModel struct {
	ID                 types.String   `tfsdk:"id"`
	IntegrationContext types.String   `tfsdk:"integration_context"`
	IntegrationType    types.String   `tfsdk:"integration_type"`
	TenantType         types.String   `tfsdk:"tenant_type"`
	IntegrationName    types.String   `tfsdk:"integration_name"`
	Status             types.String   `tfsdk:"status"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	Customer           types.String   `tfsdk:"customer"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

func (r *integrationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_integration"
}

func (r *integrationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := integrationKeyResourceAttributes()
	maps.Copy(attrs, map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "`integration_context/integration_type/tenant_type`, also the import ID.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"integration_name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The name the partner gives the integration, shown to the customer in LinkedIn: one line of 1–100 characters, without surrounding whitespace.",
			Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 100), lineValidator()},
		},
		"status": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "`PENDING_CONFIGURATION` (enabled by the customer, a required configuration such as " +
				"`CALLBACK_URL` still missing), `ENABLED`, or `DISABLED` (turned off by the customer).",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"created_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "When the customer enabled the integration (RFC 3339).",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"customer": customerResourceAttribute(),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "An integration that a customer enabled for the partner in LinkedIn (the integration " +
			"configuration plugin), adopted by Terraform to set its name and follow its status. Use the customer's child " +
			"application: `customer` (a key of the provider's `customers`), or a provider configured with its credentials.\n\n" +
			"Partners cannot create or delete integrations: creating this resource fails with a clear error until the " +
			"customer has enabled the integration, and destroying it only removes it from the Terraform state, with a warning.",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *integrationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	integrationKeyRules(ctx, req.Config, &resp.Diagnostics)
}

// ModifyPlan warns, at plan time, that destroying an integration only forgets it: partners cannot delete or
// disable integrations.
func (r *integrationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.data.checkPlan(ctx, req, resp, "integration", nil) // destroy only forgets
	change := changeOf(ctx, req, "integration_context", "integration_type", "tenant_type")
	if change == planKeeps {
		return
	}
	var state integrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id := integrationID(state.key())
	warnChange(&resp.Diagnostics, change,
		[2]string{"Integration stays enabled on LinkedIn", fmt.Sprintf("Partners cannot delete or disable integrations: "+
			"destroying %s will only remove it from the Terraform state. It stays enabled, with its name, until the "+
			"customer turns it off in LinkedIn.", id)},
		[2]string{"Integration stays enabled on LinkedIn", fmt.Sprintf("This change adopts another integration; %s "+
			"only leaves the Terraform state and stays enabled, with its name, until the customer turns it off.", id)})
}

func (r *integrationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (m integrationModel) key() client.IntegrationKey {
	return integrationKeyOf(m.IntegrationContext, m.IntegrationType, m.TenantType)
}

func (r *integrationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan integrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, c, ok := beginWrite(ctx, r.data, plan.Customer, plan.Timeouts.Create, &resp.Diagnostics, "adopt an integration")
	defer cancel()
	if !ok {
		return
	}
	key := plan.key()
	in, err := c.Integrations.Get(ctx, key)
	if client.IsEntityNotFound(err) {
		resp.Diagnostics.AddError("Integration not enabled by the customer", notEnabledMessage(key))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "creating (adopting) integration "+integrationID(key), err)
		return
	}
	warnIfDisabled(in, &resp.Diagnostics)
	if err := c.Integrations.SetName(ctx, key, plan.IntegrationName.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, "creating (naming) integration "+integrationID(key), err)
		return
	}
	plan.fromAPI(in)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *integrationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state integrationModel
	ctx, cancel, c, ok := beginRead(ctx, req, resp, r.data, "read an integration", &state, func() timeoutGetter { return state.Timeouts.Read })
	defer cancel()
	if !ok {
		return
	}
	key := state.key()
	in, err := c.Integrations.Get(ctx, key)
	if readFailed(ctx, resp, err, "Integration "+integrationID(key), importing(state.IntegrationName),
		"the customer turned it off or LinkedIn removed it. The next apply fails until the customer enables it again") {
		return
	}
	before := attrValues(&state)
	state.fromAPI(in)
	state.IntegrationName = types.StringValue(in.IntegrationName)
	setReadState(ctx, resp, &state, before)
}

func (r *integrationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan integrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, c, ok := beginWrite(ctx, r.data, plan.Customer, plan.Timeouts.Update, &resp.Diagnostics, "rename an integration")
	defer cancel()
	if !ok {
		return
	}
	key := plan.key()
	if err := c.Integrations.SetName(ctx, key, plan.IntegrationName.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, "updating (renaming) integration "+integrationID(key), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *integrationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state integrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning("Integration kept on LinkedIn",
		fmt.Sprintf("Partners cannot delete integrations: %s was removed from the Terraform state only. It stays "+
			"enabled, with its name, until the customer turns it off in LinkedIn.", integrationID(state.key())))
}

func (r *integrationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := validate.ImportID(r.data.importID(ctx, req.ID, resp), "integration_context", "integration_type", "tenant_type")
	if err == nil {
		err = validate.IntegrationKeyParts(parts[0], parts[1], parts[2])
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error()+". Example: urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER, "+
			"or urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER@acme for customer \"acme\" of the provider's customers")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("integration_context"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("integration_type"), parts[1])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("tenant_type"), parts[2])...)
}

// fromAPI copies what LinkedIn returns, except the name (which Create and Update take from the plan).
func (m *integrationModel) fromAPI(in *client.Integration) {
	key := in.Key()
	if key.IntegrationContext == "" { // be lenient with a sparse answer: keep the key we asked for
		key = m.key()
	}
	m.ID = types.StringValue(integrationID(key))
	m.IntegrationContext = types.StringValue(key.IntegrationContext)
	m.IntegrationType = types.StringValue(key.IntegrationType)
	m.TenantType = types.StringValue(key.TenantType)
	m.Status = types.StringValue(in.Status)
	m.CreatedAt = epochMillisString(in.CreatedAt)
}

func notEnabledMessage(key client.IntegrationKey) string {
	return fmt.Sprintf("LinkedIn has no integration %s (integration_context %s, integration_type %s, tenant_type %s) for "+
		"this child application. Partners cannot create integrations: the customer must first enable %s for your "+
		"application in LinkedIn (the integration configuration plugin in Recruiter's settings). Check also that the "+
		"provider (or the customers entry that customer names) holds the customer's child application credentials and that "+
		"integration_context is the customer's.",
		integrationID(key), key.IntegrationContext, key.IntegrationType, key.TenantType, key.IntegrationType)
}

func warnIfDisabled(in *client.Integration, diags *diag.Diagnostics) {
	if in.Status == client.IntegrationStatusDisabled {
		diags.AddWarning("Integration disabled by the customer",
			fmt.Sprintf("The customer turned integration %s off in LinkedIn. Terraform manages it, but LinkedIn will not use it "+
				"until the customer enables it again.", integrationID(in.Key())))
	}
}
