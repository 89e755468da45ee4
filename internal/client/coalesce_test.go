package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// flushWhen waits until the coalescer's open batch has n waiters, then sends it. With a BatchWindow of an
// hour the timer never fires, so the test decides exactly which callers share a batch, without timing. It
// polls without a time limit of its own: however slow the machine, the callers arrive; a real hang is
// reported by go test's -timeout with every goroutine's stack.
func flushWhen[K, V any](t *testing.T, co *coalescer[K, V], n int) {
	t.Helper()
	for {
		co.mu.Lock()
		if b := co.pending; b != nil && b.waiters == n {
			co.flushLocked(b)
			co.mu.Unlock()
			return
		}
		co.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// configServer answers batch_get of configurations: every key has a value except names starting "MISSING".
func configServer(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ids := requestIDs(t, r)
		results, errs := map[string]any{}, map[string]any{}
		for _, k := range ids {
			name := k.Part("configurationName")
			if len(name) >= 7 && name[:7] == "MISSING" {
				errs[k.EncodeReduced()] = map[string]any{"status": 404, "message": "not found"}
				continue
			}
			if r.Header.Get("X-RestLi-Method") == "batch_get" {
				results[k.EncodeReduced()] = map[string]any{"configurationValue": map[string]any{"string": name + "@" + k.Part("integrationContext")}}
			} else {
				results[k.EncodeReduced()] = map[string]any{"status": 204}
			}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": errs})
	}
}

const hour = time.Hour

func TestCoalescingMergesConcurrentCallers(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	errs := make([]error, 40)
	vals := make([]string, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("NAME_%d", i%30) // 10 callers repeat a key: de-duplicated
			if i == 7 {
				name = "MISSING_7"
			}
			v, err := c.Configurations.Get(context.Background(), cfgKey(name))
			errs[i] = err
			if v != nil {
				vals[i] = v.Value
			}
		}()
	}
	flushWhen(t, c.Configurations.get, 40)
	wg.Wait()
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d calls for 40 concurrent callers, want 1", len(reqs))
	}
	if ids := seenIDs(t, reqs[0]); len(ids) != 31 {
		t.Errorf("%d ids, want 31 distinct (30 names + MISSING_7)", len(ids))
	}
	for i := 0; i < 40; i++ {
		if i == 7 {
			if !IsEntityNotFound(errs[i]) {
				t.Errorf("caller 7: %v, want its own 404", errs[i])
			}
			continue
		}
		want := fmt.Sprintf("NAME_%d@%s", i%30, testIK.IntegrationContext)
		if errs[i] != nil || vals[i] != want {
			t.Errorf("caller %d: %q %v, want %q", i, vals[i], errs[i], want)
		}
	}
}

func TestCoalescingFlushesAt100Keys(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := 0; i < 250; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("K%d", i))); err != nil {
				failed.Add(1)
			}
		}()
	}
	// Two batches of 100 go on their own; the last 50 callers wait out the window, so the test sends them.
	// Waiting for the two calls first matters: a batch seen with 50 callers could be the second one still
	// filling up, and flushing it early would leave the last callers below the coalescer's peak.
	co := c.Configurations.get
	for {
		co.mu.Lock()
		b := co.pending
		if len(f.requests()) == 2 && b != nil && b.waiters == 50 {
			co.flushLocked(b)
			co.mu.Unlock()
			break
		}
		co.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	if n := len(f.requests()); n != 3 || failed.Load() != 0 {
		t.Errorf("%d calls (%d failures) for 250 keys, want 3", n, failed.Load())
	}
}

func TestCoalescingWindowTimer(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = time.Millisecond })
	for i := 0; i < 3; i++ {
		if v, err := c.Configurations.Get(context.Background(), cfgKey("CALLBACK_URL")); err != nil || v.Value == "" {
			t.Fatal(v, err)
		}
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("%d calls for 3 sequential gets", n)
	}
}

func TestDisableCoalescing(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.DisableCoalescing = true; cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("K%d", i))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := len(f.requests()); n != 10 {
		t.Errorf("%d calls with coalescing off, want 10", n)
	}
}

func TestCoalescingCancellationIsPerCaller(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		<-release
		configServer(t)(w, r)
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	ctxA, cancelA := context.WithCancel(context.Background())
	ctxD, cancelD := context.WithCancel(context.Background())
	type res struct {
		v   *IntegrationConfiguration
		err error
	}
	out := make(map[string]chan res)
	for name, ctx := range map[string]context.Context{"A": ctxA, "B": context.Background(), "C": context.Background(), "D": ctxD} {
		ch := make(chan res, 1)
		out[name] = ch
		go func() {
			v, err := c.Configurations.Get(ctx, cfgKey(name))
			ch <- res{v, err}
		}()
	}
	// D gives up while the batch is still being gathered, A while it is in flight.
	for {
		c.Configurations.get.mu.Lock()
		n := 0
		if b := c.Configurations.get.pending; b != nil {
			n = b.waiters
		}
		c.Configurations.get.mu.Unlock()
		if n == 4 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancelD()
	if r := <-out["D"]; !errors.Is(r.err, context.Canceled) {
		t.Errorf("D: %v, want context.Canceled", r.err)
	}
	flushWhen(t, c.Configurations.get, 3)
	<-arrived
	cancelA()
	if r := <-out["A"]; !errors.Is(r.err, context.Canceled) {
		t.Errorf("A: %v, want context.Canceled", r.err)
	}
	close(release)
	for _, name := range []string{"B", "C"} {
		if r := <-out[name]; r.err != nil || r.v.Value != name+"@"+testIK.IntegrationContext {
			t.Errorf("%s: %+v %v", name, r.v, r.err)
		}
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("%d calls", n)
	}
}

func TestCoalescingConflictingWritesSplit(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	done := make(chan error, 3)
	go func() {
		done <- c.Configurations.Upsert(context.Background(), IntegrationConfiguration{Key: cfgKey("CALLBACK_URL"), Value: "https://a"})
	}()
	flushWhenWaiting(t, c.Configurations.upsert, 1)
	go func() {
		done <- c.Configurations.Upsert(context.Background(), IntegrationConfiguration{Key: cfgKey("CALLBACK_URL"), Value: "https://a"})
	}()
	flushWhenWaiting(t, c.Configurations.upsert, 2) // identical write: shares the slot
	go func() {
		done <- c.Configurations.Upsert(context.Background(), IntegrationConfiguration{Key: cfgKey("CALLBACK_URL"), Value: "https://b"})
	}()
	// The conflicting write flushed the first batch and waits in a new one.
	flushWhen(t, c.Configurations.upsert, 1)
	for i := 0; i < 3; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d calls, want 2", len(reqs))
	}
}

// flushWhenWaiting waits for n waiters without flushing.
func flushWhenWaiting[K, V any](t *testing.T, co *coalescer[K, V], n int) {
	t.Helper()
	for {
		co.mu.Lock()
		b := co.pending
		ok := b != nil && b.waiters == n
		co.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func TestCloseFailsPendingAndLaterCalls(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	done := make(chan error, 1)
	go func() {
		_, err := c.Configurations.Get(context.Background(), cfgKey("X"))
		done <- err
	}()
	flushWhenWaiting(t, c.Configurations.get, 1)
	c.Close()
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Errorf("pending call: %v", err)
	}
	if _, err := c.Configurations.Get(context.Background(), cfgKey("X")); !errors.Is(err, ErrClosed) {
		t.Errorf("call after Close: %v", err)
	}
	if _, err := c.Configurations.BatchGet(context.Background(), []ConfigurationKey{cfgKey("X")}); !errors.Is(err, ErrClosed) {
		t.Errorf("batch call after Close: %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d calls", n)
	}
}

// Terraform's pattern: a fixed number of workers, each issuing one call at a time. The first round waits
// for its quiet period (here flushed by hand: the quiet period is an hour); once its ten callers have been
// answered, every later round is sent as soon as the ten are back, without waiting.
func TestCoalescingRoundGoesWhenEveryCallerIsBack(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	const workers, rounds = 10, 5
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				name := fmt.Sprintf("W%d_R%d", w, r)
				v, err := c.Configurations.Get(context.Background(), cfgKey(name))
				if err != nil || v.Value != name+"@"+testIK.IntegrationContext {
					t.Errorf("%s: %+v %v", name, v, err)
				}
			}
		}()
	}
	flushWhen(t, c.Configurations.get, workers) // round 1: nobody is expected yet
	wg.Wait()
	reqs := f.requests()
	if len(reqs) != rounds {
		t.Fatalf("%d calls for %d rounds of %d workers, want %d", len(reqs), rounds, workers, rounds)
	}
	for i, r := range reqs {
		if n := len(seenIDs(t, r)); n != workers {
			t.Errorf("call %d holds %d keys, want %d", i, n, workers)
		}
	}

	// Fewer callers than expected: the batch is not sent early; it waits for its deadline (flushed here).
	var wg2 sync.WaitGroup
	for i := 0; i < workers-1; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("LATE_%d", i))); err != nil {
				t.Error(err)
			}
		}()
	}
	flushWhenWaiting(t, c.Configurations.get, workers-1)
	if n := len(f.requests()); n != rounds {
		t.Errorf("a batch short of the callers expected was sent early: %d calls", n)
	}
	flushWhen(t, c.Configurations.get, workers-1)
	wg2.Wait()
	if n := len(f.requests()); n != rounds+1 {
		t.Errorf("%d calls, want %d", n, rounds+1)
	}
}

// A conflicting write of one key goes into the next batch, and that batch is sent only once the first has
// been answered, so LinkedIn applies the writes in the order they were made.
func TestCoalescingConflictingWritesStayInOrder(t *testing.T) {
	var mu sync.Mutex
	firstAnswered := false
	release := make(chan struct{})
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "https://a") {
			<-release
			mu.Lock()
			firstAnswered = true
			mu.Unlock()
		} else {
			mu.Lock()
			if !firstAnswered {
				t.Error("the second write of a key was sent before the first was answered")
			}
			mu.Unlock()
		}
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		configServer(t)(w, r)
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	done := make(chan error, 2)
	go func() {
		done <- c.Configurations.Upsert(context.Background(), IntegrationConfiguration{Key: cfgKey("CALLBACK_URL"), Value: "https://a"})
	}()
	co := c.Configurations.upsert
	flushWhenWaiting(t, co, 1)
	co.mu.Lock()
	first := co.pending
	co.mu.Unlock()
	go func() {
		done <- c.Configurations.Upsert(context.Background(), IntegrationConfiguration{Key: cfgKey("CALLBACK_URL"), Value: "https://b"})
	}()
	// The conflicting write sends the first batch and opens its own, which goes at once (the peak is one
	// caller) or is sent here.
	for {
		co.mu.Lock()
		if first.flushed {
			if b := co.pending; b != nil {
				co.flushLocked(b)
			}
			co.mu.Unlock()
			break
		}
		co.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	close(release)
	for i := 0; i < 2; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("%d calls, want 2", n)
	}
}

// Close cancels a coalesced batch in flight and a direct call in flight: their callers get ErrClosed, and
// Close returns only after the batch's goroutine has ended.
func TestCloseCancelsCallsInFlight(t *testing.T) {
	arrived := make(chan struct{}, 2)
	var cancelled atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done()
		cancelled.Add(1)
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	coalesced, direct := make(chan error, 1), make(chan error, 1)
	go func() {
		_, err := c.Configurations.Get(context.Background(), cfgKey("X"))
		coalesced <- err
	}()
	flushWhen(t, c.Configurations.get, 1)
	<-arrived
	go func() {
		_, err := c.Configurations.BatchGet(context.Background(), []ConfigurationKey{cfgKey("Y")})
		direct <- err
	}()
	<-arrived
	c.Close()
	if err := <-coalesced; !errors.Is(err, ErrClosed) {
		t.Errorf("coalesced call in flight: %v, want ErrClosed", err)
	}
	if err := <-direct; !errors.Is(err, ErrClosed) {
		t.Errorf("direct call in flight: %v, want ErrClosed", err)
	}
	c.Close() // idempotent
}

// fakeClock is the coalescers' clock in tests that move time by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// waitFor polls until cond holds (under the coalescers' lock); like flushWhen, without a time limit of its own.
func waitFor(c *Client, cond func() bool) {
	for {
		c.rounds.mu.Lock()
		ok := cond()
		c.rounds.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// Workers that stop calling (Terraform had fewer operations left) are waited for until the batch's
// deadline: the batch then goes with whoever came. They are expected back until they expire; after that
// the next round, expecting only those who came, goes as soon as they are back.
func TestCoalescingStopsExpectingCallersThatDoNotCome(t *testing.T) {
	f := newFake(t, configServer(t))
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	clock := &fakeClock{t: time.Unix(1000, 0)}
	c.rounds.now = clock.now
	co := c.Configurations.get
	var wg sync.WaitGroup
	for w := 0; w < 10; w++ {
		calls := 1 // three workers stop after the first round
		if w < 7 {
			calls = 3
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < calls; r++ {
				if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("W%d_R%d", w, r))); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	flushWhen(t, co, 10) // round 1
	// Round 2: seven of the ten expected come back; the batch waits for the other three.
	waitFor(c, func() bool { return co.pending != nil && co.pending.waiters == 7 })
	if n := len(f.requests()); n != 1 {
		t.Fatalf("round 2 was sent without the callers expected: %d calls", n)
	}
	// Its deadline passes, and so does the time the three are expected for: the batch goes with the seven.
	co.mu.Lock()
	b := co.pending
	clock.advance(c.rounds.expiry())
	co.mu.Unlock()
	co.timeout(b)
	// Round 3: the seven are expected, and go as soon as they are back (nobody flushes it here).
	wg.Wait()
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d calls, want 3", len(reqs))
	}
	for i, want := range []int{10, 7, 7} {
		if n := len(seenIDs(t, reqs[i])); n != want {
			t.Errorf("call %d holds %d keys, want %d", i+1, n, want)
		}
	}
}

// The callers expected back are counted across the client's services: ten workers read configurations,
// then six read configurations again and four read integrations. When the tenth is back, both batches go.
func TestCoalescingRoundsSpanServices(t *testing.T) {
	cfgs := configServer(t)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rest/integrations" {
			cfgs(w, r)
			return
		}
		results := map[string]any{}
		for _, k := range requestIDs(t, r) {
			results[k.EncodeReduced()] = map[string]any{"integrationName": "n", "status": "ENABLED"}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	for w := 0; w < 10; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("W%d", w))); err != nil {
				t.Error(err)
			}
			var err error
			if w < 6 {
				_, err = c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("W%d_again", w)))
			} else {
				ik := testIK
				ik.IntegrationContext = fmt.Sprintf("urn:li:organization:%d", 2000+w)
				_, err = c.Integrations.Get(context.Background(), ik)
			}
			if err != nil {
				t.Error(err)
			}
		}()
	}
	flushWhen(t, c.Configurations.get, 10)
	wg.Wait() // round 2 is sent by the tenth caller coming back, not by hand
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d calls, want 3", len(reqs))
	}
	got := map[string]int{}
	for _, r := range reqs[1:] {
		got[r.Path] = len(seenIDs(t, r))
	}
	if got["/rest/integrationConfigurations"] != 6 || got["/rest/integrations"] != 4 {
		t.Errorf("round 2: %v, want 6 configurations and 4 integrations", got)
	}
}

// Job submissions and task polls come back on the provider's clock, not straight after an answer: their
// callers are not expected back, so they neither hold nor send other batches.
func TestCoalescingClockedCallersAreNotExpected(t *testing.T) {
	cfgs := configServer(t)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rest/simpleJobPostingTasks" {
			cfgs(w, r)
			return
		}
		results := map[string]any{}
		for _, k := range requestIDs(t, r) {
			results[k.Simple()] = map[string]any{"id": k.Simple(), "status": TaskSucceeded}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	var polls sync.WaitGroup
	for i := 0; i < 3; i++ {
		polls.Add(1)
		go func() {
			defer polls.Done()
			if _, err := c.JobPostings.GetTask(context.Background(), fmt.Sprintf("urn:li:simpleJobPostingTask:%d", i)); err != nil {
				t.Error(err)
			}
		}()
	}
	flushWhen(t, c.JobPostings.task, 3)
	polls.Wait()
	var reads sync.WaitGroup
	for i := 0; i < 3; i++ {
		reads.Add(1)
		go func() {
			defer reads.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("K%d", i))); err != nil {
				t.Error(err)
			}
		}()
	}
	flushWhenWaiting(t, c.Configurations.get, 3)
	if n := len(f.requests()); n != 1 {
		t.Errorf("three reads were taken for the three polls answered: %d calls", n)
	}
	flushWhen(t, c.Configurations.get, 3)
	reads.Wait()
}

// A caller that joins a clocked coalescer's batch is back all the same: three reads answered, two of their
// callers poll a task, and the third read that follows is the last one expected, so it goes at once.
func TestCoalescingClockedCallersCountAsBack(t *testing.T) {
	cfgs := configServer(t)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rest/simpleJobPostingTasks" {
			cfgs(w, r)
			return
		}
		results := map[string]any{}
		for _, k := range requestIDs(t, r) {
			results[k.Simple()] = map[string]any{"id": k.Simple(), "status": TaskSucceeded}
		}
		writeJSON(w, 200, map[string]any{"results": results, "errors": map[string]any{}})
	})
	c, _ := f.client(func(cfg *Config) { cfg.BatchWindow = hour })
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Configurations.Get(context.Background(), cfgKey(fmt.Sprintf("K%d", i))); err != nil {
				t.Error(err)
			}
			if i < 2 {
				if _, err := c.JobPostings.GetTask(context.Background(), fmt.Sprintf("urn:li:simpleJobPostingTask:%d", i)); err != nil {
					t.Error(err)
				}
				return
			}
			waitFor(c, func() bool { p := c.JobPostings.task.pending; return p != nil && p.waiters == 2 })
			if _, err := c.Configurations.Get(context.Background(), cfgKey("K2_again")); err != nil {
				t.Error(err)
			}
		}()
	}
	flushWhen(t, c.Configurations.get, 3)
	// The third read goes on its own (nobody flushes it here); the polls wait for their quiet period.
	waitFor(c, func() bool { return len(f.requests()) == 2 })
	flushWhen(t, c.JobPostings.task, 2)
	wg.Wait()
	if reqs := f.requests(); len(reqs) != 3 || reqs[1].Path != "/rest/integrationConfigurations" {
		t.Errorf("%d calls; the second: %s", len(reqs), reqs[1].Path)
	}
}
