# Quickstart: onboard one customer onto LinkedIn's One-Click Export.
#
#   1. the partner's parent application provisions the customer's child application;
#   2. a second provider, configured with the child application's credentials, adopts and names the
#      integration the customer enabled in LinkedIn, and sets its configuration keys.
#
# `make demo` runs this against the local emulator (see scripts/demo.sh). Against LinkedIn, export
# LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET (the parent application) and leave the URLs at their defaults.

terraform {
  required_version = ">= 1.10"
  required_providers {
    linkedin = {
      source = "terraform-linkedin/linkedin"
    }
  }
}

variable "customer_id" {
  description = "Our own identifier of the customer (unique_foreign_id of its child application)."
  type        = string
  default     = "acme-corp"
}

variable "organization" {
  description = "The customer's LinkedIn organization URN, as shown in LinkedIn's integration configuration plugin."
  type        = string
  default     = "urn:li:organization:1000"
}

variable "callback_url" {
  description = "Where LinkedIn sends One-Click Export events for this customer (HTTPS, unique per customer)."
  type        = string
  default     = "https://ats.example.com/linkedin/acme-corp/one-click-export"
}

# The parent application: credentials and URLs from LINKEDIN_* environment variables.
provider "linkedin" {}

resource "linkedin_provisioned_application" "customer" {
  unique_foreign_id = var.customer_id
  name              = "Acme Corp ATS"
  description       = "Acme Corp's connection to our applicant tracking system"
}

# The customer's child application.
provider "linkedin" {
  alias         = "customer"
  client_id     = linkedin_provisioned_application.customer.client_id
  client_secret = linkedin_provisioned_application.customer.client_secret
}

# The customer must have enabled One-Click Export for our application in LinkedIn first.
resource "linkedin_integration" "one_click_export" {
  provider            = linkedin.customer
  integration_context = var.organization
  integration_type    = "ONE_CLICK_EXPORT"
  integration_name    = "Acme Corp - export to our ATS"
}

resource "linkedin_integration_configuration" "callback_url" {
  provider            = linkedin.customer
  integration_context = linkedin_integration.one_click_export.integration_context
  integration_type    = linkedin_integration.one_click_export.integration_type
  name                = "CALLBACK_URL"
  value               = var.callback_url
}

resource "linkedin_integration_configuration" "job_posting_viewers" {
  provider            = linkedin.customer
  integration_context = linkedin_integration.one_click_export.integration_context
  integration_type    = linkedin_integration.one_click_export.integration_type
  name                = "JOB_POSTING_VIEWERS"
  value               = "ALL_PRODUCT_USERS"
}

output "application_urn" {
  value = linkedin_provisioned_application.customer.id
}

output "client_id" {
  value = linkedin_provisioned_application.customer.client_id
}

output "client_secret" {
  value     = linkedin_provisioned_application.customer.client_secret
  sensitive = true
}

output "integration_status" {
  description = "PENDING_CONFIGURATION until CALLBACK_URL is set, then ENABLED (read at the next refresh)."
  value       = linkedin_integration.one_click_export.status
}
