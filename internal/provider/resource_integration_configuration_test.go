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

const otherOrganization = "urn:li:organization:2000"

func configurationConfig(env *acctest.Env, callbackURL, viewersContext string) string {
	return env.ChildProviderConfig() + fmt.Sprintf(`
resource "linkedin_integration_configuration" "callback" {
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = %q
}

resource "linkedin_integration_configuration" "viewers" {
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}
`, emulator.SeedOrganization, callbackURL, viewersContext)
}

func TestAccIntegrationConfiguration_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	org := emulator.SeedOrganization
	enable(t, env, org, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	enable(t, env, otherOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	const callback, viewers = "linkedin_integration_configuration.callback", "linkedin_integration_configuration.viewers"
	onLinkedIn := func(ctx, name, want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			got, ok := env.Emulator.Configuration(emulator.ChildApplication, ctx, "ONE_CLICK_EXPORT", "RECRUITER", name)
			if want == "" && ok {
				return fmt.Errorf("%s of %s should be deleted, holds %q", name, ctx, got)
			}
			if want != "" && got != want {
				return fmt.Errorf("%s of %s holds %q (found %v), want %q", name, ctx, got, ok, want)
			}
			return nil
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(
			onLinkedIn(otherOrganization, "JOB_POSTING_VIEWERS", ""),                    // deleted
			onLinkedIn(org, "CALLBACK_URL", "https://ats.example.com/linkedin/acme/v2"), // LinkedIn keeps it
		),
		Steps: []resource.TestStep{
			{
				Config: configurationConfig(env, "https://ats.example.com/linkedin/acme", org),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(callback, tfjsonpath.New("id"), knownvalue.StringExact(org+"/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL")),
					statecheck.ExpectKnownValue(callback, tfjsonpath.New("tenant_type"), knownvalue.StringExact("RECRUITER")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					onLinkedIn(org, "CALLBACK_URL", "https://ats.example.com/linkedin/acme"),
					onLinkedIn(org, "JOB_POSTING_VIEWERS", "ALL_PRODUCT_USERS"),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// the value changes in place
				Config: configurationConfig(env, "https://ats.example.com/linkedin/acme/v2", org),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(callback, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(viewers, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: onLinkedIn(org, "CALLBACK_URL", "https://ats.example.com/linkedin/acme/v2"),
			},
			{
				ResourceName:      callback,
				ImportState:       true,
				ImportStateId:     org + "/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL",
				ImportStateVerify: true,
			},
			{
				// an import ID that breaks the schema's rules is refused before LinkedIn is called
				ResourceName:  callback,
				ImportState:   true,
				ImportStateId: org + "/ONE_CLICK_EXPORT/JOBS/CALLBACK_URL",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*uses tenant type RECRUITER`),
			},
			{
				// a value changed outside Terraform shows in the plan
				PreConfig: func() {
					env.Emulator.SetConfiguration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", "https://evil.example.com/")
				},
				Config: configurationConfig(env, "https://ats.example.com/linkedin/acme/v2", org),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(callback, plancheck.ResourceActionUpdate)},
				},
				Check: onLinkedIn(org, "CALLBACK_URL", "https://ats.example.com/linkedin/acme/v2"),
			},
			{
				// a key deleted outside Terraform is created again
				PreConfig: func() {
					env.Emulator.SetConfiguration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS", "")
				},
				Config: configurationConfig(env, "https://ats.example.com/linkedin/acme/v2", org),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(viewers, plancheck.ResourceActionCreate)},
				},
				Check: onLinkedIn(org, "JOB_POSTING_VIEWERS", "ALL_PRODUCT_USERS"),
			},
			{
				// another integration context is another key: replaced (the old key is deleted)
				Config: configurationConfig(env, "https://ats.example.com/linkedin/acme/v2", otherOrganization),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(viewers, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					onLinkedIn(org, "JOB_POSTING_VIEWERS", ""),
					onLinkedIn(otherOrganization, "JOB_POSTING_VIEWERS", "ALL_PRODUCT_USERS"),
				),
			},
		},
	})
}

// LinkedIn refuses a CALLBACK_URL that another integration context of the same child application already uses
// (409): the apply fails with an explanation. This cannot be checked at plan time.
func TestAccIntegrationConfiguration_callbackURLInUse(t *testing.T) {
	env := acctest.NewEnv(t)
	enable(t, env, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	enable(t, env, otherOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.ChildProviderConfig() + fmt.Sprintf(`
resource "linkedin_integration_configuration" "first" {
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/shared"
}

resource "linkedin_integration_configuration" "second" {
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/shared"
  depends_on          = [linkedin_integration_configuration.first]
}
`, emulator.SeedOrganization, otherOrganization),
			ExpectError: phrase("a CALLBACK_URL already used by another customer of this application"),
		}},
	})
}
