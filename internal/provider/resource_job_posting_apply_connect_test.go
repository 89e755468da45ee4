package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

// applicationReceiver is the partner's job application webhook on a loopback address: it answers LinkedIn's
// challenge with the child application's secret and accepts every application.
func applicationReceiver(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			w.WriteHeader(http.StatusOK)
			return
		}
		code := r.URL.Query().Get("challengeCode")
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{
			"challengeCode": code, "challengeResponse": webhook.ChallengeResponse(code, emulator.ChildClientSecret)})
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/linkedin/applications"
}

// silentReceiver is a webhook that does not answer LinkedIn's challenge.
func silentReceiver(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/linkedin/applications"
}

// applyQuestions are LinkedIn Apply questions with a conditional question (asked when the RADIO_BUTTONS
// question is answered YES) and a repeatable set of references; relocationText changes one question.
func applyQuestions(relocationText string) string {
	return fmt.Sprintf(`{
    contact_information_questions = { cellphone_number_question_requirement = "REQUIRED" }
    resume_questions              = {}
    work_questions                = { work_experience_question_set = { min_required = 1 } }
    additional_questions = {
      custom_question_sets = [
        {
          questions = [
            {
              partner_question_identifier = "relocate"
              question_text               = %q
              required                    = true
              question_details = {
                multiple_choice_question_details = {
                  preferred_form_component = "RADIO_BUTTONS"
                  choices = [
                    { symbolic_name = "YES", display_value = "Yes" },
                    { symbolic_name = "NO", display_value = "No" },
                  ]
                }
              }
            },
            {
              partner_question_identifier = "relocation_date"
              question_text               = "When could you move?"
              question_details            = { date_range_question_details = { start_label = "Earliest" } }
              prerequisite_question_response = {
                prerequisite_question = { partner_question_identifier = "relocate" }
                prerequisite_response = { multiple_choice_answer_value = { symbolic_names = ["YES"] } }
              }
            },
          ]
        },
        {
          repeat_limit = 3
          questions = [
            {
              partner_question_identifier = "reference_email"
              question_text               = "A reference's e-mail address"
              question_details            = { text_question_details = { max_length = 200 } }
            },
          ]
        },
      ]
    }
  }`, relocationText)
}

// applyConnectJob is the HCL of an Apply Connect job's attributes.
func applyConnectJob(id, webhookURL, questions string) map[string]string {
	attrs := jobPostingAttrs(id)
	attrs["availability"] = `"PUBLIC"`
	attrs["onsite_apply_configuration"] = fmt.Sprintf("{\n    job_application_webhook_url = %q\n    questions = %s\n  }", webhookURL, questions)
	return attrs
}

// checkOperations checks the operations LinkedIn received for a job, oldest first.
func checkOperations(env *acctest.Env, id string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ops, _ := env.Emulator.JobOperations(emulator.ChildApplication, id)
		if !slices.Equal(ops, want) {
			return fmt.Errorf("LinkedIn received %v for job %q, want %v", ops, id, want)
		}
		return nil
	}
}

func TestAccJobPosting_onsiteApply(t *testing.T) {
	env := acctest.NewEnv(t)
	const id, addr = "REQ-APPLY-1", "linkedin_job_posting.test"
	receiver := applicationReceiver(t)
	cfg := func(relocationText string) string {
		return env.ChildProviderConfig() + jobPostingConfig("test", applyConnectJob(id, receiver, applyQuestions(relocationText)))
	}
	enabled := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
		// LinkedIn's defaults fill what the configuration leaves out.
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("onsite_apply_configuration").AtMapKey("questions").AtMapKey("resume_questions").AtMapKey("resume_question_requirement"), knownvalue.StringExact("OPTIONAL")),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("onsite_apply_configuration").AtMapKey("questions").AtMapKey("work_questions").AtMapKey("work_experience_question_set").AtMapKey("repeat_limit"), knownvalue.Int64Exact(10)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("onsite_apply_configuration").AtMapKey("questions").AtMapKey("voluntary_self_identification_questions"), knownvalue.Null()),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            cfg("Are you willing to relocate to Mountain View?"),
				ConfigStateChecks: enabled,
				Check:             resource.ComposeAggregateTestCheckFunc(checkListingOnLinkedIn(env, id, "LISTED"), checkOperations(env, id, "CREATE")),
			},
			{ // a changed question is an UPDATE, and LinkedIn enables LinkedIn Apply again
				Config: cfg("Would you relocate to Mountain View?"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: enabled,
				Check:             checkOperations(env, id, "CREATE", "UPDATE"),
			},
			{ // refresh and plan: nothing changes
				Config:           cfg("Would you relocate to Mountain View?"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ // LinkedIn does not return the questions: import leaves them null
				ResourceName:      addr,
				ImportState:       true,
				ImportStateId:     id,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"onsite_apply_configuration", "availability", "expire_at", "title", "description", "company_apply_url",
					"listing_type", "last_task_id", "last_task_status", "timeouts"},
			},
		},
	})
}

// Without the customer's APPLY_CONNECT integration for the organization, nothing is sent.
func TestAccJobPosting_onsiteApplyNotEnabled(t *testing.T) {
	env := acctest.NewEnv(t)
	const id, org = "REQ-APPLY-2", "urn:li:organization:2000"
	attrs := applyConnectJob(id, applicationReceiver(t), applyQuestions("Relocate?"))
	attrs["integration_context"] = fmt.Sprintf("%q", org)
	cfg := env.ChildProviderConfig() + jobPostingConfig("test", attrs)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ExpectError: regexp.MustCompile(`(?s)Apply Connect is not enabled for urn:li:organization:2000.*` +
					phrase(`needs the customer's APPLY_CONNECT integration (tenant JOBS) ENABLED for urn:li:organization:2000, and the customer has not enabled it`).String() +
					`.*` + phrase(`Nothing was sent to LinkedIn.`).String() + `.*linkedin_integration`),
			},
			{ // disabled by the customer: the same
				PreConfig: func() { enable(t, env, org, "APPLY_CONNECT", "JOBS", "DISABLED") },
				Config:    cfg,
				ExpectError: regexp.MustCompile(`(?s)Apply Connect is not enabled for urn:li:organization:2000.*` +
					phrase(`has it in status DISABLED, not ENABLED`).String()),
				Check: checkOperations(env, id),
			},
			{ // enabled: the job is posted with LinkedIn Apply
				PreConfig: func() { enable(t, env, org, "APPLY_CONNECT", "JOBS", "ENABLED") },
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("linkedin_job_posting.test", tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
				},
				Check: checkOperations(env, id, "CREATE"),
			},
		},
	})
}

// A webhook that does not answer LinkedIn's challenge: the job is posted without LinkedIn Apply (1153), which
// is an error; the job stays in the state (tainted), and once the webhook answers, the next apply closes it
// and posts it again (re-listing it with a RENEW, as LinkedIn already knows it).
func TestAccJobPosting_onsiteApplyWebhookNotRegistered(t *testing.T) {
	env := acctest.NewEnv(t)
	const id, addr = "REQ-APPLY-3", "linkedin_job_posting.test"
	silent, answering := silentReceiver(t), applicationReceiver(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ChildProviderConfig() + jobPostingConfig("test", applyConnectJob(id, silent, applyQuestions("Relocate?"))),
				ExpectError: regexp.MustCompile(`(?s)LinkedIn Apply not enabled for job posting "REQ-APPLY-3".*` +
					phrase(`LinkedIn says: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to register jobApplicationWebhookUrl" (PARTNER_ERROR, error code 1153).`).String() +
					`.*What to do:.*` + phrase(`The job is kept in the state as posted; Terraform marks it tainted`).String()),
				Check: checkListingOnLinkedIn(env, id, "LISTED"),
			},
			{
				Config: env.ChildProviderConfig() + jobPostingConfig("test", applyConnectJob(id, answering, applyQuestions("Relocate?"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(checkListingOnLinkedIn(env, id, "LISTED"),
					checkOperations(env, id, "CREATE", "CLOSE", "CREATE", "RENEW")),
			},
		},
	})
}

// LinkedIn turns LinkedIn Apply off (applications could not be delivered, 1155): the plan shows an in-place
// update, apply re-sends the job as an UPDATE (resync), and the next plan is empty.
func TestAccJobPosting_onsiteApplyResync(t *testing.T) {
	env := acctest.NewEnv(t)
	const id, addr = "REQ-APPLY-4", "linkedin_job_posting.test"
	cfg := env.ChildProviderConfig() + jobPostingConfig("test", applyConnectJob(id, applicationReceiver(t), applyQuestions("Relocate?")))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
				},
			},
			{ // LinkedIn turns LinkedIn Apply off; refresh reads it, and the plan re-sends the job
				PreConfig: func() {
					if err := env.Emulator.ChangeJobStatus(emulator.JobStatusChange{
						Application: emulator.ChildApplication, ExternalJobPostingID: id, LinkedInApplyStatus: "NOT_ENABLED",
						LinkedInApplyStatusDetail: map[string]any{"errorCode": float64(1155)}, // as decoded from JSON: the catalogue entry
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(addr, tfjsonpath.New("linkedin_apply_status")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status_detail"), knownvalue.Null()),
				},
				Check: checkOperations(env, id, "CREATE", "UPDATE"),
			},
		},
	})
}

// After an import, onsite_apply_configuration is null (LinkedIn does not return it): the first apply sends the
// job with it as an UPDATE, LinkedIn enables LinkedIn Apply again, and the next plan is empty.
func TestAccJobPosting_onsiteApplyImport(t *testing.T) {
	env := acctest.NewEnv(t)
	const id, addr = "REQ-APPLY-5", "linkedin_job_posting.test"
	cfg := env.ChildProviderConfig() + jobPostingConfig("test", applyConnectJob(id, applicationReceiver(t), applyQuestions("Relocate?")))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: checkOperations(env, id, "CREATE")},
			{ // forget it, keeping it listed
				Config: env.ChildProviderConfig() + "removed {\n  from = linkedin_job_posting.test\n  lifecycle {\n    destroy = false\n  }\n}\n",
			},
			{
				Config: cfg, ResourceName: addr, ImportState: true, ImportStateId: id, ImportStatePersist: true,
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if a := s[0].Attributes; a["linkedin_apply_status"] != "ENABLED" || a["onsite_apply_configuration.%"] != "" {
						return fmt.Errorf("imported %v", a)
					}
					return nil
				},
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact("ENABLED")),
				},
				Check: checkOperations(env, id, "CREATE", "UPDATE"),
			},
		},
	})
}
