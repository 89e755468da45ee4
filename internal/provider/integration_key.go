package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// Attribute descriptions shared by the integration resources and data source.
var (
	descIntegrationContext = "The customer's integration context: an organization URN (`urn:li:organization:N`) for most " +
		"integration types, a contract URN (`urn:li:contract:N`) for `CSA_API`, `CRM_CSA_API` and `PREMIUM_JOB_POSTING`. " +
		"LinkedIn shows it to the customer in the integration configuration plugin."
	descIntegrationType = "The integration type, one of " + backquoteList(validate.IntegrationTypeNames()) + "."
	descTenantType      = "`RECRUITER` or `JOBS`. Defaults to the tenant type of `integration_type` (`JOBS` for " +
		"`APPLY_CONNECT`, `APPLY_WITH_LINKEDIN` and `PREMIUM_JOB_POSTING`, `RECRUITER` for the others); any other value is rejected."
)

func integrationTypeValidators() []validator.String {
	return []validator.String{stringvalidator.OneOf(validate.IntegrationTypeNames()...)}
}

func tenantTypeValidators() []validator.String {
	return []validator.String{stringvalidator.OneOf(validate.TenantTypes()...)}
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

// tenantOrDefault is the tenant type to use for a key whose tenant_type may be unset.
func tenantOrDefault(tenant types.String, integrationType string) string {
	if known(tenant) {
		return tenant.ValueString()
	}
	return validate.DefaultTenantType(integrationType)
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
