package emulator

// This file is the Go API to set up and inspect the emulator's state, for tests in other packages. The admin
// HTTP endpoints under /emulator/ do the same over the wire.

// IntegrationState is an integration as the emulator holds it.
type IntegrationState struct {
	Application        string `json:"application"`
	IntegrationContext string `json:"integrationContext"`
	IntegrationType    string `json:"integrationType"`
	TenantType         string `json:"tenantType"`
	IntegrationName    string `json:"integrationName,omitempty"`
	Status             string `json:"status"`
}

// JobStatusChange is a change made on LinkedIn's side (POST /emulator/jobs/status). Empty fields keep their
// current value; a change triggers a webhook notification.
type JobStatusChange struct {
	Application               string         `json:"application"`
	ExternalJobPostingID      string         `json:"externalJobPostingId"`
	ListingStatus             string         `json:"listingStatus,omitempty"`
	ListingStatusDetail       map[string]any `json:"listingStatusDetail,omitempty"`
	LinkedInApplyStatus       string         `json:"linkedInApplyStatus,omitempty"`
	LinkedInApplyStatusDetail map[string]any `json:"linkedInApplyStatusDetail,omitempty"`
	PromotionStatus           string         `json:"promotionStatus,omitempty"`
	PromotionStatusDetail     map[string]any `json:"promotionStatusDetail,omitempty"`
}

// RequestCount counts API calls served (admin and OAuth calls excluded).
type RequestCount struct {
	Method       string `json:"method"`       // HTTP method as received (POST for a tunnelled request)
	Path         string `json:"path"`         // e.g. /rest/integrationConfigurations
	RestliMethod string `json:"restliMethod"` // X-RestLi-Method, or the method inferred (get, batch_get, finder, ...)
	Count        int    `json:"count"`
}

// SetIntegration does what a customer does in LinkedIn's UI: enables (PENDING_CONFIGURATION or ENABLED) or
// disables (DISABLED) an integration for an application.
func (e *Emulator) SetIntegration(s IntegrationState) error { panic("emulator: not implemented") }

// Integration returns an integration of an application.
func (e *Emulator) Integration(application, integrationContext, integrationType, tenantType string) (IntegrationState, bool) {
	panic("emulator: not implemented")
}

// Configuration returns the value of one integration configuration of an application.
func (e *Emulator) Configuration(application, integrationContext, integrationType, tenantType, name string) (string, bool) {
	panic("emulator: not implemented")
}

// SetConfiguration changes (value != "") or removes (value == "") a configuration out of band, with no
// validation: drift as a customer or LinkedIn would make it.
func (e *Emulator) SetConfiguration(application, integrationContext, integrationType, tenantType, name, value string) {
	panic("emulator: not implemented")
}

// ApplicationByForeignID returns a provisioned child application's URN and client id.
func (e *Emulator) ApplicationByForeignID(uniqueForeignID string) (urn, clientID string, ok bool) {
	panic("emulator: not implemented")
}

// SetApplicationName renames a child application out of band (drift).
func (e *Emulator) SetApplicationName(urn, name string) error { panic("emulator: not implemented") }

// ChangeJobStatus applies a LinkedIn-side status change and notifies the application's webhook.
func (e *Emulator) ChangeJobStatus(c JobStatusChange) error { panic("emulator: not implemented") }

// JobListingStatus returns a job posting's current listing status (LISTED, NOT_LISTED, IN_PROGRESS).
func (e *Emulator) JobListingStatus(application, externalJobPostingID string) (string, bool) {
	panic("emulator: not implemented")
}

// RegisterWebhook registers (and starts validating) a webhook URL for an application.
func (e *Emulator) RegisterWebhook(application, url string) error { panic("emulator: not implemented") }

// SetFaults replaces the injected faults.
func (e *Emulator) SetFaults(f Faults) { panic("emulator: not implemented") }

// RequestCounts returns the API calls served so far, sorted by path, method and Rest.li method.
func (e *Emulator) RequestCounts() []RequestCount { panic("emulator: not implemented") }

// TotalRequests returns the number of API calls served so far (admin and OAuth calls excluded).
func (e *Emulator) TotalRequests() int { panic("emulator: not implemented") }

// Reset clears all state back to the default seed (and request counts to zero).
func (e *Emulator) Reset() { panic("emulator: not implemented") }
