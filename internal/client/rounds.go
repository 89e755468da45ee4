package client

import (
	"sync"
	"time"
)

// rounds is what a client's coalescers know of the callers that will come back, and decides when an open
// batch has waited enough (see "When a batch is sent" in coalesce.go). One Terraform operation may call
// several services, so the coalescers of a client share it, and its mutex guards their state too.
type rounds struct {
	mu sync.Mutex

	quiet time.Duration    // Config.BatchWindow
	now   func() time.Time // time.Now; tests move their own clock

	// expected holds, per answered batch, how many of its callers have not joined a batch since: they are
	// presumed busy in Terraform, finishing their operation and starting the next, until expiry.
	expected []expectedCallers
	// back is the longest recent delay between a batch's answer and one of its callers joining a batch; gap
	// the longest recent time between two callers joining one batch. Both decay by an eighth at every batch
	// sent: they describe how Terraform, on this machine and under its current load, brings callers back.
	back, gap time.Duration

	// open holds, for each coalescer, the function that sends its open batch, if any.
	open []func()
}

type expectedCallers struct {
	n        int
	answered time.Time
}

// Multiples of the quiet period.
const (
	// While callers are expected back, a batch waits for the next one twice the longest recent gap between
	// callers, but at least waitPeriods and at most maxWaitPeriods.
	waitPeriods    = 3
	maxWaitPeriods = 6
	// maxHoldPeriods bounds how long a batch stays open, however the callers come.
	maxHoldPeriods = 20
	// minExpiryPeriods and maxExpiryPeriods bound how long after its answer a caller is expected back: twice
	// the longest recent delay.
	minExpiryPeriods = 5
	maxExpiryPeriods = 100
)

func newRounds(quiet time.Duration) *rounds {
	return &rounds{quiet: quiet, now: time.Now, back: quiet * maxHoldPeriods}
}

// expiry is how long after its answer a caller is still expected back.
func (r *rounds) expiry() time.Duration {
	return min(max(2*r.back, r.quiet*minExpiryPeriods), r.quiet*maxExpiryPeriods)
}

// prune forgets the callers expected for too long.
func (r *rounds) prune(now time.Time) {
	exp := r.expiry()
	kept := r.expected[:0]
	for _, e := range r.expected {
		if e.n > 0 && now.Sub(e.answered) < exp {
			kept = append(kept, e)
		}
	}
	r.expected = kept
}

// expecting reports whether callers are expected back (call prune first).
func (r *rounds) expecting() bool { return len(r.expected) > 0 }

// join records a caller joining a batch, gap after the one before it in that batch (0 for the first). The
// caller is taken for one of the callers expected back, if any (which one does not matter: the count does).
// It reports whether it was the last one expected: every open batch should go now.
func (r *rounds) join(gap time.Duration, now time.Time) (last bool) {
	r.gap = max(r.gap, gap)
	r.prune(now)
	if !r.expecting() {
		return false
	}
	e := &r.expected[0]
	e.n--
	r.back = max(r.back, now.Sub(e.answered))
	r.prune(now)
	return !r.expecting()
}

// answered records that a batch of the given callers has been answered: they go back to Terraform.
func (r *rounds) answered(callers int, now time.Time) {
	if callers > 0 {
		r.expected = append(r.expected, expectedCallers{n: callers, answered: now})
	}
}

// sent records that a batch was sent.
func (r *rounds) sent() {
	r.back -= r.back / 8
	r.gap -= r.gap / 8
}

// deadline is when a batch, opened at opened and last joined at lastJoin, stops waiting: a quiet period
// after its latest caller, longer while callers are expected back (if the batch waits for them: clocked
// coalescers do not), and maxHoldPeriods after its first caller at the latest.
func (r *rounds) deadline(opened, lastJoin time.Time, waitForExpected bool, now time.Time) time.Time {
	r.prune(now)
	hold := r.quiet * maxHoldPeriods
	wait := r.quiet
	if waitForExpected && r.expecting() {
		wait = min(max(r.quiet*waitPeriods, 2*r.gap), r.quiet*maxWaitPeriods)
	}
	return earliest(lastJoin.Add(wait), opened.Add(hold))
}

func (r *rounds) sendAll() {
	for _, send := range r.open {
		send()
	}
}

func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
