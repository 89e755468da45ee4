package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// cachedObjectType is the type of a nested attribute whose type is large (onsite_apply_configuration: about
// 500 type nodes, against 60 for the rest of a job posting). terraform-plugin-framework's ObjectType rebuilds its
// Terraform type from the attribute types, and compares it node by node with the value's, every time it converts
// a value, and the framework converts every top-level attribute of a resource several times in each plan, whether
// the attribute is set or not. This type builds its Terraform type once, and converts null and unknown values
// without walking it; a value that is set is converted by ObjectType as before. It is the schema's CustomType:
// the schema, the values Terraform sees and the documentation are those of the plain nested attribute.
//
// Two consequences for code that reads such an attribute: its Go type is cachedObjectValue, not types.Object
// (GetAttribute into a types.Object fails with a conversion error), and a future state upgrader's PriorSchema
// must keep the CustomType for the model to read it.
type cachedObjectType struct {
	basetypes.ObjectType
	shared *cachedObjectTypes
}

// cachedObjectTypes is what every copy of one cachedObjectType shares: its Terraform type, built once, and an
// identity, so that comparing two copies of the same type takes one pointer comparison.
type cachedObjectTypes struct {
	terraform tftypes.Type
}

var (
	_ basetypes.ObjectTypable  = cachedObjectType{}
	_ basetypes.ObjectValuable = cachedObjectValue{}
)

// newCachedObjectType is the type of an object with these attribute types.
func newCachedObjectType(ctx context.Context, attrTypes map[string]attr.Type) cachedObjectType {
	object := basetypes.ObjectType{AttrTypes: attrTypes}
	return cachedObjectType{ObjectType: object, shared: &cachedObjectTypes{terraform: object.TerraformType(ctx)}}
}

// nestedAttributeTypes are the attribute types of a nested attribute's object.
func nestedAttributeTypes(attrs map[string]schema.Attribute) map[string]attr.Type {
	types := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		types[name] = a.GetType()
	}
	return types
}

// TerraformType is the Terraform type built by newCachedObjectType. The zero type (of a zero
// cachedObjectValue, which no conversion makes) builds its empty type, so that the framework reports a
// conversion error where it would panic.
func (t cachedObjectType) TerraformType(ctx context.Context) tftypes.Type {
	if t.shared == nil {
		return t.ObjectType.TerraformType(ctx)
	}
	return t.shared.terraform
}

// Equal is true for a copy of the same cachedObjectType, and for one built from equal attribute types.
func (t cachedObjectType) Equal(o attr.Type) bool {
	other, ok := o.(cachedObjectType)
	if !ok {
		return false
	}
	return t.shared == other.shared || t.ObjectType.Equal(other.ObjectType)
}

func (t cachedObjectType) String() string { return "cached " + t.ObjectType.String() }

// ValueType is the value this type produces.
func (t cachedObjectType) ValueType(context.Context) attr.Value {
	return cachedObjectValue{ObjectValue: basetypes.NewObjectNull(t.AttrTypes), typ: t}
}

// ValueFromObject wraps an object value of this type.
func (t cachedObjectType) ValueFromObject(_ context.Context, o basetypes.ObjectValue) (basetypes.ObjectValuable, diag.Diagnostics) {
	return cachedObjectValue{ObjectValue: o, typ: t}, nil
}

// ValueFromTerraform converts a Terraform value. A null or unknown value needs only its kind checked: its type
// is the schema's own (Terraform decodes every value with the schema's type), and its attributes are not read.
func (t cachedObjectType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	if in.Type() == nil {
		return t.ValueType(ctx), nil
	}
	if !in.Type().Is(tftypes.Object{}) {
		return nil, fmt.Errorf("expected an object of type %s, got %s", t.TerraformType(ctx), in.Type())
	}
	switch {
	case !in.IsKnown():
		return cachedObjectValue{ObjectValue: basetypes.NewObjectUnknown(t.AttrTypes), typ: t}, nil
	case in.IsNull():
		return t.ValueType(ctx), nil
	}
	v, err := t.ObjectType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	o, ok := v.(basetypes.ObjectValue)
	if !ok {
		return nil, fmt.Errorf("ObjectType converted %s to %T", in, v)
	}
	return cachedObjectValue{ObjectValue: o, typ: t}, nil
}

// cachedObjectValue is a value of a cachedObjectType: an ObjectValue that knows its type.
type cachedObjectValue struct {
	basetypes.ObjectValue
	typ cachedObjectType
}

func (v cachedObjectValue) Type(context.Context) attr.Type { return v.typ }

func (v cachedObjectValue) ToObjectValue(context.Context) (basetypes.ObjectValue, diag.Diagnostics) {
	return v.ObjectValue, nil
}

func (v cachedObjectValue) Equal(o attr.Value) bool {
	other, ok := o.(cachedObjectValue)
	return ok && v.ObjectValue.Equal(other.ObjectValue)
}

// ToTerraformValue converts to a Terraform value; null and unknown values take the type built once.
func (v cachedObjectValue) ToTerraformValue(ctx context.Context) (tftypes.Value, error) {
	switch {
	case v.IsNull():
		return tftypes.NewValue(v.typ.TerraformType(ctx), nil), nil
	case v.IsUnknown():
		return tftypes.NewValue(v.typ.TerraformType(ctx), tftypes.UnknownValue), nil
	}
	return v.ObjectValue.ToTerraformValue(ctx)
}
