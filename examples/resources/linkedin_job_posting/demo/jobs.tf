# `make demo` copies this file next to examples/quickstart: the customer's child application (provider
# linkedin.customer) posts a job, and a data source shows the job's status on LinkedIn.

resource "linkedin_job_posting" "backend_engineer" {
  provider = linkedin.customer

  integration_context     = var.organization
  external_job_posting_id = "REQ-1042"
  title                   = "Senior Backend Engineer"
  description             = "Acme Corp is hiring a senior backend engineer to design, build and run the Go services behind its payments platform."
  location                = "Mountain View, CA"
  company_apply_url       = "https://careers.acme.example/jobs/REQ-1042"
  listed_at               = "2026-11-01T09:00:00Z"
  employment_status       = "FULL_TIME"
  workplace_type          = "Hybrid"
}

data "linkedin_job_posting_status" "backend_engineer" {
  provider                = linkedin.customer
  external_job_posting_id = linkedin_job_posting.backend_engineer.external_job_posting_id
}

output "job_status" {
  value = {
    url            = data.linkedin_job_posting_status.backend_engineer.job_posting_url
    listing        = data.linkedin_job_posting_status.backend_engineer.listing_status
    why            = try(data.linkedin_job_posting_status.backend_engineer.listing_status_detail.status_message, null)
    linkedin_apply = data.linkedin_job_posting_status.backend_engineer.linkedin_apply_status
    promotion      = data.linkedin_job_posting_status.backend_engineer.promotion_status
    expire_at      = data.linkedin_job_posting_status.backend_engineer.expire_at
  }
}
