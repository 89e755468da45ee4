package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(one, "external_job_posting_id", "REQ-DS-1"),
					resource.TestCheckResourceAttr(one, "listing_status", "LISTED"),
					resource.TestCheckResourceAttrPair(one, "job_posting_url", "linkedin_job_posting.one", "job_posting_url"),
					resource.TestCheckResourceAttrPair(one, "job_posting_urn", "linkedin_job_posting.one", "job_posting_urn"),
					resource.TestCheckResourceAttr(one, "raw_location", "Mountain View, CA"),
					resource.TestCheckResourceAttr(one, "listed_at", "2026-01-05T09:00:00Z"),
					resource.TestCheckResourceAttrSet(one, "expire_at"),
					resource.TestCheckResourceAttrSet(one, "linkedin_apply_status"),
					resource.TestCheckResourceAttrSet(one, "promotion_status"),
					resource.TestCheckResourceAttr(all, "statuses.#", "2"),
					resource.TestCheckResourceAttr(all, "statuses.0.external_job_posting_id", "REQ-DS-1"),
					resource.TestCheckResourceAttr(all, "statuses.1.external_job_posting_id", "REQ-DS-2"),
					resource.TestCheckResourceAttr(all, "by_id.REQ-DS-2.listing_status", "LISTED"),
					resource.TestCheckResourceAttr(all, "missing_ids.#", "1"),
					resource.TestCheckResourceAttr(all, "missing_ids.0", "REQ-DS-UNKNOWN"),
				),
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
				Check: resource.ComposeAggregateTestCheckFunc(
					checkListingOnLinkedIn(env, "REQ-DS-2", "NOT_LISTED"),
					resource.TestCheckResourceAttr(all, "by_id.REQ-DS-1.listing_status", "LISTED"),
					resource.TestCheckResourceAttr(all, "by_id.REQ-DS-2.listing_status", "NOT_LISTED"),
					resource.TestCheckResourceAttr(all, "by_id.REQ-DS-2.listing_status_detail.error_type", "CUSTOMER_ERROR"),
					resource.TestMatchResourceAttr(all, "by_id.REQ-DS-2.listing_status_detail.status_message", regexp.MustCompile(`^CUSTOMER_EXCLUDED:`)),
					resource.TestMatchResourceAttr(all, "by_id.REQ-DS-2.listing_status_detail.resolution", regexp.MustCompile(`LinkedIn Support`)),
					resource.TestCheckResourceAttr("data.linkedin_job_posting_status.two", "listing_status", "NOT_LISTED"),
				),
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

// The statuses data source splits more than 100 ids into several calls.
func TestAccJobPostingStatusesDataSource_manyIDs(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.ChildProviderConfig() + `
data "linkedin_job_posting_statuses" "many" {
  external_job_posting_ids = [for i in range(250) : format("REQ-MANY-%03d", i)]
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.linkedin_job_posting_statuses.many", "statuses.#", "0"),
				resource.TestCheckResourceAttr("data.linkedin_job_posting_statuses.many", "missing_ids.#", "250"),
				func(_ *terraform.State) error {
					calls := 0
					for _, c := range env.Emulator.RequestCounts() {
						if c.Path == "/rest/jobPostingStatus" {
							calls += c.Count
						}
					}
					// every read of 250 ids makes exactly 3 calls (100 + 100 + 50); plans and refreshes read again
					if calls == 0 || calls%3 != 0 {
						return fmt.Errorf("250 ids were read in %d call(s) in all; want 3 calls of at most 100 ids per read", calls)
					}
					return nil
				},
			),
		}},
	})
}
