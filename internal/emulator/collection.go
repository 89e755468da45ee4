package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file is the generic Rest.li collection engine: a resource is a *collection definition (key shape,
// methods served, per-key handlers) and the engine does the rest — key spellings (protocol 1.0 and 2.0),
// method inference, batch envelopes, body/ids matching and per-key errors. Adding candidates, applications
// or stages later is one more definition and one more route.

// maxBatch is LinkedIn's limit on ids or elements per call
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/create-jobs).
const maxBatch = 100

// collection is the declarative definition of one Rest.li resource. Handlers run with e.mu held.
type collection struct {
	name       string // first path segment after /rest or /v2, also the resource in permission errors
	parentOnly bool   // only a parent application may call it (provisioning); else only child applications
	quota      string // daily quota group (daily_quotas.go); "" for none
	// category names a Recruiter System Connect resource in the sync audit ("Sync Candidates"); such a
	// resource also counts its records against the per-minute limit of its quota group. "" for others.
	category string
	methods  []string
	key      keySpec

	get         func(c *call, k restli.Key) (any, *apiError)
	update      func(c *call, k restli.Key, entity json.RawMessage) *apiError
	patch       func(c *call, k restli.Key, p patchBody) *apiError
	remove      func(c *call, k restli.Key) *apiError
	create      func(c *call, entity json.RawMessage) (*response, *apiError)
	batchCreate func(c *call, elements []json.RawMessage) ([]any, *apiError)
	finders     map[string]func(c *call) (*response, *apiError)
}

func (co *collection) serves(m string) bool { return slices.Contains(co.methods, m) }

// restliHTTP maps each Rest.li method to the HTTP method it travels on.
var restliHTTP = map[string]string{
	"get": http.MethodGet, "batch_get": http.MethodGet, "finder": http.MethodGet, "get_all": http.MethodGet,
	"create": http.MethodPost, "batch_create": http.MethodPost, "partial_update": http.MethodPost,
	"batch_partial_update": http.MethodPost, "action": http.MethodPost,
	"update": http.MethodPut, "batch_update": http.MethodPut,
	"delete": http.MethodDelete, "batch_delete": http.MethodDelete,
}

// inferRestliMethod is what Rest.li routes the request to: the X-RestLi-Method header, else the HTTP
// method and the shape of the URL.
func (c *call) inferRestliMethod() string {
	if c.restliHeader != "" {
		return c.restliHeader
	}
	hasKey, hasIDs, hasQ := c.pathKey != "", c.has("ids"), c.has("q")
	switch c.method {
	case http.MethodGet:
		switch {
		case hasKey:
			return "get"
		case hasIDs:
			return "batch_get"
		case hasQ:
			return "finder"
		}
		return "get_all"
	case http.MethodPut:
		if hasKey {
			return "update"
		}
		return "batch_update"
	case http.MethodPost:
		switch {
		case hasKey:
			return "partial_update"
		case hasIDs:
			return "batch_partial_update"
		}
		return "create"
	case http.MethodDelete:
		if hasKey {
			return "delete"
		}
		return "batch_delete"
	}
	return strings.ToLower(c.method)
}

// dispatch runs the Rest.li method on the collection. mutated reports whether state may have changed.
func (c *call) dispatch() (resp *response, mutated bool) {
	co := c.route.coll
	m := c.restli
	if err := c.methodError(); err != nil {
		return errResponse(err), false
	}
	if err := c.protocolError(); err != nil {
		return errResponse(err), false
	}
	if c.route.parent != nil {
		pk, err := c.route.parent.parse(c.parentKey)
		if err != nil {
			return errResponse(err), false
		}
		c.parentKeyValue = pk
	}
	switch m {
	case "get", "update", "partial_update", "delete":
		k, err := co.key.parse(c.pathKey)
		if err != nil {
			return errResponse(err), false
		}
		return c.single(m, k)
	case "batch_get", "batch_update", "batch_partial_update", "batch_delete":
		return c.batch(m)
	case "create":
		r, err := co.create(c, c.body)
		if err != nil {
			return errResponse(err), false
		}
		return r, true
	case "batch_create":
		return c.batchCreate()
	case "finder":
		q, _ := c.get("q")
		f := co.finders[q]
		if f == nil {
			return errResponse(errBadRequest("unknown finder q=%s on /%s", q, c.route.permissionPath())), false
		}
		r, err := f(c)
		if err != nil {
			return errResponse(err), false
		}
		return r, false
	}
	return errResponse(errBadRequest("unsupported method %s", m)), false
}

// methodError refuses a request whose Rest.li method cannot run on this collection: an HTTP method
// Rest.li does not use, a Rest.li method that travels on another HTTP method, a POST without
// X-RestLi-Method that Rest.li would route to a create the resource does not have, a batch_partial_update
// without its header, or a method the collection does not serve.
func (c *call) methodError() *apiError {
	co := c.route.coll
	m := c.restli
	switch c.method {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete:
	default:
		return errf(http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "HTTP method %s is not allowed", c.method)
	}
	if want, ok := restliHTTP[m]; !ok || want != c.method {
		return errBadRequest("X-RestLi-Method %q does not match the HTTP method %s", m, c.method)
	}
	if m == "create" && !co.serves("create") && co.serves("batch_create") && strings.Contains(string(c.body), `"elements"`) {
		// Rest.li routes a POST without X-RestLi-Method to create, whose schema has no "elements".
		return errf(http.StatusForbidden, "ACCESS_DENIED",
			"Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/elements]").withService(100)
	}
	if m == "batch_partial_update" && c.restliHeader == "" {
		return errBadRequest("the X-RestLi-Method header is required for batch_partial_update")
	}
	if !co.serves(m) {
		return errf(http.StatusBadRequest, "UNSUPPORTED_METHOD", "%s is not supported on /%s", strings.ToUpper(m), c.route.permissionPath())
	}
	return nil
}

// single runs get, update, partial_update or delete on the key of the path.
func (c *call) single(m string, k restli.Key) (*response, bool) {
	co := c.route.coll
	switch m {
	case "get":
		v, err := co.get(c, k)
		if err != nil {
			return errResponse(err), false
		}
		return &response{status: http.StatusOK, body: v}, false
	case "update":
		if err := co.update(c, k, c.body); err != nil {
			return errResponse(err), true
		}
	case "partial_update":
		if err := co.applyPatch(c, k, c.body); err != nil {
			return errResponse(err), true
		}
	case "delete":
		if err := co.remove(c, k); err != nil {
			return errResponse(err), true
		}
	}
	return &response{status: http.StatusNoContent}, true
}

// patchBody is Rest.li's partial update.
type patchBody struct {
	Patch *struct {
		Set    map[string]json.RawMessage `json:"$set"`
		Delete []string                   `json:"$delete"`
	} `json:"patch"`
}

// applyPatch decodes a partial update ({"patch":{…}}) and hands it to the collection.
func (co *collection) applyPatch(c *call, k restli.Key, raw []byte) *apiError {
	var p patchBody
	if err := decodeJSON(raw, &p); err != nil || p.Patch == nil {
		return errBadRequest("the body must be {\"patch\":{\"$set\":{…}}}")
	}
	return co.patch(c, k, p)
}

// batch runs batch_get, batch_update, batch_partial_update or batch_delete with per-key results.
func (c *call) batch(m string) (*response, bool) {
	if !c.has("ids") {
		return errResponse(errBadRequest("%s needs the ids parameter", m)), false
	}
	co := c.route.coll
	ids, aerr := c.parseIDs(co.key)
	if aerr != nil {
		if c.tooManyIDs > 0 && co.category != "" {
			c.e.auditLocked(c, auditHit{category: co.category, rule: ruleBatchOver100, detail: fmt.Sprintf("%d records in one call", c.tooManyIDs)})
		}
		return errResponse(aerr), false
	}
	if co.category != "" {
		if err := c.e.chargeRecordsLocked(c.app, co.quota, len(ids)); err != nil {
			c.e.auditLocked(c, auditHit{category: co.category, rule: ruleRecordsPerMinute, detail: fmt.Sprintf("%d records refused", len(ids))})
			return errResponse(err), false
		}
	}
	if m == "batch_get" {
		return c.batchGet(ids), false
	}
	var entities map[string]json.RawMessage
	if m != "batch_delete" {
		if entities, aerr = c.batchEntities(ids); aerr != nil {
			return errResponse(aerr), false
		}
	}
	return c.batchWrite(m, ids, entities), true
}

// batchGet reads each key: found entities in results, per-key errors in errors.
func (c *call) batchGet(ids []idsKey) *response {
	results, errs := map[string]any{}, map[string]any{}
	for _, id := range ids {
		v, err := c.route.coll.get(c, id.key)
		if err != nil {
			errs[id.resp] = err
			continue
		}
		results[id.resp] = v
	}
	return &response{status: http.StatusOK, body: map[string]any{"results": results, "statuses": map[string]any{}, "errors": errs}}
}

// batchEntities reads the body of a batch_update or batch_partial_update, {"entities":{key:entity}}, and
// pairs its keys with ids; the two key sets must be equal.
func (c *call) batchEntities(ids []idsKey) (map[string]json.RawMessage, *apiError) {
	ks := c.route.coll.key
	var b struct {
		Entities map[string]json.RawMessage `json:"entities"`
	}
	if err := decodeJSON(c.body, &b); err != nil || b.Entities == nil {
		return nil, errBadRequest("the body must be {\"entities\":{…}}")
	}
	if !c.proto2 && ks.parts != nil {
		for bk := range b.Entities {
			if strings.HasPrefix(bk, "(") {
				return nil, errProtocol1(bk)
			}
		}
	}
	entities, mismatch := matchEntities(ks, ids, b.Entities)
	if mismatch {
		return nil, errBadRequest("Batch request mismatch: the keys of entities must be the keys of ids")
	}
	return entities, nil
}

// batchWrite applies a batch_update, batch_partial_update or batch_delete key by key: {"status":204} in
// results for a key that succeeded, its error in errors otherwise.
func (c *call) batchWrite(m string, ids []idsKey, entities map[string]json.RawMessage) *response {
	co := c.route.coll
	results, errs := map[string]any{}, map[string]any{}
	for _, id := range ids {
		var err *apiError
		switch m {
		case "batch_update":
			err = co.update(c, id.key, entities[id.resp])
		case "batch_partial_update":
			err = co.applyPatch(c, id.key, entities[id.resp])
		case "batch_delete":
			err = co.remove(c, id.key)
		}
		if err != nil {
			errs[id.resp] = err
			continue
		}
		results[id.resp] = map[string]int{"status": http.StatusNoContent}
	}
	return &response{status: http.StatusOK, body: map[string]any{"results": results, "errors": errs}}
}

// batchCreate runs batch_create: at most maxBatch elements, answers in request order.
func (c *call) batchCreate() (*response, bool) {
	var b struct {
		Elements []json.RawMessage `json:"elements"`
	}
	if err := decodeJSON(c.body, &b); err != nil || b.Elements == nil {
		return errResponse(errBadRequest("the body must be {\"elements\":[…]}")), false
	}
	if len(b.Elements) > maxBatch {
		return errResponse(errBadRequest("too many elements: %d (at most %d per call)", len(b.Elements), maxBatch)), false
	}
	els, err := c.route.coll.batchCreate(c, b.Elements)
	if err != nil {
		return errResponse(err), false
	}
	return &response{status: http.StatusOK, body: map[string]any{"elements": els}}, true
}
