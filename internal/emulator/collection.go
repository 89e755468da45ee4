package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file is the generic Rest.li collection engine: a resource is a *collection definition (key shape,
// methods served, per-key handlers) and the engine does the rest — key spellings (protocol 1.0 and 2.0),
// method inference, batch envelopes, body/ids matching and per-key errors. Adding candidates, applications
// or stages later is one more definition and one more route.

// maxBatch is LinkedIn's limit on ids or elements per call (spec §7).
const maxBatch = 100

// collection is the declarative definition of one Rest.li resource. Handlers run with e.mu held.
type collection struct {
	name       string // first path segment after /rest or /v2, also the resource in permission errors
	parentOnly bool   // only a parent application may call it (provisioning); else only child applications
	quota      string // daily quota group (daily_quotas.go); "" for none
	methods    []string
	key        keySpec

	get         func(c *call, k restli.Key) (any, *apiError)
	update      func(c *call, k restli.Key, entity json.RawMessage) *apiError
	patch       func(c *call, k restli.Key, p patchBody) *apiError
	remove      func(c *call, k restli.Key) *apiError
	create      func(c *call, entity json.RawMessage) (*response, *apiError)
	batchCreate func(c *call, elements []json.RawMessage) ([]any, *apiError)
	finders     map[string]func(c *call) (*response, *apiError)
}

func (co *collection) serves(m string) bool { return slices.Contains(co.methods, m) }

// keySpec is the shape of a resource key.
type keySpec struct {
	parts []string          // compound key part names; nil for a simple key
	fixed map[string]string // parts whose value is fixed, e.g. dataProvider=ATS on legacy keys
}

// parse reads one key of this resource in any spelling; an ill-shaped key fails the whole request with 400,
// as Rest.li's key coercion does before a resource sees it.
func (ks keySpec) parse(s string) (restli.Key, *apiError) {
	if ks.parts == nil {
		v, err := url.PathUnescape(s)
		if err != nil || s == "" { // an empty key is malformed (restli.md §1); the empty string is ''
			return restli.Key{}, errBadRequest("malformed key %q", s)
		}
		if v == "''" {
			v = ""
		}
		return restli.SimpleKey(v), nil
	}
	k, err := restli.ParseKey(s)
	if err != nil {
		return restli.Key{}, errBadRequest("malformed key %q: %v", s, err)
	}
	return k, ks.check(k)
}

// check verifies a compound key has exactly the expected parts.
func (ks keySpec) check(k restli.Key) *apiError {
	if ks.parts == nil {
		if k.IsCompound() {
			return errBadRequest("the key must be a simple key, not %s", k.EncodeReduced())
		}
		return nil
	}
	if !k.IsCompound() {
		return errBadRequest("the key must be a compound key with parts %s", strings.Join(ks.allParts(), ", "))
	}
	parts := k.Parts()
	for _, p := range ks.allParts() {
		if _, ok := parts[p]; !ok {
			return errBadRequest("the key %s is missing the part %s", k.EncodeReduced(), p)
		}
	}
	for p, v := range parts {
		want, fixed := ks.fixed[p]
		if !fixed && !slices.Contains(ks.parts, p) {
			return errBadRequest("the key %s has an unknown part %s", k.EncodeReduced(), p)
		}
		if fixed && v != want {
			return errBadRequest("the key part %s must be %s, not %q", p, want, v)
		}
	}
	return nil
}

func (ks keySpec) allParts() []string {
	all := append([]string(nil), ks.parts...)
	for p := range ks.fixed {
		all = append(all, p)
	}
	sort.Strings(all)
	return all
}

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
	switch c.method {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete:
	default:
		return errResponse(errf(http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "HTTP method %s is not allowed", c.method)), false
	}
	if want, ok := restliHTTP[m]; !ok || want != c.method {
		return errResponse(errBadRequest("X-RestLi-Method %q does not match the HTTP method %s", m, c.method)), false
	}
	if m == "create" && !co.serves("create") && co.serves("batch_create") && strings.Contains(string(c.body), `"elements"`) {
		// Rest.li routes a POST without X-RestLi-Method to create, whose schema has no "elements".
		return errResponse(errf(http.StatusForbidden, "ACCESS_DENIED",
			"Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/elements]").withService(100)), false
	}
	if m == "batch_partial_update" && c.restliHeader == "" {
		return errResponse(errBadRequest("the X-RestLi-Method header is required for batch_partial_update")), false
	}
	if !co.serves(m) {
		return errResponse(errf(http.StatusBadRequest, "UNSUPPORTED_METHOD",
			"%s is not supported on /%s", strings.ToUpper(m), c.route.permissionPath())), false
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

// protocolError refuses what LinkedIn's Rest.li cannot parse in the protocol the request declares
// (restli.md §1–2). A request without X-Restli-Protocol-Version: 2.0.0 is read as protocol 1.0, where
// List(...) and (a:b) are not syntax: a compound key so spelled is malformed, and a simple one would be read
// as the literal string "List(...)" (a key that never exists) — both refused here with a 400 that names the
// missing header. In a 2.0 request, escaped structure (List%28…%29) is a 400 too. The 1.0 spellings stay
// accepted under the 2.0 header ([choice]): the legacy /v2 forms LinkedIn documents (ids=a&ids=b,
// a=x&b=y path keys) are what clients send there.
func (c *call) protocolError() *apiError {
	compound := c.route.coll.key.parts != nil
	for _, p := range c.params {
		if p.name != "ids" {
			continue
		}
		if c.proto2 && len(p.value) >= 7 && strings.EqualFold(p.value[:7], "List%28") {
			return errBadRequest("malformed ids %q: the grammar characters of List(...) must not be escaped", truncate(p.value))
		}
		if !c.proto2 && (strings.HasPrefix(p.value, "List(") || (compound && strings.HasPrefix(p.value, "("))) {
			return errProtocol1(p.value)
		}
	}
	if !c.proto2 && (strings.HasPrefix(c.parentKey, "(") || (compound && strings.HasPrefix(c.pathKey, "("))) {
		return errProtocol1(c.parentKey + c.pathKey)
	}
	return nil
}

// errProtocol1 is the 400 for protocol 2.0 syntax in a 1.0 request; it names the missing header, the
// likely mistake.
func errProtocol1(v string) *apiError {
	return errBadRequest("%q is protocol 2.0 syntax, but the request has no X-Restli-Protocol-Version: 2.0.0 header and is read as protocol 1.0", truncate(v))
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
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

// idsKey is one requested id: the key and the spelling its response entry uses.
type idsKey struct {
	key  restli.Key
	resp string
}

// parseIDs reads the ids of a batch request in every spelling (protocol 2.0 ids=List(...), protocol 1.0
// ids=a&ids=b and, for compound keys, ids[0].a=x&ids[0].b=y) with the restli codec. Response entries are
// keyed in the spelling of the request's protocol with parts sorted: for 2.0 requests a simple key raw and a
// compound key reduced (restli.Key.EncodeBodyKey), for 1.0 ones the raw simple key or the 1.0
// query-string form.
func (c *call) parseIDs(ks keySpec) ([]idsKey, *apiError) {
	raw := c.rawQuery()
	q, err := restli.ParseQuery(raw)
	if err != nil {
		return nil, errBadRequest("malformed query: %v", err)
	}
	v1 := false
	for name, vals := range q {
		if strings.HasPrefix(name, "ids[") {
			v1 = true
		}
		for _, v := range vals {
			if name == "ids" && !strings.HasPrefix(v, "List(") {
				v1 = true
			}
		}
	}
	var keys []restli.Key
	if ks.parts != nil {
		keys, err = restli.ParseIDs(raw)
		if err != nil {
			return nil, errBadRequest("malformed ids: %v", err)
		}
	} else {
		for name := range q {
			if strings.HasPrefix(name, "ids[") {
				return nil, errBadRequest("malformed ids: the keys of this resource are simple, %s names a key part", name)
			}
		}
		// Simple keys are read as simple whatever they look like: an externalJobPostingId may contain "=".
		for _, v := range q["ids"] {
			if strings.HasPrefix(v, "List(") {
				d, derr := restli.Decode(v)
				list, ok := d.([]any)
				if derr != nil || !ok {
					return nil, errBadRequest("malformed ids: %v", derr)
				}
				for _, el := range list {
					s, ok := el.(string)
					if !ok {
						return nil, errBadRequest("malformed ids: the keys of this resource are simple")
					}
					keys = append(keys, restli.SimpleKey(s))
				}
				continue
			}
			k, perr := ks.parse(v)
			if perr != nil {
				return nil, perr
			}
			keys = append(keys, k)
		}
	}
	if len(keys) > maxBatch {
		return nil, errBadRequest("too many ids: %d (at most %d per call)", len(keys), maxBatch)
	}
	var out []idsKey
	for _, k := range keys {
		if err := ks.check(k); err != nil {
			return nil, err
		}
		dup := false
		for _, o := range out {
			if o.key.Equal(k) {
				dup = true
			}
		}
		if dup {
			continue
		}
		rk := k.EncodeBodyKey()
		if v1 {
			rk = k.EncodeV1()
			if !k.IsCompound() {
				rk = k.Simple()
			}
		}
		out = append(out, idsKey{key: k, resp: rk})
	}
	return out, nil
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
	co := c.route.coll
	if !c.has("ids") {
		return errResponse(errBadRequest("%s needs the ids parameter", m)), false
	}
	ids, aerr := c.parseIDs(co.key)
	if aerr != nil {
		return errResponse(aerr), false
	}
	results := map[string]any{}
	errs := map[string]any{}
	if m == "batch_get" {
		for _, id := range ids {
			v, err := co.get(c, id.key)
			if err != nil {
				errs[id.resp] = err
				continue
			}
			results[id.resp] = v
		}
		return &response{status: http.StatusOK, body: map[string]any{"results": results, "statuses": map[string]any{}, "errors": errs}}, false
	}
	var entities map[string]json.RawMessage
	if m != "batch_delete" {
		var b struct {
			Entities map[string]json.RawMessage `json:"entities"`
		}
		if err := decodeJSON(c.body, &b); err != nil || b.Entities == nil {
			return errResponse(errBadRequest("the body must be {\"entities\":{…}}")), false
		}
		var mismatch bool
		if !c.proto2 && co.key.parts != nil {
			for bk := range b.Entities {
				if strings.HasPrefix(bk, "(") {
					return errResponse(errProtocol1(bk)), false
				}
			}
		}
		entities, mismatch = matchEntities(co.key, ids, b.Entities)
		if mismatch {
			return errResponse(errBadRequest("Batch request mismatch: the keys of entities must be the keys of ids")), false
		}
	}
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
	return &response{status: http.StatusOK, body: map[string]any{"results": results, "errors": errs}}, true
}

// matchEntities pairs body keys with ids structurally (any spelling); the sets must be equal. A simple body
// key is read percent-decoded (URL-encoded or reduced) and, failing that, as raw text, so a raw key with a
// literal '%' ("50%off") matches too.
func matchEntities(ks keySpec, ids []idsKey, body map[string]json.RawMessage) (map[string]json.RawMessage, bool) {
	if len(body) != len(ids) {
		return nil, true
	}
	out := map[string]json.RawMessage{}
	for bk, v := range body {
		var cands []restli.Key
		k, err := ks.parse(bk)
		if err == nil {
			cands = append(cands, k)
		}
		if ks.parts == nil {
			if bk == "" {
				return nil, true
			}
			cands = append(cands, restli.SimpleKey(bk))
		} else if err != nil {
			// A body key may be URL-escaped rather than reduced; try once more decoded.
			if d, derr := url.QueryUnescape(bk); derr == nil {
				k, err = ks.parse(d)
			}
			if err != nil {
				return nil, true
			}
			cands = append(cands, k)
		}
		resp, found := "", false
		for _, ck := range cands {
			for _, id := range ids {
				if id.key.Equal(ck) {
					resp, found = id.resp, true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return nil, true
		}
		if _, dup := out[resp]; dup {
			return nil, true
		}
		out[resp] = v
	}
	return out, false
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
