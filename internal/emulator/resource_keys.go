package emulator

import (
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file reads resource keys in every spelling a client may send (protocol 1.0 and 2.0, path, ids and
// entities keys) and refuses the spellings the request's protocol cannot carry.

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
		if err != nil || s == "" { // an empty key is malformed; the empty string is spelled ''
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

// protocolError refuses what LinkedIn's Rest.li cannot parse in the protocol the request declares
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version). A request without X-Restli-Protocol-Version: 2.0.0 is read as protocol 1.0, where
// List(...) and (a:b) are not syntax: a compound key so spelled is malformed, and a simple one would be read
// as the literal string "List(...)" (a key that never exists) — both refused here with a 400 that names the
// missing header. In a 2.0 request, escaped structure (List%28…%29) is a 400 too. The 1.0 spellings stay
// accepted under the 2.0 header, because the legacy /v2 forms LinkedIn documents (ids=a&ids=b, a=x&b=y path
// keys) are what clients send there, with the 2.0 header.
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

// idsKey is one requested id: the key and the spelling its response entry uses.
type idsKey struct {
	key  restli.Key
	resp string
}

// parseIDs reads the ids of a batch request in every spelling (protocol 2.0 ids=List(...), protocol 1.0
// ids=a&ids=b and, for compound keys, ids[0].a=x&ids[0].b=y) with the restli codec, drops repeated keys and
// checks each key's shape. Response entries are keyed in the spelling of the request's protocol with parts
// sorted: for 2.0 requests a simple key raw and a compound key reduced (restli.Key.EncodeBodyKey), for 1.0
// ones the raw simple key or the 1.0 query-string form.
func (c *call) parseIDs(ks keySpec) ([]idsKey, *apiError) {
	raw := c.rawQuery()
	q, err := restli.ParseQuery(raw)
	if err != nil {
		return nil, errBadRequest("malformed query: %v", err)
	}
	var keys []restli.Key
	if ks.parts != nil {
		keys, err = restli.ParseIDs(raw)
		if err != nil {
			return nil, errBadRequest("malformed ids: %v", err)
		}
	} else {
		var aerr *apiError
		if keys, aerr = ks.parseSimpleIDs(q); aerr != nil {
			return nil, aerr
		}
	}
	if len(keys) > maxBatch {
		c.tooManyIDs = len(keys)
		return nil, errBadRequest("too many ids: %d (at most %d per call)", len(keys), maxBatch)
	}
	v1 := idsSpelledV1(q)
	var out []idsKey
	for _, k := range keys {
		if err := ks.check(k); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(out, func(o idsKey) bool { return o.key.Equal(k) }) {
			continue
		}
		out = append(out, idsKey{key: k, resp: responseKey(k, v1)})
	}
	return out, nil
}

// idsSpelledV1 reports whether the ids use a protocol 1.0 spelling (ids[0].part=… or ids=a), whose
// answers are keyed in 1.0 form.
func idsSpelledV1(q map[string][]string) bool {
	for name, vals := range q {
		if strings.HasPrefix(name, "ids[") {
			return true
		}
		for _, v := range vals {
			if name == "ids" && !strings.HasPrefix(v, "List(") {
				return true
			}
		}
	}
	return false
}

// parseSimpleIDs reads the ids of a resource with simple keys. They are read as simple whatever they look
// like: an externalJobPostingId may contain "=", which restli.ParseIDs would take for a 1.0 compound key.
func (ks keySpec) parseSimpleIDs(q map[string][]string) ([]restli.Key, *apiError) {
	for name := range q {
		if strings.HasPrefix(name, "ids[") {
			return nil, errBadRequest("malformed ids: the keys of this resource are simple, %s names a key part", name)
		}
	}
	var keys []restli.Key
	for _, v := range q["ids"] {
		if !strings.HasPrefix(v, "List(") {
			k, perr := ks.parse(v)
			if perr != nil {
				return nil, perr
			}
			keys = append(keys, k)
			continue
		}
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
	}
	return keys, nil
}

// responseKey spells a key for the results, statuses and errors of a batch answer.
func responseKey(k restli.Key, v1 bool) string {
	switch {
	case !v1:
		return k.EncodeBodyKey()
	case k.IsCompound():
		return k.EncodeV1()
	}
	return k.Simple()
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
