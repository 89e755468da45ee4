package provider

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// BenchmarkJobPostingNoOpPlan is the provider's share of a no-op `terraform plan` for one job posting: the four
// calls Terraform makes for it (validate, upgrade the stored state, read, plan), in-process, against an
// in-process emulator. A plan of many customers makes these calls for every job; their CPU and allocations are
// what this measures (bench/customers measures the whole plan, Terraform included).
//
//	go test ./internal/provider -run '^$' -bench JobPostingNoOpPlan -benchmem
func BenchmarkJobPostingNoOpPlan(b *testing.B) {
	ctx := context.Background()
	env := acctest.NewEnv(b)
	server, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	jobType := schemas.ResourceSchemas["linkedin_job_posting"].ValueType().(tftypes.Object)

	providerConfig := benchValue(b, providerType, map[string]tftypes.Value{
		"api_url":       tftypes.NewValue(tftypes.String, env.URL),
		"oauth_url":     tftypes.NewValue(tftypes.String, env.OAuthURL()),
		"client_id":     tftypes.NewValue(tftypes.String, emulator.ChildClientID),
		"client_secret": tftypes.NewValue(tftypes.String, emulator.ChildClientSecret),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: providerConfig})
	benchDiagnostics(b, "configure", configured.Diagnostics, err)

	config := benchValue(b, jobType, map[string]tftypes.Value{
		"integration_context":     tftypes.NewValue(tftypes.String, emulator.SeedOrganization),
		"external_job_posting_id": tftypes.NewValue(tftypes.String, "bench-1"),
		"title":                   tftypes.NewValue(tftypes.String, "Forklift operator"),
		"description":             tftypes.NewValue(tftypes.String, "Moves pallets in the warehouse, loads and unloads trucks, keeps the stock records up to date; two years of experience with forklifts."),
		"location":                tftypes.NewValue(tftypes.String, "Dublin, Ireland"),
		"company_apply_url":       tftypes.NewValue(tftypes.String, "https://careers.example.com/jobs/bench-1"),
		"listed_at":               tftypes.NewValue(tftypes.String, "2026-01-01T00:00:00Z"),
	})
	null := benchDynamic(b, jobType, tftypes.NewValue(jobType, nil))
	planned, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: "linkedin_job_posting", PriorState: null, ProposedNewState: config, Config: config,
	})
	benchDiagnostics(b, "plan the create", planned.Diagnostics, err)
	created, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: "linkedin_job_posting", PriorState: null, PlannedState: planned.PlannedState, Config: config,
		PlannedPrivate: planned.PlannedPrivate,
	})
	benchDiagnostics(b, "create", created.Diagnostics, err)
	stateValue, err := created.NewState.Unmarshal(jobType)
	if err != nil {
		b.Fatal(err)
	}
	stateJSON, err := json.Marshal(benchJSON(b, stateValue))
	if err != nil {
		b.Fatal(err)
	}

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		validated, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
			TypeName: "linkedin_job_posting", Config: config,
		})
		benchDiagnostics(b, "validate", validated.Diagnostics, err)
		upgraded, err := server.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{
			TypeName: "linkedin_job_posting", RawState: &tfprotov6.RawState{JSON: stateJSON},
		})
		benchDiagnostics(b, "upgrade", upgraded.Diagnostics, err)
		read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{
			TypeName: "linkedin_job_posting", CurrentState: upgraded.UpgradedState, Private: created.Private,
		})
		benchDiagnostics(b, "read", read.Diagnostics, err)
		plan, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
			TypeName: "linkedin_job_posting", PriorState: read.NewState, ProposedNewState: read.NewState,
			Config: config, PriorPrivate: read.Private,
		})
		benchDiagnostics(b, "plan", plan.Diagnostics, err)
		if len(plan.RequiresReplace) > 0 {
			b.Fatalf("a no-op plan requires replacement: %v", plan.RequiresReplace)
		}
	}
}

// benchValue is an object of type t with the given attributes and every other attribute null, as Terraform sends
// a configuration.
func benchValue(b *testing.B, t tftypes.Object, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	all := map[string]tftypes.Value{}
	for name, at := range t.AttributeTypes {
		all[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range attrs {
		if _, ok := t.AttributeTypes[name]; !ok {
			b.Fatalf("no attribute %q", name)
		}
		all[name] = v
	}
	return benchDynamic(b, t, tftypes.NewValue(t, all))
}

func benchDynamic(b *testing.B, t tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

func benchDiagnostics(b *testing.B, what string, diags []*tfprotov6.Diagnostic, err error) {
	b.Helper()
	if err != nil {
		b.Fatalf("%s: %v", what, err)
	}
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			b.Fatalf("%s: %s: %s", what, d.Summary, d.Detail)
		}
	}
}

// benchJSON is v as Terraform writes it in a state file, for UpgradeResourceState.
func benchJSON(b *testing.B, v tftypes.Value) any {
	b.Helper()
	if v.IsNull() {
		return nil
	}
	switch {
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case v.Type().Is(tftypes.Bool):
		var x bool
		_ = v.As(&x)
		return x
	case v.Type().Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		return json.Number(n.Text('g', -1))
	case v.Type().Is(tftypes.Object{}), v.Type().Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		if err := v.As(&m); err != nil {
			b.Fatal(err)
		}
		out := map[string]any{}
		for k, e := range m {
			out[k] = benchJSON(b, e)
		}
		return out
	default:
		var l []tftypes.Value
		if err := v.As(&l); err != nil {
			b.Fatal(err)
		}
		out := []any{}
		for _, e := range l {
			out = append(out, benchJSON(b, e))
		}
		return out
	}
}
