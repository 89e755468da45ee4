package emulator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// jsClientDir holds the smoke test that drives the emulator with LinkedIn's official JavaScript client (npm
// package linkedin-api-client, pinned in its package-lock.json). See smoke.mjs for what it covers.
const jsClientDir = "testdata/jsclient"

// jsClientStamp, inside node_modules, records the hash of the manifests node_modules was installed from.
const jsClientStamp = ".emulator-installed-from"

// TestOfficialJSClient runs testdata/jsclient/smoke.mjs against an in-process emulator. It needs node and npm
// (skipped without them) and, the first time, the npm registry for `npm ci`.
//
// node_modules lives in testdata/jsclient itself (ignored by git) rather than in t.TempDir: the script must
// sit next to its node_modules for node to resolve the client, the install is then done once per checkout
// instead of once per run (an offline re-run still works), and a developer can run `node smoke.mjs` there by
// hand. A stamp of package.json and package-lock.json tells when the install is stale. Go ignores testdata,
// so the JavaScript files never reach `go vet` or `go build`.
func TestOfficialJSClient(t *testing.T) {
	node, nerr := exec.LookPath("node")
	npm, perr := exec.LookPath("npm")
	if nerr != nil || perr != nil {
		t.Skip("node and npm are needed to run LinkedIn's JavaScript client against the emulator; not found in PATH")
	}
	dir, err := filepath.Abs(jsClientDir)
	if err != nil {
		t.Fatal(err)
	}
	ensureNodeModules(t, npm, dir)

	v := newTestEnv(t, Options{TaskDelay: 50 * time.Millisecond})
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "smoke.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LINKEDIN_EMULATOR_URL="+v.url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node smoke.mjs: %v\n%s", err, out)
	}
	t.Logf("node smoke.mjs:\n%s", out)
}

// ensureNodeModules runs `npm ci` in dir unless node_modules was installed from the current manifests.
func ensureNodeModules(t *testing.T, npm, dir string) {
	t.Helper()
	h := sha256.New()
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	want := []byte(hex.EncodeToString(h.Sum(nil)))
	stamp := filepath.Join(dir, "node_modules", jsClientStamp)
	if got, err := os.ReadFile(stamp); err == nil && bytes.Equal(bytes.TrimSpace(got), want) {
		return
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "npm_config_update_notifier=false")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s (needs the npm registry): %v\n%s", dir, err, out)
	}
	if err := os.WriteFile(stamp, append(want, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
