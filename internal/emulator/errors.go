package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// apiError is an error record shaped like LinkedIn's, for a whole response or for one key of a batch.
type apiError struct {
	Status           int    `json:"status"`
	ServiceErrorCode *int   `json:"serviceErrorCode,omitempty"`
	Code             string `json:"code,omitempty"`
	Message          string `json:"message"`
}

func (a *apiError) Error() string { return fmt.Sprintf("%d %s", a.Status, a.Message) }

func errf(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func (a *apiError) withService(n int) *apiError {
	a.ServiceErrorCode = &n
	return a
}

// Errors used in several places, with LinkedIn's wording.
func errInvalidToken() *apiError {
	return errf(http.StatusUnauthorized, "INVALID_ACCESS_TOKEN", "Invalid access token").withService(65600)
}

func errExpiredToken() *apiError {
	return errf(http.StatusUnauthorized, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired").withService(65602)
}

func errNoPermission(method, resource string) *apiError {
	return errf(http.StatusForbidden, "ACCESS_DENIED", "Not enough permissions to access: %s /%s", method, resource).withService(100)
}

func errNoResource() *apiError {
	return errf(http.StatusNotFound, "RESOURCE_NOT_FOUND", "No virtual resource found").withService(0)
}

func errNotFound(what string) *apiError {
	return errf(http.StatusNotFound, "NOT_FOUND", "%s", what)
}

func errBadRequest(format string, args ...any) *apiError {
	return errf(http.StatusBadRequest, "ILLEGAL_ARGUMENT", format, args...)
}

func errUnprocessable(format string, args ...any) *apiError {
	return errf(http.StatusUnprocessableEntity, "UNPROCESSABLE_ENTITY", format, args...)
}

// writeError writes a whole-response error with LinkedIn's X-RestLi-Error-Response header.
func writeError(w http.ResponseWriter, a *apiError) {
	w.Header().Set("X-RestLi-Error-Response", "true")
	writeJSON(w, a.Status, a)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // LinkedIn writes 1.0 keys with a literal "&"
	err := enc.Encode(v)
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"status":500,"message":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
