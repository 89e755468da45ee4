package provider

import (
	"context"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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

// setReadState writes what a Read found (model, a pointer to the resource's model struct) into the state,
// unless it is what the state already held: before is attrValues of the model as the Read got it from the
// state. The framework starts a Read's response from the prior state, and rebuilding the state from a model goes
// over every attribute by reflection: in a no-op plan, where LinkedIn's answer matches the state for every
// resource, that was the largest part of the provider's own CPU time in a Read.
func setReadState(ctx context.Context, resp *resource.ReadResponse, model any, before []attr.Value) {
	if slices.EqualFunc(before, attrValues(model), attr.Value.Equal) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}

// attrValues are the Terraform values of a model struct (a pointer to it), in field order.
func attrValues(model any) []attr.Value {
	v := reflect.ValueOf(model).Elem()
	out := make([]attr.Value, 0, v.NumField())
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		if a, ok := v.Field(i).Interface().(attr.Value); ok {
			out = append(out, a)
		}
	}
	return out
}
