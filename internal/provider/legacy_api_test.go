package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// TestAccLegacyAPIFamily runs integrations and configurations through LinkedIn's legacy /v2/atsIntegrations
// endpoints (api_family = "v2"), with every tuning attribute of the provider set.
func TestAccLegacyAPIFamily(t *testing.T) {
	env := acctest.NewEnv(t)
	org := emulator.SeedOrganization
	enable(t, env, org, "IN_ATS_INDICATOR", "RECRUITER", "ENABLED")
	config := fmt.Sprintf(`
provider "linkedin" {
  api_url            = %q
  oauth_url          = %q
  client_id          = %q
  client_secret      = %q
  api_family         = "v2"
  api_version        = "202603"
  max_retries        = 2
  batch_window_ms    = 5
  disable_coalescing = true
}

resource "linkedin_integration" "indicator" {
  integration_context = %q
  integration_type    = "IN_ATS_INDICATOR"
  integration_name    = "Acme in-ATS indicator"
}

resource "linkedin_integration_configuration" "viewers" {
  integration_context = linkedin_integration.indicator.integration_context
  integration_type    = linkedin_integration.indicator.integration_type
  name                = "APPLICATION_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}
`, env.URL, env.OAuthURL(), emulator.ChildClientID, emulator.ChildClientSecret, org)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if v, ok := env.Emulator.Configuration(emulator.ChildApplication, org, "IN_ATS_INDICATOR", "RECRUITER", "APPLICATION_VIEWERS"); ok {
				return fmt.Errorf("APPLICATION_VIEWERS should be deleted, holds %q", v)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					for _, rc := range env.Emulator.RequestCounts() {
						if len(rc.Path) >= 5 && rc.Path[:5] == "/rest" {
							return fmt.Errorf("api_family v2 called %s %s", rc.Method, rc.Path)
						}
					}
					v, _ := env.Emulator.Configuration(emulator.ChildApplication, org, "IN_ATS_INDICATOR", "RECRUITER", "APPLICATION_VIEWERS")
					if v != "ALL_PRODUCT_USERS" {
						return fmt.Errorf("APPLICATION_VIEWERS = %q", v)
					}
					return nil
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				ResourceName:      "linkedin_integration_configuration.viewers",
				ImportState:       true,
				ImportStateId:     org + "/IN_ATS_INDICATOR/RECRUITER/APPLICATION_VIEWERS",
				ImportStateVerify: true,
			},
		},
	})
}
