package client

// Error is an error answered by LinkedIn, for a whole call or for one key of a batch.
type Error struct {
	HTTPStatus       int    `json:"status"`
	ServiceErrorCode int    `json:"serviceErrorCode,omitempty"`
	Code             string `json:"code,omitempty"`
	Message          string `json:"message"`
	RequestID        string `json:"requestId,omitempty"`
	// Method and URL of the call (URL without query secrets); Key is the batch key, if per-key.
	Method string `json:"-"`
	URL    string `json:"-"`
	Key    string `json:"-"`
}

func (e *Error) Error() string { panic("client: not implemented") }

// IsNotFound reports whether err is an *Error with status 404.
func IsNotFound(err error) bool { panic("client: not implemented") }

// IsConflict reports whether err is an *Error with status 409.
func IsConflict(err error) bool { panic("client: not implemented") }

// IsThrottled reports whether err is an *Error with status 429.
func IsThrottled(err error) bool { panic("client: not implemented") }

// IsUnauthorized reports whether err is an *Error with status 401 or 403.
func IsUnauthorized(err error) bool { panic("client: not implemented") }

// StatusCode returns the HTTP status of an *Error, or 0.
func StatusCode(err error) int { panic("client: not implemented") }
