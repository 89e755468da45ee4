data "linkedin_job_posting_status" "backend_engineer" {
  provider                = linkedin.acme
  external_job_posting_id = "REQ-1042"
}

output "backend_engineer_status" {
  value = {
    listing        = data.linkedin_job_posting_status.backend_engineer.listing_status
    why            = try(data.linkedin_job_posting_status.backend_engineer.listing_status_detail.status_message, null)
    what_to_do     = try(data.linkedin_job_posting_status.backend_engineer.listing_status_detail.resolution, null)
    linkedin_apply = data.linkedin_job_posting_status.backend_engineer.linkedin_apply_status
    promotion      = data.linkedin_job_posting_status.backend_engineer.promotion_status
    url            = data.linkedin_job_posting_status.backend_engineer.job_posting_url
  }
}

# A check block warns on every plan and apply when LinkedIn stops listing the job (for example after members
# reported it), with LinkedIn's reason and what to do.
check "backend_engineer_is_listed" {
  data "linkedin_job_posting_status" "current" {
    provider                = linkedin.acme
    external_job_posting_id = "REQ-1042"
  }

  assert {
    condition     = data.linkedin_job_posting_status.current.listing_status != "NOT_LISTED"
    error_message = "LinkedIn does not list REQ-1042: ${try(data.linkedin_job_posting_status.current.listing_status_detail.status_message, "no detail")} ${try(data.linkedin_job_posting_status.current.listing_status_detail.resolution, "")}"
  }
}
