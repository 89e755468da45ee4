package emulator

import (
	"fmt"
	"regexp"
	"strings"
)

// This file holds the field rules of Recruiter System Connect's records, from LinkedIn's required-fields
// page (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/required-fields) and the
// request body tables of the sync pages (rsc_sync.go). A broken rule is a per-key 422 listing every
// "ERROR :: /field :: message" line of the record; the rest of the batch is applied.

var (
	// emailAddress is the X@X.X shape LinkedIn asks for; LinkedIn does not say more.
	emailAddress = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	personURN    = regexp.MustCompile(`^urn:li:person:[A-Za-z0-9_-]+$`)
)

// notAvailableStage is the placeholder the stages page refuses by name ("not Not Available").
const notAvailableStage = "Not Available"

// validate checks a record of the resource's kind, in the family's field names.
func (r syncResource) validate(rec *record) {
	switch r.kind {
	case syncCandidate:
		r.validateCandidate(rec)
	case syncApplication:
		r.validateApplication(rec)
	default:
		validateStage(rec)
	}
}

// validateTimes checks atsCreatedAt (> 0) and atsLastModifiedAt (not before atsCreatedAt), both required.
func (r syncResource) validateTimes(rec *record) {
	created, modified := r.name("atsCreatedAt"), r.name("atsLastModifiedAt")
	c, okC := rec.long(created, true)
	if okC && c <= 0 {
		rec.fail(created, "%d must be greater than 0", c)
	}
	m, okM := rec.long(modified, true)
	if okM && okC && m < c {
		rec.fail(modified, "%d is before %s %d", m, created, c)
	}
}

// validateCandidate: the Sync Candidates rows and the sync candidates page's optional fields.
func (r syncResource) validateCandidate(rec *record) {
	allowed := map[string]bool{"emailAddresses": true, "externalProfileUrl": true, "firstName": true, "lastName": true,
		"manualMatchedMember": true, "addresses": true, "phoneNumbers": true, "currentCompanyName": true,
		"currentJobTitle": true, "linkedInProfileUrl": true, "doNotContact": true,
		r.name("atsCreatedAt"): true, r.name("atsLastModifiedAt"): true}
	rec.allowOnly(allowed)
	r.validateTimes(rec)
	rec.requiredText("firstName")
	rec.requiredText("lastName")
	if u, ok := rec.requiredText("externalProfileUrl"); ok {
		rec.absURL("externalProfileUrl", u)
	}
	member, hasMember := rec.str("manualMatchedMember", false)
	if hasMember && !personURN.MatchString(member) {
		rec.fail("manualMatchedMember", "%q is not a person URN urn:li:person:…", member)
	}
	_, sentEmails := rec.fields["emailAddresses"]
	emails, emailsOK := rec.strList("emailAddresses")
	for i, e := range emails {
		if !emailAddress.MatchString(e) {
			rec.fail(fmt.Sprintf("emailAddresses/%d", i), "%q is not an email address", e)
		}
	}
	switch {
	case hasMember || len(emails) > 0:
	case !sentEmails || rec.fields["emailAddresses"] == nil:
		// One of the two is required; LinkedIn names the emails, the field a partner usually has.
		rec.fail("emailAddresses", msgRequired)
	case emailsOK:
		rec.fail("emailAddresses", "at least one email address is required when manualMatchedMember is not given")
	}
	rec.str("currentCompanyName", false)
	rec.str("currentJobTitle", false)
	if u, ok := rec.str("linkedInProfileUrl", false); ok {
		rec.absURL("linkedInProfileUrl", u)
	}
	rec.boolean("doNotContact")
	rec.recordList("addresses", nil)
	rec.recordList("phoneNumbers", func(i int, el map[string]any) {
		if s, ok := el["number"].(string); !ok || strings.TrimSpace(s) == "" {
			rec.fail(fmt.Sprintf("phoneNumbers/%d/number", i), msgRequired)
		}
	})
}

// validateApplication: the Sync Applications rows.
func (r syncResource) validateApplication(rec *record) {
	rec.allowOnly(map[string]bool{"atsCandidateId": true, "atsCreatedAt": true, "atsLastModifiedAt": true,
		"atsJobPostingId": true, "atsJobPostingName": true, "candidateEmail": true, "dispositionReason": true,
		"firstName": true, "lastName": true, "source": true, "media": true})
	r.validateTimes(rec)
	rec.requiredText("atsJobPostingId")
	rec.requiredText("atsJobPostingName")
	if e, ok := rec.str("candidateEmail", true); ok && !emailAddress.MatchString(e) {
		rec.fail("candidateEmail", "%q is not an email address", e)
	}
	rec.requiredText("firstName")
	rec.requiredText("lastName")
	rec.requiredText("source")
	rec.str("atsCandidateId", false)
	rec.str("dispositionReason", false)
	if m, ok := rec.str("media", false); ok && !strings.HasPrefix(m, "urn:li:") {
		rec.fail("media", "%q is not a media URN urn:li:…", m)
	}
}

// validateStage: the Sync Application Stages rows; the stage may not be the placeholder "Not Available".
func validateStage(rec *record) {
	rec.allowOnly(map[string]bool{"atsCreatedAt": true, "stage": true})
	if c, ok := rec.long("atsCreatedAt", true); ok && c <= 0 {
		rec.fail("atsCreatedAt", "%d must be greater than 0", c)
	}
	if s, ok := rec.requiredText("stage"); ok && strings.EqualFold(strings.TrimSpace(s), notAvailableStage) {
		rec.fail("stage", "%q is not a stage: send the stage the application is in", s)
	}
}
