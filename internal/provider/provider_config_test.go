package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

func fakeEnv(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := vars[k]
		return v, ok && v != ""
	}
}

func nullModel() providerModel {
	return providerModel{
		AccessToken: types.StringNull(), ClientID: types.StringNull(), ClientSecret: types.StringNull(),
		APIVersion: types.StringNull(), APIURL: types.StringNull(), OAuthURL: types.StringNull(), APIFamily: types.StringNull(),
		MaxRetries: types.Int64Null(), BatchWindowMS: types.Int64Null(), DisableCoalescing: types.BoolNull(),
	}
}

func TestClientConfigFromEnvironment(t *testing.T) {
	cfg, diags := nullModel().clientConfig(fakeEnv(map[string]string{
		envClientID: "id", envClientSecret: "secret", envAPIURL: "http://127.0.0.1:1/", envOAuthURL: "http://127.0.0.1:1/oauth/v2",
		envAPIVersion: "202603", envAPIFamily: "v2", envMaxRetries: "0", envBatchWindowMS: "25", envDisableCoalescing: "true",
	}), "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if cfg.ClientID != "id" || cfg.ClientSecret != "secret" || cfg.AccessToken != "" {
		t.Errorf("credentials: %+v", cfg)
	}
	if cfg.BaseURL != "http://127.0.0.1:1" || cfg.APIFamily != client.APIFamilyV2 || cfg.APIVersion != "202603" {
		t.Errorf("endpoints: %+v", cfg)
	}
	if cfg.MaxRetries != -1 || cfg.BatchWindow != 25*time.Millisecond || !cfg.DisableCoalescing {
		t.Errorf("tuning: %+v", cfg)
	}
}

func TestClientConfigConfigurationWinsAsAWhole(t *testing.T) {
	m := nullModel()
	m.ClientID, m.ClientSecret = types.StringValue("child"), types.StringValue("child-secret")
	cfg, diags := m.clientConfig(fakeEnv(map[string]string{envAccessToken: "parent-token", envClientID: "parent"}), "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if cfg.AccessToken != "" || cfg.ClientID != "child" {
		t.Errorf("environment credentials leaked into a configured provider: %+v", cfg)
	}
}

// A provider with customers never takes its own credentials from the environment, which usually holds the
// parent application's: a resource without customer then fails at plan time instead of being read with them.
func TestClientConfigCustomersIgnoreEnvironmentCredentials(t *testing.T) {
	m := nullModel()
	m.Customers = types.MapValueMust(types.StringType, map[string]attr.Value{}) // any non-null map
	cfg, diags := m.clientConfig(fakeEnv(map[string]string{envClientID: "parent", envClientSecret: "parent-secret",
		envAPIURL: "http://127.0.0.1:1"}), "test")
	if diags.HasError() {
		t.Fatal(diags)
	}
	if cfg.ClientID != "" || cfg.ClientSecret != "" || cfg.AccessToken != "" {
		t.Errorf("environment credentials taken by a provider with customers: %+v", cfg)
	}
	if cfg.BaseURL != "http://127.0.0.1:1" {
		t.Errorf("other settings still come from the environment; got api_url %q", cfg.BaseURL)
	}
}

func TestClientConfigAuthErrors(t *testing.T) {
	cases := map[string]struct {
		model providerModel
		env   map[string]string
		want  string
	}{
		"token and id in env": {nullModel(), map[string]string{envAccessToken: "t", envClientID: "i", envClientSecret: "s"}, "access_token"},
		"id without secret":   {nullModel(), map[string]string{envClientID: "i"}, "client_secret"},
		"secret without id":   {nullModel(), map[string]string{envClientSecret: "s"}, "client_id"},
		"bad family":          {nullModel(), map[string]string{envAccessToken: "t", envAPIFamily: "graphql"}, "api_family"},
		"bad version":         {nullModel(), map[string]string{envAccessToken: "t", envAPIVersion: "2026-03"}, "api_version"},
		"bad retries":         {nullModel(), map[string]string{envAccessToken: "t", envMaxRetries: "-3"}, envMaxRetries},
		"bad coalescing":      {nullModel(), map[string]string{envAccessToken: "t", envDisableCoalescing: "maybe"}, envDisableCoalescing},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, diags := c.model.clientConfig(fakeEnv(c.env), "test")
			if !diags.HasError() {
				t.Fatal("no error")
			}
			var all strings.Builder
			for _, d := range diags.Errors() {
				all.WriteString(d.Summary() + " " + d.Detail())
			}
			if !strings.Contains(all.String(), c.want) {
				t.Errorf("error %q does not name %s", all.String(), c.want)
			}
		})
	}
}

func TestClientConfigNoCredentials(t *testing.T) {
	_, diags := nullModel().clientConfig(fakeEnv(nil), "test")
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "client_id and client_secret") {
		t.Fatalf("want an error naming the attributes, got %v", diags)
	}
}

func TestUnknownAttributes(t *testing.T) {
	m := nullModel()
	m.ClientSecret = types.StringUnknown()
	if got := m.unknownAttributes(); len(got) != 1 || got[0] != "client_secret" {
		t.Errorf("got %v", got)
	}
}

// LINKEDIN_API_VERSION, LINKEDIN_API_URL and LINKEDIN_OAUTH_URL get the rules of api_version, api_url and
// oauth_url at Configure time (before any call); a value set in the configuration was checked by the schema.
func TestClientConfigEnvironmentRules(t *testing.T) {
	now := time.Now().UTC()
	month := func(offset int) string {
		return time.Date(now.Year(), now.Month()+time.Month(offset), 1, 0, 0, 0, 0, time.UTC).Format("200601")
	}
	cases := []struct {
		name         string
		env          map[string]string
		attr, detail string // "" = no error
		warning      string
	}{
		{name: "version month 13", env: map[string]string{envAPIVersion: "202613"}, attr: "api_version",
			detail: `Attribute api_version (set by LINKEDIN_API_VERSION) must name a real month`},
		{name: "version next month", env: map[string]string{envAPIVersion: month(1)}, attr: "api_version", detail: "must not be in the future"},
		{name: "version this month", env: map[string]string{envAPIVersion: month(0)}},
		{name: "version 13 months old", env: map[string]string{envAPIVersion: month(-13) + ".01"}, warning: "13 months old"},
		{name: "api url plain http", env: map[string]string{envAPIURL: "http://api.linkedin.com"}, attr: "api_url",
			detail: "Attribute api_url (set by LINKEDIN_API_URL) must be an https:// URL"},
		{name: "oauth url plain http", env: map[string]string{envOAuthURL: "http://www.linkedin.com/oauth/v2"}, attr: "oauth_url",
			detail: "use https://www.linkedin.com/oauth/v2"},
		{name: "loopback emulator", env: map[string]string{envAPIURL: "http://localhost:8080", envOAuthURL: "http://[::1]:8080/oauth/v2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]string{envAccessToken: "token"}
			for k, v := range c.env {
				vars[k] = v
			}
			_, diags := nullModel().clientConfig(fakeEnv(vars), "test")
			if c.attr == "" {
				if diags.HasError() {
					t.Fatalf("unexpected error: %v", diags)
				}
			} else {
				if len(diags.Errors()) != 1 || !diags.Errors()[0].(diag.DiagnosticWithPath).Path().Equal(path.Root(c.attr)) ||
					!strings.Contains(diags.Errors()[0].Detail(), c.detail) {
					t.Fatalf("want one error on %s containing %q, got %v", c.attr, c.detail, diags)
				}
			}
			switch w := diags.Warnings(); {
			case c.warning == "" && len(w) > 0:
				t.Errorf("unexpected warning %v", w)
			case c.warning != "" && (len(w) != 1 || !strings.Contains(w[0].Detail(), c.warning) || !strings.Contains(w[0].Detail(), envAPIVersion)):
				t.Errorf("want a warning containing %q, got %v", c.warning, w)
			}
		})
	}
	// A configured value wins over the variable and is not checked twice (the schema checked it).
	m := nullModel()
	m.APIVersion, m.APIURL = types.StringValue(month(-20)), types.StringValue("https://api.linkedin.com")
	if _, diags := m.clientConfig(fakeEnv(map[string]string{envAccessToken: "t", envAPIVersion: "202613", envAPIURL: "http://x.example"}), "test"); len(diags) != 0 {
		t.Errorf("configured values: %v", diags)
	}
}

// api_version's validator: an error for a month that does not exist or is in the future, a warning (not an
// error) for a version over a year old.
func TestAPIVersionValidator(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	v := apiVersionValidator(now)
	run := func(s string) diag.Diagnostics {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("api_version"), ConfigValue: types.StringValue(s)}, resp)
		return resp.Diagnostics
	}
	if d := run("202603"); len(d) != 0 {
		t.Errorf("202603: %v", d)
	}
	for s, want := range map[string]string{"202613": "Attribute api_version must name a real month", "202612": "must not be in the future"} {
		if d := run(s); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), want) {
			t.Errorf("%s: want an error containing %q, got %v", s, want, d)
		}
	}
	d := run("202501")
	if d.HasError() || len(d.Warnings()) != 1 || !strings.Contains(d.Warnings()[0].Detail(), `Attribute api_version: "202501" is 22 months old`) {
		t.Errorf("202501: want one warning, got %v", d)
	}
}
