package emulator

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// challengeDeadline is how long a webhook has to answer a validation challenge
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation); the default of
// Options.WebhookTimeout.
const challengeDeadline = 3 * time.Second

// maxValidationFailures consecutive failed validations block a webhook.
const maxValidationFailures = 3

func hexHMAC(key string, msg []byte) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write(msg)
	return hex.EncodeToString(m.Sum(nil))
}

// signature is X-LI-Signature: hex(HMAC-SHA256(key=clientSecret, msg="hmacsha256="+rawBody)), as LinkedIn
// signs webhook notifications (README, choices, says which secret).
func signature(body []byte, secret string) string {
	return hexHMAC(secret, append([]byte("hmacsha256="), body...))
}

// RegisterWebhook registers a webhook URL for an application (by URN or client id) and validates it at
// once with the challenge. A failed validation is returned as an error but the webhook stays registered:
// it is validated again after WebhookRetryBase (doubling) and blocked after three consecutive failures.
// Registering again replaces the URL and unblocks it. Notifications of a child application's jobs go to
// the child's webhook, else to its parent's.
func (e *Emulator) RegisterWebhook(application, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("emulator: webhook URL %q must be an absolute http(s) URL", rawURL)
	}
	e.mu.Lock()
	app := e.st.resolveApp(application)
	if app == nil {
		e.mu.Unlock()
		return fmt.Errorf("emulator: no application %q", application)
	}
	w := &webhookReg{App: app.URN, URL: rawURL, Status: webhookPending, validating: true}
	e.st.Webhooks[app.URN] = w
	_ = e.persistLocked()
	secret := app.ClientSecret
	e.mu.Unlock()

	verr := e.challenge(e.ctx, app, rawURL, secret)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.recordValidationLocked(w, verr)
	e.signal()
	if verr != nil {
		return fmt.Errorf("emulator: webhook %s failed validation: %w", rawURL, verr)
	}
	return nil
}

// webhookInfo describes an application's webhook for the admin API.
func (e *Emulator) webhookInfo(application string) (map[string]any, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	app := e.st.resolveApp(application)
	if app == nil {
		return nil, false
	}
	w := e.st.Webhooks[app.URN]
	if w == nil {
		return nil, false
	}
	return map[string]any{"application": w.App, "url": w.URL, "status": w.Status, "failures": w.Failures}, true
}

// WebhookStatus returns the state of an application's webhook: PENDING (not validated yet), VALID or
// BLOCKED, and whether one is registered.
func (e *Emulator) WebhookStatus(application string) (string, bool) {
	info, ok := e.webhookInfo(application)
	if !ok {
		return "", false
	}
	status, _ := info["status"].(string)
	return status, true
}

// challenge sends GET <url>?challengeCode=<uuid>[&applicationId=<id>] and checks the answer.
func (e *Emulator) challenge(ctx context.Context, app *application, rawURL, secret string) error {
	code := newUUID()
	u, _ := url.Parse(rawURL)
	q := u.Query()
	q.Set("challengeCode", code)
	if !app.isParent() {
		q.Set("applicationId", appNumber(app.URN))
	}
	u.RawQuery = q.Encode()
	ctx, cancel := context.WithTimeout(ctx, e.opts.WebhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := e.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("challenge answered %d", resp.StatusCode)
	}
	var ans struct {
		ChallengeCode     string `json:"challengeCode"`
		ChallengeResponse string `json:"challengeResponse"`
	}
	if err := json.Unmarshal(body, &ans); err != nil {
		return fmt.Errorf("challenge answer is not JSON: %v", err)
	}
	want := hexHMAC(secret, []byte(code))
	if ans.ChallengeCode != code || !strings.EqualFold(ans.ChallengeResponse, want) {
		return fmt.Errorf("wrong challengeResponse: want hex(HMAC-SHA256(clientSecret, challengeCode))")
	}
	return nil
}

// backoff is the delay after the n-th consecutive failure: WebhookRetryBase·2ⁿ⁻¹, at most WebhookRetryMax
// (1 s → 5 min by default; README, choices).
func (e *Emulator) backoff(n int) time.Duration {
	d := e.opts.WebhookRetryBase
	for i := 1; i < n && d < e.opts.WebhookRetryMax; i++ {
		d *= 2
	}
	if d > e.opts.WebhookRetryMax {
		d = e.opts.WebhookRetryMax
	}
	return d
}

// recordValidationLocked applies the outcome of a challenge: valid → revalidate after the interval;
// failed → retry with backoff, and block at the third consecutive failure.
func (e *Emulator) recordValidationLocked(w *webhookReg, err error) {
	w.validating = false
	if e.st.Webhooks[w.App] != w { // replaced or reset meanwhile
		return
	}
	now := e.now()
	if err == nil {
		w.Status, w.Failures, w.LastError = webhookValid, 0, ""
		w.NextValidation = now.Add(e.opts.WebhookRevalidateInterval)
	} else {
		w.Failures++
		w.LastError = err.Error()
		if w.Failures >= maxValidationFailures {
			w.Status = webhookBlocked
		}
		w.NextValidation = now.Add(e.backoff(w.Failures))
	}
	_ = e.persistLocked()
}

// webhookFor is where a child application's notifications go: its own webhook, else its parent's.
func (e *Emulator) webhookFor(app string) (*webhookReg, string) {
	a := e.st.Apps[app]
	if a == nil {
		return nil, ""
	}
	if w := e.st.Webhooks[app]; w != nil {
		return w, a.ClientSecret
	}
	if p := e.st.Apps[a.Parent]; p != nil {
		if w := e.st.Webhooks[p.URN]; w != nil {
			return w, p.ClientSecret
		}
	}
	return nil, ""
}

// deliver POSTs one notification, signed, and records the outcome: any answer other than 200 is retried
// with exponential backoff.
func (e *Emulator) deliver(id, rawURL, secret string, body []byte) {
	defer e.wg.Done()
	status := 0
	req, err := http.NewRequestWithContext(e.ctx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-LI-Signature", signature(body, secret))
		resp, derr := e.hc.Do(req)
		if derr == nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
			resp.Body.Close()
			status = resp.StatusCode
		}
	}
	if e.ctx.Err() != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, n := range e.st.Notifications {
		if n.ID != id {
			continue
		}
		n.inflight = false
		if status == http.StatusOK {
			e.st.Notifications = append(e.st.Notifications[:i], e.st.Notifications[i+1:]...)
		} else {
			n.Attempts++
			n.LastStatus = status
			n.NextAttempt = e.now().Add(e.backoff(n.Attempts))
		}
		_ = e.persistLocked()
		break
	}
	e.signal()
}

// PendingNotifications returns how many job status notifications are waiting for (re)delivery.
func (e *Emulator) PendingNotifications() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.st.Notifications)
}
