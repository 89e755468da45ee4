package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// receiver is a partner's webhook endpoint written from LinkedIn's webhook pages, independently of the
// emulator's code.
type receiver struct {
	secret string
	// failChallenge answers challenges wrongly; failDeliveries answers 500 to that many notifications.
	failChallenge  bool
	failDeliveries int
	slowChallenge  bool

	mu         sync.Mutex
	challenges []map[string]string
	got        []map[string]any
	attempts   map[string]int
	badSig     int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mac := func(msg []byte) string {
		h := hmac.New(sha256.New, []byte(rc.secret))
		h.Write(msg)
		return hex.EncodeToString(h.Sum(nil))
	}
	switch r.Method {
	case http.MethodGet:
		if rc.slowChallenge {
			<-r.Context().Done()
			return
		}
		code := r.URL.Query().Get("challengeCode")
		rc.mu.Lock()
		rc.challenges = append(rc.challenges, map[string]string{"challengeCode": code, "applicationId": r.URL.Query().Get("applicationId")})
		fail := rc.failChallenge
		rc.mu.Unlock()
		resp := mac([]byte(code))
		if fail {
			// Change the first hex digit. (Overwriting it with a constant was no change at all whenever the
			// HMAC began with that digit: a 1-in-256 flake.)
			if resp[0] == '0' {
				resp = "1" + resp[1:]
			} else {
				resp = "0" + resp[1:]
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challengeCode": code, "challengeResponse": resp})
	case http.MethodPost:
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if r.Header.Get("X-LI-Signature") != mac(append([]byte("hmacsha256="), body...)) {
			rc.badSig++
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var n map[string]any
		if err := json.Unmarshal(body, &n); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if rc.attempts == nil {
			rc.attempts = map[string]int{}
		}
		id, _ := n["notificationId"].(string)
		rc.attempts[id]++
		if rc.failDeliveries > 0 {
			rc.failDeliveries--
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		// Deliveries are at least once (a retry can overtake a slow answer): keep the first of each id, as
		// a receiver should.
		for _, g := range rc.got {
			if g["notificationId"] == id {
				return
			}
		}
		rc.got = append(rc.got, n)
	}
}

func (rc *receiver) notifications() []map[string]any {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]map[string]any(nil), rc.got...)
}

func (rc *receiver) challengeCount() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.challenges)
}

func TestWebhookNotifications(t *testing.T) {
	v := newTestEnv(t, Options{TaskDelay: 10 * time.Millisecond, WebhookRetryBase: 10 * time.Millisecond})
	rc := &receiver{secret: ChildClientSecret}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	if err := v.emu.RegisterWebhook(ChildApplication, hook.URL+"/linkedin"); err != nil {
		t.Fatalf("RegisterWebhook: %v", err)
	}
	if s, _ := v.emu.WebhookStatus(ChildApplication); s != webhookValid {
		t.Fatalf("status %s", s)
	}
	if c := rc.challenges[0]; c["applicationId"] != "1001" || len(c["challengeCode"]) != 36 {
		t.Errorf("challenge: %v", c)
	}
	tok := v.child()
	v.postJobs(tok, jobElement("w-1", time.Now(), nil))
	eventually(t, "LISTED notification", func() bool { return len(rc.notifications()) >= 1 })
	n := rc.notifications()[0]
	if n["type"] != "JOB_POSTING_STATUS" || n["externalJobPostingId"] != "w-1" || n["developerApplicationUrn"] != ChildApplication ||
		n["listingStatus"] != "LISTED" || n["notificationId"] == "" || m(n, "jobPostingInfo", "location") != "San Francisco, CA" {
		t.Errorf("notification: %v", n)
	}
	// A LinkedIn-side change notifies too, through the admin API.
	r := v.do("POST", "/emulator/jobs/status", "", `{"application":"emulator-child","externalJobPostingId":"w-1","promotionStatus":"PROMOTED","promotionStatusDetail":{"statusMessage":"LI_CUSTOMER_PROMOTED"}}`)
	if r.status != 200 {
		t.Fatalf("admin: %d %s", r.status, r.raw)
	}
	eventually(t, "second notification", func() bool { return len(rc.notifications()) >= 2 })
	n = rc.notifications()[1]
	if n["promotionStatus"] != "PROMOTED" || m(n, "promotionStatusDetail", "statusMessage") != "LI_CUSTOMER_PROMOTED: Visit Recruiter to manage." ||
		n["notificationId"] == rc.notifications()[0]["notificationId"] {
		t.Errorf("second notification: %v", n)
	}
	if rc.badSig != 0 {
		t.Errorf("%d bad signatures", rc.badSig)
	}
}

func TestWebhookRetriesAndParentFallback(t *testing.T) {
	v := newTestEnv(t, Options{TaskDelay: 10 * time.Millisecond, WebhookRetryBase: 10 * time.Millisecond})
	// Registered on the parent: a child's notifications go there, signed with the parent's secret.
	rc := &receiver{secret: ParentClientSecret, failDeliveries: 2}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	r := v.do("POST", "/emulator/webhooks", "", `{"application":"`+ParentApplication+`","url":"`+hook.URL+`"}`)
	if r.status != 200 || r.body["status"] != webhookValid {
		t.Fatalf("admin register: %d %s", r.status, r.raw)
	}
	if rc.challenges[0]["applicationId"] != "" {
		t.Errorf("parent challenge carries applicationId: %v", rc.challenges[0])
	}
	v.postJobs(v.child(), jobElement("w-2", time.Now(), nil))
	// At least once: a delivery that outlives the 3 s timeout on a loaded machine is sent again.
	eventually(t, "delivery after retries", func() bool { return len(rc.notifications()) >= 1 })
	id := rc.notifications()[0]["notificationId"].(string)
	rc.mu.Lock()
	attempts := rc.attempts[id]
	rc.mu.Unlock()
	if attempts < 3 {
		t.Errorf("attempts %d, want 3 (two 500s, then 200)", attempts)
	}
	eventually(t, "queue drained", func() bool { return v.emu.PendingNotifications() == 0 })
}

func TestWebhookValidationFailuresBlock(t *testing.T) {
	v := newTestEnv(t, Options{WebhookRetryBase: 5 * time.Millisecond})
	rc := &receiver{secret: ChildClientSecret, failChallenge: true}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	if err := v.emu.RegisterWebhook(ChildApplication, hook.URL); err == nil {
		t.Fatal("a wrong challenge response was accepted")
	}
	eventually(t, "blocked", func() bool { s, _ := v.emu.WebhookStatus(ChildApplication); return s == webhookBlocked })
	if n := rc.challengeCount(); n != 3 {
		t.Errorf("%d challenges before blocking, want 3", n)
	}
	// Registering again (a fixed endpoint) unblocks it.
	rc.mu.Lock()
	rc.failChallenge = false
	rc.mu.Unlock()
	if err := v.emu.RegisterWebhook(ChildApplication, hook.URL); err != nil {
		t.Fatal(err)
	}
	if s, _ := v.emu.WebhookStatus(ChildApplication); s != webhookValid {
		t.Errorf("after re-registration: %s", s)
	}
	if err := v.emu.RegisterWebhook(ChildApplication, "ftp://x"); err == nil {
		t.Error("ftp URL accepted")
	}
}

func TestWebhookRevalidation(t *testing.T) {
	v := newTestEnv(t, Options{WebhookRevalidateInterval: 20 * time.Millisecond})
	rc := &receiver{secret: ChildClientSecret}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	if err := v.emu.RegisterWebhook(ChildClientID, hook.URL); err != nil {
		t.Fatal(err)
	}
	eventually(t, "revalidation", func() bool { return rc.challengeCount() >= 3 })
}

func TestWebhookChallengeDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 3 s challenge deadline")
	}
	def, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	def.Close()
	if def.opts.WebhookTimeout != 3*time.Second {
		t.Errorf("default webhook timeout %v, want the 3 s LinkedIn gives a webhook to answer", def.opts.WebhookTimeout)
	}
	v := newTestEnv(t, Options{WebhookRetryBase: time.Hour, WebhookTimeout: challengeDeadline})
	hook := httptest.NewServer(&receiver{secret: ChildClientSecret, slowChallenge: true})
	defer hook.Close()
	// RegisterWebhook returns only because the emulator gives up after its 3 s deadline (not measured: a
	// loaded machine may take longer to get there).
	if err := v.emu.RegisterWebhook(ChildApplication, hook.URL); err == nil {
		t.Fatal("a webhook that never answers was validated")
	}
}
