# The customer enabled One-Click Export for us in LinkedIn; we adopt it and name it.
# provider = linkedin.acme: the provider configured with the customer's child application.
resource "linkedin_integration" "one_click_export" {
  provider            = linkedin.acme
  integration_context = "urn:li:organization:1000"
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Acme Corp — export to our ATS"
  # tenant_type defaults to RECRUITER for ONE_CLICK_EXPORT
}

# Contract-scoped integrations take a contract URN.
resource "linkedin_integration" "recruiter_system_connect" {
  provider            = linkedin.acme
  integration_context = "urn:li:contract:5000"
  integration_type    = "CSA_API"
  integration_name    = "Acme Corp — Recruiter System Connect"
}

output "one_click_export_status" {
  # PENDING_CONFIGURATION until its CALLBACK_URL is set, then ENABLED
  value = linkedin_integration.one_click_export.status
}
