package emulator

import (
	"errors"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

// TestProjectReceiverAgrees checks that the project's own webhook receiver (internal/webhook) and the
// emulator agree on the challenge, the signature and the payload: a partner using that package against
// the emulator sees what it would see against LinkedIn.
func TestProjectReceiverAgrees(t *testing.T) {
	v := newTestEnv(t, Options{TaskDelay: 10 * time.Millisecond, WebhookRetryBase: 10 * time.Millisecond})
	var mu sync.Mutex
	var got []webhook.Notification
	failOnce := true
	rc := &webhook.Receiver{ClientSecret: ChildClientSecret, Handle: func(n webhook.Notification) error {
		mu.Lock()
		defer mu.Unlock()
		if failOnce { // answered 500: the emulator must retry with the same notificationId
			failOnce = false
			return errors.New("busy")
		}
		got = append(got, n)
		return nil
	}}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	if err := v.emu.RegisterWebhook(ChildApplication, hook.URL); err != nil {
		t.Fatal(err)
	}
	v.postJobs(v.child(), jobElement("r-1", time.Now(), nil))
	eventually(t, "notification", func() bool { mu.Lock(); defer mu.Unlock(); return len(got) == 1 })
	mu.Lock()
	n := got[0]
	mu.Unlock()
	if n.Type != "JOB_POSTING_STATUS" || n.ExternalJobPostingID != "r-1" || n.DeveloperApplicationURN != ChildApplication ||
		n.ListingStatus != "LISTED" || n.PromotionStatusDetail == nil || n.NotificationID == "" {
		t.Errorf("notification: %+v", n)
	}
}
