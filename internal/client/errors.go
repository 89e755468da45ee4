package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Error is an error answered by LinkedIn, for a whole call or for one key of a batch.
type Error struct {
	HTTPStatus       int    `json:"status"`
	ServiceErrorCode int    `json:"serviceErrorCode,omitempty"`
	Code             string `json:"code,omitempty"`
	Message          string `json:"message"`
	RequestID        string `json:"requestId,omitempty"`
	// ErrorDetailType and ErrorDetails are the Rest.li error record's typed details, kept raw: their schema
	// depends on the type, and callers that need them know it.
	ErrorDetailType string          `json:"errorDetailType,omitempty"`
	ErrorDetails    json.RawMessage `json:"errorDetails,omitempty"`
	// Method and URL of the call (URL without query secrets); Key is the batch key (or the finder's
	// search value) when the error concerns one entity of a call LinkedIn answered, and empty when the
	// whole call failed.
	Method string `json:"-"`
	URL    string `json:"-"`
	Key    string `json:"-"`
	// ClientID is the application whose token the call carried, so that a refusal can name it.
	ClientID string `json:"-"`
	// NotLinkedIn is set when the body was not a LinkedIn error record (an HTML page, an empty body, another
	// service's JSON): the call reached something other than LinkedIn's API.
	NotLinkedIn bool `json:"-"`
}

// Error reads like "LinkedIn API GET /rest/integrations: 404 Not Found: message (code X, serviceErrorCode
// N, key K, request id R)": the status and LinkedIn's own words first, then what support needs.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("LinkedIn API")
	if e.Method != "" || e.URL != "" {
		fmt.Fprintf(&b, " %s %s", e.Method, shortURL(e.URL))
	}
	b.WriteString(": ")
	if e.HTTPStatus != 0 {
		fmt.Fprintf(&b, "%d", e.HTTPStatus)
		if t := http.StatusText(e.HTTPStatus); t != "" {
			b.WriteString(" " + t)
		}
	} else {
		b.WriteString("error")
	}
	if msg := strings.TrimSpace(e.Message); msg != "" {
		b.WriteString(": " + msg)
	}
	var extra []string
	if e.Code != "" {
		extra = append(extra, "code "+e.Code)
	}
	if e.ServiceErrorCode != 0 {
		extra = append(extra, fmt.Sprintf("serviceErrorCode %d", e.ServiceErrorCode))
	}
	if e.Key != "" {
		extra = append(extra, "key "+e.Key)
	}
	if e.RequestID != "" {
		extra = append(extra, "request id "+e.RequestID)
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, ", ") + ")")
	}
	return b.String()
}

// shortURL drops the scheme and host (they are the same for every call) and long queries (batch ids can be
// kilobytes) from an error message.
func shortURL(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
			u = u[i+3+j:]
		}
	}
	const maxLen = 160
	if len(u) > maxLen {
		u = u[:maxLen] + "…"
	}
	return u
}

// IsEntityNotFound reports whether LinkedIn said that one entity does not exist: a per-key 404 in a
// successful batch answer, or a finder that answered with no element. It is the only error that may remove
// a resource from the Terraform state. A 404 for the whole call is not one: LinkedIn answers it for a path
// it does not serve, so it means a wrong address (IsWrongAddress), whatever the entity.
//
// LinkedIn documents the batch envelope (results, statuses, errors) at
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/methods#batch-get
func IsEntityNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.HTTPStatus == http.StatusNotFound && e.Key != ""
}

// IsWrongAddress reports whether a call reached something other than the API it meant to call: a 404 for
// the whole call (a path LinkedIn does not serve: api_url with /rest or /v2 appended, say) or an answer
// that is not LinkedIn's (an HTML page from a proxy). The state must never change because of it.
func IsWrongAddress(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Key == "" && (e.HTTPStatus == http.StatusNotFound || e.NotLinkedIn)
}

// IsConflict reports whether err is an *Error with status 409.
func IsConflict(err error) bool { return StatusCode(err) == http.StatusConflict }

// IsThrottled reports whether err is an *Error with status 429.
func IsThrottled(err error) bool { return StatusCode(err) == http.StatusTooManyRequests }

// IsUnauthorized reports whether LinkedIn refused the credentials: an API call answered 401 or 403, or the
// token endpoint refused the client id and secret (an *AuthError with a 4xx answer).
func IsUnauthorized(err error) bool {
	var a *AuthError
	if errors.As(err, &a) {
		return a.Refused()
	}
	s := StatusCode(err)
	return s == http.StatusUnauthorized || s == http.StatusForbidden
}

// IsUnreachable reports whether no answer came back at all (connection refused or reset, DNS failure,
// timeout): LinkedIn, or whatever api_url names, could not be reached.
func IsUnreachable(err error) bool {
	if err == nil || errors.Is(err, ErrClosed) {
		return false
	}
	var e *Error
	return !errors.As(err, &e)
}

// AuthError is a failure to get an access token from the OAuth endpoint: the client id and secret were
// refused, or the endpoint could not be reached or is not LinkedIn's (a wrong oauth_url).
type AuthError struct {
	OAuthURL string // the token endpoint called
	ClientID string
	Err      error // the endpoint's *Error, or the transport error
}

// Error names the endpoint and the client id; the secret is never part of it.
func (e *AuthError) Error() string {
	return fmt.Sprintf("getting an access token for client_id %q from %s: %v", e.ClientID, e.OAuthURL, e.Err)
}

// Unwrap returns the underlying error.
func (e *AuthError) Unwrap() error { return e.Err }

// Refused reports whether the endpoint answered and refused the credentials (400 invalid_client,
// 401, 403), rather than being unreachable or the wrong address.
func (e *AuthError) Refused() bool {
	var api *Error
	if !errors.As(e.Err, &api) || api.NotLinkedIn {
		return false
	}
	switch api.HTTPStatus {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden:
		return true
	}
	return false
}

// StatusCode returns the HTTP status of an *Error, or 0.
func StatusCode(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.HTTPStatus
	}
	return 0
}

// wireError is every error shape LinkedIn answers: the Rest.li error record and the OAuth error.
type wireError struct {
	Status           int             `json:"status"`
	ServiceErrorCode int             `json:"serviceErrorCode"`
	Code             string          `json:"code"`
	Message          string          `json:"message"`
	RequestID        string          `json:"requestId"`
	ErrorDetailType  string          `json:"errorDetailType"`
	ErrorDetails     json.RawMessage `json:"errorDetails"`
	OAuthError       string          `json:"error"`
	OAuthDescription string          `json:"error_description"`
}

// toError converts a decoded error record; status is the HTTP status to use when the record has none.
func (w wireError) toError(status int) *Error {
	e := &Error{
		HTTPStatus:       w.Status,
		ServiceErrorCode: w.ServiceErrorCode,
		Code:             w.Code,
		Message:          w.Message,
		RequestID:        w.RequestID,
		ErrorDetailType:  w.ErrorDetailType,
		ErrorDetails:     w.ErrorDetails,
	}
	if e.HTTPStatus == 0 {
		e.HTTPStatus = status
	}
	if e.Code == "" {
		e.Code = w.OAuthError
	}
	if e.Message == "" {
		e.Message = w.OAuthDescription
	}
	return e
}

// parseErrorBody builds the *Error of a failed response from its body and headers. A body that is not
// JSON (a proxy's HTML page, say) becomes the message, shortened.
func parseErrorBody(status int, header http.Header, body []byte) *Error {
	var w wireError
	var e *Error
	if json.Unmarshal(body, &w) == nil {
		e = w.toError(status)
		// The body's status wins inside a record, but the HTTP status is what the call answered.
		e.HTTPStatus = status
		// Every LinkedIn error record carries a message (Rest.li) or an error code (OAuth).
		e.NotLinkedIn = w.Message == "" && w.OAuthError == ""
	} else {
		e = &Error{HTTPStatus: status, Message: strings.TrimSpace(string(body)), NotLinkedIn: true}
		if len(e.Message) > 300 {
			e.Message = e.Message[:300] + "…"
		}
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	if e.RequestID == "" {
		e.RequestID = requestID(header)
	}
	return e
}

// requestID is LinkedIn's id of a call, for support tickets.
func requestID(h http.Header) string {
	if h == nil {
		return ""
	}
	if id := h.Get("X-Li-Uuid"); id != "" {
		return id
	}
	return h.Get("X-RestLi-Request-Id")
}

// IsConfigurationNotDeletable reports whether LinkedIn refused to delete a configuration key it keeps once
// set (CALLBACK_URL): 400 CONFIGURATION_NOT_DELETABLE.
func IsConfigurationNotDeletable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.HTTPStatus == http.StatusBadRequest && e.Code == "CONFIGURATION_NOT_DELETABLE"
}
