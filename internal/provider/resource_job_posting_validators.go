package provider

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// Plan-time validation of job posting fields, by LinkedIn's field rules
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-posting-api-schema). Every message
// names the attribute and the rule.

var (
	countryCodePattern      = regexp.MustCompile(`^[A-Z]{2}$`)
	postalCodePattern       = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$`)
	currencyCodePattern     = regexp.MustCompile(`^[A-Z]{3}$`)
	amountPattern           = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,2})?$`)
	jobFunctionPattern      = regexp.MustCompile(`^[a-z0-9_]{1,50}$`)
	compensationTypePattern = regexp.MustCompile(`^[A-Z][A-Z_]*$`)
)

// Enumerations.
var (
	jobStates           = []string{jobStateListed, jobStateClosed}
	employmentStatuses  = []string{"FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP", "TEMPORARY", "VOLUNTEER", "OTHER"}
	experienceLevels    = []string{"ENTRY_LEVEL", "ASSOCIATE", "MID_SENIOR_LEVEL", "DIRECTOR", "EXECUTIVE", "INTERNSHIP", "NOT_APPLICABLE"}
	workplaceTypes      = []string{"On-site", "Hybrid", "Remote"}
	listingTypes        = []string{"BASIC", "PREMIUM"}
	availabilities      = []string{"PUBLIC", "PRIVATE_TO_ATS_INTEGRATION", "INTERNAL"}
	compensationPeriods = []string{"YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"}
)

// Limits.
const (
	maxExternalIDLength        = 75
	maxTitleLength             = 200
	minDescriptionLength       = 100
	maxDescriptionLength       = 25000
	maxSkillsDescriptionLength = 4000
	maxAlternateLocations      = 7
	maxCategories              = 3
	premiumMinDaysAhead        = 1
	premiumMaxDaysAhead        = 90
	maxCompanyJobCodeLength    = 75
	maxRequisitionNameLength   = 100
	maxCompanyNameLength       = 200
)

// urnValidator requires urn:li:<kind>:<id> (the one URN rule of package validate).
func urnValidator(kind string) validator.String {
	return ruleValidator(fmt.Sprintf("must be a LinkedIn URN of the form urn:li:%s:<number>", kind),
		func(s string) error { return validate.URN(kind, s) })
}

// companyPageURLValidator requires https://www.linkedin.com/company/<name-or-id>.
func companyPageURLValidator() validator.String {
	return ruleValidator("a LinkedIn company page URL, https://www.linkedin.com/company/<name-or-id>", validate.CompanyPageURL)
}

// emailValidator requires a bare e-mail address.
func emailValidator() validator.String {
	return ruleValidator("must be an e-mail address", func(s string) error {
		a, err := mail.ParseAddress(s)
		if err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
			return nil
		}
		return fmt.Errorf("must be a plain e-mail address such as recruiter@example.com, got %q", s)
	})
}

// checkLocation validates one location string; it returns the number of comma-separated parts and a
// problem ("" = fine). Valid forms: "City, State", "City, Country", "City, State, Country",
// "PostalCode, CountryCode", and "Country" alone (remote jobs only, checked elsewhere).
func checkLocation(s string) (int, string) {
	if err := validate.Line(s); err != nil {
		return 0, err.Error()
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

const locationFormats = `"City, State", "City, Country", "City, State, Country" or "PostalCode, CountryCode" (for example "Mountain View, CA" or "94043, US"); a country alone is allowed only for remote jobs`

// locationValidator checks the location format. allowCountryOnly is false for alternate locations.
func locationValidator(allowCountryOnly bool) validator.String {
	return ruleValidator("must be one of "+locationFormats, func(s string) error {
		n, problem := checkLocation(s)
		if problem == "" && n == 1 && !allowCountryOnly {
			problem = "is a single name: a country alone is allowed only as the main location of a remote job"
		}
		if problem == "" {
			return nil
		}
		return fmt.Errorf("%s. A location must be one of %s; got %q", problem, locationFormats, s)
	})
}

// timestampValidator requires RFC 3339; notInFuture additionally rejects instants after now.
func timestampValidator(notInFuture bool, now func() time.Time) validator.String {
	desc := "must be an RFC 3339 timestamp"
	if notInFuture {
		desc += " not in the future"
	}
	return ruleValidator(desc, func(s string) error {
		t, err := parseTimestamp(s)
		if err != nil {
			return fmt.Errorf("must be an RFC 3339 timestamp such as 2026-11-01T09:00:00Z (LinkedIn receives it as epoch milliseconds UTC), got %q", s)
		}
		if notInFuture && t.After(now()) {
			return fmt.Errorf("must not be in the future: LinkedIn rejects a listedAt after the time of the request, got %s (now is %s)", s, now().UTC().Format(time.RFC3339))
		}
		return nil
	})
}

// patternValidator is a regex validator with a message naming the attribute.
func patternValidator(re *regexp.Regexp, rule string) validator.String {
	return ruleValidator(rule, func(s string) error {
		if re.MatchString(s) {
			return nil
		}
		return fmt.Errorf("%s, got %q", rule, s)
	})
}

// parseAmountCents parses a decimal amount in cents.
func parseAmountCents(s string) (int64, bool) {
	if !amountPattern.MatchString(s) {
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

// validateJobPostingConfig checks the rules that involve several attributes. Values not known yet are
// skipped; Terraform validates again once they are.
func validateJobPostingConfig(ctx context.Context, m *jobPostingModel, diags *diag.Diagnostics) {
	validateCompany(m, diags)
	validateLocationForm(m, diags)
	validateCountryOnlyLocations(ctx, m, diags)
	validateContract(m, diags)
	validateExpireAt(m, diags)
	validateCompensationRanges(ctx, m, diags)
	validateOnsiteApply(ctx, m, diags)
}

// validateCompany requires one way of naming the company.
func validateCompany(m *jobPostingModel, diags *diag.Diagnostics) {
	if m.IntegrationContext.IsNull() && m.CompanyName.IsNull() && m.CompanyPageURL.IsNull() {
		diags.AddAttributeError(path.Root("integration_context"), "Missing company",
			"One of integration_context (urn:li:organization:N, required by Recruiter System Connect), company_name or company_page_url must be set.")
	}
}

// validateLocationForm requires either location or country_code with postal_code.
func validateLocationForm(m *jobPostingModel, diags *diag.Diagnostics) {
	if m.Location.IsUnknown() || m.CountryCode.IsUnknown() || m.PostalCode.IsUnknown() {
		return
	}
	switch {
	case !m.Location.IsNull() && (!m.CountryCode.IsNull() || !m.PostalCode.IsNull()):
		diags.AddAttributeError(path.Root("location"), "Conflicting location",
			"Attribute location cannot be combined with country_code and postal_code: LinkedIn takes either a location or a country code with a postal code.")
	case m.Location.IsNull() && m.CountryCode.IsNull() && m.PostalCode.IsNull():
		diags.AddAttributeError(path.Root("location"), "Missing location",
			"Attribute location is required unless country_code and postal_code are both set.")
	case m.Location.IsNull() && m.CountryCode.IsNull():
		diags.AddAttributeError(path.Root("country_code"), "Missing country_code",
			"Attribute country_code is required with postal_code when location is not set.")
	case m.Location.IsNull() && m.PostalCode.IsNull():
		diags.AddAttributeError(path.Root("postal_code"), "Missing postal_code",
			"Attribute postal_code is required with country_code when location is not set.")
	}
}

// validateCountryOnlyLocations allows a country alone (as location or alternate location) only for remote jobs.
func validateCountryOnlyLocations(ctx context.Context, m *jobPostingModel, diags *diag.Diagnostics) {
	if m.WorkplaceType.IsUnknown() || m.AlternateLocations.IsUnknown() {
		return
	}
	var alts []types.String
	remote := strings.EqualFold(m.WorkplaceType.ValueString(), "Remote")
	check := func(p path.Path, name, loc string) {
		if n, problem := checkLocation(loc); problem == "" && n == 1 && !remote {
			diags.AddAttributeError(p, "Location needs a city",
				fmt.Sprintf("Attribute %s %q is a single name: a country alone is allowed only for remote jobs (workplace_type = \"Remote\"). Otherwise use one of %s.",
					name, loc, locationFormats))
		}
	}
	if known(m.Location) {
		check(path.Root("location"), "location", m.Location.ValueString())
	}
	if !m.AlternateLocations.IsNull() {
		diags.Append(m.AlternateLocations.ElementsAs(ctx, &alts, true)...)
		for i, a := range alts {
			if known(a) {
				check(path.Root("alternate_locations").AtListIndex(i), fmt.Sprintf("alternate_locations[%d]", i), a.ValueString())
			}
		}
	}
}

// validateContract requires a contract for premium and internal jobs.
func validateContract(m *jobPostingModel, diags *diag.Diagnostics) {
	if known(m.ListingType) && m.ListingType.ValueString() == "PREMIUM" && m.Contract.IsNull() {
		diags.AddAttributeError(path.Root("contract"), "Missing contract",
			"Attribute contract (urn:li:contract:N) is required when listing_type is PREMIUM: premium jobs are posted against the customer's Recruiter contract.")
	}
	if known(m.Availability) && m.Availability.ValueString() == "INTERNAL" && m.Contract.IsNull() {
		diags.AddAttributeError(path.Root("contract"), "Missing contract",
			"Attribute contract (urn:li:contract:N) is required when availability is INTERNAL.")
	}
}

// validateExpireAt keeps expire_at apart from renewal_trigger, and after listed_at.
func validateExpireAt(m *jobPostingModel, diags *diag.Diagnostics) {
	if !m.ExpireAt.IsNull() && !m.RenewalTrigger.IsNull() {
		diags.AddAttributeError(path.Root("renewal_trigger"), "Conflicting renewal_trigger",
			"Attribute renewal_trigger cannot be combined with expire_at: a renewal extends expire_at by 30 days, which the configured expire_at would undo. Remove expire_at to renew, or change expire_at instead of renewing.")
	}
	if known(m.ExpireAt) && known(m.ListedAt) {
		e, err1 := parseTimestamp(m.ExpireAt.ValueString())
		l, err2 := parseTimestamp(m.ListedAt.ValueString())
		if err1 == nil && err2 == nil && !e.After(l) {
			diags.AddAttributeError(path.Root("expire_at"), "Invalid expire_at",
				fmt.Sprintf("Attribute expire_at (%s) must be after listed_at (%s).", m.ExpireAt.ValueString(), m.ListedAt.ValueString()))
		}
	}
}

// validateCompensationRanges requires min_amount <= max_amount in every range.
func validateCompensationRanges(ctx context.Context, m *jobPostingModel, diags *diag.Diagnostics) {
	if known(m.Compensation) {
		var comps []compensationModel
		diags.Append(m.Compensation.ElementsAs(ctx, &comps, true)...)
		for i, c := range comps {
			if !known(c.MinAmount) || !known(c.MaxAmount) {
				continue
			}
			lo, ok1 := parseAmountCents(amountText(c.MinAmount))
			hi, ok2 := parseAmountCents(amountText(c.MaxAmount))
			if ok1 && ok2 && lo > hi {
				diags.AddAttributeError(path.Root("compensation").AtListIndex(i).AtName("max_amount"), "Invalid compensation range",
					fmt.Sprintf("Attribute compensation[%d].max_amount (%s) must not be below min_amount (%s).", i, amountText(c.MaxAmount), amountText(c.MinAmount)))
			}
		}
	}
}

// amountText writes a known amount as the exact decimal the configuration holds (Terraform numbers are
// arbitrary-precision decimals: 42.50 reads back as 42.5), as LinkedIn's amount strings take it.
func amountText(n types.Number) string {
	if !known(n) {
		return ""
	}
	return n.ValueBigFloat().Text('f', -1)
}

// amountValidator requires a non-negative amount with at most two decimals.
type amountValidator struct{}

func (amountValidator) Description(context.Context) string {
	return "a non-negative amount with at most two decimals"
}

func (v amountValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (amountValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if !known(req.ConfigValue) {
		return
	}
	text := amountText(req.ConfigValue)
	if _, ok := parseAmountCents(text); !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid amount",
			fmt.Sprintf("Attribute %s must be a non-negative amount with at most two decimals, such as 95000 or 42.50, got %s.", req.Path, text))
	}
}
