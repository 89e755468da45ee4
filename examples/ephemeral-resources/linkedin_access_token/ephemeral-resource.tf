# A token for the customer's child application, never stored in the plan or the state: hand it to another
# provider or a script that calls LinkedIn directly.
ephemeral "linkedin_access_token" "acme" {
  client_id     = linkedin_provisioned_application.acme.client_id
  client_secret = linkedin_provisioned_application.acme.client_secret
}

# For example, in the configuration of another provider that calls LinkedIn:
# provider "restapi" {
#   uri     = "https://api.linkedin.com"
#   headers = { Authorization = "Bearer ${ephemeral.linkedin_access_token.acme.access_token}" }
# }
