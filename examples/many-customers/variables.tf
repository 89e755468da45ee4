variable "customers" {
  description = <<-EOT
    Every customer this configuration manages, keyed by our own customer key: the child application's
    unique_foreign_id, the `customer` of every resource, and the suffix of import IDs ("<id>@<key>").
      name         display name (the child application is named "<ats_name> - <name>", at most 50 characters)
      organization the customer's LinkedIn organization URN, shown in LinkedIn's integration configuration plugin
      stage        "onboarding": the child application is provisioned, the customer has not enabled the
                   integrations in LinkedIn yet; "active": everything below is managed; "offboarding": the
                   customer's integrations, configuration and jobs are removed, its credentials kept until that
                   apply is done (then remove the customer from this map)
      existing     true when the child application exists already (provisioned before, or elsewhere): it is
                   not provisioned here, its credentials come from var.existing_credentials, and what it has
                   on LinkedIn is imported (imports.tf)
      jobs         the customer's open jobs, keyed by the ATS's external job posting id
  EOT
  type = map(object({
    name         = string
    organization = string
    stage        = optional(string, "onboarding")
    existing     = optional(bool, false)
    jobs = optional(map(object({
      title             = string
      description       = string
      location          = string
      company_apply_url = string
      listed_at         = string
    })), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for c in values(var.customers) : contains(["onboarding", "active", "offboarding"], c.stage)])
    error_message = "Each customer's stage must be \"onboarding\", \"active\" or \"offboarding\"."
  }
}

variable "existing_credentials" {
  description = <<-EOT
    Credentials of the customers whose child application exists already (existing = true), keyed like
    var.customers: { client_id, client_secret }. An entry for a customer provisioned here wins over the secret
    in the state (a rotated secret). Pass them from a secret store, e.g. as TF_VAR_existing_credentials in the
    pipeline's environment; being ephemeral, they are kept out of the plan and the state.
  EOT
  type = map(object({
    client_id     = string
    client_secret = string
  }))
  default   = {}
  sensitive = true
  ephemeral = true
}

variable "ats_name" {
  description = "Our product's name: child applications are named \"<ats_name> - <customer name>\", as LinkedIn's provisioning API page suggests."
  type        = string
  default     = "Example ATS"
}

variable "callback_base_url" {
  description = "Base of each customer's One-Click Export CALLBACK_URL (HTTPS): <base>/<customer key>/one-click-export."
  type        = string
  default     = "https://ats.example.com/linkedin"
}
