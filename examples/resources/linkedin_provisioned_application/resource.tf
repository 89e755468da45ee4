# Configure the default provider with the partner's parent application
# (LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET).
resource "linkedin_provisioned_application" "acme" {
  unique_foreign_id = "customer-4711"
  name              = "Acme Corp ATS"
  description       = "Acme Corp's connection to our applicant tracking system"

  valid_js_sdk_domains            = ["https://acme.ats.example.com"]
  oauth2_authorized_callback_urls = ["https://acme.ats.example.com/oauth/linkedin/callback"]
}

# The child application's credentials configure a provider for that customer.
provider "linkedin" {
  alias         = "acme"
  client_id     = linkedin_provisioned_application.acme.client_id
  client_secret = linkedin_provisioned_application.acme.client_secret
}

output "acme_client_id" {
  value = linkedin_provisioned_application.acme.client_id
}
