package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func runStringValidator(t *testing.T, v validator.String, value string) diag.Diagnostics {
	t.Helper()
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("attr"), ConfigValue: types.StringValue(value)}, resp)
	return resp.Diagnostics
}

func TestStringValidators(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }
	cases := []struct {
		name  string
		v     validator.String
		good  []string
		bad   []string
		inMsg string
	}{
		{"organization", urnValidator("organization"), []string{"urn:li:organization:1000"}, []string{"urn:li:organization:", "urn:li:company:1", "1000", "urn:li:organization:12a", "urn:li:organization:0", "urn:li:organization:01"}, "urn:li:organization:<number>"},
		{"industry", urnValidator("industry"), []string{"urn:li:industry:4"}, []string{"urn:li:industry:x", "industry:4"}, "urn:li:industry"},
		{"url", httpURLValidator(), []string{"https://example.com/jobs/1", "http://a.b/c?d=e"}, []string{"ftp://example.com", "/jobs/1", "https://", "example.com", "https://exa mple.com"}, "absolute http"},
		{"email", emailValidator(), []string{"a@example.com"}, []string{"a@b", "Bob <a@example.com>", "not-an-email"}, "e-mail"},
		{"location", locationValidator(true), []string{"Mountain View, CA", "Paris,France", "Austin, TX, US", "94043, US", "Germany"}, []string{"", " Paris, France", "a, b, c, d", "Paris,, France", "Paris, "}, "City, State"},
		{"listed_at", timestampValidator(true, now), []string{"2026-11-01T09:00:00Z", "2026-11-22T12:00:00Z", "2026-11-22T13:00:00+02:00"}, []string{"2026-11-22T12:00:01Z", "2026-11-01", "1700000000000"}, "listed_at"},
		{"country", patternValidator(countryCodePattern, "must be an ISO code"), []string{"US", "DE"}, []string{"us", "USA", "U"}, "ISO"},
		{"spaces", lineValidator(), []string{"REQ-1"}, []string{" REQ-1", "REQ-1\n"}, "whitespace"},
		{"control", lineValidator(), []string{"Backend Engineer"}, []string{"Backend\x07Engineer", "Backend\nEngineer"}, "control characters"},
		{"company page", companyPageURLValidator(), []string{"https://www.linkedin.com/company/acme", "https://www.linkedin.com/company/1035/"},
			[]string{"https://linkedin.com/company/acme", "https://www.linkedin.com/in/acme", "http://www.linkedin.com/company/acme"}, "www.linkedin.com/company"},
		{"amount", patternValidator(amountPattern, "must be an amount"), []string{"1", "95000", "42.5", "42.50"}, []string{"-1", "1.234", "1e5", ""}, "amount"},
	}
	for _, c := range cases {
		for _, g := range c.good {
			if d := runStringValidator(t, c.v, g); d.HasError() {
				t.Errorf("%s: %q rejected: %v", c.name, g, d)
			}
		}
		for _, b := range c.bad {
			d := runStringValidator(t, c.v, b)
			if !d.HasError() {
				t.Errorf("%s: %q accepted", c.name, b)
				continue
			}
			msg := d.Errors()[0].Detail()
			if !strings.Contains(msg, "attr") || (c.inMsg != "listed_at" && !strings.Contains(msg, c.inMsg)) {
				t.Errorf("%s: message for %q does not name the attribute and rule: %s", c.name, b, msg)
			}
		}
	}
}

func TestParseAmount(t *testing.T) {
	for s, want := range map[string]int64{"1": 100, "42.5": 4250, "42.05": 4205, "0": 0} {
		if got, ok := parseAmountCents(s); !ok || got != want {
			t.Errorf("parseAmountCents(%q) = %d, %v", s, got, ok)
		}
	}
	if _, ok := parseAmountCents("x"); ok {
		t.Error("parseAmountCents accepted x")
	}
}

func TestValidateJobPostingConfig(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		change func(*jobPostingModel)
		want   string // "" = valid
	}{
		{"valid", func(*jobPostingModel) {}, ""},
		{"no company", func(m *jobPostingModel) { m.IntegrationContext = types.StringNull() }, "integration_context"},
		{"company name is enough", func(m *jobPostingModel) {
			m.IntegrationContext = types.StringNull()
			m.CompanyName = types.StringValue("Acme")
		}, ""},
		{"location and codes", func(m *jobPostingModel) { m.CountryCode = types.StringValue("US") }, "cannot be combined"},
		{"no location", func(m *jobPostingModel) { m.Location = types.StringNull() }, "location is required"},
		{"codes", func(m *jobPostingModel) {
			m.Location = types.StringNull()
			m.CountryCode = types.StringValue("US")
			m.PostalCode = types.StringValue("94043")
		}, ""},
		{"postal without country", func(m *jobPostingModel) { m.Location = types.StringNull(); m.PostalCode = types.StringValue("94043") }, "country_code is required"},
		{"country without postal", func(m *jobPostingModel) { m.Location = types.StringNull(); m.CountryCode = types.StringValue("US") }, "postal_code is required"},
		{"country alone remote", func(m *jobPostingModel) { m.Location = types.StringValue("Germany") }, ""},
		{"alternate country alone on-site", func(m *jobPostingModel) {
			m.WorkplaceType = types.StringValue("Hybrid")
			m.AlternateLocations = stringListValue("Berlin, Germany", "France")
		}, "alternate_locations[1]"},
		{"country alone on-site", func(m *jobPostingModel) {
			m.Location = types.StringValue("Germany")
			m.WorkplaceType = types.StringValue("On-site")
		}, "remote jobs"},
		{"premium without contract", func(m *jobPostingModel) { m.ListingType = types.StringValue("PREMIUM") }, "listing_type is PREMIUM"},
		{"premium with contract", func(m *jobPostingModel) {
			m.ListingType = types.StringValue("PREMIUM")
			m.Contract = types.StringValue("urn:li:contract:1")
		}, ""},
		{"internal without contract", func(m *jobPostingModel) { m.Availability = types.StringValue("INTERNAL") }, "availability is INTERNAL"},
		{"expire with renewal", func(m *jobPostingModel) {
			m.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
			m.RenewalTrigger = types.StringValue("1")
		}, "renewal_trigger cannot be combined"},
		{"expire before listed", func(m *jobPostingModel) { m.ExpireAt = types.StringValue("2026-10-01T00:00:00Z") }, "must be after listed_at"},
		{"compensation min > max", func(m *jobPostingModel) {
			m.Compensation = types.ListValueMust(types.ObjectType{AttrTypes: compensationAttrTypes}, []attr.Value{
				types.ObjectValueMust(compensationAttrTypes, map[string]attr.Value{
					"type": types.StringValue("BASE_SALARY"), "period": types.StringValue("YEARLY"), "currency_code": types.StringValue("USD"),
					"min_amount": amount("100000.5"), "max_amount": amount("100000"),
				}),
			})
		}, "max_amount"},
		{"unknowns are not judged", func(m *jobPostingModel) { m.Location = types.StringUnknown(); m.ListingType = types.StringUnknown() }, ""},
	}
	for _, c := range cases {
		m := validJobPostingModel()
		c.change(&m)
		var d diag.Diagnostics
		validateJobPostingConfig(ctx, &m, &d)
		switch {
		case c.want == "" && d.HasError():
			t.Errorf("%s: unexpected error %v", c.name, d)
		case c.want != "" && !d.HasError():
			t.Errorf("%s: no error", c.name)
		case c.want != "" && !strings.Contains(d.Errors()[0].Detail(), c.want):
			t.Errorf("%s: error %q does not contain %q", c.name, d.Errors()[0].Detail(), c.want)
		}
	}
}

// Amounts are Terraform numbers: exact decimals, sent as the text the configuration holds.
func TestAmountValidatorAndText(t *testing.T) {
	for text, ok := range map[string]bool{"0": true, "95000": true, "42.5": true, "42.50": true, "12345678901234.99": true,
		"42.505": false, "-1": false, "0.001": false} {
		var resp validator.NumberResponse
		amountValidator{}.ValidateNumber(context.Background(), validator.NumberRequest{Path: path.Root("min_amount"), ConfigValue: amount(text)}, &resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%s: valid = %v, diagnostics %v", text, !resp.Diagnostics.HasError(), resp.Diagnostics)
		}
	}
	if got := amountText(amount("12345678901234.99")); got != "12345678901234.99" {
		t.Errorf("amountText lost precision: %s", got)
	}
	if got := amountText(amount("42.50")); got != "42.5" {
		t.Errorf("amountText(42.50) = %s", got)
	}
}
