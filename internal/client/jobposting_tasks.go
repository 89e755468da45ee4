package client

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Listing statuses of jobPostingStatus
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status).
const (
	ListingListed     = "LISTED"
	ListingNotListed  = "NOT_LISTED"
	ListingInProgress = "IN_PROGRESS"
)

// Submissions and task polls aligned to a shared clock.
//
// The service coalesces concurrent single-job calls that arrive within its batch window (10 ms by default).
// Terraform starts the creates of many job postings a few milliseconds apart (more under load), and a poller
// that backs off from the moment each caller started drifts apart from the others, so polls rarely share a
// batch. Instead, every submission waits for the next submitTick boundary on the wall clock, and every
// waiter sleeps until the next multiple of its poll interval; intervals are powers of two of 250 ms, so jobs
// at different stages still wake at the same instants. Concurrent jobs therefore share batch_create calls
// and batch_get task reads (up to 100 each); their tasks finish on the same poll, Terraform starts the next
// jobs together, and those share a batch too. The cost is at most 250 ms per operation.
const (
	submitTick  = 250 * time.Millisecond
	taskPollMin = 250 * time.Millisecond
)

// taskPollInterval is how long to wait between polls of a task that has been waited on for elapsed: quick at
// first (LinkedIn usually takes seconds), slower for long tasks (LinkedIn allows up to five minutes).
func taskPollInterval(elapsed time.Duration) time.Duration {
	switch {
	case elapsed < time.Second:
		return taskPollMin
	case elapsed < 4*time.Second:
		return 500 * time.Millisecond
	case elapsed < 15*time.Second:
		return time.Second
	case elapsed < time.Minute:
		return 2 * time.Second
	}
	return 4 * time.Second
}

// nextTick is the first multiple of interval (since the Unix epoch) after now.
func nextTick(now time.Time, interval time.Duration) time.Time {
	return now.Truncate(interval).Add(interval)
}

// sleepUntilTick waits until the next multiple of interval on the wall clock, or until ctx ends.
func (s *JobPostingsService) sleepUntilTick(ctx context.Context, interval time.Duration) error {
	return s.c.sleep(ctx, time.Until(nextTick(time.Now(), interval)))
}

// WaitForTask polls a task (coalesced with other callers' polls, on the shared clock above) until it is no
// longer IN_PROGRESS or ctx ends. Transient failures of a poll are retried by the client until ctx's deadline.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-taskstatus
func (s *JobPostingsService) WaitForTask(ctx context.Context, taskURN string) (*JobPostingTask, error) {
	start := time.Now()
	for {
		if err := s.sleepUntilTick(ctx, taskPollInterval(time.Since(start))); err != nil {
			return nil, err
		}
		t, err := s.GetTask(ctx, taskURN)
		if err != nil {
			return nil, err
		}
		if t.Done() {
			return t, nil
		}
	}
}

// WaitForLinkedInApply polls a job's jobPostingStatus (coalesced with other callers' reads, on the shared
// clock above) while its LinkedIn Apply status is IN_PROGRESS: after a CREATE, UPDATE or RENEW of an Apply
// Connect job, LinkedIn checks the questions and calls the webhook before it enables LinkedIn Apply
// (error code 1156 meanwhile). It returns the first status that is no longer IN_PROGRESS. When ctx ends first,
// it returns the last status read (nil if none) with ctx's error.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status
func (s *JobPostingsService) WaitForLinkedInApply(ctx context.Context, externalID string) (*JobPostingStatus, error) {
	start := time.Now()
	var last *JobPostingStatus
	for {
		st, err := s.GetStatus(ctx, externalID)
		if err != nil {
			if ctx.Err() != nil {
				return last, ctx.Err()
			}
			return nil, err
		}
		if st.LinkedInApplyStatus != LinkedInApplyInProgress {
			return st, nil
		}
		last = st
		if err := s.sleepUntilTick(ctx, taskPollInterval(time.Since(start))); err != nil {
			return last, err
		}
	}
}

// What LinkedIn writes in a task's errorMessage, or in the answer to a submission, for the outcomes below. LinkedIn
// gives these outcomes no code of their own
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-taskstatus), so the message
// text is the only signal; it is matched without regard to case.
var (
	duplicateCreateMessages = []string{"duplicate creation request"}
	alreadyClosedMessages   = []string{"already closed", "does not exist", "cannot close job"}
)

// IsDuplicateCreate reports whether LinkedIn refused a CREATE because it already has a job with this
// externalJobPostingId for the application (the task FAILED with "duplicate creation request").
func (t JobPostingTask) IsDuplicateCreate() bool {
	return t.Status == TaskFailed && containsAnyFold(t.ErrorMessage, duplicateCreateMessages)
}

// IsAlreadyClosed reports whether a CLOSE task FAILED because the job is already closed or LinkedIn does not
// know it: the outcome a CLOSE wants.
func (t JobPostingTask) IsAlreadyClosed() bool {
	return t.Status == TaskFailed && containsAnyFold(t.ErrorMessage, alreadyClosedMessages)
}

// IsAlreadyClosed reports whether LinkedIn refused a CLOSE submission because the job is already closed or
// does not exist: a 409 answer (LinkedIn's "Cannot close job which is already closed or does not exist"), or
// another error answer saying so.
func IsAlreadyClosed(err error) bool {
	if IsConflict(err) {
		return true
	}
	var e *Error
	return errors.As(err, &e) && containsAnyFold(e.Message, alreadyClosedMessages)
}

func containsAnyFold(s string, subs []string) bool {
	s = strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
