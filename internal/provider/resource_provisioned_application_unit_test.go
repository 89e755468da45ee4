package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
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
