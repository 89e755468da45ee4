package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestAPIClientExplainsMissingConfiguration(t *testing.T) {
	var diags diag.Diagnostics
	if apiClient(nil, &diags, "read an integration") != nil || !strings.Contains(diags.Errors()[0].Detail(), "not known yet") {
		t.Errorf("nil provider data: %v", diags)
	}
}
