package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

var (
	_ datasource.DataSource              = (*jobPostingStatusDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*jobPostingStatusDataSource)(nil)
)

func newJobPostingStatusDataSource() datasource.DataSource { return &jobPostingStatusDataSource{} }

// jobPostingStatusDataSource is linkedin_job_posting_status: the status of one job posting.
type jobPostingStatusDataSource struct{ data *providerData }

func (d *jobPostingStatusDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_job_posting_status"
}

func (d *jobPostingStatusDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// jobPostingStatusDataSourceAttributes are the status fields, all computed but the id.
func jobPostingStatusDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"external_job_posting_id":      schema.StringAttribute{Computed: true, MarkdownDescription: "The job's id in the ATS."},
		"job_posting_url":              schema.StringAttribute{Computed: true, MarkdownDescription: "The job's page on LinkedIn."},
		"job_posting_urn":              schema.StringAttribute{Computed: true, MarkdownDescription: "`urn:li:jobPosting:N`, derived from `job_posting_url`."},
		"listing_status":               schema.StringAttribute{Computed: true, MarkdownDescription: "`LISTED`, `NOT_LISTED` (closed, by the partner or by LinkedIn) or `IN_PROGRESS`."},
		"listing_status_detail":        dataSourceStatusDetailAttribute("listing"),
		"linkedin_apply_status":        schema.StringAttribute{Computed: true, MarkdownDescription: "`ENABLED`, `NOT_ENABLED` or `IN_PROGRESS`."},
		"linkedin_apply_status_detail": dataSourceStatusDetailAttribute("LinkedIn Apply"),
		"promotion_status":             schema.StringAttribute{Computed: true, MarkdownDescription: "`PROMOTED` or `NOT_PROMOTED`."},
		"promotion_status_detail":      dataSourceStatusDetailAttribute("promotion"),
		"location":                     schema.StringAttribute{Computed: true, MarkdownDescription: "The location as the partner sent it (LinkedIn's `rawLocation`; the `location` argument of `linkedin_job_posting`)."},
		"listed_at":                    schema.StringAttribute{Computed: true, MarkdownDescription: "When the job was first listed (RFC 3339, UTC)."},
		"expire_at":                    schema.StringAttribute{Computed: true, MarkdownDescription: "When the listing expires (RFC 3339, UTC)."},
		"standardized_location":        schema.StringAttribute{Computed: true, MarkdownDescription: "The location as LinkedIn standardized it (as `linkedin_job_posting.standardized_location`)."},
		"alternate_locations":          schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The job's other locations."},
		"company_name":                 schema.StringAttribute{Computed: true, MarkdownDescription: "The company's name on LinkedIn."},
		"company_page_url":             schema.StringAttribute{Computed: true, MarkdownDescription: "The company's page on LinkedIn (as `linkedin_job_posting.company_page_url`)."},
	}
}

func (d *jobPostingStatusDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := jobPostingStatusDataSourceAttributes()
	attrs["external_job_posting_id"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "The job's id in the ATS (`externalJobPostingId`, 1–75 characters on one line, without surrounding whitespace).",
		Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, maxExternalIDLength), lineValidator()},
	}
	attrs["customer"] = customerDataSourceAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "The current status of one job posting on LinkedIn (`jobPostingStatus`): whether it is listed, " +
			"whether LinkedIn Apply is enabled, whether it is promoted, each with LinkedIn's detail and, where the provider's " +
			"catalogue of LinkedIn's status messages knows it, what it means and what to do. A job posted by any means " +
			"(this provider, another tool, a legacy feed) can be read, as long as it belongs to the provider's (child) application. " +
			"An unknown id is an error; use `linkedin_job_posting_statuses` to read many ids, or ids that may not exist.",
		Attributes: attrs,
	}
}

func (d *jobPostingStatusDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ctx, cancel, _, _ := withTimeout(ctx, noTimeoutsBlock, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	c := d.data.clientForConfig(ctx, req.Config, &resp.Diagnostics, "read a job posting status")
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("external_job_posting_id"), &id)...)
	if c == nil || resp.Diagnostics.HasError() {
		return
	}
	st, err := c.JobPostings.GetStatus(ctx, id.ValueString())
	if err != nil {
		if client.IsEntityNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("external_job_posting_id"), "Job posting not found",
				fmt.Sprintf("LinkedIn has no job posting with external_job_posting_id %q for this application. Check the id, and that the "+
					"provider is configured with the customer's child application that posted it.", id.ValueString()))
			return
		}
		addAPIError(&resp.Diagnostics, fmt.Sprintf("reading the status of job posting %q", id.ValueString()), err)
		return
	}
	m := newJobPostingStatusModel(ctx, st, &resp.Diagnostics)
	if m.ExternalJobPostingID.ValueString() == "" {
		m.ExternalJobPostingID = id
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &jobPostingStatusDataModel{m, configCustomer(ctx, req.Config, &resp.Diagnostics)})...)
}

// jobPostingStatusDataModel is linkedin_job_posting_status: one status and the customer it was read for.
type jobPostingStatusDataModel struct {
	jobPostingStatusModel
	Customer types.String `tfsdk:"customer"`
}

// jobPostingStatusModel is one job posting status, as the data sources expose it.
type jobPostingStatusModel struct {
	ExternalJobPostingID      types.String `tfsdk:"external_job_posting_id"`
	JobPostingURL             types.String `tfsdk:"job_posting_url"`
	JobPostingURN             types.String `tfsdk:"job_posting_urn"`
	ListingStatus             types.String `tfsdk:"listing_status"`
	ListingStatusDetail       types.Object `tfsdk:"listing_status_detail"`
	LinkedInApplyStatus       types.String `tfsdk:"linkedin_apply_status"`
	LinkedInApplyStatusDetail types.Object `tfsdk:"linkedin_apply_status_detail"`
	PromotionStatus           types.String `tfsdk:"promotion_status"`
	PromotionStatusDetail     types.Object `tfsdk:"promotion_status_detail"`
	Location                  types.String `tfsdk:"location"`
	ListedAt                  types.String `tfsdk:"listed_at"`
	ExpireAt                  types.String `tfsdk:"expire_at"`
	StandardizedLocation      types.String `tfsdk:"standardized_location"`
	AlternateLocations        types.List   `tfsdk:"alternate_locations"`
	CompanyName               types.String `tfsdk:"company_name"`
	CompanyPageURL            types.String `tfsdk:"company_page_url"`
}

// jobPostingStatusAttrTypes is the object type of one status of linkedin_job_posting_statuses, read from the
// schema so that the two cannot disagree.
var jobPostingStatusAttrTypes = func() map[string]attr.Type {
	attrs := jobPostingStatusDataSourceAttributes()
	types := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		types[name] = a.GetType()
	}
	return types
}()

// newJobPostingStatusModel maps LinkedIn's jobPostingStatus to the data sources' model.
func newJobPostingStatusModel(ctx context.Context, st *client.JobPostingStatus, diags *diag.Diagnostics) jobPostingStatusModel {
	alt := st.JobPostingInfo.AlternateLocations
	if alt == nil {
		alt = []string{}
	}
	altList, d := types.ListValueFrom(ctx, types.StringType, alt)
	diags.Append(d...)
	m := jobPostingStatusModel{
		ExternalJobPostingID:      types.StringValue(st.ExternalJobPostingID),
		JobPostingURL:             nullIfEmpty(st.JobPostingURL),
		JobPostingURN:             nullIfEmpty(jobPostingURNFromURL(st.JobPostingURL)),
		ListingStatus:             nullIfEmpty(st.ListingStatus),
		ListingStatusDetail:       statusDetailObject(ctx, jobstatus.KindListing, st.ListingStatus, st.ListingStatusDetail, diags),
		LinkedInApplyStatus:       nullIfEmpty(st.LinkedInApplyStatus),
		LinkedInApplyStatusDetail: statusDetailObject(ctx, jobstatus.KindLinkedInApply, st.LinkedInApplyStatus, st.LinkedInApplyStatusDetail, diags),
		PromotionStatus:           nullIfEmpty(st.PromotionStatus),
		PromotionStatusDetail:     statusDetailObject(ctx, jobstatus.KindPromotion, st.PromotionStatus, st.PromotionStatusDetail, diags),
		Location:                  nullIfEmpty(st.RawLocation),
		ListedAt:                  types.StringNull(),
		ExpireAt:                  types.StringNull(),
		StandardizedLocation:      nullIfEmpty(st.JobPostingInfo.Location),
		AlternateLocations:        altList,
		CompanyName:               nullIfEmpty(st.JobPostingInfo.CompanyDetails.CompanyName),
		CompanyPageURL:            nullIfEmpty(st.JobPostingInfo.CompanyDetails.CompanyPage),
	}
	if st.JobPostingInfo.ListedAt != 0 {
		m.ListedAt = types.StringValue(timestampFromEpochMillis(st.JobPostingInfo.ListedAt))
	}
	if st.JobPostingInfo.ExpireAt != 0 {
		m.ExpireAt = types.StringValue(timestampFromEpochMillis(st.JobPostingInfo.ExpireAt))
	}
	return m
}
