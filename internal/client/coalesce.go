package client

import (
	"context"
	"sync"
	"time"
)

// Request coalescing. Terraform refreshes ten resources at a time, each with its own single-key call; LinkedIn
// counts calls against small daily quotas (5,000 a day for configurations). A coalescer holds a single-key
// call for a short window so that concurrent callers of the same operation share one batch call of up to 100
// keys, then hands each caller its own outcome.
//
// When a batch is sent. A batch goes when the first of these happens:
//   - it holds maxBatch distinct items (LinkedIn's limit);
//   - its window (Config.BatchWindow, counted from its first caller) ends;
//   - it holds as many callers as the coalescer's peak concurrency (see below): every caller that is likely
//     to come has come, so waiting out the window would only add latency;
//   - a conflicting write of a key already in it arrives (that write starts the next batch).
//
// Peak concurrency is the largest number of callers found inside the coalescer (waiting in the open batch or
// in one in flight) at the moment a batch was sent. Terraform's pattern is a fixed number of workers (10 by
// default) each issuing one call at a time: the first batch waits its window and sees the 10 workers; from
// then on each round is sent as soon as the 10 are back, instead of a window later. That saves the window on
// every round and never splits a round that the window would have kept whole: a batch is sent early only
// when it holds at least as many callers as ever were inside at once. The first batch has no peak to go by
// and always waits its window.

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

	mu      sync.Mutex
	closed  bool
	pending *pendingBatch[K, V]
	// active counts the callers between joining a batch and getting their outcome; peak is the largest
	// active seen when a batch was sent (see "When a batch is sent").
	active, peak int
}

// pendingBatch is a batch being gathered or in flight.
type pendingBatch[K, V any] struct {
	items []K
	ids   map[string]int
	timer *time.Timer
	done  chan struct{}
	out   []outcome[V]
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
	co := &coalescer[K, V]{c: c, window: c.cfg.BatchWindow, max: maxBatch, disabled: c.cfg.DisableCoalescing, id: id, same: same, run: run}
	c.register(co)
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
	if b == nil {
		b = &pendingBatch[K, V]{ids: map[string]int{}, done: make(chan struct{}), after: after,
			base: context.WithoutCancel(ctx), allDeadlines: true}
		co.pending = b
		b.timer = time.AfterFunc(co.window, func() {
			co.mu.Lock()
			defer co.mu.Unlock()
			if co.pending == b {
				co.flushLocked(b)
			}
		})
	}
	idx, ok := b.ids[id]
	if !ok {
		idx = len(b.items)
		b.ids[id] = idx
		b.items = append(b.items, item)
	}
	b.waiters++
	co.active++
	if dl, ok := ctx.Deadline(); !ok {
		b.allDeadlines = false
	} else if dl.After(b.deadline) {
		b.deadline = dl
	}
	if len(b.items) >= co.max || co.peak > 0 && b.waiters >= co.peak {
		co.flushLocked(b)
	}
	co.mu.Unlock()

	select {
	case <-b.done:
		co.mu.Lock()
		co.active--
		co.mu.Unlock()
		o := b.out[idx]
		return o.val, o.err
	case <-ctx.Done():
		co.mu.Lock()
		co.active--
		b.waiters--
		if b.waiters == 0 && b.cancel != nil {
			b.cancel() // nobody waits any more: stop the call
		}
		co.mu.Unlock()
		return zero, ctx.Err()
	}
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
	co.peak = max(co.peak, co.active)
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
		b.out = out
		close(b.done)
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
