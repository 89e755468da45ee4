package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/provider"
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

// Terraform attaches every configuration of one provider to the one in-process server a test factory starts,
// and the framework keeps one set of Configure data per server: with a parent and a child "linkedin" provider
// block in one test configuration, the configuration configured last would serve both. (Real runs start one
// plugin process per provider configuration, as make demo shows.) Tests that need both therefore give the
// child its own server under a second name, the way google-beta serves google_* resources.
const childProviderName = "linkedinchild"

// childProviderRequirement declares the second name in a test configuration.
const childProviderRequirement = `
terraform {
  required_providers {
    linkedinchild = {
      source = "registry.terraform.io/hashicorp/linkedinchild"
    }
  }
}
`

func parentAndChildFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"linkedin":        providerserver.NewProtocol6WithError(provider.New("test")()),
		childProviderName: providerserver.NewProtocol6WithError(provider.New("test")()),
	}
}
