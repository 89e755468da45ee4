package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// lineWriter hands the first line run prints to the test.
type lineWriter struct{ lines chan string }

func (w lineWriter) Write(p []byte) (int, error) {
	sc := bufio.NewScanner(strings.NewReader(string(p)))
	for sc.Scan() {
		w.lines <- sc.Text()
	}
	return len(p), nil
}

func TestRunServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := lineWriter{lines: make(chan string, 4)}
	done := make(chan error, 1)
	state := filepath.Join(t.TempDir(), "state.json")
	go func() {
		done <- run(ctx, []string{"--addr", "127.0.0.1:0", "--task-delay", "10ms", "--state", state, "--seed", "1"}, out, io.Discard)
	}()
	line := <-out.lines
	base, ok := strings.CutPrefix(line, "linkedin-emulator listening on ")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("first line %q", line)
	}
	resp, err := http.PostForm(base+"/oauth/v2/accessToken", url.Values{"grant_type": {"client_credentials"},
		"client_id": {"emulator-child"}, "client_secret": {"emulator-child-secret"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("token: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--fault-rate", "2"}, {"--nope"}, {"extra"}, {"--delivery-retry-scale", "0"}, {"--applicants-per-minute", "-1"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

// TestRunStopsOnSIGTERM: a SIGTERM sent as soon as the URL is printed stops the emulator cleanly (exit
// without error, state written) instead of killing the process.
func TestRunStopsOnSIGTERM(t *testing.T) {
	out := lineWriter{lines: make(chan string, 4)}
	done := make(chan error, 1)
	state := filepath.Join(t.TempDir(), "state.json")
	go func() {
		done <- run(context.Background(), []string{"--addr", "127.0.0.1:0", "--state", state}, out, io.Discard)
	}()
	<-out.lines
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state file: %v", err)
	}
}
