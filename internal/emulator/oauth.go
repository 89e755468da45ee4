package emulator

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// serveToken is the OAuth 2.0 client-credentials token endpoint
// (https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow). Tokens are
// opaque random strings.
func (e *Emulator) serveToken(w http.ResponseWriter, r *http.Request) {
	oauthErr := func(status int, code, desc string) {
		writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
	}
	if r.Method != http.MethodPost {
		oauthErr(http.StatusMethodNotAllowed, "invalid_request", "the token endpoint accepts only POST")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthErr(http.StatusBadRequest, "invalid_request", "malformed form body")
		return
	}
	grant := r.Form.Get("grant_type")
	id, secret := r.Form.Get("client_id"), r.Form.Get("client_secret")
	if bid, bsecret, ok := r.BasicAuth(); ok && id == "" {
		id, secret = bid, bsecret
	}
	switch {
	case grant == "":
		oauthErr(http.StatusBadRequest, "invalid_request", "A required parameter \"grant_type\" is missing")
		return
	case grant != "client_credentials":
		oauthErr(http.StatusBadRequest, "unsupported_grant_type", "grant_type "+grant+" is not supported")
		return
	case id == "":
		oauthErr(http.StatusBadRequest, "invalid_request", "A required parameter \"client_id\" is missing")
		return
	case secret == "":
		oauthErr(http.StatusBadRequest, "invalid_request", "A required parameter \"client_secret\" is missing")
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	app := e.st.appByClientID(id)
	if app == nil || subtle.ConstantTimeCompare([]byte(app.ClientSecret), []byte(secret)) != 1 {
		oauthErr(http.StatusUnauthorized, "invalid_client", "Client authentication failed")
		return
	}
	tok := "AQ" + randomHex(32)
	now := e.now()
	e.st.Tokens[tok] = &token{App: app.URN, ExpiresAt: now.Add(e.opts.TokenLifetime)}
	// Expired tokens are pruned here so the state (and the state file) does not grow without bound.
	for t, v := range e.st.Tokens {
		if now.After(v.ExpiresAt.Add(e.opts.TokenLifetime)) {
			delete(e.st.Tokens, t)
		}
	}
	if err := e.persistLocked(); err != nil {
		oauthErr(http.StatusInternalServerError, "server_error", err.Error())
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": tok,
		"expires_in":   int(e.opts.TokenLifetime.Seconds()),
	})
}

// authenticateLocked returns the application behind the request's bearer token.
func (e *Emulator) authenticateLocked(r *http.Request) (*application, *apiError) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return nil, errInvalidToken()
	}
	t := e.st.Tokens[strings.TrimSpace(tok)]
	if t == nil {
		return nil, errInvalidToken()
	}
	if !e.now().Before(t.ExpiresAt) {
		return nil, errExpiredToken()
	}
	app := e.st.Apps[t.App]
	if app == nil {
		return nil, errInvalidToken()
	}
	return app, nil
}
