# Many-customers steps of `make demo`: examples/many-customers for three customers, with one provider for all
# of them (the provider's `customers` map). scripts/demo.sh sources this file after the quickstart:
#
#   source "$ROOT/scripts/demo-many-customers.sh"
#
# It uses demo.sh's helpers (section, note, tf, tfc, plan_expect, terraform) and variables (ROOT, WORK, URL,
# DIM, RESET, NOCOLOR, TF_NAME), and leaves the working directory where it found it.
pushd . >/dev/null
mkdir -p "$WORK/many-customers"
cp "$ROOT"/examples/many-customers/*.tf "$ROOT"/examples/many-customers/customers.auto.tfvars "$WORK/many-customers/"
cd "$WORK/many-customers" || exit 1

# stage CUSTOMER STAGE: sets a customer's stage in customers.auto.tfvars, as a platform engineer would.
stage() {
  sed -i "/^  $1 = {/,/^  }/ s/stage        = \"[a-z]*\"/stage        = \"$2\"/" customers.auto.tfvars
  printf '%s$ # customers.auto.tfvars: %s.stage = "%s"%s\n' "$DIM" "$1" "$2" "$RESET"
}
# with_process_count COMMAND...: runs a command and then says how many provider processes ran at once.
with_process_count() {
  local most=0 n pid rc=0
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    n=$(pgrep -c -f "^$WORK/bin/terraform-provider-linkedin" || true)
    [ "$n" -gt "$most" ] && most=$n
    sleep 0.1
  done
  wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || exit "$rc"
  note "provider processes at once during that command: at most $most (two provider blocks, the parent's and"
  note "linkedin.customers, whatever the number of customers; one aliased provider per customer would be one each)"
}

section "Many customers in one configuration (examples/many-customers)"
note "customers.auto.tfvars lists three new customers, acme, globex and initech, in stage \"onboarding\"."
note "The default provider (parent application) provisions a child application for each; a second provider,"
note "linkedin.customers, gets every child's credentials in its customers map, and each resource names its"
note "customer with customer = each.key."
tfc apply -auto-approve

section "Play the customers: each enables One-Click Export and the In-ATS Indicator in LinkedIn"
note "A new child application has no integrations until its customer enables them (emulator admin API)."
{ terraform output -json customers | tr -d ' \n'; echo; } | sed 's/},/}\n/g' |
  sed -nE 's/.*"application":"([^"]+)".*"organization":"([^"]+)".*/\1 \2/p' >customers.txt
while read -r app org; do
  for integration in ONE_CLICK_EXPORT:PENDING_CONFIGURATION IN_ATS_INDICATOR:ENABLED; do
    curl -sS --fail-with-body -o /dev/null -X POST "$URL/emulator/integrations" -H 'Content-Type: application/json' \
      -d "{\"application\":\"$app\",\"integrationContext\":\"$org\",\"integrationType\":\"${integration%%:*}\",\"tenantType\":\"RECRUITER\",\"status\":\"${integration##*:}\"}"
    printf '%s$ curl -X POST %s/emulator/integrations  # %s enables %s for %s%s\n' "$DIM" "$URL" "$org" "${integration%%:*}" "$app" "$RESET"
  done
done <customers.txt

section "The customers are active: integrations, configuration keys and jobs, all through one provider"
stage acme active
stage globex active
stage initech active
with_process_count tfc apply -auto-approve
plan_expect 0 tfc "no changes"

section "Bring an existing customer under management: credentials from a secret store, for_each imports"
note "umbrella's child application was provisioned before Terraform (the emulator's built-in emulator-child). Its"
note "credentials come from the pipeline's secret store as TF_VAR_existing_credentials (an ephemeral variable:"
note "in neither the plan nor the state); imports.tf imports its integrations with IDs ending in @umbrella."
export TF_VAR_existing_credentials='{"umbrella":{"client_id":"emulator-child","client_secret":"emulator-child-secret"}}'
sed -i '$ d' customers.auto.tfvars
cat >>customers.auto.tfvars <<'TFVARS'
  umbrella = {
    name         = "Umbrella Corp"
    organization = "urn:li:organization:1000"
    stage        = "active"
    existing     = true
  }
}
TFVARS
printf '%s$ # customers.auto.tfvars: umbrella = { ..., stage = "active", existing = true }%s\n' "$DIM" "$RESET"
tfc apply -auto-approve

section "Offboarding the wrong way: initech's entry leaves the customers map together with its resources"
note "Deleting initech from customers.auto.tfvars in one step removes its credentials while its job (to close)"
note "and its *_VIEWERS keys (to delete) still need them. The plan fails for each of those, saying how to get out;"
note "nothing is applied, and the refresh keeps initech's resources in the state with a warning."
cp customers.auto.tfvars customers.auto.tfvars.keep
sed -i '/^  initech = {/,/^  }/d' customers.auto.tfvars
printf '%s$ # customers.auto.tfvars: initech removed%s\n' "$DIM" "$RESET"
printf '%s$ %s plan%s\n' "$DIM" "$TF_NAME" "$RESET"
before=$(terraform state list | wc -l)
set +e
terraform plan -compact-warnings -no-color >plan.log 2>&1
rc=$?
set -e
# The first error in full, then how many resources were refused.
awk '/Error: / { if (on) exit; on = 1 } on { print }' plan.log | sed -n '1,20p'
refused=$(grep -c 'Error: Cannot destroy' plan.log || true)
after=$(terraform state list | wc -l)
[ "$rc" -eq 1 ] && [ "$refused" -gt 0 ] && [ "$before" -eq "$after" ] ||
  { cat plan.log >&2; echo "demo: expected the plan to fail for initech's resources (exit $rc, $refused refused) and the state to keep $before resources (has $after)" >&2; exit 1; }
mv customers.auto.tfvars.keep customers.auto.tfvars
note "$TF_NAME plan exit $rc: $refused of initech's resources refused; the state still holds $after resources."
printf '%s$ # customers.auto.tfvars: initech put back%s\n' "$DIM" "$RESET"

section "Offboard initech: its resources go first, while its credentials are still in the map"
note "Its job is closed, JOB_POSTING_VIEWERS and APPLICATION_VIEWERS are deleted, CALLBACK_URL stays on"
note "LinkedIn (a warning says so at plan time), the integrations are only forgotten."
stage initech offboarding
tf apply -auto-approve
note "Then initech leaves customers.auto.tfvars: its application is forgotten (LinkedIn has no delete) and"
note "its entry leaves the customers map."
sed -i '/^  initech = {/,/^  }/d' customers.auto.tfvars
printf '%s$ # customers.auto.tfvars: initech removed%s\n' "$DIM" "$RESET"
tfc apply -auto-approve
plan_expect 0 tfc "no changes"
unset TF_VAR_existing_credentials
popd >/dev/null || exit 1
