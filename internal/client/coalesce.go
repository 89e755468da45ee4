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
	// (then they share one slot) or conflicting (two writes of one key: they go in separate batches).
	id   func(K) string
	same func(a, b K) bool
	// run performs the batch call and returns exactly one outcome per item, in order.
	run func(ctx context.Context, items []K) []outcome[V]

	mu      sync.Mutex
	closed  bool
	pending *pendingBatch[K, V]
}

// pendingBatch is a batch being gathered or in flight.
type pendingBatch[K, V any] struct {
	items []K
	ids   map[string]int
	timer *time.Timer
	done  chan struct{}
	out   []outcome[V]

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
	if b != nil {
		if i, ok := b.ids[id]; ok && !co.same(b.items[i], item) {
			co.flushLocked(b) // a conflicting write of the same key waits for the next batch
			b = nil
		}
	}
	if b == nil {
		b = &pendingBatch[K, V]{ids: map[string]int{}, done: make(chan struct{}), base: context.WithoutCancel(ctx), allDeadlines: true}
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
	if dl, ok := ctx.Deadline(); !ok {
		b.allDeadlines = false
	} else if dl.After(b.deadline) {
		b.deadline = dl
	}
	if len(b.items) >= co.max {
		co.flushLocked(b)
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
	items := b.items
	go func() {
		out := co.runChecked(ctx, items)
		b.out = out
		close(b.done)
		b.cancel()
	}()
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

// close fails the callers of a batch still being gathered; a batch already in flight completes.
func (co *coalescer[K, V]) close() {
	co.mu.Lock()
	defer co.mu.Unlock()
	co.closed = true
	if b := co.pending; b != nil {
		co.pending = nil
		b.flushed = true
		b.timer.Stop()
		b.out = make([]outcome[V], len(b.items))
		for i := range b.out {
			b.out[i].err = ErrClosed
		}
		close(b.done)
	}
}
