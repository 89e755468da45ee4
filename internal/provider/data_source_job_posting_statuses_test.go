package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
)

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
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.linkedin_job_posting_statuses.many", tfjsonpath.New("statuses"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.linkedin_job_posting_statuses.many", tfjsonpath.New("missing_ids"), knownvalue.ListSizeExact(250)),
			},
			Check: func(_ *terraform.State) error {
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
		}},
	})
}
