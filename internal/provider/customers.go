package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// Many customers in one provider configuration: the provider's customers map holds each customer's
// child-application credentials under the user's own key, and a resource's customer attribute picks an entry,
// as the AWS provider's per-resource region (v6) picks a region. One provider process then serves every
// customer; each customer gets a client of its own (own token cache, own request coalescing), created the
// first time one of its resources is touched, so two applications' keys never share a call or a token.

const customersDescription = "Credentials of customers' child applications, keyed by your own customer key (a tenant id " +
	"or slug: LinkedIn never sees it), so that one provider configuration manages many customers. A resource, data source " +
	"or ephemeral resource with `customer = \"<key>\"` uses that entry's credentials; one without `customer` uses the " +
	"provider's own credentials (`client_id`/`client_secret` or `access_token`), which are optional when `customers` is " +
	"set: without them, resources without `customer` fail at plan time. A provider with `customers` takes its own " +
	"credentials only from its block, never from `LINKEDIN_ACCESS_TOKEN`, `LINKEDIN_CLIENT_ID` or `LINKEDIN_CLIENT_SECRET`: " +
	"those usually hold the parent application's, with which LinkedIn refuses customers' data.\n\n" +
	"Each entry sets exactly one of `access_token`, or `client_id` and `client_secret`, with the rules of the provider's " +
	"own credentials; all three are sensitive. `api_url`, `oauth_url`, `api_version`, `api_family`, `max_retries`, " +
	"`batch_window_ms` and `disable_coalescing` apply to every customer. Keys are one line of text without surrounding " +
	"whitespace and without `@`, which separates the customer in import IDs (`REQ-1042@acme`).\n\n" +
	"Entries may come from variables or a secret store, or from `linkedin_provisioned_application` resources managed " +
	"by another provider configuration (the parent application's: a provider configuration cannot depend on its own " +
	"resources). An entry not known until apply (a child application created in the same run) is fine: that customer's " +
	"resources plan as usual and are applied once it is known, while the other customers refresh normally.\n\n" +
	"The provider creates a customer's client, with its own token and its own batching of calls, the first time one of " +
	"that customer's resources is read or changed: a customer none of whose resources is touched costs no token, and " +
	"no customer's calls are ever joined with another's. To offboard a customer, remove its resources first and its " +
	"entry only after that apply: destroying a job posting or a deletable configuration key needs the customer's " +
	"credentials, and the plan fails, saying so, when they are gone."

// providerCustomersAttribute is the provider's customers attribute.
func providerCustomersAttribute() pschema.MapNestedAttribute {
	return pschema.MapNestedAttribute{
		Optional:            true,
		MarkdownDescription: customersDescription,
		Validators:          []validator.Map{mapvalidator.KeysAre(customerKeyValidator())},
		NestedObject: pschema.NestedAttributeObject{
			Attributes: map[string]pschema.Attribute{
				"client_id": pschema.StringAttribute{
					Optional: true, Sensitive: true,
					MarkdownDescription: "Client ID of the customer's child application (a `linkedin_provisioned_application`'s `client_id`). Requires `client_secret`.",
					Validators:          []validator.String{credentialValidator()},
				},
				"client_secret": pschema.StringAttribute{
					Optional: true, Sensitive: true,
					MarkdownDescription: "Client secret of the customer's child application. Requires `client_id`.",
					Validators:          []validator.String{credentialValidator()},
				},
				"access_token": pschema.StringAttribute{
					Optional: true, Sensitive: true,
					MarkdownDescription: "An access token of the customer's child application, instead of `client_id` and `client_secret`. Tokens last 30 minutes.",
					Validators:          []validator.String{credentialValidator()},
				},
			},
			Validators: []validator.Object{customerCredentialsValidator{}},
		},
	}
}

func customerKeyValidator() validator.String {
	return ruleValidator("a customer key: one line without surrounding whitespace and without \"@\"", validate.CustomerKey)
}

// customerCredentialsModel is one entry of the customers map.
type customerCredentialsModel struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	AccessToken  types.String `tfsdk:"access_token"`
}

func (m customerCredentialsModel) unknown() bool {
	return m.ClientID.IsUnknown() || m.ClientSecret.IsUnknown() || m.AccessToken.IsUnknown()
}

// customerCredentialsValidator applies to each entry of customers the rule of the provider's own credentials:
// exactly one of access_token, or client_id and client_secret. Entries not known yet are checked once known.
type customerCredentialsValidator struct{}

var _ validator.Object = customerCredentialsValidator{}

func (customerCredentialsValidator) Description(context.Context) string {
	return "exactly one of access_token, or client_id and client_secret"
}

func (v customerCredentialsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (customerCredentialsValidator) ValidateObject(ctx context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsUnknown() {
		return
	}
	m, d := customerCredentialsOf(ctx, req.ConfigValue)
	resp.Diagnostics.Append(d...)
	if d.HasError() {
		return
	}
	if req.ConfigValue.IsNull() || !m.unknown() {
		resp.Diagnostics.Append(checkCustomerCredentials(req.Path, req.ConfigValue.IsNull(), m)...)
	}
}

func customerCredentialsOf(ctx context.Context, obj types.Object) (customerCredentialsModel, diag.Diagnostics) {
	var m customerCredentialsModel
	if obj.IsNull() || obj.IsUnknown() {
		return m, nil
	}
	d := obj.As(ctx, &m, basetypes.ObjectAsOptions{})
	return m, d
}

// checkCustomerCredentials is checkAuth for one entry of customers, whose path (customers["acme"]) the
// diagnostics name.
func checkCustomerCredentials(p path.Path, null bool, m customerCredentialsModel) diag.Diagnostics {
	var diags diag.Diagnostics
	const how = "Give each customer exactly one way to authenticate: access_token, or client_id and client_secret."
	set := func(v types.String) bool { return !v.IsNull() && v.ValueString() != "" }
	hasToken, hasID, hasSecret := set(m.AccessToken), set(m.ClientID), set(m.ClientSecret)
	switch {
	case null:
		diags.AddAttributeError(p, "Missing customer credentials", fmt.Sprintf("Attribute %s is null. %s", p, how))
	case hasToken && (hasID || hasSecret):
		diags.AddAttributeError(p.AtName("access_token"), "Conflicting customer credentials",
			fmt.Sprintf("Attribute %s conflicts with client_id/client_secret: %s sets access_token together with "+
				"client_id/client_secret. %s", p.AtName("access_token"), p, how))
	case hasID && !hasSecret:
		diags.AddAttributeError(p.AtName("client_secret"), "Missing client_secret",
			fmt.Sprintf("Attribute %s is required: %s sets client_id but not client_secret. %s", p.AtName("client_secret"), p, how))
	case hasSecret && !hasID:
		diags.AddAttributeError(p.AtName("client_id"), "Missing client_id",
			fmt.Sprintf("Attribute %s is required: %s sets client_secret but not client_id. %s", p.AtName("client_id"), p, how))
	case !hasToken && !hasID:
		diags.AddAttributeError(p, "Missing customer credentials", fmt.Sprintf("Attribute %s sets no credentials. %s", p, how))
	}
	return diags
}

// customerClients is the customers map of one provider configuration: every customer's credentials, and the
// clients of the customers touched so far.
type customerClients struct {
	// base is the provider's settings (addresses, version, retries, coalescing and the shared HTTP client)
	// without credentials; every customer's client is built from it.
	base client.Config
	// known is false when the whole map was not known at Configure (its keys depend on values known only
	// after apply).
	known bool

	mu      sync.Mutex
	entries map[string]*customerEntry
}

// customerEntry is one customer: credentials (unless not known yet), and its client once created. Memory is
// therefore a few strings per configured customer and one client per customer touched.
type customerEntry struct {
	unknown      bool
	accessToken  string
	clientID     string
	clientSecret string

	client *client.Client
	err    error
}

// newCustomerClients reads the customers map of a provider configuration.
func newCustomerClients(ctx context.Context, m types.Map, base client.Config) (*customerClients, diag.Diagnostics) {
	var diags diag.Diagnostics
	base.AccessToken, base.ClientID, base.ClientSecret = "", "", ""
	cs := &customerClients{base: base, known: !m.IsUnknown()}
	if !cs.known {
		return cs, nil
	}
	elements := m.Elements()
	cs.entries = make(map[string]*customerEntry, len(elements))
	for key, v := range elements {
		p := path.Root("customers").AtMapKey(key)
		if err := validate.CustomerKey(key); err != nil {
			diags.AddAttributeError(p, "Invalid customer key", fmt.Sprintf("The key %q of customers %s.", key, err))
			continue
		}
		obj, ok := v.(types.Object)
		if !ok {
			diags.AddAttributeError(p, "Unexpected customers entry",
				fmt.Sprintf("Expected an object, got %T. This is a bug in the provider; please report it.", v))
			continue
		}
		if obj.IsUnknown() {
			cs.entries[key] = &customerEntry{unknown: true}
			continue
		}
		e, d := customerCredentialsOf(ctx, obj)
		diags.Append(d...)
		if d.HasError() {
			continue
		}
		if e.unknown() {
			cs.entries[key] = &customerEntry{unknown: true}
			continue
		}
		if d := checkCustomerCredentials(p, obj.IsNull(), e); d.HasError() {
			diags.Append(d...)
			continue
		}
		cs.entries[key] = &customerEntry{accessToken: e.AccessToken.ValueString(), clientID: e.ClientID.ValueString(),
			clientSecret: e.ClientSecret.ValueString()}
	}
	return cs, diags
}

// keys are the customer keys, sorted.
func (cs *customerClients) keys() []string {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	out := make([]string, 0, len(cs.entries))
	for k := range cs.entries {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// has reports whether key may name a customer: a key of the map, or any key while the map is not known.
func (cs *customerClients) has(key string) bool {
	if !cs.known {
		return true
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	_, ok := cs.entries[key]
	return ok
}

// credentials returns a known entry's credentials.
func (cs *customerClients) credentials(key string) (accessToken, clientID, clientSecret string, ok bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	e, found := cs.entries[key]
	if !found || e.unknown {
		return "", "", "", false
	}
	return e.accessToken, e.clientID, e.clientSecret, true
}

// clientState is why an operation has, or has not, a client.
type clientState int

const (
	clientReady           clientState = iota
	providerNotConfigured             // the provider configuration is not known yet (no providerData)
	credentialsPending                // the credentials are not known until apply
	customerNotFound                  // customer names no entry of customers (or the provider has no customers)
	noOwnCredentials                  // no customer, and the provider has only customers
	clientFailed                      // the client could not be built from the credentials
)

// clientChoice is what choose decided.
type clientChoice struct {
	state    clientState
	client   *client.Client // with clientReady, unless choose was asked not to create it
	customer string         // the customer's key; "" for the provider's own credentials
	pending  string         // with credentialsPending: what is not known yet
	err      error          // with clientFailed
}

// choose is the one place that decides which client an operation uses: the provider's own for a null
// customer, the customer's otherwise, created on first use when create is set (plan-time checks only look).
func (pd *providerData) choose(ctx context.Context, customer types.String, create bool) clientChoice {
	switch {
	case pd == nil:
		return clientChoice{state: providerNotConfigured, customer: customer.ValueString()}
	case customer.IsUnknown():
		return clientChoice{state: credentialsPending, pending: "the value of its customer attribute is not known yet"}
	case customer.IsNull():
		switch {
		case pd.client != nil:
			return clientChoice{state: clientReady, client: pd.client}
		case pd.ownUnknown:
			return clientChoice{state: credentialsPending, pending: "the provider's own credentials are not known yet: they come from a resource created or replaced in this run"}
		}
		return clientChoice{state: noOwnCredentials}
	case pd.customers == nil:
		return clientChoice{state: customerNotFound, customer: customer.ValueString()}
	}
	return pd.customers.choose(ctx, customer.ValueString(), create)
}

func (cs *customerClients) choose(ctx context.Context, key string, create bool) clientChoice {
	ch := clientChoice{customer: key}
	if !cs.known {
		ch.state = credentialsPending
		ch.pending = "the provider's customers map is not known yet: it is built from values known only after apply"
		return ch
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	e, ok := cs.entries[key]
	switch {
	case !ok:
		ch.state = customerNotFound
	case e.unknown:
		ch.state = credentialsPending
		ch.pending = fmt.Sprintf("customers[%q] is not known yet: it comes from a resource created or replaced in this run "+
			"(typically a new linkedin_provisioned_application)", key)
	case e.err != nil:
		ch.state, ch.err = clientFailed, e.err
	case e.client == nil && create:
		cfg := cs.base
		cfg.AccessToken, cfg.ClientID, cfg.ClientSecret = e.accessToken, e.clientID, e.clientSecret
		e.client, e.err = client.New(cfg)
		if e.err != nil {
			ch.state, ch.err = clientFailed, e.err
			return ch
		}
		tflog.Debug(ctx, "LinkedIn client created for a customer", map[string]any{"customer": key, "auth": authMethod(cfg)})
		ch.client = e.client
	default:
		ch.client = e.client
	}
	return ch
}

// quotedKeys lists the customer keys for a message, at most 20 of them.
func (pd *providerData) quotedKeys() string {
	if pd == nil || pd.customers == nil {
		return "none"
	}
	if !pd.customers.known {
		return "not known yet"
	}
	keys := pd.customers.keys()
	if len(keys) == 0 {
		return "none (the map is empty)"
	}
	const shown = 20
	q := make([]string, 0, shown+1)
	for i, k := range keys {
		if i == shown {
			q = append(q, fmt.Sprintf("and %d more", len(keys)-shown))
			break
		}
		q = append(q, fmt.Sprintf("%q", k))
	}
	return strings.Join(q, ", ")
}

// explain says why an operation has no client, and what to do. what names the operation ("post a job").
func (pd *providerData) explain(ch clientChoice, what string) (summary, detail string) {
	switch ch.state {
	case credentialsPending:
		return "LinkedIn credentials not known yet", fmt.Sprintf("Cannot %s: %s. Terraform knows it during apply. "+
			"Resources plan without it; a data source or ephemeral resource is read during plan unless it must wait: make it "+
			"depend on the resource the credentials come from (depends_on) so that Terraform reads it during apply, or apply "+
			"that resource first (terraform apply -target=...).", what, ch.pending)
	case customerNotFound:
		if pd.customers == nil {
			return fmt.Sprintf("Unknown customer %q", ch.customer), fmt.Sprintf("Cannot %s: customer = %q, but the provider "+
				"block has no customers map. Add customers = { %q = { client_id = ..., client_secret = ... } } to the provider "+
				"block, or remove customer to use the provider's own credentials.", what, ch.customer, ch.customer)
		}
		return fmt.Sprintf("Unknown customer %q", ch.customer), fmt.Sprintf("Cannot %s: customer = %q is not a key of the "+
			"provider's customers map, whose keys are %s. Add customers[%q] (client_id and client_secret, or access_token) "+
			"to the provider block, or set customer to one of its keys.", what, ch.customer, pd.quotedKeys(), ch.customer)
	case noOwnCredentials:
		return "No customer and no provider credentials", fmt.Sprintf("Cannot %s: it sets no customer, so it uses the "+
			"provider's own credentials, but the provider block sets only customers, and %s, %s and %s are unset. Set customer "+
			"to one of the keys of customers (%s), or give the provider credentials of its own (client_id and client_secret, "+
			"or access_token). A linkedin_provisioned_application needs the partner's parent application's credentials.",
			what, envAccessToken, envClientID, envClientSecret, pd.quotedKeys())
	case clientFailed:
		return fmt.Sprintf("Invalid credentials of customer %q", ch.customer), fmt.Sprintf("Cannot %s: %v", what, ch.err)
	}
	return "LinkedIn provider not configured", fmt.Sprintf("Cannot %s: the provider configuration is not known yet. This happens when the provider's "+
		"credentials come from a resource created in the same run (a new linkedin_provisioned_application): "+
		"apply that resource first (terraform apply -target=...), then apply the rest.", what)
}

// explainSkippedRead says why a Read kept the prior state.
func (pd *providerData) explainSkippedRead(ch clientChoice, what string) (summary, detail string) {
	switch ch.state {
	case credentialsPending:
		return "LinkedIn credentials not known yet", fmt.Sprintf("Did not %s: %s. The prior state is kept; run plan again after apply.", what, ch.pending)
	case customerNotFound:
		return fmt.Sprintf("Customer %q is not in the provider's customers", ch.customer), fmt.Sprintf("Did not %s: customer "+
			"= %q names no entry of the provider's customers map (keys: %s). The prior state is kept as it was.", what, ch.customer, pd.quotedKeys())
	case noOwnCredentials:
		return "No customer and no provider credentials", fmt.Sprintf("Did not %s: it sets no customer and the provider has "+
			"no credentials of its own. The prior state is kept as it was.", what)
	}
	return "LinkedIn provider configuration not known yet",
		fmt.Sprintf("Did not %s: the provider's credentials depend on values known only after apply (a child "+
			"application being created or replaced). The prior state is kept; run plan again after apply.", what)
}

// explainOffboarding is the error of a destroy that needs a customer whose entry is gone from customers.
func (pd *providerData) explainOffboarding(customer string, call destroyCall) (summary, detail string) {
	gone := fmt.Sprintf("the provider's customers map has no %q any more (its keys: %s)", customer, pd.quotedKeys())
	if pd.customers == nil {
		gone = "the provider block has no customers map any more"
	}
	return fmt.Sprintf("Cannot destroy %s: customer %q is gone from the provider's customers", call.resource, customer),
		fmt.Sprintf("Destroying %s sends %s to LinkedIn with customer %q's credentials, but %s. The resource still exists on "+
			"LinkedIn, so it is not silently forgotten. Either:\n\n"+
			"1. put customers[%q] back in the provider block until the apply that destroys this customer's resources has run, "+
			"then remove it (recommended); or\n"+
			"2. forget the resource without changing anything on LinkedIn: terraform state rm '<its address>', or a removed block "+
			"with lifecycle { destroy = false }. Then %s.",
			call.resource, call.action, customer, gone, customer, call.leftOver)
}

// isImportCustomer reports whether s, after the last "@" of an import ID, names a customer.
func (pd *providerData) isImportCustomer(s string) bool {
	return pd != nil && pd.customers != nil && validate.CustomerKey(s) == nil && pd.customers.has(s)
}
