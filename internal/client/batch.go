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

// idsList writes ids in protocol 2.0 form, ids=List(k1,k2), keys URL-escaped.
func idsList(keys []restli.Key) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.Encode()
	}
	return "ids=List(" + strings.Join(parts, ",") + ")"
}

// idsRepeated writes simple ids in the protocol 1.0 form the legacy /v2 resources document, ids=a&ids=b.
func idsRepeated(keys []restli.Key) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = "ids=" + k.Encode()
	}
	return strings.Join(parts, "&")
}

// uniqueKeys removes structural duplicates (a Rest.li ids set cannot repeat a key) and returns, for every
// input key, the index of its unique key.
func uniqueKeys(keys []restli.Key) (uniq []restli.Key, index []int) {
	seen := make(map[string]int, len(keys))
	index = make([]int, len(keys))
	for i, k := range keys {
		// Encode writes parts sorted and escaped canonically, so equal keys encode equally.
		id := k.Encode()
		j, ok := seen[id]
		if !ok {
			j = len(uniq)
			seen[id] = j
			uniq = append(uniq, k)
		}
		index[i] = j
	}
	return uniq, index
}

// batchCall describes one batch method on one collection.
type batchCall struct {
	method string // HTTP method
	restli string // Rest.li method
	path   string
	ids    func([]restli.Key) string // ids query builder; idsList when nil
	// body returns the JSON body for a chunk of keys (nil for none); bodyKey is the key's spelling in it.
	body       func(keys []restli.Key) any
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
	uniq, index := uniqueKeys(keys)
	uout := make([]entry, len(uniq))
	var firstErr error
	size := bc.chunk
	if size <= 0 || size > maxBatch {
		size = maxBatch
	}
	for start := 0; start < len(uniq); start += size {
		chunk := uniq[start:min(start+size, len(uniq))]
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
		r := &request{method: bc.method, restli: bc.restli, path: bc.path, query: ids(chunk), idempotent: bc.idempotent}
		if bc.body != nil {
			r.body = mustJSON(bc.body(chunk))
		}
		entries, err := c.doBatch(ctx, r, chunk)
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

// doBatch sends one batch call and matches its response to keys.
func (c *Client) doBatch(ctx context.Context, r *request, keys []restli.Key) ([]entry, error) {
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
	return c.matchBatch(r, resp, &br, keys), nil
}

// parsedKey is a response key read back into a structured key.
type parsedKey struct {
	raw string
	key restli.Key
	ok  bool
}

func parseKeys[V any](m map[string]V) []parsedKey {
	out := make([]parsedKey, 0, len(m))
	for s := range m {
		k, err := restli.ParseKey(s)
		out = append(out, parsedKey{raw: s, key: k, ok: err == nil})
	}
	return out
}

// findKey returns the response key that means want. Keys are compared structurally, never as strings:
// LinkedIn answers in whatever spelling it likes (2.0, reduced, URL-encoded, 1.0 query-string form, parts
// in any order). A simple key is usually written raw (unescaped), and raw text is ambiguous: "50%off" does
// not percent-decode and "a%2Cb" decodes to "a,b". So for a simple key the raw spelling
// (restli.Key.EncodeBodyKey) is also tried as text — first when several keys match structurally (a batch
// asking for both "a,b" and "a%2Cb"), last when none does — and a key whose text happens to look like a 1.0
// compound key ("a=b") is also compared as a decoded simple value.
func findKey(want restli.Key, candidates []parsedKey) (string, bool) {
	var matches []string
	for _, p := range candidates {
		if p.ok && p.key.Equal(want) {
			matches = append(matches, p.raw)
		}
	}
	if len(matches) == 1 || (len(matches) > 1 && want.IsCompound()) {
		return matches[0], true
	}
	if want.IsCompound() {
		return "", false
	}
	raw := want.EncodeBodyKey()
	for _, p := range candidates {
		if p.raw == raw {
			return p.raw, true
		}
	}
	if len(matches) > 0 {
		return matches[0], true
	}
	for _, p := range candidates {
		if k, err := restli.ParseSimpleKey(p.raw); err == nil && k.Equal(want) {
			return p.raw, true
		}
	}
	return "", false
}

// matchBatch turns a batch envelope into one entry per requested key.
//
// A key LinkedIn does not have is a 404 in errors (Rest.li's batch_get writes one for every missing key).
// A key absent from every map is an incomplete answer, never "not found": a proxy or a mistyped api_url
// answering {} to everything must not make Terraform forget what exists.
func (c *Client) matchBatch(r *request, resp *response, br *batchResponse, keys []restli.Key) []entry {
	results, errs, statuses := parseKeys(br.Results), parseKeys(br.Errors), parseKeys(br.Statuses)
	reqID := requestID(resp.header)
	out := make([]entry, len(keys))
	for i, k := range keys {
		keyName := k.String()
		perKey := func(e *Error) *Error {
			e.Method, e.URL, e.Key = r.method, c.logURL(r), keyName
			if e.RequestID == "" {
				e.RequestID = reqID
			}
			return e
		}
		if raw, ok := findKey(k, errs); ok {
			var w wireError
			status := http.StatusInternalServerError
			if sraw, ok := findKey(k, statuses); ok {
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
		if raw, ok := findKey(k, results); ok {
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
		if sraw, ok := findKey(k, statuses); ok && br.Statuses[sraw] >= 400 {
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
