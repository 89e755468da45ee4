# A child application is imported by its unique_foreign_id. LinkedIn returns the client secret only when the
# application is created, so client_secret is null after an import.
terraform import linkedin_provisioned_application.acme customer-4711
