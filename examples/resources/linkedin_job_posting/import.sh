# A job posting is imported by its external job posting id (the ATS's id of the job).
terraform import linkedin_job_posting.backend_engineer REQ-1042

# With the provider's customers map, "@<customer>" at the end of the ID sets customer (here "acme"). The ID is
# split on its last "@" only when what follows is a key of customers, so an id such as "jane@example.com" is
# imported whole.
terraform import 'linkedin_job_posting.backend_engineer["acme"]' REQ-1042@acme
