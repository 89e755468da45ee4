package client

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// IntegrationsService reads integrations and names them (/rest/integrations or /v2/atsIntegrations).
type IntegrationsService struct {
	c *Client

	get     *coalescer[IntegrationKey, Integration]
	setName *coalescer[namedIntegration, struct{}]
}

// namedIntegration is one coalesced SetName call.
type namedIntegration struct {
	key  IntegrationKey
	name string
}

func newIntegrationsService(c *Client) *IntegrationsService {
	s := &IntegrationsService{c: c}
	s.get = newCoalescer(c,
		func(k IntegrationKey) string { return s.restliKey(k).Encode() },
		func(a, b IntegrationKey) bool { return true },
		func(ctx context.Context, keys []IntegrationKey) []outcome[Integration] {
			res, _ := s.BatchGet(ctx, keys)
			return resultOutcomes(res)
		})
	s.setName = newCoalescer(c,
		func(n namedIntegration) string { return s.restliKey(n.key).Encode() },
		func(a, b namedIntegration) bool { return a.name == b.name },
		func(ctx context.Context, items []namedIntegration) []outcome[struct{}] {
			errs, _ := s.batchSetName(ctx, items)
			return errOutcomes(errs)
		})
	return s
}

// path is the integrations collection of the configured family.
func (s *IntegrationsService) path() string {
	if s.c.family() == APIFamilyV2 {
		return "/v2/atsIntegrations"
	}
	return "/rest/integrations"
}

// restliKey is the integration's Rest.li key; the legacy resource adds dataProvider=ATS.
func (s *IntegrationsService) restliKey(k IntegrationKey) restli.Key {
	return integrationRestliKey(s.c.family(), k)
}

// integrationRestliKey is shared with configurations, whose legacy path embeds the integration key.
func integrationRestliKey(f APIFamily, k IntegrationKey) restli.Key {
	parts := map[string]string{
		"integrationContext": k.IntegrationContext,
		"integrationType":    k.IntegrationType,
		"tenantType":         k.TenantType,
	}
	if f == APIFamilyV2 {
		parts["dataProvider"] = "ATS"
	}
	return restli.CompoundKey(parts)
}

// BatchGet reads many integrations in as few calls as possible (≤ 100 keys a call), results in key order.
// The results always hold one entry per key; the error is the first failure of a whole call (those keys'
// Err hold it too).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/rsc-customer-configuration
func (s *IntegrationsService) BatchGet(ctx context.Context, keys []IntegrationKey) ([]Result[Integration], error) {
	rkeys := make([]restli.Key, len(keys))
	for i, k := range keys {
		rkeys[i] = s.restliKey(k)
	}
	bc := batchCall{method: http.MethodGet, restli: "batch_get", path: s.path(), idempotent: true}
	entries, err := bc.run(ctx, s.c, rkeys)
	return batchResults(entries, func(i int) string { return rkeys[i].String() },
		func(i int, raw json.RawMessage) (*Integration, error) {
			var in Integration
			if err := json.Unmarshal(raw, &in); err != nil {
				return nil, err
			}
			// The key is authoritative: LinkedIn's entity may omit its own key fields.
			in.IntegrationContext, in.IntegrationType, in.TenantType = keys[i].IntegrationContext, keys[i].IntegrationType, keys[i].TenantType
			return &in, nil
		}), err
}

// Get reads one integration (coalesced). A key the customer never enabled is an *Error with status 404.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/rsc-customer-configuration
func (s *IntegrationsService) Get(ctx context.Context, key IntegrationKey) (*Integration, error) {
	return s.get.doPtr(ctx, key)
}

// SetName sets integrationName (batch_partial_update with $set; coalesced).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/rsc-customer-configuration
func (s *IntegrationsService) SetName(ctx context.Context, key IntegrationKey, name string) error {
	_, err := s.setName.do(ctx, namedIntegration{key: key, name: name})
	return err
}

// batchSetName names many integrations in batch_partial_update calls; per-item errors in order.
func (s *IntegrationsService) batchSetName(ctx context.Context, items []namedIntegration) ([]error, error) {
	rkeys := make([]restli.Key, len(items))
	names := make(map[string]string, len(items))
	for i, it := range items {
		rkeys[i] = s.restliKey(it.key)
		names[rkeys[i].Encode()] = it.name
	}
	bc := batchCall{method: http.MethodPost, restli: "batch_partial_update", path: s.path(), idempotent: true,
		body: func(_ []restli.Key, enc []string) any {
			entities := make(map[string]any, len(enc))
			for _, e := range enc {
				// Body keys are exactly the strings sent in ids=.
				entities[e] = map[string]any{"patch": map[string]any{"$set": map[string]any{"integrationName": names[e]}}}
			}
			return map[string]any{"entities": entities}
		}}
	entries, err := bc.run(ctx, s.c, rkeys)
	return entryErrors(entries), err
}

// entryErrors is the per-key error of each entry.
func entryErrors(entries []entry) []error {
	out := make([]error, len(entries))
	for i, e := range entries {
		out[i] = e.err
	}
	return out
}
