package emulator

import (
	"strconv"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// The status details LinkedIn's Job Status Change Notifications page lists
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications), verbatim:
// internal/jobstatus holds the one copy of LinkedIn's texts, which the provider quotes in its diagnostics and the
// emulator sends. Listing and promotion details are keyed by their prefix (LinkedIn gives their error codes only
// as 10XX, so they carry no errorCode), LinkedIn Apply details by their errorCode.
var (
	listingDetails   = catalogueDetails(jobstatus.KindListing)
	applyDetails     = catalogueDetails(jobstatus.KindLinkedInApply)
	promotionDetails = catalogueDetails(jobstatus.KindPromotion)
)

func init() {
	// Not in LinkedIn's catalogue: the detail of a job the partner closed with CLOSE (or state CLOSED), so that
	// such a job reads differently from one LinkedIn took down (README, choices).
	listingDetails["CLOSED_BY_PARTNER"] = statusDetail{ErrorType: "PARTNER_ERROR",
		StatusMessage: "CLOSED_BY_PARTNER: The job was closed by the partner through the API."}
}

// catalogueDetails are the details of one kind that LinkedIn's catalogue words (entries with a message).
func catalogueDetails(kind string) map[string]statusDetail {
	m := map[string]statusDetail{}
	for _, e := range jobstatus.Catalogue {
		if e.Kind != kind || e.Message == "" {
			continue
		}
		d, key := statusDetail{ErrorType: e.ErrorType, StatusMessage: e.Message}, e.Prefix
		if e.Code != 0 {
			d.ErrorCode, key = intp(e.Code), strconv.Itoa(e.Code)
		}
		m[key] = d
	}
	return m
}

func intp(n int) *int { return &n }

// applyNotEnabledForOrganization is the LinkedIn Apply detail of a job whose customer has not enabled
// APPLY_CONNECT for its organization: LinkedIn's catalogue has no entry for it, so it has no errorCode
// (README, choices; internal/jobstatus knows it too).
var applyNotEnabledForOrganization = statusDetail{ErrorType: "CUSTOMER_ERROR",
	StatusMessage: "APPLY_CONNECT_NOT_ENABLED: The customer has not enabled Apply Connect (APPLY_CONNECT, JOBS) for this organization."}

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
