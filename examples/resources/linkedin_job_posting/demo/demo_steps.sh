# shellcheck shell=bash
# Job-posting steps of `make demo`. scripts/demo.sh sources this file between the import and the
# destroy, in the examples/quickstart working copy, after the child application exists:
#
#   source "$ROOT/examples/resources/linkedin_job_posting/demo/demo_steps.sh"
#
# It uses demo.sh's helpers (section, note, tf, tfc, plan_expect) and variables (ROOT, WORK, URL, APP, ORG, DIM,
# RESET), and sets RECEIVER_PID while the example application webhook runs (demo.sh's cleanup stops it).
section "Post a job with the customer's child application, and read its status"
cp "$ROOT/examples/resources/linkedin_job_posting/demo/jobs.tf" .
note "jobs.tf: linkedin_job_posting.backend_engineer (REQ-1042) and data.linkedin_job_posting_status"
tfc apply -auto-approve

section "LinkedIn closes the job after member reports (MEMBER_REPORTED, emulator admin API)"
printf '%s$ curl -X POST %s/emulator/jobs/status%s\n' "$DIM" "$URL" "$RESET"
curl -sS --fail-with-body -X POST "$URL/emulator/jobs/status" -H 'Content-Type: application/json' \
  -d "{\"application\":\"$APP\",\"externalJobPostingId\":\"REQ-1042\",\"listingStatus\":\"NOT_LISTED\",\"listingStatusDetail\":{\"statusMessage\":\"MEMBER_REPORTED\"}}"
echo

section "The drift shows in the plan, with LinkedIn's reason and what to do"
plan_expect 2 tf "changes: listing_state CLOSED -> LISTED re-lists the job (RENEW)"
tfc apply -auto-approve

section "Apply Connect: the partner's application webhook (examples/apply-connect-receiver)"
note "The receiver answers LinkedIn's challenge and checks each delivery's X-LI-Signature with the child"
note "application's secret, which Terraform holds for the application it provisioned."
CHILD_SECRET=$(terraform console <<<'nonsensitive(linkedin_provisioned_application.customer.client_secret)' | tr -d '"')
LINKEDIN_CLIENT_SECRET=$CHILD_SECRET "$WORK/bin/apply-connect-receiver" -addr 127.0.0.1:0 \
  -ready-file "$WORK/receiver.url" -out "$WORK/applications.jsonl" >"$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
unset CHILD_SECRET
for _ in $(seq 1 100); do [ -s "$WORK/receiver.url" ] && break; sleep 0.1; done
[ -s "$WORK/receiver.url" ] || { cat "$WORK/receiver.log" >&2; exit 1; }
TF_VAR_apply_webhook_url="$(cat "$WORK/receiver.url")/linkedin/applications"
export TF_VAR_apply_webhook_url
note "receiver at $TF_VAR_apply_webhook_url (pid $RECEIVER_PID)"

section "Play the customer: enable Apply Connect for the organization (emulator admin API)"
printf '%s$ curl -X POST %s/emulator/integrations%s\n' "$DIM" "$URL" "$RESET"
curl -sS --fail-with-body -o /dev/null -X POST "$URL/emulator/integrations" -H 'Content-Type: application/json' \
  -d "{\"application\":\"$APP\",\"integrationContext\":\"$ORG\",\"integrationType\":\"APPLY_CONNECT\",\"tenantType\":\"JOBS\",\"status\":\"ENABLED\"}"

section "Post an Apply Connect job: the questions were checked at plan time, apply waits for LinkedIn Apply"
cp "$ROOT/examples/resources/linkedin_job_posting/demo/apply_connect.tf" .
note "apply_connect.tf: REQ-2001 with a conditional question (forklift_years only after forklift = YES)"
tfc apply -auto-approve
note "LinkedIn Apply: $(terraform output -json linkedin_apply | tr -d '\n')"

section "An applicant applies on LinkedIn (emulator admin API); LinkedIn delivers the application"
printf '%s$ curl -X POST %s/emulator/applications%s\n' "$DIM" "$URL" "$RESET"
curl -sS --fail-with-body -o /dev/null -X POST "$URL/emulator/applications" -H 'Content-Type: application/json' \
  -d "{\"application\":\"$APP\",\"externalJobPostingId\":\"REQ-2001\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"resumeUrl\":\"https://media.example.com/ada.pdf\",\"answers\":[{\"partnerQuestionIdentifier\":\"forklift\",\"symbolicNames\":[\"YES\"]},{\"partnerQuestionIdentifier\":\"forklift_years\",\"number\":7}]}"
for _ in $(seq 1 100); do grep -q JOB_APPLICATION "$WORK/applications.jsonl" 2>/dev/null && break; sleep 0.1; done
grep -q JOB_APPLICATION "$WORK/applications.jsonl" || { cat "$WORK/receiver.log" >&2; exit 1; }
note "what the receiver printed:"
awk '/^application /{shown=1} shown && /^(application |  )/{print "    " $0}' "$WORK/receiver.log"
kill "$RECEIVER_PID" && wait "$RECEIVER_PID" 2>/dev/null || true
RECEIVER_PID=""
