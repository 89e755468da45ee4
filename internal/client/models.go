package client

import "github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"

// This file holds the typed models of LinkedIn's Talent Solutions partner APIs, as the pages linked from
// each service method describe them.
// JSON tags are LinkedIn's field names; optional fields are omitted when empty.

// Token is an OAuth 2.0 access token from the client-credentials grant.
type Token struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"` // seconds
}

// ProvisionedApplicationInput is what a partner sends to create or update a customer's child application.
type ProvisionedApplicationInput struct {
	UniqueForeignID              string   `json:"uniqueForeignId,omitempty"`
	Name                         string   `json:"name,omitempty"`
	Description                  string   `json:"description,omitempty"`
	ValidJsSdkDomains            []string `json:"validJsSdkDomains,omitempty"`
	OAuth2AuthorizedCallbackURLs []string `json:"oauth2AuthorizedCallbackUrls,omitempty"`
}

// ProvisionedApplication is a customer's child application as LinkedIn returns it.
type ProvisionedApplication struct {
	Key                          string      `json:"key"` // urn:li:developerApplication:N
	UniqueForeignID              string      `json:"uniqueForeignId"`
	Name                         string      `json:"name"`
	Description                  string      `json:"description"`
	ValidJsSdkDomains            []string    `json:"validJsSdkDomains"`
	OAuth2AuthorizedCallbackURLs []string    `json:"oauth2AuthorizedCallbackUrls"`
	Credentials                  Credentials `json:"credentials"`
}

// Credentials of a child application. ClientSecret is returned only by create.
type Credentials struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty"`
}

// IntegrationKey identifies an integration a customer enabled for a partner.
type IntegrationKey struct {
	IntegrationContext string // urn:li:organization:N or urn:li:contract:N
	IntegrationType    string // ONE_CLICK_EXPORT, APPLY_CONNECT, ...
	TenantType         string // RECRUITER or JOBS
}

// Integration statuses, the values of Integration.Status.
const (
	IntegrationStatusPendingConfiguration = "PENDING_CONFIGURATION"
	IntegrationStatusEnabled              = "ENABLED"
	IntegrationStatusDisabled             = "DISABLED"
)

// Integration is an integration as LinkedIn returns it.
type Integration struct {
	IntegrationContext string `json:"integrationContext"`
	IntegrationType    string `json:"integrationType"`
	TenantType         string `json:"tenantType"`
	IntegrationName    string `json:"integrationName,omitempty"`
	Status             string `json:"status"`
	CreatedAt          int64  `json:"createdAt,omitempty"`
	LastModifiedAt     int64  `json:"lastModifiedAt,omitempty"`
}

// Key returns the integration's key.
func (i Integration) Key() IntegrationKey {
	return IntegrationKey{IntegrationContext: i.IntegrationContext, IntegrationType: i.IntegrationType, TenantType: i.TenantType}
}

// ConfigurationKey identifies one configuration of an integration.
type ConfigurationKey struct {
	IntegrationKey
	ConfigurationName string // CALLBACK_URL, JOB_POSTING_VIEWERS, APPLICATION_VIEWERS
}

// IntegrationConfiguration is one configuration value. LinkedIn sends the value as the Rest.li union
// {"configurationValue":{"string":"…"}}; only the string member is known.
type IntegrationConfiguration struct {
	Key   ConfigurationKey
	Value string
}

// Job posting operation types.
const (
	JobOperationCreate = "CREATE"
	JobOperationUpdate = "UPDATE"
	JobOperationRenew  = "RENEW"
	JobOperationClose  = "CLOSE"
)

// JobPosting is one element of a simpleJobPostings batch_create. Integration context is sent as
// integrationContext on /v2 and as company on /rest; the client fills the right one from IntegrationContext.
// Fields: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs
type JobPosting struct {
	ExternalJobPostingID      string        `json:"externalJobPostingId"`
	JobPostingOperationType   string        `json:"jobPostingOperationType,omitempty"`
	IntegrationContext        string        `json:"integrationContext,omitempty"`
	Company                   string        `json:"company,omitempty"`
	CompanyName               string        `json:"companyName,omitempty"`
	CompanyPageURL            string        `json:"companyPageUrl,omitempty"`
	Title                     string        `json:"title"`
	Description               string        `json:"description"`
	CompanyApplyURL           string        `json:"companyApplyUrl"`
	ListedAt                  int64         `json:"listedAt"`
	Location                  string        `json:"location,omitempty"`
	CountryCode               string        `json:"countryCode,omitempty"`
	PostalCode                string        `json:"postalCode,omitempty"`
	State                     string        `json:"state,omitempty"` // LISTED or CLOSED
	AlternateLocations        []string      `json:"alternateLocations,omitempty"`
	EmploymentStatus          string        `json:"employmentStatus,omitempty"`
	ExperienceLevel           string        `json:"experienceLevel,omitempty"`
	WorkplaceTypes            []string      `json:"workplaceTypes,omitempty"`
	Categories                []string      `json:"categories,omitempty"`
	Industries                []string      `json:"industries,omitempty"`
	ListingType               string        `json:"listingType,omitempty"` // BASIC or PREMIUM
	Contract                  string        `json:"contract,omitempty"`
	ExpireAt                  int64         `json:"expireAt,omitempty"`
	Availability              string        `json:"availability,omitempty"`
	CompanyJobCode            string        `json:"companyJobCode,omitempty"`
	SkillsDescription         string        `json:"skillsDescription,omitempty"`
	TrackingPixelURL          string        `json:"trackingPixelUrl,omitempty"`
	PosterEmail               string        `json:"posterEmail,omitempty"`
	AccessRestricted          *bool         `json:"accessRestricted,omitempty"`
	RequisitionOwnerEmail     string        `json:"requisitionOwnerEmail,omitempty"`
	RequisitionOwnerFirstName string        `json:"requisitionOwnerFirstName,omitempty"`
	RequisitionOwnerLastName  string        `json:"requisitionOwnerLastName,omitempty"`
	Compensation              *Compensation `json:"compensation,omitempty"`
	// OnsiteApplyConfiguration turns on LinkedIn Apply (Apply Connect): applicants apply on LinkedIn and
	// LinkedIn delivers each application to its webhook.
	// https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply
	OnsiteApplyConfiguration *applyconnect.Configuration `json:"onsiteApplyConfiguration,omitempty"`
}

// Compensation of a job posting.
type Compensation struct {
	Compensations []CompensationRange `json:"compensations"`
}

// CompensationRange is one pay range.
type CompensationRange struct {
	Value  CompensationValue `json:"value"`
	Period string            `json:"period"` // YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY
	Type   string            `json:"type"`   // BASE_SALARY, ...
}

// CompensationValue is a min..max range in one currency.
type CompensationValue struct {
	Min MoneyAmount `json:"min"`
	Max MoneyAmount `json:"max"`
}

// MoneyAmount is an amount as a decimal string in an ISO 4217 currency.
type MoneyAmount struct {
	Amount       string `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
}

// Job posting task statuses.
const (
	TaskInProgress = "IN_PROGRESS"
	TaskSucceeded  = "SUCCEEDED"
	TaskFailed     = "FAILED"
	TaskProcessed  = "PROCESSED"
)

// JobPostingTask is the asynchronous processing record of one submitted job posting.
type JobPostingTask struct {
	ID                   string `json:"id"` // urn:li:simpleJobPostingTask:<uuid>
	Status               string `json:"status"`
	ExternalJobPostingID string `json:"externalJobPostingId"`
	JobPosting           string `json:"jobPosting,omitempty"` // urn:li:jobPosting:N
	ErrorMessage         string `json:"errorMessage,omitempty"`
	Location             string `json:"location,omitempty"`
}

// Done reports whether LinkedIn has finished processing the task.
func (t JobPostingTask) Done() bool { return t.Status != TaskInProgress }

// JobPostingSubmission is LinkedIn's per-element answer to a batch_create: a task or an error.
type JobPostingSubmission struct {
	TaskID   string // urn:li:simpleJobPostingTask:<uuid>, empty on error
	Location string
	Err      error // *Error with the element's status (422, 409, ...) or nil
	// Reconciled is set when an earlier attempt's answer was lost and the client found that LinkedIn had
	// already taken the job (a CREATE whose job now exists, or a resent CLOSE answered 409 "already closed").
	// The job was not sent again; TaskID is empty, so read the job with GetStatus instead of WaitForTask.
	Reconciled bool
}

// StatusDetail explains a listing, LinkedIn Apply or promotion status; package jobstatus explains each one
// of LinkedIn's catalogue:
// https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications
type StatusDetail struct {
	ErrorCode     *int   `json:"errorCode,omitempty"`
	ErrorType     string `json:"errorType,omitempty"` // CUSTOMER_ERROR, PARTNER_ERROR, LINKEDIN_ERROR
	StatusMessage string `json:"statusMessage"`
}

// CompanyDetails names the company a job is posted for.
type CompanyDetails struct {
	CompanyName string `json:"companyName"`
	CompanyPage string `json:"companyPage"`
}

// JobPostingInfo is what LinkedIn shows of a posted job.
type JobPostingInfo struct {
	ListedAt           int64          `json:"listedAt"`
	ExpireAt           int64          `json:"expireAt"`
	Location           string         `json:"location"`
	AlternateLocations []string       `json:"alternateLocations"`
	CompanyDetails     CompanyDetails `json:"companyDetails"`
}

// LinkedIn Apply statuses of jobPostingStatus (linkedInApplyStatus).
const (
	LinkedInApplyEnabled    = "ENABLED"
	LinkedInApplyNotEnabled = "NOT_ENABLED"
	LinkedInApplyInProgress = "IN_PROGRESS"
)

// JobPostingStatus is the current status of one job posting on LinkedIn.
// https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status
type JobPostingStatus struct {
	ExternalJobPostingID      string         `json:"externalJobPostingId"`
	JobPostingURL             string         `json:"jobPostingUrl"`
	ListingStatus             string         `json:"listingStatus"` // LISTED, NOT_LISTED, IN_PROGRESS
	ListingStatusDetail       *StatusDetail  `json:"listingStatusDetail,omitempty"`
	LinkedInApplyStatus       string         `json:"linkedInApplyStatus"` // ENABLED, NOT_ENABLED, IN_PROGRESS
	LinkedInApplyStatusDetail *StatusDetail  `json:"linkedInApplyStatusDetail,omitempty"`
	PromotionStatus           string         `json:"promotionStatus"` // PROMOTED, NOT_PROMOTED
	PromotionStatusDetail     *StatusDetail  `json:"promotionStatusDetail,omitempty"`
	RawLocation               string         `json:"rawLocation"`
	JobPostingInfo            JobPostingInfo `json:"jobPostingInfo"`
}

// Result is one key's outcome in a batch call: a value or that key's own error (never both).
type Result[T any] struct {
	Value *T
	Err   error
}
