package provider_test

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
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

// The plan-time corpus: configurations LinkedIn would refuse (or that would leak credentials or cost an API
// call) and that Terraform must refuse at plan time, before any call. Each case names the attribute (or
// function parameter) its error must name, and a pattern of the rule and the fix; each runs as its own
// Terraform run so that a case that is not refused is reported by name, and the emulator must serve no call.

type corpusCase struct {
	name   string
	config string
	attr   string         // the attribute, function parameter or import ID part the message must name
	want   *regexp.Regexp // the rule and the fix, after the name
	// importID, when set, makes the case a terraform import of importInto with this ID.
	importID, importInto string
}

// hcl quotes s as an HCL string: every character below U+0020 or at U+007F as \uNNNN (HCL has no \a or \x
// escapes), template sequences escaped.
func hcl(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(b.String())
}

// sameParagraph matches the rest of one diagnostic's message: Terraform wraps it over lines but never leaves a
// blank line inside it, so the name and the rule must be found in the same message.
const sameParagraph = `(?:[^\n]|\n[^\n])*?\n?`

// namedAttribute is how a validator's diagnostic names an attribute: "Attribute title …", where a set or list
// element adds its key, "Attribute valid_js_sdk_domains[Value("…")] …".
func namedAttribute(attr string) string {
	return `Attribute\s+` + regexp.QuoteMeta(attr) + `\b` + sameParagraph
}

// namedParameter is how Terraform prints a function argument error.
func namedParameter(param string) string {
	return `Invalid\s+value\s+for\s+"` + regexp.QuoteMeta(param) + `"\s+parameter:\s+` + regexp.QuoteMeta(param) + `\b` + sameParagraph
}

// namedImportPart is how an import ID error names the attribute the ID (or its part) sets.
func namedImportPart(attr string) string {
	return `Invalid\s+import\s+ID\s+` + sameParagraph + `\b` + regexp.QuoteMeta(attr) + `\b` + sameParagraph
}

func runCorpus(t *testing.T, env *acctest.Env, named func(string) string, cases []corpusCase) {
	t.Helper()
	before := env.Emulator.TotalRequests()
	for _, c := range cases {
		want := regexp.MustCompile(named(c.attr) + c.want.String())
		step := resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: want}
		if c.importID != "" {
			step = resource.TestStep{Config: c.config, ResourceName: c.importInto, ImportState: true, ImportStateId: c.importID, ExpectError: want}
		}
		t.Run(c.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: []resource.TestStep{step}})
		})
	}
	noAPICalls(t, env, before)
}

const corpusDataSource = `
data "linkedin_integration" "x" {
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
}
`

// corpusProvider is a provider block of the child application with one attribute replaced (an HCL expression).
func corpusProvider(env *acctest.Env, attr, value string) string {
	attrs := map[string]string{
		"api_url": hcl(env.URL), "oauth_url": hcl(env.OAuthURL()), "client_id": hcl(emulator.ChildClientID),
		"client_secret": hcl(emulator.ChildClientSecret), "max_retries": "0",
	}
	if attr == "access_token" {
		delete(attrs, "client_id")
		delete(attrs, "client_secret")
	}
	if attr != "" {
		attrs[attr] = value
	}
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("\nprovider \"linkedin\" {\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	b.WriteString("}\n")
	return b.String()
}

func TestAccProvider_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	now := time.Now().UTC()
	nextMonth := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, time.UTC).Format("200601")
	p := func(attr, value string) string { return corpusProvider(env, attr, value) + corpusDataSource }
	runCorpus(t, env, namedAttribute, []corpusCase{
		{name: "api_version month 13", config: p("api_version", hcl("202613")), attr: "api_version",
			want: phrase(`must name a real month (YYYYMM with MM from 01 to 12), got "202613": month 13 does not exist`)},
		{name: "api_version month 00 with revision", config: p("api_version", hcl("202600.01")), attr: "api_version",
			want: phrase(`must name a real month`)},
		{name: "api_version next month", config: p("api_version", hcl(nextMonth)), attr: "api_version",
			want: phrase(`must not be in the future, got "` + nextMonth + `"`)},
		{name: "client_id blank", config: p("client_id", hcl("   ")), attr: "client_id",
			want: phrase(`must not be blank (only whitespace)`)},
		{name: "client_id empty", config: p("client_id", hcl("")), attr: "client_id",
			want: phrase(`must not be empty`)},
		{name: "client_id padded", config: p("client_id", hcl(" "+emulator.ChildClientID)), attr: "client_id",
			want: phrase(`must not start or end with whitespace, got " ` + emulator.ChildClientID + `"; write "` + emulator.ChildClientID + `"`)},
		{name: "client_secret with a trailing newline", config: p("client_secret", hcl(emulator.ChildClientSecret+"\n")), attr: "client_secret",
			want: phrase(`must not start or end with whitespace (value not shown)`)},
		{name: "access_token padded", config: p("access_token", hcl("token ")), attr: "access_token",
			want: phrase(`must not start or end with whitespace (value not shown)`)},
		{name: "api_url plain http", config: p("api_url", hcl("http://api.linkedin.com")), attr: "api_url",
			want: phrase(`must be an https:// URL (http:// only for a loopback host: localhost, 127.0.0.0/8 or ::1), got "http://api.linkedin.com": plain http:// to api.linkedin.com would send the client secret and access tokens unencrypted; use https://api.linkedin.com`)},
		{name: "api_url plain http to a private address", config: p("api_url", hcl("http://10.1.2.3:8080")), attr: "api_url",
			want: phrase(`plain http:// to 10.1.2.3 would send`)},
		{name: "oauth_url plain http", config: p("oauth_url", hcl("http://www.linkedin.com/oauth/v2")), attr: "oauth_url",
			want: phrase(`use https://www.linkedin.com/oauth/v2`)},
		{name: "api_url with a query", config: p("api_url", hcl("https://api.linkedin.com/?debug=1")), attr: "api_url",
			want: phrase(`a base URL takes no query`)},
		{name: "api_url ending in /rest", config: p("api_url", hcl("https://api.linkedin.com/rest")), attr: "api_url",
			want: phrase(`must be the API's base URL without /rest (the provider adds /rest and /v2 to every call), got "https://api.linkedin.com/rest": use "https://api.linkedin.com"`)},
		{name: "api_url ending in /v2/", config: p("api_url", hcl(env.URL+"/v2/")), attr: "api_url",
			want: phrase(`must be the API's base URL without /v2`)},
		{name: "oauth_url without /oauth/v2", config: p("oauth_url", hcl("https://www.linkedin.com")), attr: "oauth_url",
			want: phrase(`must be the base of the OAuth 2.0 endpoints, with its path, got "https://www.linkedin.com": LinkedIn's is https://www.linkedin.com/oauth/v2`)},
		{name: "oauth_url naming the token endpoint", config: p("oauth_url", hcl("https://www.linkedin.com/oauth/v2/accessToken")), attr: "oauth_url",
			want: phrase(`not the token endpoint, got "https://www.linkedin.com/oauth/v2/accessToken": use "https://www.linkedin.com/oauth/v2"`)},
	})
}

// The LINKEDIN_* variables get the rules of the attributes they stand for. t.Setenv rules out t.Parallel.
func TestAccProvider_environmentCorpus(t *testing.T) {
	env := acctest.NewEnv(t)
	before := env.Emulator.TotalRequests()
	for _, c := range []struct {
		name, variable, value, attr string
		want                        *regexp.Regexp
	}{
		{"LINKEDIN_API_VERSION month 13", "LINKEDIN_API_VERSION", "202613", "api_version", phrase(`must name a real month`)},
		{"LINKEDIN_API_URL plain http", "LINKEDIN_API_URL", "http://api.linkedin.com", "api_url", phrase(`use https://api.linkedin.com`)},
		{"LINKEDIN_OAUTH_URL plain http", "LINKEDIN_OAUTH_URL", "http://www.linkedin.com/oauth/v2", "oauth_url", phrase(`use https://www.linkedin.com/oauth/v2`)},
		{"LINKEDIN_API_URL ending in /rest", "LINKEDIN_API_URL", env.URL + "/rest", "api_url", phrase(`without /rest`)},
		{"LINKEDIN_OAUTH_URL without a path", "LINKEDIN_OAUTH_URL", env.URL, "oauth_url", phrase(`with its path`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(c.variable, c.value)
			// The provider block leaves the variable's attribute unset.
			cfg := fmt.Sprintf("\nprovider \"linkedin\" {\n  client_id = %s\n  client_secret = %s\n  max_retries = 0\n", hcl(emulator.ChildClientID), hcl(emulator.ChildClientSecret))
			if c.attr != "api_url" {
				cfg += "  api_url = " + hcl(env.URL) + "\n"
			}
			if c.attr != "oauth_url" {
				cfg += "  oauth_url = " + hcl(env.OAuthURL()) + "\n"
			}
			cfg += "}\n" + corpusDataSource
			want := regexp.MustCompile(namedAttribute(c.attr) + c.want.String())
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{Config: cfg, PlanOnly: true, ExpectError: want}}})
		})
	}
	noAPICalls(t, env, before)
}

func TestAccProvisionedApplication_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	app := func(attr, value string) string {
		attrs := map[string]string{
			"unique_foreign_id": hcl("acme"), "name": hcl("Acme ATS"), "description": hcl("Acme's ATS"),
			"valid_js_sdk_domains": `["https://ats.example.com"]`, "oauth2_authorized_callback_urls": `["https://ats.example.com/cb"]`,
		}
		attrs[attr] = value
		var b strings.Builder
		b.WriteString(env.ParentProviderConfig() + "\nresource \"linkedin_provisioned_application\" \"bad\" {\n")
		for _, k := range []string{"unique_foreign_id", "name", "description", "valid_js_sdk_domains", "oauth2_authorized_callback_urls"} {
			fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
		}
		b.WriteString("}\n")
		return b.String()
	}
	runCorpus(t, env, namedAttribute, []corpusCase{
		{name: "description blank", config: app("description", hcl("   ")), attr: "description", want: phrase(`must not be blank`)},
		{name: "description padded", config: app("description", hcl(" Acme's ATS ")), attr: "description",
			want: phrase(`must not start or end with whitespace, got " Acme's ATS "; write "Acme's ATS"`)},
		{name: "description with a control character", config: app("description", hcl("Acme's\u0007ATS")), attr: "description",
			want: phrase(`must not contain control characters other than tab and line breaks, got U+0007 at character 7`)},
		{name: "name blank", config: app("name", hcl("  ")), attr: "name", want: phrase(`must not be blank`)},
		{name: "name padded", config: app("name", hcl("Acme ATS ")), attr: "name", want: phrase(`must not start or end with whitespace`)},
		{name: "name with a tab", config: app("name", hcl("Acme\tATS")), attr: "name",
			want: phrase(`must not contain control characters, got U+0009 (tab) at character 5`)},
		{name: "unique_foreign_id blank", config: app("unique_foreign_id", hcl(" ")), attr: "unique_foreign_id", want: phrase(`must not be blank`)},
		{name: "unique_foreign_id with a trailing newline", config: app("unique_foreign_id", hcl("acme\n")), attr: "unique_foreign_id",
			want: phrase(`must not start or end with whitespace, got "acme\n"; write "acme"`)},
		{name: "unique_foreign_id with a control character", config: app("unique_foreign_id", hcl("ac\u001bme")), attr: "unique_foreign_id",
			want: phrase(`must not contain control characters, got U+001B (escape)`)},
		{name: "JS SDK domain ftp", config: app("valid_js_sdk_domains", `["ftp://acme.example.com"]`), attr: "valid_js_sdk_domains",
			want: phrase(`must be an http:// or https:// origin (scheme, host and optional port), such as https://ats.example.com, got "ftp://acme.example.com": it starts with ftp://`)},
		{name: "JS SDK domain with a path", config: app("valid_js_sdk_domains", `["https://acme.example.com/app"]`), attr: "valid_js_sdk_domains",
			want: phrase(`an origin has no path, query or fragment; write "https://acme.example.com"`)},
		{name: "JS SDK domain with a trailing slash", config: app("valid_js_sdk_domains", `["https://acme.example.com/"]`), attr: "valid_js_sdk_domains",
			want: phrase(`it must not end with "/"; write "https://acme.example.com"`)},
		{name: "JS SDK domain without a scheme", config: app("valid_js_sdk_domains", `["acme.example.com"]`), attr: "valid_js_sdk_domains",
			want: phrase(`it has no scheme; write "https://acme.example.com"`)},
		{name: "callback URL with a space", config: app("oauth2_authorized_callback_urls", `["https://ats.example.com/o auth"]`), attr: "oauth2_authorized_callback_urls",
			want: phrase(`must be an absolute http:// or https:// URL with a host`)},
	})
}

func TestAccIntegration_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	child := env.ChildProviderConfig()
	integration := func(name string) string {
		return child + fmt.Sprintf(`
resource "linkedin_integration" "bad" {
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = %s
}
`, name)
	}
	runCorpus(t, env, namedAttribute, []corpusCase{
		{name: "integration_name of 101 characters", config: integration(hcl(strings.Repeat("n", 101))), attr: "integration_name",
			want: phrase(`UTF-8 character count must be between 1 and 100, got: 101`)},
		{name: "integration_name blank", config: integration(hcl("   ")), attr: "integration_name", want: phrase(`must not be blank`)},
		{name: "integration_name padded", config: integration(hcl(" Acme")), attr: "integration_name",
			want: phrase(`must not start or end with whitespace, got " Acme"; write "Acme"`)},
		{name: "integration_name on two lines", config: integration(hcl("Acme\nATS")), attr: "integration_name",
			want: phrase(`must not contain control characters, got U+000A (line feed) at character 5`)},
		{name: "CALLBACK_URL with a space", config: child + configurationResource("urn:li:organization:1000", "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://ats.example.com/call back"),
			attr: "value", want: phrase(`CALLBACK_URL must be an HTTPS URL (absolute, https://, with a host), such as https://ats.example.com/linkedin/callback, got "https://ats.example.com/call back": it contains whitespace`)},
	})
}

func TestAccJobPosting_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	job := func(set map[string]string) string {
		return env.ChildProviderConfig() + jobPostingConfig("bad", jobPostingAttrs("REQ-CORPUS-1"), set)
	}
	one := func(attr, value string) string { return job(map[string]string{attr: value}) }
	// applyJob is an Apply Connect job whose onsite_apply_configuration has webhookURL and questions (HCL).
	applyJob := func(webhookURL, questions string, set map[string]string) string {
		attrs := applyConnectJob("REQ-CORPUS-2", webhookURL, questions)
		return env.ChildProviderConfig() + jobPostingConfig("bad", attrs, set)
	}
	const questionsPath = "onsite_apply_configuration.questions.additional_questions.custom_question_sets[0].questions[1]"
	oneSet := func(repeatLimit, second string) string {
		return fmt.Sprintf(`{
    additional_questions = { custom_question_sets = [{
      repeat_limit = %s
      questions = [
        { partner_question_identifier = "relocate", question_text = "Relocate?", question_details = { multiple_choice_question_details = {
            preferred_form_component = "RADIO_BUTTONS", choices = [{ symbolic_name = "YES", display_value = "Yes" }, { symbolic_name = "NO", display_value = "No" }] } } },
        %s,
      ]
    }] }
  }`, repeatLimit, second)
	}
	const whenDetails = `{ partner_question_identifier = "when", question_text = "When?", question_details = { date_range_question_details = {} }`
	const ifYes = `, prerequisite_question_response = { prerequisite_question = { partner_question_identifier = "relocate" }, prerequisite_response = { multiple_choice_answer_value = { symbolic_names = ["YES"] } } }`
	goodQuestions := oneSet("1", whenDetails+ifYes+" }")
	runCorpus(t, env, namedAttribute, []corpusCase{
		{name: "apply: webhook over plain http", config: applyJob("http://ats.example.com/apply", goodQuestions, nil), attr: "onsite_apply_configuration.job_application_webhook_url",
			want: phrase(`must be an https:// URL (http:// only for a loopback host: localhost, 127.0.0.0/8 or ::1), such as https://ats.example.com/linkedin/applications, got "http://ats.example.com/apply": LinkedIn delivers applications (with the applicants' personal data) only over https://; use https://ats.example.com/apply`)},
		{name: "apply: internal job", config: applyJob("https://ats.example.com/apply", goodQuestions, map[string]string{"availability": `"INTERNAL"`, "contract": `"urn:li:contract:7"`}), attr: "availability",
			want: phrase(`must be "PUBLIC" with onsite_apply_configuration, got "INTERNAL"`)},
		{name: "apply: availability left to LinkedIn", config: applyJob("https://ats.example.com/apply", goodQuestions, map[string]string{"availability": ""}), attr: "availability",
			want: phrase(`must be "PUBLIC" with onsite_apply_configuration, got nothing`)},
		{name: "apply: no organization", config: applyJob("https://ats.example.com/apply", goodQuestions, map[string]string{"integration_context": "", "company_name": `"Acme"`}), attr: "integration_context",
			want: phrase(`(urn:li:organization:N) is required with onsite_apply_configuration`)},
		{name: "apply: question with two kinds of answer", config: applyJob("https://ats.example.com/apply", oneSet("1", `{ partner_question_identifier = "when", question_text = "When?", question_details = { date_range_question_details = {}, text_question_details = { max_length = 10 } } }`), nil),
			attr: questionsPath + ".question_details",
			want: phrase(`questionDetails has 2 members; it must have exactly one. LinkedIn would post the job without LinkedIn Apply (applicants sent to company_apply_url) and report LinkedIn Apply error 1100 "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Required one non-null optional field in /questionDetails". Set exactly one of`)},
		{name: "apply: conditional question in a repeatable set", config: applyJob("https://ats.example.com/apply", oneSet("2", whenDetails+ifYes+" }"), nil),
			attr: questionsPath + ".prerequisite_question_response",
			want: phrase(`report LinkedIn Apply error 1103 "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Repeatable questions cannot have PrerequisiteQuestion". Remove prerequisite_question_response`)},
		{name: "apply: prerequisite that does not exist", config: applyJob("https://ats.example.com/apply", oneSet("1", whenDetails+strings.Replace(ifYes, `"relocate"`, `"move"`, 1)+" }"), nil),
			attr: questionsPath + ".prerequisite_question_response.prerequisite_question.partner_question_identifier",
			want: phrase(`report LinkedIn Apply error 1102 "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: PrerequisiteQuestion must be present within the same customQuestions set/array"`)},
		{name: "apply: requirement not a LinkedIn symbol", config: applyJob("https://ats.example.com/apply", `{ resume_questions = { resume_question_requirement = "MANDATORY" } }`, nil),
			attr: "onsite_apply_configuration.questions.resume_questions.resume_question_requirement", want: phrase(`value must be one of: ["REQUIRED" "OPTIONAL" "SKIP"], got: "MANDATORY"`)},
		{name: "apply: form component not a LinkedIn symbol", config: applyJob("https://ats.example.com/apply", oneSet("1", strings.Replace(whenDetails, "date_range_question_details = {}", `text_question_details = { max_length = 5, preferred_form_component = "TEXTAREA" }`, 1)+" }"), nil),
			attr: questionsPath + ".question_details.text_question_details.preferred_form_component", want: phrase(`value must be one of:`)},
		{name: "title blank", config: one("title", hcl("   ")), attr: "title", want: phrase(`must not be blank (only whitespace), got "   "`)},
		{name: "title padded", config: one("title", hcl("Backend Engineer ")), attr: "title",
			want: phrase(`must not start or end with whitespace, got "Backend Engineer "; write "Backend Engineer"`)},
		{name: "title with a bell", config: one("title", hcl("Backend\u0007Engineer")), attr: "title",
			want: phrase(`must not contain control characters, got U+0007 at character 8`)},
		{name: "title on two lines", config: one("title", hcl("Backend\nEngineer")), attr: "title",
			want: phrase(`must not contain control characters, got U+000A (line feed)`)},
		{name: "external_job_posting_id with a newline", config: one("external_job_posting_id", hcl("REQ\n1")), attr: "external_job_posting_id",
			want: phrase(`must not contain control characters, got U+000A (line feed) at character 4 of "REQ\n1": remove it`)},
		{name: "description blank", config: one("description", hcl(strings.Repeat(" ", 120))), attr: "description",
			want: phrase(`must not be blank (only whitespace)`)},
		{name: "description with an escape character", config: one("description", hcl(jobDescription+"\u001b[1m")), attr: "description",
			want: phrase(`must not contain control characters other than tab and line breaks, got U+001B (escape)`)},
		{name: "skills_description blank", config: one("skills_description", hcl("\n\n")), attr: "skills_description",
			want: phrase(`must not be blank`)},
		{name: "company_name padded", config: one("company_name", hcl("Acme ")), attr: "company_name",
			want: phrase(`must not start or end with whitespace`)},
		{name: "company_job_code with a tab", config: one("company_job_code", hcl("JC\t7")), attr: "company_job_code",
			want: phrase(`must not contain control characters, got U+0009 (tab)`)},
		{name: "requisition_owner_first_name blank", config: one("requisition_owner_first_name", hcl(" ")), attr: "requisition_owner_first_name",
			want: phrase(`must not be blank`)},
		{name: "location with a control character", config: one("location", hcl("Mountain View\u0007, CA")), attr: "location",
			want: phrase(`must not contain control characters, got U+0007`)},
		{name: "company_page_url of a member", config: one("company_page_url", hcl("https://www.linkedin.com/in/someone")), attr: "company_page_url",
			want: phrase(`must be a LinkedIn company page URL, https://www.linkedin.com/company/<name-or-id> (a trailing "/" is fine), such as https://www.linkedin.com/company/acme, got "https://www.linkedin.com/in/someone": its path must be /company/`)},
		{name: "company_page_url without www", config: one("company_page_url", hcl("https://linkedin.com/company/acme")), attr: "company_page_url",
			want: phrase(`its host is linkedin.com; write www.linkedin.com`)},
		{name: "company_page_url over http", config: one("company_page_url", hcl("http://www.linkedin.com/company/acme")), attr: "company_page_url",
			want: phrase(`write https://`)},
		{name: "company_page_url of another site", config: one("company_page_url", hcl("https://careers.example.com/company/acme")), attr: "company_page_url",
			want: phrase(`its host is careers.example.com; write www.linkedin.com`)},
		{name: "company_page_url below the page", config: one("company_page_url", hcl("https://www.linkedin.com/company/acme/jobs")), attr: "company_page_url",
			want: phrase(`its path must be /company/`)},
		{name: "organization 0", config: one("integration_context", hcl("urn:li:organization:0")), attr: "integration_context",
			want: phrase(`must be a LinkedIn URN of the form urn:li:organization:<number>, where <number> is a positive integer without leading zeros`)},
		{name: "organization with a leading zero", config: one("integration_context", hcl("urn:li:organization:01000")), attr: "integration_context",
			want: phrase(`where <number> is a positive integer without leading zeros (for example urn:li:organization:1000), got "urn:li:organization:01000"`)},
		{name: "contract 0", config: one("contract", hcl("urn:li:contract:0")), attr: "contract",
			want: phrase(`where <number> is a positive integer without leading zeros`)},
		{name: "industry 0", config: one("industries", `["urn:li:industry:0"]`), attr: "industries",
			want: phrase(`where <number> is a positive integer without leading zeros`)},
		{name: "tracking pixel with user information", config: one("tracking_pixel_url", hcl("https://user:pw@px.example.com/p.gif")), attr: "tracking_pixel_url",
			want: phrase(`it carries user information (user:password@); remove it`)},
		{name: "status data source: padded id", config: env.ChildProviderConfig() + `
data "linkedin_job_posting_status" "bad" {
  external_job_posting_id = " REQ-1"
}
`, attr: "external_job_posting_id", want: phrase(`must not start or end with whitespace, got " REQ-1"; write "REQ-1"`)},
		{name: "statuses data source: id with a newline", config: env.ChildProviderConfig() + `
data "linkedin_job_posting_statuses" "bad" {
  external_job_posting_ids = ["REQ-1", "REQ\n2"]
}
`, attr: "external_job_posting_ids", want: phrase(`must not contain control characters, got U+000A (line feed)`)},
	})
}

func TestAccAccessToken_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	token := func(clientID, oauthURL string) string {
		return env.ChildProviderConfig() + fmt.Sprintf(`
ephemeral "linkedin_access_token" "bad" {
  client_id     = %s
  client_secret = %s
  oauth_url     = %s
}
`, clientID, hcl(emulator.ChildClientSecret), oauthURL)
	}
	runCorpus(t, env, namedAttribute, []corpusCase{
		{name: "client_id blank", config: token(hcl("  "), hcl(env.OAuthURL())), attr: "client_id", want: phrase(`must not be blank`)},
		{name: "oauth_url plain http", config: token(hcl(emulator.ChildClientID), hcl("http://www.linkedin.com/oauth/v2")), attr: "oauth_url",
			want: phrase(`would send the client secret and access tokens unencrypted; use https://www.linkedin.com/oauth/v2`)},
	})
}

func TestAccWebhookFunctions_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	call := func(expr string) string {
		return env.ChildProviderConfig() + fmt.Sprintf("\noutput \"x\" {\n  value = %s\n}\n", expr)
	}
	const code, secret, body = `"a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60"`, `"emulator-child-secret"`, `"{\"type\":\"JOB_POSTING_STATUS\"}"`
	challenge := func(c, s string) string {
		return call(fmt.Sprintf("provider::linkedin::webhook_challenge_response(%s, %s)", c, s))
	}
	signature := func(b, s string) string {
		return call(fmt.Sprintf("provider::linkedin::webhook_signature(%s, %s)", b, s))
	}
	runCorpus(t, env, namedParameter, []corpusCase{
		{name: "challenge: empty code", config: challenge(`""`, secret), attr: "challenge_code", want: phrase(`must not be empty`)},
		{name: "challenge: blank code", config: challenge(`"   "`, secret), attr: "challenge_code", want: phrase(`must not be blank`)},
		{name: "challenge: code with a newline", config: challenge(hcl("a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60\n"), secret), attr: "challenge_code",
			want: phrase(`must not start or end with whitespace`)},
		{name: "challenge: empty secret", config: challenge(code, `""`), attr: "client_secret", want: phrase(`must not be empty or only whitespace`)},
		{name: "challenge: blank secret", config: challenge(code, `" "`), attr: "client_secret", want: phrase(`must not be empty or only whitespace`)},
		{name: "signature: empty body", config: signature(`""`, secret), attr: "body", want: phrase(`must not be empty`)},
		{name: "signature: blank body", config: signature(hcl(" \n"), secret), attr: "body", want: phrase(`must not be blank (only whitespace)`)},
		{name: "signature: empty secret", config: signature(body, `""`), attr: "client_secret", want: phrase(`must not be empty or only whitespace`)},
		{name: "signature: blank secret", config: signature(body, `"  "`), attr: "client_secret", want: phrase(`must not be empty or only whitespace`)},
	})
}

// Import IDs are checked before LinkedIn is called: a padded or blank ID used to cost a call and come back as
// "Cannot import non-existent remote object".
func TestAccImport_planTimeCorpus(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	app := env.ParentProviderConfig() + `
resource "linkedin_provisioned_application" "acme" {
  unique_foreign_id = "acme-1"
  name              = "Acme ATS"
  description       = "Acme's ATS"
}
`
	integration := env.ChildProviderConfig() + `
resource "linkedin_integration" "x" {
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Acme"
}
`
	configuration := env.ChildProviderConfig() + configurationResource("urn:li:organization:1000", "ONE_CLICK_EXPORT", "", "CALLBACK_URL", "https://ats.example.com/cb")
	job := env.ChildProviderConfig() + jobPostingConfig("imported", jobPostingAttrs("REQ-1"))
	runCorpus(t, env, namedImportPart, []corpusCase{
		{name: "application: blank", config: app, importInto: "linkedin_provisioned_application.acme", importID: "   ",
			attr: "unique_foreign_id", want: phrase(`must not be blank`)},
		{name: "application: padded", config: app, importInto: "linkedin_provisioned_application.acme", importID: " acme-1",
			attr: "unique_foreign_id", want: phrase(`must not start or end with whitespace, got " acme-1"; write "acme-1"`)},
		{name: "job posting: blank", config: job, importInto: "linkedin_job_posting.imported", importID: "  ",
			attr: "external_job_posting_id", want: phrase(`must not be blank`)},
		{name: "job posting: padded", config: job, importInto: "linkedin_job_posting.imported", importID: "REQ-1 ",
			attr: "external_job_posting_id", want: phrase(`must not start or end with whitespace, got "REQ-1 "; write "REQ-1"`)},
		{name: "job posting: tab inside", config: job, importInto: "linkedin_job_posting.imported", importID: "REQ\t1",
			attr: "external_job_posting_id", want: phrase(`must not contain control characters`)},
		{name: "integration: padded context", config: integration, importInto: "linkedin_integration.x", importID: " urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER",
			attr: "integration_context", want: phrase(`must not start or end with whitespace`)},
		{name: "integration: blank", config: integration, importInto: "linkedin_integration.x", importID: "   ",
			attr: "integration_context/integration_type/tenant_type", want: phrase(`empty or only whitespace`)},
		{name: "configuration: padded name", config: configuration, importInto: "linkedin_integration_configuration.bad",
			importID: "urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL ", attr: "name",
			want: phrase(`must not start or end with whitespace, got "CALLBACK_URL "; write "CALLBACK_URL"`)},
	})
}
