package emulator

// apiRoutes places every resource definition at its URLs (the collection's name is the path segment).
// A new resource (candidates, applications, stages) is one collection definition plus its routes here;
// a sub-resource such as stages names its parent's key shape and its own segment.
var apiRoutes = func() []*route {
	legacyIntegrationKey := &keySpec{parts: []string{"integrationContext", "integrationType", "tenantType"},
		fixed: map[string]string{"dataProvider": "ATS"}}
	return []*route{
		{family: "v2", coll: provisioningCollection()},
		{family: "rest", coll: integrationsCollection(false)},
		{family: "v2", sub: "configurations", parent: legacyIntegrationKey, coll: configurationsCollection(true)},
		{family: "v2", coll: integrationsCollection(true)},
		{family: "rest", coll: configurationsCollection(false)},
		{family: "rest", coll: jobPostingsCollection()},
		{family: "v2", coll: jobPostingsCollection()},
		{family: "rest", coll: tasksCollection()},
		{family: "v2", coll: tasksCollection()},
		{family: "rest", coll: jobStatusCollection()},
		{family: "v2", coll: jobStatusCollection()},
	}
}()
