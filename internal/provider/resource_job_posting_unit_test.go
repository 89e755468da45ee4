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

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
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

func TestTimes(t *testing.T) {
	ms, err := epochMillisFromTimestamp("2026-11-01T10:00:00+01:00")
	if err != nil || ms != time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).UnixMilli() {
		t.Fatalf("epochMillisFromTimestamp = %d, %v", ms, err)
	}
	if got := timestampFromEpochMillis(ms); got != "2026-11-01T09:00:00Z" {
		t.Errorf("timestampFromEpochMillis = %s", got)
	}
	if got := timestampFromEpochMillis(ms + 5); got != "2026-11-01T09:00:00.005Z" {
		t.Errorf("timestampFromEpochMillis = %s", got)
	}
	cur := types.StringValue("2026-11-01T10:00:00+01:00")
	if got := timestampFromAPI(cur, ms); !got.Equal(cur) {
		t.Errorf("timestampFromAPI replaced an equal instant: %s", got)
	}
	if got := timestampFromAPI(cur, ms+1000); got.ValueString() != "2026-11-01T09:00:01Z" {
		t.Errorf("timestampFromAPI kept a different instant: %s", got)
	}
}

func stringListValue(vs ...string) types.List {
	l := []attr.Value{}
	for _, v := range vs {
		l = append(l, types.StringValue(v))
	}
	return types.ListValueMust(types.StringType, l)
}

func validJobPostingModel() jobPostingModel {
	m := jobPostingModel{
		ExternalJobPostingID: types.StringValue("REQ-1"),
		IntegrationContext:   types.StringValue("urn:li:organization:1000"),
		Title:                types.StringValue("Engineer"),
		Description:          types.StringValue(strings.Repeat("d", 120)),
		CompanyApplyURL:      types.StringValue("https://example.com/apply"),
		ListedAt:             types.StringValue("2026-11-01T09:00:00Z"),
		Location:             types.StringValue("Mountain View, CA"),
		State:                types.StringValue("LISTED"),
		ListingType:          types.StringValue("BASIC"),
		AccessRestricted:     types.BoolValue(true),
		WorkplaceTypes:       stringListValue("Remote"),
		AlternateLocations:   types.ListNull(types.StringType),
		Categories:           stringListValue("eng"),
		Industries:           types.ListNull(types.StringType),
		Compensation: types.ListValueMust(types.ObjectType{AttrTypes: compensationAttrTypes}, []attr.Value{
			types.ObjectValueMust(compensationAttrTypes, map[string]attr.Value{
				"type": types.StringValue("BASE_SALARY"), "period": types.StringValue("YEARLY"), "currency_code": types.StringValue("USD"),
				"min_amount": types.StringValue("100000"), "max_amount": types.StringValue("150000"),
			}),
		}),
		RenewalTrigger: types.StringNull(),
	}
	for _, s := range []*types.String{&m.CompanyName, &m.CompanyPageURL, &m.CountryCode, &m.PostalCode, &m.EmploymentStatus, &m.ExperienceLevel,
		&m.Contract, &m.ExpireAt, &m.Availability, &m.CompanyJobCode, &m.SkillsDescription, &m.TrackingPixelURL, &m.PosterEmail,
		&m.RequisitionOwnerEmail, &m.RequisitionOwnerFirstName, &m.RequisitionOwnerLastName} {
		*s = types.StringNull()
	}
	return m
}

func TestToJobPosting(t *testing.T) {
	m := validJobPostingModel()
	j, d := m.toJobPosting(context.Background(), client.JobOperationCreate)
	if d.HasError() {
		t.Fatal(d)
	}
	if j.ExternalJobPostingID != "REQ-1" || j.JobPostingOperationType != "CREATE" || j.State != "LISTED" || j.ListedAt != 1793523600000 ||
		j.IntegrationContext != "urn:li:organization:1000" || j.AccessRestricted == nil || !*j.AccessRestricted ||
		len(j.WorkplaceTypes) != 1 || j.Categories[0] != "eng" || j.AlternateLocations != nil || j.ExpireAt != 0 {
		t.Errorf("unexpected job: %+v", j)
	}
	if j.Compensation == nil || j.Compensation.Compensations[0].Value.Max.Amount != "150000" || j.Compensation.Compensations[0].Value.Min.CurrencyCode != "USD" {
		t.Errorf("unexpected compensation: %+v", j.Compensation)
	}
	j, _ = m.toJobPosting(context.Background(), client.JobOperationClose)
	if j.State != "CLOSED" {
		t.Errorf("CLOSE state = %s", j.State)
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
			m.WorkplaceTypes = stringListValue("Hybrid")
			m.AlternateLocations = stringListValue("Berlin, Germany", "France")
		}, "alternate_locations[1]"},
		{"country alone on-site", func(m *jobPostingModel) {
			m.Location = types.StringValue("Germany")
			m.WorkplaceTypes = stringListValue("On-site")
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
					"min_amount": types.StringValue("100000.5"), "max_amount": types.StringValue("100000"),
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

func TestUpdateOperations(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		change func(plan, state *jobPostingModel)
		want   string
	}{
		{"nothing", func(p, s *jobPostingModel) {}, ""},
		{"title", func(p, s *jobPostingModel) { p.Title = types.StringValue("Senior Engineer") }, "UPDATE"},
		{"close", func(p, s *jobPostingModel) { p.State = types.StringValue("CLOSED") }, "CLOSE"},
		{"stay closed", func(p, s *jobPostingModel) {
			p.State = types.StringValue("CLOSED")
			s.State = types.StringValue("CLOSED")
		}, ""},
		{"re-list", func(p, s *jobPostingModel) { s.State = types.StringValue("CLOSED") }, "RENEW"},
		{"re-list with a changed title", func(p, s *jobPostingModel) {
			s.State = types.StringValue("CLOSED")
			p.Title = types.StringValue("x")
		}, "RENEW"},
		{"re-list and renewal trigger: one RENEW", func(p, s *jobPostingModel) {
			s.State = types.StringValue("CLOSED")
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "RENEW"},
		{"re-list with a configured expire_at", func(p, s *jobPostingModel) {
			s.State = types.StringValue("CLOSED")
			p.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
			s.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
		}, "RENEW,UPDATE"},
		{"LinkedIn's expire_at is not a change", func(p, s *jobPostingModel) {
			p.ExpireAt = types.StringUnknown()
			s.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
		}, ""},
		{"first renewal_trigger only records", func(p, s *jobPostingModel) { p.RenewalTrigger = types.StringValue("2026-12") }, ""},
		{"renew again", func(p, s *jobPostingModel) {
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "RENEW"},
		{"renewal trigger removed", func(p, s *jobPostingModel) { s.RenewalTrigger = types.StringValue("1") }, ""},
		{"update and renew", func(p, s *jobPostingModel) {
			p.Title = types.StringValue("x")
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "UPDATE,RENEW"},
		{"after import", func(p, s *jobPostingModel) { s.Title = types.StringNull(); s.ListedAt = types.StringNull() }, "UPDATE"},
	}
	for _, c := range cases {
		p, s := validJobPostingModel(), validJobPostingModel()
		c.change(&p, &s)
		var d diag.Diagnostics
		got := strings.Join(updateOperations(ctx, &p, &s, &d), ",")
		if got != c.want || d.HasError() {
			t.Errorf("%s: operations %q, want %q (%v)", c.name, got, c.want, d)
		}
	}
}

func TestApplyStatus(t *testing.T) {
	ctx := context.Background()
	code := 1154
	st := &client.JobPostingStatus{
		ExternalJobPostingID: "REQ-1",
		JobPostingURL:        "https://www.linkedin.com/jobs/view/12345",
		ListingStatus:        "NOT_LISTED",
		ListingStatusDetail:  &client.StatusDetail{ErrorType: "CUSTOMER_ERROR", StatusMessage: "MEMBER_REPORTED: The job was closed because it was reported."},
		LinkedInApplyStatus:  "NOT_ENABLED",
		LinkedInApplyStatusDetail: &client.StatusDetail{ErrorCode: &code, ErrorType: "PARTNER_ERROR",
			StatusMessage: "BLOCKED_WEBHOOK: The application delivery webhook wasn't reachable."},
		PromotionStatus: "NOT_PROMOTED",
		RawLocation:     "Mountain View, CA",
		JobPostingInfo: client.JobPostingInfo{ListedAt: 1793523600000, ExpireAt: 1809075600000, Location: "Mountain View, California, United States",
			AlternateLocations: []string{"Austin, TX"}, CompanyDetails: client.CompanyDetails{CompanyName: "Acme", CompanyPage: "https://www.linkedin.com/company/1000"}},
	}
	m := jobPostingModel{JobPostingURN: types.StringNull(), ExpireAt: types.StringNull(), ListedAt: types.StringNull(),
		IntegrationContext: types.StringNull(), CompanyName: types.StringNull(), CompanyPageURL: types.StringNull(),
		Location: types.StringNull(), CountryCode: types.StringNull(), PostalCode: types.StringNull(), AlternateLocations: types.ListNull(types.StringType)}
	var d diag.Diagnostics
	m.applyStatus(ctx, st, &d)
	m.fillFromImport(ctx, st, &d)
	if d.HasError() {
		t.Fatal(d)
	}
	if m.JobPostingURN.ValueString() != "urn:li:jobPosting:12345" || m.ListedAt.ValueString() != "2026-11-01T09:00:00Z" ||
		m.ExpireAt.IsNull() || m.Location.ValueString() != "Mountain View, CA" || len(m.AlternateLocations.Elements()) != 1 ||
		m.StandardizedLocation.ValueString() != "Mountain View, California, United States" || m.IntegrationContext.ValueString() != "urn:li:organization:1000" {
		t.Errorf("unexpected model %+v", m)
	}
	attrs := m.LinkedInApplyStatusDetail.Attributes()
	if attrs["error_code"].(types.Int64).ValueInt64() != 1154 || attrs["resolution"].IsNull() {
		t.Errorf("apply detail %v", attrs)
	}
	if m.PromotionStatusDetail.IsNull() != true {
		t.Errorf("promotion detail should be null")
	}
	if got := describeStatusDetail(jobstatus.KindListing, "NOT_LISTED", st.ListingStatusDetail); !strings.Contains(got, "MEMBER_REPORTED") || !strings.Contains(got, "What to do") {
		t.Errorf("describeStatusDetail = %s", got)
	}
}

func TestAddTaskOutcome(t *testing.T) {
	var d diag.Diagnostics
	ok := addTaskOutcome(&d, "REQ-1", "CREATE", &client.JobPostingTask{ID: "urn:li:simpleJobPostingTask:1", Status: client.TaskFailed,
		ErrorMessage: "JOB_FIELD_PROCESSOR_GEO_LOCATION: cannot standardize 'Atlantis, XX'"})
	if ok || !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "Atlantis") || !strings.Contains(d.Errors()[0].Detail(), "What to do") {
		t.Errorf("FAILED: %v", d)
	}
	d = nil
	if !addTaskOutcome(&d, "REQ-1", "CREATE", &client.JobPostingTask{Status: client.TaskProcessed}) || d.WarningsCount() != 1 {
		t.Errorf("PROCESSED: %v", d)
	}
	if jobPostingURNFromURL("https://www.linkedin.com/jobs/view/42/") != "urn:li:jobPosting:42" || jobPostingURNFromURL("https://x") != "" {
		t.Error("jobPostingURNFromURL")
	}
}
