package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

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
