package client

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestNextTick(t *testing.T) {
	base := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		now      time.Time
		interval time.Duration
		want     time.Time
	}{
		{base.Add(10 * time.Millisecond), 250 * time.Millisecond, base.Add(250 * time.Millisecond)},
		{base.Add(250 * time.Millisecond), 250 * time.Millisecond, base.Add(500 * time.Millisecond)},
		{base.Add(1300 * time.Millisecond), 1 * time.Second, base.Add(2 * time.Second)},
		{base.Add(3 * time.Second), 4 * time.Second, base.Add(4 * time.Second)},
		{base.Add(3 * time.Second), taskPollInterval(time.Hour), base.Add(4 * time.Second)},
	}
	for _, c := range cases {
		if got := nextTick(c.now, c.interval); !got.Equal(c.want) {
			t.Errorf("nextTick(%s, %s) = %s, want %s", c.now, c.interval, got, c.want)
		}
	}
}

// Every poll interval is a multiple of the shortest one and of the submission tick, so every tick of a
// longer interval is also a tick of the shorter ones: jobs at different stages wake at the same instants.
func TestTaskPollIntervalsShareOneGrid(t *testing.T) {
	prev := time.Duration(0)
	for _, elapsed := range []time.Duration{0, time.Second, 4 * time.Second, 15 * time.Second, time.Minute, time.Hour} {
		iv := taskPollInterval(elapsed)
		if iv%taskPollMin != 0 || iv%submitTick != 0 {
			t.Errorf("interval %s after %s is off the %s grid", iv, elapsed, taskPollMin)
		}
		if iv < prev {
			t.Errorf("interval %s after %s is shorter than the one before (%s)", iv, elapsed, prev)
		}
		prev = iv
		now := time.Date(2026, 11, 22, 12, 0, 0, int(123*time.Millisecond), time.UTC)
		if tick := nextTick(now, iv); tick.Sub(tick.Truncate(taskPollMin)) != 0 {
			t.Errorf("tick %s is not on the %s grid", tick, taskPollMin)
		}
	}
}

func TestWaitForTaskEndsWithContext(t *testing.T) {
	s := newJobServer(t)
	s.tasks["urn:li:simpleJobPostingTask:9"] = 1000
	c, _ := jobClient(t, s, nil)
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	c.sleep = func(ctx context.Context, d time.Duration) error {
		if polls++; polls == 3 {
			cancel()
		}
		return ctx.Err()
	}
	task, err := c.JobPostings.WaitForTask(ctx, "urn:li:simpleJobPostingTask:9")
	if task != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("WaitForTask after cancel = %+v, %v", task, err)
	}
}

func TestTaskOutcomes(t *testing.T) {
	cases := []struct {
		task                     JobPostingTask
		duplicate, alreadyClosed bool
	}{
		{JobPostingTask{Status: TaskFailed, ErrorMessage: "duplicate creation request: a job posting with externalJobPostingId R-1 already exists"}, true, false},
		{JobPostingTask{Status: TaskFailed, ErrorMessage: "Duplicate Creation Request"}, true, false},
		{JobPostingTask{Status: TaskFailed, ErrorMessage: "Cannot close job which is already closed or does not exist"}, false, true},
		{JobPostingTask{Status: TaskFailed, ErrorMessage: "Cannot RENEW job posting R-1: the job does not exist"}, false, true},
		{JobPostingTask{Status: TaskFailed, ErrorMessage: "JOB_FIELD_PROCESSOR_GEO_LOCATION: cannot standardize 'Atlantis, XX'"}, false, false},
		{JobPostingTask{Status: TaskSucceeded, ErrorMessage: "duplicate creation request"}, false, false},
		{JobPostingTask{Status: TaskProcessed}, false, false},
	}
	for _, c := range cases {
		if got := c.task.IsDuplicateCreate(); got != c.duplicate {
			t.Errorf("%s %q: IsDuplicateCreate = %v", c.task.Status, c.task.ErrorMessage, got)
		}
		if got := c.task.IsAlreadyClosed(); got != c.alreadyClosed {
			t.Errorf("%s %q: IsAlreadyClosed = %v", c.task.Status, c.task.ErrorMessage, got)
		}
	}
}

func TestIsAlreadyClosed(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&Error{HTTPStatus: 409, Message: "Cannot close job which is already closed or does not exist"}, true},
		{&Error{HTTPStatus: 409, Message: "Conflict"}, true},
		{&Error{HTTPStatus: 404, Message: "The job posting does not exist"}, true},
		{&Error{HTTPStatus: 422, Message: "listedAt is in the future"}, false},
		{errors.New("connection reset"), false},
		{nil, false},
	}
	for _, c := range cases {
		if got := IsAlreadyClosed(c.err); got != c.want {
			t.Errorf("IsAlreadyClosed(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
