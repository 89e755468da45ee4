// Package validate holds the pure rules of LinkedIn's partner APIs that the provider checks at plan time: URN
// formats, integration types and their tenants, configuration keys and their values, the import identifiers of
// the provider's resources, the text and the URLs sent to LinkedIn, and the API version. Each rule lives here
// once; the provider only adapts them to attributes. Nothing here calls LinkedIn.
package validate

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Tenant types.
const (
	TenantRecruiter = "RECRUITER"
	TenantJobs      = "JOBS"
)

// Kinds of integration context.
const (
	ContextOrganization = "organization"
	ContextContract     = "contract"
)

// Configuration names and the only value the viewers keys accept.
const (
	ConfigCallbackURL        = "CALLBACK_URL"
	ConfigJobPostingViewers  = "JOB_POSTING_VIEWERS"
	ConfigApplicationViewers = "APPLICATION_VIEWERS"
	AllProductUsers          = "ALL_PRODUCT_USERS"
)

// IntegrationType describes one integration type: the kind of URN its context is and its tenant type.
type IntegrationType struct {
	Name        string
	ContextKind string // ContextOrganization or ContextContract
	TenantType  string // TenantRecruiter or TenantJobs
}

// integrationTypes is LinkedIn's table of integration types
// (https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types), plus
// PREMIUM_JOB_POSTING, the integration of promoted (Premium) job postings, whose context is a contract.
var integrationTypes = map[string]IntegrationType{}

func init() {
	add := func(kind, tenant string, names ...string) {
		for _, n := range names {
			integrationTypes[n] = IntegrationType{Name: n, ContextKind: kind, TenantType: tenant}
		}
	}
	add(ContextOrganization, TenantJobs, "APPLY_CONNECT", "APPLY_WITH_LINKEDIN")
	add(ContextContract, TenantRecruiter, "CSA_API", "CRM_CSA_API")
	add(ContextContract, TenantJobs, "PREMIUM_JOB_POSTING")
	add(ContextOrganization, TenantRecruiter, "IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN",
		"RECOMMENDED_MATCHES", "UNIFIED_SEARCH", "CRM_ONE_CLICK_EXPORT", "IN_CRM_INDICATOR", "CRM_PROFILE_PLUGIN")
}

// ConfigurationKey describes one integration configuration key (same page as integrationTypes).
type ConfigurationKey struct {
	Name             string
	IntegrationTypes []string
	// Deletable is false for keys LinkedIn keeps once set (CALLBACK_URL).
	Deletable bool
}

var configurationKeys = map[string]ConfigurationKey{
	ConfigCallbackURL:        {Name: ConfigCallbackURL, IntegrationTypes: []string{"ONE_CLICK_EXPORT", "CRM_ONE_CLICK_EXPORT"}},
	ConfigJobPostingViewers:  {Name: ConfigJobPostingViewers, IntegrationTypes: []string{"ONE_CLICK_EXPORT"}, Deletable: true},
	ConfigApplicationViewers: {Name: ConfigApplicationViewers, IntegrationTypes: []string{"IN_ATS_INDICATOR", "IN_CRM_INDICATOR"}, Deletable: true},
}

// IntegrationTypeNames returns every known integration type, sorted.
func IntegrationTypeNames() []string { return slices.Sorted(maps.Keys(integrationTypes)) }

// ConfigurationNames returns every known configuration name, sorted.
func ConfigurationNames() []string { return slices.Sorted(maps.Keys(configurationKeys)) }

// TenantTypes returns the tenant types, sorted.
func TenantTypes() []string { return []string{TenantJobs, TenantRecruiter} }

// LookupIntegrationType returns the rules of an integration type.
func LookupIntegrationType(name string) (IntegrationType, bool) {
	t, ok := integrationTypes[name]
	return t, ok
}

// LookupConfiguration returns the rules of a configuration name.
func LookupConfiguration(name string) (ConfigurationKey, bool) {
	k, ok := configurationKeys[name]
	return k, ok
}

// DefaultTenantType is the tenant type LinkedIn uses for an integration type ("" when the type is unknown).
func DefaultTenantType(integrationType string) string {
	return integrationTypes[integrationType].TenantType
}

var (
	organizationURN = urnPattern("organization")
	contractURN     = urnPattern("contract")
)

// urnPattern matches urn:li:<kind>:<id>, where id is a positive integer without leading zeros: LinkedIn's
// numeric ids start at 1, and "urn:li:organization:0" or "urn:li:organization:01" name no organization.
func urnPattern(kind string) *regexp.Regexp {
	return regexp.MustCompile(`^urn:li:` + regexp.QuoteMeta(kind) + `:[1-9][0-9]*$`)
}

var urnPatterns = map[string]*regexp.Regexp{
	"organization": organizationURN,
	"contract":     contractURN,
	"industry":     urnPattern("industry"),
}

// URN checks a LinkedIn URN of a numeric entity: urn:li:<kind>:<id> with a positive id without leading zeros.
// kind is organization, contract or industry.
func URN(kind, s string) error {
	re, ok := urnPatterns[kind]
	if !ok {
		re = urnPattern(kind)
	}
	if re.MatchString(s) {
		return nil
	}
	return fmt.Errorf("must be a LinkedIn URN of the form urn:li:%s:<number>, where <number> is a positive integer "+
		"without leading zeros (for example urn:li:%s:1000), got %q", kind, kind, s)
}

// OrganizationURN checks urn:li:organization:<id>, the one rule for every attribute that names an organization.
func OrganizationURN(s string) error { return URN("organization", s) }

// ContractURN checks urn:li:contract:<id>.
func ContractURN(s string) error { return URN("contract", s) }

// ContextKind returns ContextOrganization or ContextContract for a well-formed integration context URN, or "".
func ContextKind(urn string) string {
	switch {
	case organizationURN.MatchString(urn):
		return ContextOrganization
	case contractURN.MatchString(urn):
		return ContextContract
	}
	return ""
}

// IntegrationContext checks the form of an integration context on its own.
func IntegrationContext(urn string) error {
	if ContextKind(urn) == "" {
		return fmt.Errorf("must be an organization URN (urn:li:organization:<number>) or a contract URN (urn:li:contract:<number>), "+
			"where <number> is a positive integer without leading zeros, got %q", urn)
	}
	return nil
}

// ContextForType checks that an integration context has the URN form the integration type needs.
func ContextForType(integrationType, urn string) error {
	t, ok := integrationTypes[integrationType]
	if !ok {
		return nil // reported by the type's own check
	}
	if ContextKind(urn) == t.ContextKind {
		return nil
	}
	article := "a"
	if t.ContextKind == ContextOrganization {
		article = "an"
	}
	return fmt.Errorf("integration type %s needs %s %s URN (urn:li:%s:<number>) as integration_context, got %q",
		integrationType, article, t.ContextKind, t.ContextKind, urn)
}

// TenantForType checks that a tenant type is the one LinkedIn uses for the integration type.
func TenantForType(integrationType, tenant string) error {
	t, ok := integrationTypes[integrationType]
	if !ok || t.TenantType == tenant {
		return nil
	}
	return fmt.Errorf("integration type %s uses tenant type %s, got %q (leave tenant_type unset to use the default)",
		integrationType, t.TenantType, tenant)
}

// ConfigurationForType checks that a configuration name exists for the integration type.
func ConfigurationForType(integrationType, name string) error {
	k, ok := configurationKeys[name]
	if !ok {
		return nil // reported by the name's own check
	}
	for _, it := range k.IntegrationTypes {
		if it == integrationType {
			return nil
		}
	}
	return fmt.Errorf("configuration %s is not defined for integration type %s; it exists only for %s",
		name, integrationType, strings.Join(k.IntegrationTypes, ", "))
}

// ConfigurationValue checks a configuration value against its name's rule.
func ConfigurationValue(name, value string) error {
	switch name {
	case ConfigCallbackURL:
		if err := HTTPSURL(value); err != nil {
			return fmt.Errorf("%s %w", name, err)
		}
	case ConfigJobPostingViewers, ConfigApplicationViewers:
		if value != AllProductUsers {
			return fmt.Errorf("%s accepts only %q, got %q", name, AllProductUsers, value)
		}
	}
	return nil
}

// ApplicationName checks a child application's name: one line of text (Line), at most 50 characters and not
// containing "LinkedIn" (compared case-insensitively: LinkedIn reserves its brand).
func ApplicationName(s string) error {
	if err := Line(s); err != nil {
		return err
	}
	if n := len([]rune(s)); n == 0 || n > 50 {
		return fmt.Errorf("must be 1 to 50 characters long, got %d", n)
	}
	if strings.Contains(strings.ToLower(s), "linkedin") {
		return fmt.Errorf("must not contain %q, got %q", "LinkedIn", s)
	}
	return nil
}
