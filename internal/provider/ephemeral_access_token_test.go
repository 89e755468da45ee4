package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// ephemeralResourceVersions skips a test on Terraform before 1.10, which has no ephemeral resources.
var ephemeralResourceVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)}

// withEcho adds the echo provider, which copies an ephemeral value into state so that a test can look at it.
func withEcho() map[string]func() (tfprotov6.ProviderServer, error) {
	f := map[string]func() (tfprotov6.ProviderServer, error){"echo": echoprovider.NewProviderServer()}
	for k, v := range protoV6ProviderFactories {
		f[k] = v
	}
	return f
}

func accessTokenConfig(env *acctest.Env, clientSecret string) string {
	return env.ChildProviderConfig() + fmt.Sprintf(`
ephemeral "linkedin_access_token" "child" {
  client_id     = %q
  client_secret = %q
}

provider "echo" {
  data = ephemeral.linkedin_access_token.child
}

resource "echo" "token" {}
`, emulator.ChildClientID, clientSecret)
}

func TestAccAccessToken_ephemeral(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withEcho(),
		TerraformVersionChecks:   ephemeralResourceVersions,
		Steps: []resource.TestStep{
			{
				Config:      accessTokenConfig(env, "wrong-secret"),
				ExpectError: phrase(`Obtaining an access token for client_id emulator-child failed: LinkedIn refused the credentials`),
			},
			{
				Config: accessTokenConfig(env, emulator.ChildClientSecret),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr("echo.token", "data.access_token", regexp.MustCompile(`^\S{8,}$`)),
					resource.TestMatchResourceAttr("echo.token", "data.expires_at", regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)),
					resource.TestCheckResourceAttr("echo.token", "data.client_id", emulator.ChildClientID),
				),
			},
		},
	})
}

// TestAccProvider_logRedaction runs an apply at TF_LOG=TRACE and proves that no client secret or access token
// reaches the log, from Terraform or from the provider. Credentials come from the environment and a sensitive
// variable, so that the test harness's own copy of the configuration in the log holds none. The provider's
// customers map holds all three kinds of entries: client credentials from a variable, an access token from a
// variable, and the credentials of a child application created in the same run (unknown during the plan), used
// by a resource, a data source, a job posting and the ephemeral token. It cannot run in parallel (t.Setenv).
func TestAccProvider_logRedaction(t *testing.T) {
	env := acctest.NewEnv(t)
	enable(t, env, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("LINKEDIN_API_URL", env.URL)
	t.Setenv("LINKEDIN_OAUTH_URL", env.OAuthURL())
	t.Setenv("LINKEDIN_CLIENT_ID", emulator.ChildClientID)
	t.Setenv("LINKEDIN_CLIENT_SECRET", emulator.ChildClientSecret)
	t.Setenv("TF_VAR_child_secret", emulator.ChildClientSecret)
	t.Setenv("TF_VAR_parent_secret", emulator.ParentClientSecret)
	childToken, err := client.FetchToken(context.Background(), nil, env.OAuthURL(), emulator.ChildClientID, emulator.ChildClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_VAR_child_token", childToken.AccessToken)
	var newSecret string

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: parentAndChildFactories(),
		TerraformVersionChecks:   ephemeralResourceVersions,
		Steps: []resource.TestStep{{
			Config: `
provider "linkedin" {
  # Its own credentials, for the resources without customer: a provider with customers does not take them
  # from LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET.
  client_id     = "` + emulator.ChildClientID + `"
  client_secret = var.child_secret
  customers = {
    seeded  = { client_id = "` + emulator.ChildClientID + `", client_secret = var.child_secret }
    tokened = { access_token = var.child_token }
    traced  = {
      client_id     = linkedin_provisioned_application.traced.client_id
      client_secret = linkedin_provisioned_application.traced.client_secret
    }
  }
}

variable "child_secret" {
  type      = string
  sensitive = true
}

variable "child_token" {
  type      = string
  sensitive = true
}

resource "linkedin_integration_configuration" "seeded" {
  customer            = "seeded"
  integration_context = "` + emulator.SeedOrganization + `"
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

data "linkedin_integration" "tokened" {
  customer            = "tokened"
  integration_context = "` + emulator.SeedOrganization + `"
  integration_type    = "ONE_CLICK_EXPORT"
}

ephemeral "linkedin_access_token" "seeded" {
  customer = "seeded"
}

variable "parent_secret" {
  type      = string
  sensitive = true
}

provider "linkedin" {
  alias         = "parent"
  client_id     = "` + emulator.ParentClientID + `"
  client_secret = var.parent_secret
}

resource "linkedin_provisioned_application" "traced" {
  provider          = linkedin.parent
  unique_foreign_id = "traced"
  name              = "Traced Corp ATS"
  description       = "its client secret must not reach the log"
}

ephemeral "linkedin_access_token" "child" {
  client_id     = "` + emulator.ChildClientID + `"
  client_secret = var.child_secret
}

locals {
  token_length        = length(ephemeral.linkedin_access_token.child.access_token)
  seeded_token_length = length(ephemeral.linkedin_access_token.seeded.access_token)
}
` + configurationResource(emulator.SeedOrganization, "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://ats.example.com/linkedin/trace") +
				jobPostingConfig("traced", jobPostingAttrs("REQ-TRACED"), map[string]string{"customer": `"traced"`}),
			Check: stateAttr("linkedin_provisioned_application.traced", "client_secret", &newSecret),
		}},
	})

	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	log := string(raw)
	for _, want := range []string{"LinkedIn API call", "linkedin_integration_configuration", "linkedin_access_token", "LinkedIn client created for a customer"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the trace log (%d bytes) has no %q: logging did not reach it, so it proves nothing", len(log), want)
		}
	}
	if newSecret == "" {
		t.Fatal("the new child application's client secret was not captured")
	}
	for what, s := range map[string]string{
		"child access token (a customers entry)": childToken.AccessToken,
		"child client secret":                    emulator.ChildClientSecret,
		"parent client secret":                   emulator.ParentClientSecret,
		"new child application's client secret":  newSecret,
	} {
		if i := strings.Index(log, s); i >= 0 {
			t.Errorf("the trace log holds the %s at byte %d: %q", what, i, log[max(0, i-120):min(len(log), i+len(s)+40)])
		}
	}
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`Bearer [A-Za-z0-9._~+/=-]{8,}`),
		regexp.MustCompile(`"?access_token"?\s*[:=]\s*"[^"*\[]{8,}"`),
		regexp.MustCompile(`client_secret=[^&*\s"\[]{4,}`),
		regexp.MustCompile(`AQ[0-9a-f]{32,}`), // the emulator's token format
	} {
		if m := re.FindString(log); m != "" {
			i := strings.Index(log, m)
			t.Errorf("the trace log holds a credential: %q in %q", m, log[max(0, i-200):min(len(log), i+len(m)+40)])
		}
	}
}
