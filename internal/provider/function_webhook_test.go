package provider_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/acctest"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

// functionVersions skips a test on Terraform before 1.8, which cannot call provider functions.
var functionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// The expected values were computed independently with openssl and python (see internal/webhook).
func TestAccWebhookFunctions(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		TerraformVersionChecks:   functionVersions,
		Steps: []resource.TestStep{{
			Config: env.ChildProviderConfig() + `
output "challenge_response" {
  value = provider::linkedin::webhook_challenge_response("a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60", "emulator-child-secret")
}

output "signature" {
  value = provider::linkedin::webhook_signature("{\"type\":\"JOB_POSTING_STATUS\",\"externalJobPostingId\":\"job-1\"}", "emulator-child-secret")
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckOutput("challenge_response", "b30f40d07f1f9f9df5d7fe56f6de7ceec181c69573e476bef24c780b0e18bbcd"),
				resource.TestCheckOutput("signature", "085282bff3f523a4441ca706a0ff901a9e72a5751be6e84d77b992ae88c9d3fb"),
			),
		}},
	})
}

// webhookDelivery is one request the emulator made to the receiver.
type webhookDelivery struct {
	method, challenge, signature string
	body                         []byte
}

// TestAccJobPosting_webhookNotification registers a local receiver with the emulator; LinkedIn validates it
// with a challenge and pushes a signed notification when it closes a job. The receiver uses internal/webhook
// (the code behind the provider functions), and the provider functions, run from HCL, give the same values.
func TestAccJobPosting_webhookNotification(t *testing.T) {
	env := acctest.NewEnv(t)
	const id = "REQ-HOOK-1"

	var mu sync.Mutex
	var deliveries []webhookDelivery
	var notifications []webhook.Notification
	notified := make(chan webhook.Notification, 16)
	receiver := &webhook.Receiver{ClientSecret: emulator.ChildClientSecret, Handle: func(n webhook.Notification) error {
		mu.Lock()
		notifications = append(notifications, n)
		mu.Unlock()
		notified <- n
		return nil
	}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		deliveries = append(deliveries, webhookDelivery{method: r.Method, challenge: r.URL.Query().Get("challengeCode"),
			signature: r.Header.Get(webhook.SignatureHeader), body: body})
		mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		receiver.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	// Registration validates the receiver: the emulator checks the challenge response.
	if err := env.Emulator.RegisterWebhook(emulator.ChildApplication, srv.URL+"/linkedin/jobs"); err != nil {
		t.Fatalf("registering the webhook: %v", err)
	}

	var closing, challenge webhookDelivery
	waitAndCapture := func() {
		// Wait (bounded) for the notification of this change; earlier ones may announce the listing.
		deadline := time.After(60 * time.Second)
	wait:
		for {
			select {
			case n := <-notified:
				if n.ExternalJobPostingID == id && n.ListingStatus == "NOT_LISTED" {
					break wait
				}
			case <-deadline:
				t.Fatalf("no NOT_LISTED notification for %s reached the receiver", id)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for _, d := range deliveries {
			switch {
			case d.method == http.MethodGet && d.challenge != "" && challenge.challenge == "":
				challenge = d
			case d.method == http.MethodPost && bytes.Contains(d.body, []byte(`"NOT_LISTED"`)) && bytes.Contains(d.body, []byte(id)):
				closing = d
			}
		}
		if challenge.challenge == "" || closing.signature == "" {
			t.Fatalf("missing challenge (%q) or signed notification (%q)", challenge.challenge, closing.signature)
		}
		var payload map[string]any
		if err := json.Unmarshal(closing.body, &payload); err != nil {
			t.Fatalf("notification body: %v", err)
		}
		if payload["type"] != "JOB_POSTING_STATUS" || payload["developerApplicationUrn"] != emulator.ChildApplication {
			t.Errorf("unexpected notification %s", closing.body)
		}
	}

	cfg := env.ChildProviderConfig() + jobPostingConfig("test", jobPostingAttrs(id))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() {
					if err := env.Emulator.ChangeJobStatus(emulator.JobStatusChange{
						Application: emulator.ChildApplication, ExternalJobPostingID: id, ListingStatus: "NOT_LISTED",
						ListingStatusDetail: map[string]any{"errorType": "CUSTOMER_ERROR",
							"statusMessage": "MEMBER_REPORTED: The job was closed because it was reported by multiple LinkedIn members as no longer accepting applications."},
					}); err != nil {
						t.Fatal(err)
					}
					waitAndCapture()
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if t.Failed() {
		return
	}
	mu.Lock()
	handled := len(notifications)
	mu.Unlock()
	if handled == 0 {
		t.Fatal("the receiver handled no notification")
	}

	// The provider functions, run from HCL, compute what the emulator sent (signature) and expected (challenge).
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		TerraformVersionChecks:   functionVersions,
		Steps: []resource.TestStep{{
			Config: env.ChildProviderConfig() + fmt.Sprintf(`
output "signature" {
  value = provider::linkedin::webhook_signature(%q, %q)
}

output "challenge_response" {
  value = provider::linkedin::webhook_challenge_response(%q, %q)
}
`, string(closing.body), emulator.ChildClientSecret, challenge.challenge, emulator.ChildClientSecret),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckOutput("signature", closing.signature),
				resource.TestCheckOutput("challenge_response", webhook.ChallengeResponse(challenge.challenge, emulator.ChildClientSecret)),
			),
		}},
	})
}
