package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// The mapping of onsite_apply_configuration to LinkedIn's onsiteApplyConfiguration, and its plan-time rules.
// Every attribute is LinkedIn's field in snake_case, so the mapping is mechanical: the Terraform value is
// written as LinkedIn's JSON (names in camelCase, null attributes left out, as LinkedIn's "not asked") and
// decoded into applyconnect.Configuration, which rejects any name it does not know; paths of LinkedIn's
// fields map back to attribute paths the same way.

const onsiteApplyAttributeName = "onsite_apply_configuration"

// linkedInName is LinkedIn's name of an attribute: job_application_webhook_url is jobApplicationWebhookUrl.
func linkedInName(attribute string) string {
	parts := strings.Split(attribute, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// attributeName is the attribute of LinkedIn's field name: customQuestionSets is custom_question_sets.
func attributeName(field string) string {
	var b strings.Builder
	for _, r := range field {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// setAttributes are the attributes of onsite_apply_configuration that are sets: a path into one of them ends
// at the set (Terraform addresses set elements by value, and the problem's reason names the value).
var setAttributes = map[string]bool{"favorable_symbolic_names": true, "acceptable_file_extensions": true, "symbolic_names": true}

// attributePath is the Terraform path of a value LinkedIn's path p (from the onsiteApplyConfiguration down)
// locates.
func attributePath(p applyconnect.Path) path.Path {
	out := path.Root(onsiteApplyAttributeName)
	inSet := false
	for _, s := range p {
		switch {
		case inSet:
			return out
		case s.Field == "":
			out = out.AtListIndex(s.Index)
		default:
			name := attributeName(s.Field)
			out = out.AtName(name)
			inSet = setAttributes[name]
		}
	}
	return out
}

// onsiteApplyConfiguration is LinkedIn's onsiteApplyConfiguration for a known onsite_apply_configuration,
// nil for null. known is false when some value is not known yet (Terraform validates again once it is).
func onsiteApplyConfiguration(ctx context.Context, v types.Object) (c *applyconnect.Configuration, known bool, err error) {
	if v.IsNull() {
		return nil, true, nil
	}
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		return nil, false, err
	}
	if !tv.IsFullyKnown() {
		return nil, false, nil
	}
	raw, err := json.Marshal(linkedInJSON(v))
	if err != nil {
		return nil, true, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	c = &applyconnect.Configuration{}
	if err := dec.Decode(c); err != nil {
		return nil, true, fmt.Errorf("onsite_apply_configuration does not map onto LinkedIn's onsiteApplyConfiguration: %w", err)
	}
	return c, true, nil
}

// onsiteApplyToSend is the onsiteApplyConfiguration an operation sends (nil for null); by apply time every
// value is known.
func onsiteApplyToSend(ctx context.Context, v types.Object, diags *diag.Diagnostics) *applyconnect.Configuration {
	c, known, err := onsiteApplyConfiguration(ctx, v)
	switch {
	case err != nil:
		diags.AddAttributeError(path.Root(onsiteApplyAttributeName), "Invalid onsite_apply_configuration", err.Error())
	case !known:
		diags.AddAttributeError(path.Root(onsiteApplyAttributeName), "Invalid onsite_apply_configuration", "onsite_apply_configuration is not known yet.")
	}
	return c
}

// linkedInJSON is a known Terraform value as LinkedIn's JSON: objects with LinkedIn's names and without their
// null attributes, lists and sets as arrays (a set's strings sorted, so that plan and state compare equal).
func linkedInJSON(v attr.Value) any {
	switch v := v.(type) {
	case basetypes.ObjectValue:
		out := map[string]any{}
		for name, a := range v.Attributes() {
			if !a.IsNull() {
				out[linkedInName(name)] = linkedInJSON(a)
			}
		}
		return out
	case basetypes.ListValue:
		return elementsJSON(v.Elements())
	case basetypes.SetValue:
		out := elementsJSON(v.Elements())
		slices.SortFunc(out, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		return out
	case basetypes.StringValue:
		return v.ValueString()
	case basetypes.BoolValue:
		return v.ValueBool()
	case basetypes.Int64Value:
		return v.ValueInt64()
	case basetypes.Float64Value:
		return v.ValueFloat64()
	}
	panic(fmt.Sprintf("onsite_apply_configuration: no LinkedIn JSON for %T", v))
}

func elementsJSON(elems []attr.Value) []any {
	out := make([]any, 0, len(elems))
	for _, e := range elems {
		out = append(out, linkedInJSON(e))
	}
	return out
}

// validateOnsiteApply checks, without calling LinkedIn, what an Apply Connect job needs: the organization
// whose APPLY_CONNECT integration the apply checks, PUBLIC availability, and questions LinkedIn can enable
// (applyconnect.Check, the one home of the question rules).
func validateOnsiteApply(ctx context.Context, m *jobPostingModel, diags *diag.Diagnostics) {
	if m.OnsiteApplyConfiguration.IsNull() {
		return
	}
	if m.IntegrationContext.IsNull() {
		diags.AddAttributeError(path.Root("integration_context"), "Missing integration_context",
			"Attribute integration_context (urn:li:organization:N) is required with onsite_apply_configuration: LinkedIn Apply works only "+
				"for an organization whose customer enabled the APPLY_CONNECT integration, and the provider checks that integration before posting the job.")
	}
	if !m.Availability.IsUnknown() && m.Availability.ValueString() != "PUBLIC" {
		diags.AddAttributeError(path.Root("availability"), "LinkedIn Apply needs a public job",
			fmt.Sprintf("Attribute availability must be \"PUBLIC\" with onsite_apply_configuration, got %s: LinkedIn Apply "+
				"(https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply) takes only public jobs. "+
				"Set availability = \"PUBLIC\", or remove onsite_apply_configuration.", describeAvailability(m.Availability)))
	}
	c, ok, err := onsiteApplyConfiguration(ctx, m.OnsiteApplyConfiguration.ObjectValue)
	if err != nil {
		diags.AddAttributeError(path.Root(onsiteApplyAttributeName), "Invalid onsite_apply_configuration", err.Error())
		return
	}
	if !ok {
		return
	}
	for _, p := range applyconnect.Check(c) {
		addQuestionProblem(diags, p)
	}
}

func describeAvailability(v types.String) string {
	if v.IsNull() {
		return "nothing (the provider does not choose an availability for LinkedIn)"
	}
	return fmt.Sprintf("%q", v.ValueString())
}

// addQuestionProblem is the error of a question problem: the attribute, the LinkedIn Apply error code and the
// status message LinkedIn would report, why, and the fix.
func addQuestionProblem(diags *diag.Diagnostics, p applyconnect.Problem) {
	code := p.Code
	message := ""
	if e, ok := jobstatus.Lookup(jobstatus.KindLinkedInApply, "NOT_ENABLED", &code, ""); ok {
		message = fmt.Sprintf(" %q", e.Message)
	}
	at := attributePath(p.Path)
	diags.AddAttributeError(at, fmt.Sprintf("LinkedIn Apply would not be enabled (error %d)", p.Code),
		fmt.Sprintf("Attribute %s: %s. LinkedIn would post the job without LinkedIn Apply (applicants sent to company_apply_url) "+
			"and report LinkedIn Apply error %d%s. %s", at, p.Reason, p.Code, message, p.Fix))
}
