package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Plan-time warnings for destroys and replacements that do not do what "destroy" suggests: LinkedIn has no
// delete for applications and integrations, keeps CALLBACK_URL once set, and closes job postings rather
// than deleting them. Saying so only after the apply is too late to change one's mind.

// planChange is what a plan does to an existing resource, as far as these warnings care.
type planChange int

const (
	planKeeps   planChange = iota // create, in-place update or no-op
	planDestroy                   // destroy
	planReplace                   // destroy then create (a key attribute changed)
)

// changeOf tells a destroy or a replacement apart. replaceAttrs are the attributes whose change forces a
// replacement (their RequiresReplace plan modifiers, which the resource-level ModifyPlan cannot see); a change
// of customer from one customer to another does too (customerForcesReplace).
func changeOf(ctx context.Context, req resource.ModifyPlanRequest, replaceAttrs ...string) planChange {
	switch {
	case req.State.Raw.IsNull():
		return planKeeps
	case req.Plan.Raw.IsNull():
		return planDestroy
	}
	for _, name := range replaceAttrs {
		var planned, prior attr.Value
		if req.Plan.GetAttribute(ctx, path.Root(name), &planned).HasError() || req.State.GetAttribute(ctx, path.Root(name), &prior).HasError() {
			continue
		}
		if planned.IsUnknown() || !planned.Equal(prior) {
			return planReplace
		}
	}
	if _, ok := req.Plan.Schema.GetAttributes()[customerAttribute]; ok {
		var planned, prior types.String
		if !req.Plan.GetAttribute(ctx, customerPath, &planned).HasError() && !req.State.GetAttribute(ctx, customerPath, &prior).HasError() &&
			customerForcesReplace(prior, planned) {
			return planReplace
		}
	}
	return planKeeps
}

// warnChange adds the warning that matches the change: onDestroy for a destroy, onReplace for a replacement;
// each is a summary and a detail, and an empty summary means no warning.
func warnChange(diags *diag.Diagnostics, change planChange, onDestroy, onReplace [2]string) {
	switch {
	case change == planDestroy && onDestroy[0] != "":
		diags.AddWarning(onDestroy[0], onDestroy[1])
	case change == planReplace && onReplace[0] != "":
		diags.AddWarning(onReplace[0], onReplace[1])
	}
}
