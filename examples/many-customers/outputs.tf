output "customers" {
  description = "Where each customer stands: stage, organization, and the child application provisioned here (URN and client ID; the secret is only in the state)."
  value = {
    for key, c in var.customers : key => {
      stage        = c.stage
      organization = c.organization
      application  = try(linkedin_provisioned_application.customer[key].id, null)
      client_id    = try(linkedin_provisioned_application.customer[key].client_id, null)
    }
  }
}
