package provider

import (
	"strings"
	"testing"
	"time"

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
