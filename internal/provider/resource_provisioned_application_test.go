package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
)

func applicationConfig(env *acctest.Env, foreignID, name, domain string) string {
	return env.ParentProviderConfig() + fmt.Sprintf(`
resource "linkedin_provisioned_application" "acme" {
  unique_foreign_id               = %q
  name                            = %q
  description                     = "Acme Corp's connection to our ATS"
  valid_js_sdk_domains            = [%q]
  oauth2_authorized_callback_urls = ["https://ats.example.com/oauth/callback"]
}
`, foreignID, name, domain)
}

func TestAccProvisionedApplication_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	const res = "linkedin_provisioned_application.acme"
	var urn string

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			// LinkedIn has no delete: destroy only forgets the application.
			if _, _, ok := env.Emulator.ApplicationByForeignID("acme-2"); !ok {
				return fmt.Errorf("application acme-2 should still exist on LinkedIn after destroy")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: applicationConfig(env, "acme-1", "Acme ATS", "https://ats.example.com"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^urn:li:developerApplication:\d+$`))),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("client_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("client_secret"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("valid_js_sdk_domains"), knownvalue.SetSizeExact(1)),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("oauth2_authorized_callback_urls"),
						knownvalue.SetPartial([]knownvalue.Check{knownvalue.StringExact("https://ats.example.com/oauth/callback")})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					stateAttr(res, "id", &urn),
					func(*terraform.State) error {
						got, _, ok := env.Emulator.ApplicationByForeignID("acme-1")
						if !ok || got != urn {
							return fmt.Errorf("emulator has %q (%v), state has %q", got, ok, urn)
						}
						return nil
					},
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// name, description and domains change in place
				Config: applicationConfig(env, "acme-1", "Acme ATS (production)", "https://jobs.example.com"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("name"), knownvalue.StringExact("Acme ATS (production)")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("client_secret"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("valid_js_sdk_domains"),
						knownvalue.SetPartial([]knownvalue.Check{knownvalue.StringExact("https://jobs.example.com")})),
				},
			},
			{
				ResourceName:            res,
				ImportState:             true,
				ImportStateId:           "acme-1",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"client_secret"},
			},
			{
				// renamed outside Terraform: the plan shows it and the apply puts it back
				PreConfig: func() {
					if err := env.Emulator.SetApplicationName(urn, "Renamed in the portal"); err != nil {
						t.Fatal(err)
					}
				},
				Config:             applicationConfig(env, "acme-1", "Acme ATS (production)", "https://jobs.example.com"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: applicationConfig(env, "acme-1", "Acme ATS (production)", "https://jobs.example.com"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("name"), knownvalue.StringExact("Acme ATS (production)")),
				},
			},
			{
				// a new unique_foreign_id is a new application
				Config: applicationConfig(env, "acme-2", "Acme ATS (production)", "https://jobs.example.com"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("unique_foreign_id"), knownvalue.StringExact("acme-2")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("client_secret"), knownvalue.NotNull()),
				},
			},
		},
	})
}
