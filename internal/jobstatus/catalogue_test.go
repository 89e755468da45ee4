package jobstatus

import (
	"strings"
	"testing"
)

func intp(i int) *int { return &i }

func TestLookup(t *testing.T) {
	cases := []struct {
		kind, status string
		code         *int
		msg          string
		wantPrefix   string
		wantCode     int
	}{
		{KindListing, "NOT_LISTED", nil, "MEMBER_REPORTED: The job was closed because it was reported by multiple LinkedIn members as no longer accepting applications.", "MEMBER_REPORTED", 0},
		{KindListing, "NOT_LISTED", intp(1004), "INVALID_LOCATION: The job location cannot be standardized.", "INVALID_LOCATION", 0},
		{KindListing, "", nil, "PENDING_CUSTOMER_MIGRATION:This job is not yet eligible", "PENDING_CUSTOMER_MIGRATION", 0},
		{KindLinkedInApply, "NOT_ENABLED", intp(1154), "BLOCKED_WEBHOOK: The application delivery webhook wasn't reachable.", "BLOCKED_WEBHOOK", 1154},
		{KindLinkedInApply, "NOT_ENABLED", intp(1101), "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion cannot depend", "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED", 1101},
		{KindLinkedInApply, "IN_PROGRESS", nil, "IN_PROGRESS: LinkedIn Apply is being processed.", "IN_PROGRESS", 1156},
		{KindLinkedInApply, "NOT_ENABLED", nil, "APPLY_CONNECT_NOT_ENABLED: The customer has not enabled Apply Connect", "APPLY_CONNECT_NOT_ENABLED", 0},
		{KindPromotion, "NOT_PROMOTED", nil, "ATS_CUSTOMER_BASIC: Reach out to LinkedIn Sales to learn more.", "ATS_CUSTOMER_BASIC", 0},
		{KindPromotion, "PROMOTED", nil, "LI_CUSTOMER_PROMOTED: Visit Recruiter to manage.", "LI_CUSTOMER_PROMOTED", 0},
	}
	for _, c := range cases {
		e, ok := Lookup(c.kind, c.status, c.code, c.msg)
		if !ok {
			t.Errorf("Lookup(%s, %q) found nothing", c.kind, c.msg)
			continue
		}
		if e.Prefix != c.wantPrefix || e.Code != c.wantCode {
			t.Errorf("Lookup(%s, %q) = %s/%d, want %s/%d", c.kind, c.msg, e.Prefix, e.Code, c.wantPrefix, c.wantCode)
		}
		if e.Meaning == "" || e.Resolution == "" || !strings.Contains(e.Text(), e.Resolution) {
			t.Errorf("entry %s has no meaning or resolution", e.Prefix)
		}
	}
	if _, ok := Lookup(KindListing, "NOT_LISTED", nil, "SOMETHING_NEW: ..."); ok {
		t.Error("an unknown prefix was found")
	}
	if _, ok := Lookup(KindPromotion, "", nil, "MEMBER_REPORTED: x"); ok {
		t.Error("a listing prefix was found as a promotion")
	}
	if Explain(KindListing, "NOT_LISTED", nil, "MISSING_LOCATION: The job is missing location data.") == "" {
		t.Error("Explain returned nothing for MISSING_LOCATION")
	}
}

func TestLookupTask(t *testing.T) {
	cases := map[string]string{
		"JOB_FIELD_PROCESSOR_GEO_LOCATION: Unable to standardize location 'Nowhere, XX'": "JOB_FIELD_PROCESSOR_GEO_LOCATION",
		"Cannot process duplicate creation request for job j1":                           "duplicate creation request",
		"INVALID_LOCATION: The job location cannot be standardized.":                     "INVALID_LOCATION",
	}
	for msg, want := range cases {
		e, ok := LookupTask(msg)
		if !ok || e.Prefix != want {
			t.Errorf("LookupTask(%q) = %q, %v; want %q", msg, e.Prefix, ok, want)
		}
	}
	if _, ok := LookupTask("something else entirely"); ok {
		t.Error("an unknown task message was found")
	}
}

func TestMessagePrefix(t *testing.T) {
	if got := MessagePrefix(" MEMBER_REPORTED : text: more"); got != "MEMBER_REPORTED" {
		t.Errorf("got %q", got)
	}
	if got := MessagePrefix("no colon"); got != "no colon" {
		t.Errorf("got %q", got)
	}
}

// Every message quoted from LinkedIn's catalogue starts with the entry's prefix, so that Lookup by message and
// the quoted message agree.
func TestCatalogueMessages(t *testing.T) {
	for _, e := range Catalogue {
		if e.Message != "" && MessagePrefix(e.Message) != e.Prefix {
			t.Errorf("entry %s/%d: message %q does not start with its prefix", e.Prefix, e.Code, e.Message)
		}
		if e.Kind == KindLinkedInApply && e.Code != 0 && e.Message == "" {
			t.Errorf("LinkedIn Apply entry %d has no message", e.Code)
		}
	}
}
