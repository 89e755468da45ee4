package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// The key of an integration: integration_context, integration_type and tenant_type, shared by
// linkedin_integration, linkedin_integration_configuration and the linkedin_integration data source.
// Which context and tenant fit which type:
// https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/integration-types

const (
	integrationContextDescription = "The customer's integration context: an organization URN (`urn:li:organization:N`) for most " +
		"integration types, a contract URN (`urn:li:contract:N`) for `CSA_API`, `CRM_CSA_API` and `PREMIUM_JOB_POSTING`. " +
		"LinkedIn shows it to the customer in the integration configuration plugin."
	tenantTypeDescription = "`RECRUITER` or `JOBS`. Defaults to the tenant type of `integration_type` (`JOBS` for " +
		"`APPLY_CONNECT`, `APPLY_WITH_LINKEDIN` and `PREMIUM_JOB_POSTING`, `RECRUITER` for the others); any other value is rejected."
)

func integrationTypeDescription() string {
	return "The integration type, one of " + backquoteList(validate.IntegrationTypeNames()) + "."
}

// integrationKeyResourceAttributes are the key attributes of a resource: another key is another integration
// (or configuration), so a change replaces the resource.
func integrationKeyResourceAttributes() map[string]rsschema.Attribute {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	return map[string]rsschema.Attribute{
		"integration_context": rsschema.StringAttribute{
			Required: true, MarkdownDescription: integrationContextDescription, PlanModifiers: replace,
			Validators: []validator.String{integrationContextValidator()},
		},
		"integration_type": rsschema.StringAttribute{
			Required: true, MarkdownDescription: integrationTypeDescription(), PlanModifiers: replace,
			Validators: []validator.String{integrationTypeValidator()},
		},
		"tenant_type": rsschema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: tenantTypeDescription,
			PlanModifiers: []planmodifier.String{defaultTenantType{}, stringplanmodifier.RequiresReplace()},
			Validators:    []validator.String{tenantTypeValidator()},
		},
	}
}

// integrationKeyDataSourceAttributes are the key attributes of a data source.
func integrationKeyDataSourceAttributes() map[string]dsschema.Attribute {
	return map[string]dsschema.Attribute{
		"integration_context": dsschema.StringAttribute{Required: true, MarkdownDescription: integrationContextDescription,
			Validators: []validator.String{integrationContextValidator()}},
		"integration_type": dsschema.StringAttribute{Required: true, MarkdownDescription: integrationTypeDescription(),
			Validators: []validator.String{integrationTypeValidator()}},
		"tenant_type": dsschema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: tenantTypeDescription,
			Validators: []validator.String{tenantTypeValidator()}},
	}
}

func integrationContextValidator() validator.String {
	return funcValidator{summary: "Invalid integration_context", description: "an organization or contract URN",
		check: validate.IntegrationContext}
}

func integrationTypeValidator() validator.String {
	return stringvalidator.OneOf(validate.IntegrationTypeNames()...)
}

func tenantTypeValidator() validator.String {
	return stringvalidator.OneOf(validate.TenantTypes()...)
}

// defaultTenantType plans tenant_type from integration_type when the configuration leaves it unset.
type defaultTenantType struct{}

var _ planmodifier.String = defaultTenantType{}

func (defaultTenantType) Description(context.Context) string {
	return "defaults to the tenant type of integration_type"
}
func (m defaultTenantType) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (defaultTenantType) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	var itype types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("integration_type"), &itype)...)
	if !known(itype) {
		return
	}
	if t := validate.DefaultTenantType(itype.ValueString()); t != "" {
		resp.PlanValue = types.StringValue(t)
	}
}

// integrationKeyOf is the integration the key attributes name; an unset tenant_type is integration_type's.
func integrationKeyOf(integrationContext, integrationType, tenantType types.String) client.IntegrationKey {
	tenant := tenantType.ValueString()
	if !known(tenantType) {
		tenant = validate.DefaultTenantType(integrationType.ValueString())
	}
	return client.IntegrationKey{
		IntegrationContext: integrationContext.ValueString(),
		IntegrationType:    integrationType.ValueString(),
		TenantType:         tenant,
	}
}

// integrationKeyRules checks, across attributes, that integration_context and tenant_type fit integration_type
// Values not known yet are skipped; Terraform validates again once they are.
func integrationKeyRules(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (integrationType string) {
	var itype, ictx, tenant types.String
	diags.Append(config.GetAttribute(ctx, path.Root("integration_type"), &itype)...)
	diags.Append(config.GetAttribute(ctx, path.Root("integration_context"), &ictx)...)
	diags.Append(config.GetAttribute(ctx, path.Root("tenant_type"), &tenant)...)
	if diags.HasError() || !known(itype) {
		return ""
	}
	t := itype.ValueString()
	if known(ictx) && validate.ContextKind(ictx.ValueString()) != "" {
		if err := validate.ContextForType(t, ictx.ValueString()); err != nil {
			diags.AddAttributeError(path.Root("integration_context"), "integration_context does not fit integration_type",
				fmt.Sprintf("Attribute integration_context: %s.", err))
		}
	}
	if known(tenant) {
		if err := validate.TenantForType(t, tenant.ValueString()); err != nil {
			diags.AddAttributeError(path.Root("tenant_type"), "tenant_type does not fit integration_type",
				fmt.Sprintf("Attribute tenant_type: %s.", err))
		}
	}
	return t
}

// integrationID is the resource id and import id of an integration: context/type/tenant.
func integrationID(k client.IntegrationKey) string {
	return validate.JoinID(k.IntegrationContext, k.IntegrationType, k.TenantType)
}

// configurationID is the resource id and import id of a configuration: context/type/tenant/name.
func configurationID(k client.ConfigurationKey) string {
	return validate.JoinID(k.IntegrationContext, k.IntegrationType, k.TenantType, k.ConfigurationName)
}

func backquoteList(items []string) string {
	out := ""
	for i, s := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			out += " or "
		default:
			out += ", "
		}
		out += fmt.Sprintf("`%s`", s)
	}
	return out
}
