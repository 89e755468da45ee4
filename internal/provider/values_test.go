package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type readModel struct {
	ID    types.String `tfsdk:"id"`
	Tags  types.Set    `tfsdk:"tags"`
	plain string       // not a Terraform value: ignored
}

func TestAttrValuesInFieldOrder(t *testing.T) {
	m := readModel{ID: types.StringValue("a"), Tags: types.SetValueMust(types.StringType, []attr.Value{types.StringValue("x")}), plain: "p"}
	got := attrValues(&m)
	if len(got) != 2 || !got[0].Equal(m.ID) || !got[1].Equal(m.Tags) {
		t.Fatalf("attrValues = %v", got)
	}
}

// A Read that finds what the state holds leaves the response's state as the framework gave it; one that finds
// something else writes the model.
func TestSetReadStateWritesOnlyChanges(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"tags": schema.SetAttribute{ElementType: types.StringType, Optional: true},
	}}
	prior := readModel{ID: types.StringValue("a"), Tags: types.SetNull(types.StringType)}
	for _, tc := range []struct {
		name   string
		read   func(*readModel)
		wantID string
	}{
		{"unchanged", func(*readModel) {}, "a"},
		{"changed", func(m *readModel) { m.ID = types.StringValue("b") }, "b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
			if d := state.Set(ctx, &prior); d.HasError() {
				t.Fatal(d)
			}
			resp := &resource.ReadResponse{State: state}
			m := prior
			before := attrValues(&m)
			tc.read(&m)
			setReadState(ctx, resp, &m, before)
			var got readModel
			if d := resp.State.Get(ctx, &got); d.HasError() {
				t.Fatal(d)
			}
			if got.ID.ValueString() != tc.wantID || !slices.EqualFunc(attrValues(&got)[1:], attrValues(&m)[1:], attr.Value.Equal) {
				t.Fatalf("state after the read: %+v, want id %s", got, tc.wantID)
			}
		})
	}
}
