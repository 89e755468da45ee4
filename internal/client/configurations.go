package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// ConfigurationsService reads and writes integration configurations (/rest/integrationConfigurations or
// /v2/atsIntegrations/{key}/configurations).
type ConfigurationsService struct {
	c *Client

	get    *coalescer[ConfigurationKey, IntegrationConfiguration]
	upsert *coalescer[IntegrationConfiguration, struct{}]
	del    *coalescer[ConfigurationKey, struct{}]
}

func newConfigurationsService(c *Client) *ConfigurationsService {
	s := &ConfigurationsService{c: c}
	keyID := func(k ConfigurationKey) string { return configurationRestliKey(k).Encode() }
	always := func(a, b ConfigurationKey) bool { return true }
	s.get = newCoalescer(c, keyID, always,
		func(ctx context.Context, keys []ConfigurationKey) []outcome[IntegrationConfiguration] {
			res, _ := s.BatchGet(ctx, keys)
			return resultOutcomes(res)
		})
	s.upsert = newCoalescer(c,
		func(cfg IntegrationConfiguration) string { return keyID(cfg.Key) },
		func(a, b IntegrationConfiguration) bool { return a.Value == b.Value },
		func(ctx context.Context, cfgs []IntegrationConfiguration) []outcome[struct{}] {
			errs, _ := s.BatchUpsert(ctx, cfgs)
			return errOutcomes(errs)
		})
	s.del = newCoalescer(c, keyID, always,
		func(ctx context.Context, keys []ConfigurationKey) []outcome[struct{}] {
			errs, _ := s.BatchDelete(ctx, keys)
			return errOutcomes(errs)
		})
	return s
}

// configurationRestliKey is the versioned resource's four-part key.
func configurationRestliKey(k ConfigurationKey) restli.Key {
	return restli.CompoundKey(map[string]string{
		"integrationContext": k.IntegrationContext,
		"integrationType":    k.IntegrationType,
		"tenantType":         k.TenantType,
		"configurationName":  k.ConfigurationName,
	})
}

// legacyConfigurationsPath is the legacy sub-collection of one integration. The integration key is written
// in the protocol 1.0 path form of LinkedIn's legacy samples ("integrationContext=urn%3A…&…"); change it here
// if LinkedIn wants the 2.0 form "(dataProvider:ATS,…)".
// https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func legacyConfigurationsPath(ik IntegrationKey) string {
	return "/v2/atsIntegrations/" + integrationRestliKey(APIFamilyV2, ik).EncodeV1() + "/configurations"
}

// configValue is the Rest.li union LinkedIn uses for a configuration value.
type configValue struct {
	ConfigurationValue struct {
		String *string `json:"string,omitempty"`
	} `json:"configurationValue"`
}

func newConfigValue(v string) configValue {
	var cv configValue
	cv.ConfigurationValue.String = &v
	return cv
}

// configCall is one batch method applied to configuration keys in either family: one call per chunk of 100
// on /rest, one call per integration (and chunk) on /v2 where configurations live under their integration.
type configCall struct {
	method, restli string
	idempotent     bool
	// body builds the JSON body given, for each key of the chunk, its spelling in the body and the index of
	// the configuration it stands for; nil for no body.
	body func(bodyKeys []string, idx []int) any
}

func (s *ConfigurationsService) run(ctx context.Context, keys []ConfigurationKey, cc configCall) ([]entry, error) {
	mk := func(path string, ids func([]string) string, idx []int) batchCall {
		bc := batchCall{method: cc.method, restli: cc.restli, path: path, ids: ids, idempotent: cc.idempotent}
		if cc.body != nil {
			// Map each chunk key back to a configuration: keys are unique within a call. The encodings are
			// exactly the strings of ids=, which LinkedIn expects as the keys of the body.
			var pos map[string]int
			bc.body = func(_ []restli.Key, enc []string) any {
				if pos == nil {
					pos = make(map[string]int, len(idx))
					for _, i := range idx {
						pos[s.keyIn(keys[i]).Encode()] = i
					}
				}
				which := make([]int, len(enc))
				for j, e := range enc {
					which[j] = pos[e]
				}
				return cc.body(enc, which)
			}
		}
		return bc
	}
	if s.c.family() != APIFamilyV2 {
		rkeys := make([]restli.Key, len(keys))
		idx := make([]int, len(keys))
		for i, k := range keys {
			rkeys[i], idx[i] = configurationRestliKey(k), i
		}
		return mk("/rest/integrationConfigurations", idsList, idx).run(ctx, s.c, rkeys)
	}
	// Legacy: one call per integration, in order of first appearance.
	return runGrouped(keys, func(k ConfigurationKey) IntegrationKey { return k.IntegrationKey },
		func(ik IntegrationKey, idx []int) ([]entry, error) {
			rkeys := make([]restli.Key, len(idx))
			for j, i := range idx {
				rkeys[j] = s.keyIn(keys[i])
			}
			return mk(legacyConfigurationsPath(ik), idsRepeated, idx).run(ctx, s.c, rkeys)
		})
}

// keyIn is a configuration's key within its call: the four-part key on /rest, the bare name on /v2.
func (s *ConfigurationsService) keyIn(k ConfigurationKey) restli.Key {
	if s.c.family() == APIFamilyV2 {
		return restli.SimpleKey(k.ConfigurationName)
	}
	return configurationRestliKey(k)
}

// BatchGet reads many configurations, results in key order; a missing one is a per-key 404 *Error.
// The results always hold one entry per key; the error is the first failure of a whole call.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) BatchGet(ctx context.Context, keys []ConfigurationKey) ([]Result[IntegrationConfiguration], error) {
	entries, err := s.run(ctx, keys, configCall{method: http.MethodGet, restli: "batch_get", idempotent: true})
	return batchResults(entries, func(i int) string { return s.keyIn(keys[i]).String() },
		func(i int, raw json.RawMessage) (*IntegrationConfiguration, error) {
			var cv configValue
			if err := json.Unmarshal(raw, &cv); err != nil {
				return nil, err
			}
			if cv.ConfigurationValue.String == nil {
				return nil, errors.New("configuration value has no string member")
			}
			return &IntegrationConfiguration{Key: keys[i], Value: *cv.ConfigurationValue.String}, nil
		}), err
}

// Get reads one configuration (coalesced).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) Get(ctx context.Context, key ConfigurationKey) (*IntegrationConfiguration, error) {
	return s.get.doPtr(ctx, key)
}

// BatchUpsert writes many configurations (batch_update); the returned errors are per entry, in order (nil = ok).
// Two entries for one key in a single call would be ambiguous, so the last one wins.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) BatchUpsert(ctx context.Context, configs []IntegrationConfiguration) ([]error, error) {
	keys := make([]ConfigurationKey, len(configs))
	for i, cfg := range configs {
		keys[i] = cfg.Key
	}
	entries, err := s.run(ctx, keys, configCall{method: http.MethodPut, restli: "batch_update", idempotent: true,
		body: func(bodyKeys []string, idx []int) any {
			entities := make(map[string]any, len(bodyKeys))
			for j, bk := range bodyKeys {
				entities[bk] = newConfigValue(configs[idx[j]].Value)
			}
			return map[string]any{"entities": entities}
		}})
	return entryErrors(entries), err
}

// Upsert writes one configuration (coalesced).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) Upsert(ctx context.Context, config IntegrationConfiguration) error {
	_, err := s.upsert.do(ctx, config)
	return err
}

// BatchDelete deletes many configurations (batch_delete); per-key errors in order.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) BatchDelete(ctx context.Context, keys []ConfigurationKey) ([]error, error) {
	entries, err := s.run(ctx, keys, configCall{method: http.MethodDelete, restli: "batch_delete", idempotent: true})
	return entryErrors(entries), err
}

// Delete deletes one configuration (coalesced). A configuration LinkedIn does not let partners delete is an
// *Error with status 400 and code CONFIGURATION_NOT_DELETABLE.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types
func (s *ConfigurationsService) Delete(ctx context.Context, key ConfigurationKey) error {
	_, err := s.del.do(ctx, key)
	return err
}
