package emulator

import "time"

// This file holds the background work that is due on a clock rather than on a request.

// scheduler is the one background goroutine: it completes tasks on time (so that notifications fire
// without a read), revalidates webhooks and delivers notifications with retries. It sleeps until the next
// due time or until signalled.
func (e *Emulator) scheduler() {
	defer e.wg.Done()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		d := e.tick()
		timer.Reset(d)
		select {
		case <-e.ctx.Done():
			return
		case <-e.wake:
		case <-timer.C:
		}
	}
}

// tick does the work that is due and returns how long to sleep: at most a minute, at least a millisecond.
func (e *Emulator) tick() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ctx.Err() != nil {
		return time.Hour
	}
	e.advanceLocked()
	now := e.now()
	next := &wakeUp{at: now.Add(time.Minute)}
	e.awaitTasksLocked(next)
	e.awaitApplyLocked(next)
	e.deliverApplicationsLocked(now, next)
	e.arriveApplicantsLocked(now, next)
	e.revalidateWebhooksLocked(now, next)
	e.deliverNotificationsLocked(now, next)
	return max(next.at.Sub(now), time.Millisecond)
}

// wakeUp is the earliest time at which something will be due.
type wakeUp struct{ at time.Time }

// by brings the wake-up forward to t if t is sooner.
func (w *wakeUp) by(t time.Time) {
	if t.Before(w.at) {
		w.at = t
	}
}

// awaitTasksLocked wakes the scheduler when the next task in progress is due, so that its notification fires
// without a read.
func (e *Emulator) awaitTasksLocked(next *wakeUp) {
	for _, t := range e.st.Tasks {
		if t.Status == taskInProgress {
			next.by(t.DueAt)
		}
	}
}

// revalidateWebhooksLocked starts the challenge of every webhook whose validation is due (blocked webhooks
// are left alone until registered again). Each challenge runs in its own goroutine, outside the lock.
func (e *Emulator) revalidateWebhooksLocked(now time.Time, next *wakeUp) {
	for _, w := range e.st.Webhooks {
		if w.Status == webhookBlocked || w.validating {
			continue
		}
		if now.Before(w.NextValidation) {
			next.by(w.NextValidation)
			continue
		}
		app := e.st.Apps[w.App]
		if app == nil {
			continue
		}
		w.validating = true
		e.wg.Add(1)
		go e.revalidate(w, *app)
	}
}

// revalidate challenges a webhook and records the outcome. It gets a copy of the application so that it
// reads nothing under the lock.
func (e *Emulator) revalidate(w *webhookReg, app application) {
	defer e.wg.Done()
	err := e.challenge(e.ctx, &app, w.URL, app.ClientSecret)
	if e.ctx.Err() != nil {
		return
	}
	e.mu.Lock()
	e.recordValidationLocked(w, err)
	e.mu.Unlock()
	e.signal()
}

// deliverNotificationsLocked drops the notifications LinkedIn would give up on (retried for too long, or
// with nowhere to go), counts an attempt on a webhook not validated yet as a failure, and starts the
// deliveries that are due.
func (e *Emulator) deliverNotificationsLocked(now time.Time, next *wakeUp) {
	kept := e.st.Notifications[:0]
	dirty := false
	for _, n := range e.st.Notifications {
		if now.Sub(n.CreatedAt) > e.opts.WebhookRetryFor {
			dirty = true
			continue // given up after the retry period
		}
		w, secret := e.webhookFor(n.App)
		if w == nil || w.Status == webhookBlocked {
			dirty = true
			continue // nowhere to deliver: LinkedIn drops it
		}
		kept = append(kept, n)
		if n.inflight {
			continue
		}
		if now.Before(n.NextAttempt) {
			next.by(n.NextAttempt)
			continue
		}
		if w.Status != webhookValid {
			// Not validated yet: counts as a failed attempt, retried later.
			n.Attempts++
			n.NextAttempt = now.Add(e.backoff(n.Attempts))
			next.by(n.NextAttempt)
			dirty = true
			continue
		}
		n.inflight = true
		e.wg.Add(1)
		go e.deliver(n.ID, w.URL, secret, n.Body)
	}
	e.st.Notifications = kept
	if dirty {
		_ = e.persistLocked()
	}
}
