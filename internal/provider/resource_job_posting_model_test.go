package provider

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

func stringListValue(vs ...string) types.List {
	l := []attr.Value{}
	for _, v := range vs {
		l = append(l, types.StringValue(v))
	}
	return types.ListValueMust(types.StringType, l)
}

// amount is a Terraform number parsed from decimal text, as HCL parses it (512-bit precision).
func amount(text string) types.Number {
	f, _, err := big.ParseFloat(text, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return types.NumberValue(f)
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
		ListingState:         types.StringValue("LISTED"),
		ListingType:          types.StringValue("BASIC"),
		AccessRestricted:     types.BoolValue(true),
		WorkplaceType:        types.StringValue("Remote"),
		AlternateLocations:   types.ListNull(types.StringType),
		Categories:           types.SetValueMust(types.StringType, []attr.Value{types.StringValue("it"), types.StringValue("eng")}),
		Industries:           types.SetNull(types.StringType),
		Compensation: types.ListValueMust(types.ObjectType{AttrTypes: compensationAttrTypes}, []attr.Value{
			types.ObjectValueMust(compensationAttrTypes, map[string]attr.Value{
				"type": types.StringValue("BASE_SALARY"), "period": types.StringValue("YEARLY"), "currency_code": types.StringValue("USD"),
				"min_amount": types.NumberValue(big.NewFloat(100000)), "max_amount": amount("150000.5"),
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
		len(j.WorkplaceTypes) != 1 || j.WorkplaceTypes[0] != "Remote" || len(j.Categories) != 2 || j.Categories[0] != "eng" || j.AlternateLocations != nil || j.ExpireAt != 0 {
		t.Errorf("unexpected job: %+v", j)
	}
	if j.Compensation == nil || j.Compensation.Compensations[0].Value.Max.Amount != "150000.5" || j.Compensation.Compensations[0].Value.Min.Amount != "100000" || j.Compensation.Compensations[0].Value.Min.CurrencyCode != "USD" {
		t.Errorf("unexpected compensation: %+v", j.Compensation)
	}
	j, _ = m.toJobPosting(context.Background(), client.JobOperationClose)
	if j.State != "CLOSED" {
		t.Errorf("CLOSE state = %s", j.State)
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
