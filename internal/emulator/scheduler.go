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

// tick does the work that is due and returns how long to sleep.
func (e *Emulator) tick() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ctx.Err() != nil {
		return time.Hour
	}
	e.advanceLocked()
	now := e.now()
	next := now.Add(time.Minute)
	soonest := func(t time.Time) {
		if t.Before(next) {
			next = t
		}
	}
	for _, t := range e.st.Tasks {
		if t.Status == taskInProgress {
			soonest(t.DueAt)
		}
	}
	for _, w := range e.st.Webhooks {
		if w.Status == webhookBlocked || w.validating {
			continue
		}
		if now.Before(w.NextValidation) {
			soonest(w.NextValidation)
			continue
		}
		app := e.st.Apps[w.App]
		if app == nil {
			continue
		}
		w.validating = true
		e.wg.Add(1)
		go func(w *webhookReg, app application) {
			defer e.wg.Done()
			err := e.challenge(e.ctx, &app, w.URL, app.ClientSecret)
			if e.ctx.Err() != nil {
				return
			}
			e.mu.Lock()
			e.recordValidationLocked(w, err)
			e.mu.Unlock()
			e.signal()
		}(w, *app)
	}
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
			soonest(n.NextAttempt)
			continue
		}
		if w.Status != webhookValid {
			// Not validated yet: counts as a failed attempt, retried later.
			n.Attempts++
			n.NextAttempt = now.Add(e.backoff(n.Attempts))
			soonest(n.NextAttempt)
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
	d := next.Sub(now)
	if d < time.Millisecond {
		d = time.Millisecond
	}
	return d
}
