package client

import (
	"context"
	"sync"
	"time"
)

// Request coalescing. Terraform refreshes ten resources at a time, each with its own single-key call; LinkedIn
// counts calls against small daily quotas (5,000 a day for configurations). A coalescer holds a single-key
// call for a short while so that concurrent callers of the same operation share one batch call of up to 100
// keys, then hands each caller its own outcome.
//
// How Terraform calls. Terraform walks its graph with a fixed number of concurrent operations (-parallelism,
// 10 by default: https://developer.hashicorp.com/terraform/cli/commands/plan#parallelism-n); each is one
// ReadResource or ApplyResourceChange, which here makes one single-key call. When a batch is answered, its
// callers go back to Terraform, which finishes their operations and starts the next ones: some tens of
// milliseconds later (more on a busy machine) the same number of calls arrive again, spread over a few
// milliseconds to a few tens. N operations cannot take fewer than N/P such rounds, and a round costs one call
// only if its batch waits for every caller of the round, and no longer.
//
// When a batch is sent. A batch goes when the first of these happens:
//   - it holds maxBatch distinct items (LinkedIn's limit);
//   - the last caller expected back joins a batch: the callers of answered batches (of every coalescer of the
//     client, since one Terraform operation may call several services) are expected back until they join a
//     batch, or until twice the longest recent delay between an answer and a caller's return has passed
//     (5 to 100 quiet periods); every open batch of the client then goes at once;
//   - no caller has joined it for the quiet period (Config.BatchWindow), when nobody is expected back (the
//     first round, or once the callers expected have expired); while callers are expected back, for three
//     quiet periods or twice the longest recent gap between two callers of one batch, whichever is longer,
//     up to six: the others are late (the batch goes without them; they still count as expected for the
//     next one) or gone (Terraform had fewer operations left, or runs others);
//   - it has been open for maxHoldPeriods quiet periods;
//   - a conflicting write of a key already in it arrives (that write starts the next batch, which is sent
//     only once the first has been answered, so writes of one key stay in order).
//
// So in steady state a round goes the moment its last caller arrives, holding as many callers as were in
// flight; callers that are gone cost each batch a few quiet periods until they expire. Two groups of callers
// that a late caller split come back together when their answers are close: Terraform processes them at the
// same time.
//
// Clocked coalescers (job submissions and task polls, whose callers come back on a clock of their own)
// neither wait for the callers expected back nor expect their own callers back: their batches wait for the
// quiet period from their latest caller. A caller joining one still counts as back (a job posting's read
// is followed by the submission of the next job).

// outcome is one item's result in a coalesced batch.
type outcome[V any] struct {
	val V
	err error
}

// coalescer merges concurrent single-item calls of one operation into batch calls.
type coalescer[K, V any] struct {
	c        *Client
	window   time.Duration
	max      int
	disabled bool
	// id identifies an item for de-duplication; same reports whether two items with one id are identical
	// (then they share one slot) or conflicting (two writes of one key: they go in successive batches).
	id   func(K) string
	same func(a, b K) bool
	// run performs the batch call and returns exactly one outcome per item, in order.
	run func(ctx context.Context, items []K) []outcome[V]

	// clocked coalescers serve callers that call on a clock of their own (job submissions and task polls,
	// which the provider aligns on shared ticks): they are not expected back after an answer, and their
	// batches wait only for the quiet period; their callers still count as back when they join.
	clocked bool

	// mu is rounds.mu, shared by the client's coalescers.
	mu      *sync.Mutex
	rounds  *rounds
	closed  bool
	pending *pendingBatch[K, V]
}

// pendingBatch is a batch being gathered or in flight.
type pendingBatch[K, V any] struct {
	items []K
	ids   map[string]int
	// timer sends the batch at the deadline rounds gives it; opened is when its first caller came, lastJoin
	// its latest.
	timer    *time.Timer
	opened   time.Time
	lastJoin time.Time
	done     chan struct{}
	out      []outcome[V]
	// after, when set, is the done channel of a batch holding a conflicting write of one of this batch's
	// keys: this batch is sent only once that one has been answered, so writes of one key stay in order.
	after chan struct{}

	// The batch runs detached from every single caller: one caller's cancellation must not fail the
	// others. It keeps the first caller's values (the logger) and is cancelled once no caller waits.
	base         context.Context
	waiters      int
	deadline     time.Time // the latest deadline of the callers, if all have one
	allDeadlines bool
	flushed      bool
	cancel       context.CancelFunc
}

func newCoalescer[K, V any](c *Client, id func(K) string, same func(a, b K) bool, run func(context.Context, []K) []outcome[V]) *coalescer[K, V] {
	co := &coalescer[K, V]{c: c, window: c.cfg.BatchWindow, max: maxBatch, disabled: c.cfg.DisableCoalescing, id: id, same: same, run: run,
		mu: &c.rounds.mu, rounds: c.rounds}
	c.register(co)
	c.rounds.mu.Lock()
	c.rounds.open = append(c.rounds.open, func() {
		if co.pending != nil && !co.clocked {
			co.flushLocked(co.pending)
		}
	})
	c.rounds.mu.Unlock()
	return co
}

// do runs item alone or in a batch with concurrent callers and returns its own outcome.
func (co *coalescer[K, V]) do(ctx context.Context, item K) (V, error) {
	var zero V
	if co.c.isClosed() {
		return zero, ErrClosed
	}
	if co.disabled {
		o := co.runChecked(ctx, []K{item})
		return o[0].val, o[0].err
	}
	if err := ctx.Err(); err != nil {
		return zero, err
	}

	co.mu.Lock()
	if co.closed {
		co.mu.Unlock()
		return zero, ErrClosed
	}
	id := co.id(item)
	b := co.pending
	var after chan struct{}
	if b != nil {
		if i, ok := b.ids[id]; ok && !co.same(b.items[i], item) {
			co.flushLocked(b) // a conflicting write of the same key waits for the next batch
			after, b = b.done, nil
		}
	}
	now := co.rounds.now()
	if b == nil {
		b = &pendingBatch[K, V]{ids: map[string]int{}, done: make(chan struct{}), after: after,
			base: context.WithoutCancel(ctx), allDeadlines: true, opened: now}
		co.pending = b
		b.timer = time.AfterFunc(co.window, func() { co.timeout(b) })
	}
	idx, ok := b.ids[id]
	if !ok {
		idx = len(b.items)
		b.ids[id] = idx
		b.items = append(b.items, item)
	}
	b.waiters++
	if dl, ok := ctx.Deadline(); !ok {
		b.allDeadlines = false
	} else if dl.After(b.deadline) {
		b.deadline = dl
	}
	var gap time.Duration // since the caller before, in this batch
	if !b.lastJoin.IsZero() && !co.clocked {
		gap = now.Sub(b.lastJoin)
	}
	b.lastJoin = now
	if co.rounds.join(gap, now) {
		co.rounds.sendAll() // the last caller expected is back: every open batch goes (b too, unless clocked)
	}
	if !b.flushed {
		if len(b.items) >= co.max {
			co.flushLocked(b)
		} else {
			co.arm(b, now)
		}
	}
	co.mu.Unlock()

	select {
	case <-b.done:
		o := b.out[idx]
		return o.val, o.err
	case <-ctx.Done():
		co.mu.Lock()
		b.waiters--
		if b.waiters == 0 && b.cancel != nil {
			b.cancel() // nobody waits any more: stop the call
		}
		co.mu.Unlock()
		return zero, ctx.Err()
	}
}

// deadline is when b stops waiting for callers; co.mu is held.
func (co *coalescer[K, V]) deadline(b *pendingBatch[K, V]) time.Time {
	return co.rounds.deadline(b.opened, b.lastJoin, !co.clocked, co.rounds.now())
}

// arm sets b's timer to its deadline; co.mu is held.
func (co *coalescer[K, V]) arm(b *pendingBatch[K, V], now time.Time) {
	b.timer.Reset(max(co.deadline(b).Sub(now), 0))
}

// timeout runs when b's timer fires: b goes if its deadline (which the callers joining since, and answers
// of other batches, may have moved) has come.
func (co *coalescer[K, V]) timeout(b *pendingBatch[K, V]) {
	co.mu.Lock()
	defer co.mu.Unlock()
	if co.pending != b {
		return
	}
	now := co.rounds.now()
	if now.Before(co.deadline(b)) {
		co.arm(b, now)
		return
	}
	co.flushLocked(b)
}

// flushLocked sends b; co.mu is held.
func (co *coalescer[K, V]) flushLocked(b *pendingBatch[K, V]) {
	if co.pending == b {
		co.pending = nil
	}
	if b.flushed {
		return
	}
	b.flushed = true
	b.timer.Stop()
	if !co.clocked {
		co.rounds.sent()
	}
	ctx := b.base
	var cancelDeadline context.CancelFunc = func() {}
	if b.allDeadlines && !b.deadline.IsZero() {
		ctx, cancelDeadline = context.WithDeadline(ctx, b.deadline)
	}
	ctx, cancel := context.WithCancel(ctx)
	b.cancel = func() { cancel(); cancelDeadline() }
	if b.waiters == 0 {
		b.cancel()
	}
	// Close waits for this goroutine; once Close has begun no batch starts (co.closed stops new callers,
	// and a batch still gathering is failed by close).
	if !co.c.startBackground() {
		b.out = closedOutcomes[V](len(b.items))
		close(b.done)
		b.cancel()
		return
	}
	items, after := b.items, b.after
	go func() {
		defer co.c.background.Done()
		if after != nil {
			select {
			case <-after:
			case <-ctx.Done():
			}
		}
		out := co.runChecked(ctx, items)
		co.mu.Lock()
		b.out = out
		if !co.clocked {
			co.rounds.answered(b.waiters, co.rounds.now())
		}
		close(b.done)
		co.mu.Unlock()
		b.cancel()
	}()
}

// doPtr is do for the typed Get methods, which return a pointer and nil on error.
func (co *coalescer[K, V]) doPtr(ctx context.Context, item K) (*V, error) {
	v, err := co.do(ctx, item)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// resultOutcomes adapts a typed batch read (one Result per key) to a coalescer's outcomes.
func resultOutcomes[T any](res []Result[T]) []outcome[T] {
	out := make([]outcome[T], len(res))
	for i, r := range res {
		if r.Value != nil {
			out[i].val = *r.Value
		}
		out[i].err = r.Err
	}
	return out
}

// errOutcomes adapts a typed batch write (one error per key) to a coalescer's outcomes.
func errOutcomes(errs []error) []outcome[struct{}] {
	out := make([]outcome[struct{}], len(errs))
	for i, err := range errs {
		out[i].err = err
	}
	return out
}

// runChecked calls run and guarantees one outcome per item, whatever run returned.
func (co *coalescer[K, V]) runChecked(ctx context.Context, items []K) []outcome[V] {
	out := co.run(ctx, items)
	if len(out) != len(items) {
		fixed := make([]outcome[V], len(items))
		copy(fixed, out)
		for i := len(out); i < len(items); i++ {
			fixed[i].err = &Error{HTTPStatus: 502, Code: "INCOMPLETE_BATCH_RESPONSE", Message: "no outcome for this item"}
		}
		out = fixed
	}
	return out
}

// closedOutcomes fails n items with ErrClosed.
func closedOutcomes[V any](n int) []outcome[V] {
	out := make([]outcome[V], n)
	for i := range out {
		out[i].err = ErrClosed
	}
	return out
}

// close fails the callers of a batch still being gathered. A batch in flight is cancelled by Client.Close
// (its calls answer ErrClosed) and Close waits for it.
func (co *coalescer[K, V]) close() {
	co.mu.Lock()
	defer co.mu.Unlock()
	co.closed = true
	if b := co.pending; b != nil {
		co.pending = nil
		b.flushed = true
		b.timer.Stop()
		b.out = closedOutcomes[V](len(b.items))
		close(b.done)
	}
}
