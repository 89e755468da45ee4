// Package jobstatus is the catalogue of LinkedIn's job posting status details and of the failure messages
// of job posting tasks: for a status message prefix or an error code it tells what happened and what the
// partner or the customer should do. The provider uses it to turn LinkedIn's terse messages into
// actionable diagnostics.
//
// LinkedIn's catalogue: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications
// Task statuses: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-taskstatus
package jobstatus

import (
	"strings"
)

// Kinds of status.
const (
	KindListing       = "listing"
	KindLinkedInApply = "linkedin_apply"
	KindPromotion     = "promotion"
	KindTask          = "task"
)

// Entry is one known case.
type Entry struct {
	Kind       string // KindListing, KindLinkedInApply, KindPromotion or KindTask
	Status     string // the status the detail comes with (NOT_LISTED, NOT_ENABLED, ...) or FAILED for tasks
	Code       int    // LinkedIn's errorCode, 0 when the catalogue gives only a range (10XX) or none
	Prefix     string // the statusMessage prefix (before the colon), or a substring of a task's errorMessage
	ErrorType  string // CUSTOMER_ERROR, PARTNER_ERROR, LINKEDIN_ERROR
	Meaning    string
	Resolution string
	// Terminal is true when LinkedIn will not list the job (or enable LinkedIn Apply) until someone acts.
	Terminal bool
	// Message is LinkedIn's statusMessage for the case, verbatim from its catalogue ("" for task failures
	// and for details LinkedIn's catalogue does not list), so that a diagnostic can quote what LinkedIn
	// would have said.
	Message string
}

// Catalogue is every case LinkedIn's Job Status Change Notifications page documents, the task failures the
// provider knows, and CLOSED_BY_PARTNER and APPLY_CONNECT_NOT_ENABLED.
var Catalogue = []Entry{
	// Listing status (NOT_LISTED, error codes 10XX).
	{KindListing, "NOT_LISTED", 0, "INVALID_LOCATION", "CUSTOMER_ERROR",
		"The job location cannot be standardized, most likely because it is missing information such as a country or postal code.",
		"Update the location following the location format (\"City, State\", \"City, Country\", \"City, State, Country\" or \"PostalCode, CountryCode\"), or set country_code and postal_code, then apply.", true, "INVALID_LOCATION: The job location cannot be standardized. Please update the location in your ATS according to the API schema location field best practices."},
	{KindListing, "NOT_LISTED", 0, "MISSING_LOCATION", "CUSTOMER_ERROR",
		"The job is missing a location.",
		"Set location (or country_code and postal_code) and apply.", true, "MISSING_LOCATION: The job is missing location data. Please add the location in your ATS to post."},
	{KindListing, "NOT_LISTED", 0, "BLOCKED_COUNTRY", "CUSTOMER_ERROR",
		"The job location is in a country sanctioned by the US government; LinkedIn does not list jobs there.",
		"Make sure the job location is not in a sanctioned country (see LinkedIn Help); LinkedIn will not list this job as it is.", true, "BLOCKED_COUNTRY: The job’s location is a country blocked by LinkedIn to comply with US government sanctions. Please refer to LinkedIn Help to ensure the job location is not in a sanctioned country."},
	{KindListing, "NOT_LISTED", 0, "MEMBER_REPORTED", "CUSTOMER_ERROR",
		"LinkedIn closed the job because several members reported it as no longer accepting applications.",
		"Make sure the job is really open in the ATS. If it is, apply to re-list it; if it is not, set listing_state = \"CLOSED\" or remove the resource.", false, "MEMBER_REPORTED: The job was closed because it was reported by multiple LinkedIn members as no longer accepting applications. Please ensure the job was not incorrectly closed in your ATS."},
	{KindListing, "NOT_LISTED", 0, "CUSTOMER_EXCLUDED", "CUSTOMER_ERROR",
		"The job was deliberately not posted because of a rule the customer asked LinkedIn Support for.",
		"The customer must ask LinkedIn Support to modify or remove the rule; re-applying does not help until then.", true, "CUSTOMER_EXCLUDED: The job was deliberately not posted due to a customer-requested rule. Please reach out to LinkedIn Support to modify or remove the rule."},
	{KindListing, "NOT_LISTED", 0, "PENDING_CUSTOMER_MIGRATION", "PARTNER_ERROR",
		"The job is not yet eligible to be posted automatically via the API; LinkedIn Support has been notified to migrate the customer to real-time API posting within 1-2 weeks.",
		"Wait for LinkedIn to migrate the customer (1-2 weeks), then apply again to re-list the job.", true, "PENDING_CUSTOMER_MIGRATION:This job is not yet eligible to be posted automatically via the API. LinkedIn Support has been notified to ensure customer’s readiness to migrate to real time API posting within 1-2 weeks."},

	// Not in LinkedIn's catalogue: the detail the emulator (and this project) gives a job the partner closed,
	// so that it reads differently from a job LinkedIn took down.
	{KindListing, "NOT_LISTED", 0, "CLOSED_BY_PARTNER", "PARTNER_ERROR",
		"The job was closed by the partner through the API (CLOSE, or state CLOSED).",
		"Nothing to do if the job is closed in the ATS; to re-list it, set listing_state = \"LISTED\" and apply.", false, ""},

	// LinkedIn Apply status.
	{KindLinkedInApply, "IN_PROGRESS", 1156, "IN_PROGRESS", "CUSTOMER_ERROR",
		"LinkedIn Apply enablement has been requested and is being processed.",
		"No action needed; check back in 5 minutes.", false, "IN_PROGRESS: LinkedIn Apply is being processed. Please check back in 5 minutes."},
	{KindLinkedInApply, "NOT_ENABLED", 1100, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"questionDetails in a SimpleTalentQuestionDefinition must have exactly one field.",
		"Address the error in the question payload and update the job.", true, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Required one non-null optional field in /questionDetails"},
	{KindLinkedInApply, "NOT_ENABLED", 1101, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"A prerequisite question cannot depend on the response of another prerequisite question.",
		"Address the error in the question payload and update the job.", true, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion cannot depend on the response of another PrerequisiteQuestion"},
	{KindLinkedInApply, "NOT_ENABLED", 1102, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"A prerequisite question must be defined within the same customQuestions array.",
		"Address the error in the question payload and update the job.", true, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion must be present within the same customQuestions set/array"},
	{KindLinkedInApply, "NOT_ENABLED", 1103, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"Repeatable questions (repeatLimit > 1) cannot have a prerequisite question; LinkedIn's catalogue also says this can be an issue on LinkedIn's side.",
		"No action required: LinkedIn will retry processing. If it persists, remove prerequisite questions from repeatable questions and update the job.", false, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Repeatable questions cannot have PrerequisiteQuestion"},
	{KindLinkedInApply, "NOT_ENABLED", 1151, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"LinkedIn could not transform or validate the questions, or question identifiers are duplicated.",
		"Re-validate the question payload and its format, then update the job.", true, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to process questions"},
	{KindLinkedInApply, "NOT_ENABLED", 1153, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", "PARTNER_ERROR",
		"The job application webhook URL could not be registered to receive job applications.",
		"Make sure the jobApplicationWebhookUrl is valid and update the job.", true, "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to register jobApplicationWebhookUrl"},
	{KindLinkedInApply, "NOT_ENABLED", 1154, "BLOCKED_WEBHOOK", "PARTNER_ERROR",
		"Webhook validation failed: usually the challengeResponse is not hex(HMAC-SHA256(key=clientSecret, msg=challengeCode)).",
		"Make sure the webhook is reachable and answers the challenge (provider::linkedin::webhook_challenge_response computes the expected value), then update the job.", true, "BLOCKED_WEBHOOK: The application delivery webhook wasn’t reachable. Please ensure webhook is reachable and able to accept applications and then resync the job."},
	{KindLinkedInApply, "NOT_ENABLED", 1155, "LOW_APPLICATION_DELIVERY", "PARTNER_ERROR",
		"LinkedIn Apply has been disabled because applications could not be delivered.",
		"Verify the webhook URL, make sure applications for this job are processed successfully, then resync (update) the job.", true, "LOW_APPLICATION_DELIVERY: LinkedIn Apply has been disabled due to application delivery failures. Please verify the webhook url, ensure you are able to process applications successfully for this job and then resync the job."},

	// Not in LinkedIn's catalogue either: the detail the emulator gives a job whose customer has not enabled
	// Apply Connect for the job's organization (LinkedIn documents no code for it).
	{KindLinkedInApply, "NOT_ENABLED", 0, "APPLY_CONNECT_NOT_ENABLED", "CUSTOMER_ERROR",
		"The customer has not enabled Apply Connect (APPLY_CONNECT, tenant JOBS) for the job's organization.",
		"Ask the customer to enable Apply Connect in LinkedIn for that organization, then update the job.", true, ""},

	// Promotion status.
	{KindPromotion, "PROMOTED", 0, "LI_CUSTOMER_PROMOTED", "CUSTOMER_ERROR",
		"The job was promoted through the customer's LinkedIn Recruiter contract.",
		"No action required from partner or customer in the ATS; manage the promotion in Recruiter.", false, "LI_CUSTOMER_PROMOTED: Visit Recruiter to manage."},
	{KindPromotion, "NOT_PROMOTED", 0, "LI_CUSTOMER_BASIC", "CUSTOMER_ERROR",
		"The LinkedIn customer's job was posted as a basic job.",
		"No action required in the ATS; the customer can promote the job in Recruiter or ask their Job Posting Admin.", false, "LI_CUSTOMER_BASIC: Promote your job in Recruiter or ask your Job Posting Admin to manage."},
	{KindPromotion, "NOT_PROMOTED", 0, "ATS_CUSTOMER_BASIC", "CUSTOMER_ERROR",
		"The job was posted as a basic job because the customer has no LinkedIn contract.",
		"No action required in the ATS; the customer can reach out to LinkedIn Sales.", false, "ATS_CUSTOMER_BASIC: Reach out to LinkedIn Sales to learn more."},

	// Task failures.
	{KindTask, "FAILED", 0, "JOB_FIELD_PROCESSOR_GEO_LOCATION", "CUSTOMER_ERROR",
		"LinkedIn could not standardise the job's location (it becomes INVALID_LOCATION).",
		"Use a location LinkedIn recognises: \"City, State\", \"City, Country\", \"City, State, Country\" or \"PostalCode, CountryCode\" (or country_code + postal_code), with a real city, then apply.", true, ""},
	{KindTask, "FAILED", 0, "duplicate creation request", "PARTNER_ERROR",
		"LinkedIn already has a job with this external_job_posting_id.",
		"linkedin_job_posting adopts such a job on create (it sends an UPDATE or a RENEW instead); elsewhere, import the existing job (terraform import linkedin_job_posting.<name> <external_job_posting_id>) or use another external_job_posting_id.", true, ""},
	{KindTask, "FAILED", 0, "PREMIUM_JOB_POSTING", "CUSTOMER_ERROR",
		"A PREMIUM listing needs the customer's PREMIUM_JOB_POSTING integration for the contract, and it is not enabled.",
		"Ask the customer to enable PREMIUM_JOB_POSTING for the contract in LinkedIn (check it with the linkedin_integration data source), or use listing_type = \"BASIC\".", true, ""},
	{KindTask, "FAILED", 0, "the job is closed", "PARTNER_ERROR",
		"LinkedIn does not update a closed job.",
		"Re-list the job first (listing_state = \"LISTED\" sends RENEW, which re-lists it with the new fields), then apply.", true, ""},
	{KindTask, "FAILED", 0, "does not exist", "PARTNER_ERROR",
		"LinkedIn does not know this job, so it cannot be updated or renewed.",
		"The job was never created on LinkedIn or was created by another application: remove it from the state (terraform state rm) and apply to create it again.", true, ""},
	{KindTask, "FAILED", 0, "unknown job", "PARTNER_ERROR",
		"LinkedIn does not know this job, so it cannot be updated or renewed.",
		"The job was never created on LinkedIn or was created by another application: remove it from the state (terraform state rm) and apply to create it again.", true, ""},
	{KindTask, "FAILED", 0, "not found", "PARTNER_ERROR",
		"LinkedIn does not know this job, so it cannot be updated or renewed.",
		"The job was never created on LinkedIn or was created by another application: remove it from the state (terraform state rm) and apply to create it again.", true, ""},
}

// Lookup finds the catalogue entry for a status detail of the given kind: by error code when the code is
// specific (LinkedIn Apply 11xx), else by the statusMessage prefix (the text before the first colon).
// status may be empty. It returns false when the catalogue does not know the case.
func Lookup(kind, status string, errorCode *int, statusMessage string) (Entry, bool) {
	if errorCode != nil {
		for _, e := range Catalogue {
			if e.Kind == kind && e.Code != 0 && e.Code == *errorCode {
				return e, true
			}
		}
	}
	prefix := MessagePrefix(statusMessage)
	for _, e := range Catalogue {
		if e.Kind != kind || e.Kind == KindTask {
			continue
		}
		if strings.EqualFold(e.Prefix, prefix) && (status == "" || e.Status == status) {
			return e, true
		}
	}
	for _, e := range Catalogue {
		if e.Kind == kind && e.Kind != KindTask && strings.EqualFold(e.Prefix, prefix) {
			return e, true
		}
	}
	return Entry{}, false
}

// LookupTask finds the catalogue entry for the errorMessage of a FAILED job posting task. Failure messages
// that name a listing status prefix (for example INVALID_LOCATION) resolve to that listing entry.
func LookupTask(errorMessage string) (Entry, bool) {
	lower := strings.ToLower(errorMessage)
	for _, e := range Catalogue {
		if e.Kind == KindTask && strings.Contains(lower, strings.ToLower(e.Prefix)) {
			return e, true
		}
	}
	for _, e := range Catalogue {
		if e.Kind == KindListing && strings.Contains(errorMessage, e.Prefix) {
			return e, true
		}
	}
	return Entry{}, false
}

// MessagePrefix returns the symbolic prefix of a status message: "MEMBER_REPORTED" for
// "MEMBER_REPORTED: The job was closed ...". A message without a colon is returned trimmed.
func MessagePrefix(statusMessage string) string {
	p, _, _ := strings.Cut(statusMessage, ":")
	return strings.TrimSpace(p)
}

// Explain returns a human explanation "Meaning Resolution" for a status detail, or "" when the catalogue
// does not know the case.
func Explain(kind, status string, errorCode *int, statusMessage string) string {
	e, ok := Lookup(kind, status, errorCode, statusMessage)
	if !ok {
		return ""
	}
	return e.Text()
}

// Text is the entry's meaning and resolution as one paragraph.
func (e Entry) Text() string {
	return "What it means: " + e.Meaning + "\nWhat to do: " + e.Resolution
}
