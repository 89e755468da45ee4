# Job postings are managed with the customer's child application credentials.
provider "linkedin" {
  alias         = "acme"
  client_id     = var.acme_client_id
  client_secret = var.acme_client_secret
}

variable "acme_client_id" {
  type = string
}

variable "acme_client_secret" {
  type      = string
  sensitive = true
}

# The fields Recruiter System Connect requires ("Sync Jobs").
resource "linkedin_job_posting" "backend_engineer" {
  provider = linkedin.acme

  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = "REQ-1042"
  title                   = "Senior Backend Engineer"
  description             = <<-EOT
    <p>Acme builds the payments platform thousands of small businesses rely on.</p>
    <ul><li>Design and run Go services</li><li>Own reliability end to end</li></ul>
  EOT
  location                = "Mountain View, CA"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-1042"
  listed_at               = "2026-11-01T09:00:00Z"
  listing_state           = "LISTED" # "CLOSED" closes the job on LinkedIn

  # Optional fields.
  employment_status   = "FULL_TIME"
  experience_level    = "MID_SENIOR_LEVEL"
  workplace_type      = "Hybrid"
  alternate_locations = ["Austin, TX", "New York, NY"]
  categories          = ["eng", "it"]
  industries          = ["urn:li:industry:4"]
  company_job_code    = "ENG-BE-7"
  skills_description  = "Go, PostgreSQL, Kubernetes"
  poster_email        = "recruiting@acme.example"

  compensation = [{
    type          = "BASE_SALARY"
    period        = "YEARLY"
    currency_code = "USD"
    min_amount    = 150000
    max_amount    = 190000
  }]

  # Change this value to renew the listing (RENEW extends expire_at by 30 days).
  renewal_trigger = "2026-11"

  timeouts {
    create = "30m"
  }
}

# A job posted by postal code instead of a location string.
resource "linkedin_job_posting" "warehouse_associate" {
  provider = linkedin.acme

  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = "REQ-2001"
  title                   = "Warehouse Associate"
  description             = "Join the fulfilment team of our Mountain View warehouse: receive, store and ship orders, keep the floor safe and tidy, and help us serve customers on time."
  country_code            = "US"
  postal_code             = "94043"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-2001"
  listed_at               = "2026-11-10T08:00:00Z"
  employment_status       = "PART_TIME"
}

output "backend_engineer_on_linkedin" {
  value = {
    url            = linkedin_job_posting.backend_engineer.job_posting_url
    listing_status = linkedin_job_posting.backend_engineer.listing_status
    expire_at      = linkedin_job_posting.backend_engineer.expire_at
  }
}
