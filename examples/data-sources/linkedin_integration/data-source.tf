# Fails with an explanation when the customer has not enabled Apply Connect for us (or turned it off).
data "linkedin_integration" "apply_connect" {
  provider            = linkedin.acme
  integration_context = "urn:li:organization:1000"
  integration_type    = "APPLY_CONNECT"
}

output "apply_connect_status" {
  value = data.linkedin_integration.apply_connect.status # ENABLED or PENDING_CONFIGURATION
}
