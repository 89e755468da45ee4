# shellcheck shell=bash
# Shared setup of the Terraform-level benchmarks (bench/*/run.sh), sourced after `cd` to the repository root:
# a scratch directory removed on exit, the emulator on a free loopback port, Terraform pointed at a freshly
# built provider with dev_overrides (nothing is downloaded), and the emulator's request counts around a phase.
# Needs curl and python3.

export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

# bench_workdir NAME: a scratch directory in $WORK, and an exit trap that stops the emulator and removes it.
bench_workdir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/linkedin-bench-$1.XXXXXX")
  EMU_PID=""
  trap bench_cleanup EXIT INT TERM
}

bench_cleanup() {
  if [ -n "$EMU_PID" ] && kill -0 "$EMU_PID" 2>/dev/null; then kill "$EMU_PID"; wait "$EMU_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}

# bench_start_emulator BINARY FLAGS...: starts the emulator on a free loopback port; sets EMU_PID and URL.
bench_start_emulator() {
  local bin=$1
  shift
  "$bin" --addr 127.0.0.1:0 "$@" >"$WORK/emulator.log" 2>&1 &
  EMU_PID=$!
  URL=""
  for _ in $(seq 1 100); do
    URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/emulator.log" | head -1 || true)
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  cat "$WORK/emulator.log" >&2
  return 1
}

# bench_dev_overrides DIR: Terraform takes terraform-linkedin/linkedin from DIR, without terraform init.
bench_dev_overrides() {
  cat >"$WORK/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "terraform-linkedin/linkedin" = "$1"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE="$WORK/terraformrc"
}

# bench_child_provider EXTRA: the provider block of the emulator's seeded child application, plus EXTRA.
bench_child_provider() {
  cat <<TF
terraform {
  required_providers {
    linkedin = { source = "terraform-linkedin/linkedin" }
  }
}

provider "linkedin" {
  api_url       = "$URL"
  oauth_url     = "$URL/oauth/v2"
  client_id     = "emulator-child"
  client_secret = "emulator-child-secret"
  $1
}
TF
}

# bench_snap NAME: the emulator's request counts now (GET /emulator/requests). Counts are differenced between
# snapshots: POST /emulator/reset would also reset the emulator's state.
bench_snap() { curl -sS "$URL/emulator/requests" >"$WORK/$1.json"; }

# bench_calls BEFORE AFTER [LABEL]: the API calls the emulator served between two snapshots, by endpoint and
# Rest.li method: one line per endpoint prefixed by LABEL, or without LABEL a single line.
bench_calls() {
  python3 - "$WORK/$1.json" "$WORK/$2.json" "${3:-}" <<'PY'
import json, sys
a, b, label = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
key = lambda r: (r["method"], r["path"], r["restliMethod"])
before = {key(r): r["count"] for r in a["requests"]}
parts = [(r["count"] - before.get(key(r), 0), f"{r['method']} {r['path']} {r['restliMethod']}") for r in b["requests"]]
parts = [(n, what) for n, what in parts if n]
total = b["total"] - a["total"]
if label:
    for n, what in parts:
        print(f"    {label:8} {n:5} x {what}")
    print(f"    {label:8} {total:5} calls in all")
else:
    print(f"{total} calls ({', '.join(f'{n} {what}' for n, what in parts) or 'none'})")
PY
}
