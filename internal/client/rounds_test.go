package client

import (
	"testing"
	"time"
)

// rounds on its own, with explicit instants: no clock, no timing.

func TestRoundsDeadline(t *testing.T) {
	const q = 10 * time.Millisecond
	t0 := time.Unix(1000, 0)
	r := newRounds(q)
	at := func(d time.Duration) time.Time { return t0.Add(d) }

	// Nobody expected back: a quiet period after the latest caller.
	if got := r.deadline(t0, at(5*time.Millisecond), true, at(5*time.Millisecond)); !got.Equal(at(15 * time.Millisecond)) {
		t.Errorf("nobody expected: %v", got.Sub(t0))
	}
	// Callers expected back: three quiet periods, or twice the longest gap seen when that is longer, up to six.
	r.answered(4, t0)
	if got := r.deadline(t0, t0, true, t0); !got.Equal(at(3 * q)) {
		t.Errorf("expected callers: %v", got.Sub(t0))
	}
	r.join(0, t0)
	r.join(25*time.Millisecond, at(25*time.Millisecond))
	if got := r.deadline(t0, at(25*time.Millisecond), true, at(25*time.Millisecond)); !got.Equal(at(75 * time.Millisecond)) {
		t.Errorf("after a 25 ms gap: %v, want 25 ms + 2×25 ms", got.Sub(t0))
	}
	// A clocked coalescer does not wait for them.
	if got := r.deadline(t0, at(25*time.Millisecond), false, at(25*time.Millisecond)); !got.Equal(at(35 * time.Millisecond)) {
		t.Errorf("clocked: %v", got.Sub(t0))
	}
	r.gap = time.Hour
	if got := r.deadline(t0, at(40*time.Millisecond), true, at(40*time.Millisecond)); !got.Equal(at(40*time.Millisecond + maxWaitPeriods*q)) {
		t.Errorf("long gaps: %v", got.Sub(t0))
	}
	// Never longer than the longest hold from the first caller.
	if got := r.deadline(t0, at(150*time.Millisecond), true, at(150*time.Millisecond)); !got.Equal(at(maxHoldPeriods * q)) {
		t.Errorf("hold: %v", got.Sub(t0))
	}
	// Once the callers expected have expired, a quiet period again.
	late := t0.Add(r.expiry())
	if got := r.deadline(late, late, true, late); !got.Equal(late.Add(q)) {
		t.Errorf("after expiry: %v", got.Sub(late))
	}
}

func TestRoundsLastExpectedCaller(t *testing.T) {
	t0 := time.Unix(1000, 0)
	r := newRounds(10 * time.Millisecond)
	if r.join(0, t0) {
		t.Error("a caller nobody expected was taken for the last of a round")
	}
	r.answered(2, t0)
	r.answered(1, t0.Add(time.Millisecond))
	for i, want := range []bool{false, false, true, false} {
		if got := r.join(0, t0.Add(20*time.Millisecond)); got != want {
			t.Errorf("join %d: last = %v, want %v", i+1, got, want)
		}
	}
}

// Callers of an answered batch are expected back for twice the longest delay seen, not for ever: a caller
// joining long after must not be taken for the last of a round that ended (it would send its batch alone).
func TestRoundsExpectedCallersExpire(t *testing.T) {
	const q = 10 * time.Millisecond
	t0 := time.Unix(1000, 0)
	r := newRounds(q)
	r.back = 30 * time.Millisecond // the longest delay seen: callers are expected for 60 ms
	r.answered(1, t0)
	if r.join(0, t0.Add(70*time.Millisecond)) {
		t.Error("a caller 70 ms after the answer was taken for the one expected")
	}
	r.answered(1, t0)
	if !r.join(0, t0.Add(40*time.Millisecond)) {
		t.Error("a caller 40 ms after the answer was not taken for the one expected")
	}
	if r.back != 40*time.Millisecond {
		t.Errorf("longest delay %v, want 40ms", r.back)
	}
	// The expiry stays within 5 and 100 quiet periods.
	r.back = 0
	if got := r.expiry(); got != minExpiryPeriods*q {
		t.Errorf("expiry %v", got)
	}
	r.back = time.Hour
	if got := r.expiry(); got != maxExpiryPeriods*q {
		t.Errorf("expiry %v", got)
	}
}
