package emulator

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
)

// jobInput is a validated job posting element
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs).
type jobInput struct {
	ExternalID   string
	Op           string // CREATE, UPDATE, RENEW, CLOSE, or UPSERT for the legacy state LISTED
	Context      string // urn:li:organization:N or ""
	CompanyName  string
	CompanyPage  string
	ListedAt     int64
	ExpireAt     int64 // 0: default
	Location     string
	LocParts     []string
	CountryCode  string
	PostalCode   string
	AltLocations [][]string
	AltRaw       []string
	Remote       bool
	ListingType  string
	Contract     string
	Availability string
	// Apply is the onsiteApplyConfiguration (nil without one): the job asks for LinkedIn Apply.
	Apply *applyconnect.Configuration
}

// jobFields lists every field a simple job posting may carry; anything else is rejected as Rest.li does
// ("unrecognized field found but not allowed").
var jobFields = map[string]bool{
	"externalJobPostingId": true, "jobPostingOperationType": true, "integrationContext": true, "company": true,
	"companyName": true, "companyPageUrl": true, "title": true, "description": true, "companyApplyUrl": true,
	"listedAt": true, "location": true, "countryCode": true, "postalCode": true, "state": true,
	"alternateLocations": true, "employmentStatus": true, "experienceLevel": true, "workplaceTypes": true,
	"categories": true, "industries": true, "listingType": true, "contract": true, "expireAt": true,
	"availability": true, "companyJobCode": true, "skillsDescription": true, "trackingPixelUrl": true,
	"posterEmail": true, "accessRestricted": true, "requisitionOwnerEmail": true,
	"requisitionOwnerFirstName": true, "requisitionOwnerLastName": true, "compensation": true,
	"onsiteApplyConfiguration": true,
}

var (
	industryURN = regexp.MustCompile(`^urn:li:industry:[1-9][0-9]*$`)
	emailRe     = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	postalRe    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 -]{0,9}$`)
	allowedTags = map[string]bool{"b": true, "strong": true, "u": true, "i": true, "br": true, "p": true, "ul": true, "li": true}
	tagRe       = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9]*)[^>]*>`)
)

const day = 24 * time.Hour

// validateJob checks one element field by field. It returns the input or the 422 message.
func validateJob(fields map[string]any, now time.Time) (*jobInput, string) {
	in := &jobInput{}
	rec := &record{fields: fields}
	rec.allowOnly(jobFields)
	for _, rule := range jobRules {
		rule(rec, in, now)
	}
	if !rec.ok() {
		return nil, rec.message()
	}
	return in, ""
}

// jobRules are the field rules of a job posting element, one function per concern. They run in this order,
// which is the order of the lines of the 422 message, and later rules read what earlier ones put in the
// jobInput (the location rule needs to know whether the job is remote).
var jobRules = []func(rec *record, in *jobInput, now time.Time){
	jobOperationRules,
	jobCompanyRules,
	jobContentRules,
	jobWorkplaceRules,
	jobLocationRules,
	jobAlternateLocationRules,
	jobClassificationRules,
	jobListingRules,
	jobContactRules,
	jobRecordFieldRules,
}

// jobOperationRules reads externalJobPostingId and what to do with the job: jobPostingOperationType, or the
// legacy state (LISTED creates or updates, CLOSED closes).
func jobOperationRules(rec *record, in *jobInput, _ time.Time) {
	if id, ok := rec.str("externalJobPostingId", true); ok {
		in.ExternalID = id
		rec.lengthIn("externalJobPostingId", id, 1, 75)
	}
	op, hasOp := rec.enum("jobPostingOperationType", "CREATE", "UPDATE", "RENEW", "CLOSE")
	if st, ok := rec.str("state", false); ok {
		switch st {
		case "LISTED", "CLOSED":
		default:
			rec.fail("state", "%q is not an enum symbol; should be LISTED or CLOSED", st)
		}
		if !hasOp {
			op = map[string]string{"LISTED": "UPSERT", "CLOSED": "CLOSE"}[st]
		}
	}
	if _, present := rec.fields["jobPostingOperationType"]; !present && op == "" {
		if _, present := rec.fields["state"]; !present {
			rec.fail("jobPostingOperationType", msgRequired) // or the legacy state
		}
	}
	in.Op = op
}

// jobCompanyRules reads whom the job is posted for: an organization (integrationContext, or company, which
// must agree with it), else a company name or page.
func jobCompanyRules(rec *record, in *jobInput, _ time.Time) {
	ctx, hasCtx := rec.str("integrationContext", false)
	company, hasCompany := rec.str("company", false)
	switch {
	case hasCtx && hasCompany && ctx != company:
		rec.fail("company", "company %q and integrationContext %q name different organizations", company, ctx)
	case hasCompany:
		ctx, hasCtx = company, true
	}
	if hasCtx {
		if !orgURN.MatchString(ctx) {
			rec.fail("integrationContext", "%q is not an organization URN urn:li:organization:N", ctx)
		}
		in.Context = ctx
	}
	in.CompanyName, _ = rec.str("companyName", false)
	if in.CompanyName != "" {
		rec.lengthIn("companyName", in.CompanyName, 1, 200)
	}
	if p, ok := rec.str("companyPageUrl", false); ok {
		in.CompanyPage = p
		rec.absURL("companyPageUrl", p)
	}
	if !hasCtx && in.CompanyName == "" && in.CompanyPage == "" {
		rec.fail("integrationContext", msgRequired) // or company, companyName or companyPageUrl
	}
}

// jobContentRules checks what every posting must carry: title, description, where to apply, when listed.
func jobContentRules(rec *record, in *jobInput, now time.Time) {
	if t, ok := rec.str("title", true); ok {
		rec.lengthIn("title", t, 1, 200)
	}
	if d, ok := rec.str("description", true); ok {
		rec.lengthIn("description", d, 100, 25000)
	}
	if u, ok := rec.str("companyApplyUrl", true); ok {
		rec.absURL("companyApplyUrl", u)
	}
	if at, ok := rec.long("listedAt", true); ok {
		in.ListedAt = at
		if at <= 0 {
			rec.fail("listedAt", "%d is not an epoch time in milliseconds", at)
		} else if at > now.UnixMilli() {
			rec.fail("listedAt", "%d is in the future", at)
		}
	}
}

// jobWorkplaceRules reads workplaceTypes: exactly one of On-site, Hybrid, Remote.
func jobWorkplaceRules(rec *record, in *jobInput, _ time.Time) {
	wt, ok := rec.strList("workplaceTypes")
	if !ok {
		return
	}
	if len(wt) != 1 {
		rec.fail("workplaceTypes", "must hold exactly one of On-site, Hybrid, Remote")
		return
	}
	switch strings.ToLower(wt[0]) {
	case "on-site", "hybrid":
	case "remote":
		in.Remote = true
	default:
		rec.fail("workplaceTypes/0", "%q is not an enum symbol; should be one of On-site, Hybrid, Remote", wt[0])
	}
}

// jobLocationRules reads where the job is: location, or countryCode and postalCode.
func jobLocationRules(rec *record, in *jobInput, _ time.Time) {
	loc, hasLoc := rec.str("location", false)
	cc, hasCC := rec.str("countryCode", false)
	pc, hasPC := rec.str("postalCode", false)
	switch {
	case hasLoc && (hasCC || hasPC):
		rec.fail("location", "give either location or countryCode and postalCode, not both")
	case hasLoc:
		in.Location = loc
		parts, ok := splitLocation(loc, in.Remote)
		if !ok {
			rec.fail("location", "%q is not a location: use \"City, State\", \"City, Country\", \"City, State, Country\" or \"PostalCode, CountryCode\" (a country alone only for remote jobs)", loc)
		}
		in.LocParts = parts
	case hasCC && hasPC:
		if len(cc) != 2 || !isoSet[strings.ToUpper(cc)] {
			rec.fail("countryCode", "%q is not an ISO 3166-1 alpha-2 country code", cc)
		}
		if !postalRe.MatchString(pc) {
			rec.fail("postalCode", "%q is not a postal code", pc)
		}
		in.CountryCode, in.PostalCode = strings.ToUpper(cc), pc
		in.Location = pc + ", " + strings.ToUpper(cc)
		in.LocParts = []string{pc, strings.ToUpper(cc)}
	default:
		// A CLOSE carries the full job body again, so the location is required there too.
		rec.fail("location", msgRequired) // or countryCode and postalCode
	}
}

// jobAlternateLocationRules reads alternateLocations: at most 7, each shaped like a location.
func jobAlternateLocationRules(rec *record, in *jobInput, _ time.Time) {
	alts, ok := rec.strList("alternateLocations")
	if !ok {
		return
	}
	if len(alts) > 7 {
		rec.fail("alternateLocations", "at most 7 alternate locations, not %d", len(alts))
	}
	for i, a := range alts {
		parts, ok := splitLocation(a, in.Remote)
		if !ok {
			rec.fail(fmt.Sprintf("alternateLocations/%d", i), "%q is not a location", a)
			continue
		}
		in.AltLocations = append(in.AltLocations, parts)
		in.AltRaw = append(in.AltRaw, a)
	}
}

// jobClassificationRules checks the enums and lists that classify a job.
func jobClassificationRules(rec *record, _ *jobInput, _ time.Time) {
	rec.enum("employmentStatus", "FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP", "TEMPORARY", "VOLUNTEER", "OTHER")
	rec.enum("experienceLevel", "ENTRY_LEVEL", "ASSOCIATE", "MID_SENIOR_LEVEL", "DIRECTOR", "EXECUTIVE", "INTERNSHIP", "NOT_APPLICABLE")
	if cats, ok := rec.strList("categories"); ok && len(cats) > 3 {
		rec.fail("categories", "at most 3 job functions, not %d", len(cats))
	}
	if inds, ok := rec.strList("industries"); ok {
		for i, s := range inds {
			if !industryURN.MatchString(s) {
				rec.fail(fmt.Sprintf("industries/%d", i), "%q is not an industry URN urn:li:industry:N", s)
			}
		}
	}
}

// jobListingRules reads how the job is listed: BASIC or PREMIUM, the contract PREMIUM and INTERNAL
// availability need, and expireAt.
func jobListingRules(rec *record, in *jobInput, now time.Time) {
	if c, ok := rec.str("contract", false); ok {
		if !contractURN.MatchString(c) {
			rec.fail("contract", "%q is not a contract URN urn:li:contract:N", c)
		}
		in.Contract = c
	}
	in.ListingType = "BASIC"
	if lt, ok := rec.enum("listingType", "BASIC", "PREMIUM"); ok {
		in.ListingType = lt
	}
	if in.ListingType == "PREMIUM" && in.Contract == "" {
		rec.fail("contract", "field is required for a PREMIUM listing")
	}
	if av, ok := rec.enum("availability", "PUBLIC", "PRIVATE_TO_ATS_INTEGRATION", "INTERNAL"); ok {
		in.Availability = av
		if av == "INTERNAL" && in.Contract == "" {
			rec.fail("contract", "field is required for INTERNAL availability")
		}
	}
	if exp, ok := rec.long("expireAt", false); ok {
		in.ExpireAt = exp
		switch {
		case exp <= now.UnixMilli():
			rec.fail("expireAt", "%d is not in the future", exp)
		case in.ListingType == "PREMIUM" && (exp < now.Add(day).UnixMilli() || exp > now.Add(90*day).UnixMilli()):
			rec.fail("expireAt", "a PREMIUM job must expire between 1 and 90 days from now")
		}
	}
}

// jobContactRules checks the optional strings about who posts and tracks the job.
func jobContactRules(rec *record, _ *jobInput, _ time.Time) {
	rec.str("companyJobCode", false)
	if s, ok := rec.str("skillsDescription", false); ok {
		rec.lengthIn("skillsDescription", s, 0, 4000)
	}
	if s, ok := rec.str("trackingPixelUrl", false); ok {
		rec.absURL("trackingPixelUrl", s)
	}
	for _, f := range []string{"posterEmail", "requisitionOwnerEmail"} {
		if s, ok := rec.str(f, false); ok && !emailRe.MatchString(s) {
			rec.fail(f, "%q is not an email address", s)
		}
	}
	rec.str("requisitionOwnerFirstName", false)
	rec.str("requisitionOwnerLastName", false)
}

// jobRecordFieldRules checks the fields that are not strings: accessRestricted, compensation and
// onsiteApplyConfiguration (apply_configuration_parsing.go), which LinkedIn Apply needs on a PUBLIC job.
func jobRecordFieldRules(rec *record, in *jobInput, _ time.Time) {
	if v, ok := rec.fields["accessRestricted"]; ok {
		if _, isBool := v.(bool); !isBool {
			rec.fail("accessRestricted", "%s is not a boolean", jsonText(v))
		}
	}
	if v, ok := rec.fields["compensation"]; ok {
		if _, isObj := v.(map[string]any); !isObj {
			rec.fail("compensation", "%s is not a record", jsonText(v))
		}
	}
	v, ok := rec.fields[onsiteApplyField]
	if !ok || v == nil {
		return
	}
	in.Apply = parseApplyConfiguration(rec, v)
	if in.Availability != "" && in.Availability != "PUBLIC" {
		// LinkedIn Apply is for jobs the public applies to (README, choices).
		rec.fail(onsiteApplyField, "LinkedIn Apply needs availability PUBLIC, not %s", in.Availability)
	}
}

// stripHTML removes tags other than b strong u i br p ul li, as LinkedIn does with descriptions.
func stripHTML(s string) string {
	return tagRe.ReplaceAllStringFunc(s, func(t string) string {
		m := tagRe.FindStringSubmatch(t)
		if allowedTags[strings.ToLower(m[1])] {
			return t
		}
		return ""
	})
}
