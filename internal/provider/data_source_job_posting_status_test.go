package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

func TestAccJobPostingStatusDataSources(t *testing.T) {
	env := acctest.NewEnv(t)
	jobs := env.ChildProviderConfig() + jobPostingConfig("one", jobPostingAttrs("REQ-DS-1")) + jobPostingConfig("two", jobPostingAttrs("REQ-DS-2"))
	dataSources := jobs + `
data "linkedin_job_posting_status" "one" {
  external_job_posting_id = linkedin_job_posting.one.external_job_posting_id
}

data "linkedin_job_posting_statuses" "all" {
  external_job_posting_ids = [linkedin_job_posting.one.id, "REQ-DS-UNKNOWN", linkedin_job_posting.two.id]
}

check "two_is_listed" {
  data "linkedin_job_posting_status" "two" {
    external_job_posting_id = "REQ-DS-2"
  }

  assert {
    condition     = data.linkedin_job_posting_status.two.listing_status == "LISTED"
    error_message = "REQ-DS-2 is not listed: ${try(data.linkedin_job_posting_status.two.listing_status_detail.status_message, "")}"
  }
}
`
	watchOnly := env.ChildProviderConfig() + `
removed {
  from = linkedin_job_posting.one
  lifecycle {
    destroy = false
  }
}

removed {
  from = linkedin_job_posting.two
  lifecycle {
    destroy = false
  }
}

data "linkedin_job_posting_statuses" "all" {
  external_job_posting_ids = ["REQ-DS-1", "REQ-DS-UNKNOWN", "REQ-DS-2"]
}

data "linkedin_job_posting_status" "two" {
  external_job_posting_id = "REQ-DS-2"
}
`
	const one, all = "data.linkedin_job_posting_status.one", "data.linkedin_job_posting_statuses.all"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: jobs},
			{
				Config: dataSources,
				// A data source inside a check block is read again on every plan ("will be read during apply"),
				// which the test framework counts as a non-empty plan.
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(one, tfjsonpath.New("external_job_posting_id"), knownvalue.StringExact("REQ-DS-1")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("listing_status"), knownvalue.StringExact("LISTED")),
					statecheck.CompareValuePairs(one, tfjsonpath.New("job_posting_url"), "linkedin_job_posting.one", tfjsonpath.New("job_posting_url"), compare.ValuesSame()),
					statecheck.CompareValuePairs(one, tfjsonpath.New("job_posting_urn"), "linkedin_job_posting.one", tfjsonpath.New("job_posting_urn"), compare.ValuesSame()),
					// One vocabulary with the resource: location as sent, standardized_location as LinkedIn made it.
					statecheck.ExpectKnownValue(one, tfjsonpath.New("location"), knownvalue.StringExact("Mountain View, CA")),
					statecheck.CompareValuePairs(one, tfjsonpath.New("location"), "linkedin_job_posting.one", tfjsonpath.New("location"), compare.ValuesSame()),
					statecheck.CompareValuePairs(one, tfjsonpath.New("standardized_location"), "linkedin_job_posting.one", tfjsonpath.New("standardized_location"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("standardized_location"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("listed_at"), knownvalue.StringExact("2026-01-05T09:00:00Z")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("expire_at"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("linkedin_apply_status"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("promotion_status"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("statuses"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("statuses").AtSliceIndex(0).AtMapKey("external_job_posting_id"), knownvalue.StringExact("REQ-DS-1")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("statuses").AtSliceIndex(1).AtMapKey("external_job_posting_id"), knownvalue.StringExact("REQ-DS-2")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-2").AtMapKey("listing_status"), knownvalue.StringExact("LISTED")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("missing_ids"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("missing_ids").AtSliceIndex(0), knownvalue.StringExact("REQ-DS-UNKNOWN")),
				},
			},
			{ // LinkedIn stops listing REQ-DS-2; Terraform forgets the jobs and only watches them through the data sources
				PreConfig: func() {
					if err := env.Emulator.ChangeJobStatus(emulator.JobStatusChange{
						Application: emulator.ChildApplication, ExternalJobPostingID: "REQ-DS-2", ListingStatus: "NOT_LISTED",
						ListingStatusDetail: map[string]any{"errorType": "CUSTOMER_ERROR",
							"statusMessage": "CUSTOMER_EXCLUDED: The job was deliberately not posted due to a customer-requested rule. Please reach out to LinkedIn Support to modify or remove the rule."},
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: watchOnly,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-1").AtMapKey("listing_status"), knownvalue.StringExact("LISTED")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-2").AtMapKey("listing_status"), knownvalue.StringExact("NOT_LISTED")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-2").AtMapKey("listing_status_detail").AtMapKey("error_type"), knownvalue.StringExact("CUSTOMER_ERROR")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-2").AtMapKey("listing_status_detail").AtMapKey("status_message"), knownvalue.StringRegexp(regexp.MustCompile(`^CUSTOMER_EXCLUDED:`))),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("by_id").AtMapKey("REQ-DS-2").AtMapKey("listing_status_detail").AtMapKey("resolution"), knownvalue.StringRegexp(regexp.MustCompile(`LinkedIn Support`))),
					statecheck.ExpectKnownValue("data.linkedin_job_posting_status.two", tfjsonpath.New("listing_status"), knownvalue.StringExact("NOT_LISTED")),
				},
				Check: checkListingOnLinkedIn(env, "REQ-DS-2", "NOT_LISTED"),
			},
		},
	})
}

func TestAccJobPostingStatusDataSource_unknown(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.ChildProviderConfig() + `
data "linkedin_job_posting_status" "nope" {
  external_job_posting_id = "REQ-NOPE"
}
`,
			ExpectError: phrase(`LinkedIn has no job posting with external_job_posting_id "REQ-NOPE"`),
		}},
	})
}
