package provider

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

func TestProvisionedApplicationMapping(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	m := provisionedApplicationModel{
		UniqueForeignID: types.StringValue("acme"), Name: types.StringValue("Acme"), Description: types.StringValue("d"),
		ValidJSSDKDomains: stringSet([]string{"https://a.example.com"}, &diags), OAuth2AuthorizedCallbackURLs: types.SetNull(types.StringType),
		ClientSecret: types.StringValue("kept"),
	}
	in := m.input(ctx, &diags)
	if in.UniqueForeignID != "acme" || len(in.ValidJsSdkDomains) != 1 || in.OAuth2AuthorizedCallbackURLs == nil {
		t.Errorf("input: %+v (null sets must be sent as empty lists)", in)
	}
	m.fromAPI(&client.ProvisionedApplication{
		Key: "urn:li:developerApplication:7", Name: "Renamed", Description: "d2",
		Credentials: client.Credentials{ClientID: "cid"},
	}, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if m.ID.ValueString() != "urn:li:developerApplication:7" || m.UniqueForeignID.ValueString() != "acme" ||
		m.Name.ValueString() != "Renamed" || m.ClientID.ValueString() != "cid" {
		t.Errorf("fromAPI: %+v", m)
	}
	if m.ClientSecret.ValueString() != "kept" {
		t.Error("fromAPI must keep the client secret LinkedIn never returns again")
	}
	if m.ValidJSSDKDomains.IsNull() || len(m.ValidJSSDKDomains.Elements()) != 0 {
		t.Errorf("missing domains must read as an empty set, got %v", m.ValidJSSDKDomains)
	}
}

func TestIntegrationMapping(t *testing.T) {
	m := integrationModel{IntegrationContext: types.StringValue("urn:li:organization:1"),
		IntegrationType: types.StringValue("APPLY_CONNECT"), TenantType: types.StringNull()}
	if k := m.key(); k.TenantType != "JOBS" {
		t.Errorf("unset tenant must default from the type: %+v", k)
	}
	m.fromAPI(&client.Integration{IntegrationContext: "urn:li:organization:1", IntegrationType: "APPLY_CONNECT",
		TenantType: "JOBS", Status: "ENABLED", CreatedAt: 1767225600000})
	if m.ID.ValueString() != "urn:li:organization:1/APPLY_CONNECT/JOBS" || m.CreatedAt.ValueString() != "2026-01-01T00:00:00Z" {
		t.Errorf("fromAPI: %+v", m)
	}
	if !epochMillisString(0).IsNull() {
		t.Error("a missing timestamp must be null")
	}
}

func TestConfigurationID(t *testing.T) {
	m := integrationConfigurationModel{IntegrationContext: types.StringValue("urn:li:organization:1"),
		IntegrationType: types.StringValue("ONE_CLICK_EXPORT"), TenantType: types.StringUnknown(), Name: types.StringValue("CALLBACK_URL")}
	if got := configurationID(m.key()); got != "urn:li:organization:1/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL" {
		t.Errorf("got %s", got)
	}
}

func TestFuncValidatorNamesAttribute(t *testing.T) {
	v := applicationNameValidator()
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name"), ConfigValue: types.StringValue("My LinkedIn app")}, resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "Attribute name must not contain") {
		t.Errorf("got %v", resp.Diagnostics)
	}
	resp = &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name"), ConfigValue: types.StringUnknown()}, resp)
	if resp.Diagnostics.HasError() {
		t.Error("unknown values must not be validated")
	}
}

func TestDescribeAPIError(t *testing.T) {
	if d := describeAPIError(&client.Error{HTTPStatus: 403, Message: "Not enough permissions"}); !strings.Contains(d, "child application") {
		t.Errorf("403: %s", d)
	}
	if !client.IsConfigurationNotDeletable(&client.Error{HTTPStatus: 400, Code: "CONFIGURATION_NOT_DELETABLE"}) || client.IsConfigurationNotDeletable(errors.New("x")) {
		t.Error("IsConfigurationNotDeletable")
	}
	if got := backquoteList([]string{"A", "B", "C"}); got != "`A`, `B` or `C`" {
		t.Errorf("backquoteList: %s", got)
	}
}

func TestAPIClientExplainsMissingConfiguration(t *testing.T) {
	var diags diag.Diagnostics
	if apiClient(nil, &diags, "read an integration") != nil || !strings.Contains(diags.Errors()[0].Detail(), "not known yet") {
		t.Errorf("nil provider data: %v", diags)
	}
}
