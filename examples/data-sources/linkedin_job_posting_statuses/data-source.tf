variable "open_requisitions" {
  type    = list(string)
  default = ["REQ-1042", "REQ-2001", "REQ-3077"]
}

# Reads every status in calls of at most 100 ids.
data "linkedin_job_posting_statuses" "open" {
  provider                 = linkedin.acme
  external_job_posting_ids = var.open_requisitions
}

output "not_listed" {
  description = "Jobs LinkedIn does not list, with LinkedIn's reason."
  value = {
    for s in data.linkedin_job_posting_statuses.open.statuses :
    s.external_job_posting_id => try(s.listing_status_detail.status_message, "no detail")
    if s.listing_status == "NOT_LISTED"
  }
}

output "unknown_to_linkedin" {
  value = data.linkedin_job_posting_statuses.open.missing_ids
}

output "backend_engineer_apply" {
  value = data.linkedin_job_posting_statuses.open.by_id["REQ-1042"].linkedin_apply_status
}
