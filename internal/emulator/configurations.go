package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// configKey describes one integration configuration key: the integration types it belongs to, whether a
// partner may delete it, and the values it takes
// (https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types).
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
	// LinkedIn's table lists APPLICATION_VIEWERS for IN_ATS_INDICATOR only; IN_CRM_INDICATOR is the same
	// feature in Talent CRM Connect, so the emulator accepts it there too (README, choices).
	"APPLICATION_VIEWERS": {types: []string{"IN_ATS_INDICATOR", "IN_CRM_INDICATOR"}, deletable: true, check: onlyAllProductUsers("APPLICATION_VIEWERS")},
}

// configRef names one configuration of the calling application: its integration's key and its name.
type configRef struct{ ctx, typ, tenant, name string }

// storeKey is the configuration's key in state.Configs.
func (ref configRef) storeKey(app string) string {
	return configStoreKey(app, ref.ctx, ref.typ, ref.tenant, ref.name)
}

// configTarget resolves a configuration to its integration, validating what can be validated per key.
func (c *call) configTarget(ref configRef) (*integration, configKey, *apiError) {
	in, err := c.integrationFor(ref.ctx, ref.typ, ref.tenant)
	if err != nil {
		return nil, configKey{}, err
	}
	ck, ok := configKeys[ref.name]
	if !ok || !slices.Contains(ck.types, ref.typ) {
		return nil, configKey{}, errUnprocessable("Invalid configuration name %q for integration type %s", ref.name, ref.typ)
	}
	return in, ck, nil
}

func configStoreKey(app, ctx, typ, tenant, name string) string {
	return skey(app, ctx, typ, tenant, name)
}

// configurationsCollection serves /rest/integrationConfigurations (compound key with configurationName) and,
// legacy, /v2/atsIntegrations/{integrationKey}/configurations (simple key: the configuration name).
func configurationsCollection(legacy bool) *collection {
	r := configurationsResource{legacy: legacy}
	co := &collection{
		name:    "integrationConfigurations",
		quota:   "configurations",
		methods: []string{"batch_get", "batch_update", "batch_delete"},
		key:     keySpec{parts: []string{"configurationName", "integrationContext", "integrationType", "tenantType"}},
		get:     r.get,
		update:  r.update,
		remove:  r.remove,
	}
	if legacy {
		co.name = "atsIntegrations"
		co.key = keySpec{}
	}
	return co
}

// configurationsResource holds the per-key handlers of both flavours of the resource.
type configurationsResource struct {
	// legacy is the /v2 flavour: the integration's key is the parent key of the path and a configuration's
	// key is its bare name.
	legacy bool
}

// resolve returns the configuration a key names, whatever the flavour.
func (r configurationsResource) resolve(c *call, k restli.Key) configRef {
	if r.legacy {
		ctx, typ, tenant := integrationKeyParts(c.parentKeyValue)
		return configRef{ctx, typ, tenant, k.Simple()}
	}
	ctx, typ, tenant := integrationKeyParts(k)
	return configRef{ctx, typ, tenant, k.Part("configurationName")}
}

// get answers a configuration's value as the Rest.li union {"configurationValue":{"string":…}}.
func (r configurationsResource) get(c *call, k restli.Key) (any, *apiError) {
	ref := r.resolve(c, k)
	if _, _, err := c.configTarget(ref); err != nil {
		return nil, err
	}
	v := c.e.st.Configs[ref.storeKey(c.app.URN)]
	if v == nil {
		return nil, errNotFound("The configuration " + ref.name + " is not set")
	}
	return map[string]any{"configurationValue": map[string]string{"string": v.Value}}, nil
}

// update sets a configuration. Setting CALLBACK_URL, the configuration a pending integration waits for,
// enables it.
func (r configurationsResource) update(c *call, k restli.Key, entity json.RawMessage) *apiError {
	ref := r.resolve(c, k)
	in, ck, err := c.configTarget(ref)
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
	if ref.name == "CALLBACK_URL" {
		if err := callbackURLConflict(c, ref.ctx, value); err != nil {
			return err
		}
	}
	c.e.st.Configs[ref.storeKey(c.app.URN)] = &configuration{Value: value}
	in.LastModifiedAt = c.e.now().UnixMilli()
	if ref.name == "CALLBACK_URL" && in.Status == statusPending {
		in.Status = statusEnabled
	}
	return nil
}

// callbackURLConflict refuses a CALLBACK_URL that another integration context of the same child application
// already uses (409): LinkedIn wants a callback URL unique per customer. The same context may use it for
// both ONE_CLICK_EXPORT and CRM_ONE_CLICK_EXPORT.
func callbackURLConflict(c *call, ctx, value string) *apiError {
	for sk, other := range c.e.st.Configs {
		p := strings.Split(sk, "\x1f")
		if p[0] == c.app.URN && p[4] == "CALLBACK_URL" && p[1] != ctx && other.Value == value {
			return errf(http.StatusConflict, "CONFLICT", "The CALLBACK_URL %s is already used by the integration context %s", value, p[1])
		}
	}
	return nil
}

// remove deletes a configuration; only the deletable ones (the *_VIEWERS keys) may go.
func (r configurationsResource) remove(c *call, k restli.Key) *apiError {
	ref := r.resolve(c, k)
	in, ck, err := c.configTarget(ref)
	if err != nil {
		return err
	}
	sk := ref.storeKey(c.app.URN)
	if c.e.st.Configs[sk] == nil {
		return errNotFound("The configuration " + ref.name + " is not set")
	}
	if !ck.deletable {
		return errf(http.StatusBadRequest, "CONFIGURATION_NOT_DELETABLE",
			"The configuration %s cannot be deleted: only JOB_POSTING_VIEWERS and APPLICATION_VIEWERS can", ref.name)
	}
	delete(c.e.st.Configs, sk)
	in.LastModifiedAt = c.e.now().UnixMilli()
	return nil
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
