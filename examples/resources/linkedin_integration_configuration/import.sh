# A configuration is imported by integrationContext/integrationType/tenantType/configurationName.
terraform import linkedin_integration_configuration.callback_url urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL

# With the provider's customers map, "@<customer>" at the end of the ID sets customer (here "acme"). The ID is
# split on its last "@" only when what follows is a key of customers.
terraform import 'linkedin_integration_configuration.callback_url["acme"]' urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@acme
