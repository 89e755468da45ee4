// Command apply-connect-receiver is the start of an Apply Connect application webhook: the endpoint a job
// posting names as its onsiteApplyConfiguration.jobApplicationWebhookUrl. It answers LinkedIn's validation
// challenge, checks the X-LI-Signature of every delivery, stores each application and Job Status Change
// Notification once (LinkedIn re-sends anything not answered 200), and prints each new one.
//
// It uses only Go's standard library, so it can be copied out of this repository as it is. README.md in this
// directory says how to run it and what a production receiver must add.
//
//	LINKEDIN_CLIENT_SECRET=emulator-child-secret go run ./examples/apply-connect-receiver -addr 127.0.0.1:0 -out applications.jsonl
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "apply-connect-receiver:", err)
		}
		os.Exit(2)
	}
}

// run serves until ctx is done (SIGINT or SIGTERM), then shuts down gracefully: requests being handled
// finish, so nothing LinkedIn is told was stored is lost.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("apply-connect-receiver", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8090", "listen address (port 0 picks a free port)")
	out := flags.String("out", "", "append each new application and status notification to this file, one JSON line each")
	readyFile := flags.String("ready-file", "", "once listening, write the base URL to this file (atomically)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	secret := getenv("LINKEDIN_CLIENT_SECRET")
	if secret == "" {
		return errNoSecret
	}

	store, err := OpenStore(*out, stdout)
	if err != nil {
		return err
	}
	defer store.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	srv := &http.Server{
		Handler:           &Receiver{Secret: []byte(secret), Store: store, Log: log.New(stderr, "", log.LstdFlags)},
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	fmt.Fprintf(stdout, "listening on %s\n", url)
	if *readyFile != "" {
		if err := writeAtomically(*readyFile, url+"\n"); err != nil {
			_ = srv.Close()
			return fmt.Errorf("writing the ready file: %w", err)
		}
		defer os.Remove(*readyFile)
	}

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "apply-connect-receiver: stopped")
	return nil
}

// writeAtomically writes content to a temporary file next to path and renames it, so that a reader sees
// the whole content or no file.
func writeAtomically(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(content); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
