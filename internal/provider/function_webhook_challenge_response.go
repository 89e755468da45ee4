package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

var _ function.Function = webhookChallengeResponseFunction{}

func newWebhookChallengeResponseFunction() function.Function {
	return webhookChallengeResponseFunction{}
}

// webhookChallengeResponseFunction is provider::linkedin::webhook_challenge_response.
type webhookChallengeResponseFunction struct{}

func (webhookChallengeResponseFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "webhook_challenge_response"
}

func (webhookChallengeResponseFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Computes the challengeResponse a webhook returns when LinkedIn validates it.",
		MarkdownDescription: "Computes the `challengeResponse` a Job Status Change Notifications webhook must return when LinkedIn " +
			"validates it (`GET <url>?challengeCode=<code>`, before first use and every 2 hours): " +
			"`hex(HMAC-SHA256(key = client_secret, message = challenge_code))`, in lower-case hex. " +
			"The endpoint answers `200` with `{\"challengeCode\": \"<code>\", \"challengeResponse\": \"<this value>\"}` within 3 seconds. " +
			"Use it to test a webhook receiver, or to check the value a receiver computes; the provider's own Go package " +
			"`internal/webhook` holds the same code for receivers written in Go.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "challenge_code",
				MarkdownDescription: "The `challengeCode` query parameter LinkedIn sent (a UUID). Must not be blank or padded with whitespace.",
			},
			function.StringParameter{
				Name:                "client_secret",
				MarkdownDescription: "The client secret of the application the webhook is registered for (the customer's child application for child webhooks). Must not be blank or padded with whitespace.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (webhookChallengeResponseFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var challengeCode, clientSecret string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &challengeCode, &clientSecret))
	if resp.Error != nil {
		return
	}
	resp.Error = function.ConcatFuncErrors(
		argumentRule(0, "challenge_code", challengeCode, validate.Line),
		argumentRule(1, "client_secret", clientSecret, validate.Credential))
	if resp.Error != nil {
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, webhook.ChallengeResponse(challengeCode, clientSecret)))
}

// argumentRule turns a rule of package validate into an error on function argument i: a blank secret or
// challenge code would give a well-formed HMAC that LinkedIn never sends, so the function refuses it.
func argumentRule(i int64, name, value string, rule func(string) error) *function.FuncError {
	if err := rule(value); err != nil {
		return function.NewArgumentFuncError(i, fmt.Sprintf("%s %s.", name, err))
	}
	return nil
}
