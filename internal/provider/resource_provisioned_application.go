package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

var (
	_ resource.Resource                = (*provisionedApplicationResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*provisionedApplicationResource)(nil)
	_ resource.ResourceWithConfigure   = (*provisionedApplicationResource)(nil)
	_ resource.ResourceWithImportState = (*provisionedApplicationResource)(nil)
)

func newProvisionedApplicationResource() resource.Resource { return &provisionedApplicationResource{} }

// provisionedApplicationResource is a customer's child application, created with the partner's parent
// application through LinkedIn's provisioning API
// (https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/provisioning-api).
type provisionedApplicationResource struct {
	data *providerData
}

type provisionedApplicationModel struct {
	ID                           types.String   `tfsdk:"id"`
	UniqueForeignID              types.String   `tfsdk:"unique_foreign_id"`
	Name                         types.String   `tfsdk:"name"`
	Description                  types.String   `tfsdk:"description"`
	ValidJSSDKDomains            types.Set      `tfsdk:"valid_js_sdk_domains"`
	OAuth2AuthorizedCallbackURLs types.Set      `tfsdk:"oauth2_authorized_callback_urls"`
	ClientID                     types.String   `tfsdk:"client_id"`
	ClientSecret                 types.String   `tfsdk:"client_secret"`
	Timeouts                     timeouts.Value `tfsdk:"timeouts"`
}

func (r *provisionedApplicationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_provisioned_application"
}

func (r *provisionedApplicationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	emptySet := setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{}))
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer's child application, provisioned by the partner's parent application " +
			"(configure the provider with the parent application's credentials). The child application's " +
			"`client_id` and `client_secret` then configure a second, aliased provider that manages the customer's " +
			"integrations and configurations.\n\n" +
			"LinkedIn has no API to delete an application: destroying this resource only removes it from the " +
			"Terraform state, with a warning.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The application's URN, `urn:li:developerApplication:N`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"unique_foreign_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The partner's own identifier of the customer, unique among the parent application's " +
					"children, on one line without surrounding whitespace. Changing it provisions a new application. Also the import ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{lineValidator()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the application: one line of at most 50 characters, without surrounding whitespace, and it must not contain `LinkedIn`.",
				Validators:          []validator.String{applicationNameValidator()},
			},
			"description": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Description of the application (required by LinkedIn): not blank, without surrounding whitespace (LinkedIn returns it as stored); line breaks are allowed.",
				Validators:          []validator.String{trimmedTextValidator()},
			},
			"valid_js_sdk_domains": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     emptySet,
				MarkdownDescription: "Domains allowed to use LinkedIn's JavaScript SDK with this application, each an `http://` or " +
					"`https://` origin (scheme, host and optional port) such as `https://ats.example.com`, without a path or trailing `/`.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(jsSDKDomainValidator())},
			},
			"oauth2_authorized_callback_urls": schema.SetAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				Computed:            true,
				Default:             emptySet,
				MarkdownDescription: "OAuth 2.0 redirect URLs authorized for this application, each an absolute `http://` or `https://` URL.",
				Validators:          []validator.Set{setvalidator.ValueStringsAre(callbackURLListValidator())},
			},
			"client_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The child application's client ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"client_secret": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				MarkdownDescription: "The child application's client secret. LinkedIn returns it only when the application " +
					"is created, so it is known only for applications created by Terraform; it is null after " +
					"`terraform import` and cannot be recovered through the API.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// ModifyPlan warns, at plan time, that destroying a child application only forgets it (LinkedIn has no API
// to delete one) and that replacing it provisions a new application with new credentials.
func (r *provisionedApplicationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.data.checkPlan(ctx, req, resp, "child application", nil) // a provider with only customers has no parent credentials
	change := changeOf(ctx, req, "unique_foreign_id")
	if change == planKeeps {
		return
	}
	var state provisionedApplicationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	what := fmt.Sprintf("%s (unique_foreign_id %q)", state.ID.ValueString(), state.UniqueForeignID.ValueString())
	warnChange(&resp.Diagnostics, change,
		[2]string{"Child application stays on LinkedIn", fmt.Sprintf("LinkedIn has no API to delete an application: "+
			"destroying %s will only remove it from the Terraform state. It keeps existing on LinkedIn with working "+
			"credentials and the customer's integrations; ask LinkedIn support to remove it for good.", what)},
		[2]string{"Child application replaced by a new one", fmt.Sprintf("This change provisions a new child "+
			"application with new credentials: the customer must enable its integrations again for the new one. %s "+
			"only leaves the Terraform state and keeps working on LinkedIn.", what)})
}

func (r *provisionedApplicationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *provisionedApplicationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan provisionedApplicationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	c := apiClient(r.data, &resp.Diagnostics, "provision a child application")
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.input(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, _, ok := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	app, err := c.Applications.Create(ctx, in)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("provisioning child application %q", in.UniqueForeignID), err)
		return
	}
	plan.ID = types.StringValue(app.Key)
	plan.ClientID = types.StringValue(app.Credentials.ClientID)
	plan.ClientSecret = types.StringValue(app.Credentials.ClientSecret)
	if app.Credentials.ClientSecret == "" {
		plan.ClientSecret = types.StringNull()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *provisionedApplicationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state provisionedApplicationModel
	ctx, cancel, c, ok := beginRead(ctx, req, resp, r.data, "read a child application", &state, func() timeoutGetter { return state.Timeouts.Read })
	defer cancel()
	if !ok {
		return
	}
	app, err := c.Applications.GetByUniqueForeignID(ctx, state.UniqueForeignID.ValueString())
	if readFailed(ctx, resp, err, fmt.Sprintf("Child application %q", state.UniqueForeignID.ValueString()), importing(state.Name),
		"the next apply provisions it again, with new credentials") {
		return
	}
	state.fromAPI(app, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *provisionedApplicationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state provisionedApplicationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	c := apiClient(r.data, &resp.Diagnostics, "update a child application")
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.input(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, _, ok := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if err := c.Applications.Update(ctx, state.ID.ValueString(), in); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("updating child application %s", state.ID.ValueString()), err)
		return
	}
	plan.ID, plan.ClientID, plan.ClientSecret = state.ID, state.ClientID, state.ClientSecret
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *provisionedApplicationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state provisionedApplicationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning("Child application kept on LinkedIn",
		fmt.Sprintf("LinkedIn has no API to delete an application: %s (unique_foreign_id %q) was removed from the "+
			"Terraform state only and still exists on LinkedIn, with its credentials. Import it again with "+
			"terraform import and its unique_foreign_id; ask LinkedIn support to remove it for good.",
			state.ID.ValueString(), state.UniqueForeignID.ValueString()))
}

func (r *provisionedApplicationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := validate.SingleImportID(req.ID, "unique_foreign_id", validate.Line); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("%s. Import a child application by its unique_foreign_id, "+
			"for example: terraform import linkedin_provisioned_application.acme acme-1.", err))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("unique_foreign_id"), req, resp)
}

// input maps the plan to LinkedIn's create/update body.
func (m provisionedApplicationModel) input(ctx context.Context, diags *diag.Diagnostics) client.ProvisionedApplicationInput {
	in := client.ProvisionedApplicationInput{
		UniqueForeignID:              m.UniqueForeignID.ValueString(),
		Name:                         m.Name.ValueString(),
		Description:                  m.Description.ValueString(),
		ValidJsSdkDomains:            []string{},
		OAuth2AuthorizedCallbackURLs: []string{},
	}
	if known(m.ValidJSSDKDomains) {
		diags.Append(m.ValidJSSDKDomains.ElementsAs(ctx, &in.ValidJsSdkDomains, false)...)
	}
	if known(m.OAuth2AuthorizedCallbackURLs) {
		diags.Append(m.OAuth2AuthorizedCallbackURLs.ElementsAs(ctx, &in.OAuth2AuthorizedCallbackURLs, false)...)
	}
	return in
}

// fromAPI maps what LinkedIn returns to the model. The client secret is kept: LinkedIn never returns it again.
func (m *provisionedApplicationModel) fromAPI(app *client.ProvisionedApplication, diags *diag.Diagnostics) {
	m.ID = types.StringValue(app.Key)
	if app.UniqueForeignID != "" {
		m.UniqueForeignID = types.StringValue(app.UniqueForeignID)
	}
	m.Name = types.StringValue(app.Name)
	m.Description = types.StringValue(app.Description)
	m.ValidJSSDKDomains = stringSet(app.ValidJsSdkDomains, diags)
	m.OAuth2AuthorizedCallbackURLs = stringSet(app.OAuth2AuthorizedCallbackURLs, diags)
	m.ClientID = types.StringValue(app.Credentials.ClientID)
	if m.ClientSecret.IsUnknown() {
		m.ClientSecret = types.StringNull()
	}
}

func stringSet(items []string, diags *diag.Diagnostics) types.Set {
	vals := make([]attr.Value, 0, len(items))
	for _, s := range items {
		vals = append(vals, types.StringValue(s))
	}
	set, d := types.SetValue(types.StringType, vals)
	diags.Append(d...)
	return set
}
