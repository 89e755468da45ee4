package provider

import (
	"context"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Plan-time validation of job posting fields (spec §4). Every message names the attribute and the rule.

var (
	jpOrganizationURNPattern = regexp.MustCompile(`^urn:li:organization:[0-9]+$`)
	jpContractURNPattern     = regexp.MustCompile(`^urn:li:contract:[0-9]+$`)
	jpIndustryURNPattern     = regexp.MustCompile(`^urn:li:industry:[0-9]+$`)
	jpCountryCodePattern     = regexp.MustCompile(`^[A-Z]{2}$`)
	jpPostalCodePattern      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$`)
	jpCurrencyCodePattern    = regexp.MustCompile(`^[A-Z]{3}$`)
	jpAmountPattern          = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,2})?$`)
	jpJobFunctionPattern     = regexp.MustCompile(`^[a-z0-9_]{1,50}$`)
	jpCompensationTypeRe     = regexp.MustCompile(`^[A-Z][A-Z_]*$`)
)

// Enumerations.
var (
	jobStates             = []string{jobStateListed, jobStateClosed}
	jpEmploymentStatuses  = []string{"FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP", "TEMPORARY", "VOLUNTEER", "OTHER"}
	jpExperienceLevels    = []string{"ENTRY_LEVEL", "ASSOCIATE", "MID_SENIOR_LEVEL", "DIRECTOR", "EXECUTIVE", "INTERNSHIP", "NOT_APPLICABLE"}
	jpWorkplaceTypes      = []string{"On-site", "Hybrid", "Remote"}
	jpListingTypes        = []string{"BASIC", "PREMIUM"}
	jpAvailabilities      = []string{"PUBLIC", "PRIVATE_TO_ATS_INTEGRATION", "INTERNAL"}
	jpCompensationPeriods = []string{"YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"}
)

// Limits.
const (
	jpMaxExternalIDLength      = 75
	jpMaxTitleLength           = 200
	jpMinDescriptionLength     = 100
	jpMaxDescriptionLength     = 25000
	jpMaxSkillsDescriptionLen  = 4000
	jpMaxAlternateLocations    = 7
	jpMaxCategories            = 3
	jpPremiumMinDays           = 1
	jpPremiumMaxDays           = 90
	jpMaxCompanyJobCodeLength  = 75
	jpMaxRequisitionNameLength = 100
	jpMaxCompanyNameLength     = 200
)

// jpStringCheck is a string validator made from a function returning a problem ("" = fine).
type jpStringCheck struct {
	desc  string
	check func(path.Path, string) string
}

func (v jpStringCheck) Description(context.Context) string         { return v.desc }
func (v jpStringCheck) MarkdownDescription(context.Context) string { return v.desc }
func (v jpStringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.check(req.Path, req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+jpAttrName(req.Path), msg)
	}
}

// jpAttrName is the attribute's name for messages: "compensation[0].currency_code".
func jpAttrName(p path.Path) string { return p.String() }

// jpUrnValidator requires urn:li:<kind>:<digits>.
func jpUrnValidator(kind string, re *regexp.Regexp) validator.String {
	return jpStringCheck{
		desc: fmt.Sprintf("must be a LinkedIn URN of the form urn:li:%s:<number>", kind),
		check: func(p path.Path, s string) string {
			if re.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("Attribute %s must be a LinkedIn URN of the form urn:li:%s:<number> (for example urn:li:%s:1000), got %q.", jpAttrName(p), kind, kind, s)
		},
	}
}

// jpHttpURLValidator requires an absolute http or https URL.
func jpHttpURLValidator() validator.String {
	return jpStringCheck{
		desc: "must be an absolute http:// or https:// URL",
		check: func(p path.Path, s string) string {
			if jpCheckHTTPURL(s) {
				return ""
			}
			return fmt.Sprintf("Attribute %s must be an absolute http:// or https:// URL with a host (for example https://careers.example.com/jobs/123), got %q.", jpAttrName(p), s)
		},
	}
}

func jpCheckHTTPURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

// jpEmailValidator requires a bare e-mail address.
func jpEmailValidator() validator.String {
	return jpStringCheck{
		desc: "must be an e-mail address",
		check: func(p path.Path, s string) string {
			a, err := mail.ParseAddress(s)
			if err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
				return ""
			}
			return fmt.Sprintf("Attribute %s must be a plain e-mail address such as recruiter@example.com, got %q.", jpAttrName(p), s)
		},
	}
}

// jpCheckLocation validates one location string; it returns the number of comma-separated parts and a
// problem ("" = fine). Valid forms: "City, State", "City, Country", "City, State, Country",
// "PostalCode, CountryCode", and "Country" alone (remote jobs only, checked elsewhere).
func jpCheckLocation(s string) (int, string) {
	if strings.TrimSpace(s) != s || s == "" {
		return 0, "must not be empty or start or end with spaces"
	}
	parts := strings.Split(s, ",")
	if len(parts) > 3 {
		return len(parts), "has more than three comma-separated parts"
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			return len(parts), "has an empty part between commas"
		}
		if !strings.ContainsFunc(part, func(r rune) bool { return r != ' ' && r != '-' && r != '.' && r != '\'' }) {
			return len(parts), fmt.Sprintf("has a part %q with no letters or digits", part)
		}
	}
	return len(parts), ""
}

const jpLocationFormats = `"City, State", "City, Country", "City, State, Country" or "PostalCode, CountryCode" (for example "Mountain View, CA" or "94043, US"); a country alone is allowed only for remote jobs`

// jpLocationValidator checks the location format. allowCountryOnly is false for alternate locations.
func jpLocationValidator(allowCountryOnly bool) validator.String {
	return jpStringCheck{
		desc: "must be one of " + jpLocationFormats,
		check: func(p path.Path, s string) string {
			n, problem := jpCheckLocation(s)
			if problem == "" && n == 1 && !allowCountryOnly {
				problem = "is a single name: a country alone is allowed only as the main location of a remote job"
			}
			if problem == "" {
				return ""
			}
			return fmt.Sprintf("Attribute %s %s. A location must be one of %s; got %q.", jpAttrName(p), problem, jpLocationFormats, s)
		},
	}
}

// jpTimestampValidator requires RFC 3339; notInFuture additionally rejects instants after now.
func jpTimestampValidator(notInFuture bool, now func() time.Time) validator.String {
	desc := "must be an RFC 3339 timestamp"
	if notInFuture {
		desc += " not in the future"
	}
	return jpStringCheck{
		desc: desc,
		check: func(p path.Path, s string) string {
			t, err := jpParseTime(s)
			if err != nil {
				return fmt.Sprintf("Attribute %s must be an RFC 3339 timestamp such as 2026-11-01T09:00:00Z (LinkedIn receives it as epoch milliseconds UTC), got %q.", jpAttrName(p), s)
			}
			if notInFuture && t.After(now()) {
				return fmt.Sprintf("Attribute %s must not be in the future: LinkedIn rejects a listedAt after the time of the request, got %s (now is %s).", jpAttrName(p), s, now().UTC().Format(time.RFC3339))
			}
			return ""
		},
	}
}

// jpRegexCheck is a regex validator with a message naming the attribute.
func jpRegexCheck(re *regexp.Regexp, rule string) validator.String {
	return jpStringCheck{
		desc: rule,
		check: func(p path.Path, s string) string {
			if re.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("Attribute %s %s, got %q.", jpAttrName(p), rule, s)
		},
	}
}

// jpNoSurroundingSpace rejects leading or trailing whitespace (LinkedIn trims; the state would not match).
func jpNoSurroundingSpace() validator.String {
	return jpStringCheck{
		desc: "must not start or end with whitespace",
		check: func(p path.Path, s string) string {
			if strings.TrimSpace(s) == s {
				return ""
			}
			return fmt.Sprintf("Attribute %s must not start or end with whitespace, got %q.", jpAttrName(p), s)
		},
	}
}

func jpEqualFold(a, b string) bool { return strings.EqualFold(a, b) }

func jpContainsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// jpParseAmount parses a decimal amount in cents.
func jpParseAmount(s string) (int64, bool) {
	if !jpAmountPattern.MatchString(s) {
		return 0, false
	}
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	var v int64
	for _, r := range whole + frac {
		v = v*10 + int64(r-'0')
		if v > 1<<55 {
			return 0, false
		}
	}
	return v, true
}
