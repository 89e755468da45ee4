package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// providerData is what the provider's Configure hands to every resource, data source and ephemeral resource.
//
// Which client an operation uses is decided in one place, choose: the provider's own client for a resource
// without customer, the customer's client (from the customers map, created on first use) otherwise. Every
// resource, data source and ephemeral resource reaches it through clientFor (operations that must call
// LinkedIn now), refreshClientFor (Read, which keeps the prior state when it cannot), deleteClient (destroy)
// and checkPlan (plan time).
type providerData struct {
	// client uses the provider's own credentials; nil when it has none (a provider with only customers) or
	// they are not known yet (ownUnknown).
	client     *client.Client
	ownUnknown bool
	// clientConfig is the configuration the provider's own client is built from (the ephemeral access token
	// uses its OAuth URL and HTTP client); its settings apply to every customer's client too.
	clientConfig client.Config
	// customers is the customers map; nil when the provider block sets none.
	customers *customerClients
}

// providerDataFrom converts the value passed to a resource's Configure. It returns nil, without a diagnostic,
// while the provider is not configured yet (Terraform calls Configure early during validation).
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}

// apiClient returns the provider's own client for a call that needs LinkedIn, or adds a diagnostic explaining
// why there is none (see clientFor).
func apiClient(pd *providerData, diags *diag.Diagnostics, what string) *client.Client {
	return pd.clientFor(context.Background(), types.StringNull(), diags, what)
}

// clientFor returns the client of customer (the provider's own when customer is null) for an operation that
// must call LinkedIn now: create, update, a data source, an ephemeral resource. When there is none it adds an
// error saying why and what to do, and returns nil. what names the operation ("post a job").
func (pd *providerData) clientFor(ctx context.Context, customer types.String, diags *diag.Diagnostics, what string) *client.Client {
	ch := pd.choose(ctx, customer, true)
	if ch.client == nil {
		summary, detail := pd.explain(ch, what)
		diags.AddError(summary, detail)
	}
	return ch.client
}

// refreshClientFor is clientFor for Read. When the credentials are not known yet (the customer's child
// application is created or replaced in this run), or the customer or the provider's own credentials are
// missing, the resource keeps its prior state with a warning instead of failing the whole plan: Read never
// changes the state for want of credentials, and the plan fails (checkPlan) only where an operation needs them.
func (pd *providerData) refreshClientFor(ctx context.Context, customer types.String, diags *diag.Diagnostics, what string) (c *client.Client, skip bool) {
	ch := pd.choose(ctx, customer, true)
	switch ch.state {
	case clientReady:
		return ch.client, false
	case clientFailed:
		summary, detail := pd.explain(ch, what)
		diags.AddError(summary, detail)
		return nil, false
	}
	summary, detail := pd.explainSkippedRead(ch, what)
	diags.AddWarning(summary, detail)
	return nil, true
}

// destroyCall says what destroying a resource does on LinkedIn, for the message when its customer is gone.
type destroyCall struct {
	resource string // the resource, by type and id: linkedin_job_posting "REQ-1"
	action   string // what destroy sends: "a CLOSE of the job"
	leftOver string // what stays on LinkedIn when the resource is forgotten instead: "the job stays listed"
}

// deleteClient is clientFor for Delete: a customer that is no longer in the customers map gets the
// offboarding message (call says what destroy sends), which says how to destroy the resource or forget it
// knowingly.
func (pd *providerData) deleteClient(ctx context.Context, state tfsdk.State, diags *diag.Diagnostics, what string, call func() *destroyCall) *client.Client {
	customer := stateCustomer(ctx, state, diags)
	ch := pd.choose(ctx, customer, false)
	if c := call(); ch.state == customerNotFound && c != nil {
		diags.AddError(pd.explainOffboarding(ch.customer, *c))
		return nil
	}
	return pd.clientFor(ctx, customer, diags, what)
}

// clientForPlan and clientForConfig are clientFor with the customer attribute of a plan or a configuration
// (null when the schema has none).
func (pd *providerData) clientForPlan(ctx context.Context, plan tfsdk.Plan, diags *diag.Diagnostics, what string) *client.Client {
	return pd.clientFor(ctx, planCustomer(ctx, plan, diags), diags, what)
}

func (pd *providerData) clientForConfig(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, what string) *client.Client {
	return pd.clientFor(ctx, configCustomer(ctx, config, diags), diags, what)
}

// importingKey marks, in the private state, a resource that ImportState has just created: its Read must not
// keep a prior state that is only the import ID.
const importingKey = "importing"

// readClient is refreshClientFor for a resource's Read, with the customer of the prior state. The Read that
// follows an import fails instead of keeping the prior state (there is none but the ID), saying why there is no
// client and, without customer, how to import a customer's resource.
func (pd *providerData) readClient(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, what string) (c *client.Client, skip bool) {
	customer := stateCustomer(ctx, req.State, &resp.Diagnostics)
	if flag, _ := req.Private.GetKey(ctx, importingKey); flag == nil {
		return pd.refreshClientFor(ctx, customer, &resp.Diagnostics, what)
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importingKey, nil)...)
	ch := pd.choose(ctx, customer, true)
	if ch.client == nil {
		summary, detail := pd.explain(ch, what)
		if ch.state == noOwnCredentials {
			detail += " To import a resource of a customer, end the import ID with @<customer key>."
		}
		resp.Diagnostics.AddError(summary, detail)
	}
	return ch.client, false
}

// customerAttribute is the name of the attribute that chooses a customer's credentials.
const customerAttribute = "customer"

var customerPath = path.Root(customerAttribute)

type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

func customerFrom(ctx context.Context, has bool, src attributeGetter, diags *diag.Diagnostics) types.String {
	if !has {
		return types.StringNull()
	}
	var v types.String
	diags.Append(src.GetAttribute(ctx, customerPath, &v)...)
	return v
}

func planCustomer(ctx context.Context, p tfsdk.Plan, diags *diag.Diagnostics) types.String {
	has := false
	if p.Schema != nil {
		_, has = p.Schema.GetAttributes()[customerAttribute]
	}
	return customerFrom(ctx, has, p, diags)
}

func stateCustomer(ctx context.Context, s tfsdk.State, diags *diag.Diagnostics) types.String {
	has := false
	if s.Schema != nil {
		_, has = s.Schema.GetAttributes()[customerAttribute]
	}
	return customerFrom(ctx, has, s, diags)
}

func configCustomer(ctx context.Context, c tfsdk.Config, diags *diag.Diagnostics) types.String {
	has := false
	if c.Schema != nil {
		_, has = c.Schema.GetAttributes()[customerAttribute]
	}
	return customerFrom(ctx, has, c, diags)
}
