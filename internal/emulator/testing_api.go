package emulator

import (
	"fmt"
	"sort"
	"time"
)

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

// mutate runs f under the state lock and persists the state afterwards.
func (e *Emulator) mutate(f func() error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	if err := f(); err != nil {
		return err
	}
	err := e.persistLocked()
	e.signal()
	return err
}

// SetIntegration does what a customer does in LinkedIn's UI: enables (PENDING_CONFIGURATION or ENABLED) or
// disables (DISABLED) an integration for an application. The application may be given by URN or client id.
func (e *Emulator) SetIntegration(s IntegrationState) error {
	switch s.Status {
	case statusPending, statusEnabled, statusDisabled:
	case "":
		s.Status = statusEnabled
	default:
		return fmt.Errorf("emulator: status must be %s, %s or %s, not %q", statusPending, statusEnabled, statusDisabled, s.Status)
	}
	if err := validateIntegrationKey(s.IntegrationContext, s.IntegrationType, s.TenantType); err != nil {
		return fmt.Errorf("emulator: %s", err.Message)
	}
	return e.mutate(func() error {
		app := e.st.resolveApp(s.Application)
		if app == nil || app.isParent() {
			return fmt.Errorf("emulator: no child application %q", s.Application)
		}
		ms := e.now().UnixMilli()
		k := skey(app.URN, s.IntegrationContext, s.IntegrationType, s.TenantType)
		in := e.st.Integrations[k]
		if in == nil {
			in = &integration{App: app.URN, Context: s.IntegrationContext, Type: s.IntegrationType,
				Tenant: s.TenantType, CreatedAt: ms}
			e.st.Integrations[k] = in
		}
		in.Status = s.Status
		if s.IntegrationName != "" {
			in.Name = s.IntegrationName
		}
		in.LastModifiedAt = ms
		return nil
	})
}

// Integration returns an integration of an application.
func (e *Emulator) Integration(application, integrationContext, integrationType, tenantType string) (IntegrationState, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	app := e.st.resolveApp(application)
	if app == nil {
		return IntegrationState{}, false
	}
	in := e.st.Integrations[skey(app.URN, integrationContext, integrationType, tenantType)]
	if in == nil {
		return IntegrationState{}, false
	}
	return IntegrationState{Application: app.URN, IntegrationContext: in.Context, IntegrationType: in.Type,
		TenantType: in.Tenant, IntegrationName: in.Name, Status: in.Status}, true
}

// Configuration returns the value of one integration configuration of an application.
func (e *Emulator) Configuration(application, integrationContext, integrationType, tenantType, name string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	app := e.st.resolveApp(application)
	if app == nil {
		return "", false
	}
	v := e.st.Configs[configStoreKey(app.URN, integrationContext, integrationType, tenantType, name)]
	if v == nil {
		return "", false
	}
	return v.Value, true
}

// SetConfiguration changes (value != "") or removes (value == "") a configuration out of band, with no
// validation: drift as a customer or LinkedIn would make it.
func (e *Emulator) SetConfiguration(application, integrationContext, integrationType, tenantType, name, value string) {
	_ = e.mutate(func() error {
		app := e.st.resolveApp(application)
		urn := application
		if app != nil {
			urn = app.URN
		}
		k := configStoreKey(urn, integrationContext, integrationType, tenantType, name)
		if value == "" {
			delete(e.st.Configs, k)
		} else {
			e.st.Configs[k] = &configuration{Value: value}
		}
		return nil
	})
}

// ApplicationByForeignID returns a provisioned child application's URN and client id.
func (e *Emulator) ApplicationByForeignID(uniqueForeignID string) (urn, clientID string, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, a := range e.st.Apps {
		if !a.isParent() && a.UniqueForeignID == uniqueForeignID {
			return a.URN, a.ClientID, true
		}
	}
	return "", "", false
}

// ApplicationSecret returns an application's client secret (by URN or client id), as the partner would
// have kept it from the provisioning response; tests use it to check webhook signatures.
func (e *Emulator) ApplicationSecret(application string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.st.resolveApp(application)
	if a == nil {
		return "", false
	}
	return a.ClientSecret, true
}

// SetApplicationName renames a child application out of band (drift).
func (e *Emulator) SetApplicationName(urn, name string) error {
	return e.mutate(func() error {
		a := e.st.resolveApp(urn)
		if a == nil {
			return fmt.Errorf("emulator: no application %q", urn)
		}
		a.Name = name
		return nil
	})
}

// JobListingStatus returns a job posting's current listing status (LISTED, NOT_LISTED, IN_PROGRESS).
func (e *Emulator) JobListingStatus(application, externalJobPostingID string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	app := e.st.resolveApp(application)
	if app == nil {
		return "", false
	}
	j := e.st.Jobs[skey(app.URN, externalJobPostingID)]
	if j == nil {
		return "", false
	}
	return j.Status.ListingStatus, true
}

// JobOperations returns the operations LinkedIn accepted for a job posting (one per task, oldest first:
// CREATE, UPDATE, RENEW, CLOSE, UPSERT) and the status of each task. Tests use it to prove that nothing was
// sent twice.
func (e *Emulator) JobOperations(application, externalJobPostingID string) (ops, statuses []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
	app := e.st.resolveApp(application)
	if app == nil {
		return nil, nil
	}
	var tasks []*task
	for _, t := range e.st.Tasks {
		if t.App == app.URN && t.ExternalID == externalJobPostingID {
			tasks = append(tasks, t)
		}
	}
	sort.Slice(tasks, func(i, j int) bool { return tasks[i].Seq < tasks[j].Seq })
	for _, t := range tasks {
		ops, statuses = append(ops, t.Operation), append(statuses, t.Status)
	}
	return ops, statuses
}

// SetFaults replaces the injected faults.
func (e *Emulator) SetFaults(f Faults) { e.setFaults(f) }

// RequestCounts returns the API calls served so far, sorted by path, method and Rest.li method.
func (e *Emulator) RequestCounts() []RequestCount {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.requestCountsLocked()
}

// TotalRequests returns the number of API calls served so far (admin and OAuth calls excluded).
func (e *Emulator) TotalRequests() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, c := range e.counts {
		n += c
	}
	return n
}

// Reset clears all state back to the default seed (and request counts to zero). Faults go back to
// Options.Faults; pending webhook deliveries are dropped.
func (e *Emulator) Reset() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.st = seedState(e.now())
	e.counts = map[countKey]int{}
	e.syncDone = map[string]time.Time{}
	e.setFaults(e.opts.Faults)
	_ = e.persistLocked()
	e.signal()
}
