package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadyFile: --ready-file holds the base URL once the emulator listens, and is removed at shutdown.
func TestReadyFile(t *testing.T) {
	ready := filepath.Join(t.TempDir(), "url")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--addr", "127.0.0.1:0", "--ready-file", ready}, io.Discard, io.Discard)
	}()
	var base string
	for deadline := time.Now().Add(time.Minute); base == ""; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no ready file")
		}
		b, _ := os.ReadFile(ready)
		base = strings.TrimSpace(string(b))
	}
	resp, err := http.Get(base + "/emulator/audit")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("audit: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ready); !os.IsNotExist(err) {
		t.Fatalf("ready file left behind: %v", err)
	}
}

// TestGuideCIRecipe runs the CI recipe of docs/guides/emulator.md (examples/emulator/ci.sh, which the guide
// includes verbatim) with a freshly built binary: start, wait until ready, sync, read the audit.
func TestGuideCIRecipe(t *testing.T) {
	for _, tool := range []string{"bash", "python3", "curl", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the guide's CI recipe needs %s, which is not in PATH", tool)
		}
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "linkedin-emulator"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join("..", "..", "examples", "emulator", "ci.sh"))
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ci.sh: %v\n%s", err, out)
	}
	for _, want := range []string{"sync test passed", `"findings":[]`, "sync audit: no findings"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("ci.sh output lacks %q:\n%s", want, out)
		}
	}
}
