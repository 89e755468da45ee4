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

// URL limits of spec §7 / restli.md §5: beyond them LinkedIn answers 414 unless the query is tunnelled.
const (
	maxQueryBytes = 4 * 1024
	maxURLBytes   = 8 * 1024
	// linkedInOrigin counts toward the URL limit: LinkedIn measures https://api.linkedin.com/..., whatever
	// host the emulator is reached at, so a URL that fits here fits there.
	linkedInOrigin = "https://api.linkedin.com"
	maxBodyBytes   = 16 << 20
)

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
	// it as protocol 1.0 (restli.md).
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
}

// param is a query parameter: name decoded, value still escaped (Rest.li decodes values by grammar).
type param struct{ name, value string }

func (e *Emulator) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth/v2/accessToken", e.serveToken)
	mux.HandleFunc("/rest/", e.serveAPI)
	mux.HandleFunc("/v2/", e.serveAPI)
	mux.HandleFunc("/emulator/", e.serveAdmin)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeError(w, errNoResource()) })
	return mux
}

// serveAPI is the pipeline of every /rest and /v2 request: count, faults, URL limits, tunnelling, token,
// version, routing, permission, quota, then the collection engine under the state lock.
func (e *Emulator) serveAPI(w http.ResponseWriter, r *http.Request) {
	c := &call{e: e, r: r, method: r.Method}
	path := rawPath(r)
	if strings.HasPrefix(path, "/rest/") {
		c.family = "rest"
	} else {
		c.family = "v2"
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(path, "/rest/"), "/v2/")
	c.segs = strings.Split(strings.TrimSuffix(rest, "/"), "/")
	c.restliHeader = strings.ToLower(strings.TrimSpace(r.Header.Get("X-RestLi-Method")))
	c.proto2 = strings.TrimSpace(r.Header.Get("X-Restli-Protocol-Version")) == "2.0.0"

	tooLong := len(r.URL.RawQuery) > maxQueryBytes || len(linkedInOrigin)+len(r.RequestURI) > maxURLBytes
	var parseErr *apiError
	if !tooLong {
		parseErr = c.readRequest()
	}
	c.route = e.findRoute(c)
	c.restli = c.inferRestliMethod()
	e.count(r.Method, c.countPath(), c.restli)

	f := e.currentFaults()
	if f.Latency > 0 {
		select {
		case <-time.After(f.Latency):
		case <-r.Context().Done():
			return
		}
	}
	drop, dropAfter, faultStatus := e.rollFaults(f)
	if drop && !dropAfter {
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
	if faultStatus != 0 {
		writeFault(w, faultStatus, f.RetryAfter)
		return
	}

	resp := c.serve(tooLong, parseErr)
	if drop {
		panic(http.ErrAbortHandler) // the request took effect; its answer is lost
	}
	// Rest.li answers in the protocol version the request asked for.
	proto := "1.0.0"
	if c.proto2 {
		proto = "2.0.0"
	}
	w.Header().Set("X-RestLi-Protocol-Version", proto)
	resp.write(w)
}

// serve runs the checks and the engine and returns the answer; it never writes to the connection so that a
// drop-after-apply fault can throw the answer away.
func (c *call) serve(tooLong bool, parseErr *apiError) *response {
	e := c.e
	if tooLong {
		return errResponse(errf(http.StatusRequestURITooLong, "REQUEST_URI_TOO_LONG",
			"Request-URI Too Long: the query string must not exceed %d bytes and the URL %d bytes; use query tunnelling", maxQueryBytes, maxURLBytes))
	}
	if parseErr != nil {
		return errResponse(parseErr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()

	app, aerr := e.authenticateLocked(c.r)
	if aerr != nil {
		return errResponse(aerr)
	}
	c.app = app
	if c.family == "rest" {
		if verr := checkVersion(c.r.Header.Get("LinkedIn-Version")); verr != nil {
			return errResponse(verr)
		}
	}
	if c.route == nil {
		return errResponse(errNoResource())
	}
	coll := c.route.coll
	if coll.parentOnly != app.isParent() {
		return errResponse(errNoPermission(c.method, c.route.permissionPath()))
	}
	if qerr := e.chargeQuotaLocked(app, coll.quota); qerr != nil {
		return errResponse(qerr)
	}
	before := e.st.NextSeq
	resp, mutated := c.dispatch()
	if mutated || e.st.NextSeq != before {
		if err := e.persistLocked(); err != nil {
			return errResponse(errf(http.StatusInternalServerError, "INTERNAL_ERROR", "%v", err))
		}
		e.signal()
	}
	return resp
}

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

// readRequest reads the body and query, unwrapping a tunnelled request (restli.md §5).
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

// response is an answer built by the engine and written only at the end.
type response struct {
	status int
	header map[string]string
	body   any
}

func errResponse(a *apiError) *response {
	return &response{status: a.Status, header: map[string]string{"X-RestLi-Error-Response": "true"}, body: a}
}

func (r *response) write(w http.ResponseWriter) {
	for k, v := range r.header {
		w.Header().Set(k, v)
	}
	if r.body == nil {
		w.WriteHeader(r.status)
		return
	}
	writeJSON(w, r.status, r.body)
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
