package provider_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// receiverProcess is examples/apply-connect-receiver running as a separate program, as a partner runs it:
// it answers LinkedIn's challenges with the child application's secret and writes each application it
// stores as one JSON line to out.
type receiverProcess struct {
	bin, addr, out string
	cmd            *exec.Cmd
}

// startReceiver builds the example receiver and starts it on a free loopback port.
func startReceiver(t *testing.T, secret string) *receiverProcess {
	t.Helper()
	dir := t.TempDir()
	r := &receiverProcess{bin: filepath.Join(dir, "apply-connect-receiver"), addr: "127.0.0.1:0", out: filepath.Join(dir, "applications.jsonl")}
	build := exec.Command("go", "build", "-o", r.bin, "../../examples/apply-connect-receiver")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the example receiver: %v\n%s", err, b)
	}
	r.start(t, secret)
	t.Cleanup(r.stop)
	return r
}

// start runs the receiver on r.addr (a free port the first time, the same port after that) and waits until
// it listens.
func (r *receiverProcess) start(t *testing.T, secret string) {
	t.Helper()
	ready := r.out + ".url"
	_ = os.Remove(ready)
	r.cmd = exec.Command(r.bin, "-addr", r.addr, "-out", r.out, "-ready-file", ready)
	r.cmd.Env = append(os.Environ(), "LINKEDIN_CLIENT_SECRET="+secret)
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("starting the receiver: %v", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(ready); err == nil {
			r.addr = strings.TrimPrefix(strings.TrimSpace(string(b)), "http://")
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the receiver did not start listening within 20 s")
}

// stop ends the receiver as an operator would (SIGTERM) and waits for it.
func (r *receiverProcess) stop() {
	if r.cmd == nil || r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	_ = r.cmd.Wait()
	r.cmd = nil
}

func (r *receiverProcess) url() string { return "http://" + r.addr + "/linkedin/applications" }

// applications are the JOB_APPLICATION payloads the receiver stored.
func (r *receiverProcess) applications(t *testing.T) []map[string]any {
	t.Helper()
	f, err := os.Open(r.out)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["type"] == "JOB_APPLICATION" {
			out = append(out, m)
		}
	}
	return out
}

// waitFor polls cond for up to 30 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func applyConnectJobConfig(env *acctest.Env, webhook string) string {
	return env.ChildProviderConfig() + fmt.Sprintf(`
resource "linkedin_job_posting" "apply" {
  integration_context     = "urn:li:organization:1000"
  external_job_posting_id = "APPLY-E2E-1"
  title                   = "Warehouse Team Lead"
  description             = "Lead a team of twelve in our Austin warehouse: planning shifts, coaching people and keeping every order on time and safe."
  location                = "Austin, TX"
  company_apply_url       = "https://careers.example.com/jobs/APPLY-E2E-1"
  listed_at               = "2026-01-05T09:00:00Z"
  availability            = "PUBLIC"

  onsite_apply_configuration = {
    job_application_webhook_url = %q
    questions = {
      contact_information_questions = {}
      additional_questions = {
        custom_question_sets = [{
          questions = [
            {
              partner_question_identifier = "forklift"
              question_text               = "Do you hold a forklift licence?"
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
              partner_question_identifier = "forklift_years"
              question_text               = "For how many years?"
              question_details = {
                numeric_question_details = {
                  integer_question_details = { min_value = 0, max_value = 50 }
                }
              }
              prerequisite_question_response = {
                prerequisite_question = { partner_question_identifier = "forklift" }
                prerequisite_response = { multiple_choice_answer_value = { symbolic_names = ["YES"] } }
              }
            },
          ]
        }]
      }
    }
  }
}
`, webhook)
}

// The delivery loop end to end, with the example receiver as a separate program: a job with onsite apply is
// posted and LinkedIn Apply is ENABLED once the receiver answered the challenge; an applicant applies and the
// receiver stores the application with its answers; the receiver is stopped, the next three applications
// cannot be delivered and LinkedIn turns Apply off (1155), which the plan shows as drift; the receiver is restarted,
// the apply re-sends the job (LinkedIn's resync) and Apply is ENABLED again.
func TestAccJobPosting_applyConnectDeliveryLoop(t *testing.T) {
	env := acctest.NewEnv(t)
	if err := env.Emulator.SetIntegration(emulator.IntegrationState{Application: emulator.ChildClientID,
		IntegrationContext: "urn:li:organization:1000", IntegrationType: "APPLY_CONNECT", TenantType: "JOBS"}); err != nil {
		t.Fatal(err)
	}
	receiver := startReceiver(t, emulator.ChildClientSecret)
	config := applyConnectJobConfig(env, receiver.url())
	const addr = "linkedin_job_posting.apply"
	applyStatus := func(want string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("linkedin_apply_status"), knownvalue.StringExact(want))
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{applyStatus("ENABLED")},
			},
			{
				// An applicant applies; the receiver stores the application with the answers. Then the
				// receiver goes away and applications cannot be delivered: LinkedIn turns Apply off.
				PreConfig: func() {
					applyToJob(t, env, "Ada", []emulator.QuestionAnswer{{PartnerQuestionIdentifier: "forklift", SymbolicNames: []string{"YES"}},
						{PartnerQuestionIdentifier: "forklift_years", Number: float64p(7)}})
					waitFor(t, "the receiver to store the first application", func() bool { return len(receiver.applications(t)) == 1 })
					got := receiver.applications(t)[0]
					if got["externalJobPostingId"] != "APPLY-E2E-1" || !strings.Contains(mustJSON(t, got["questionResponses"]), `"YES"`) ||
						!strings.Contains(mustJSON(t, got["questionResponses"]), `7`) {
						t.Fatalf("the receiver stored %v", got)
					}
					// LinkedIn turns Apply off when three applications of a job in a row cannot be delivered.
					receiver.stop()
					for _, name := range []string{"Grace", "Alan", "Barbara"} {
						applyToJob(t, env, name, []emulator.QuestionAnswer{{PartnerQuestionIdentifier: "forklift", SymbolicNames: []string{"NO"}}})
					}
					waitFor(t, "LinkedIn Apply to be turned off (1155)", func() bool {
						status, code, _ := env.Emulator.LinkedInApplyStatus(emulator.ChildClientID, "APPLY-E2E-1")
						return status == "NOT_ENABLED" && code == 1155
					})
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(addr, tfjsonpath.New("linkedin_apply_status")),
				}},
			},
			{
				// The receiver is back on the same URL: the apply re-sends the job as an UPDATE (resync) and
				// LinkedIn enables Apply again after a new challenge.
				PreConfig: func() { receiver.start(t, emulator.ChildClientSecret) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{applyStatus("ENABLED")},
			},
			{
				// Applications are delivered again.
				PreConfig: func() {
					applyToJob(t, env, "Linus", []emulator.QuestionAnswer{{PartnerQuestionIdentifier: "forklift", SymbolicNames: []string{"NO"}}})
					waitFor(t, "the receiver to store the application after the resync", func() bool {
						return strings.Contains(mustJSON(t, receiver.applications(t)), `"Linus"`)
					})
				},
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}

// applyToJob makes an applicant apply to the job through the emulator.
func applyToJob(t *testing.T, env *acctest.Env, name string, answers []emulator.QuestionAnswer) {
	t.Helper()
	_, err := env.Emulator.SubmitApplication(emulator.ApplicationRequest{Application: emulator.ChildClientID,
		ExternalJobPostingID: "APPLY-E2E-1", FirstName: name, LastName: "Applicant",
		Email: strings.ToLower(name) + "@example.com", Answers: answers})
	if err != nil {
		t.Fatalf("applicant %s: %v", name, err)
	}
}

func float64p(f float64) *float64 { return &f }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
