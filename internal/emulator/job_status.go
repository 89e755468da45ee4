package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file is what jobPostingStatus reports: the status of a job, how it is computed when LinkedIn lists
// the job, how an admin change alters it, and the notification each change queues.

// jobStatusCollection is /v2/jobPostingStatus: batch_get by externalJobPostingId (and get)
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status). It is served
// under /rest too, so that a client on the versioned family needs no exception (README, choices).
func jobStatusCollection() *collection {
	return &collection{
		name:    "jobPostingStatus",
		quota:   "jobPostingStatus",
		methods: []string{"batch_get", "get"},
		key:     keySpec{},
		get: func(c *call, k restli.Key) (any, *apiError) {
			j := c.e.st.Jobs[skey(c.app.URN, k.Simple())]
			if j == nil {
				return nil, errNotFound("No job posting with externalJobPostingId " + k.Simple())
			}
			return j.statusEntity(), nil
		},
	}
}

// statusEntity is the jobPostingStatus record.
func (j *job) statusEntity() map[string]any {
	m := map[string]any{
		"externalJobPostingId": j.ExternalID,
		"jobPostingUrl":        jobURL(j.Number),
		"listingStatus":        j.Status.ListingStatus,
		"linkedInApplyStatus":  j.Status.LinkedInApplyStatus,
		"promotionStatus":      j.Status.PromotionStatus,
		"rawLocation":          j.RawLocation,
		"jobPostingInfo":       j.info(),
	}
	if d := j.Status.ListingStatusDetail; d != nil {
		m["listingStatusDetail"] = d
	}
	if d := j.Status.LinkedInApplyStatusDetail; d != nil {
		m["linkedInApplyStatusDetail"] = d
	}
	if d := j.Status.PromotionStatusDetail; d != nil {
		m["promotionStatusDetail"] = d
	}
	return m
}

func (j *job) info() map[string]any {
	alt := j.AltLocation
	if alt == nil {
		alt = []string{}
	}
	name, _ := j.Fields["companyName"].(string)
	page, _ := j.Fields["companyPageUrl"].(string)
	org := j.context()
	if name == "" && org != "" {
		name = "Organization " + strings.TrimPrefix(org, "urn:li:organization:")
	}
	if page == "" && org != "" {
		page = "https://www.linkedin.com/company/" + strings.TrimPrefix(org, "urn:li:organization:")
	}
	return map[string]any{
		"listedAt":           j.ListedAt,
		"expireAt":           j.ExpireAt,
		"location":           j.Location,
		"alternateLocations": alt,
		"companyDetails":     map[string]string{"companyName": name, "companyPage": page},
	}
}

func (j *job) context() string {
	if s, ok := j.Fields["integrationContext"].(string); ok && s != "" {
		return s
	}
	s, _ := j.Fields["company"].(string)
	return s
}

// computeStatusLocked is the status of a job that LinkedIn has just listed (README, choices):
// promotion PREMIUM → PROMOTED (LI_CUSTOMER_PROMOTED); BASIC → NOT_PROMOTED with LI_CUSTOMER_BASIC when the
// customer has a LinkedIn contract (the job names one, or a contract integration is enabled), else
// ATS_CUSTOMER_BASIC. LinkedIn Apply is IN_PROGRESS (1156) for a job that carries an
// onsiteApplyConfiguration, until its enablement is decided (apply_connect.go); NOT_ENABLED without detail
// otherwise.
func (e *Emulator) computeStatusLocked(app string, in *jobInput) jobStatus {
	s := jobStatus{ListingStatus: "LISTED", LinkedInApplyStatus: applyNotEnabled}
	if in.ListingType == "PREMIUM" {
		s.PromotionStatus, s.PromotionStatusDetail = "PROMOTED", detail(promotionDetails, "LI_CUSTOMER_PROMOTED")
	} else if in.Contract != "" || e.hasContract(app) {
		s.PromotionStatus, s.PromotionStatusDetail = "NOT_PROMOTED", detail(promotionDetails, "LI_CUSTOMER_BASIC")
	} else {
		s.PromotionStatus, s.PromotionStatusDetail = "NOT_PROMOTED", detail(promotionDetails, "ATS_CUSTOMER_BASIC")
	}
	if in.Apply != nil {
		s.LinkedInApplyStatus, s.LinkedInApplyStatusDetail = applyInProgress, detail(applyDetails, "1156")
	}
	return s
}

// ChangeJobStatus applies a LinkedIn-side status change and notifies the application's webhook. A detail
// may be given in full or as a bare catalogue prefix or code ({"statusMessage":"MEMBER_REPORTED"}).
func (e *Emulator) ChangeJobStatus(c JobStatusChange) error {
	check := func(field, v string, allowed ...string) error {
		if v != "" && !slices.Contains(allowed, v) {
			return fmt.Errorf("emulator: %s must be one of %s, not %q", field, strings.Join(allowed, ", "), v)
		}
		return nil
	}
	if err := check("listingStatus", c.ListingStatus, "LISTED", "NOT_LISTED", "IN_PROGRESS"); err != nil {
		return err
	}
	if err := check("linkedInApplyStatus", c.LinkedInApplyStatus, "ENABLED", "NOT_ENABLED", "IN_PROGRESS"); err != nil {
		return err
	}
	if err := check("promotionStatus", c.PromotionStatus, "PROMOTED", "NOT_PROMOTED"); err != nil {
		return err
	}
	return e.mutate(func() error {
		app := e.st.resolveApp(c.Application)
		if app == nil {
			return fmt.Errorf("emulator: no application %q", c.Application)
		}
		j := e.st.Jobs[skey(app.URN, c.ExternalJobPostingID)]
		if j == nil {
			return fmt.Errorf("emulator: application %s has no job %q", app.URN, c.ExternalJobPostingID)
		}
		st := &j.Status
		changeStatus(&st.ListingStatus, &st.ListingStatusDetail, c.ListingStatus, c.ListingStatusDetail, listingDetails)
		changeStatus(&st.LinkedInApplyStatus, &st.LinkedInApplyStatusDetail, c.LinkedInApplyStatus, c.LinkedInApplyStatusDetail, applyDetails)
		changeStatus(&st.PromotionStatus, &st.PromotionStatusDetail, c.PromotionStatus, c.PromotionStatusDetail, promotionDetails)
		if c.ListingStatus != "" {
			// A job LinkedIn took down is closed for the partner's API too (CLOSE → 409, RENEW re-lists).
			j.Closed = c.ListingStatus == "NOT_LISTED"
		}
		e.notifyLocked(j)
		return nil
	})
}

// changeStatus applies one of the three statuses of a change: a new status replaces the old one and drops
// its detail; a detail given is expanded from the status's catalogue. Empty fields keep what is there.
func changeStatus(status *string, detail **statusDetail, newStatus string, newDetail map[string]any, catalogue map[string]statusDetail) {
	if newStatus != "" {
		*status, *detail = newStatus, nil
	}
	if newDetail != nil {
		*detail = expandDetail(catalogue, newDetail)
	}
}

// notifyLocked queues a JOB_POSTING_STATUS notification with the job's current status
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications).
func (e *Emulator) notifyLocked(j *job) {
	n := &notification{ID: newUUID(), App: j.App, CreatedAt: e.now(), NextAttempt: e.now()}
	payload := j.statusEntity()
	payload["type"] = "JOB_POSTING_STATUS"
	payload["developerApplicationUrn"] = j.App
	payload["notificationId"] = n.ID
	n.Body, _ = json.Marshal(payload)
	e.st.Notifications = append(e.st.Notifications, n)
	e.signal()
}
