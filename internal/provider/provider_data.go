package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// providerData is what the provider's Configure hands to every resource, data source and ephemeral resource.
type providerData struct {
	client *client.Client
	// clientConfig is the configuration the client was built from (the ephemeral access token uses its
	// OAuth URL, HTTP client and credentials).
	clientConfig client.Config
}

// providerDataFrom converts the value passed to a resource's Configure. It returns nil, without a diagnostic,
// while the provider is not configured yet (Terraform calls Configure early during validation).
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}
