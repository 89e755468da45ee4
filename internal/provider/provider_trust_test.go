package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// The state is sacred: only LinkedIn saying "this entity does not exist" removes a resource from it. A
// mistyped address, a refused secret or an outage must fail loudly and leave the state as it was.

// phrases matches each text in order, as Terraform prints it (wrapped anywhere), with anything between.
func phrases(texts ...string) *regexp.Regexp {
	parts := make([]string, len(texts))
	for i, text := range texts {
		parts[i] = phrase(text).String()
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

// childProvider is a provider block for the seeded child application with the given addresses and secret.
func childProvider(apiURL, oauthURL, secret string) string {
	return fmt.Sprintf(`
provider "linkedin" {
  api_url       = %q
  oauth_url     = %q
  client_id     = %q
  client_secret = %q
}
`, apiURL, oauthURL, emulator.ChildClientID, secret)
}

// estateConfig is what a customer's configuration typically holds: three configuration keys, an adopted
// integration and a job posting.
func estateConfig(provider string) string {
	return provider + fmt.Sprintf(`
resource "linkedin_integration_configuration" "callback" {
  integration_context = %[1]q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/acme"
}

resource "linkedin_integration_configuration" "job_viewers" {
  integration_context = %[1]q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

resource "linkedin_integration_configuration" "application_viewers" {
  integration_context = %[1]q
  integration_type    = "IN_ATS_INDICATOR"
  name                = "APPLICATION_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

resource "linkedin_integration" "indicator" {
  integration_context = %[1]q
  integration_type    = "IN_ATS_INDICATOR"
  integration_name    = "Acme - in-ATS indicator"
}
`, emulator.SeedOrganization) + jobPostingConfig("job", jobPostingAttrs("LEG-1"))
}

// The new user's scenario: an apply, then the same configuration with an api_url LinkedIn does not serve
// (a path prefix of a proxy that does not exist: api_url ending in /rest or /v2 is refused at plan time,
// see validation_test.go), an oauth_url that is not LinkedIn's OAuth service, and a wrong secret. Each plan
// fails naming the setting to check, and afterwards the right configuration plans no change: nothing left
// the state.
func TestAccTrust_wrongAddressesAndSecretsLeaveTheStateAlone(t *testing.T) {
	env := acctest.NewEnv(t)
	enable(t, env, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	good := estateConfig(childProvider(env.URL, env.OAuthURL(), emulator.ChildClientSecret))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: good},
			{
				Config:      estateConfig(childProvider(env.URL+"/linkedin-proxy", env.OAuthURL(), emulator.ChildClientSecret)),
				ExpectError: phrases("failed: wrong LinkedIn address", "Check api_url", "The Terraform state was not changed"),
			},
			{
				Config:      estateConfig(childProvider(env.URL, env.URL+"/oauth", emulator.ChildClientSecret)),
				ExpectError: phrases("failed: no access token from the OAuth endpoint", "Check oauth_url"),
			},
			{
				Config:      estateConfig(childProvider(env.URL, env.OAuthURL(), "rotated-yesterday")),
				ExpectError: phrases("failed: LinkedIn refused the credentials", `refused client_id "emulator-child"`),
			},
			{
				Config: good,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if v, ok := env.Emulator.Configuration(emulator.ChildApplication, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); !ok || v == "" {
						return fmt.Errorf("CALLBACK_URL is gone from the emulator")
					}
					return nil
				},
			},
		},
	})
}

// A create refused for its credentials says so, names the operation that was running (not "reading")
// and the client id.
func TestAccTrust_refusedSecretOnCreateNamesTheOperation(t *testing.T) {
	env := acctest.NewEnv(t)
	enable(t, env, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: childProvider(env.URL, env.OAuthURL(), "not-the-secret") + fmt.Sprintf(`
resource "linkedin_integration" "export" {
  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Acme - export"
}
`, emulator.SeedOrganization),
			ExpectError: phrases("Creating (adopting) integration urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER failed: LinkedIn refused the credentials",
				`client_id "emulator-child"`),
		}},
	})
}

// LinkedIn goes away for 30 s in the middle of an apply of 20 job postings and 20 configurations. Every
// call rides it out within the resources' timeouts: the apply succeeds, no job is sent twice, and the next
// plan is empty.
func TestAccTrust_applyRidesOutAThirtySecondOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("a 30-second outage")
	}
	env := acctest.NewOutageEnv(t)
	const n = 20
	var b strings.Builder
	b.WriteString(childProvider(env.URL, env.OAuthURL(), emulator.ChildClientSecret))
	for i := 0; i < n; i++ {
		org := fmt.Sprintf("urn:li:organization:%d", 3000+i)
		enable(t, env.Env, org, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
		fmt.Fprintf(&b, `
resource "linkedin_integration_configuration" "callback_%[1]d" {
  integration_context = %[2]q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/customer-%[1]d"
}
`, i, org)
		b.WriteString(jobPostingConfig(fmt.Sprintf("job_%d", i), jobPostingAttrs(fmt.Sprintf("OUTAGE-%d", i))))
	}

	var outageStarted atomic.Bool
	startOutageMidApply := func() {
		before := env.Emulator.TotalRequests()
		go func() {
			deadline := time.Now().Add(2 * time.Minute)
			for env.Emulator.TotalRequests() < before+4 && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			outageStarted.Store(true)
			env.Stop(t, 30*time.Second)
		}()
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for i := 0; i < n; i++ {
				if st, _ := env.Emulator.JobListingStatus(emulator.ChildApplication, fmt.Sprintf("OUTAGE-%d", i)); st == "LISTED" {
					return fmt.Errorf("OUTAGE-%d is still listed after destroy", i)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{{
			PreConfig: startOutageMidApply,
			Config:    b.String(),
			Check: func(*terraform.State) error {
				if !outageStarted.Load() {
					return fmt.Errorf("the outage never started: the test proved nothing")
				}
				for i := 0; i < n; i++ {
					id := fmt.Sprintf("OUTAGE-%d", i)
					ops, statuses := env.Emulator.JobOperations(emulator.ChildApplication, id)
					if len(ops) != 1 || ops[0] != "CREATE" || statuses[0] != "SUCCEEDED" {
						return fmt.Errorf("job %s: LinkedIn received %v (%v), want one CREATE that succeeded", id, ops, statuses)
					}
					org := fmt.Sprintf("urn:li:organization:%d", 3000+i)
					want := fmt.Sprintf("https://ats.example.com/linkedin/customer-%d", i)
					if v, _ := env.Emulator.Configuration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); v != want {
						return fmt.Errorf("CALLBACK_URL of %s is %q, want %q", org, v, want)
					}
				}
				return nil
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		}},
	})
}
