# Where LinkedIn sends One-Click Export events for this customer: an HTTPS URL, unique per customer.
# LinkedIn keeps a CALLBACK_URL once set: destroying this resource only removes it from the state.
resource "linkedin_integration_configuration" "callback_url" {
  provider            = linkedin.acme
  integration_context = linkedin_integration.one_click_export.integration_context
  integration_type    = linkedin_integration.one_click_export.integration_type
  name                = "CALLBACK_URL"
  value               = "https://ats.example.com/linkedin/acme/one-click-export"
}

# Who may see job postings in the One-Click Export drop-down (needed unless the customer uses ACLs).
resource "linkedin_integration_configuration" "job_posting_viewers" {
  provider            = linkedin.acme
  integration_context = linkedin_integration.one_click_export.integration_context
  integration_type    = linkedin_integration.one_click_export.integration_type
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

# Who may see job-related data in the In-ATS Indicator.
resource "linkedin_integration_configuration" "application_viewers" {
  provider            = linkedin.acme
  integration_context = "urn:li:organization:1000"
  integration_type    = "IN_ATS_INDICATOR"
  name                = "APPLICATION_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}
