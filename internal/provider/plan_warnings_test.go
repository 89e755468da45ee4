package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// planWarnings runs r's ModifyPlan for a prior state with attrs and a plan that destroys the resource
// (planAttrs nil) or holds planAttrs, and returns the warnings' summaries and details.
func planWarnings(t *testing.T, r resource.ResourceWithModifyPlan, attrs, planAttrs map[string]string) string {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
	for k, v := range attrs {
		if d := state.SetAttribute(ctx, path.Root(k), v); d.HasError() {
			t.Fatalf("state %s: %v", k, d)
		}
	}
	plan := tfsdk.Plan{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
	if planAttrs != nil {
		plan.Raw = state.Raw.Copy()
		for k, v := range planAttrs {
			if d := plan.SetAttribute(ctx, path.Root(k), v); d.HasError() {
				t.Fatalf("plan %s: %v", k, d)
			}
		}
	}
	req := resource.ModifyPlanRequest{State: state, Plan: plan, Config: tfsdk.Config{Schema: sr.Schema, Raw: plan.Raw}}
	resp := resource.ModifyPlanResponse{Plan: plan}
	r.ModifyPlan(ctx, req, &resp)
	var b strings.Builder
	for _, d := range resp.Diagnostics.Warnings() {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

func TestPlanWarnsOfDestroysThatAreNotDeletions(t *testing.T) {
	callback := map[string]string{"integration_context": "urn:li:organization:1000", "integration_type": "ONE_CLICK_EXPORT",
		"tenant_type": "RECRUITER", "name": "CALLBACK_URL", "value": "https://ats.example.com/cb"}
	viewers := map[string]string{"integration_context": "urn:li:organization:1000", "integration_type": "ONE_CLICK_EXPORT",
		"tenant_type": "RECRUITER", "name": "JOB_POSTING_VIEWERS", "value": "ALL_PRODUCT_USERS"}
	integration := map[string]string{"integration_context": "urn:li:organization:1000", "integration_type": "ONE_CLICK_EXPORT",
		"tenant_type": "RECRUITER", "integration_name": "Acme"}
	app := map[string]string{"id": "urn:li:developerApplication:2000", "unique_foreign_id": "customer-1", "name": "Acme"}
	for _, tc := range []struct {
		name       string
		r          resource.ResourceWithModifyPlan
		state      map[string]string
		plan       map[string]string // nil: destroy
		wantPhrase string            // "" means no warning
	}{
		{"CALLBACK_URL destroyed", &integrationConfigurationResource{}, callback, nil, "CALLBACK_URL stays on LinkedIn"},
		{"CALLBACK_URL replaced", &integrationConfigurationResource{}, callback, map[string]string{"integration_context": "urn:li:organization:2000"}, "the old key keeps its current value"},
		{"CALLBACK_URL value changed", &integrationConfigurationResource{}, callback, map[string]string{"value": "https://ats.example.com/v2"}, ""},
		{"deletable key destroyed", &integrationConfigurationResource{}, viewers, nil, ""},
		{"integration destroyed", &integrationResource{}, integration, nil, "stays enabled on LinkedIn"},
		{"integration renamed", &integrationResource{}, integration, map[string]string{"integration_name": "Acme 2"}, ""},
		{"application destroyed", &provisionedApplicationResource{}, app, nil, "LinkedIn has no API to delete an application"},
		{"application replaced", &provisionedApplicationResource{}, app, map[string]string{"unique_foreign_id": "customer-2"}, "provisions a new child application"},
		{"job destroyed", &jobPostingResource{}, map[string]string{"external_job_posting_id": "REQ-1", "title": "Engineer"}, nil, "sends a CLOSE"},
		{"job replaced", &jobPostingResource{}, map[string]string{"external_job_posting_id": "REQ-1", "title": "Engineer"}, map[string]string{"external_job_posting_id": "REQ-2"}, "closes job \"REQ-1\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := planWarnings(t, tc.r, tc.state, tc.plan)
			if tc.wantPhrase == "" && got != "" {
				t.Errorf("unexpected warning: %s", got)
			}
			if tc.wantPhrase != "" && !strings.Contains(strings.Join(strings.Fields(got), " "), tc.wantPhrase) {
				t.Errorf("want a warning with %q, got %q", tc.wantPhrase, got)
			}
		})
	}
}
