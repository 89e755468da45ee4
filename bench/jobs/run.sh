#!/usr/bin/env bash
# Benchmark of job postings through Terraform: `terraform apply` of N job postings (default 200) against the emulator, with
# Terraform's default parallelism (10) and with -parallelism=100. For each run it prints the wall time of the
# apply, of a follow-up plan (refresh of every job) and of the destroy, and the API calls the emulator served
# in each phase, by endpoint and Rest.li method (GET /emulator/requests).
#
#   bench/jobs/run.sh                      # 200 jobs, parallelism 10 and 100, task delay 2s
#   JOBS=500 PARALLELISM="10 50 100" TASK_DELAY=500ms bench/jobs/run.sh
#   EXTRA_PROVIDER='disable_coalescing = true' bench/jobs/run.sh   # the same without the client's coalescing
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${JOBS:-200}
PARALLELISM=${PARALLELISM:-"10 100"}
TASK_DELAY=${TASK_DELAY:-2s}
EXTRA_PROVIDER=${EXTRA_PROVIDER:-}
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/linkedin-bench-jobs.XXXXXX")
EMU_PID=""
cleanup() {
  if [ -n "$EMU_PID" ] && kill -0 "$EMU_PID" 2>/dev/null; then kill "$EMU_PID"; wait "$EMU_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

mkdir -p "$WORK/bin" "$WORK/tf"
go build -o "$WORK/bin/terraform-provider-linkedin" .
go build -o "$WORK/bin/linkedin-emulator" ./cmd/linkedin-emulator
"$WORK/bin/linkedin-emulator" --addr 127.0.0.1:0 --task-delay "$TASK_DELAY" --no-quotas >"$WORK/emulator.log" 2>&1 &
EMU_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/emulator.log" | head -1 || true)
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { cat "$WORK/emulator.log" >&2; exit 1; }

cat >"$WORK/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "terraform-linkedin/linkedin" = "$WORK/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$WORK/terraformrc"

cat >"$WORK/tf/main.tf" <<TF
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
  $EXTRA_PROVIDER
}

resource "linkedin_job_posting" "job" {
  count = $JOBS

  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = format("BENCH-%04d", count.index)
  title                   = "Engineer \${count.index}"
  description             = "A benchmark job posting with a description long enough for LinkedIn's minimum of one hundred characters."
  location                = "Mountain View, CA"
  company_apply_url       = "https://careers.example.com/jobs/\${count.index}"
  listed_at               = "2026-01-05T09:00:00Z"
}
TF

snap() { curl -sS "$URL/emulator/requests" >"$WORK/$1.json"; }
calls() { # label before after: the API calls the emulator served between two snapshots, by endpoint
  python3 - "$1" "$WORK/$2.json" "$WORK/$3.json" <<'PY'
import json, sys
label, a, b = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
key = lambda r: (r["method"], r["path"], r["restliMethod"])
before = {key(r): r["count"] for r in a["requests"]}
for r in b["requests"]:
    n = r["count"] - before.get(key(r), 0)
    if n:
        print(f"    {label:8} {n:5} x {r['method']} {r['path']} {r['restliMethod']}")
print(f"    {label:8} {b['total'] - a['total']:5} calls in all")
PY
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

cd "$WORK/tf"
echo "bench/jobs: $JOBS job postings, emulator task delay $TASK_DELAY, provider ${EXTRA_PROVIDER:-defaults}"
for p in $PARALLELISM; do
  curl -sS -X POST "$URL/emulator/reset" >/dev/null
  rm -f terraform.tfstate terraform.tfstate.backup
  echo
  echo "== terraform apply -parallelism=$p"
  snap s0
  t0=$(now); terraform apply -auto-approve -parallelism="$p" -compact-warnings >"$WORK/apply.log" 2>&1 || { tail -50 "$WORK/apply.log"; exit 1; }; t1=$(now)
  snap s1
  echo "  apply (CREATE $JOBS jobs, wait for their tasks): $(secs "$t0" "$t1")"; calls apply s0 s1
  t0=$(now); terraform plan -detailed-exitcode -parallelism="$p" -compact-warnings >"$WORK/plan.log" 2>&1 || { tail -50 "$WORK/plan.log"; exit 1; }; t1=$(now)
  snap s2
  echo "  plan (refresh of $JOBS jobs, no changes): $(secs "$t0" "$t1")"; calls plan s1 s2
  t0=$(now); terraform destroy -auto-approve -parallelism="$p" -refresh=false -compact-warnings >"$WORK/destroy.log" 2>&1 || { tail -50 "$WORK/destroy.log"; exit 1; }; t1=$(now)
  snap s3
  echo "  destroy (CLOSE $JOBS jobs, wait for their tasks): $(secs "$t0" "$t1")"; calls destroy s2 s3
done
