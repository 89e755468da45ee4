package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// LinkedIn Apply (Apply Connect) around a job posting's operations: before a job with
// onsite_apply_configuration is sent, the customer's APPLY_CONNECT integration must be enabled; after it is
// sent, LinkedIn checks the questions and the webhook (linkedInApplyStatus IN_PROGRESS, code 1156) and then
// enables LinkedIn Apply or reports why not; later, LinkedIn may turn it off (a webhook that stops answering),
// which the plan shows and an UPDATE (LinkedIn's "resync") repairs.
// https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply and the status catalogue
// https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications

// Apply Connect's integration, which the customer enables in LinkedIn for its organization.
const (
	applyConnectIntegrationType = "APPLY_CONNECT"
	applyConnectTenantType      = "JOBS"
)

// resyncCodes are the LinkedIn Apply error codes of a webhook LinkedIn gave up on (could not register it,
// blocked it, or could not deliver applications to it): LinkedIn enables LinkedIn Apply again when the job is
// sent again as an UPDATE and the webhook answers.
var resyncCodes = []int{1153, 1154, 1155}

// sendsLinkedInApply reports whether operations send m's onsite_apply_configuration to LinkedIn (every
// operation but CLOSE does).
func sendsLinkedInApply(m *jobPostingModel, operations ...string) bool {
	return !m.OnsiteApplyConfiguration.IsNull() && slices.ContainsFunc(operations, func(op string) bool { return op != client.JobOperationClose })
}

// checkApplyConnectEnabled reads the customer's APPLY_CONNECT integration for the job's organization, with the
// job's client, and says what is missing when it is not enabled: LinkedIn would post the job without
// LinkedIn Apply, so nothing is sent.
func checkApplyConnectEnabled(ctx context.Context, c *client.Client, m *jobPostingModel, diags *diag.Diagnostics) bool {
	key := client.IntegrationKey{IntegrationContext: m.IntegrationContext.ValueString(),
		IntegrationType: applyConnectIntegrationType, TenantType: applyConnectTenantType}
	in, err := c.Integrations.Get(ctx, key)
	var state string
	switch {
	case client.IsEntityNotFound(err):
		state = "has not enabled it (LinkedIn knows no such integration for this child application)"
	case err != nil:
		addAPIError(diags, "checking the APPLY_CONNECT integration of "+key.IntegrationContext, err)
		return false
	case in.Status == client.IntegrationStatusEnabled:
		return true
	default:
		state = fmt.Sprintf("has it in status %s, not ENABLED", in.Status)
	}
	diags.AddAttributeError(path.Root(onsiteApplyAttributeName), "Apply Connect is not enabled for "+key.IntegrationContext,
		fmt.Sprintf("Job posting %q asks for LinkedIn Apply (onsite_apply_configuration), which needs the customer's APPLY_CONNECT "+
			"integration (tenant JOBS) ENABLED for %s, and the customer %s. Nothing was sent to LinkedIn.\n\n"+
			"The customer enables Apply Connect for your application in LinkedIn (the integration settings of its LinkedIn account). "+
			"Check it with the linkedin_integration data source (integration_context = %q, integration_type = \"APPLY_CONNECT\", "+
			"tenant_type = \"JOBS\"), which fails until it is enabled; or remove onsite_apply_configuration to post the job with "+
			"company_apply_url only.", m.ExternalJobPostingID.ValueString(), key.IntegrationContext, state, key.IntegrationContext))
	return false
}

// waitForLinkedInApply reads the job's status once LinkedIn has decided about LinkedIn Apply, within ctx's
// deadline (the operation's timeout). When the deadline comes first, it warns and returns the last status read.
func waitForLinkedInApply(ctx context.Context, c *client.Client, m *jobPostingModel, timeout string, diags *diag.Diagnostics) (*client.JobPostingStatus, error) {
	id := m.ExternalJobPostingID.ValueString()
	st, err := c.JobPostings.WaitForLinkedInApply(ctx, id)
	if err != nil && (errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil) && st != nil {
		diags.AddWarning(fmt.Sprintf("LinkedIn Apply still in progress for job posting %q", id),
			fmt.Sprintf("The job is posted, but LinkedIn was still enabling LinkedIn Apply (linkedin_apply_status IN_PROGRESS, code 1156) "+
				"when the %s timeout ran out. The next refresh reads LinkedIn's decision; raise the timeouts block to wait longer.", timeout))
		return st, nil
	}
	return st, err
}

// addLinkedInApplyOutcome is the error of a job LinkedIn posted without enabling LinkedIn Apply: LinkedIn's
// status message, the catalogue's meaning and resolution, and what happens to the job in Terraform.
func addLinkedInApplyOutcome(diags *diag.Diagnostics, m *jobPostingModel, st *client.JobPostingStatus, onCreate bool) {
	if st.LinkedInApplyStatus != client.LinkedInApplyNotEnabled {
		return
	}
	next := "The job is kept in the state as updated. "
	if resyncable(st.LinkedInApplyStatusDetail) {
		next += "Once the webhook answers, the next plan re-sends the job as an UPDATE (LinkedIn's resync)."
	} else {
		next += "Correct the configuration and apply again."
	}
	if onCreate {
		next = "The job is kept in the state as posted; Terraform marks it tainted, so the next apply closes it and posts it again " +
			"(LinkedIn already knows the job, so the provider re-lists it with a RENEW carrying the configuration). Fix the cause first."
	}
	diags.AddAttributeError(path.Root(onsiteApplyAttributeName), fmt.Sprintf("LinkedIn Apply not enabled for job posting %q", m.ExternalJobPostingID.ValueString()),
		"LinkedIn posted the job but did not enable LinkedIn Apply: applicants are sent to company_apply_url instead. "+
			describeStatusDetail(jobstatus.KindLinkedInApply, st.LinkedInApplyStatus, st.LinkedInApplyStatusDetail)+"\n\n"+next)
}

// resyncable reports whether a NOT_ENABLED detail is one an UPDATE repairs once the webhook answers.
func resyncable(d *client.StatusDetail) bool {
	return d != nil && d.ErrorCode != nil && slices.Contains(resyncCodes, *d.ErrorCode)
}

// linkedInApplyTurnedOff is the detail of a job whose state says LinkedIn turned LinkedIn Apply off (or never
// registered its webhook), nil otherwise.
func linkedInApplyTurnedOff(m *jobPostingModel) *client.StatusDetail {
	if m.LinkedInApplyStatus.ValueString() != client.LinkedInApplyNotEnabled || !known(m.LinkedInApplyStatusDetail) {
		return nil
	}
	attrs := m.LinkedInApplyStatusDetail.Attributes()
	code, _ := attrs["error_code"].(types.Int64)
	errorType, _ := attrs["error_type"].(types.String)
	message, _ := attrs["status_message"].(types.String)
	if !known(code) {
		return nil
	}
	n := int(code.ValueInt64())
	detail := &client.StatusDetail{ErrorCode: &n, ErrorType: errorType.ValueString(), StatusMessage: message.ValueString()}
	if !resyncable(detail) {
		return nil
	}
	return detail
}

// linkedInApplyResync reports whether an update must re-send the job so that LinkedIn enables LinkedIn Apply
// again: the configuration asks for it, the job stays listed, and LinkedIn turned it off for its webhook.
func linkedInApplyResync(plan, state *jobPostingModel) bool {
	return !plan.OnsiteApplyConfiguration.IsNull() && plan.ListingState.ValueString() == jobStateListed && linkedInApplyTurnedOff(state) != nil
}

// planLinkedInApplyResync shows LinkedIn turning LinkedIn Apply off in the plan: linkedin_apply_status becomes
// "known after apply" (an in-place update), with a warning quoting LinkedIn's message; Update then re-sends
// the job. Once LinkedIn Apply is ENABLED again, the plan is empty.
func planLinkedInApplyResync(ctx context.Context, plan, config, prior *jobPostingModel, resp *resource.ModifyPlanResponse) {
	if prior == nil || !linkedInApplyResync(plan, prior) {
		return
	}
	detail := linkedInApplyTurnedOff(prior)
	// What the UPDATE changes is known after apply, as the framework plans it for any update: the statuses, the
	// task, and expire_at unless configured (LinkedIn's value in the state may be in the past by now, and an
	// UPDATE must not send it).
	for _, name := range []string{"linkedin_apply_status", "listing_status", "promotion_status", "standardized_location", "last_task_id", "last_task_status"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringUnknown())...)
	}
	for _, name := range []string{"linkedin_apply_status_detail", "listing_status_detail", "promotion_status_detail"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.ObjectUnknown(statusDetailAttrTypes))...)
	}
	if config.ExpireAt.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expire_at"), types.StringUnknown())...)
		plan.ExpireAt = types.StringUnknown()
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("linkedin_apply_status"),
		fmt.Sprintf("LinkedIn turned LinkedIn Apply off for job posting %q", prior.ExternalJobPostingID.ValueString()),
		describeStatusDetail(jobstatus.KindLinkedInApply, client.LinkedInApplyNotEnabled, detail)+"\n\n"+
			"The configuration asks for LinkedIn Apply (onsite_apply_configuration), so apply re-sends the job as an UPDATE "+
			"(LinkedIn's resync), which makes LinkedIn validate the webhook and the questions again, and waits for LinkedIn's decision. "+
			"Make sure the webhook answers LinkedIn's challenge and accepts applications first; to accept LinkedIn's decision "+
			"instead, remove onsite_apply_configuration.")
}
