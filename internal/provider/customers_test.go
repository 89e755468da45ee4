package provider_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// Many customers in one provider configuration: the provider's customers map holds each customer's
// child-application credentials, and resources choose one with customer.

// testCustomer is a customer with its own child application and organization.
type testCustomer struct {
	key, app, clientID, secret, org string
}

// newCustomers provisions a child application per key (with the partner's parent application, through
// LinkedIn's provisioning API) and, as each customer would in LinkedIn, enables One-Click Export for it.
// Organizations are numbered from firstOrg.
func newCustomers(t *testing.T, env *acctest.Env, firstOrg int, keys ...string) map[string]testCustomer {
	t.Helper()
	parent, err := client.New(client.Config{BaseURL: env.URL, OAuthURL: env.OAuthURL(),
		ClientID: emulator.ParentClientID, ClientSecret: emulator.ParentClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := map[string]testCustomer{}
	for i, key := range keys {
		app, err := parent.Applications.Create(ctx, client.ProvisionedApplicationInput{
			UniqueForeignID: "customer-" + key, Name: key + " ATS", Description: key + "'s connection to our ATS"})
		if err != nil {
			t.Fatalf("provisioning %s: %v", key, err)
		}
		c := testCustomer{key: key, app: app.Key, clientID: app.Credentials.ClientID, secret: app.Credentials.ClientSecret,
			org: fmt.Sprintf("urn:li:organization:%d", firstOrg+i)}
		if err := env.Emulator.SetIntegration(emulator.IntegrationState{Application: c.app, IntegrationContext: c.org,
			IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: "PENDING_CONFIGURATION"}); err != nil {
			t.Fatal(err)
		}
		out[key] = c
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// customersProvider is a provider block with a customers entry for each customer, and extra entries as
// given (HCL lines), and no credentials of its own.
func customersProvider(env *acctest.Env, customers map[string]testCustomer, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "provider \"linkedin\" {\n  api_url   = %q\n  oauth_url = %q\n  customers = {\n", env.URL, env.OAuthURL())
	for _, k := range sortedKeys(customers) {
		c := customers[k]
		fmt.Fprintf(&b, "    %s = { client_id = %q, client_secret = %q }\n", k, c.clientID, c.secret)
	}
	for _, e := range extra {
		fmt.Fprintf(&b, "    %s\n", e)
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// customersEstate is what each customer gets: an integration, its CALLBACK_URL and JOB_POSTING_VIEWERS keys, a
// job posting (REQ-<customer>: ImportStateVerify tells resources apart by id) and the job's status. One block per customer (named after it) rather than for_each, which terraform-plugin-testing's
// Check and ImportStateVerify do not support; TestAccCustomers_importBlocksForEachCustomer and
// TestAccCustomers_unknownCredentialsOfANewCustomer use for_each.
func customersEstate(customers map[string]testCustomer, callback func(key string) string) string {
	var b strings.Builder
	for _, k := range sortedKeys(customers) {
		fmt.Fprintf(&b, `
resource "linkedin_integration" "export_%[1]s" {
  customer            = %[1]q
  integration_context = %[2]q
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "%[1]s - export to our ATS"
}

resource "linkedin_integration_configuration" "callback_%[1]s" {
  customer            = %[1]q
  integration_context = linkedin_integration.export_%[1]s.integration_context
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = %[3]q
}

resource "linkedin_integration_configuration" "job_viewers_%[1]s" {
  customer            = %[1]q
  integration_context = %[2]q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

data "linkedin_job_posting_statuses" "jobs_%[1]s" {
  customer                 = %[1]q
  external_job_posting_ids = [linkedin_job_posting.job_%[1]s.external_job_posting_id]
}
`, k, customers[k].org, callback(k))
		b.WriteString(jobPostingConfig("job_"+k, jobPostingAttrs(perCustomerJob(k)), map[string]string{
			"customer": fmt.Sprintf("%q", k), "integration_context": fmt.Sprintf("%q", customers[k].org),
		}))
	}
	return b.String()
}

// perCustomerJob is the external id of each customer's job in customersEstate.
func perCustomerJob(key string) string { return "REQ-" + key }

// sameJob is the external id of every customer's job in customersForEach: LinkedIn keeps each application's
// jobs apart.
func sameJob(string) string { return "REQ-1" }

// customersForEach is customersEstate with for_each over the customers.
func customersForEach(customers map[string]testCustomer, callback func(key string) string) string {
	var b strings.Builder
	b.WriteString("locals {\n  customers = {\n")
	for _, k := range sortedKeys(customers) {
		fmt.Fprintf(&b, "    %s = { org = %q, callback = %q }\n", k, customers[k].org, callback(k))
	}
	b.WriteString("  }\n}\n")
	b.WriteString(`
resource "linkedin_integration" "export" {
  for_each            = local.customers
  customer            = each.key
  integration_context = each.value.org
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "${each.key} - export to our ATS"
}

resource "linkedin_integration_configuration" "callback" {
  for_each            = local.customers
  customer            = each.key
  integration_context = linkedin_integration.export[each.key].integration_context
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = each.value.callback
}

resource "linkedin_integration_configuration" "job_viewers" {
  for_each            = local.customers
  customer            = each.key
  integration_context = each.value.org
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}
`)
	b.WriteString(jobPostingConfig("job", jobPostingAttrs(sameJob("")), map[string]string{
		"for_each": "local.customers", "customer": "each.key", "integration_context": "each.value.org",
	}))
	return b.String()
}

// forEachCleanUp is the last step of a test with for_each resources: it destroys them, since
// terraform-plugin-testing cannot read a state holding for_each instances when the test ends.
func forEachCleanUp(config string) resource.TestStep {
	return resource.TestStep{Config: config}
}

// checkEmulator is a state check that looks at the emulator rather than the state (terraform-plugin-testing's
// Check functions do not support for_each).
type checkEmulator func() error

func (f checkEmulator) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f()
}

func defaultCallback(key string) string { return "https://ats.example.com/linkedin/" + key }

// onLinkedIn checks, for each customer, what its own child application holds on the emulator.
func onLinkedIn(env *acctest.Env, customers map[string]testCustomer, callback, job func(string) string, jobListing string) checkEmulator {
	return func() error {
		for _, k := range sortedKeys(customers) {
			c := customers[k]
			if got, _ := env.Emulator.Configuration(c.app, c.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); got != callback(k) {
				return fmt.Errorf("%s: CALLBACK_URL is %q on LinkedIn, want %q", k, got, callback(k))
			}
			if _, ok := env.Emulator.Configuration(c.app, c.org, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"); !ok {
				return fmt.Errorf("%s: JOB_POSTING_VIEWERS is missing on LinkedIn", k)
			}
			if in, _ := env.Emulator.Integration(c.app, c.org, "ONE_CLICK_EXPORT", "RECRUITER"); in.IntegrationName != k+" - export to our ATS" {
				return fmt.Errorf("%s: the integration is named %q", k, in.IntegrationName)
			}
			if got, _ := env.Emulator.JobListingStatus(c.app, job(k)); got != jobListing {
				return fmt.Errorf("%s: job %s is %q, want %s", k, job(k), got, jobListing)
			}
			// Nothing reached the seeded child application, which no customer uses.
			if _, ok := env.Emulator.JobListingStatus(emulator.ChildApplication, job(k)); ok {
				return fmt.Errorf("the seeded child application got job %s", job(k))
			}
		}
		return nil
	}
}

// Three customers in one provider configuration: create, update, drift, import with @customer, a customer
// key missing from the map, a resource without customer in a provider without credentials of its own, and
// offboarding (the wrong way fails naming what to do; the right way closes the jobs, deletes the deletable
// key and keeps CALLBACK_URL). A fourth entry, whose credentials LinkedIn would refuse, is never used: no token
// is fetched for a customer none of whose resources is touched.
func TestAccCustomers_threeCustomersOneProvider(t *testing.T) {
	env := acctest.NewEnv(t)
	all := newCustomers(t, env, 2001, "acme", "beta", "gamma")
	const unused = `unused = { client_id = "nobody", client_secret = "refused-if-ever-used" }`
	provider := customersProvider(env, all, unused)
	full := provider + customersEstate(all, defaultCallback)
	betaMoved := func(k string) string {
		if k == "beta" {
			return "https://ats.example.com/linkedin/beta-v2"
		}
		return defaultCallback(k)
	}
	updated := provider + customersEstate(all, betaMoved)
	withoutGamma := map[string]testCustomer{"acme": all["acme"], "beta": all["beta"]}
	gamma := all["gamma"]

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for _, k := range []string{"acme", "beta"} {
				if got, _ := env.Emulator.JobListingStatus(all[k].app, perCustomerJob(k)); got != "NOT_LISTED" {
					return fmt.Errorf("%s: its job is %s after destroy", k, got)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{ // create: each customer's resources land in its own application
				Config: full,
				Check:  func(*terraform.State) error { return onLinkedIn(env, all, defaultCallback, perCustomerJob, "LISTED")() },
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(`linkedin_job_posting.job_beta`, tfjsonpath.New("customer"), knownvalue.StringExact("beta")),
					statecheck.ExpectKnownValue(`data.linkedin_job_posting_statuses.jobs_gamma`,
						tfjsonpath.New("by_id").AtMapKey("REQ-gamma").AtMapKey("listing_status"), knownvalue.StringExact("LISTED")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{ // update one customer's key in place
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback_beta`, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback_acme`, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error { return onLinkedIn(env, all, betaMoved, perCustomerJob, "LISTED")() },
			},
			{ // drift in one customer's application shows for that customer only, and apply puts it back
				PreConfig: func() {
					env.Emulator.SetConfiguration(gamma.app, gamma.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", "https://elsewhere.example.com/hook")
					if err := env.Emulator.ChangeJobStatus(emulator.JobStatusChange{Application: all["acme"].app, ExternalJobPostingID: "REQ-acme",
						ListingStatus: "NOT_LISTED", ListingStatusDetail: map[string]any{"errorType": "CUSTOMER_ERROR", "errorCode": 1004,
							"statusMessage": "MEMBER_REPORTED: The job was closed because it was reported by multiple LinkedIn members as no longer accepting applications."},
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback_gamma`, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(`linkedin_job_posting.job_acme`, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(`linkedin_job_posting.job_gamma`, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback_acme`, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error { return onLinkedIn(env, all, betaMoved, perCustomerJob, "LISTED")() },
			},
			{
				ResourceName:      `linkedin_integration_configuration.callback_beta`,
				ImportState:       true,
				ImportStateId:     all["beta"].org + "/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@beta",
				ImportStateVerify: true,
			},
			{
				ResourceName:      `linkedin_integration.export_gamma`,
				ImportState:       true,
				ImportStateId:     gamma.org + "/ONE_CLICK_EXPORT/RECRUITER@gamma",
				ImportStateVerify: true,
			},
			{
				ResourceName:      `linkedin_job_posting.job_acme`,
				ImportState:       true,
				ImportStateId:     "REQ-acme@acme",
				ImportStateVerify: true,
				// LinkedIn's status API does not return these (see the resource documentation).
				ImportStateVerifyIgnore: []string{"expire_at", "title", "description", "company_apply_url", "listing_type",
					"last_task_id", "last_task_status", "timeouts"},
			},
			{ // without @customer, a provider with only customers has nothing to import it with
				ResourceName:  `linkedin_job_posting.job_beta`,
				ImportState:   true,
				ImportStateId: "REQ-beta",
				ExpectError:   phrases("No customer and no provider credentials", "end the import ID with @<customer key>"),
			},
			{ // a customer that is not in the map fails the plan, naming the attribute and listing the keys
				Config: updated + `
resource "linkedin_integration_configuration" "typo" {
  customer            = "delta"
  integration_context = "urn:li:organization:2099"
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/delta"
}
`,
				PlanOnly: true,
				ExpectError: phrases(`Unknown customer "delta"`, `customer = "delta"`,
					`customer = "delta" is not a key of the provider's customers map, whose keys are "acme", "beta", "gamma", "unused"`),
			},
			{ // so does a resource without customer when the provider has no credentials of its own
				Config:   updated + configurationResource(emulator.SeedOrganization, "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://ats.example.com/linkedin/own"),
				PlanOnly: true,
				ExpectError: phrases("No customer and no provider credentials", "it sets no customer",
					`Set customer to one of the keys of customers ("acme", "beta", "gamma", "unused")`),
			},
			{ // offboarding the wrong way: gamma's entry goes with its resources, and its job could not be closed
				Config:   customersProvider(env, withoutGamma, unused) + customersEstate(withoutGamma, betaMoved),
				PlanOnly: true,
				ExpectError: phrases(`Cannot destroy linkedin_job_posting "REQ-gamma": customer "gamma" is gone from the provider's customers`,
					`put customers["gamma"] back in the provider block`, "terraform state rm"),
			},
			{ // the right way: gamma's resources go first, with its entry still there
				Config: provider + customersEstate(withoutGamma, betaMoved),
				Check: func(*terraform.State) error {
					if got, _ := env.Emulator.JobListingStatus(gamma.app, "REQ-gamma"); got != "NOT_LISTED" {
						return fmt.Errorf("gamma's job is %s, want closed", got)
					}
					if _, ok := env.Emulator.Configuration(gamma.app, gamma.org, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"); ok {
						return fmt.Errorf("gamma's JOB_POSTING_VIEWERS was not deleted")
					}
					if got, _ := env.Emulator.Configuration(gamma.app, gamma.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); got != defaultCallback("gamma") {
						return fmt.Errorf("gamma's CALLBACK_URL is %q: LinkedIn keeps it", got)
					}
					return onLinkedIn(env, withoutGamma, betaMoved, perCustomerJob, "LISTED")()
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(`linkedin_job_posting.job_gamma`, plancheck.ResourceActionDestroy),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback_gamma`, plancheck.ResourceActionDestroy),
					},
				},
			},
			{ // then its entry: nothing left to do
				Config: customersProvider(env, withoutGamma, unused) + customersEstate(withoutGamma, betaMoved),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// A customer whose child application is created in the same run: its entry in customers is unknown during
// the plan. Its resources plan as creates with unknown computed values, the other customers refresh normally
// in the same plan (drift made out of band shows), and the apply, where the entry is known, creates them in
// the new application.
func TestAccCustomers_unknownCredentialsOfANewCustomer(t *testing.T) {
	env := acctest.NewEnv(t)
	existing := newCustomers(t, env, 2101, "acme", "beta")
	acme := existing["acme"]
	estate := customersForEach(existing, defaultCallback)
	delta := fmt.Sprintf(`
provider "linkedin" {
  alias         = "parent"
  api_url       = %q
  oauth_url     = %q
  client_id     = %q
  client_secret = %q
}

resource "linkedin_provisioned_application" "delta" {
  provider          = linkedin.parent
  unique_foreign_id = "customer-delta"
  name              = "delta ATS"
  description       = "delta's connection to our ATS"
}
`, env.URL, env.OAuthURL(), emulator.ParentClientID, emulator.ParentClientSecret) +
		jobPostingConfig("delta", jobPostingAttrs("REQ-D"), map[string]string{"customer": `"delta"`, "integration_context": `"urn:li:organization:2199"`}) + `
# Read during apply, once delta's credentials are known: it depends on a resource planned in this run.
data "linkedin_job_posting_status" "delta" {
  customer                = "delta"
  external_job_posting_id = linkedin_job_posting.delta.external_job_posting_id
}
`
	deltaEntry := `delta = { client_id = linkedin_provisioned_application.delta.client_id, client_secret = linkedin_provisioned_application.delta.client_secret }`

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: parentAndChildFactories(),
		Steps: []resource.TestStep{
			{Config: customersProvider(env, existing) + estate},
			{
				PreConfig: func() {
					env.Emulator.SetConfiguration(acme.app, acme.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", "https://elsewhere.example.com/hook")
				},
				Config: customersProvider(env, existing, deltaEntry) + estate + delta,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("linkedin_job_posting.delta", plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue("linkedin_job_posting.delta", tfjsonpath.New("job_posting_urn")),
						plancheck.ExpectUnknownValue("data.linkedin_job_posting_status.delta", tfjsonpath.New("listing_status")),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback["acme"]`, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback["beta"]`, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.linkedin_job_posting_status.delta",
					tfjsonpath.New("listing_status"), knownvalue.StringExact("LISTED")), checkEmulator(func() error {
					app, _, ok := env.Emulator.ApplicationByForeignID("customer-delta")
					if !ok {
						return fmt.Errorf("delta's application was not provisioned")
					}
					if got, _ := env.Emulator.JobListingStatus(app, "REQ-D"); got != "LISTED" {
						return fmt.Errorf("delta's job REQ-D is %q in its application", got)
					}
					for _, other := range []string{acme.app, existing["beta"].app, emulator.ChildApplication} {
						if _, ok := env.Emulator.JobListingStatus(other, "REQ-D"); ok {
							return fmt.Errorf("job REQ-D reached application %s", other)
						}
					}
					return onLinkedIn(env, existing, defaultCallback, sameJob, "LISTED")()
				})},
			},
			forEachCleanUp(customersProvider(env, existing, deltaEntry) + delta),
		},
	})
}

// A resource moves from an aliased provider (the provider's own credentials) to the customers map without
// being replaced: a job posting is not closed and re-posted. Moving it from one customer to another replaces it.
func TestAccCustomers_movingToTheCustomersMap(t *testing.T) {
	env := acctest.NewEnv(t)
	others := newCustomers(t, env, 2201, "other")
	const job, callback = "linkedin_job_posting.moved", "linkedin_integration_configuration.moved"
	enable(t, env, emulator.SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "PENDING_CONFIGURATION")
	resources := func(customer, org string) string {
		attr, quoted := "", "" // no customer: the provider's own credentials
		if customer != "" {
			attr, quoted = fmt.Sprintf("  customer            = %q\n", customer), fmt.Sprintf("%q", customer)
		}
		return jobPostingConfig("moved", jobPostingAttrs("REQ-M"), map[string]string{"customer": quoted, "integration_context": fmt.Sprintf("%q", org)}) +
			fmt.Sprintf(`
resource "linkedin_integration_configuration" "moved" {
%s  integration_context = %q
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/moved"
}
`, attr, org)
	}
	seeded := fmt.Sprintf(`seeded = { client_id = %q, client_secret = %q }`, emulator.ChildClientID, emulator.ChildClientSecret)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.ChildProviderConfig() + resources("", emulator.SeedOrganization)},
			{
				Config: customersProvider(env, others, seeded) + resources("seeded", emulator.SeedOrganization),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(job, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(callback, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if ops, _ := env.Emulator.JobOperations(emulator.ChildApplication, "REQ-M"); len(ops) != 1 || ops[0] != "CREATE" {
						return fmt.Errorf("moving the job to customers sent %v to LinkedIn, want only the first CREATE", ops)
					}
					return nil
				},
			},
			{
				Config: customersProvider(env, others, seeded) + resources("other", others["other"].org),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(job, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectResourceAction(callback, plancheck.ResourceActionDestroyBeforeCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if got, _ := env.Emulator.JobListingStatus(emulator.ChildApplication, "REQ-M"); got != "NOT_LISTED" {
						return fmt.Errorf("the job left behind in the seeded application is %s, want closed", got)
					}
					if got, _ := env.Emulator.JobListingStatus(others["other"].app, "REQ-M"); got != "LISTED" {
						return fmt.Errorf("the job in the other customer's application is %q", got)
					}
					return nil
				},
			},
		},
	})
}

// import blocks with for_each over customers (Terraform 1.7+) adopt every customer's existing keys.
func TestAccCustomers_importBlocksForEachCustomer(t *testing.T) {
	env := acctest.NewEnv(t)
	all := newCustomers(t, env, 2301, "acme", "beta")
	for _, c := range all {
		env.Emulator.SetConfiguration(c.app, c.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", defaultCallback(c.key))
	}
	var locals strings.Builder
	for _, k := range sortedKeys(all) {
		fmt.Fprintf(&locals, "    %s = %q\n", k, all[k].org)
	}
	config := customersProvider(env, all) + `
locals {
  orgs = {
` + locals.String() + `  }
}

import {
  for_each = local.orgs
  to       = linkedin_integration_configuration.callback[each.key]
  id       = "${each.value}/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@${each.key}"
}

resource "linkedin_integration_configuration" "callback" {
  for_each            = local.orgs
  customer            = each.key
  integration_context = each.value
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/${each.key}"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback["acme"]`, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(`linkedin_integration_configuration.callback["beta"]`, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(`linkedin_integration_configuration.callback["beta"]`, tfjsonpath.New("customer"), knownvalue.StringExact("beta")),
					statecheck.ExpectKnownValue(`linkedin_integration_configuration.callback["beta"]`, tfjsonpath.New("integration_context"), knownvalue.StringExact(all["beta"].org)),
				},
			},
			forEachCleanUp(customersProvider(env, all)),
		},
	})
}

// terraform plan -generate-config-out writes customer: the generated block plans no change.
func TestAccCustomers_generatedConfigurationSetsCustomer(t *testing.T) {
	env := acctest.NewEnv(t)
	all := newCustomers(t, env, 2401, "acme", "beta")
	acme := all["acme"]
	env.Emulator.SetConfiguration(acme.app, acme.org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", defaultCallback("acme"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)},
		Steps: []resource.TestStep{{
			Config:          customersProvider(env, all),
			ResourceName:    "linkedin_integration_configuration.callback",
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   acme.org + "/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@acme",
			GenerateConfig:  true,
			ImportPlanChecks: resource.ImportPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("linkedin_integration_configuration.callback", tfjsonpath.New("customer"), knownvalue.StringExact("acme")),
					plancheck.ExpectKnownValue("linkedin_integration_configuration.callback", tfjsonpath.New("value"), knownvalue.StringExact(defaultCallback("acme"))),
				},
			},
		}},
	})
}

// linkedin_access_token with customer: a new token from an entry's client credentials, an access_token entry
// handed on as it is, and the usual errors for a customer not in the map or credentials given twice.
func TestAccCustomers_accessToken(t *testing.T) {
	env := acctest.NewEnv(t)
	provider := fmt.Sprintf(`
provider "linkedin" {
  api_url   = %q
  oauth_url = %q
  customers = {
    acme    = { client_id = %q, client_secret = %q }
    tokened = { access_token = "a-token-obtained-elsewhere" }
  }
}
`, env.URL, env.OAuthURL(), emulator.ChildClientID, emulator.ChildClientSecret)
	// A new echo resource per step: echo keeps the data it was created with.
	token := func(name, body string) string {
		return provider + `
ephemeral "linkedin_access_token" "token" {
` + body + `
}

provider "echo" {
  data = ephemeral.linkedin_access_token.token
}

resource "echo" "` + name + `" {}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withEcho(),
		TerraformVersionChecks:   ephemeralResourceVersions,
		Steps: []resource.TestStep{
			{
				Config:      token("nope", `  customer = "nope"`),
				ExpectError: phrases(`Unknown customer "nope"`, `whose keys are "acme", "tokened"`),
			},
			{
				Config:      token("twice", `  customer = "acme"`+"\n"+fmt.Sprintf(`  client_id = %q`, emulator.ChildClientID)),
				ExpectError: phrase(`Exactly one of these attributes must be configured: [client_id,customer]`),
			},
			{
				Config: token("acme", `  customer = "acme"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.acme", tfjsonpath.New("data").AtMapKey("access_token"), knownvalue.StringRegexp(regexp.MustCompile(`^AQ`))),
					statecheck.ExpectKnownValue("echo.acme", tfjsonpath.New("data").AtMapKey("expires_at"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue("echo.acme", tfjsonpath.New("data").AtMapKey("client_id"), knownvalue.Null()),
				},
			},
			{
				Config: token("tokened", `  customer = "tokened"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.tokened", tfjsonpath.New("data").AtMapKey("access_token"), knownvalue.StringExact("a-token-obtained-elsewhere")),
					statecheck.ExpectKnownValue("echo.tokened", tfjsonpath.New("data").AtMapKey("expires_at"), knownvalue.Null()),
				},
			},
		},
	})
}

// Every rule of customers and customer is checked at plan time, naming the entry or the attribute, before
// LinkedIn is called.
func TestAccCustomers_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	provider := func(entries string) string {
		return fmt.Sprintf("provider \"linkedin\" {\n  api_url   = %q\n  oauth_url = %q\n  customers = {\n%s\n  }\n}\n", env.URL, env.OAuthURL(), entries)
	}
	good := `    acme = { client_id = "acme-id", client_secret = "acme-secret" }`
	job := func(customer string) string {
		return jobPostingConfig("job", jobPostingAttrs("REQ-V"), map[string]string{"customer": customer})
	}
	runInvalid(t, env, []invalidCase{
		{"client_id without client_secret", provider(`    acme = { client_id = "acme-id" }`) + job(`"acme"`),
			phrases(`customers["acme"].client_secret`, `customers["acme"] sets client_id but not client_secret`)},
		{"token and client credentials", provider(`    acme = { access_token = "t", client_id = "acme-id", client_secret = "s" }`) + job(`"acme"`),
			phrase(`customers["acme"] sets access_token together with client_id/client_secret`)},
		{"no credentials", provider(`    acme = {}`) + job(`"acme"`), phrase(`customers["acme"] sets no credentials`)},
		{"blank secret", provider(`    acme = { client_id = "acme-id", client_secret = " " }`) + job(`"acme"`),
			phrases(`customers["acme"].client_secret`, "must not be empty or only whitespace")},
		{"key with @", provider(`    "acme@prod" = { client_id = "acme-id", client_secret = "s" }`) + job(`"acme"`),
			phrase(`must not contain "@"`)},
		{"customer with surrounding whitespace", provider(good) + job(`" acme"`), phrases("Attribute customer", `write "acme"`)},
		{"customer not in the map", provider(good) + job(`"acmee"`), phrase(`customer = "acmee" is not a key of the provider's customers map, whose keys are "acme"`)},
		{"data source customer not in the map", provider(good) + `
data "linkedin_job_posting_status" "job" {
  customer                = "beta"
  external_job_posting_id = "REQ-V"
}
`, phrase(`Cannot read a job posting status: customer = "beta" is not a key of the provider's customers map`)},
	})
}

// linkedin_access_token for a customer whose child application is created in the same run: the token is
// unknown during the plan and obtained during the apply. Terraform only: OpenTofu refuses an ephemeral value
// that is not known ("produced a value ... that is not wholly known"), which the provider's warning and
// documentation say.
func TestAccCustomers_accessTokenOfANewCustomer(t *testing.T) {
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		t.Skip("OpenTofu refuses an unknown ephemeral value")
	}
	env := acctest.NewEnv(t)
	factories := parentAndChildFactories()
	factories["echo"] = echoprovider.NewProviderServer()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		TerraformVersionChecks:   ephemeralResourceVersions,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "linkedin" {
  alias         = "parent"
  api_url       = %[1]q
  oauth_url     = %[2]q
  client_id     = %[3]q
  client_secret = %[4]q
}

resource "linkedin_provisioned_application" "delta" {
  provider          = linkedin.parent
  unique_foreign_id = "customer-delta"
  name              = "delta ATS"
  description       = "delta's connection to our ATS"
}

provider "linkedin" {
  api_url   = %[1]q
  oauth_url = %[2]q
  customers = {
    delta = {
      client_id     = linkedin_provisioned_application.delta.client_id
      client_secret = linkedin_provisioned_application.delta.client_secret
    }
  }
}

ephemeral "linkedin_access_token" "delta" {
  customer = "delta"
}

provider "echo" {
  data = ephemeral.linkedin_access_token.delta
}

resource "echo" "delta" {}
`, env.URL, env.OAuthURL(), emulator.ParentClientID, emulator.ParentClientSecret),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownValue("echo.delta", tfjsonpath.New("data"))},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.delta", tfjsonpath.New("data").AtMapKey("access_token"), knownvalue.StringRegexp(regexp.MustCompile(`^AQ`))),
			},
		}},
	})
}
