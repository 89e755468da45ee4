package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// This file holds what the job posting resource and the job posting status data sources share: status
// details as Terraform objects, their catalogue explanations, and task outcomes as diagnostics.

// statusDetailAttrTypes is the object type of listing_status_detail, linkedin_apply_status_detail and
// promotion_status_detail.
var statusDetailAttrTypes = map[string]attr.Type{
	"error_code":     types.Int64Type,
	"error_type":     types.StringType,
	"status_message": types.StringType,
	"meaning":        types.StringType,
	"resolution":     types.StringType,
}

// statusDetailObject converts a status detail into its Terraform object (null when LinkedIn sent none), with
// the catalogue's meaning and resolution when the catalogue knows the case.
func statusDetailObject(_ context.Context, kind, status string, d *client.StatusDetail, diags *diag.Diagnostics) types.Object {
	if d == nil {
		return types.ObjectNull(statusDetailAttrTypes)
	}
	code := types.Int64Null()
	if d.ErrorCode != nil {
		code = types.Int64Value(int64(*d.ErrorCode))
	}
	meaning, resolution := types.StringNull(), types.StringNull()
	if e, ok := jobstatus.Lookup(kind, status, d.ErrorCode, d.StatusMessage); ok {
		meaning, resolution = types.StringValue(e.Meaning), types.StringValue(e.Resolution)
	}
	o, dd := types.ObjectValue(statusDetailAttrTypes, map[string]attr.Value{
		"error_code":     code,
		"error_type":     nullIfEmpty(d.ErrorType),
		"status_message": types.StringValue(d.StatusMessage),
		"meaning":        meaning,
		"resolution":     resolution,
	})
	diags.Append(dd...)
	return o
}

// describeStatusDetail is "<statusMessage>" plus the catalogue's explanation, for warnings.
func describeStatusDetail(kind, status string, d *client.StatusDetail) string {
	if d == nil {
		return fmt.Sprintf("LinkedIn gave no detail for status %s.", status)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "LinkedIn says: %q", d.StatusMessage)
	if d.ErrorType != "" || d.ErrorCode != nil {
		b.WriteString(" (")
		if d.ErrorType != "" {
			b.WriteString(d.ErrorType)
		}
		if d.ErrorCode != nil {
			if d.ErrorType != "" {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "error code %d", *d.ErrorCode)
		}
		b.WriteString(")")
	}
	b.WriteString(".")
	if e, ok := jobstatus.Lookup(kind, status, d.ErrorCode, d.StatusMessage); ok {
		b.WriteString("\n\n")
		b.WriteString(e.Text())
	}
	return b.String()
}

// addTaskOutcome turns a finished task into diagnostics: an error for FAILED (quoting LinkedIn's message and
// the catalogue's resolution), a warning for PROCESSED. It returns false when the task failed.
func addTaskOutcome(diags *diag.Diagnostics, externalID, operation string, t *client.JobPostingTask) bool {
	switch t.Status {
	case client.TaskFailed:
		detail := fmt.Sprintf("LinkedIn could not process the %s of job posting %q (task %s).\n\nLinkedIn says: %q",
			operation, externalID, t.ID, strings.TrimSpace(t.ErrorMessage))
		if e, ok := jobstatus.LookupTask(t.ErrorMessage); ok {
			detail += "\n\n" + e.Text()
		}
		diags.AddError(fmt.Sprintf("LinkedIn rejected job posting %q", externalID), detail)
		return false
	case client.TaskProcessed:
		diags.AddWarning(fmt.Sprintf("Job posting %q was processed through a legacy feed", externalID),
			fmt.Sprintf("LinkedIn reports task %s of the %s as PROCESSED: the job was handled by a legacy XML/RSS feed "+
				"integration rather than the API. The provider treats this like SUCCEEDED; check that the customer's legacy "+
				"feed and this configuration do not both post the job.", t.ID, operation))
	}
	return true
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
	RawLocation               types.String `tfsdk:"raw_location"`
	ListedAt                  types.String `tfsdk:"listed_at"`
	ExpireAt                  types.String `tfsdk:"expire_at"`
	Location                  types.String `tfsdk:"location"`
	AlternateLocations        types.List   `tfsdk:"alternate_locations"`
	CompanyName               types.String `tfsdk:"company_name"`
	CompanyPage               types.String `tfsdk:"company_page"`
}

var jobPostingStatusAttrTypes = map[string]attr.Type{
	"external_job_posting_id":      types.StringType,
	"job_posting_url":              types.StringType,
	"job_posting_urn":              types.StringType,
	"listing_status":               types.StringType,
	"listing_status_detail":        types.ObjectType{AttrTypes: statusDetailAttrTypes},
	"linkedin_apply_status":        types.StringType,
	"linkedin_apply_status_detail": types.ObjectType{AttrTypes: statusDetailAttrTypes},
	"promotion_status":             types.StringType,
	"promotion_status_detail":      types.ObjectType{AttrTypes: statusDetailAttrTypes},
	"raw_location":                 types.StringType,
	"listed_at":                    types.StringType,
	"expire_at":                    types.StringType,
	"location":                     types.StringType,
	"alternate_locations":          types.ListType{ElemType: types.StringType},
	"company_name":                 types.StringType,
	"company_page":                 types.StringType,
}

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
		RawLocation:               nullIfEmpty(st.RawLocation),
		ListedAt:                  types.StringNull(),
		ExpireAt:                  types.StringNull(),
		Location:                  nullIfEmpty(st.JobPostingInfo.Location),
		AlternateLocations:        altList,
		CompanyName:               nullIfEmpty(st.JobPostingInfo.CompanyDetails.CompanyName),
		CompanyPage:               nullIfEmpty(st.JobPostingInfo.CompanyDetails.CompanyPage),
	}
	if st.JobPostingInfo.ListedAt != 0 {
		m.ListedAt = types.StringValue(timestampFromEpochMillis(st.JobPostingInfo.ListedAt))
	}
	if st.JobPostingInfo.ExpireAt != 0 {
		m.ExpireAt = types.StringValue(timestampFromEpochMillis(st.JobPostingInfo.ExpireAt))
	}
	return m
}
