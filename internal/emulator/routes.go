package emulator

// apiRoutes places every resource definition at its URLs. A new resource (candidates, applications,
// stages) is one collection definition plus its routes here.
var apiRoutes = func() []*route {
	legacyIntegrationKey := &keySpec{parts: []string{"integrationContext", "integrationType", "tenantType"},
		fixed: map[string]string{"dataProvider": "ATS"}}
	return []*route{
		{family: "v2", name: "provisionedApplications", coll: provisioningCollection()},
		{family: "rest", name: "integrations", coll: integrationsCollection(false)},
		{family: "v2", name: "atsIntegrations", sub: "configurations", parent: legacyIntegrationKey, coll: configurationsCollection(true)},
		{family: "v2", name: "atsIntegrations", coll: integrationsCollection(true)},
		{family: "rest", name: "integrationConfigurations", coll: configurationsCollection(false)},
		{family: "rest", name: "simpleJobPostings", coll: jobPostingsCollection()},
		{family: "v2", name: "simpleJobPostings", coll: jobPostingsCollection()},
		{family: "rest", name: "simpleJobPostingTasks", coll: tasksCollection()},
		{family: "v2", name: "simpleJobPostingTasks", coll: tasksCollection()},
		{family: "rest", name: "jobPostingStatus", coll: jobStatusCollection()},
		{family: "v2", name: "jobPostingStatus", coll: jobStatusCollection()},
	}
}()
