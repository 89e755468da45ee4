package emulator

import (
	"encoding/json"
	"regexp"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// Integration statuses. LinkedIn names them without documenting the transitions; README's choices say
// which ones the emulator makes.
const (
	statusPending  = "PENDING_CONFIGURATION"
	statusEnabled  = "ENABLED"
	statusDisabled = "DISABLED"
)

// integrationType is one row of LinkedIn's table of integration types
// (https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types).
type integrationType struct {
	contract bool   // context is urn:li:contract:N (else urn:li:organization:N)
	tenant   string // RECRUITER or JOBS
}

var integrationTypes = map[string]integrationType{
	"APPLY_CONNECT": {false, "JOBS"}, "APPLY_WITH_LINKEDIN": {false, "JOBS"},
	"CSA_API": {true, "RECRUITER"}, "CRM_CSA_API": {true, "RECRUITER"}, "PREMIUM_JOB_POSTING": {true, "JOBS"},
	"IN_ATS_INDICATOR": {false, "RECRUITER"}, "ONE_CLICK_EXPORT": {false, "RECRUITER"},
	"PROFILE_PLUGIN": {false, "RECRUITER"}, "RECOMMENDED_MATCHES": {false, "RECRUITER"},
	"UNIFIED_SEARCH": {false, "RECRUITER"}, "CRM_ONE_CLICK_EXPORT": {false, "RECRUITER"},
	"IN_CRM_INDICATOR": {false, "RECRUITER"}, "CRM_PROFILE_PLUGIN": {false, "RECRUITER"},
}

var (
	orgURN      = regexp.MustCompile(`^urn:li:organization:[1-9][0-9]*$`)
	contractURN = regexp.MustCompile(`^urn:li:contract:[1-9][0-9]*$`)
)

// validateIntegrationKey checks the type/context/tenant combination: an unknown enum or a wrong
// combination is a per-key 422.
func validateIntegrationKey(ctx, typ, tenant string) *apiError {
	it, ok := integrationTypes[typ]
	if !ok {
		return errUnprocessable("ERROR :: /integrationType :: %q is not an enum symbol", typ)
	}
	if tenant != "RECRUITER" && tenant != "JOBS" {
		return errUnprocessable("ERROR :: /tenantType :: %q is not an enum symbol; should be RECRUITER or JOBS", tenant)
	}
	if tenant != it.tenant {
		return errUnprocessable("tenantType %s is not valid for integrationType %s (expected %s)", tenant, typ, it.tenant)
	}
	if it.contract && !contractURN.MatchString(ctx) {
		return errUnprocessable("integrationContext of a %s integration must be a contract URN urn:li:contract:N, not %q", typ, ctx)
	}
	if !it.contract && !orgURN.MatchString(ctx) {
		return errUnprocessable("integrationContext of a %s integration must be an organization URN urn:li:organization:N, not %q", typ, ctx)
	}
	return nil
}

func integrationKeyParts(k restli.Key) (ctx, typ, tenant string) {
	return k.Part("integrationContext"), k.Part("integrationType"), k.Part("tenantType")
}

// integrationFor returns the application's integration for a key, validating the key first.
func (c *call) integrationFor(ctx, typ, tenant string) (*integration, *apiError) {
	if err := validateIntegrationKey(ctx, typ, tenant); err != nil {
		return nil, err
	}
	in := c.e.st.Integrations[skey(c.app.URN, ctx, typ, tenant)]
	if in == nil {
		return nil, errNotFound("The integration " + typ + " for " + ctx + " (" + tenant + ") does not exist: the customer has not enabled it")
	}
	return in, nil
}

func (in *integration) entity() map[string]any {
	m := map[string]any{
		"integrationContext": in.Context,
		"integrationType":    in.Type,
		"tenantType":         in.Tenant,
		"status":             in.Status,
		"createdAt":          in.CreatedAt,
		"lastModifiedAt":     in.LastModifiedAt,
	}
	if in.Name != "" {
		m["integrationName"] = in.Name
	}
	return m
}

// integrationsCollection is /rest/integrations (legacy: /v2/atsIntegrations with dataProvider=ATS).
func integrationsCollection(legacy bool) *collection {
	ks := keySpec{parts: []string{"integrationContext", "integrationType", "tenantType"}}
	name := "integrations"
	if legacy {
		ks.fixed = map[string]string{"dataProvider": "ATS"}
		name = "atsIntegrations"
	}
	return &collection{
		name:    name,
		quota:   "integrations",
		methods: []string{"batch_get", "batch_partial_update"},
		key:     ks,
		get: func(c *call, k restli.Key) (any, *apiError) {
			in, err := c.integrationFor(integrationKeyParts(k))
			if err != nil {
				return nil, err
			}
			return in.entity(), nil
		},
		patch: func(c *call, k restli.Key, p patchBody) *apiError {
			in, err := c.integrationFor(integrationKeyParts(k))
			if err != nil {
				return err
			}
			name := in.Name
			for f, raw := range p.Patch.Set {
				if f != "integrationName" {
					return errUnprocessable("ERROR :: /%s :: field cannot be updated: only integrationName can be set", f)
				}
				if err := json.Unmarshal(raw, &name); err != nil {
					return errUnprocessable("ERROR :: /integrationName :: %s is not a string", raw)
				}
			}
			for _, f := range p.Patch.Delete {
				if f != "integrationName" {
					return errUnprocessable("ERROR :: /%s :: field cannot be deleted", f)
				}
				name = ""
			}
			if len(name) > 100 {
				return errUnprocessable("ERROR :: /integrationName :: length %d is out of range 0..100", len(name))
			}
			if name != in.Name {
				in.Name = name
				in.LastModifiedAt = c.e.now().UnixMilli()
			}
			return nil
		},
	}
}
