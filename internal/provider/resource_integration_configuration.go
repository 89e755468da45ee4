package provider

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

var (
	_ resource.Resource                   = (*integrationConfigurationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*integrationConfigurationResource)(nil)
	_ resource.ResourceWithConfigure      = (*integrationConfigurationResource)(nil)
	_ resource.ResourceWithImportState    = (*integrationConfigurationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*integrationConfigurationResource)(nil)
)

func newIntegrationConfigurationResource() resource.Resource {
	return &integrationConfigurationResource{}
}

// integrationConfigurationResource is one configuration key of a customer's integration
// (https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/integration-types).
type integrationConfigurationResource struct {
	data *providerData
}

type integrationConfigurationModel struct {
	ID                 types.String   `tfsdk:"id"`
	IntegrationContext types.String   `tfsdk:"integration_context"`
	IntegrationType    types.String   `tfsdk:"integration_type"`
	TenantType         types.String   `tfsdk:"tenant_type"`
	Name               types.String   `tfsdk:"name"`
	Value              types.String   `tfsdk:"value"`
	Customer           types.String   `tfsdk:"customer"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

func (r *integrationConfigurationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_integration_configuration"
}

func (r *integrationConfigurationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	attrs := integrationKeyResourceAttributes()
	maps.Copy(attrs, map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "`integration_context/integration_type/tenant_type/name`, also the import ID.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The configuration key: " + backquoteList(validate.ConfigurationNames()) + ", allowed only for the integration types in the table above.",
			PlanModifiers:       replace,
			Validators:          []validator.String{stringvalidator.OneOf(validate.ConfigurationNames()...)},
		},
		"value": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "The value: an HTTPS URL for `CALLBACK_URL` (unique per customer), `ALL_PRODUCT_USERS` " +
				"for the viewers keys. Changing it updates the key in place.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"customer": customerResourceAttribute(),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "One configuration key of a customer's integration, such as the `CALLBACK_URL` of " +
			"`ONE_CLICK_EXPORT`. Use the customer's child application (`customer`, or a provider configured with its " +
			"credentials); the customer must have enabled the integration.\n\n" +
			"| name | integration types | value | on destroy |\n|---|---|---|---|\n" +
			"| `CALLBACK_URL` | `ONE_CLICK_EXPORT`, `CRM_ONE_CLICK_EXPORT` | an HTTPS URL, unique per customer | kept by LinkedIn (removed from state with a warning) |\n" +
			"| `JOB_POSTING_VIEWERS` | `ONE_CLICK_EXPORT` | `ALL_PRODUCT_USERS` | deleted |\n" +
			"| `APPLICATION_VIEWERS` | `IN_ATS_INDICATOR`, `IN_CRM_INDICATOR` | `ALL_PRODUCT_USERS` | deleted |\n\n" +
			"Every rule of this table is checked at plan time. A value changed outside Terraform shows in the next plan; " +
			"a key deleted outside Terraform is created again.",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig checks the rules that span attributes: the key fits the integration type, and the value
// fits the key.
func (r *integrationConfigurationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	itype := integrationKeyRules(ctx, req.Config, &resp.Diagnostics)
	var name, value types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("value"), &value)...)
	if resp.Diagnostics.HasError() || !known(name) {
		return
	}
	if itype != "" {
		if err := validate.ConfigurationForType(itype, name.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Configuration name not allowed for integration_type",
				fmt.Sprintf("Attribute name: %s.", err))
		}
	}
	if known(value) {
		if err := validate.ConfigurationValue(name.ValueString(), value.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("value"), "Invalid configuration value",
				fmt.Sprintf("Attribute value: %s.", err))
		}
	}
}

// ModifyPlan warns, at plan time, that destroying or replacing a key LinkedIn keeps (CALLBACK_URL) leaves it
// on LinkedIn.
func (r *integrationConfigurationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.data.checkPlan(ctx, req, resp, "integration configuration", func() *destroyCall { return configurationDestroyCall(ctx, req.State) })
	change := changeOf(ctx, req, "integration_context", "integration_type", "tenant_type", "name")
	if change == planKeeps {
		return
	}
	var state integrationConfigurationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	key := state.key()
	if k, ok := validate.LookupConfiguration(key.ConfigurationName); !ok || k.Deletable || resp.Diagnostics.HasError() {
		return
	}
	id := configurationID(key)
	warnChange(&resp.Diagnostics, change,
		[2]string{key.ConfigurationName + " stays on LinkedIn", fmt.Sprintf("LinkedIn does not let partners delete %s: "+
			"destroying %s will only remove it from the Terraform state, and LinkedIn keeps its current value. To stop "+
			"LinkedIn using it, point it somewhere else before removing it from the configuration.", key.ConfigurationName, id)},
		[2]string{key.ConfigurationName + " stays on LinkedIn", fmt.Sprintf("This change replaces %s with a new key. "+
			"LinkedIn does not let partners delete %s: the old key keeps its current value on LinkedIn and only leaves "+
			"the Terraform state.", id, key.ConfigurationName)})
}

func (r *integrationConfigurationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (m integrationConfigurationModel) key() client.ConfigurationKey {
	return client.ConfigurationKey{
		IntegrationKey:    integrationKeyOf(m.IntegrationContext, m.IntegrationType, m.TenantType),
		ConfigurationName: m.Name.ValueString(),
	}
}

func (r *integrationConfigurationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan integrationConfigurationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, _, ok := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if ok {
		r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics, "creating")
	}
}

// write upserts the planned value: LinkedIn has one call (batch_update) for creating and changing a
// configuration. operation is "creating" or "updating", for diagnostics.
func (r *integrationConfigurationResource) write(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics, operation string) {
	var plan integrationConfigurationModel
	diags.Append(planned.Get(ctx, &plan)...)
	c := r.data.clientFor(ctx, plan.Customer, diags, strings.TrimSuffix(operation, "ing")+" an integration configuration")
	if diags.HasError() {
		return
	}
	key := plan.key()
	if !r.upsert(ctx, c, key, plan.Value.ValueString(), operation, diags) {
		return
	}
	plan.setKey(key)
	diags.Append(state.Set(ctx, &plan)...)
}

func (r *integrationConfigurationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state integrationConfigurationModel
	ctx, cancel, c, ok := beginRead(ctx, req, resp, r.data, "read an integration configuration", &state, func() timeoutGetter { return state.Timeouts.Read })
	defer cancel()
	if !ok {
		return
	}
	key := state.key()
	got, err := c.Configurations.Get(ctx, key)
	if readFailed(ctx, resp, err, "Integration configuration "+configurationID(key), importing(state.Value),
		"it was deleted outside Terraform (or the customer turned the integration off); the next apply sets it again") {
		return
	}
	before := attrValues(&state)
	state.setKey(key)
	state.Value = types.StringValue(got.Value)
	setReadState(ctx, resp, &state, before)
}

func (r *integrationConfigurationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan integrationConfigurationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, _, ok := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if ok {
		r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics, "updating")
	}
}

func (r *integrationConfigurationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state integrationConfigurationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key := state.key()
	if k, ok := validate.LookupConfiguration(key.ConfigurationName); ok && !k.Deletable {
		resp.Diagnostics.AddWarning("Configuration kept on LinkedIn", keptMessage(key))
		return
	}
	c := r.data.deleteClient(ctx, req.State, &resp.Diagnostics, "delete an integration configuration", func() *destroyCall {
		return configurationDestroyCall(ctx, req.State)
	})
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, _, ok := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	err := c.Configurations.Delete(ctx, key)
	switch {
	case err == nil, client.IsEntityNotFound(err):
	case client.IsConfigurationNotDeletable(err):
		resp.Diagnostics.AddWarning("Configuration kept on LinkedIn", keptMessage(key))
	default:
		addAPIError(&resp.Diagnostics, "deleting integration configuration "+configurationID(key), err)
	}
}

func (r *integrationConfigurationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := validate.ImportID(r.data.importID(ctx, req.ID, resp), "integration_context", "integration_type", "tenant_type", "name")
	if err == nil {
		err = validate.ConfigurationKeyParts(parts[0], parts[1], parts[2], parts[3])
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error()+". Example: urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL, "+
			"or urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@acme for customer \"acme\" of the provider's customers")
		return
	}
	for i, attr := range []string{"integration_context", "integration_type", "tenant_type", "name"} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), parts[i])...)
	}
}

// upsert writes one configuration key, explaining a missing integration (the customer has not enabled it).
func (r *integrationConfigurationResource) upsert(ctx context.Context, c *client.Client, key client.ConfigurationKey, value, operation string, diags *diag.Diagnostics) bool {
	err := c.Configurations.Upsert(ctx, client.IntegrationConfiguration{Key: key, Value: value})
	if err == nil {
		return true
	}
	if client.IsEntityNotFound(err) {
		diags.AddError("Integration not enabled by the customer", notEnabledMessage(key.IntegrationKey))
		return false
	}
	addAPIError(diags, operation+" integration configuration "+configurationID(key), err)
	return false
}

func (m *integrationConfigurationModel) setKey(key client.ConfigurationKey) {
	m.ID = types.StringValue(configurationID(key))
	m.IntegrationContext = types.StringValue(key.IntegrationContext)
	m.IntegrationType = types.StringValue(key.IntegrationType)
	m.TenantType = types.StringValue(key.TenantType)
	m.Name = types.StringValue(key.ConfigurationName)
}

func keptMessage(key client.ConfigurationKey) string {
	return fmt.Sprintf("LinkedIn does not let partners delete %s: %s was removed from the Terraform state only and LinkedIn "+
		"keeps its current value. Change the value with Terraform (or import it again) to replace it.",
		key.ConfigurationName, configurationID(key))
}

// configurationDestroyCall is what destroying a configuration key sends to LinkedIn: a delete for the keys
// LinkedIn lets partners delete, nothing for CALLBACK_URL (nil).
func configurationDestroyCall(ctx context.Context, state tfsdk.State) *destroyCall {
	var m integrationConfigurationModel
	if state.Get(ctx, &m).HasError() {
		return nil
	}
	key := m.key()
	if k, ok := validate.LookupConfiguration(key.ConfigurationName); !ok || !k.Deletable {
		return nil
	}
	return &destroyCall{
		resource: "linkedin_integration_configuration " + configurationID(key),
		action:   "a delete of " + key.ConfigurationName,
		leftOver: key.ConfigurationName + " keeps its value on LinkedIn",
	}
}
