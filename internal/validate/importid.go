package validate

import (
	"fmt"
	"net/url"
	"strings"
)

// ImportID splits an import identifier made of len(names) parts separated by "/". Parts may be URL-encoded
// (urn%3Ali%3Aorganization%3A1); they are decoded. URNs contain ":" but never "/", so "/" is a safe separator.
// A part with surrounding whitespace is refused rather than trimmed, so that what is imported is exactly what
// was typed. The error names the expected format.
func ImportID(id string, names ...string) ([]string, error) {
	format := strings.Join(names, "/")
	if strings.TrimSpace(id) == "" {
		return nil, fmt.Errorf("expected an import ID of the form %s, got %q, which is empty or only whitespace", format, id)
	}
	raw := strings.Split(id, "/")
	if len(raw) != len(names) {
		return nil, fmt.Errorf("expected an import ID of the form %s (%d parts separated by \"/\"), got %q with %d part(s)",
			format, len(names), id, len(raw))
	}
	parts := make([]string, len(raw))
	for i, p := range raw {
		dec, err := url.PathUnescape(p)
		if err != nil {
			return nil, fmt.Errorf("import ID %q: %s is not correctly URL-encoded: %v", id, names[i], err)
		}
		if strings.TrimSpace(dec) == "" {
			return nil, fmt.Errorf("import ID %q of the form %s: %s is empty", id, format, names[i])
		}
		if err := Line(dec); err != nil {
			return nil, fmt.Errorf("import ID %q of the form %s: %s %w", id, format, names[i], err)
		}
		parts[i] = dec
	}
	return parts, nil
}

// JoinID is the inverse of ImportID for parts that contain no "/".
func JoinID(parts ...string) string { return strings.Join(parts, "/") }

// IntegrationKeyParts checks the parts of an integration key (from an import ID) with the rules the schema applies to
// integration_context, integration_type and tenant_type, so that a malformed import ID never reaches LinkedIn.
func IntegrationKeyParts(integrationContext, integrationType, tenantType string) error {
	if _, ok := LookupIntegrationType(integrationType); !ok {
		return fmt.Errorf("integration type %q is not one of %s", integrationType, strings.Join(IntegrationTypeNames(), ", "))
	}
	if err := IntegrationContext(integrationContext); err != nil {
		return fmt.Errorf("integration context %w", err)
	}
	if err := ContextForType(integrationType, integrationContext); err != nil {
		return err
	}
	return TenantForType(integrationType, tenantType)
}

// ConfigurationKeyParts checks the parts of an integration configuration key (from an import ID) with the schema's
// rules, including that the configuration exists for the integration type.
func ConfigurationKeyParts(integrationContext, integrationType, tenantType, name string) error {
	if err := IntegrationKeyParts(integrationContext, integrationType, tenantType); err != nil {
		return err
	}
	if _, ok := LookupConfiguration(name); !ok {
		return fmt.Errorf("configuration name %q is not one of %s", name, strings.Join(ConfigurationNames(), ", "))
	}
	return ConfigurationForType(integrationType, name)
}

// SingleImportID checks an import ID that is one attribute's value as is (a unique_foreign_id, an
// external_job_posting_id): the attribute's own rule, applied before LinkedIn is called, so that a typo never
// reaches the API (where it would only come back as "Cannot import non-existent remote object").
func SingleImportID(id, attribute string, rule func(string) error) error {
	if err := rule(id); err != nil {
		return fmt.Errorf("import ID %q sets %s, which %w", id, attribute, err)
	}
	return nil
}
