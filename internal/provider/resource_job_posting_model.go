package provider

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// jobPostingModel is the Terraform state of a linkedin_job_posting.
type jobPostingModel struct {
	ID                        types.String      `tfsdk:"id"`
	ExternalJobPostingID      types.String      `tfsdk:"external_job_posting_id"`
	IntegrationContext        types.String      `tfsdk:"integration_context"`
	CompanyName               types.String      `tfsdk:"company_name"`
	CompanyPageURL            types.String      `tfsdk:"company_page_url"`
	Title                     types.String      `tfsdk:"title"`
	Description               types.String      `tfsdk:"description"`
	CompanyApplyURL           types.String      `tfsdk:"company_apply_url"`
	ListedAt                  types.String      `tfsdk:"listed_at"`
	Location                  types.String      `tfsdk:"location"`
	CountryCode               types.String      `tfsdk:"country_code"`
	PostalCode                types.String      `tfsdk:"postal_code"`
	ListingState              types.String      `tfsdk:"listing_state"`
	AlternateLocations        types.List        `tfsdk:"alternate_locations"`
	EmploymentStatus          types.String      `tfsdk:"employment_status"`
	ExperienceLevel           types.String      `tfsdk:"experience_level"`
	WorkplaceType             types.String      `tfsdk:"workplace_type"`
	Categories                types.Set         `tfsdk:"categories"`
	Industries                types.Set         `tfsdk:"industries"`
	ListingType               types.String      `tfsdk:"listing_type"`
	Contract                  types.String      `tfsdk:"contract"`
	ExpireAt                  types.String      `tfsdk:"expire_at"`
	Availability              types.String      `tfsdk:"availability"`
	CompanyJobCode            types.String      `tfsdk:"company_job_code"`
	SkillsDescription         types.String      `tfsdk:"skills_description"`
	TrackingPixelURL          types.String      `tfsdk:"tracking_pixel_url"`
	PosterEmail               types.String      `tfsdk:"poster_email"`
	AccessRestricted          types.Bool        `tfsdk:"access_restricted"`
	RequisitionOwnerEmail     types.String      `tfsdk:"requisition_owner_email"`
	RequisitionOwnerFirstName types.String      `tfsdk:"requisition_owner_first_name"`
	RequisitionOwnerLastName  types.String      `tfsdk:"requisition_owner_last_name"`
	Compensation              types.List        `tfsdk:"compensation"`
	RenewalTrigger            types.String      `tfsdk:"renewal_trigger"`
	OnsiteApplyConfiguration  cachedObjectValue `tfsdk:"onsite_apply_configuration"`
	Customer                  types.String      `tfsdk:"customer"`

	JobPostingURN             types.String   `tfsdk:"job_posting_urn"`
	JobPostingURL             types.String   `tfsdk:"job_posting_url"`
	StandardizedLocation      types.String   `tfsdk:"standardized_location"`
	ListingStatus             types.String   `tfsdk:"listing_status"`
	ListingStatusDetail       types.Object   `tfsdk:"listing_status_detail"`
	LinkedInApplyStatus       types.String   `tfsdk:"linkedin_apply_status"`
	LinkedInApplyStatusDetail types.Object   `tfsdk:"linkedin_apply_status_detail"`
	PromotionStatus           types.String   `tfsdk:"promotion_status"`
	PromotionStatusDetail     types.Object   `tfsdk:"promotion_status_detail"`
	LastTaskID                types.String   `tfsdk:"last_task_id"`
	LastTaskStatus            types.String   `tfsdk:"last_task_status"`
	Timeouts                  timeouts.Value `tfsdk:"timeouts"`
}

// compensationModel is one element of compensation.
type compensationModel struct {
	Type         types.String `tfsdk:"type"`
	Period       types.String `tfsdk:"period"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	MinAmount    types.Number `tfsdk:"min_amount"`
	MaxAmount    types.Number `tfsdk:"max_amount"`
}

var compensationAttrTypes = map[string]attr.Type{
	"type":          types.StringType,
	"period":        types.StringType,
	"currency_code": types.StringType,
	"min_amount":    types.NumberType,
	"max_amount":    types.NumberType,
}

// Job posting states: the state attribute, and LinkedIn's legacy state field that CLOSE still carries.
const (
	jobStateListed = "LISTED"
	jobStateClosed = "CLOSED"
)

// toJobPosting maps the plan to LinkedIn's job posting body for the given operation.
func (m *jobPostingModel) toJobPosting(ctx context.Context, operation string) (client.JobPosting, diag.Diagnostics) {
	var diags diag.Diagnostics
	j := client.JobPosting{
		ExternalJobPostingID:      m.ExternalJobPostingID.ValueString(),
		JobPostingOperationType:   operation,
		IntegrationContext:        m.IntegrationContext.ValueString(),
		CompanyName:               m.CompanyName.ValueString(),
		CompanyPageURL:            m.CompanyPageURL.ValueString(),
		Title:                     m.Title.ValueString(),
		Description:               m.Description.ValueString(),
		CompanyApplyURL:           m.CompanyApplyURL.ValueString(),
		Location:                  m.Location.ValueString(),
		CountryCode:               m.CountryCode.ValueString(),
		PostalCode:                m.PostalCode.ValueString(),
		State:                     jobStateListed,
		EmploymentStatus:          m.EmploymentStatus.ValueString(),
		ExperienceLevel:           m.ExperienceLevel.ValueString(),
		ListingType:               m.ListingType.ValueString(),
		Contract:                  m.Contract.ValueString(),
		Availability:              m.Availability.ValueString(),
		CompanyJobCode:            m.CompanyJobCode.ValueString(),
		SkillsDescription:         m.SkillsDescription.ValueString(),
		TrackingPixelURL:          m.TrackingPixelURL.ValueString(),
		PosterEmail:               m.PosterEmail.ValueString(),
		RequisitionOwnerEmail:     m.RequisitionOwnerEmail.ValueString(),
		RequisitionOwnerFirstName: m.RequisitionOwnerFirstName.ValueString(),
		RequisitionOwnerLastName:  m.RequisitionOwnerLastName.ValueString(),
	}
	if operation == client.JobOperationClose {
		j.State = jobStateClosed
	}
	if known(m.AccessRestricted) {
		b := m.AccessRestricted.ValueBool()
		j.AccessRestricted = &b
	}
	if ms, err := epochMillisFromTimestamp(m.ListedAt.ValueString()); err == nil {
		j.ListedAt = ms
	} else {
		diags.AddAttributeError(path.Root("listed_at"), "Invalid listed_at", err.Error())
	}
	// A CLOSE never carries expireAt: LinkedIn rejects one in the past, and an expired job must still close.
	if known(m.ExpireAt) && operation != client.JobOperationClose {
		if ms, err := epochMillisFromTimestamp(m.ExpireAt.ValueString()); err == nil {
			j.ExpireAt = ms
		} else {
			diags.AddAttributeError(path.Root("expire_at"), "Invalid expire_at", err.Error())
		}
	}
	j.AlternateLocations = stringList(ctx, m.AlternateLocations, &diags)
	if known(m.WorkplaceType) {
		j.WorkplaceTypes = []string{m.WorkplaceType.ValueString()}
	}
	// A CLOSE does not carry the questions: they matter only for a listed job.
	if operation != client.JobOperationClose {
		j.OnsiteApplyConfiguration = onsiteApplyToSend(ctx, m.OnsiteApplyConfiguration.ObjectValue, &diags)
	}
	j.Categories = setStrings(ctx, m.Categories, &diags)
	j.Industries = setStrings(ctx, m.Industries, &diags)
	if known(m.Compensation) {
		var comps []compensationModel
		diags.Append(m.Compensation.ElementsAs(ctx, &comps, false)...)
		if len(comps) > 0 {
			j.Compensation = &client.Compensation{}
			for _, c := range comps {
				j.Compensation.Compensations = append(j.Compensation.Compensations, client.CompensationRange{
					Type:   c.Type.ValueString(),
					Period: c.Period.ValueString(),
					Value: client.CompensationValue{
						Min: client.MoneyAmount{Amount: amountText(c.MinAmount), CurrencyCode: c.CurrencyCode.ValueString()},
						Max: client.MoneyAmount{Amount: amountText(c.MaxAmount), CurrencyCode: c.CurrencyCode.ValueString()},
					},
				})
			}
		}
	}
	return j, diags
}

var jobPostingURLPattern = regexp.MustCompile(`/jobs/view/(\d+)`)

// jobPostingURNFromURL derives urn:li:jobPosting:N from a job posting URL such as
// https://www.linkedin.com/jobs/view/N, or returns "".
func jobPostingURNFromURL(u string) string {
	if m := jobPostingURLPattern.FindStringSubmatch(u); m != nil {
		return "urn:li:jobPosting:" + m[1]
	}
	return ""
}

// stateFromListingStatus is the job's state as LinkedIn shows it: a job LinkedIn does not list reads CLOSED.
func stateFromListingStatus(s string) string {
	if s == client.ListingNotListed {
		return jobStateClosed
	}
	return jobStateListed
}

// nullUnknowns replaces unknown computed values (after an apply) by null.
func (m *jobPostingModel) nullUnknowns() {
	for _, s := range []*types.String{&m.JobPostingURN, &m.JobPostingURL, &m.StandardizedLocation, &m.ListingStatus,
		&m.LinkedInApplyStatus, &m.PromotionStatus, &m.LastTaskID, &m.LastTaskStatus, &m.ExpireAt, &m.ID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	for _, o := range []*types.Object{&m.ListingStatusDetail, &m.LinkedInApplyStatusDetail, &m.PromotionStatusDetail} {
		if o.IsUnknown() {
			*o = types.ObjectNull(statusDetailAttrTypes)
		}
	}
}

// applyStatus copies a jobPostingStatus into the computed attributes. importing fills the arguments the
// status API can give back (listed_at, expire_at, location, alternate_locations, state) even when the state
// has none.
func (m *jobPostingModel) applyStatus(ctx context.Context, st *client.JobPostingStatus, diags *diag.Diagnostics) {
	m.JobPostingURL = types.StringValue(st.JobPostingURL)
	if urn := jobPostingURNFromURL(st.JobPostingURL); urn != "" && (!known(m.JobPostingURN) || m.JobPostingURN.ValueString() == "") {
		m.JobPostingURN = types.StringValue(urn)
	}
	if m.JobPostingURN.IsUnknown() {
		m.JobPostingURN = types.StringNull()
	}
	m.StandardizedLocation = nullIfEmpty(st.JobPostingInfo.Location)
	m.ListingStatus = nullIfEmpty(st.ListingStatus)
	m.LinkedInApplyStatus = nullIfEmpty(st.LinkedInApplyStatus)
	m.PromotionStatus = nullIfEmpty(st.PromotionStatus)
	m.ListingStatusDetail = statusDetailObject(ctx, jobstatus.KindListing, st.ListingStatus, st.ListingStatusDetail, diags)
	m.LinkedInApplyStatusDetail = statusDetailObject(ctx, jobstatus.KindLinkedInApply, st.LinkedInApplyStatus, st.LinkedInApplyStatusDetail, diags)
	m.PromotionStatusDetail = statusDetailObject(ctx, jobstatus.KindPromotion, st.PromotionStatus, st.PromotionStatusDetail, diags)
	if st.JobPostingInfo.ExpireAt != 0 {
		m.ExpireAt = timestampFromAPI(m.ExpireAt, st.JobPostingInfo.ExpireAt)
	} else if m.ExpireAt.IsUnknown() {
		m.ExpireAt = types.StringNull()
	}
	if !known(m.ListedAt) {
		if st.JobPostingInfo.ListedAt != 0 {
			m.ListedAt = types.StringValue(timestampFromEpochMillis(st.JobPostingInfo.ListedAt))
		}
	} else {
		m.ListedAt = timestampFromAPI(m.ListedAt, st.JobPostingInfo.ListedAt)
	}
}

var numericCompanyPagePattern = regexp.MustCompile(`^https?://(?:www\.)?linkedin\.com/company/([0-9]+)/?$`)

// fillFromImport sets the arguments that only an import leaves empty, from what the status API returns.
func (m *jobPostingModel) fillFromImport(ctx context.Context, st *client.JobPostingStatus, diags *diag.Diagnostics) {
	// LinkedIn names the company, not the URN the job was posted with; a numeric company page is the
	// organization's id.
	if m.IntegrationContext.IsNull() && m.CompanyName.IsNull() && m.CompanyPageURL.IsNull() {
		if mm := numericCompanyPagePattern.FindStringSubmatch(st.JobPostingInfo.CompanyDetails.CompanyPage); mm != nil {
			m.IntegrationContext = types.StringValue("urn:li:organization:" + mm[1])
		}
	}
	if m.Location.IsNull() && m.CountryCode.IsNull() && m.PostalCode.IsNull() {
		loc := st.RawLocation
		if loc == "" {
			loc = st.JobPostingInfo.Location
		}
		m.Location = nullIfEmpty(loc)
	}
	if m.AlternateLocations.IsNull() && len(st.JobPostingInfo.AlternateLocations) > 0 {
		l, d := types.ListValueFrom(ctx, types.StringType, st.JobPostingInfo.AlternateLocations)
		diags.Append(d...)
		m.AlternateLocations = l
	}
}
