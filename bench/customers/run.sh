#!/usr/bin/env bash
# make bench-customers: many customers in one Terraform configuration against the emulator.
#
# N customers (default 300), each with a provisioned child application, two enabled integrations
# (One-Click Export, In-ATS Indicator), three configuration keys and one job posting, applied with
# examples/many-customers (one provider process for every customer, the provider's `customers` map); then
# ALIAS_N customers (default 100) the same way and laid out the old way, one aliased provider block per
# customer (generated HCL, gen.py), for comparison. For every phase it prints the wall time, the API calls the
# emulator served by endpoint (GET /emulator/requests, between snapshots) and the token calls (counted by
# oauth_count.py, which the provider's oauth_url points at), and the provider processes sampled every 0.1 s
# (procs.py): how many, and the peak RSS of all of them together.
#
#   bench/customers/run.sh                         # 300 customers; 100 in both layouts
#   N=50 ALIAS_N=20 bench/customers/run.sh         # a quick look
#   ALIAS_N=0 bench/customers/run.sh               # without the comparison
#   PLANS=5 TASK_DELAY=2s PARALLELISM=10 bench/customers/run.sh
#   PROFILE=/tmp/prof ALIAS_N=0 bench/customers/run.sh  # also a CPU profile of each provider process
#
# Phases of every run: provision (apply: the child applications), then every customer enables its integrations
# in LinkedIn (emulator admin API), configure (apply: integrations, configuration keys, jobs), and PLANS no-op
# plans (a refresh of everything; the median is reported). Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${N:-300}
ALIAS_N=${ALIAS_N:-100}
PLANS=${PLANS:-3}
TASK_DELAY=${TASK_DELAY:-500ms}
PARALLELISM=${PARALLELISM:-10}
PROFILE=${PROFILE:-}
[ -z "$PROFILE" ] || { mkdir -p "$PROFILE" && PROFILE=$(cd "$PROFILE" && pwd); } # the provider runs in Terraform's directories
source bench/lib.sh
# Logging variables would change what is measured (the provider logs nothing unless a TF_LOG variable asks):
# the benchmark runs Terraform as a user does by default.
for v in $(env | grep -o '^TF_LOG[A-Z_]*' || true); do unset "$v"; done
command -v terraform >/dev/null || { echo "bench/customers: terraform is required on PATH; nothing is downloaded" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench/customers: python3 is required (gen.py, procs.py, oauth_count.py)" >&2; exit 1; }

bench_workdir customers
PROXY_PID="" SAMPLER_PID=""
stop() { if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() { # bench_cleanup (the emulator, $WORK), after the sampler and the token counter
  local rc=$?
  stop "$SAMPLER_PID"
  stop "$PROXY_PID"
  bench_cleanup
  [ "$rc" -eq 0 ] || echo "bench/customers FAILED (exit $rc)" >&2
  exit "$rc"
}
trap cleanup EXIT INT TERM

echo "» building the provider and the emulator"
mkdir -p "$WORK/bin"
if [ -n "$PROFILE" ]; then # pprof.go: each provider process writes its profile where the variable says
  go build -tags pprof -o "$WORK/bin/terraform-provider-linkedin" .
  export LINKEDIN_PROVIDER_CPUPROFILE="$PROFILE/provider.{pid}.pprof"
else
  go build -o "$WORK/bin/terraform-provider-linkedin" .
fi
go build -o "$WORK/bin/linkedin-emulator" ./cmd/linkedin-emulator
PROVIDER_BIN="$WORK/bin/terraform-provider-linkedin"

bench_start_emulator "$WORK/bin/linkedin-emulator" --task-delay "$TASK_DELAY"
wait_url() { # FILE PID: the first http://127.0.0.1:port the process printed
  local url=""
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$1" | head -1 || true)
    [ -n "$url" ] && { echo "$url"; return; }
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  cat "$1" >&2
  return 1
}
python3 "$ROOT/bench/customers/oauth_count.py" "$URL/oauth/v2" >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
PROXY=$(wait_url "$WORK/proxy.log" "$PROXY_PID")

bench_dev_overrides "$WORK/bin"
export LINKEDIN_API_URL="$URL" LINKEDIN_OAUTH_URL="$PROXY/oauth/v2"
export LINKEDIN_CLIENT_ID=emulator-parent LINKEDIN_CLIENT_SECRET=emulator-parent-secret

snap() { # NAME: the emulator's request counts and the proxy's token count now
  curl -sS "$URL/emulator/requests" >"$WORK/$1.requests.json"
  curl -sS "$PROXY/count" >"$WORK/$1.tokens.json"
}
# phase LAYOUT N PHASE COMMAND...: runs a terraform command with the process sampler around it, prints its wall
# time, CPU time, calls and processes, and appends a line to results.tsv. The CPU time (bash's time: user +
# system of terraform and of every process it waited for, provider processes included) is the figure to
# compare on a busy machine, where wall times depend on what else runs.
phase() {
  local layout=$1 n=$2 name=$3 rc=0 TIMEFORMAT='%R %U %S'
  shift 3
  python3 "$ROOT/bench/customers/procs.py" "$PROVIDER_BIN" 0.1 >"$WORK/procs.json" &
  SAMPLER_PID=$!
  snap before
  { time "$@" -parallelism="$PARALLELISM" -compact-warnings -no-color >"$WORK/tf.log" 2>&1; } 2>"$WORK/time.txt" || rc=$?
  snap after
  stop "$SAMPLER_PID"
  SAMPLER_PID=""
  if [ "$rc" -ne 0 ]; then # a plan exits 2 when it finds changes: the no-op plans must find none
    tail -40 "$WORK/tf.log" >&2
    echo "bench/customers: $layout $n $name: terraform exited $rc" >&2
    exit 1
  fi
  python3 - "$layout" "$n" "$name" "$WORK" <<'PY'
import json, sys
layout, n, name, work = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
load = lambda f: json.load(open(f"{work}/{f}"))
secs, user, system = map(float, open(f"{work}/time.txt").read().split())
cpu = user + system
a, b = load("before.requests.json"), load("after.requests.json")
ta, tb = load("before.tokens.json"), load("after.tokens.json")
procs = load("procs.json")
key = lambda r: (r["method"], r["path"], r["restliMethod"])
before = {key(r): r["count"] for r in a["requests"]}
lines = []
for r in b["requests"]:
    d = r["count"] - before.get(key(r), 0)
    if d:
        lines.append(f"      {d:6} x {r['method']} {r['path']} {r['restliMethod']}")
api = b["total"] - a["total"]
tokens = tb["tokens"] - ta["tokens"]
print(f"  {name:9} {secs:7.1f} s, CPU {cpu:.1f} s (providers {procs['cpu_s']} s);"
      f" {api} API calls + {tokens} tokens = {(api + tokens) / n:.2f} per customer;"
      f" provider processes: {procs['max_at_once']} at once, {procs['processes']} in all;"
      f" peak RSS together {procs['peak_rss_mb']} MB (VmHWM {procs['peak_hwm_mb']} MB);"
      f" load average {open('/proc/loadavg').read().split()[0]}")
print("\n".join(lines))
with open(f"{work}/results.tsv", "a") as f:
    f.write("\t".join(map(str, [layout, n, name, f"{secs:.1f}", f"{cpu:.1f}", api, tokens, procs["max_at_once"],
                                procs["processes"], procs["peak_rss_mb"], procs["peak_hwm_mb"]])) + "\n")
PY
}

# run LAYOUT N: one benchmark run on a fresh emulator, in a fresh directory.
run() {
  local layout=$1 n=$2 dir="$WORK/$1-$2"
  curl -sS -X POST "$URL/emulator/reset" >/dev/null
  mkdir -p "$dir"
  cd "$dir"
  echo
  if [ "$layout" = customers ]; then
    echo "== $n customers, one configuration (examples/many-customers: one provider with customers = {...})"
    cp "$ROOT"/examples/many-customers/*.tf .
    python3 "$ROOT/bench/customers/gen.py" tfvars "$n" onboarding >customers.auto.tfvars.json
  else
    echo "== $n customers, one aliased provider block per customer (generated HCL)"
    python3 "$ROOT/bench/customers/gen.py" alias "$n" apps >main.tf
  fi
  phase "$layout" "$n" provision terraform apply -auto-approve
  terraform show -json >state.json
  python3 "$ROOT/bench/customers/gen.py" enable state.json "$URL" | sed 's/^/  » /'
  if [ "$layout" = customers ]; then
    python3 "$ROOT/bench/customers/gen.py" tfvars "$n" active >customers.auto.tfvars.json
  else
    python3 "$ROOT/bench/customers/gen.py" alias "$n" all >main.tf
  fi
  phase "$layout" "$n" configure terraform apply -auto-approve
  for _ in $(seq 1 "$PLANS"); do
    phase "$layout" "$n" plan terraform plan -detailed-exitcode
  done
  cd "$ROOT"
}

echo "bench/customers: N=$N ALIAS_N=$ALIAS_N PLANS=$PLANS TASK_DELAY=$TASK_DELAY PARALLELISM=$PARALLELISM; $(terraform version | head -1); $(nproc) CPUs; load average at start:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"
run customers "$N"
if [ "$ALIAS_N" -gt 0 ]; then
  [ "$ALIAS_N" -eq "$N" ] || run customers "$ALIAS_N"
  run alias "$ALIAS_N"
fi

echo
echo "Summary (median of $PLANS no-op plans; load average at the end:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /'))"
python3 - "$WORK/results.tsv" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
runs = {}
for layout, n, name, secs, cpu, api, tokens, at_once, procs, rss, hwm in rows:
    runs.setdefault((layout, int(n)), {}).setdefault(name, []).append(dict(
        secs=float(secs), cpu=float(cpu), api=int(api), tokens=int(tokens), at_once=int(at_once), procs=int(procs),
        rss=float(rss), hwm=float(hwm)))
print("| layout | customers | provision apply | configure apply | no-op plan: wall (median; each) | no-op plan: CPU (median) | no-op plan: calls per customer (API + tokens) | provider processes (at once / in all) | peak RSS of all provider processes (VmHWM) |")
print("|---|---|---|---|---|---|---|---|---|")
median = {}
for (layout, n), ph in runs.items():
    plans = ph["plan"]
    median[(layout, n)] = (statistics.median(p["secs"] for p in plans), statistics.median(p["cpu"] for p in plans))
    p0 = plans[0]
    everything = [p for name in ph for p in ph[name]]
    label = "one configuration, `customers`" if layout == "customers" else "one aliased provider per customer"
    each = ", ".join("%.1f" % p["secs"] for p in plans)
    print(f"| {label} | {n} | {ph['provision'][0]['secs']:.1f} s | {ph['configure'][0]['secs']:.1f} s "
          f"| {median[(layout, n)][0]:.1f} s ({each}) | {median[(layout, n)][1]:.1f} s "
          f"| {(p0['api'] + p0['tokens']) / n:.2f} ({p0['api']} + {p0['tokens']}) "
          f"| {max(p['at_once'] for p in everything)} / {max(p['procs'] for p in everything)} "
          f"| {max(p['rss'] for p in everything):.0f} MB ({max(p['hwm'] for p in everything):.0f} MB) |")
for (layout, n), (secs, cpu) in median.items():
    if layout == "alias" and ("customers", n) in median:
        c_secs, c_cpu = median[("customers", n)]
        print(f"\nNo-op plan of {n} customers, one aliased provider per customer versus one configuration with `customers`:"
              f" {secs / c_secs:.1f}x the wall time, {cpu / c_cpu:.1f}x the CPU time.")
PY
