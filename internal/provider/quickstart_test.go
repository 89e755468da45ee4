package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// TestAccQuickstart_aliasedChildProvider is the documented layout: the parent provider provisions a child
// application, and an aliased provider configured from its credentials manages the customer's integration and
// configuration. (parentAndChildFactories gives each provider configuration its own server, as in a real run.)
func TestAccQuickstart_aliasedChildProvider(t *testing.T) {
	env := acctest.NewEnv(t)
	org := emulator.SeedOrganization
	application := env.ParentProviderConfig() + `
resource "linkedin_provisioned_application" "customer" {
  unique_foreign_id = "quickstart"
  name              = "Quickstart Corp ATS"
  description       = "Quickstart Corp's connection to our ATS"
}
`
	customer := application + fmt.Sprintf(`
provider "linkedin" {
  alias         = "customer"
  api_url       = %q
  oauth_url     = %q
  client_id     = linkedin_provisioned_application.customer.client_id
  client_secret = linkedin_provisioned_application.customer.client_secret
}

resource "linkedin_integration" "export" {
  provider            = linkedin.customer
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Quickstart export"
}

resource "linkedin_integration_configuration" "callback" {
  provider            = linkedin.customer
  integration_context = linkedin_integration.export.integration_context
  integration_type    = linkedin_integration.export.integration_type
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/quickstart"
}
`, env.URL, env.OAuthURL(), org)
	var app string

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: parentAndChildFactories(),
		Steps: []resource.TestStep{
			{
				Config: application,
				Check:  stateAttr("linkedin_provisioned_application.customer", "id", &app),
			},
			{
				// the customer enables One-Click Export for its new application in LinkedIn
				PreConfig: func() {
					if err := env.Emulator.SetIntegration(emulator.IntegrationState{
						Application: app, IntegrationContext: org, IntegrationType: "ONE_CLICK_EXPORT",
						TenantType: "RECRUITER", Status: "PENDING_CONFIGURATION",
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: customer,
				Check: func(*terraform.State) error {
					got, ok := env.Emulator.Configuration(app, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL")
					if !ok || got != "https://ats.example.com/linkedin/quickstart" {
						return fmt.Errorf("the new child application's CALLBACK_URL is %q (%v)", got, ok)
					}
					if _, ok := env.Emulator.Configuration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); ok {
						return fmt.Errorf("the seeded child application got the configuration")
					}
					return nil
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// replacing the child application makes the aliased provider's credentials unknown: the plan
				// still works (the customer's resources keep their prior state until the apply)
				Config:             strings.Replace(customer, `unique_foreign_id = "quickstart"`, `unique_foreign_id = "quickstart-2"`, 1),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccQuickstart_unknownChildCredentials plans the whole layout before the application exists: the aliased
// provider's credentials are unknown, and the plan must still succeed.
func TestAccQuickstart_unknownChildCredentials(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: parentAndChildFactories(),
		Steps: []resource.TestStep{{
			Config: env.ParentProviderConfig() + fmt.Sprintf(`
resource "linkedin_provisioned_application" "customer" {
  unique_foreign_id = "planned"
  name              = "Planned Corp ATS"
  description       = "planned"
}

provider "linkedin" {
  alias         = "customer"
  api_url       = %q
  client_id     = linkedin_provisioned_application.customer.client_id
  client_secret = linkedin_provisioned_application.customer.client_secret
}

resource "linkedin_integration_configuration" "callback" {
  provider            = linkedin.customer
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/planned"
}
`, env.URL, emulator.SeedOrganization),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}
