package emulator

import "strings"

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
		// Apply Connect's feedback on delivered applications (application_lifecycle.go).
		{family: "v2", coll: lifecycleActionsCollection()},
		// Recruiter System Connect data sync (rsc_sync.go).
		{family: "v2", coll: syncCollection(syncCandidate, true)},
		{family: "rest", coll: syncCollection(syncCandidate, false)},
		{family: "v2", coll: syncCollection(syncApplication, true)},
		{family: "v2", sub: "stages", parent: &legacyApplicationKey, coll: syncCollection(syncStage, true)},
		{family: "rest", coll: syncCollection(syncApplication, false)},
		{family: "rest", coll: syncCollection(syncStage, false)},
	}
}()

// route places a collection at a URL: /<family>/<coll.name>[/<parentKey>/<sub>].
type route struct {
	family string
	sub    string   // sub-resource name, "" for a top-level collection
	parent *keySpec // key of the parent resource of a sub-resource
	coll   *collection
}

// permissionPath names the resource in errors, as LinkedIn does: "atsIntegrations/configurations".
func (rt *route) permissionPath() string {
	if rt.sub != "" {
		return rt.coll.name + "/" + rt.sub
	}
	return rt.coll.name
}

// findRoute matches the path segments to a route and records the path keys it finds in c.
func (e *Emulator) findRoute(c *call) *route {
	if len(c.segs) == 0 {
		return nil
	}
	for _, rt := range e.apiRoutes {
		if rt.family != c.family || rt.coll.name != c.segs[0] {
			continue
		}
		switch {
		case rt.sub == "" && len(c.segs) == 1:
			return rt
		case rt.sub == "" && len(c.segs) == 2 && c.segs[1] != "":
			c.pathKey = c.segs[1]
			return rt
		case rt.sub != "" && len(c.segs) == 3 && c.segs[2] == rt.sub:
			c.parentKey = c.segs[1]
			return rt
		case rt.sub != "" && len(c.segs) == 4 && c.segs[2] == rt.sub:
			c.parentKey, c.pathKey = c.segs[1], c.segs[3]
			return rt
		}
	}
	return nil
}

// countPath is the path of a request for RequestCounts, with keys replaced by {key}.
func (c *call) countPath() string {
	if c.route == nil {
		return "/" + c.family + "/" + strings.Join(c.segs, "/")
	}
	p := "/" + c.family + "/" + c.route.coll.name
	if c.route.sub != "" {
		p += "/{key}/" + c.route.sub
	}
	if c.pathKey != "" {
		p += "/{key}"
	}
	return p
}
