package emulator

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// jobInput is a validated job posting element (spec §4).
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
	OnsiteApply  bool
	ApplyWebhook string
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

// msgRequired is Rest.li's message for a missing field (spec §4). It is used verbatim even where the
// requirement is conditional (location, or one of integrationContext/company/companyName/companyPageUrl):
// clients may match the text, so it must not carry the emulator's own hints.
const msgRequired = "field is required but not found and has no default value"

// schemaErrors collects LinkedIn-style validation lines: "ERROR :: /field :: message\n".
type schemaErrors struct{ b strings.Builder }

func (s *schemaErrors) add(field, format string, args ...any) {
	fmt.Fprintf(&s.b, "ERROR :: /%s :: %s\n", field, fmt.Sprintf(format, args...))
}

func (s *schemaErrors) empty() bool { return s.b.Len() == 0 }

// validateJob checks one element field by field. It returns the input or the 422 message.
func validateJob(fields map[string]any, now time.Time) (*jobInput, string) {
	var se schemaErrors
	in := &jobInput{}
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !jobFields[n] {
			se.add(n, "unrecognized field found but not allowed")
		}
	}
	str := func(name string, required bool) (string, bool) {
		v, ok := fields[name]
		if !ok || v == nil {
			if required {
				se.add(name, msgRequired)
			}
			return "", false
		}
		s, isStr := v.(string)
		if !isStr {
			se.add(name, "%s is not a string", jsonText(v))
			return "", false
		}
		return s, true
	}
	long := func(name string, required bool) (int64, bool) {
		v, ok := fields[name]
		if !ok || v == nil {
			if required {
				se.add(name, msgRequired)
			}
			return 0, false
		}
		if f, isFloat := v.(float64); isFloat && f == float64(int64(f)) {
			return int64(f), true // a posting reloaded from the state file
		}
		num, isNum := v.(json.Number)
		if !isNum {
			se.add(name, "%s is not a long", jsonText(v))
			return 0, false
		}
		n, err := num.Int64()
		if err != nil {
			se.add(name, "%s is not a long", num)
			return 0, false
		}
		return n, true
	}
	enum := func(name string, symbols ...string) (string, bool) {
		s, ok := str(name, false)
		if !ok {
			return "", false
		}
		if !slices.Contains(symbols, s) {
			se.add(name, "%q is not an enum symbol; should be one of %s", s, strings.Join(symbols, ", "))
			return "", false
		}
		return s, true
	}
	strList := func(name string) ([]string, bool) {
		v, ok := fields[name]
		if !ok || v == nil {
			return nil, false
		}
		arr, isArr := v.([]any)
		if !isArr {
			se.add(name, "%s is not an array", jsonText(v))
			return nil, false
		}
		out := make([]string, 0, len(arr))
		for i, el := range arr {
			s, isStr := el.(string)
			if !isStr {
				se.add(fmt.Sprintf("%s/%d", name, i), "%s is not a string", jsonText(el))
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	lengthIn := func(name, s string, min, max int) {
		if n := utf8.RuneCountInString(s); n < min || n > max {
			se.add(name, "length of %d characters is out of range %d..%d", n, min, max)
		}
	}
	absURL := func(name, s string) {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			se.add(name, "%q is not an absolute http(s) URL", s)
		}
	}

	if id, ok := str("externalJobPostingId", true); ok {
		in.ExternalID = id
		lengthIn("externalJobPostingId", id, 1, 75)
	}
	op, hasOp := enum("jobPostingOperationType", "CREATE", "UPDATE", "RENEW", "CLOSE")
	if st, ok := str("state", false); ok {
		switch st {
		case "LISTED", "CLOSED":
		default:
			se.add("state", "%q is not an enum symbol; should be LISTED or CLOSED", st)
		}
		if !hasOp {
			op = map[string]string{"LISTED": "UPSERT", "CLOSED": "CLOSE"}[st]
		}
	}
	if _, present := fields["jobPostingOperationType"]; !present && op == "" {
		if _, present := fields["state"]; !present {
			se.add("jobPostingOperationType", msgRequired) // or the legacy state
		}
	}
	in.Op = op

	ctx, hasCtx := str("integrationContext", false)
	company, hasCompany := str("company", false)
	switch {
	case hasCtx && hasCompany && ctx != company:
		se.add("company", "company %q and integrationContext %q name different organizations", company, ctx)
	case hasCompany:
		ctx, hasCtx = company, true
	}
	if hasCtx {
		if !orgURN.MatchString(ctx) {
			se.add("integrationContext", "%q is not an organization URN urn:li:organization:N", ctx)
		}
		in.Context = ctx
	}
	in.CompanyName, _ = str("companyName", false)
	if in.CompanyName != "" {
		lengthIn("companyName", in.CompanyName, 1, 200)
	}
	if p, ok := str("companyPageUrl", false); ok {
		in.CompanyPage = p
		absURL("companyPageUrl", p)
	}
	if !hasCtx && in.CompanyName == "" && in.CompanyPage == "" {
		se.add("integrationContext", msgRequired) // or company, companyName or companyPageUrl
	}
	if t, ok := str("title", true); ok {
		lengthIn("title", t, 1, 200)
	}
	if d, ok := str("description", true); ok {
		lengthIn("description", d, 100, 25000)
	}
	if u, ok := str("companyApplyUrl", true); ok {
		absURL("companyApplyUrl", u)
	}
	if at, ok := long("listedAt", true); ok {
		in.ListedAt = at
		if at <= 0 {
			se.add("listedAt", "%d is not an epoch time in milliseconds", at)
		} else if at > now.UnixMilli() {
			se.add("listedAt", "%d is in the future", at)
		}
	}

	if wt, ok := strList("workplaceTypes"); ok {
		if len(wt) != 1 {
			se.add("workplaceTypes", "must hold exactly one of On-site, Hybrid, Remote")
		} else {
			switch strings.ToLower(wt[0]) {
			case "on-site", "hybrid":
			case "remote":
				in.Remote = true
			default:
				se.add("workplaceTypes/0", "%q is not an enum symbol; should be one of On-site, Hybrid, Remote", wt[0])
			}
		}
	}
	loc, hasLoc := str("location", false)
	cc, hasCC := str("countryCode", false)
	pc, hasPC := str("postalCode", false)
	switch {
	case hasLoc && (hasCC || hasPC):
		se.add("location", "give either location or countryCode and postalCode, not both")
	case hasLoc:
		in.Location = loc
		parts, ok := splitLocation(loc, in.Remote)
		if !ok {
			se.add("location", "%q is not a location: use \"City, State\", \"City, Country\", \"City, State, Country\" or \"PostalCode, CountryCode\" (a country alone only for remote jobs)", loc)
		}
		in.LocParts = parts
	case hasCC && hasPC:
		if len(cc) != 2 || !isoSet[strings.ToUpper(cc)] {
			se.add("countryCode", "%q is not an ISO 3166-1 alpha-2 country code", cc)
		}
		if !postalRe.MatchString(pc) {
			se.add("postalCode", "%q is not a postal code", pc)
		}
		in.CountryCode, in.PostalCode = strings.ToUpper(cc), pc
		in.Location = pc + ", " + strings.ToUpper(cc)
		in.LocParts = []string{pc, strings.ToUpper(cc)}
	default:
		// A CLOSE carries the full job body again (spec §4), so the location is required there too.
		se.add("location", msgRequired) // or countryCode and postalCode
	}
	if alts, ok := strList("alternateLocations"); ok {
		if len(alts) > 7 {
			se.add("alternateLocations", "at most 7 alternate locations, not %d", len(alts))
		}
		for i, a := range alts {
			parts, ok := splitLocation(a, in.Remote)
			if !ok {
				se.add(fmt.Sprintf("alternateLocations/%d", i), "%q is not a location", a)
				continue
			}
			in.AltLocations = append(in.AltLocations, parts)
			in.AltRaw = append(in.AltRaw, a)
		}
	}
	enum("employmentStatus", "FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP", "TEMPORARY", "VOLUNTEER", "OTHER")
	enum("experienceLevel", "ENTRY_LEVEL", "ASSOCIATE", "MID_SENIOR_LEVEL", "DIRECTOR", "EXECUTIVE", "INTERNSHIP", "NOT_APPLICABLE")
	if cats, ok := strList("categories"); ok && len(cats) > 3 {
		se.add("categories", "at most 3 job functions, not %d", len(cats))
	}
	if inds, ok := strList("industries"); ok {
		for i, s := range inds {
			if !industryURN.MatchString(s) {
				se.add(fmt.Sprintf("industries/%d", i), "%q is not an industry URN urn:li:industry:N", s)
			}
		}
	}
	if c, ok := str("contract", false); ok {
		if !contractURN.MatchString(c) {
			se.add("contract", "%q is not a contract URN urn:li:contract:N", c)
		}
		in.Contract = c
	}
	in.ListingType = "BASIC"
	if lt, ok := enum("listingType", "BASIC", "PREMIUM"); ok {
		in.ListingType = lt
	}
	if in.ListingType == "PREMIUM" && in.Contract == "" {
		se.add("contract", "field is required for a PREMIUM listing")
	}
	if av, ok := enum("availability", "PUBLIC", "PRIVATE_TO_ATS_INTEGRATION", "INTERNAL"); ok && av == "INTERNAL" && in.Contract == "" {
		se.add("contract", "field is required for INTERNAL availability")
	}
	if exp, ok := long("expireAt", false); ok {
		in.ExpireAt = exp
		switch {
		case exp <= now.UnixMilli():
			se.add("expireAt", "%d is not in the future", exp)
		case in.ListingType == "PREMIUM" && (exp < now.Add(day).UnixMilli() || exp > now.Add(90*day).UnixMilli()):
			se.add("expireAt", "a PREMIUM job must expire between 1 and 90 days from now")
		}
	}
	str("companyJobCode", false)
	if s, ok := str("skillsDescription", false); ok {
		lengthIn("skillsDescription", s, 0, 4000)
	}
	if s, ok := str("trackingPixelUrl", false); ok {
		absURL("trackingPixelUrl", s)
	}
	for _, f := range []string{"posterEmail", "requisitionOwnerEmail"} {
		if s, ok := str(f, false); ok && !emailRe.MatchString(s) {
			se.add(f, "%q is not an email address", s)
		}
	}
	str("requisitionOwnerFirstName", false)
	str("requisitionOwnerLastName", false)
	if v, ok := fields["accessRestricted"]; ok {
		if _, isBool := v.(bool); !isBool {
			se.add("accessRestricted", "%s is not a boolean", jsonText(v))
		}
	}
	if v, ok := fields["compensation"]; ok {
		if _, isObj := v.(map[string]any); !isObj {
			se.add("compensation", "%s is not a record", jsonText(v))
		}
	}
	if v, ok := fields["onsiteApplyConfiguration"]; ok {
		m, isObj := v.(map[string]any)
		if !isObj {
			se.add("onsiteApplyConfiguration", "%s is not a record", jsonText(v))
		} else {
			in.OnsiteApply = true
			if u, ok := m["jobApplicationWebhookUrl"].(string); ok {
				in.ApplyWebhook = u
			} else {
				se.add("onsiteApplyConfiguration/jobApplicationWebhookUrl", msgRequired)
			}
		}
	}
	if !se.empty() {
		return nil, se.b.String()
	}
	return in, ""
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

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
