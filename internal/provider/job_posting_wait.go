package provider

import (
	"context"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// Submissions and task polls aligned to a shared clock.
//
// client.JobPostingsService coalesces concurrent single-job calls that arrive within its batch window (10 ms
// by default). Terraform starts the creates of many job postings a few milliseconds apart (more under load),
// and WaitForTask backs off from the moment each caller started, so polls drift apart and rarely share a
// batch. Here every submission waits for the next jpSubmitTick boundary on the wall clock, and every waiter
// sleeps until the next multiple of its poll interval; intervals are powers of two of 250 ms, so jobs at
// different stages still wake at the same instants. Concurrent jobs therefore share batch_create calls and
// batch_get task reads (up to 100 each); their tasks finish on the same poll, Terraform starts the next jobs
// together, and those share a batch too. The cost is at most 250 ms per operation.
const (
	jpSubmitTick  = 250 * time.Millisecond
	jpTaskPollMin = 250 * time.Millisecond
)

// jpPollInterval is how long to wait between polls of a task that has been waited on for elapsed: quick at
// first (LinkedIn usually takes seconds), slower for long tasks.
func jpPollInterval(elapsed time.Duration) time.Duration {
	switch {
	case elapsed < time.Second:
		return jpTaskPollMin
	case elapsed < 4*time.Second:
		return 500 * time.Millisecond
	case elapsed < 15*time.Second:
		return time.Second
	case elapsed < time.Minute:
		return 2 * time.Second
	}
	return 4 * time.Second
}

// jpSubmit sends one job posting at the next submission tick (coalesced by the client).
func jpSubmit(ctx context.Context, c *client.Client, job client.JobPosting) (string, error) {
	if err := jpSleepUntil(ctx, jpNextTick(time.Now(), jpSubmitTick)); err != nil {
		return "", err
	}
	return c.JobPostings.Submit(ctx, job)
}

// jpWaitForTask polls a task until it is no longer IN_PROGRESS or ctx ends.
func jpWaitForTask(ctx context.Context, c *client.Client, taskURN string) (*client.JobPostingTask, error) {
	start := time.Now()
	for {
		if err := jpSleepUntil(ctx, jpNextTick(time.Now(), jpPollInterval(time.Since(start)))); err != nil {
			return nil, err
		}
		t, err := c.JobPostings.GetTask(ctx, taskURN)
		if err != nil {
			return nil, err
		}
		if t.Done() {
			return t, nil
		}
	}
}

// jpNextTick is the first multiple of interval (since the Unix epoch) after now.
func jpNextTick(now time.Time, interval time.Duration) time.Time {
	return now.Truncate(interval).Add(interval)
}

func jpSleepUntil(ctx context.Context, t time.Time) error {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
