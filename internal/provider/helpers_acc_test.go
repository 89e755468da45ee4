package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// phrase matches text as Terraform prints it: words separated by any whitespace, since Terraform wraps long
// diagnostic lines.
func phrase(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`))
}

// enable does what the customer does in LinkedIn's UI: enables an integration for the seeded child application.
func enable(t *testing.T, env *acctest.Env, integrationContext, integrationType, tenantType, status string) {
	t.Helper()
	if err := env.Emulator.SetIntegration(emulator.IntegrationState{
		Application: emulator.ChildApplication, IntegrationContext: integrationContext,
		IntegrationType: integrationType, TenantType: tenantType, Status: status,
	}); err != nil {
		t.Fatalf("enabling %s for %s: %v", integrationType, integrationContext, err)
	}
}

// noAPICalls fails the test when the emulator served any API call since before (plan-time validation must
// stop a bad configuration before LinkedIn is called).
func noAPICalls(t *testing.T, env *acctest.Env, before int) {
	t.Helper()
	if got := env.Emulator.TotalRequests(); got != before {
		t.Errorf("the emulator served %d API call(s) during plans that should have failed validation: %+v",
			got-before, env.Emulator.RequestCounts())
	}
}

// stateAttr reads one attribute of a resource from the state into *dst.
func stateAttr(name, attr string, dst *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s not in state", name)
		}
		*dst = rs.Primary.Attributes[attr]
		return nil
	}
}
