package provider

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

var customerObjectType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"client_id": types.StringType, "client_secret": types.StringType, "access_token": types.StringType,
}}

// customerValue builds one entry of the customers map; "?" is an unknown value, "" a null one.
func customerValue(t *testing.T, id, secret, token string) types.Object {
	t.Helper()
	s := func(v string) types.String {
		switch v {
		case "":
			return types.StringNull()
		case "?":
			return types.StringUnknown()
		}
		return types.StringValue(v)
	}
	obj, d := types.ObjectValue(customerObjectType.AttrTypes, map[string]attr.Value{
		"client_id": s(id), "client_secret": s(secret), "access_token": s(token),
	})
	if d.HasError() {
		t.Fatal(d)
	}
	return obj
}

func customersMap(t *testing.T, entries map[string]attr.Value) types.Map {
	t.Helper()
	m, d := types.MapValue(customerObjectType, entries)
	if d.HasError() {
		t.Fatal(d)
	}
	return m
}

func TestCustomerCredentialsRulesNameTheEntry(t *testing.T) {
	for _, c := range []struct {
		id, secret, token string
		path, message     string
	}{
		{"id", "", "", `customers["acme"].client_secret`, `customers["acme"] sets client_id but not client_secret`},
		{"", "secret", "", `customers["acme"].client_id`, `customers["acme"] sets client_secret but not client_id`},
		{"id", "secret", "token", `customers["acme"].access_token`, "sets access_token together with client_id/client_secret"},
		{"", "", "", `customers["acme"]`, `customers["acme"] sets no credentials`},
		{"id", "secret", "", "", ""},
		{"", "", "token", "", ""},
		{"id", "?", "", "", ""}, // checked once known
	} {
		resp := &validator.ObjectResponse{}
		customerCredentialsValidator{}.ValidateObject(context.Background(), validator.ObjectRequest{
			Path: path.Root("customers").AtMapKey("acme"), ConfigValue: customerValue(t, c.id, c.secret, c.token)}, resp)
		if c.message == "" {
			if resp.Diagnostics.HasError() {
				t.Errorf("%+v: unexpected %v", c, resp.Diagnostics)
			}
			continue
		}
		if !resp.Diagnostics.HasError() {
			t.Errorf("%+v: no error", c)
			continue
		}
		e := resp.Diagnostics.Errors()[0].(diag.DiagnosticWithPath)
		if e.Path().String() != c.path || !strings.Contains(e.Detail(), c.message) {
			t.Errorf("%+v: got %s: %s", c, e.Path(), e.Detail())
		}
	}
}

func TestChooseSaysWhyThereIsNoClient(t *testing.T) {
	ctx := context.Background()
	base := client.Config{BaseURL: "http://127.0.0.1:1", OAuthURL: "http://127.0.0.1:1/oauth/v2"}
	cs, diags := newCustomerClients(ctx, customersMap(t, map[string]attr.Value{
		"acme":  customerValue(t, "acme-id", "acme-secret", ""),
		"beta":  customerValue(t, "", "", "beta-token"),
		"new":   types.ObjectUnknown(customerObjectType.AttrTypes),
		"half":  customerValue(t, "half-id", "?", ""),
		"gamma": customerValue(t, "gamma-id", "gamma-secret", ""),
	}), base)
	if diags.HasError() {
		t.Fatal(diags)
	}
	pd := &providerData{customers: cs}
	str := types.StringValue

	a1 := pd.choose(ctx, str("acme"), true)
	a2 := pd.choose(ctx, str("acme"), true)
	b := pd.choose(ctx, str("beta"), true)
	if a1.state != clientReady || a1.client == nil || a1.client != a2.client || b.client == nil || b.client == a1.client {
		t.Errorf("one client per customer, reused: acme %+v then %+v, beta %+v", a1, a2, b)
	}
	if g := pd.choose(ctx, str("gamma"), false); g.state != clientReady || g.client != nil {
		t.Errorf("a plan-time look must not create a client: %+v", g)
	}
	if n := len(cs.entries); n != 5 {
		t.Fatalf("%d entries", n)
	}
	if cs.entries["gamma"].client != nil {
		t.Error("gamma's client was created although no operation of gamma ran")
	}
	for _, key := range []string{"new", "half"} {
		if ch := pd.choose(ctx, str(key), true); ch.state != credentialsPending || !strings.Contains(ch.pending, fmt.Sprintf("customers[%q] is not known yet", key)) {
			t.Errorf("%s: %+v", key, ch)
		}
	}
	if ch := pd.choose(ctx, types.StringUnknown(), true); ch.state != credentialsPending {
		t.Errorf("unknown customer: %+v", ch)
	}

	var d diag.Diagnostics
	if pd.clientFor(ctx, str("delta"), &d, "post a job") != nil || !d.HasError() {
		t.Fatalf("delta: %v", d)
	}
	if got := d.Errors()[0].Detail(); !strings.Contains(got, `customer = "delta" is not a key of the provider's customers map, whose keys are "acme", "beta", "gamma", "half", "new"`) {
		t.Errorf("unknown customer: %s", got)
	}
	d = nil
	if pd.clientFor(ctx, types.StringNull(), &d, "post a job") != nil || !strings.Contains(d.Errors()[0].Detail(), "it sets no customer") {
		t.Errorf("no own credentials: %v", d)
	}
	d = nil
	if c, skip := pd.refreshClientFor(ctx, str("delta"), &d, "read a job posting"); c != nil || !skip || d.HasError() || d.WarningsCount() != 1 {
		t.Errorf("Read of a customer not in the map keeps the prior state with a warning: %v", d)
	}
	d = nil
	if c, skip := pd.refreshClientFor(ctx, str("new"), &d, "read a job posting"); c != nil || !skip || d.HasError() ||
		!strings.Contains(d.Warnings()[0].Detail(), "The prior state is kept; run plan again after apply") {
		t.Errorf("Read of a customer not known yet: %v", d)
	}

	unknownMap, _ := newCustomerClients(ctx, types.MapUnknown(customerObjectType), base)
	pd = &providerData{customers: unknownMap, ownUnknown: true}
	if ch := pd.choose(ctx, str("anything"), true); ch.state != credentialsPending || !pd.isImportCustomer("anything") {
		t.Errorf("unknown map: %+v", ch)
	}
	if ch := pd.choose(ctx, types.StringNull(), true); ch.state != credentialsPending {
		t.Errorf("own credentials not known yet: %+v", ch)
	}
	summary, detail := (&providerData{customers: cs}).explainOffboarding("gamma", *jobPostingDestroyCallFor("REQ-1"))
	if !strings.Contains(summary, `Cannot destroy linkedin_job_posting "REQ-1": customer "gamma" is gone`) ||
		!strings.Contains(detail, `put customers["gamma"] back`) || !strings.Contains(detail, "terraform state rm") {
		t.Errorf("offboarding: %s\n%s", summary, detail)
	}
}

func jobPostingDestroyCallFor(id string) *destroyCall {
	return &destroyCall{resource: fmt.Sprintf("linkedin_job_posting %q", id), action: "a CLOSE of the job", leftOver: "the job stays"}
}

func TestImportCustomerSuffix(t *testing.T) {
	cs, _ := newCustomerClients(context.Background(), customersMap(t, map[string]attr.Value{
		"acme": customerValue(t, "id", "secret", ""),
	}), client.Config{})
	for _, c := range []struct {
		pd   *providerData
		s    string
		want bool
	}{
		{nil, "acme", false},
		{&providerData{}, "acme", false}, // no customers map: IDs are never split
		{&providerData{customers: cs}, "acme", true},
		{&providerData{customers: cs}, "example.com", false},
	} {
		if got := c.pd.isImportCustomer(c.s); got != c.want {
			t.Errorf("isImportCustomer(%q) with %+v = %v", c.s, c.pd, got)
		}
	}
}

func TestCustomerForcesReplace(t *testing.T) {
	null, unknown, s := types.StringNull(), types.StringUnknown(), types.StringValue
	for _, c := range []struct {
		prior, planned types.String
		want           bool
	}{
		{s("acme"), s("beta"), true},
		{s("acme"), unknown, true},
		{s("acme"), s("acme"), false},
		{null, s("acme"), false}, // moving from an aliased provider to customers
		{s("acme"), null, false},
		{null, null, false},
	} {
		if got := customerForcesReplace(c.prior, c.planned); got != c.want {
			t.Errorf("%v → %v: %v", c.prior, c.planned, got)
		}
	}
}

// grantCounter serves the emulator and counts token grants per client id.
type grantCounter struct {
	next   http.Handler
	mu     sync.Mutex
	grants map[string]int
}

func (g *grantCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/accessToken") {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		form, _ := url.ParseQuery(string(body))
		g.mu.Lock()
		g.grants[form.Get("client_id")]++
		g.mu.Unlock()
	}
	g.next.ServeHTTP(w, r)
}

// A provider with three customers, of which two are used concurrently: each used customer gets one client
// and one token, and the third customer (whose credentials LinkedIn would refuse) costs nothing.
func TestCustomerClientsAreLazyWithATokenEach(t *testing.T) {
	emu, err := emulator.New(emulator.Options{TaskDelay: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	counter := &grantCounter{next: emu, grants: map[string]int{}}
	srv := httptest.NewServer(counter)
	t.Cleanup(func() { srv.Close(); _ = emu.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	base := client.Config{BaseURL: srv.URL, OAuthURL: srv.URL + "/oauth/v2", HTTPClient: client.NewHTTPClient()}

	parentCfg := base
	parentCfg.ClientID, parentCfg.ClientSecret = emulator.ParentClientID, emulator.ParentClientSecret
	parent, err := client.New(parentCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Close()
	app, err := parent.Applications.Create(ctx, client.ProvisionedApplicationInput{UniqueForeignID: "beta", Name: "Beta ATS", Description: "beta"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{emulator.ChildClientID, app.Credentials.ClientID} {
		if err := emu.SetIntegration(emulator.IntegrationState{Application: a, IntegrationContext: emulator.SeedOrganization,
			IntegrationType: "PROFILE_PLUGIN", TenantType: "RECRUITER", Status: "ENABLED"}); err != nil {
			t.Fatal(err)
		}
	}
	cs, diags := newCustomerClients(ctx, customersMap(t, map[string]attr.Value{
		"acme": customerValue(t, emulator.ChildClientID, emulator.ChildClientSecret, ""),
		"beta": customerValue(t, app.Credentials.ClientID, app.Credentials.ClientSecret, ""),
		"idle": customerValue(t, "nobody", "refused-if-ever-used", ""),
	}), base)
	if diags.HasError() {
		t.Fatal(diags)
	}
	pd := &providerData{customers: cs}

	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		key := []string{"acme", "beta"}[i%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d diag.Diagnostics
			c := pd.clientFor(ctx, types.StringValue(key), &d, "read an integration")
			if c == nil {
				t.Errorf("%s: %v", key, d)
				return
			}
			if _, err := c.Integrations.Get(ctx, client.IntegrationKey{IntegrationContext: emulator.SeedOrganization,
				IntegrationType: "PROFILE_PLUGIN", TenantType: "RECRUITER"}); err != nil {
				t.Errorf("%s: %v", key, err)
			}
		}()
	}
	wg.Wait()
	counter.mu.Lock()
	defer counter.mu.Unlock()
	if counter.grants[emulator.ChildClientID] != 1 || counter.grants[app.Credentials.ClientID] != 1 || counter.grants["nobody"] != 0 {
		t.Errorf("token grants per client id: %v; want one each for acme and beta, none for idle", counter.grants)
	}
	if cs.entries["idle"].client != nil {
		t.Error("idle's client was created")
	}
}
