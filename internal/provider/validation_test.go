package provider_test

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
)

// Every plan-time rule: the plan fails with a message naming the attribute and the rule, and LinkedIn (the
// emulator) is never called.

type invalidCase struct {
	name   string
	config string
	want   *regexp.Regexp
}

func runInvalid(t *testing.T, env *acctest.Env, cases []invalidCase) {
	t.Helper()
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: c.want})
	}
	before := env.Emulator.TotalRequests()
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: steps})
	noAPICalls(t, env, before)
}

func configurationResource(integrationContext, integrationType, tenant, name, value string) string {
	tenantLine := ""
	if tenant != "" {
		tenantLine = fmt.Sprintf("  tenant_type         = %q\n", tenant)
	}
	return fmt.Sprintf(`
resource "linkedin_integration_configuration" "bad" {
  integration_context = %q
  integration_type    = %q
%s  name                = %q
  value               = %q
}
`, integrationContext, integrationType, tenantLine, name, value)
}

func TestAccIntegrationConfiguration_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	child := env.ChildProviderConfig()
	org, contract := "urn:li:organization:1000", "urn:li:contract:77"
	runInvalid(t, env, []invalidCase{
		{"name not defined for the type", child + configurationResource(org, "ONE_CLICK_EXPORT", "", "APPLICATION_VIEWERS", "ALL_PRODUCT_USERS"),
			phrase("Attribute name: configuration APPLICATION_VIEWERS is not defined for integration type ONE_CLICK_EXPORT")},
		{"unknown name", child + configurationResource(org, "ONE_CLICK_EXPORT", "", "WEBHOOK_URL", "x"),
			phrase("Attribute name value must be one of")},
		{"CALLBACK_URL not https", child + configurationResource(org, "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "http://ats.example.com/cb"),
			phrase("Attribute value: CALLBACK_URL must be an HTTPS URL")},
		{"CALLBACK_URL not a URL", child + configurationResource(org, "CRM_ONE_CLICK_EXPORT", "", "CALLBACK_URL", "ats.example.com/cb"),
			phrase("Attribute value: CALLBACK_URL must be an HTTPS URL")},
		{"JOB_POSTING_VIEWERS value", child + configurationResource(org, "ONE_CLICK_EXPORT", "", "JOB_POSTING_VIEWERS", "RECRUITERS"),
			phrase(`Attribute value: JOB_POSTING_VIEWERS accepts only "ALL_PRODUCT_USERS"`)},
		{"APPLICATION_VIEWERS value", child + configurationResource(org, "IN_ATS_INDICATOR", "", "APPLICATION_VIEWERS", "all_product_users"),
			phrase(`Attribute value: APPLICATION_VIEWERS accepts only "ALL_PRODUCT_USERS"`)},
		{"contract URN for an organization type", child + configurationResource(contract, "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://a.example.com"),
			phrase("Attribute integration_context: integration type ONE_CLICK_EXPORT needs an organization URN")},
		{"malformed URN", child + configurationResource("organization:1000", "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://a.example.com"),
			phrase("Attribute integration_context must be an organization URN")},
		{"tenant not the type's", child + configurationResource(org, "ONE_CLICK_EXPORT", "JOBS", "CALLBACK_URL", "https://a.example.com"),
			phrase("Attribute tenant_type: integration type ONE_CLICK_EXPORT uses tenant type RECRUITER")},
		{"unknown tenant", child + configurationResource(org, "ONE_CLICK_EXPORT", "ADMIN", "CALLBACK_URL", "https://a.example.com"),
			phrase("Attribute tenant_type value must be one of")},
		{"unknown type", child + configurationResource(org, "TWO_CLICK_EXPORT", "", "CALLBACK_URL", "https://a.example.com"),
			phrase("Attribute integration_type value must be one of")},
	})
}

func TestAccIntegration_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	child := env.ChildProviderConfig()
	integration := func(ctx, itype string) string {
		return child + fmt.Sprintf(`
resource "linkedin_integration" "bad" {
  integration_context = %q
  integration_type    = %q
  integration_name    = "Acme"
}
`, ctx, itype)
	}
	runInvalid(t, env, []invalidCase{
		{"organization URN for a contract type", integration("urn:li:organization:1", "CSA_API"),
			phrase("Attribute integration_context: integration type CSA_API needs a contract URN")},
		{"contract URN for an organization type", integration("urn:li:contract:1", "APPLY_CONNECT"),
			phrase("Attribute integration_context: integration type APPLY_CONNECT needs an organization URN")},
		{"data source: tenant", child + `
data "linkedin_integration" "bad" {
  integration_context = "urn:li:contract:5"
  integration_type    = "PREMIUM_JOB_POSTING"
  tenant_type         = "RECRUITER"
}
`, phrase("Attribute tenant_type: integration type PREMIUM_JOB_POSTING uses tenant type JOBS")},
	})
}

func TestAccProvisionedApplication_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	parent := env.ParentProviderConfig()
	app := func(name, description, domain, callback string) string {
		return parent + fmt.Sprintf(`
resource "linkedin_provisioned_application" "bad" {
  unique_foreign_id               = "acme"
  name                            = %q
  description                     = %q
  valid_js_sdk_domains            = [%q]
  oauth2_authorized_callback_urls = [%q]
}
`, name, description, domain, callback)
	}
	const ok, okDomain, okCallback = "Acme ATS", "https://ats.example.com", "https://ats.example.com/cb"
	runInvalid(t, env, []invalidCase{
		{"name too long", app("Acme Applicant Tracking System for Enterprise Hiring Teams", "d", okDomain, okCallback),
			phrase("Attribute name must be 1 to 50 characters long, got 58")},
		{"name contains LinkedIn", app("Acme LinkedIn connector", "d", okDomain, okCallback),
			phrase(`Attribute name must not contain "LinkedIn"`)},
		{"description empty", app(ok, "", okDomain, okCallback),
			phrase("Attribute description must not be empty")},
		{"domain with trailing slash", app(ok, "d", "https://ats.example.com/", okCallback),
			regexp.MustCompile(`valid_js_sdk_domains[\s\S]*must\s+not\s+end\s+with\s+"/"`)},
		{"callback not a URL", app(ok, "d", okDomain, "ats.example.com/cb"),
			regexp.MustCompile(`oauth2_authorized_callback_urls[\s\S]*must\s+be\s+an\s+absolute\s+http://\s+or\s+https://\s+URL`)},
	})
}

func TestAccProvider_authValidation(t *testing.T) {
	env := acctest.NewEnv(t)
	credentialsInEnvironment := os.Getenv("LINKEDIN_ACCESS_TOKEN")+os.Getenv("LINKEDIN_CLIENT_ID")+os.Getenv("LINKEDIN_CLIENT_SECRET") != ""
	body := `
data "linkedin_integration" "x" {
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
}
`
	cases := []invalidCase{
		{"token and client credentials", fmt.Sprintf(`
provider "linkedin" {
  api_url       = %q
  access_token  = "token"
  client_id     = "id"
  client_secret = "secret"
}
`, env.URL) + body, phrase("These attributes cannot be configured together: [access_token,client_id]")},
		{"client_id without client_secret", fmt.Sprintf(`
provider "linkedin" {
  api_url   = %q
  client_id = "id"
}
`, env.URL) + body, phrase("These attributes must be configured together: [client_id,client_secret]")},
		{"api_family", fmt.Sprintf(`
provider "linkedin" {
  api_url      = %q
  access_token = "token"
  api_family   = "graphql"
}
`, env.URL) + body, phrase(`Attribute api_family value must be one of`)},
	}
	if !credentialsInEnvironment {
		cases = append(cases, invalidCase{"no credentials", fmt.Sprintf(`
provider "linkedin" {
  api_url = %q
}
`, env.URL) + body, phrase("Neither the provider block nor the environment sets access_token, client_id or client_secret")})
	}
	runInvalid(t, env, cases)
}
