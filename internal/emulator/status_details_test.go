package emulator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCatalogueVerbatim checks every status detail of status_details.go against a saved copy of LinkedIn's
// Job Status Change Notifications page, when one is found next to the repository, so a typo cannot creep
// in. CLOSED_BY_PARTNER, the emulator's own entry, is not in LinkedIn's catalogue.
func TestCatalogueVerbatim(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/002_*.txt")
	if len(files) != 1 {
		t.Skip("no saved copy of LinkedIn's catalogue next to the repository")
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	seed := string(b)
	for name, cat := range map[string]map[string]statusDetail{"listing": listingDetails, "apply": applyDetails, "promotion": promotionDetails} {
		for k, d := range cat {
			if k == "CLOSED_BY_PARTNER" {
				continue
			}
			if !strings.Contains(seed, d.StatusMessage) {
				t.Errorf("%s %s: message not in LinkedIn's catalogue: %q", name, k, d.StatusMessage)
			}
			if !strings.Contains(seed, d.ErrorType) {
				t.Errorf("%s %s: error type %q", name, k, d.ErrorType)
			}
			// LinkedIn's table gives code, type and message in this order.
			if d.ErrorCode != nil && !strings.Contains(seed, k+"\n"+d.ErrorType+"\n"+d.StatusMessage) {
				t.Errorf("%s %s: code, type and message are not one row of LinkedIn's catalogue", name, k)
			}
		}
	}
}

// TestWebhookBackoffSchedule: webhook retries wait 1 s, 2 s, 4 s … doubling up to 5 minutes (README,
// choices).
func TestWebhookBackoffSchedule(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second,
		32 * time.Second, 64 * time.Second, 128 * time.Second, 256 * time.Second, 5 * time.Minute, 5 * time.Minute}
	for i, w := range want {
		if got := e.backoff(i + 1); got != w {
			t.Errorf("attempt %d: %v, want %v", i+1, got, w)
		}
	}
	if e.backoff(1000) != 5*time.Minute || e.opts.WebhookRetryFor != 24*time.Hour || maxValidationFailures != 3 {
		t.Errorf("cap %v, retried for %v, blocked after %d", e.backoff(1000), e.opts.WebhookRetryFor, maxValidationFailures)
	}
}
