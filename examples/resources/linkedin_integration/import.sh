# An integration is imported by integrationContext/integrationType/tenantType (URNs contain ":" but no "/").
terraform import linkedin_integration.one_click_export urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER

# With the provider's customers map, "@<customer>" at the end of the ID sets customer (here "acme").
terraform import 'linkedin_integration.one_click_export["acme"]' urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER@acme
