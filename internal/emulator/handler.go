package emulator

import (
	"net/http"
	"strings"
	"time"
)

// URL limits: beyond them LinkedIn answers 414 unless the query is tunnelled
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/query-tunneling).
const (
	maxQueryBytes = 4 * 1024
	maxURLBytes   = 8 * 1024
	// linkedInOrigin counts toward the URL limit: LinkedIn measures https://api.linkedin.com/..., whatever
	// host the emulator is reached at, so a URL that fits here fits there.
	linkedInOrigin = "https://api.linkedin.com"
	maxBodyBytes   = 16 << 20
)

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
	c := &call{e: e, r: r, method: r.Method, arrived: time.Now()}
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
	if coll.category != "" {
		e.checkSequentialLocked(c)
		// Recorded under the lock before the answer is written: a partner sending its calls one after
		// another starts the next only after this one's answer.
		defer e.noteSyncDoneLocked(c)
	}
	if qerr := e.chargeQuotaLocked(app, coll.quota); qerr != nil {
		if coll.category != "" {
			e.auditLocked(c, auditHit{category: coll.category, rule: ruleDailyQuota})
		}
		return errResponse(qerr)
	}
	before, auditBefore := e.st.NextSeq, e.auditChanges
	resp, mutated := c.dispatch()
	mutated = mutated || e.auditChanges != auditBefore
	if mutated || e.st.NextSeq != before {
		if err := e.persistLocked(); err != nil {
			return errResponse(errf(http.StatusInternalServerError, "INTERNAL_ERROR", "%v", err))
		}
		e.signal()
	}
	return resp
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
