package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// Default timeouts of every resource's timeouts block: an operation, and every call and retry it makes
// (LinkedIn down, throttled, or a job posting task still running), ends by then. Reads are shorter: they
// hold a plan.
const (
	defaultWriteTimeout = 10 * time.Minute
	defaultReadTimeout  = 5 * time.Minute
)

// timeoutGetter is one operation's timeout of a timeouts block (timeouts.Value's Create, Read, ...).
type timeoutGetter func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// noTimeoutsBlock is the timeoutGetter of data sources and ephemeral resources, which have no timeouts
// block: their reads get the default, and ride out transient failures until then.
func noTimeoutsBlock(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
	return def, nil
}

// withTimeout bounds ctx by an operation's configured timeout (def when unset). The client retries transient
// failures until this deadline, so the timeout is also how long an operation waits out an outage. ok is
// false (and diags hold why) when the configured value is not a duration.
func withTimeout(ctx context.Context, get timeoutGetter, def time.Duration, diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, timeout time.Duration, ok bool) {
	timeout, d := get(ctx, def)
	diags.Append(d...)
	if d.HasError() {
		return ctx, func() {}, 0, false
	}
	ctx, cancel = context.WithTimeout(ctx, timeout)
	return ctx, cancel, timeout, true
}

// beginRead is how every resource's Read starts: the prior state into state, the client, and ctx bounded by
// the read timeout. ok is false when Read must stop: diagnostics say why, or, while the provider
// configuration or the customer's credentials are not known yet, the prior state is kept with a warning (see
// refreshClientFor).
func beginRead(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, data *providerData, what string,
	state any, readTimeout func() timeoutGetter) (_ context.Context, cancel context.CancelFunc, c *client.Client, ok bool) {
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	c, skip := data.readClient(ctx, req, resp, what)
	if skip || resp.Diagnostics.HasError() {
		return ctx, func() {}, nil, false
	}
	ctx, cancel, _, ok = withTimeout(ctx, readTimeout(), defaultReadTimeout, &resp.Diagnostics)
	return ctx, cancel, c, ok
}

// beginWrite is the prologue of a Create, Update or Delete that writes to LinkedIn: the client of the
// resource's customer (or the provider's own), and ctx bounded by the operation's timeout (defaultWriteTimeout
// when unset). ok is false when diags say why the operation cannot go on; cancel is always safe to defer.
func beginWrite(ctx context.Context, pd *providerData, customer types.String, timeout timeoutGetter, diags *diag.Diagnostics, what string) (_ context.Context, cancel context.CancelFunc, c *client.Client, ok bool) {
	c = pd.clientFor(ctx, customer, diags, what)
	if diags.HasError() {
		return ctx, func() {}, nil, false
	}
	ctx, cancel, _, ok = withTimeout(ctx, timeout, defaultWriteTimeout, diags)
	return ctx, cancel, c, ok
}
