package provider

import (
	"context"
	"fmt"
	"strings"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	ephschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// The customer attribute of every resource, data source and ephemeral resource that calls a customer's data
// APIs (not linkedin_provisioned_application, which needs the parent application).

const customerDescriptionCommon = "The key of the provider's `customers` map whose credentials (the customer's child " +
	"application) this uses. Unset: the provider's own credentials, as without `customers`. A key that is not in `customers` " +
	"is an error at plan time, listing the keys."

// customerResourceAttribute is the customer attribute of a resource.
func customerResourceAttribute() rsschema.StringAttribute {
	return rsschema.StringAttribute{
		Optional: true,
		MarkdownDescription: customerDescriptionCommon + " Changing it from one customer to another replaces the resource. " +
			"Setting it on an existing resource that had none (moving from an aliased provider to `customers`), or removing " +
			"it, does not: the resource is managed with the new credentials from then on, which must be the same child " +
			"application's (the plan warns). Import IDs take the customer after an `@`: `<id>@<customer>`.",
		Validators:    []validator.String{customerKeyValidator()},
		PlanModifiers: []planmodifier.String{customerRequiresReplace()},
	}
}

// customerDataSourceAttribute is the customer attribute of a data source.
func customerDataSourceAttribute() dsschema.StringAttribute {
	return dsschema.StringAttribute{
		Optional:            true,
		MarkdownDescription: customerDescriptionCommon,
		Validators:          []validator.String{customerKeyValidator()},
	}
}

// customerEphemeralAttribute is the customer attribute of linkedin_access_token.
func customerEphemeralAttribute() ephschema.StringAttribute {
	return ephschema.StringAttribute{
		Optional: true,
		MarkdownDescription: "The key of the provider's `customers` map whose credentials to use, instead of `client_id` and " +
			"`client_secret`. With an entry of `client_id` and `client_secret`, a new token is obtained with them; an entry " +
			"with `access_token` is returned as it is, with a null `expires_at` (the provider cannot know when it expires). " +
			"While the entry is not known yet (a child application created in the same run), the token is unknown during plan, " +
			"with a warning; Terraform takes that, OpenTofu refuses it: with OpenTofu, set `client_id` and `client_secret` from " +
			"the `linkedin_provisioned_application` instead.",
		Validators: []validator.String{customerKeyValidator()},
	}
}

// customerRequiresReplace replaces a resource whose customer changes from one customer to another: that is
// another child application, which LinkedIn keeps apart. From null to a customer, or back, the resource is
// kept: that is how an existing resource moves from an aliased provider to the customers map, and replacing
// it would close and re-post a job posting.
func customerRequiresReplace() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = customerForcesReplace(req.StateValue, req.PlanValue)
		},
		"Changing the customer from one to another replaces the resource; setting or removing it does not.",
		"Changing `customer` from one customer to another replaces the resource; setting or removing it does not.",
	)
}

// customerForcesReplace reports whether a change of customer replaces a resource: both values set and
// different (a customer not known yet counts as different).
func customerForcesReplace(prior, planned types.String) bool {
	return !prior.IsNull() && !planned.IsNull() && !planned.Equal(prior)
}

// checkPlan is the plan-time half of choosing a client, called first in every resource's ModifyPlan, so that
// a configuration that could not be applied fails at plan time, before anything is sent:
//   - a customer that is not a key of customers, or no customer in a provider without credentials of its
//     own, is an error naming the customer attribute and listing the keys;
//   - a destroy that calls LinkedIn (destroy returns what it sends; nil when it sends nothing) for a
//     customer whose entry is gone is the offboarding error, which says how to destroy or forget it;
//   - setting customer on an existing resource that had none, or removing it, is a warning: the resource is
//     not replaced, and the new credentials must be the same application's.
//
// Credentials not known yet pass: they are known during apply. noun names the resource ("job posting").
func (pd *providerData) checkPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, noun string, destroy func() *destroyCall) {
	if pd == nil {
		return // the provider configuration is not known yet: Terraform configures it again for apply
	}
	diags := &resp.Diagnostics
	if req.Plan.Raw.IsNull() {
		if req.State.Raw.IsNull() || destroy == nil {
			return
		}
		ch := pd.choose(ctx, stateCustomer(ctx, req.State, diags), false)
		if ch.state != customerNotFound {
			return
		}
		if call := destroy(); call != nil {
			diags.AddError(pd.explainOffboarding(ch.customer, *call))
		}
		return
	}
	_, hasAttr := req.Plan.Schema.GetAttributes()[customerAttribute]
	customer := planCustomer(ctx, req.Plan, diags)
	switch ch := pd.choose(ctx, customer, false); ch.state {
	case customerNotFound, noOwnCredentials, clientFailed:
		summary, detail := pd.explain(ch, "manage this "+noun)
		if hasAttr {
			diags.AddAttributeError(customerPath, summary, detail)
		} else {
			diags.AddError(summary, detail)
		}
	}
	if !hasAttr || req.State.Raw.IsNull() {
		return
	}
	prior := stateCustomer(ctx, req.State, diags)
	switch {
	case prior.IsNull() && known(customer):
		diags.AddAttributeWarning(customerPath, "Customer set on an existing resource: not replaced",
			fmt.Sprintf("This %s was managed with the provider's own credentials and is managed with customer %q's from now on, "+
				"without being replaced: this is how a resource moves from an aliased provider to the customers map. customers[%q] "+
				"must hold the credentials of the same child application. If it is another application, LinkedIn keeps this "+
				"%s under the old one: remove it from the state instead (terraform state rm, or a removed block) and import it "+
				"with the new customer (<id>@%s).", noun, customer.ValueString(),
				customer.ValueString(), noun, customer.ValueString()))
	case known(prior) && customer.IsNull():
		diags.AddAttributeWarning(customerPath, "Customer removed from an existing resource: not replaced",
			fmt.Sprintf("This %s was managed with customer %q's credentials and is managed with the provider's own from now on, "+
				"without being replaced. They must be the credentials of the same child application.",
				noun, prior.ValueString()))
	}
}

// importID takes an "@customer" suffix off an import ID (the AWS provider's "<id>@<region>" convention) and
// records the customer in the imported state (and, in the private state, that the next Read follows an import). The ID is split on its last "@" only when the provider has a
// customers map and what follows is one of its keys (any valid key while the map is not known yet);
// otherwise it is used whole, since an external job posting id may contain "@".
func (pd *providerData) importID(ctx context.Context, id string, resp *resource.ImportStateResponse) string {
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importingKey, []byte("true"))...)
	rest, customer := validate.SplitImportCustomer(id, pd.isImportCustomer)
	if customer != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, customerPath, customer)...)
		return rest
	}
	if i := strings.LastIndex(id, "@"); i >= 0 && pd != nil && pd.customers != nil && validate.CustomerKey(id[i+1:]) == nil {
		resp.Diagnostics.AddWarning("Import ID used whole, without customer",
			fmt.Sprintf("Import ID %q ends in %q, which is not a key of the provider's customers map (keys: %s), so the whole ID "+
				"was imported with the provider's own credentials. To import a resource of a customer, end the ID with "+
				"@<customer key>.", id, id[i:], pd.quotedKeys()))
	}
	return id
}

// jobPostingDestroyCall is what destroying a job posting sends to LinkedIn: a CLOSE.
func jobPostingDestroyCall(ctx context.Context, state tfsdk.State) *destroyCall {
	var id types.String
	_ = state.GetAttribute(ctx, path.Root("external_job_posting_id"), &id)
	return &destroyCall{
		resource: fmt.Sprintf("linkedin_job_posting %q", id.ValueString()),
		action:   "a CLOSE of the job",
		leftOver: "the job stays as it is on LinkedIn (listed, if it was)",
	}
}
