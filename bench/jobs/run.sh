#!/usr/bin/env bash
# Benchmark of job postings through Terraform: `terraform apply` of N job postings (default 200) against the
# emulator, with Terraform's default parallelism (10) and with -parallelism=100. For each run it prints the wall time of the
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
source bench/lib.sh

bench_workdir jobs
mkdir -p "$WORK/bin" "$WORK/tf"
go build -o "$WORK/bin/terraform-provider-linkedin" .
go build -o "$WORK/bin/linkedin-emulator" ./cmd/linkedin-emulator
bench_start_emulator "$WORK/bin/linkedin-emulator" --task-delay "$TASK_DELAY" --no-quotas
bench_dev_overrides "$WORK/bin"

{
  bench_child_provider "$EXTRA_PROVIDER"
  cat <<TF

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
} >"$WORK/tf/main.tf"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

cd "$WORK/tf"
echo "bench/jobs: $JOBS job postings, emulator task delay $TASK_DELAY, provider ${EXTRA_PROVIDER:-defaults}"
for p in $PARALLELISM; do
  curl -sS -X POST "$URL/emulator/reset" >/dev/null
  rm -f terraform.tfstate terraform.tfstate.backup
  echo
  echo "== terraform apply -parallelism=$p"
  bench_snap s0
  t0=$(now); terraform apply -auto-approve -parallelism="$p" -compact-warnings >"$WORK/apply.log" 2>&1 || { tail -50 "$WORK/apply.log"; exit 1; }; t1=$(now)
  bench_snap s1
  echo "  apply (CREATE $JOBS jobs, wait for their tasks): $(secs "$t0" "$t1")"; bench_calls s0 s1 apply
  t0=$(now); terraform plan -detailed-exitcode -parallelism="$p" -compact-warnings >"$WORK/plan.log" 2>&1 || { tail -50 "$WORK/plan.log"; exit 1; }; t1=$(now)
  bench_snap s2
  echo "  plan (refresh of $JOBS jobs, no changes): $(secs "$t0" "$t1")"; bench_calls s1 s2 plan
  t0=$(now); terraform destroy -auto-approve -parallelism="$p" -refresh=false -compact-warnings >"$WORK/destroy.log" 2>&1 || { tail -50 "$WORK/destroy.log"; exit 1; }; t1=$(now)
  bench_snap s3
  echo "  destroy (CLOSE $JOBS jobs, wait for their tasks): $(secs "$t0" "$t1")"; bench_calls s2 s3 destroy
done
