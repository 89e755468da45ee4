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
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

func integrationConfig(env *acctest.Env, integrationType, name string) string {
	return env.ChildProviderConfig() + fmt.Sprintf(`
resource "linkedin_integration" "this" {
  integration_context = %q
  integration_type    = %q
  integration_name    = %q
}
`, emulator.SeedOrganization, integrationType, name)
}

func TestAccIntegration_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	org := emulator.SeedOrganization
	enable(t, env, org, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	enable(t, env, org, "IN_ATS_INDICATOR", "RECRUITER", "ENABLED")
	const res = "linkedin_integration.this"
	nameOnLinkedIn := func(itype, want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			in, ok := env.Emulator.Integration(emulator.ChildApplication, org, itype, "RECRUITER")
			if !ok || in.IntegrationName != want {
				return fmt.Errorf("emulator holds %+v (found %v), want name %q", in, ok, want)
			}
			return nil
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			// partners cannot delete integrations: destroy only forgets it
			if _, ok := env.Emulator.Integration(emulator.ChildApplication, org, "IN_ATS_INDICATOR", "RECRUITER"); !ok {
				return fmt.Errorf("integration should still exist after destroy")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: integrationConfig(env, "ONE_CLICK_EXPORT", "Acme ATS export"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(org+"/ONE_CLICK_EXPORT/RECRUITER")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("tenant_type"), knownvalue.StringExact("RECRUITER")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("status"), knownvalue.StringExact("PENDING_CONFIGURATION")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
				},
				Check: nameOnLinkedIn("ONE_CLICK_EXPORT", "Acme ATS export"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: integrationConfig(env, "ONE_CLICK_EXPORT", "Acme ATS one-click export"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: nameOnLinkedIn("ONE_CLICK_EXPORT", "Acme ATS one-click export"),
			},
			{
				ResourceName:      res,
				ImportState:       true,
				ImportStateId:     org + "/ONE_CLICK_EXPORT/RECRUITER",
				ImportStateVerify: true,
			},
			{
				// an import ID that breaks the schema's rules is refused before LinkedIn is called
				ResourceName:  res,
				ImportState:   true,
				ImportStateId: org + "/FOO/RECRUITER",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*integration type "FOO" is not one of`),
			},
			{
				// renamed outside Terraform
				PreConfig: func() {
					in, _ := env.Emulator.Integration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER")
					in.IntegrationName = "Renamed by someone"
					if err := env.Emulator.SetIntegration(in); err != nil {
						t.Fatal(err)
					}
				},
				Config:             integrationConfig(env, "ONE_CLICK_EXPORT", "Acme ATS one-click export"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// another integration type is another integration
				Config: integrationConfig(env, "IN_ATS_INDICATOR", "Acme ATS indicator"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(res, tfjsonpath.New("status"), knownvalue.StringExact("ENABLED")),
				},
				Check: nameOnLinkedIn("IN_ATS_INDICATOR", "Acme ATS indicator"),
			},
		},
	})
}

func TestAccIntegration_notEnabledByCustomer(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      integrationConfig(env, "PROFILE_PLUGIN", "Acme profile plugin"),
				ExpectError: phrase("the customer must first enable PROFILE_PLUGIN"),
			},
			{
				Config: env.ChildProviderConfig() + fmt.Sprintf(`
data "linkedin_integration" "x" {
  integration_context = %q
  integration_type    = "UNIFIED_SEARCH"
}
`, emulator.SeedOrganization),
				ExpectError: phrase("the customer must first enable UNIFIED_SEARCH"),
			},
		},
	})
}

func TestAccIntegrationDataSource(t *testing.T) {
	env := acctest.NewEnv(t)
	org := emulator.SeedOrganization
	enable(t, env, org, "APPLY_CONNECT", "JOBS", "ENABLED")
	enable(t, env, org, "RECOMMENDED_MATCHES", "RECRUITER", "DISABLED")
	const ds = "data.linkedin_integration.apply"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ChildProviderConfig() + fmt.Sprintf(`
data "linkedin_integration" "apply" {
  integration_context = %q
  integration_type    = "APPLY_CONNECT"
}
`, org),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("tenant_type"), knownvalue.StringExact("JOBS")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("status"), knownvalue.StringExact("ENABLED")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("id"), knownvalue.StringExact(org+"/APPLY_CONNECT/JOBS")),
				},
			},
			{
				Config: env.ChildProviderConfig() + fmt.Sprintf(`
data "linkedin_integration" "off" {
  integration_context = %q
  integration_type    = "RECOMMENDED_MATCHES"
}
`, org),
				ExpectError: phrase("The customer turned integration"),
			},
		},
	})
}
