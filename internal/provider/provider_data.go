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

// apiClient returns the client for a call that needs LinkedIn, or adds a diagnostic explaining why there is
// none: the provider configuration was not known yet (an aliased provider configured from a resource created
// in the same run).
func apiClient(pd *providerData, diags *diag.Diagnostics, what string) *client.Client {
	switch {
	case pd == nil || pd.client == nil:
		diags.AddError("LinkedIn provider not configured",
			fmt.Sprintf("Cannot %s: the provider configuration is not known yet. This happens when the provider's "+
				"credentials come from a resource created in the same run (a new linkedin_provisioned_application): "+
				"apply that resource first (terraform apply -target=...), then apply the rest.", what))
		return nil
	}
	return pd.client
}

// refreshClient is apiClient for Read: when the provider configuration is not known yet (its credentials come
// from a child application being replaced in this run), the resource keeps its prior state with a warning
// instead of failing the whole plan.
func refreshClient(pd *providerData, diags *diag.Diagnostics, what string) (c *client.Client, skip bool) {
	if pd == nil {
		diags.AddWarning("LinkedIn provider configuration not known yet",
			fmt.Sprintf("Did not %s: the provider's credentials depend on values known only after apply (a child "+
				"application being created or replaced). The prior state is kept; run plan again after apply.", what))
		return nil, true
	}
	return apiClient(pd, diags, what), false
}
