# A configuration is imported by integrationContext/integrationType/tenantType/configurationName.
terraform import linkedin_integration_configuration.callback_url urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL
