package provider_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// TestAccProvider_accessToken authenticates with a token obtained elsewhere instead of client credentials.
func TestAccProvider_accessToken(t *testing.T) {
	env := acctest.NewEnv(t)
	enable(t, env, emulator.SeedOrganization, "PROFILE_PLUGIN", "RECRUITER", "ENABLED")
	tok, err := client.FetchToken(context.Background(), nil, env.OAuthURL(), emulator.ChildClientID, emulator.ChildClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "linkedin" {
  api_url      = %q
  access_token = %q
  api_version  = "202603"
}

data "linkedin_integration" "plugin" {
  integration_context = %q
  integration_type    = "PROFILE_PLUGIN"
}
`, env.URL, tok.AccessToken, emulator.SeedOrganization),
			Check: resource.TestCheckResourceAttr("data.linkedin_integration.plugin", "status", "ENABLED"),
		}},
	})
}
