package webhook

import (
	"encoding/json"
	"io"
	"net/http"
	"sync"
)

// StatusDetail is a listing, LinkedIn Apply or promotion status detail of a notification.
type StatusDetail struct {
	ErrorCode     *int   `json:"errorCode,omitempty"`
	ErrorType     string `json:"errorType,omitempty"`
	StatusMessage string `json:"statusMessage"`
}

// Notification is a Job Status Change Notification (type JOB_POSTING_STATUS).
type Notification struct {
	Type                      string          `json:"type"`
	ExternalJobPostingID      string          `json:"externalJobPostingId"`
	DeveloperApplicationURN   string          `json:"developerApplicationUrn"`
	NotificationID            string          `json:"notificationId,omitempty"`
	JobPostingURL             string          `json:"jobPostingUrl,omitempty"`
	ListingStatus             string          `json:"listingStatus,omitempty"`
	ListingStatusDetail       *StatusDetail   `json:"listingStatusDetail,omitempty"`
	LinkedInApplyStatus       string          `json:"linkedInApplyStatus,omitempty"`
	LinkedInApplyStatusDetail *StatusDetail   `json:"linkedInApplyStatusDetail,omitempty"`
	PromotionStatus           string          `json:"promotionStatus,omitempty"`
	PromotionStatusDetail     *StatusDetail   `json:"promotionStatusDetail,omitempty"`
	RawLocation               string          `json:"rawLocation,omitempty"`
	JobPostingInfo            json.RawMessage `json:"jobPostingInfo,omitempty"`
}

// MaxBodyBytes bounds the size of a notification the Receiver reads.
const MaxBodyBytes = 1 << 20

// Receiver is a minimal, correct webhook endpoint for Job Status Change Notifications:
//   - GET ?challengeCode=… answers {"challengeCode","challengeResponse"} (validation);
//   - POST verifies X-LI-Signature (401 when wrong), decodes the notification (400 with errorMessage when it
//     cannot), drops repeats of a notificationId already handled, answers 503 to a repeat that arrives while
//     the first copy is being handled, and calls Handle; a Handle error answers 500 so LinkedIn retries.
type Receiver struct {
	ClientSecret string
	Handle       func(Notification) error

	mu   sync.Mutex
	seen map[string]delivery // by notificationId
}

// delivery is where a notification stands: a repeat is acknowledged only once the first copy was handled.
type delivery int

const (
	unseen   delivery = iota
	handling          // Handle is running for the first copy
	handled           // Handle returned nil
)

// ServeHTTP implements http.Handler.
func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		code := r.URL.Query().Get("challengeCode")
		if code == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "missing challengeCode"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{
			"challengeCode":     code,
			"challengeResponse": ChallengeResponse(code, rc.ClientSecret),
		})
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "cannot read body: " + err.Error()})
			return
		}
		if !VerifySignature(body, rc.ClientSecret, r.Header.Get(SignatureHeader)) {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"errorMessage": "invalid " + SignatureHeader})
			return
		}
		var n Notification
		if err := json.Unmarshal(body, &n); err != nil || n.ExternalJobPostingID == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"errorMessage": "Failed to get externalJobPostingId from request payload."})
			return
		}
		switch rc.claim(n.NotificationID) {
		case handled:
			w.WriteHeader(http.StatusOK) // a repeat delivery: already handled
			return
		case handling:
			// A repeat while the first copy is being handled: acknowledging it now would lose the
			// notification if that handling fails, so LinkedIn is asked to send it again later.
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"errorMessage": "notification is being handled"})
			return
		}
		var handleErr error
		if rc.Handle != nil {
			handleErr = rc.Handle(n)
		}
		rc.settle(n.NotificationID, handleErr == nil)
		if handleErr != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	default:
		w.Header().Set("Allow", "GET, POST")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// claim returns where the notification id stood and, when it was unseen, marks it as being handled. A
// notification without an id is always unseen.
func (rc *Receiver) claim(id string) delivery {
	if id == "" {
		return unseen
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.seen == nil {
		rc.seen = map[string]delivery{}
	}
	was := rc.seen[id]
	if was == unseen {
		rc.seen[id] = handling
	}
	return was
}

// settle records how handling id ended: handled, or forgotten so that LinkedIn's next attempt is handled.
func (rc *Receiver) settle(id string, ok bool) {
	if id == "" {
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if ok {
		rc.seen[id] = handled
	} else {
		delete(rc.seen, id)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
