package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// configKey describes one configuration name of spec §3.
type configKey struct {
	types     []string
	deletable bool
	check     func(v string) *apiError
}

const allProductUsers = "ALL_PRODUCT_USERS"

func onlyAllProductUsers(name string) func(string) *apiError {
	return func(v string) *apiError {
		if v != allProductUsers {
			return errUnprocessable("Invalid value %q for %s: the only valid value is %s", v, name, allProductUsers)
		}
		return nil
	}
}

var configKeys = map[string]configKey{
	"CALLBACK_URL": {types: []string{"ONE_CLICK_EXPORT", "CRM_ONE_CLICK_EXPORT"}, check: func(v string) *apiError {
		u, err := url.Parse(v)
		if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
			return errUnprocessable("Invalid value %q for CALLBACK_URL: it must be an absolute HTTPS URL", v)
		}
		return nil
	}},
	"JOB_POSTING_VIEWERS": {types: []string{"ONE_CLICK_EXPORT"}, deletable: true, check: onlyAllProductUsers("JOB_POSTING_VIEWERS")},
	// [choice] APPLICATION_VIEWERS belongs to IN_ATS_INDICATOR (seed 000) and IN_CRM_INDICATOR.
	"APPLICATION_VIEWERS": {types: []string{"IN_ATS_INDICATOR", "IN_CRM_INDICATOR"}, deletable: true, check: onlyAllProductUsers("APPLICATION_VIEWERS")},
}

// configTarget resolves a configuration key to its integration, validating what can be validated per key.
func (c *call) configTarget(ctx, typ, tenant, name string) (*integration, configKey, *apiError) {
	in, err := c.integrationFor(ctx, typ, tenant)
	if err != nil {
		return nil, configKey{}, err
	}
	ck, ok := configKeys[name]
	if !ok || !slices.Contains(ck.types, typ) {
		return nil, configKey{}, errUnprocessable("Invalid configuration name %q for integration type %s", name, typ)
	}
	return in, ck, nil
}

func configStoreKey(app, ctx, typ, tenant, name string) string {
	return skey(app, ctx, typ, tenant, name)
}

// configurationsCollection serves /rest/integrationConfigurations (compound key with configurationName) and,
// legacy, /v2/atsIntegrations/{integrationKey}/configurations (simple key: the configuration name).
func configurationsCollection(legacy bool) *collection {
	co := &collection{
		name:    "integrationConfigurations",
		quota:   "configurations",
		methods: []string{"batch_get", "batch_update", "batch_delete"},
		key:     keySpec{parts: []string{"configurationName", "integrationContext", "integrationType", "tenantType"}},
	}
	// resolve returns the five coordinates of a configuration whatever the resource flavour.
	resolve := func(c *call, k restli.Key) (ctx, typ, tenant, name string) {
		if legacy {
			ctx, typ, tenant = integrationKeyParts(c.parentKeyValue)
			return ctx, typ, tenant, k.Simple()
		}
		ctx, typ, tenant = integrationKeyParts(k)
		return ctx, typ, tenant, k.Part("configurationName")
	}
	if legacy {
		co.name = "atsIntegrations"
		co.key = keySpec{}
	}
	co.get = func(c *call, k restli.Key) (any, *apiError) {
		ctx, typ, tenant, name := resolve(c, k)
		if _, _, err := c.configTarget(ctx, typ, tenant, name); err != nil {
			return nil, err
		}
		v := c.e.st.Configs[configStoreKey(c.app.URN, ctx, typ, tenant, name)]
		if v == nil {
			return nil, errNotFound("The configuration " + name + " is not set")
		}
		return map[string]any{"configurationValue": map[string]string{"string": v.Value}}, nil
	}
	co.update = func(c *call, k restli.Key, entity json.RawMessage) *apiError {
		ctx, typ, tenant, name := resolve(c, k)
		in, ck, err := c.configTarget(ctx, typ, tenant, name)
		if err != nil {
			return err
		}
		value, err := readConfigValue(entity)
		if err != nil {
			return err
		}
		if err := ck.check(value); err != nil {
			return err
		}
		st := c.e.st
		if name == "CALLBACK_URL" {
			// [choice] a callback URL is unique per customer: another integration context of the same child
			// application may not use it (409).
			for sk, other := range st.Configs {
				p := strings.Split(sk, "\x1f")
				if p[0] == c.app.URN && p[4] == "CALLBACK_URL" && p[1] != ctx && other.Value == value {
					return errf(http.StatusConflict, "CONFLICT", "The CALLBACK_URL %s is already used by the integration context %s", value, p[1])
				}
			}
		}
		st.Configs[configStoreKey(c.app.URN, ctx, typ, tenant, name)] = &configuration{Value: value}
		in.LastModifiedAt = c.e.now().UnixMilli()
		if name == "CALLBACK_URL" && in.Status == statusPending {
			// [choice] the required configuration is there: the integration becomes ENABLED.
			in.Status = statusEnabled
		}
		return nil
	}
	co.remove = func(c *call, k restli.Key) *apiError {
		ctx, typ, tenant, name := resolve(c, k)
		in, ck, err := c.configTarget(ctx, typ, tenant, name)
		if err != nil {
			return err
		}
		sk := configStoreKey(c.app.URN, ctx, typ, tenant, name)
		if c.e.st.Configs[sk] == nil {
			return errNotFound("The configuration " + name + " is not set")
		}
		if !ck.deletable {
			return errf(http.StatusBadRequest, "CONFIGURATION_NOT_DELETABLE",
				"The configuration %s cannot be deleted: only JOB_POSTING_VIEWERS and APPLICATION_VIEWERS can", name)
		}
		delete(c.e.st.Configs, sk)
		in.LastModifiedAt = c.e.now().UnixMilli()
		return nil
	}
	return co
}

// readConfigValue reads the Rest.li union {"configurationValue":{"string":"…"}}.
func readConfigValue(entity json.RawMessage) (string, *apiError) {
	var body map[string]json.RawMessage
	if err := json.Unmarshal(entity, &body); err != nil || body == nil {
		return "", errUnprocessable("ERROR :: / :: the entity must be a record {\"configurationValue\":{\"string\":\"…\"}}")
	}
	for f := range body {
		if f != "configurationValue" {
			return "", errUnprocessable("ERROR :: /%s :: unrecognized field found but not allowed", f)
		}
	}
	raw, ok := body["configurationValue"]
	if !ok {
		return "", errUnprocessable("ERROR :: /configurationValue :: field is required but not found and has no default value")
	}
	var union map[string]json.RawMessage
	if err := json.Unmarshal(raw, &union); err != nil || len(union) != 1 {
		return "", errUnprocessable("ERROR :: /configurationValue :: a union must have exactly one member")
	}
	s, ok := union["string"]
	if !ok {
		for m := range union {
			return "", errUnprocessable("ERROR :: /configurationValue :: %q is not a member of the union; should be string", m)
		}
	}
	var v string
	if err := json.Unmarshal(s, &v); err != nil {
		return "", errUnprocessable("ERROR :: /configurationValue/string :: %s is not a string", s)
	}
	return v, nil
}
