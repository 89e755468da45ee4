# Job-posting steps of `make demo`. scripts/demo.sh sources this file between the import and the
# destroy, in the examples/quickstart working copy, after the child application exists:
#
#   source "$ROOT/examples/resources/linkedin_job_posting/demo/demo_steps.sh"
#
# It uses demo.sh's helpers (section, note, tf, tfc, plan_expect) and variables (ROOT, URL, APP, DIM, RESET).
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
