# A job posting is imported by its external job posting id (the ATS's id of the job).
terraform import linkedin_job_posting.backend_engineer REQ-1042
