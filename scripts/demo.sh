#!/usr/bin/env bash
# make demo: the provider against the local LinkedIn emulator with the real Terraform CLI, on a fresh machine,
# with no arguments. Builds the provider and the emulator, starts the emulator on a free loopback port, points
# Terraform at the freshly built provider with dev_overrides (no `terraform init`, nothing downloaded), then:
# apply the quickstart, show that a second plan is empty, change a value out of band through LinkedIn's API and
# show the drift, import an existing configuration, post a job and an Apply Connect job whose application reaches
# the example webhook receiver, destroy; then examples/many-customers for three
# customers with one provider for all of them (scripts/demo-many-customers.sh); and stop the emulator.
# TERRAFORM=/path/to/tofu (or another terraform; relative to the repository root) runs it with that CLI instead of
# the terraform on PATH, e.g. `make demo TERRAFORM=../shared/tools/opentofu/tofu` for OpenTofu.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CHECKPOINT_DISABLE=1

command -v go >/dev/null || { echo "demo: Go is required" >&2; exit 1; }
TERRAFORM=${TERRAFORM:-terraform}
case "$TERRAFORM" in
*/*) [ -x "$TERRAFORM" ] && TERRAFORM="$(cd "$(dirname "$TERRAFORM")" && pwd)/$(basename "$TERRAFORM")" ;;
*) TERRAFORM=$(command -v "$TERRAFORM" || true) ;;
esac
[ -n "$TERRAFORM" ] && [ -x "$TERRAFORM" ] || { echo "demo: the Terraform CLI (>= 1.10) or OpenTofu is required: terraform on PATH, or TERRAFORM=/path/to/it; nothing is downloaded" >&2; exit 1; }
TF_NAME=$(basename "$TERRAFORM")
# every terraform command below (and in the sourced demo steps) runs the chosen CLI
terraform() { "$TERRAFORM" "$@"; }
command -v curl >/dev/null || { echo "demo: curl is required" >&2; exit 1; }

if [ -t 1 ]; then BOLD=$'\e[1m'; DIM=$'\e[2m'; RESET=$'\e[0m'; NOCOLOR=""; else BOLD=""; DIM=""; RESET=""; NOCOLOR="-no-color"; fi
step=0
section() { step=$((step + 1)); printf '\n%s━━━ %d. %s%s\n' "$BOLD" "$step" "$*" "$RESET"; }
note() { printf '%s» %s%s\n' "$DIM" "$*" "$RESET"; }
# Every command prints "Provider development overrides are in effect": -compact-warnings keeps that to one line.
tf() { printf '%s$ %s %s%s\n' "$DIM" "$TF_NAME" "$*" "$RESET"; terraform "$@" $NOCOLOR; }
tfc() { printf '%s$ %s %s%s\n' "$DIM" "$TF_NAME" "$*" "$RESET"; terraform "$@" -compact-warnings $NOCOLOR; }
# plan_expect WANT RUNNER NOTE: runs `RUNNER plan -detailed-exitcode` (tf shows warnings in full, tfc compacts
# them) and stops the demo unless the exit code is WANT (0 = no changes, 2 = changes).
plan_expect() {
  local want=$1 runner=$2 rc
  set +e
  "$runner" plan -detailed-exitcode
  rc=$?
  set -e
  [ "$rc" -eq "$want" ] || { echo "demo: expected $TF_NAME plan -detailed-exitcode to exit $want, got $rc" >&2; exit 1; }
  note "$TF_NAME plan -detailed-exitcode: $rc ($3)"
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/linkedin-demo.XXXXXX")
EMU_PID=""
BUILD_PID=""
RECEIVER_PID=""
cleanup() {
  local rc=$?
  if [ -n "$BUILD_PID" ]; then kill "$BUILD_PID" 2>/dev/null || true; fi
  if [ -n "$RECEIVER_PID" ]; then kill "$RECEIVER_PID" 2>/dev/null || true; fi
  if [ -n "$EMU_PID" ] && kill -0 "$EMU_PID" 2>/dev/null; then
    kill "$EMU_PID" 2>/dev/null || true
    wait "$EMU_PID" 2>/dev/null || true
    echo "» emulator stopped"
  fi
  rm -rf "$WORK"
  if [ "$rc" -ne 0 ]; then echo "demo FAILED (exit $rc)" >&2; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

section "Build the provider and the emulator"
note "go build of the provider, the emulator and the example application webhook into $WORK/bin"
note "The first build on a machine compiles every dependency (Terraform's plugin framework, gRPC) and takes a"
note "minute or more on a small machine; later builds come from Go's build cache in seconds."
mkdir -p "$WORK/bin"
(go build -o "$WORK/bin/terraform-provider-linkedin" . && go build -o "$WORK/bin/linkedin-emulator" ./cmd/linkedin-emulator &&
  go build -o "$WORK/bin/apply-connect-receiver" ./examples/apply-connect-receiver) &
BUILD_PID=$!
built=$SECONDS ticks=0
while kill -0 "$BUILD_PID" 2>/dev/null; do
  sleep 0.5
  ticks=$((ticks + 1))
  if [ $((ticks % 30)) -eq 0 ]; then note "still compiling ($((SECONDS - built)) s; only the first build is slow)"; fi
done
wait "$BUILD_PID"
BUILD_PID=""
note "built in $((SECONDS - built)) s"

section "Start the LinkedIn emulator on a free loopback port"
"$WORK/bin/linkedin-emulator" --addr 127.0.0.1:0 --task-delay 200ms >"$WORK/emulator.log" 2>&1 &
EMU_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/emulator.log" | head -1 || true)
  [ -n "$URL" ] && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "demo: the emulator printed no URL" >&2; cat "$WORK/emulator.log" >&2; exit 1; }
note "emulator at $URL (pid $EMU_PID)"

section "Point Terraform at the built provider (dev_overrides, no terraform init)"
cat >"$WORK/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "terraform-linkedin/linkedin" = "$WORK/bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$WORK/terraformrc" TF_IN_AUTOMATION=1
cat "$WORK/terraformrc"
note "CLI: $TERRAFORM ($(terraform version | head -1))"
# The partner's parent application (seeded in the emulator); the child provider gets its own credentials.
export LINKEDIN_API_URL="$URL" LINKEDIN_OAUTH_URL="$URL/oauth/v2"
export LINKEDIN_CLIENT_ID=emulator-parent LINKEDIN_CLIENT_SECRET=emulator-parent-secret
mkdir -p "$WORK/quickstart"
cp "$ROOT"/examples/quickstart/*.tf "$WORK/quickstart/"
cd "$WORK/quickstart"
note "working copy of examples/quickstart in $WORK/quickstart"

section "Provision the customer's child application (parent credentials)"
note "A new child application has no integrations until the customer enables them in LinkedIn, so the"
note "application comes first (-target), the customer acts, then the rest is applied."
tfc apply -auto-approve -target=linkedin_provisioned_application.customer
APP=$(terraform output -raw application_urn)
ORG=$(terraform console <<<'var.organization' | tr -d '"')

section "Play the customer: enable One-Click Export in LinkedIn (emulator admin API)"
printf '%s$ curl -X POST %s/emulator/integrations%s\n' "$DIM" "$URL" "$RESET"
curl -sS --fail-with-body -X POST "$URL/emulator/integrations" -H 'Content-Type: application/json' \
  -d "{\"application\":\"$APP\",\"integrationContext\":\"$ORG\",\"integrationType\":\"ONE_CLICK_EXPORT\",\"tenantType\":\"RECRUITER\",\"status\":\"PENDING_CONFIGURATION\"}"
echo

section "Apply the quickstart: integration name and configuration keys (child credentials)"
tfc apply -auto-approve
terraform apply -auto-approve -refresh-only >/dev/null
note "integration status after CALLBACK_URL was set: $(terraform output -raw integration_status)"

section "A second plan is empty"
plan_expect 0 tfc "no changes"

section "An api_url LinkedIn does not serve fails the plan and leaves the state alone"
before=$(terraform state list | wc -l)
set +e
LINKEDIN_API_URL="$URL/linkedin-proxy" terraform plan -compact-warnings $NOCOLOR 2>&1 | grep -m1 -A3 'Error:'
rc=${PIPESTATUS[0]}
set -e
after=$(terraform state list | wc -l)
[ "$rc" -eq 1 ] && [ "$before" -eq "$after" ] || { echo "demo: expected the plan to fail (got exit $rc) and the state to keep $before resources (has $after)" >&2; exit 1; }
note "terraform plan exit $rc; the state still holds $after resources (only LinkedIn saying \"this entity does not exist\" removes one)"

section "Change CALLBACK_URL out of band through LinkedIn's API (child application token)"
CLIENT_ID=$(terraform output -raw client_id)
CLIENT_SECRET=$(terraform output -raw client_secret)
TOKEN=$(curl -sS --fail-with-body "$URL/oauth/v2/accessToken" \
  --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" |
  sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "demo: no token" >&2; exit 1; }
ORG_ENC=${ORG//:/%3A}
KEY="integrationContext=$ORG_ENC&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL"
printf '%s$ curl -X PUT %s/rest/integrationConfigurations?ids[0]... (X-RestLi-Method: batch_update)%s\n' "$DIM" "$URL" "$RESET"
curl -sS --fail-with-body --globoff -X PUT \
  "$URL/rest/integrationConfigurations?ids[0].integrationContext=$ORG_ENC&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL" \
  -H "Authorization: Bearer $TOKEN" -H 'X-RestLi-Method: batch_update' -H 'LinkedIn-Version: 202603' \
  -H 'Content-Type: application/json' \
  -d "{\"entities\":{\"$KEY\":{\"configurationValue\":{\"string\":\"https://someone-else.example.com/hook\"}}}}"
echo
unset TOKEN CLIENT_SECRET

section "The drift shows in the plan"
plan_expect 2 tfc "changes: Terraform puts the value back"
tfc apply -auto-approve

section "Import an existing configuration"
note "Forget JOB_POSTING_VIEWERS, then import it from LinkedIn by context/type/tenant/name."
tf state rm linkedin_integration_configuration.job_posting_viewers
tf import linkedin_integration_configuration.job_posting_viewers "$ORG/ONE_CLICK_EXPORT/RECRUITER/JOB_POSTING_VIEWERS"
plan_expect 0 tfc "no changes: the imported configuration matches"

# ─── Job postings ──────────────────────────────────────────────────────────────────────────────────────────
# Post a job with the child provider, show its status, let LinkedIn close it (MEMBER_REPORTED) and show the
# drift; then an Apply Connect job, and an application delivered to the example receiver.
source "$ROOT/examples/resources/linkedin_job_posting/demo/demo_steps.sh"

section "Destroy"
note "LinkedIn has no delete for applications and integrations and keeps CALLBACK_URL: those are only"
note "removed from the state, with warnings. JOB_POSTING_VIEWERS is deleted."
tf destroy -auto-approve

# ─── Many customers, one provider ──────────────────────────────────────────────────────────────────────────
source "$ROOT/scripts/demo-many-customers.sh"

section "What the emulator served (API calls, OAuth and admin excluded)"
curl -sS "$URL/emulator/requests" |
  sed -E 's/\{"method":"([A-Z]+)","path":"([^"]*)","restliMethod":"([^"]*)","count":([0-9]+)\},?/  \4 × \1 \2 (\3)\n/g; s/^\{"requests":\[//; s/\],"total":([0-9]+)\}$/  total: \1/'
echo

printf '\n%sDemo complete.%s\n' "$BOLD" "$RESET"
