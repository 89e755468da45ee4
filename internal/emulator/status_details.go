package emulator

import "strings"

// The catalogue of status details, verbatim from LinkedIn's Job Status Change Notifications page
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications).
// LinkedIn gives listing and promotion error codes only as 10XX, so those details carry no errorCode.

func intp(n int) *int { return &n }

var listingDetails = map[string]statusDetail{
	"INVALID_LOCATION":           {ErrorType: "CUSTOMER_ERROR", StatusMessage: "INVALID_LOCATION: The job location cannot be standardized. Please update the location in your ATS according to the API schema location field best practices."},
	"MISSING_LOCATION":           {ErrorType: "CUSTOMER_ERROR", StatusMessage: "MISSING_LOCATION: The job is missing location data. Please add the location in your ATS to post."},
	"BLOCKED_COUNTRY":            {ErrorType: "CUSTOMER_ERROR", StatusMessage: "BLOCKED_COUNTRY: The job’s location is a country blocked by LinkedIn to comply with US government sanctions. Please refer to LinkedIn Help to ensure the job location is not in a sanctioned country."},
	"MEMBER_REPORTED":            {ErrorType: "CUSTOMER_ERROR", StatusMessage: "MEMBER_REPORTED: The job was closed because it was reported by multiple LinkedIn members as no longer accepting applications. Please ensure the job was not incorrectly closed in your ATS."},
	"CUSTOMER_EXCLUDED":          {ErrorType: "CUSTOMER_ERROR", StatusMessage: "CUSTOMER_EXCLUDED: The job was deliberately not posted due to a customer-requested rule. Please reach out to LinkedIn Support to modify or remove the rule."},
	"PENDING_CUSTOMER_MIGRATION": {ErrorType: "PARTNER_ERROR", StatusMessage: "PENDING_CUSTOMER_MIGRATION:This job is not yet eligible to be posted automatically via the API. LinkedIn Support has been notified to ensure customer’s readiness to migrate to real time API posting within 1-2 weeks."},
	// Not in LinkedIn's catalogue: the detail of a job the partner closed with CLOSE (or state CLOSED), so
	// that such a job reads differently from one LinkedIn took down (README, choices).
	"CLOSED_BY_PARTNER": {ErrorType: "PARTNER_ERROR", StatusMessage: "CLOSED_BY_PARTNER: The job was closed by the partner through the API."},
}

var applyDetails = map[string]statusDetail{
	"1156": {ErrorCode: intp(1156), ErrorType: "CUSTOMER_ERROR", StatusMessage: "IN_PROGRESS: LinkedIn Apply is being processed. Please check back in 5 minutes."},
	"1100": {ErrorCode: intp(1100), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Required one non-null optional field in /questionDetails"},
	"1101": {ErrorCode: intp(1101), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion cannot depend on the response of another PrerequisiteQuestion"},
	"1102": {ErrorCode: intp(1102), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion must be present within the same customQuestions set/array"},
	"1103": {ErrorCode: intp(1103), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Repeatable questions cannot have PrerequisiteQuestion"},
	"1151": {ErrorCode: intp(1151), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to process questions"},
	"1153": {ErrorCode: intp(1153), ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to register jobApplicationWebhookUrl"},
	"1154": {ErrorCode: intp(1154), ErrorType: "PARTNER_ERROR", StatusMessage: "BLOCKED_WEBHOOK: The application delivery webhook wasn’t reachable. Please ensure webhook is reachable and able to accept applications and then resync the job."},
	"1155": {ErrorCode: intp(1155), ErrorType: "PARTNER_ERROR", StatusMessage: "LOW_APPLICATION_DELIVERY: LinkedIn Apply has been disabled due to application delivery failures. Please verify the webhook url, ensure you are able to process applications successfully for this job and then resync the job."},
}

// applyNotEnabledForOrganization is the LinkedIn Apply detail of a job whose customer has not enabled
// APPLY_CONNECT for its organization: LinkedIn's catalogue has no entry for it, so it has no errorCode
// (README, choices; internal/jobstatus knows it too).
var applyNotEnabledForOrganization = statusDetail{ErrorType: "CUSTOMER_ERROR",
	StatusMessage: "APPLY_CONNECT_NOT_ENABLED: The customer has not enabled Apply Connect (APPLY_CONNECT, JOBS) for this organization."}

var promotionDetails = map[string]statusDetail{
	"LI_CUSTOMER_PROMOTED": {ErrorType: "CUSTOMER_ERROR", StatusMessage: "LI_CUSTOMER_PROMOTED: Visit Recruiter to manage."},
	"LI_CUSTOMER_BASIC":    {ErrorType: "CUSTOMER_ERROR", StatusMessage: "LI_CUSTOMER_BASIC: Promote your job in Recruiter or ask your Job Posting Admin to manage."},
	"ATS_CUSTOMER_BASIC":   {ErrorType: "CUSTOMER_ERROR", StatusMessage: "ATS_CUSTOMER_BASIC: Reach out to LinkedIn Sales to learn more."},
}

func detail(m map[string]statusDetail, k string) *statusDetail {
	d, ok := m[k]
	if !ok {
		return nil
	}
	return &d
}

// expandDetail turns an admin-supplied detail into a statusDetail: a bare catalogue prefix or code
// ({"statusMessage":"MEMBER_REPORTED"} or {"errorCode":1154}) expands to the full catalogue entry.
func expandDetail(cat map[string]statusDetail, m map[string]any) *statusDetail {
	if m == nil {
		return nil
	}
	msg, _ := m["statusMessage"].(string)
	if d, ok := cat[strings.TrimSpace(msg)]; ok {
		return &d
	}
	if n, ok := m["errorCode"].(float64); ok && msg == "" {
		for _, d := range cat {
			if d.ErrorCode != nil && float64(*d.ErrorCode) == n {
				d := d
				return &d
			}
		}
	}
	d := &statusDetail{StatusMessage: msg}
	if t, ok := m["errorType"].(string); ok {
		d.ErrorType = t
	}
	if n, ok := m["errorCode"].(float64); ok {
		d.ErrorCode = intp(int(n))
	}
	return d
}
