#!/usr/bin/env bash
# Terraform-level benchmark of integration configurations: N linkedin_integration_configuration resources
# (default 500, CALLBACK_URL of ONE_CLICK_EXPORT on N organizations of the seeded child application) applied
# with -parallelism=P (default 10) against the emulator with added latency (default 50 ms), then the no-op
# plan run RUNS times (default 5). For each phase it prints the wall time, the API calls the emulator served
# (GET /emulator/requests), by endpoint and Rest.li method, the CPU time of Terraform with its children, and
# the CPU time and peak RSS of the provider processes Terraform started.
#
#   bench/plan/run.sh                                              # 500 configurations, P=10, 50 ms, 5 plans
#   LATENCY=0s RUNS=3 bench/plan/run.sh                            # Terraform's own floor
#   EXTRA_PROVIDER='disable_coalescing = true' bench/plan/run.sh   # one call per resource
#   PROFILE=/tmp/prof bench/plan/run.sh                            # also write a CPU profile of each provider process
#   PROVIDER_SRC=/tmp/old bench/plan/run.sh                        # build the provider from another checkout
#   PROVIDER_ENV='TF_LOG_SDK=TRACE' bench/plan/run.sh              # environment of the provider processes only
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIGS=${CONFIGS:-500}
PARALLELISM=${PARALLELISM:-10}
LATENCY=${LATENCY:-50ms}
RUNS=${RUNS:-5}
EXTRA_PROVIDER=${EXTRA_PROVIDER:-}
PROFILE=${PROFILE:-}
PROVIDER_SRC=${PROVIDER_SRC:-.}
PROVIDER_ENV=${PROVIDER_ENV:-}
source bench/lib.sh
# Logging variables would change what is measured; the benchmark runs Terraform as a user does by default.
for v in $(env | grep -o '^TF_LOG[A-Z_]*' || true); do unset "$v"; done

bench_workdir plan
mkdir -p "$WORK/real" "$WORK/bin" "$WORK/tf" "$WORK/rusage"
if [ -n "$PROFILE" ]; then
  mkdir -p "$PROFILE"
  (cd "$PROVIDER_SRC" && go build -tags pprof -o "$WORK/real/terraform-provider-linkedin" .)
else
  (cd "$PROVIDER_SRC" && go build -o "$WORK/real/terraform-provider-linkedin" .)
fi
go build -o "$WORK/real/linkedin-emulator" ./cmd/linkedin-emulator

# Terraform starts the provider from the dev_overrides directory; this wrapper runs the real binary under
# /usr/bin/time so that each provider process's CPU time and peak RSS are recorded when it exits.
cat >"$WORK/bin/terraform-provider-linkedin" <<SH
#!/bin/sh
export LINKEDIN_PROVIDER_CPUPROFILE="${PROFILE:+$PROFILE/provider.\$\$.pprof}" $PROVIDER_ENV
exec /usr/bin/time -f '%e %U %S %M' -o "$WORK/rusage/\$\$" "$WORK/real/terraform-provider-linkedin" "\$@"
SH
chmod +x "$WORK/bin/terraform-provider-linkedin"

bench_start_emulator "$WORK/real/linkedin-emulator" --latency "$LATENCY" --no-quotas

# The customers enable ONE_CLICK_EXPORT for the child application (admin API: not counted, never delayed).
python3 - "$URL" "$CONFIGS" <<'PY'
import http.client, json, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
conn = http.client.HTTPConnection(u.hostname, u.port)
for i in range(int(sys.argv[2])):
    body = json.dumps({"application": "urn:li:developerApplication:1001",
                       "integrationContext": f"urn:li:organization:{5000 + i}",
                       "integrationType": "ONE_CLICK_EXPORT", "tenantType": "RECRUITER", "status": "ENABLED"})
    conn.request("POST", "/emulator/integrations", body, {"Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    if r.status != 200:
        sys.exit(f"enabling integration {i}: HTTP {r.status}")
PY

bench_dev_overrides "$WORK/bin"

{
  bench_child_provider "$EXTRA_PROVIDER"
  cat <<TF

resource "linkedin_integration_configuration" "cb" {
  count = $CONFIGS

  integration_context = format("urn:li:organization:%d", 5000 + count.index)
  integration_type    = "ONE_CLICK_EXPORT"
  name                = "CALLBACK_URL"
  value               = format("https://ats.example.com/linkedin/callback/%d", count.index)
}
TF
} >"$WORK/tf/main.tf"

# phase LABEL CMD...: runs a Terraform command under /usr/bin/time and prints one line of figures.
phase() {
  local label=$1 t0 t1 rc
  shift
  rm -f "$WORK/rusage/"*
  bench_snap before
  t0=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%U %S' -o "$WORK/tf.time" "$@" >"$WORK/phase.log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s.%N)
  bench_snap after
  case "$label:$rc" in apply*:0 | plan*:0) ;; *) tail -40 "$WORK/phase.log"; echo "$label: exit $rc" >&2; exit 1 ;; esac
  sleep 0.2 # the provider processes' /usr/bin/time reports
  python3 - "$label" "$t0" "$t1" "$WORK/tf.time" "$WORK/rusage" "$(bench_calls before after)" <<'PY'
import os, sys
label, t0, t1, tftime, rdir, calls = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
u, s = map(float, open(tftime).read().split()[-2:])
procs = [open(os.path.join(rdir, f)).read().split()[-4:] for f in sorted(os.listdir(rdir))]
pcpu = sum(float(p[1]) + float(p[2]) for p in procs)
prss = max((int(p[3]) for p in procs), default=0) / 1024
print(f"  {label:8} {t1 - t0:6.2f} s  {calls}")
print(f"  {'':8} CPU: terraform+providers {u + s:5.2f} s, providers {pcpu:5.2f} s ({len(procs)} processes), provider peak RSS {prss:.0f} MiB")
PY
}

cd "$WORK/tf"
echo "bench/plan: $CONFIGS integration configurations, -parallelism=$PARALLELISM, latency $LATENCY, provider ${EXTRA_PROVIDER:-defaults}"
echo "  load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
phase apply terraform apply -auto-approve -parallelism="$PARALLELISM" -compact-warnings -no-color
for i in $(seq 1 "$RUNS"); do
  phase "plan $i" terraform plan -detailed-exitcode -parallelism="$PARALLELISM" -compact-warnings -no-color
done
echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
