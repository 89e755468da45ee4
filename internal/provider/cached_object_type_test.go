package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The cached type must be indistinguishable from the plain ObjectType it stands for: the same Terraform type, and
// every value converted to and from Terraform unchanged, null, unknown and set alike.
func TestCachedObjectType(t *testing.T) {
	ctx := context.Background()
	object := types.ObjectType{AttrTypes: map[string]attr.Type{
		"name":  types.StringType,
		"items": types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{"n": types.Int64Type}}},
	}}
	typ := newCachedObjectType(ctx, object.AttrTypes)
	if !typ.TerraformType(ctx).Equal(object.TerraformType(ctx)) {
		t.Fatalf("Terraform type %s, want %s", typ.TerraformType(ctx), object.TerraformType(ctx))
	}
	if !typ.Equal(typ) || !typ.Equal(newCachedObjectType(ctx, object.AttrTypes)) || typ.Equal(object) {
		t.Fatal("a cached type equals itself and a cached type of the same attributes, and not the plain ObjectType")
	}
	other := newCachedObjectType(ctx, map[string]attr.Type{"name": types.StringType})
	if typ.Equal(other) {
		t.Fatal("cached types of different attributes are equal")
	}

	tfType := object.TerraformType(ctx)
	set := tftypes.NewValue(tfType, map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, "a"),
		"items": tftypes.NewValue(tfType.(tftypes.Object).AttributeTypes["items"], []tftypes.Value{
			tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"n": tftypes.Number}},
				map[string]tftypes.Value{"n": tftypes.NewValue(tftypes.Number, 7)}),
		}),
	})
	for name, in := range map[string]tftypes.Value{
		"null":    tftypes.NewValue(tfType, nil),
		"unknown": tftypes.NewValue(tfType, tftypes.UnknownValue),
		"set":     set,
	} {
		t.Run(name, func(t *testing.T) {
			v, err := typ.ValueFromTerraform(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			cv, ok := v.(cachedObjectValue)
			if !ok {
				t.Fatalf("value of type %T, want cachedObjectValue", v)
			}
			if !cv.Type(ctx).Equal(typ) {
				t.Errorf("the value's type is %s", cv.Type(ctx))
			}
			plain, err := object.ValueFromTerraform(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if !cv.ObjectValue.Equal(plain) {
				t.Errorf("object %s, want %s", cv.ObjectValue, plain)
			}
			out, err := cv.ToTerraformValue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !out.Equal(in) {
				t.Errorf("back to Terraform: %s, want %s", out, in)
			}
			again, _ := typ.ValueFromTerraform(ctx, out)
			if !again.Equal(cv) {
				t.Errorf("round trip: %s, want %s", again, cv)
			}
		})
	}
	if _, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "x")); err == nil {
		t.Error("a string converted to an object")
	}
	wrapped, _ := typ.ValueFromObject(ctx, basetypes.NewObjectNull(object.AttrTypes))
	if !wrapped.(cachedObjectValue).IsNull() || !wrapped.Type(ctx).Equal(typ) {
		t.Error("ValueFromObject does not keep the value and the type")
	}
}

// The job posting's onsite_apply_configuration has the Terraform type of its nested attributes, built once.
func TestOnsiteApplyAttributeType(t *testing.T) {
	ctx := context.Background()
	a := onsiteApplyAttribute()
	plain := a
	plain.CustomType = nil
	if !a.GetType().TerraformType(ctx).Equal(plain.GetType().TerraformType(ctx)) {
		t.Fatal("onsite_apply_configuration's cached type differs from its nested attributes' type")
	}
}

// A zero cachedObjectValue (a model field no conversion filled) is a conversion error when written, not a panic.
func TestCachedObjectValueZero(t *testing.T) {
	ctx := context.Background()
	var resp resource.SchemaResponse
	(&jobPostingResource{}).Schema(ctx, resource.SchemaRequest{}, &resp)
	state := tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(ctx), nil)}
	diags := state.SetAttribute(ctx, path.Root(onsiteApplyAttributeName), cachedObjectValue{})
	if !diags.HasError() {
		t.Fatal("writing a zero cachedObjectValue succeeded")
	}
	if _, err := (cachedObjectValue{}).ToTerraformValue(ctx); err != nil {
		t.Fatal(err)
	}
}
