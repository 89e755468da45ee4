package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// funcValidator adapts a rule of package validate to a string attribute validator. The diagnostic names the
// attribute (Terraform prints its path) and the rule.
type funcValidator struct {
	summary     string
	description string
	check       func(string) error
}

var _ validator.String = funcValidator{}

func (v funcValidator) Description(context.Context) string         { return v.description }
func (v funcValidator) MarkdownDescription(context.Context) string { return v.description }

func (v funcValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, fmt.Sprintf("Attribute %s %s.", req.Path, err))
	}
}

// httpURLValidator checks api_url and oauth_url.
type httpURLValidator struct{}

func (httpURLValidator) Description(context.Context) string { return "must be an absolute http(s) URL" }
func (v httpURLValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}
func (httpURLValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	funcValidator{summary: "Invalid URL", check: func(s string) error {
		if err := validate.HTTPURL(s); err != nil {
			return fmt.Errorf("must be an absolute http(s) URL: %w", err)
		}
		return nil
	}}.ValidateString(ctx, req, resp)
}

func applicationNameValidator() validator.String {
	return funcValidator{summary: "Invalid application name", description: "at most 50 characters, must not contain \"LinkedIn\"",
		check: func(s string) error {
			if err := validate.ApplicationName(s); err != nil {
				return fmt.Errorf("%w (LinkedIn's rule for child application names)", err)
			}
			return nil
		}}
}

func jsSDKDomainValidator() validator.String {
	return funcValidator{summary: "Invalid JS SDK domain", description: "a domain without a trailing \"/\"",
		check: func(s string) error {
			if err := validate.JSSDKDomain(s); err != nil {
				return fmt.Errorf("entry %w", err)
			}
			return nil
		}}
}

func callbackURLListValidator() validator.String {
	return funcValidator{summary: "Invalid OAuth 2.0 callback URL", description: "an absolute http(s) URL",
		check: func(s string) error {
			if err := validate.HTTPURL(s); err != nil {
				return fmt.Errorf("entry must be an absolute http(s) URL: %w", err)
			}
			return nil
		}}
}

func integrationContextValidator() validator.String {
	return funcValidator{summary: "Invalid integration_context", description: "an organization or contract URN",
		check: func(s string) error {
			if err := validate.IntegrationContext(s); err != nil {
				return err
			}
			return nil
		}}
}

// integrationKeyRules checks, across attributes, that integration_context and tenant_type fit integration_type
// (spec §2). Values not known yet are skipped; Terraform validates again once they are.
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

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
