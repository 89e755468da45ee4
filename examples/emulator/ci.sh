#!/usr/bin/env bash
# Run a sync test against the LinkedIn emulator, as a CI job would: start the emulator, wait until it is
# ready, run the test, print the audit and fail the job when the audit holds findings.
set -euo pipefail

ready="$(mktemp -d)/linkedin-emulator.url"
linkedin-emulator --addr 127.0.0.1:0 --ready-file "$ready" &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT

# Readiness: the file appears, complete, once the emulator accepts connections.
for _ in $(seq 1 100); do
  [ -s "$ready" ] && break
  kill -0 "$emulator_pid" || { echo "linkedin-emulator exited" >&2; exit 1; }
  sleep 0.1
done
[ -s "$ready" ] || { echo "linkedin-emulator not ready after 10 s" >&2; exit 1; }
export LINKEDIN_BASE_URL="$(cat "$ready")"

python3 "$(dirname "$0")/sync_test.py"

# The audit: what LinkedIn would reject or hold against the sync. Fail the job on any finding.
audit="$(curl -fsS "$LINKEDIN_BASE_URL/emulator/audit")"
echo "$audit"
python3 -c 'import json,sys; sys.exit(1 if json.load(sys.stdin)["findings"] else 0)' <<<"$audit"
