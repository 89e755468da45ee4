package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file holds what every Rest.li batch call shares: building ids, splitting into calls of at most 100
// keys, and reading per-key outcomes back.

// batchResponse is the envelope of batch_get, batch_update, batch_partial_update and batch_delete.
type batchResponse struct {
	Results  map[string]json.RawMessage `json:"results"`
	Statuses map[string]int             `json:"statuses"`
	Errors   map[string]json.RawMessage `json:"errors"`
}

// entry is one requested key's outcome in a batch response.
type entry struct {
	raw json.RawMessage // the results value (an entity for batch_get, {"status":204} for writes)
	err error           // per-key *Error, or the whole call's error
}

// runGrouped makes one call per group of items that share a key (the groups in order of their first item)
// and puts each call's entries back at their items' indexes. call gets the group's key and its items'
// indexes, and answers one entry per index, even when it fails; the error is the first call's that failed.
func runGrouped[T any, K comparable](items []T, key func(T) K, call func(k K, idx []int) ([]entry, error)) ([]entry, error) {
	var order []K
	groups := map[K][]int{}
	for i, it := range items {
		k := key(it)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := make([]entry, len(items))
	var firstErr error
	for _, k := range order {
		idx := groups[k]
		entries, err := call(k, idx)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		for j, i := range idx {
			out[i] = entries[j]
		}
	}
	return out, firstErr
}

// idsList writes ids in protocol 2.0 form, ids=List(k1,k2), from the keys' URL-escaped encodings.
func idsList(enc []string) string {
	n := len("ids=List()") + len(enc)
	for _, e := range enc {
		n += len(e)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString("ids=List(")
	for i, e := range enc {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e)
	}
	b.WriteByte(')')
	return b.String()
}

// idsRepeated writes simple ids in the protocol 1.0 form the legacy /v2 resources document, ids=a&ids=b,
// from the keys' URL-escaped encodings.
func idsRepeated(enc []string) string {
	if len(enc) == 0 {
		return ""
	}
	return "ids=" + strings.Join(enc, "&ids=")
}

// uniqueKeys removes structural duplicates (a Rest.li ids set cannot repeat a key) and returns the unique
// keys, their URL-escaped encodings, and for every input key the index of its unique key.
func uniqueKeys(keys []restli.Key) (uniq []restli.Key, enc []string, index []int) {
	seen := make(map[string]int, len(keys))
	uniq, enc, index = make([]restli.Key, 0, len(keys)), make([]string, 0, len(keys)), make([]int, len(keys))
	for i, k := range keys {
		// Encode writes parts sorted and escaped canonically, so equal keys encode equally.
		id := k.Encode()
		j, ok := seen[id]
		if !ok {
			j = len(uniq)
			seen[id] = j
			uniq, enc = append(uniq, k), append(enc, id)
		}
		index[i] = j
	}
	return uniq, enc, index
}

// batchCall describes one batch method on one collection.
type batchCall struct {
	method string // HTTP method
	restli string // Rest.li method
	path   string
	ids    func(enc []string) string // ids query builder from the keys' encodings; idsList when nil
	// body returns the JSON body for a chunk of keys (nil for none), given the keys and their URL-escaped
	// encodings, which are also their spelling as keys of the body: exactly the strings of ids=.
	body       func(keys []restli.Key, enc []string) any
	idempotent bool
	// chunk is the most keys a call carries; maxBatch when 0.
	chunk int
	// before, when set, runs before each call with its number of keys (record pacing); its error fails
	// that call's keys.
	before func(ctx context.Context, n int) error
}

// run sends keys in calls of at most maxBatch (or bc.chunk), one after another, (after removing duplicates) and returns one entry per input
// key, in input order. A call that fails as a whole sets its error on each of its keys; the first such error
// is also returned, so callers can stop early or read per-key outcomes, as they prefer.
func (bc batchCall) run(ctx context.Context, c *Client, keys []restli.Key) ([]entry, error) {
	uniq, enc, index := uniqueKeys(keys)
	uout := make([]entry, len(uniq))
	var firstErr error
	size := bc.chunk
	if size <= 0 || size > maxBatch {
		size = maxBatch
	}
	for start := 0; start < len(uniq); start += size {
		end := min(start+size, len(uniq))
		chunk, chunkEnc := uniq[start:end], enc[start:end]
		if bc.before != nil {
			if err := bc.before(ctx, len(chunk)); err != nil {
				if firstErr == nil {
					firstErr = err
				}
				for i := range chunk {
					uout[start+i] = entry{err: err}
				}
				continue
			}
		}
		ids := bc.ids
		if ids == nil {
			ids = idsList
		}
		r := &request{method: bc.method, restli: bc.restli, path: bc.path, query: ids(chunkEnc), idempotent: bc.idempotent}
		if bc.body != nil {
			r.body = mustJSON(bc.body(chunk, chunkEnc))
		}
		entries, err := c.doBatch(ctx, r, chunk, chunkEnc)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			for i := range chunk {
				uout[start+i] = entry{err: err}
			}
			continue
		}
		copy(uout[start:], entries)
	}
	out := make([]entry, len(keys))
	for i, j := range index {
		out[i] = uout[j]
	}
	return out, firstErr
}

// batchResults turns the entries of a batch_get into one Result per key, in order: the entry's error, or its
// entity decoded by decode. An entity decode cannot read is a 502 MALFORMED_RESPONSE naming the key
// (keyName(i)), so one bad answer does not fail its neighbours.
func batchResults[T any](entries []entry, keyName func(i int) string, decode func(i int, raw json.RawMessage) (*T, error)) []Result[T] {
	out := make([]Result[T], len(entries))
	for i, e := range entries {
		if e.err != nil {
			out[i].Err = e.err
			continue
		}
		v, err := decode(i, e.raw)
		if err != nil {
			out[i].Err = &Error{HTTPStatus: http.StatusBadGateway, Code: "MALFORMED_RESPONSE", Message: err.Error(), Key: keyName(i)}
			continue
		}
		out[i].Value = v
	}
	return out
}

// doBatch sends one batch call and matches its response to keys (enc: their encodings).
func (c *Client) doBatch(ctx context.Context, r *request, keys []restli.Key, enc []string) ([]entry, error) {
	resp, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	var br batchResponse
	if len(resp.body) > 0 {
		if err := decodeJSON(r, resp.body, &br); err != nil {
			return nil, err
		}
	}
	return c.matchBatch(r, resp, &br, keys, enc), nil
}

// wantKey is a requested key with the spellings find compares.
type wantKey struct {
	key restli.Key
	enc string // restli.Key.Encode: canonical, and tells simple from compound keys
	// spelled is the key as a Rest.li server writes it in a body (restli.Key.EncodeBodyKey: compound keys
	// reduced, simple keys raw); readsBack reports whether that text parses back as key, which a raw simple
	// key containing '%' or looking like "a=b" does not. A reduced compound key always does.
	spelled   string
	readsBack bool
}

func newWantKey(k restli.Key, enc string) wantKey {
	w := wantKey{key: k, enc: enc, spelled: k.EncodeBodyKey(), readsBack: k.IsCompound()}
	if !w.readsBack {
		back, err := restli.ParseKey(w.spelled)
		w.readsBack = err == nil && back.Equal(k)
	}
	return w
}

// keyIndex finds, among the keys of one response map ("results", "errors" or "statuses"), the one that
// means a requested key. Keys are compared structurally, never as strings: LinkedIn answers in whatever
// spelling it likes (2.0, reduced, URL-encoded, 1.0 query-string form, parts in any order). The usual answer
// spells each key as a server writes it in a body, so find looks that spelling up first; only when it is
// absent (or does not read back as the requested key) are the map's keys all parsed, once per map.
type keyIndex struct {
	has  func(string) bool
	keys []string
	// byEnc maps the canonical encoding of every parsable key to its spellings; built on first need.
	byEnc map[string][]string
}

func newKeyIndex[V any](m map[string]V) *keyIndex {
	keys := make([]string, 0, len(m))
	for s := range m {
		keys = append(keys, s)
	}
	return &keyIndex{has: func(s string) bool { _, ok := m[s]; return ok }, keys: keys}
}

func (ix *keyIndex) parsed() map[string][]string {
	if ix.byEnc == nil {
		ix.byEnc = make(map[string][]string, len(ix.keys))
		for _, s := range ix.keys {
			if k, err := restli.ParseKey(s); err == nil {
				enc := k.Encode()
				ix.byEnc[enc] = append(ix.byEnc[enc], s)
			}
		}
	}
	return ix.byEnc
}

// find returns the response key that means want. A simple key is usually written raw, and raw text is
// ambiguous: "50%off" does not percent-decode and "a%2Cb" decodes to "a,b". So for a simple key the raw
// spelling is also tried as text — first when several keys match structurally (a batch asking for both
// "a,b" and "a%2Cb"), last when none does — and a key whose text happens to look like a 1.0 compound key
// ("a=b") is also compared as a decoded simple value.
func (ix *keyIndex) find(want *wantKey) (string, bool) {
	if len(ix.keys) == 0 {
		return "", false
	}
	if want.readsBack && ix.has(want.spelled) {
		return want.spelled, true
	}
	matches := ix.parsed()[want.enc]
	if len(matches) == 1 || (len(matches) > 1 && want.key.IsCompound()) {
		return matches[0], true
	}
	if want.key.IsCompound() {
		return "", false
	}
	if ix.has(want.spelled) {
		return want.spelled, true
	}
	if len(matches) > 0 {
		return matches[0], true
	}
	for _, s := range ix.keys {
		if k, err := restli.ParseSimpleKey(s); err == nil && k.Equal(want.key) {
			return s, true
		}
	}
	return "", false
}

// matchBatch turns a batch envelope into one entry per requested key.
//
// A key LinkedIn does not have is a 404 in errors (Rest.li's batch_get writes one for every missing key).
// A key absent from every map is an incomplete answer, never "not found": a proxy or a mistyped api_url
// answering {} to everything must not make Terraform forget what exists.
func (c *Client) matchBatch(r *request, resp *response, br *batchResponse, keys []restli.Key, enc []string) []entry {
	results, errs, statuses := newKeyIndex(br.Results), newKeyIndex(br.Errors), newKeyIndex(br.Statuses)
	reqID := requestID(resp.header)
	out := make([]entry, len(keys))
	for i, k := range keys {
		want := newWantKey(k, enc[i])
		perKey := func(e *Error) *Error {
			e.Method, e.URL, e.Key = r.method, c.logURL(r), k.String()
			if e.RequestID == "" {
				e.RequestID = reqID
			}
			return e
		}
		if raw, ok := errs.find(&want); ok {
			var w wireError
			status := http.StatusInternalServerError
			if sraw, ok := statuses.find(&want); ok {
				status = br.Statuses[sraw]
			}
			if err := json.Unmarshal(br.Errors[raw], &w); err != nil {
				w.Message = strings.TrimSpace(string(br.Errors[raw]))
			}
			e := w.toError(status)
			if e.Message == "" {
				e.Message = http.StatusText(e.HTTPStatus)
			}
			out[i] = entry{err: perKey(e)}
			continue
		}
		if raw, ok := results.find(&want); ok {
			val := br.Results[raw]
			// Writes answer {"status":N} per key; a 4xx/5xx there is that key's failure. A batch_get result is
			// an entity, whose own "status" field (if any) means something else.
			var st struct {
				Status int `json:"status"`
			}
			if r.restli != "batch_get" && json.Unmarshal(val, &st) == nil && st.Status >= 400 {
				out[i] = entry{err: perKey(&Error{HTTPStatus: st.Status, Message: http.StatusText(st.Status)})}
				continue
			}
			out[i] = entry{raw: val}
			continue
		}
		if sraw, ok := statuses.find(&want); ok && br.Statuses[sraw] >= 400 {
			st := br.Statuses[sraw]
			out[i] = entry{err: perKey(&Error{HTTPStatus: st, Message: http.StatusText(st)})}
			continue
		}
		if r.restli == "batch_delete" || r.restli == "batch_update" || r.restli == "batch_partial_update" {
			// Some Rest.li servers answer a successful write with an empty results map: only errors count.
			if len(br.Results) == 0 {
				out[i] = entry{}
				continue
			}
		}
		out[i] = entry{err: perKey(&Error{HTTPStatus: http.StatusBadGateway, Code: "INCOMPLETE_BATCH_RESPONSE",
			Message: fmt.Sprintf("LinkedIn's %s response holds no outcome for this key", r.restli)})}
	}
	return out
}
