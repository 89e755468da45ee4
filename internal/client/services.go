package client

import "context"

// This file is the client's typed surface, one service per LinkedIn resource, in the manner of go-github.
// Single-key calls marked "coalesced" join concurrent callers on the same collection into one batch call
// (see Config.BatchWindow); each caller still gets its own value or its own error.
//
// Errors: every error from the API is an *Error (errors.As), with IsNotFound, IsConflict, ... helpers.

// ApplicationsService is the provisioning API (parent application token, /v2 only).
type ApplicationsService struct{ c *Client }

// Create provisions a child application. The response holds the client secret: LinkedIn never returns it again.
func (s *ApplicationsService) Create(ctx context.Context, in ProvisionedApplicationInput) (*ProvisionedApplication, error) {
	panic("client: not implemented")
}

// GetByUniqueForeignID reads a child application (finder credentialsByUniqueForeignId). An application that
// does not exist is an *Error with status 404.
func (s *ApplicationsService) GetByUniqueForeignID(ctx context.Context, uniqueForeignID string) (*ProvisionedApplication, error) {
	panic("client: not implemented")
}

// Update sets name, description, validJsSdkDomains and oauth2AuthorizedCallbackUrls ($set partial_update).
// Empty lists are sent as empty lists (they clear the field); UniqueForeignID is ignored.
func (s *ApplicationsService) Update(ctx context.Context, applicationURN string, in ProvisionedApplicationInput) error {
	panic("client: not implemented")
}

// IntegrationsService reads integrations and names them (/rest/integrations or /v2/atsIntegrations).
type IntegrationsService struct{ c *Client }

// BatchGet reads many integrations in as few calls as possible (≤ 100 keys a call), results in key order.
func (s *IntegrationsService) BatchGet(ctx context.Context, keys []IntegrationKey) ([]Result[Integration], error) {
	panic("client: not implemented")
}

// Get reads one integration (coalesced). A key the customer never enabled is an *Error with status 404.
func (s *IntegrationsService) Get(ctx context.Context, key IntegrationKey) (*Integration, error) {
	panic("client: not implemented")
}

// SetName sets integrationName (batch_partial_update with $set; coalesced).
func (s *IntegrationsService) SetName(ctx context.Context, key IntegrationKey, name string) error {
	panic("client: not implemented")
}

// ConfigurationsService reads and writes integration configurations (/rest/integrationConfigurations or
// /v2/atsIntegrations/{key}/configurations).
type ConfigurationsService struct{ c *Client }

// BatchGet reads many configurations, results in key order; a missing one is a per-key 404 *Error.
func (s *ConfigurationsService) BatchGet(ctx context.Context, keys []ConfigurationKey) ([]Result[IntegrationConfiguration], error) {
	panic("client: not implemented")
}

// Get reads one configuration (coalesced).
func (s *ConfigurationsService) Get(ctx context.Context, key ConfigurationKey) (*IntegrationConfiguration, error) {
	panic("client: not implemented")
}

// BatchUpsert writes many configurations (batch_update); the returned errors are per entry, in order (nil = ok).
func (s *ConfigurationsService) BatchUpsert(ctx context.Context, configs []IntegrationConfiguration) ([]error, error) {
	panic("client: not implemented")
}

// Upsert writes one configuration (coalesced).
func (s *ConfigurationsService) Upsert(ctx context.Context, config IntegrationConfiguration) error {
	panic("client: not implemented")
}

// BatchDelete deletes many configurations (batch_delete); per-key errors in order.
func (s *ConfigurationsService) BatchDelete(ctx context.Context, keys []ConfigurationKey) ([]error, error) {
	panic("client: not implemented")
}

// Delete deletes one configuration (coalesced). A configuration LinkedIn does not let partners delete is an
// *Error with status 400 and code CONFIGURATION_NOT_DELETABLE.
func (s *ConfigurationsService) Delete(ctx context.Context, key ConfigurationKey) error {
	panic("client: not implemented")
}

// JobPostingsService posts jobs and reads their tasks and statuses.
type JobPostingsService struct{ c *Client }

// BatchSubmit sends job postings (batch_create, ≤ 100 a call, split above), one submission per job in order.
// A lost response is never resent blindly: the client first checks (through jobPostingStatus / tasks) whether
// LinkedIn already took the job, so that a retry cannot create a duplicate.
func (s *JobPostingsService) BatchSubmit(ctx context.Context, jobs []JobPosting) ([]JobPostingSubmission, error) {
	panic("client: not implemented")
}

// Submit sends one job posting (coalesced into batch_create calls) and returns its task URN.
func (s *JobPostingsService) Submit(ctx context.Context, job JobPosting) (string, error) {
	panic("client: not implemented")
}

// BatchGetTasks reads tasks by URN (≤ 100 a call), results in order.
func (s *JobPostingsService) BatchGetTasks(ctx context.Context, taskURNs []string) ([]Result[JobPostingTask], error) {
	panic("client: not implemented")
}

// GetTask reads one task (coalesced).
func (s *JobPostingsService) GetTask(ctx context.Context, taskURN string) (*JobPostingTask, error) {
	panic("client: not implemented")
}

// WaitForTask polls a task (coalesced, with backoff from 250 ms up to 5 s) until it is no longer IN_PROGRESS
// or ctx ends.
func (s *JobPostingsService) WaitForTask(ctx context.Context, taskURN string) (*JobPostingTask, error) {
	panic("client: not implemented")
}

// BatchGetStatuses reads job posting statuses by external id, split into calls of ≤ 100 ids, results in order.
func (s *JobPostingsService) BatchGetStatuses(ctx context.Context, externalIDs []string) ([]Result[JobPostingStatus], error) {
	panic("client: not implemented")
}

// GetStatus reads one job posting status (coalesced). An unknown id is an *Error with status 404.
func (s *JobPostingsService) GetStatus(ctx context.Context, externalID string) (*JobPostingStatus, error) {
	panic("client: not implemented")
}
