package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

var (
	_ resource.Resource                   = (*jobPostingResource)(nil)
	_ resource.ResourceWithConfigure      = (*jobPostingResource)(nil)
	_ resource.ResourceWithImportState    = (*jobPostingResource)(nil)
	_ resource.ResourceWithValidateConfig = (*jobPostingResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*jobPostingResource)(nil)
)

// Default timeouts of the timeouts block.
const (
	defaultJobCreateTimeout = 20 * time.Minute
	defaultJobUpdateTimeout = 20 * time.Minute
	defaultJobDeleteTimeout = 10 * time.Minute
)

// relistOperation is what re-lists a job that is closed on LinkedIn (closed by the partner, or by LinkedIn
// as MEMBER_REPORTED, ...). LinkedIn refuses an UPDATE of a closed job; RENEW carries the whole job again,
// re-lists it under the same URN and URL and extends expire_at by 30 days. It is the single place to change
// should LinkedIn's rule change.
const relistOperation = client.JobOperationRenew

func newJobPostingResource() resource.Resource { return &jobPostingResource{now: time.Now} }

// jobPostingResource is linkedin_job_posting: one job sent with LinkedIn's Job Posting API
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs) and followed through its
// tasks and jobPostingStatus.
type jobPostingResource struct {
	data *providerData
	now  func() time.Time
}

func (r *jobPostingResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_job_posting"
}

func (r *jobPostingResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// optionalString is an optional string argument with its validators.
func optionalString(desc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: v}
}

// computedString is a computed string attribute; keep plans its prior value (for values that never change
// after creation) instead of "known after apply".
func computedString(desc string, keep bool) schema.StringAttribute {
	a := schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	if keep {
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return a
}

func (r *jobPostingResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	now := r.now
	if now == nil {
		now = time.Now
	}
	attrs := jobFieldAttributes(now)
	maps.Copy(attrs, companyAndLocationAttributes())
	maps.Copy(attrs, listingAttributes(now))
	maps.Copy(attrs, jobDetailAttributes())
	maps.Copy(attrs, jobStatusAttributes())
	attrs["customer"] = customerResourceAttribute()
	attrs[onsiteApplyAttributeName] = onsiteApplyAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: jobPostingResourceDescription,
		Attributes:          attrs,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// jobFieldAttributes are the fields every job carries: its key in the ATS, what it is, where to apply, and
// whether it is listed.
func jobFieldAttributes(now func() time.Time) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"external_job_posting_id": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The job's unique id in the ATS (`externalJobPostingId`), 1–75 characters on one line, without surrounding whitespace. Changing it posts a new job and closes the old one.",
			Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, maxExternalIDLength), lineValidator()},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"title": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The job's title, 1–200 characters on one line, without surrounding whitespace.",
			Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, maxTitleLength), lineValidator()},
		},
		"description": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "The job's description, 100–25,000 characters. HTML is limited to `b strong u i br p ul li`; LinkedIn strips other tags. " +
				"Use a heredoc or `file()` for long descriptions: line breaks, tabs and surrounding whitespace are kept, other control characters are refused.",
			Validators: []validator.String{stringvalidator.UTF8LengthBetween(minDescriptionLength, maxDescriptionLength), textValidator()},
		},
		"company_apply_url": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "Where applicants apply: an absolute `http://` or `https://` URL.",
			Validators:          []validator.String{httpURLValidator()},
		},
		"listed_at": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "When the job was added to the ATS, as an RFC 3339 timestamp (for example `2026-11-01T09:00:00Z`); sent as epoch milliseconds UTC. " +
				"Must not be in the future. A timestamp with another offset denoting the same instant does not show as a change.",
			Validators: []validator.String{timestampValidator(true, now)},
		},
		"listing_state": schema.StringAttribute{
			Optional: true,
			Computed: true,
			Default:  stringdefault.StaticString(jobStateListed),
			MarkdownDescription: "What you ask of LinkedIn: `LISTED` (default) or `CLOSED` (LinkedIn's `state` field). Setting `CLOSED` closes the job on LinkedIn (CLOSE); setting `LISTED` again re-lists it. " +
				"When LinkedIn stops listing the job on its own (for example `MEMBER_REPORTED`), refresh reads `CLOSED`, the plan shows `CLOSED -> LISTED` with a warning quoting LinkedIn's reason, and apply re-lists it. " +
				"`listing_status` is what LinkedIn reports.",
			Validators: []validator.String{stringvalidator.OneOf(jobStates...)},
		},
	}
}

// companyAndLocationAttributes say whom the job is for and where it is (ValidateConfig checks which
// combinations LinkedIn takes).
func companyAndLocationAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"integration_context": optionalString("The organization the job is posted for, `urn:li:organization:N` (sent as `integrationContext` on `/v2` and as `company` on `/rest`). "+
			"One of `integration_context`, `company_name` or `company_page_url` is required; Recruiter System Connect requires `integration_context`.",
			urnValidator("organization")),
		"company_name": optionalString("The company's name, for a job not posted for an organization URN.",
			stringvalidator.UTF8LengthBetween(1, maxCompanyNameLength), lineValidator()),
		"company_page_url": optionalString("The company's LinkedIn page, `https://www.linkedin.com/company/<name-or-id>` (a trailing `/` is fine), for a job not posted for an organization URN.",
			companyPageURLValidator()),
		"location": optionalString("Where the job is: `City, State`, `City, Country`, `City, State, Country` or `PostalCode, CountryCode` (the space after a comma is optional); "+
			"a country alone only for a job with `workplace_type = \"Remote\"`. Required unless `country_code` and `postal_code` are set.",
			locationValidator(true)),
		"country_code": optionalString("ISO 3166-1 alpha-2 country code (upper case, for example `US`), with `postal_code`, instead of `location`.",
			patternValidator(countryCodePattern, "must be an ISO 3166-1 alpha-2 country code in upper case, such as US")),
		"postal_code": optionalString("Postal code, with `country_code`, instead of `location`.",
			patternValidator(postalCodePattern, "must be a postal code of 2–10 letters, digits, spaces or hyphens")),
		"alternate_locations": schema.ListAttribute{
			Optional:            true,
			ElementType:         types.StringType,
			MarkdownDescription: "Up to 7 other locations of the job, each in one of the `location` forms (a country alone only for remote jobs).",
			Validators: []validator.List{
				listvalidator.SizeAtMost(maxAlternateLocations),
				listvalidator.UniqueValues(),
				listvalidator.ValueStringsAre(locationValidator(true)),
			},
		},
		"workplace_type": optionalString("`On-site`, `Hybrid` or `Remote` (case-insensitive; sent as LinkedIn's one-element `workplaceTypes`). Omitted means On-site.",
			stringvalidator.OneOfCaseInsensitive(workplaceTypes...)),
	}
}

// listingAttributes say how LinkedIn lists the job: basic or premium, to whom, until when, and when to renew.
func listingAttributes(now func() time.Time) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"listing_type": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString("BASIC"),
			MarkdownDescription: "`BASIC` (default) or `PREMIUM`. `PREMIUM` needs `contract`, and its `expire_at` must be 1–90 days ahead.",
			Validators:          []validator.String{stringvalidator.OneOf(listingTypes...)},
		},
		"contract": optionalString("The customer's Recruiter contract, `urn:li:contract:N`; required for `listing_type = \"PREMIUM\"` and `availability = \"INTERNAL\"`.",
			urnValidator("contract")),
		"expire_at": schema.StringAttribute{
			Optional: true,
			Computed: true,
			MarkdownDescription: "When the listing expires (RFC 3339). When not set, LinkedIn's value is read back (a BASIC job expires 180 days after `listed_at`; each renewal adds 30 days). " +
				"When set, it must be in the future whenever it changes. Cannot be combined with `renewal_trigger` (a renewal moves it).",
			Validators: []validator.String{timestampValidator(false, now)},
		},
		"availability": optionalString("`PUBLIC`, `PRIVATE_TO_ATS_INTEGRATION` or `INTERNAL` (needs `contract`).", stringvalidator.OneOf(availabilities...)),
		"renewal_trigger": optionalString("Any value. Changing it on an existing job renews the listing (RENEW: LinkedIn extends `expire_at` by 30 days). " +
			"Setting it for the first time (at creation, after an import, or later) only records it; removing it does nothing. A month (`\"2026-12\"`) or a counter works well."),
	}
}

// jobDetailAttributes are optional details of the job and of its requisition.
func jobDetailAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"employment_status": optionalString("One of `FULL_TIME`, `PART_TIME`, `CONTRACT`, `INTERNSHIP`, `TEMPORARY`, `VOLUNTEER`, `OTHER`.", stringvalidator.OneOf(employmentStatuses...)),
		"experience_level":  optionalString("One of `ENTRY_LEVEL`, `ASSOCIATE`, `MID_SENIOR_LEVEL`, `DIRECTOR`, `EXECUTIVE`, `INTERNSHIP`, `NOT_APPLICABLE`.", stringvalidator.OneOf(experienceLevels...)),
		"categories": schema.SetAttribute{
			Optional:            true,
			ElementType:         types.StringType,
			MarkdownDescription: "Up to 3 LinkedIn job-function codes (lower-case codes such as `eng`, `it`, `sale`). A set: their order means nothing to LinkedIn.",
			Validators: []validator.Set{
				setvalidator.SizeAtMost(maxCategories),
				setvalidator.ValueStringsAre(patternValidator(jobFunctionPattern, "must be a LinkedIn job-function code (lower-case letters, digits or _, such as eng)")),
			},
		},
		"industries": schema.SetAttribute{
			Optional:            true,
			ElementType:         types.StringType,
			MarkdownDescription: "Industries, each `urn:li:industry:N`. A set: their order means nothing to LinkedIn.",
			Validators: []validator.Set{
				setvalidator.ValueStringsAre(urnValidator("industry")),
			},
		},
		"company_job_code": optionalString("The customer's own code for the job.", stringvalidator.UTF8LengthBetween(1, maxCompanyJobCodeLength), lineValidator()),
		"skills_description": optionalString("The skills the job needs, at most 4,000 characters (line breaks and tabs allowed).",
			stringvalidator.UTF8LengthBetween(1, maxSkillsDescriptionLength), textValidator()),
		"tracking_pixel_url": optionalString("A tracking pixel URL (absolute http(s)).", httpURLValidator()),
		"poster_email":       optionalString("E-mail address of the job's poster.", emailValidator()),
		"access_restricted": schema.BoolAttribute{
			Optional:            true,
			MarkdownDescription: "Whether access to the job is restricted.",
		},
		"requisition_owner_email":      optionalString("E-mail address of the requisition's owner.", emailValidator()),
		"requisition_owner_first_name": optionalString("First name of the requisition's owner.", stringvalidator.UTF8LengthBetween(1, maxRequisitionNameLength), lineValidator()),
		"requisition_owner_last_name":  optionalString("Last name of the requisition's owner.", stringvalidator.UTF8LengthBetween(1, maxRequisitionNameLength), lineValidator()),
		"compensation": schema.ListNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Pay ranges of the job (LinkedIn's `compensation.compensations`).",
			Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			NestedObject: schema.NestedAttributeObject{
				Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						Required: true, MarkdownDescription: "What is paid, for example `BASE_SALARY`.",
						Validators: []validator.String{patternValidator(compensationTypePattern, "must be an upper-case compensation type such as BASE_SALARY")},
					},
					"period": schema.StringAttribute{
						Required: true, MarkdownDescription: "`YEARLY`, `MONTHLY`, `WEEKLY`, `DAILY` or `HOURLY`.",
						Validators: []validator.String{stringvalidator.OneOf(compensationPeriods...)},
					},
					"currency_code": schema.StringAttribute{
						Required: true, MarkdownDescription: "ISO 4217 currency code, for example `USD`.",
						Validators: []validator.String{patternValidator(currencyCodePattern, "must be an ISO 4217 currency code of three upper-case letters, such as USD")},
					},
					"min_amount": schema.NumberAttribute{
						Required: true, MarkdownDescription: "Lower bound, a number such as `95000` or `42.50` (exact: sent to LinkedIn as the decimal you wrote, never through floating point).",
						Validators: []validator.Number{amountValidator{}},
					},
					"max_amount": schema.NumberAttribute{
						Required: true, MarkdownDescription: "Upper bound, a number not below `min_amount`.",
						Validators: []validator.Number{amountValidator{}},
					},
				},
			},
		},
	}
}

// jobStatusAttributes are computed: what LinkedIn made of the job (read from jobPostingStatus) and the last
// task the provider sent.
func jobStatusAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                    computedString("The job's external id (same as `external_job_posting_id`).", true),
		"job_posting_urn":       computedString("The job's URN on LinkedIn, `urn:li:jobPosting:N`.", true),
		"job_posting_url":       computedString("The job's page on LinkedIn.", true),
		"standardized_location": computedString("The location as LinkedIn standardised it.", false),
		"listing_status":        computedString("`LISTED`, `NOT_LISTED` or `IN_PROGRESS`, from `jobPostingStatus`.", false),
		"listing_status_detail": resourceStatusDetailAttribute("listing"),
		"linkedin_apply_status": computedString("Whether LinkedIn Apply is on: `ENABLED`, `NOT_ENABLED` or `IN_PROGRESS` (LinkedIn is checking the questions and the webhook). "+
			"`NOT_ENABLED` without `onsite_apply_configuration`; read on every refresh.", false),
		"linkedin_apply_status_detail": resourceStatusDetailAttribute("LinkedIn Apply"),
		"promotion_status":             computedString("`PROMOTED` or `NOT_PROMOTED`.", false),
		"promotion_status_detail":      resourceStatusDetailAttribute("promotion"),
		"last_task_id":                 computedString("The `urn:li:simpleJobPostingTask:…` of the last operation the provider sent (null after an import).", false),
		"last_task_status":             computedString("How LinkedIn finished that task: `SUCCEEDED` or `PROCESSED`.", false),
	}
}

const jobPostingResourceDescription = "A job posting on LinkedIn (`simpleJobPostings`), kept in sync with the ATS. " +
	"Create sends `CREATE`, changes send `UPDATE`, `listing_state = \"CLOSED\"` and destroy send `CLOSE`; a change of `renewal_trigger` sends `RENEW`. " +
	"LinkedIn processes every operation asynchronously: the provider waits for the task (polling with backoff, batched with other jobs' tasks) " +
	"and turns a failed task into an error quoting LinkedIn's message and what to do. Refresh reads `jobPostingStatus`, so a job LinkedIn " +
	"closed on its own shows as drift. `onsite_apply_configuration` turns on LinkedIn Apply (Apply Connect). " +
	"Use the credentials of the customer's child application."

// ValidateConfig checks the rules that involve several attributes.
func (r *jobPostingResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m jobPostingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateJobPostingConfig(ctx, &m, &resp.Diagnostics)
}

// ModifyPlan checks the rules that depend on the current time or on the prior state.
func (r *jobPostingResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.data.checkPlan(ctx, req, resp, "job posting", func() *destroyCall { return jobPostingDestroyCall(ctx, req.State) })
	if change := changeOf(ctx, req, "external_job_posting_id"); change != planKeeps {
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("external_job_posting_id"), &id)...)
		warnChange(&resp.Diagnostics, change,
			[2]string{"Job posting will be closed, not deleted", fmt.Sprintf("LinkedIn has no delete for job postings: "+
				"destroying %s sends a CLOSE. The job stops being listed but stays in LinkedIn's records under its "+
				"external id; posting it again later re-lists it.", id)},
			[2]string{"Job posting will be closed and a new one posted", fmt.Sprintf("Changing external_job_posting_id (or customer) "+
				"closes job %s on LinkedIn (it is not deleted) and posts a new job: applicants and views stay with the "+
				"old one.", id)})
	}
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config jobPostingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var prior *jobPostingModel
	if !req.State.Raw.IsNull() {
		prior = &jobPostingModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, prior)...)
	}
	planLinkedInApplyResync(ctx, &plan, &config, prior, resp)
	if !known(config.ExpireAt) {
		return
	}
	if prior != nil && prior.ExpireAt.Equal(config.ExpireAt) {
		return
	}
	exp, err := parseTimestamp(config.ExpireAt.ValueString())
	if err != nil {
		return
	}
	now := r.now()
	if !exp.After(now) {
		resp.Diagnostics.AddAttributeError(path.Root("expire_at"), "Invalid expire_at",
			fmt.Sprintf("Attribute expire_at must be in the future when it is set or changed, got %s (now is %s).", config.ExpireAt.ValueString(), now.UTC().Format(time.RFC3339)))
		return
	}
	if known(plan.ListingType) && plan.ListingType.ValueString() == "PREMIUM" {
		d := exp.Sub(now)
		if d < premiumMinDaysAhead*24*time.Hour-time.Minute || d > premiumMaxDaysAhead*24*time.Hour {
			resp.Diagnostics.AddAttributeError(path.Root("expire_at"), "Invalid expire_at",
				fmt.Sprintf("Attribute expire_at of a PREMIUM job must be %d to %d days ahead, got %s (%.1f days ahead).",
					premiumMinDaysAhead, premiumMaxDaysAhead, config.ExpireAt.ValueString(), d.Hours()/24))
		}
	}
}

func (r *jobPostingResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	c := r.data.clientForPlan(ctx, req.Plan, &resp.Diagnostics, "post a job")
	var plan jobPostingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if c == nil || resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, timeout, ok := withTimeout(ctx, plan.Timeouts.Create, defaultJobCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	plan.ID = plan.ExternalJobPostingID
	plan.JobPostingURN = types.StringUnknown()
	if sendsLinkedInApply(&plan, client.JobOperationCreate) && !checkApplyConnectEnabled(ctx, c, &plan, &resp.Diagnostics) {
		return
	}
	if r.run(ctx, c, &plan, client.JobOperationCreate, "create", timeout, &resp.Diagnostics) != sent {
		return
	}
	if plan.ListingState.ValueString() == jobStateClosed {
		if r.run(ctx, c, &plan, client.JobOperationClose, "create", timeout, &resp.Diagnostics) != sent {
			resp.Diagnostics.Append(resp.State.Set(ctx, r.settle(ctx, c, &plan, nil, &resp.Diagnostics))...)
			return
		}
	}
	r.finish(ctx, c, &plan, timeout, true, resp.State.Set, &resp.Diagnostics)
}

// finish writes the state after a create or an update that sent the job: when the job asks for LinkedIn Apply
// and stays listed, it first waits for LinkedIn's decision, and a job posted without LinkedIn Apply is an error
// after the state is written (the job exists on LinkedIn either way).
func (r *jobPostingResource) finish(ctx context.Context, c *client.Client, m *jobPostingModel, timeout time.Duration, onCreate bool,
	setState func(context.Context, any) diag.Diagnostics, diags *diag.Diagnostics) {
	if m.OnsiteApplyConfiguration.IsNull() || m.ListingState.ValueString() != jobStateListed {
		diags.Append(setState(ctx, r.settle(ctx, c, m, nil, diags))...)
		return
	}
	phase := "update"
	if onCreate {
		phase = "create"
	}
	st, err := waitForLinkedInApply(ctx, c, m, fmt.Sprintf("%s (%s)", phase, timeout), diags)
	if err != nil {
		st = nil // settle reads the status again, and warns if it cannot
	}
	diags.Append(setState(ctx, r.settle(ctx, c, m, st, diags))...)
	if st != nil {
		addLinkedInApplyOutcome(diags, m, st, onCreate)
	}
}

// sendResult is how one operation sent by run ended.
type sendResult int

const (
	sendFailed    sendResult = iota // diagnostics say why
	sent                            // LinkedIn processed the operation
	alreadyClosed                   // LinkedIn refused a CLOSE because the job is already closed or unknown (diagnostics quote it)
)

// run sends one operation for the job in m and waits for its task. It records the task in m; failures
// become diagnostics.
func (r *jobPostingResource) run(ctx context.Context, c *client.Client, m *jobPostingModel, op, phase string, timeout time.Duration, diags *diag.Diagnostics) sendResult {
	id := m.ExternalJobPostingID.ValueString()
	job, d := m.toJobPosting(ctx, op)
	diags.Append(d...)
	if diags.HasError() {
		return sendFailed
	}
	taskURN, err := c.JobPostings.Submit(ctx, job)
	if err != nil {
		if op == client.JobOperationClose && client.IsConflict(err) {
			return sent // already closed, or unknown to LinkedIn: nothing to close
		}
		if ctx.Err() != nil {
			diags.AddError(fmt.Sprintf("Timed out sending job posting %q", id),
				fmt.Sprintf("The %s timeout (%s) ran out before LinkedIn accepted the %s. Raise timeouts { %s = ... } or retry.", phase, timeout, op, phase))
			return sendFailed
		}
		addAPIError(diags, fmt.Sprintf("sending %s of job posting %q", op, id), err)
		if op == client.JobOperationClose && client.IsAlreadyClosed(err) {
			return alreadyClosed
		}
		return sendFailed
	}
	if taskURN == "" {
		// Reconciled by the client: an earlier attempt's answer was lost and LinkedIn already had the job (or
		// the job was already closed). Nothing was sent again and there is no task to wait for.
		m.LastTaskID, m.LastTaskStatus = types.StringNull(), types.StringNull()
		return sent
	}
	m.LastTaskID = types.StringValue(taskURN)
	task, err := c.JobPostings.WaitForTask(ctx, taskURN)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			msg := fmt.Sprintf("LinkedIn was still processing task %s (%s of job posting %q) when the %s timeout (%s) ran out. "+
				"LinkedIn may still finish it. Raise timeouts { %s = \"...\" } and apply again.", taskURN, op, id, phase, timeout, phase)
			if op == client.JobOperationCreate {
				msg += " If LinkedIn does create the job, the next apply adopts it (an UPDATE with the configured fields) instead of creating it twice."
			}
			diags.AddError(fmt.Sprintf("Timed out waiting for job posting %q", id), msg)
			return sendFailed
		}
		addAPIError(diags, fmt.Sprintf("waiting for task %s (%s of job posting %q)", taskURN, op, id), err)
		return sendFailed
	}
	m.LastTaskStatus = types.StringValue(task.Status)
	if task.JobPosting != "" {
		m.JobPostingURN = types.StringValue(task.JobPosting)
	}
	if op == client.JobOperationCreate && task.IsDuplicateCreate() {
		return r.adopt(ctx, c, m, phase, timeout, diags)
	}
	if !addTaskOutcome(diags, id, op, task) {
		if op == client.JobOperationClose && task.IsAlreadyClosed() {
			return alreadyClosed
		}
		return sendFailed
	}
	return sent
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

// adopt takes over a job LinkedIn already has under this external id, after a CREATE it refused as a duplicate:
// the external id is the ATS's own key for the job (LinkedIn's legacy state = LISTED is itself a create-or-update),
// and the usual way to get here is a create whose wait timed out while LinkedIn went on to post the job. It sends
// the configured job as an UPDATE, or as a RENEW when LinkedIn no longer lists it (LinkedIn refuses an UPDATE of a
// closed job).
func (r *jobPostingResource) adopt(ctx context.Context, c *client.Client, m *jobPostingModel, phase string, timeout time.Duration, diags *diag.Diagnostics) sendResult {
	id := m.ExternalJobPostingID.ValueString()
	op := client.JobOperationUpdate
	st, err := c.JobPostings.GetStatus(ctx, id)
	if err != nil {
		addAPIError(diags, fmt.Sprintf("reading job posting %q, which LinkedIn says already exists", id), err)
		return sendFailed
	}
	if st.ListingStatus == client.ListingNotListed {
		op = client.JobOperationRenew
	}
	diags.AddWarning(fmt.Sprintf("Job posting %q already existed on LinkedIn", id),
		fmt.Sprintf("LinkedIn already had a job with external_job_posting_id %q for this application (for example from a "+
			"create whose wait timed out), so the provider adopted it and sent the configured job as an %s instead of "+
			"creating it again.", id, op))
	return r.run(ctx, c, m, op, phase, timeout, diags)
}

// settle fills the computed attributes after an apply from jobPostingStatus (st, or read now when st is nil).
// A failed status read is a warning: the operation itself succeeded, and the next refresh fills the statuses.
func (r *jobPostingResource) settle(ctx context.Context, c *client.Client, m *jobPostingModel, st *client.JobPostingStatus, diags *diag.Diagnostics) *jobPostingModel {
	var err error
	if st == nil {
		st, err = c.JobPostings.GetStatus(ctx, m.ExternalJobPostingID.ValueString())
	}
	if err != nil {
		if !client.IsEntityNotFound(err) {
			diags.AddWarning(fmt.Sprintf("Could not read the status of job posting %q", m.ExternalJobPostingID.ValueString()),
				describeAPIError(err)+"\n\nThe operation succeeded; the next refresh reads the status.")
		}
		st = &client.JobPostingStatus{}
	}
	listedAt, expireAt := m.ListedAt, m.ExpireAt
	m.applyStatus(ctx, st, diags)
	m.ListedAt = listedAt // as planned: LinkedIn may keep the first listedAt
	if known(expireAt) {
		m.ExpireAt = expireAt
	}
	m.nullUnknowns()
	return m
}

func (r *jobPostingResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	c, skip := r.data.readClient(ctx, req, resp, "read a job posting")
	var m jobPostingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if skip || c == nil || resp.Diagnostics.HasError() {
		return
	}
	before := attrValues(&m)
	id := m.ExternalJobPostingID.ValueString()
	if id == "" {
		id = m.ID.ValueString()
		m.ExternalJobPostingID = m.ID
	}
	importing := m.Title.IsNull() && m.LastTaskID.IsNull() && m.ListingStatus.IsNull()
	ctx, cancel, _, ok := withTimeout(ctx, m.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	st, err := c.JobPostings.GetStatus(ctx, id)
	if err != nil {
		if client.IsEntityNotFound(err) {
			if !importing {
				resp.Diagnostics.AddWarning(fmt.Sprintf("Job posting %q is gone from LinkedIn", id),
					"LinkedIn no longer knows this job posting (jobPostingStatus answers 404). It was removed from the Terraform state; the next apply posts it again.")
			}
			resp.State.RemoveResource(ctx)
			return
		}
		addAPIError(&resp.Diagnostics, fmt.Sprintf("reading the status of job posting %q", id), err)
		return
	}
	prevState := m.ListingState.ValueString()
	m.ID = types.StringValue(id)
	m.applyStatus(ctx, st, &resp.Diagnostics)
	if importing {
		m.fillFromImport(ctx, st, &resp.Diagnostics)
		// expire_at is optional: an import leaves it unset, so that the configuration -generate-config-out writes
		// does not pin LinkedIn's current expiry (which would conflict with renewal_trigger and stop renewals).
		// The next refresh reads LinkedIn's value into it, as for any job created without expire_at.
		m.ExpireAt = types.StringNull()
	}
	switch st.ListingStatus {
	case client.ListingNotListed:
		m.ListingState = types.StringValue(jobStateClosed)
		if prevState == jobStateListed && !importing {
			resp.Diagnostics.AddWarning(fmt.Sprintf("LinkedIn no longer lists job posting %q", id),
				describeStatusDetail(jobstatus.KindListing, st.ListingStatus, st.ListingStatusDetail)+
					"\n\nThe job reads as listing_state = \"CLOSED\". With listing_state = \"LISTED\" in the configuration, the plan re-lists it "+
					"("+relistOperation+"); set listing_state = \"CLOSED\" to accept LinkedIn's decision.")
		}
	case client.ListingListed:
		m.ListingState = types.StringValue(jobStateListed)
	default: // IN_PROGRESS or empty: LinkedIn has not decided yet; keep what the state says
		if m.ListingState.IsNull() {
			m.ListingState = types.StringValue(stateFromListingStatus(st.ListingStatus))
		}
	}
	m.nullUnknowns()
	setReadState(ctx, resp, &m, before)
}

func (r *jobPostingResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	c := r.data.clientForPlan(ctx, req.Plan, &resp.Diagnostics, "update a job posting")
	var plan, state jobPostingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if c == nil || resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, timeout, ok := withTimeout(ctx, plan.Timeouts.Update, defaultJobUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}

	plan.ID = plan.ExternalJobPostingID
	plan.LastTaskID, plan.LastTaskStatus = state.LastTaskID, state.LastTaskStatus
	if !known(plan.JobPostingURN) {
		plan.JobPostingURN = state.JobPostingURN
	}
	ops := updateOperations(ctx, &plan, &state, &resp.Diagnostics)
	if sendsLinkedInApply(&plan, ops...) && !checkApplyConnectEnabled(ctx, c, &plan, &resp.Diagnostics) {
		return
	}
	for _, op := range ops {
		if r.run(ctx, c, &plan, op, "update", timeout, &resp.Diagnostics) != sent {
			// LinkedIn refused the change (or had not finished it in time). The status API never returns the
			// job's fields, so a refresh could not undo a planned value written here: keep the prior values, with
			// the task that failed, so that the next plan proposes the change again.
			state.LastTaskID, state.LastTaskStatus = plan.LastTaskID, plan.LastTaskStatus
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
	}
	if len(ops) == 0 {
		resp.Diagnostics.Append(resp.State.Set(ctx, r.settle(ctx, c, &plan, nil, &resp.Diagnostics))...)
		return
	}
	r.finish(ctx, c, &plan, timeout, false, resp.State.Set, &resp.Diagnostics)
}

// updateOperations decides what an update sends: CLOSE to close; RENEW to re-open a closed job (closed by
// the partner or by LinkedIn), which also applies changed fields and counts as the renewal, followed by an
// UPDATE when expire_at is configured (RENEW moves it); UPDATE when a field changed or when LinkedIn turned LinkedIn
// Apply off for the job's webhook (LinkedIn's resync); then RENEW when renewal_trigger changed from one value to
// another.
func updateOperations(ctx context.Context, plan, state *jobPostingModel, diags *diag.Diagnostics) []string {
	planJob, d1 := plan.toJobPosting(ctx, client.JobOperationUpdate)
	stateJob, d2 := state.toJobPosting(ctx, client.JobOperationUpdate)
	diags.Append(d1...)
	if plan.ExpireAt.IsUnknown() {
		stateJob.ExpireAt = 0 // not configured: LinkedIn's value, not a change
	}
	// The prior state may lack fields (after an import); a conversion problem there only means "changed".
	fieldsChanged := d2.HasError() || !reflect.DeepEqual(planJob, stateJob)
	// Only a change from one value to another renews: setting renewal_trigger for the first time (at creation,
	// after an import, or later) records it, so that importing a job never renews it by accident.
	renew := known(plan.RenewalTrigger) && known(state.RenewalTrigger) && !plan.RenewalTrigger.Equal(state.RenewalTrigger)

	var ops []string
	if plan.ListingState.ValueString() == jobStateClosed {
		if state.ListingState.ValueString() != jobStateClosed || fieldsChanged {
			ops = append(ops, client.JobOperationClose)
		}
		return ops
	}
	switch {
	case state.ListingState.ValueString() == jobStateClosed:
		ops = append(ops, relistOperation)
		if relistOperation == client.JobOperationRenew && known(plan.ExpireAt) {
			ops = append(ops, client.JobOperationUpdate)
		}
		return ops
	case fieldsChanged || linkedInApplyResync(plan, state):
		ops = append(ops, client.JobOperationUpdate)
	}
	if renew {
		ops = append(ops, client.JobOperationRenew)
	}
	return ops
}

func (r *jobPostingResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	c := r.data.deleteClient(ctx, req.State, &resp.Diagnostics, "close a job posting", func() *destroyCall { return jobPostingDestroyCall(ctx, req.State) })
	var state jobPostingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if c == nil || resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, timeout, ok := withTimeout(ctx, state.Timeouts.Delete, defaultJobDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if state.Title.IsNull() || state.Description.IsNull() || state.CompanyApplyURL.IsNull() || state.ListedAt.IsNull() {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot close job posting %q yet", state.ExternalJobPostingID.ValueString()),
			"LinkedIn's CLOSE carries the whole job again, and the state does not hold the job's title, description and "+
				"apply URL: LinkedIn's status API does not return them, so an imported job only has them after one apply. "+
				"Run terraform apply once (it sends the job with the configured fields), then destroy; or run "+
				"terraform state rm to forget the job without closing it on LinkedIn.")
		return
	}
	var diags diag.Diagnostics
	if r.run(ctx, c, &state, client.JobOperationClose, "delete", timeout, &diags) == alreadyClosed {
		return // LinkedIn refusing a CLOSE because the job is already closed or unknown is what destroy wants
	}
	resp.Diagnostics.Append(diags...)
}

func (r *jobPostingResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := r.data.importID(ctx, req.ID, resp) // "<id>@<customer>" sets customer
	err := validate.SingleImportID(id, "external_job_posting_id", validate.Line)
	if err == nil && utf8.RuneCountInString(id) > maxExternalIDLength {
		err = fmt.Errorf("import ID %q is %d characters long", id, utf8.RuneCountInString(id))
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("%s. Import a job posting by its external job posting id (1–%d characters), for example: terraform import linkedin_job_posting.example REQ-1234.", err, maxExternalIDLength))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("external_job_posting_id"), id)...)
}
