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
//     cannot), drops repeats of a notificationId already handled, and calls Handle; a Handle error answers 500
//     so LinkedIn retries.
type Receiver struct {
	ClientSecret string
	Handle       func(Notification) error

	mu   sync.Mutex
	seen map[string]bool
}

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
		if n.NotificationID != "" && rc.markSeen(n.NotificationID) {
			w.WriteHeader(http.StatusOK) // a repeat delivery: already handled
			return
		}
		if rc.Handle != nil {
			if err := rc.Handle(n); err != nil {
				rc.forget(n.NotificationID)
				w.WriteHeader(http.StatusInternalServerError)
				return
			}
		}
		w.WriteHeader(http.StatusOK)
	default:
		w.Header().Set("Allow", "GET, POST")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// markSeen records id and reports whether it had been seen before.
func (rc *Receiver) markSeen(id string) bool {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.seen == nil {
		rc.seen = map[string]bool{}
	}
	if rc.seen[id] {
		return true
	}
	rc.seen[id] = true
	return false
}

func (rc *Receiver) forget(id string) {
	if id == "" {
		return
	}
	rc.mu.Lock()
	delete(rc.seen, id)
	rc.mu.Unlock()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
