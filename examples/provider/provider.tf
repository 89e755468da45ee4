# The partner's parent application. It may call only LinkedIn's provisioning API, so it manages
# linkedin_provisioned_application. Credentials usually come from the environment:
#   LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET (or LINKEDIN_ACCESS_TOKEN)
provider "linkedin" {
  # api_version = "202603"          # LinkedIn-Version header (LINKEDIN_API_VERSION)
  # api_url     = "http://127.0.0.1:8080" # the local emulator instead of https://api.linkedin.com
  # oauth_url   = "http://127.0.0.1:8080/oauth/v2"
}

# One customer's child application, provisioned with the parent application.
resource "linkedin_provisioned_application" "acme" {
  unique_foreign_id = "customer-4711"
  name              = "Acme Corp ATS"
  description       = "Acme Corp's connection to our applicant tracking system"
}

# A second, aliased provider configured with the child application's credentials manages everything of that
# customer: integrations, integration configurations, job postings. Its configuration is known only once the
# application exists; Terraform configures it after the application is created.
provider "linkedin" {
  alias         = "acme"
  client_id     = linkedin_provisioned_application.acme.client_id
  client_secret = linkedin_provisioned_application.acme.client_secret
}

resource "linkedin_integration" "acme_one_click_export" {
  provider            = linkedin.acme
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Acme Corp — export to our ATS"
}
