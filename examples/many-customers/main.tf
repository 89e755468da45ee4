# Many customers in one configuration: one child application per customer, and one provider for all of them.
#
#   * the default provider, configured with the partner's parent application (LINKEDIN_CLIENT_ID and
#     LINKEDIN_CLIENT_SECRET), provisions a child application for every customer;
#   * a second provider, linkedin.customers, holds the credentials of every customer in its `customers` map;
#     each resource names its customer with `customer = "<key>"` and is managed with that customer's child
#     application. One provider process serves them all.
#
# The customers are listed in customers.auto.tfvars; variables.tf says what each field means. `make demo`
# runs this against the local emulator (scripts/demo-many-customers.sh). The guide that explains it:
# docs/guides/many-customers.md.

terraform {
  required_version = ">= 1.10" # import blocks with for_each (1.7), ephemeral variables (1.10)
  required_providers {
    linkedin = {
      source = "terraform-linkedin/linkedin"
    }
  }
}

# The partner's parent application: it may only call LinkedIn's provisioning API.
provider "linkedin" {}

# One child application per customer we provision. Customers whose child application exists already
# (existing = true) are not provisioned here: their credentials come from var.existing_credentials.
resource "linkedin_provisioned_application" "customer" {
  for_each = local.provisioned

  unique_foreign_id = each.key
  name              = "${var.ats_name} - ${each.value}"
  description       = "${each.value}'s connection to ${var.ats_name}"
}

# Every customer's credentials, keyed by our customer key: those of the applications provisioned above and,
# winning over them, those passed in var.existing_credentials (customers that exist already, or a rotated
# secret). Entries of applications created in this run are unknown until they exist: the provider sets up a
# customer's client only when a resource of that customer needs it.
provider "linkedin" {
  alias = "customers"
  customers = merge(
    {
      for key, app in linkedin_provisioned_application.customer : key => {
        client_id     = app.client_id
        client_secret = app.client_secret
      }
    },
    var.existing_credentials,
  )
}

locals {
  # What each resource's for_each iterates over is kept small on purpose: Terraform evaluates a resource's
  # for_each again for every instance it plans, so a for_each over whole customer objects (their jobs
  # included), or over another resource's instances, costs time that grows with the square of the number of
  # customers. Names and organizations are all the customer-level resources need.
  provisioned = { for key, c in var.customers : key => c.name if !c.existing }

  # The customers whose integrations, configuration and jobs this configuration manages: those that enabled
  # the integrations in LinkedIn (stage "active"). A customer in stage "onboarding" has only its application;
  # one in stage "offboarding" keeps its credentials while its resources are removed.
  active = {
    for key, c in var.customers : key => { name = c.name, organization = c.organization } if c.stage == "active"
  }

  # Every job of every active customer, keyed "<customer>/<external job id>".
  jobs = merge([
    for key, c in var.customers : {
      for id, job in c.jobs : "${key}/${id}" => merge(job, {
        customer     = key
        id           = id
        organization = c.organization
      })
    } if c.stage == "active"
  ]...)
}

# The integrations each customer enabled for us in LinkedIn, adopted and named.
resource "linkedin_integration" "one_click_export" {
  for_each = local.active
  provider = linkedin.customers
  customer = each.key

  integration_context = each.value.organization
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "${each.value.name} - export to our ATS"
}

resource "linkedin_integration" "in_ats_indicator" {
  for_each = local.active
  provider = linkedin.customers
  customer = each.key

  integration_context = each.value.organization
  integration_type    = "IN_ATS_INDICATOR"
  integration_name    = "${each.value.name} - in-ATS indicator"
}

# Each customer's configuration keys, set once its integrations are adopted (depends_on orders them; an
# expression such as linkedin_integration.one_click_export[each.key].integration_context would too, but makes
# Terraform assemble every instance of that resource for each key it plans).
#
# Where LinkedIn sends each customer's One-Click Export events: one HTTPS URL per customer.
resource "linkedin_integration_configuration" "callback_url" {
  for_each   = local.active
  provider   = linkedin.customers
  customer   = each.key
  depends_on = [linkedin_integration.one_click_export]

  integration_context = each.value.organization
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = "${var.callback_base_url}/${each.key}/one-click-export"
}

resource "linkedin_integration_configuration" "job_posting_viewers" {
  for_each   = local.active
  provider   = linkedin.customers
  customer   = each.key
  depends_on = [linkedin_integration.one_click_export]

  integration_context = each.value.organization
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

resource "linkedin_integration_configuration" "application_viewers" {
  for_each   = local.active
  provider   = linkedin.customers
  customer   = each.key
  depends_on = [linkedin_integration.in_ats_indicator]

  integration_context = each.value.organization
  integration_type    = "IN_ATS_INDICATOR"
  name                = "APPLICATION_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

# Each customer's open jobs, posted with that customer's child application.
resource "linkedin_job_posting" "job" {
  for_each = local.jobs
  provider = linkedin.customers
  customer = each.value.customer

  integration_context     = each.value.organization
  external_job_posting_id = each.value.id
  title                   = each.value.title
  description             = each.value.description
  location                = each.value.location
  company_apply_url       = each.value.company_apply_url
  listed_at               = each.value.listed_at
}
