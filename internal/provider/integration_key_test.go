package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestBackquoteList(t *testing.T) {
	if got := backquoteList([]string{"A", "B", "C"}); got != "`A`, `B` or `C`" {
		t.Errorf("backquoteList: %s", got)
	}
}

func TestConfigurationID(t *testing.T) {
	m := integrationConfigurationModel{IntegrationContext: types.StringValue("urn:li:organization:1"),
		IntegrationType: types.StringValue("ONE_CLICK_EXPORT"), TenantType: types.StringUnknown(), Name: types.StringValue("CALLBACK_URL")}
	if got := configurationID(m.key()); got != "urn:li:organization:1/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL" {
		t.Errorf("got %s", got)
	}
}
