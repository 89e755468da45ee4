// Command linkedin-emulator serves a local LinkedIn Talent Solutions API (internal/emulator) on one port:
// /oauth/v2/accessToken, /rest/..., /v2/... and the admin API /emulator/....
//
//	go run ./cmd/linkedin-emulator --addr 127.0.0.1:8080
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "linkedin-emulator:", err)
		os.Exit(1)
	}
}

// run parses flags, serves until ctx ends or SIGINT/SIGTERM arrives, and shuts down cleanly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("linkedin-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (loopback by default; port 0 picks a free port)")
	readyFile := fs.String("ready-file", "", "once listening, write the base URL to this file (atomically: it appears complete or not at all)")
	opts := emulator.Options{}
	fs.DurationVar(&opts.TaskDelay, "task-delay", 2*time.Second, "how long a job posting task stays IN_PROGRESS")
	fs.DurationVar(&opts.TokenLifetime, "token-lifetime", 30*time.Minute, "lifetime of issued access tokens")
	fs.StringVar(&opts.StateFile, "state", "", "persist state to this JSON file (atomically, after every change) and reload it at start")
	fs.DurationVar(&opts.WebhookRevalidateInterval, "webhook-revalidate", 2*time.Hour, "interval between webhook challenge validations")
	fs.DurationVar(&opts.WebhookRetryBase, "webhook-retry-base", time.Second, "first delay before a failed notification is retried (doubles up to 5m, for 24h)")
	fs.Float64Var(&opts.DeliveryRetryScale, "delivery-retry-scale", 1, "scale of the waits before an Apply Connect application is re-sent (1s, 5s, 30s, 2m, 10m, 1h); 0.001 makes them milliseconds")
	fs.Float64Var(&opts.ApplicantsPerMinute, "applicants-per-minute", 0, "applicants arriving on their own, per minute, at every job whose LinkedIn Apply is ENABLED (0: off)")
	fs.BoolVar(&opts.NoQuotas, "no-quotas", false, "turn off the daily per-application quotas")
	fs.Float64Var(&opts.Faults.ErrorRate, "fault-rate", 0, "share of API requests answered 500, 503 or 429")
	fs.BoolVar(&opts.Faults.RetryAfter, "fault-retry-after", false, "429 and 503 fault answers carry Retry-After: 1")
	fs.Float64Var(&opts.Faults.DropRate, "drop-rate", 0, "share of API requests whose connection is closed without an answer")
	fs.BoolVar(&opts.Faults.DropAfterApply, "drop-after-apply", false, "dropped requests take effect first (lost responses)")
	fs.DurationVar(&opts.Faults.Latency, "latency", 0, "latency added to every API request")
	fs.Int64Var(&opts.Faults.Seed, "seed", 0, "random seed of fault injection (0: random)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %v", fs.Args())
	}
	if opts.Faults.ErrorRate < 0 || opts.Faults.ErrorRate > 1 || opts.Faults.DropRate < 0 || opts.Faults.DropRate > 1 {
		return errors.New("--fault-rate and --drop-rate must be in [0,1]")
	}
	if opts.DeliveryRetryScale <= 0 || opts.ApplicantsPerMinute < 0 {
		return errors.New("--delivery-retry-scale must be above 0 and --applicants-per-minute at least 0")
	}

	// Signals are caught before the URL is printed: whoever reads that line may stop us at once, and a
	// SIGTERM must then still shut down cleanly (and flush the state file) rather than kill the process.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	emu, err := emulator.New(opts)
	if err != nil {
		return err
	}
	defer emu.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	base := "http://" + ln.Addr().String()
	if *readyFile != "" {
		// A CI script polls for this file: written only once the port accepts connections, and renamed into
		// place so that a reader never sees half a URL.
		if err := writeReadyFile(*readyFile, base); err != nil {
			_ = ln.Close()
			return err
		}
		defer os.Remove(*readyFile)
	}
	fmt.Fprintf(stdout, "linkedin-emulator listening on %s\n", base)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	err = emu.Close()
	// What the partner's sync did wrong, for the CI log (GET /emulator/audit has the details).
	fmt.Fprintln(stderr, "linkedin-emulator:", emu.AuditSummary())
	return err
}

// writeReadyFile writes the base URL to path through a temporary file in the same directory and a rename.
func writeReadyFile(path, base string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("--ready-file: %w", err)
	}
	_, werr := f.WriteString(base + "\n")
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("--ready-file: %w", errors.Join(werr, cerr))
	}
	if err := os.Rename(f.Name(), path); err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("--ready-file: %w", err)
	}
	return nil
}
