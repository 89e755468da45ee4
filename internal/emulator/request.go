package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// This file reads one API request: its raw path, its query parameters and body, unwrapping query
// tunnelling (a POST carrying X-HTTP-Method-Override with the query in a form or multipart/mixed body).

// call is one API request on its way through the pipeline.
type call struct {
	e      *Emulator
	r      *http.Request
	family string // "rest" (versioned) or "v2" (legacy)
	method string // effective HTTP method (after X-HTTP-Method-Override)
	restli string // Rest.li method: from X-RestLi-Method, else inferred
	// restliHeader is the X-RestLi-Method header as sent (lower case), "" when absent.
	restliHeader string
	// proto2 is set when the request declares X-Restli-Protocol-Version: 2.0.0; otherwise LinkedIn reads
	// it as protocol 1.0 (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
	proto2         bool
	segs           []string // escaped path segments after /rest or /v2
	params         []param
	rawQueries     []string // the raw query of the URL and, when tunnelled, of the body
	body           []byte
	tunnelled      bool
	app            *application
	route          *route
	pathKey        string     // escaped key segment of the path, if any
	parentKey      string     // escaped key of the parent resource of a sub-resource
	parentKeyValue restli.Key // parentKey parsed
	arrived        time.Time  // when the request reached the emulator, before any lock or injected latency
	tooManyIDs     int        // the number of ids of a batch refused for holding more than maxBatch
}

// param is a query parameter: name decoded, value still escaped (Rest.li decodes values by grammar).
type param struct{ name, value string }

// rawPath is the path exactly as the client sent it. Keys in paths carry grammar characters ("(", ":", "&",
// "=") that url.URL.EscapedPath would re-escape when the client sent no percent escape at all.
func rawPath(r *http.Request) string {
	p := r.RequestURI
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if !strings.HasPrefix(p, "/") { // absolute-form request target
		return r.URL.EscapedPath()
	}
	return p
}

// readRequest reads the body and query, unwrapping a tunnelled request
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/query-tunneling).
func (c *call) readRequest() *apiError {
	r := c.r
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return errBadRequest("cannot read request body: %v", err)
	}
	c.params = parseQuery(r.URL.RawQuery)
	c.rawQueries = []string{r.URL.RawQuery}
	override := strings.ToUpper(strings.TrimSpace(r.Header.Get("X-HTTP-Method-Override")))
	if override == "" {
		c.body = body
		return nil
	}
	if r.Method != http.MethodPost {
		return errBadRequest("X-HTTP-Method-Override is only accepted on POST")
	}
	switch override {
	case http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete:
	default:
		return errBadRequest("unsupported X-HTTP-Method-Override %q", override)
	}
	c.method = override
	c.tunnelled = true
	mt, mp, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/x-www-form-urlencoded":
		c.params = append(c.params, parseQuery(string(body))...)
		c.rawQueries = append(c.rawQueries, strings.TrimSpace(string(body)))
	case "multipart/mixed":
		mr := multipart.NewReader(bytes.NewReader(body), mp["boundary"])
		for i := 0; ; i++ {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return errBadRequest("malformed multipart/mixed tunnelled request: %v", err)
			}
			b, err := io.ReadAll(p)
			if err != nil {
				return errBadRequest("malformed multipart/mixed tunnelled request: %v", err)
			}
			pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
			switch {
			case pt == "application/x-www-form-urlencoded" || (pt == "" && i == 0):
				c.params = append(c.params, parseQuery(strings.TrimSpace(string(b)))...)
				c.rawQueries = append(c.rawQueries, strings.TrimSpace(string(b)))
			case pt == "application/json" || i == 1:
				c.body = b
			}
		}
	default:
		return errBadRequest("a tunnelled request needs Content-Type application/x-www-form-urlencoded or multipart/mixed, not %q", mt)
	}
	return nil
}

// parseQuery splits a raw query string; names are decoded, values kept escaped.
func parseQuery(raw string) []param {
	var out []param
	for _, piece := range strings.Split(raw, "&") {
		if piece == "" {
			continue
		}
		n, v, _ := strings.Cut(piece, "=")
		if dn, err := url.PathUnescape(n); err == nil {
			n = dn
		}
		out = append(out, param{name: n, value: v})
	}
	return out
}

// rawQuery is the whole raw query of the request, tunnelled part included.
func (c *call) rawQuery() string {
	var parts []string
	for _, q := range c.rawQueries {
		if q != "" {
			parts = append(parts, q)
		}
	}
	return strings.Join(parts, "&")
}

// get returns the first value of a parameter, unescaped.
func (c *call) get(name string) (string, bool) {
	for _, p := range c.params {
		if p.name == name {
			v, err := url.QueryUnescape(p.value)
			if err != nil {
				return p.value, true
			}
			return v, true
		}
	}
	return "", false
}

// has reports whether a parameter is present; for "ids" the protocol 1.0 ids[N].part names count too.
func (c *call) has(name string) bool {
	for _, p := range c.params {
		if p.name == name || (name == "ids" && strings.HasPrefix(p.name, "ids[")) {
			return true
		}
	}
	return false
}

// decodeJSON decodes a request body keeping numbers exact.
func decodeJSON(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return io.ErrUnexpectedEOF
	}
	return nil
}
