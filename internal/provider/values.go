package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Helpers for Terraform values, shared by the resources and data sources.

// known reports whether a value is set and known (neither null nor unknown).
func known(v interface {
	IsNull() bool
	IsUnknown() bool
}) bool {
	return !v.IsNull() && !v.IsUnknown()
}

// nullIfEmpty is null for "" (LinkedIn leaves out what it does not know) and the string otherwise.
func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// stringList is the elements of a list of strings; nil when the list is null or unknown.
func stringList(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if !known(l) {
		return nil
	}
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// setStrings is the elements of a known set of strings (nil for null or unknown), in the set's order.
func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	if !known(s) {
		return nil
	}
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	slices.Sort(out) // one order for plan and state, so that comparing two jobs compares their contents
	return out
}
