package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

var _ function.Function = webhookSignatureFunction{}

func newWebhookSignatureFunction() function.Function { return webhookSignatureFunction{} }

// webhookSignatureFunction is provider::linkedin::webhook_signature.
type webhookSignatureFunction struct{}

func (webhookSignatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "webhook_signature"
}

func (webhookSignatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Computes the X-LI-Signature LinkedIn puts on a webhook notification.",
		MarkdownDescription: "Computes the `X-LI-Signature` header LinkedIn sends with a Job Status Change Notification: " +
			"`hex(HMAC-SHA256(key = client_secret, message = \"hmacsha256=\" + body))`, in lower-case hex, where `body` is the raw " +
			"request body exactly as received (byte for byte: re-encoding the JSON changes the signature). " +
			"A receiver compares it, in constant time, with the header and rejects notifications that do not match. " +
			"Use it to sign test notifications or to check a receiver; Go receivers can use the provider's `internal/webhook` package.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "body",
				MarkdownDescription: "The raw body of the notification, byte for byte (surrounding whitespace included); it must not be empty or only whitespace.",
			},
			function.StringParameter{
				Name:                "client_secret",
				MarkdownDescription: "The client secret of the application the webhook is registered for. Must not be blank or padded with whitespace.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (webhookSignatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var body, clientSecret string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &body, &clientSecret))
	if resp.Error != nil {
		return
	}
	resp.Error = function.ConcatFuncErrors(
		argumentRule(0, "body", body, validate.NotBlank),
		argumentRule(1, "client_secret", clientSecret, validate.Credential))
	if resp.Error != nil {
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, webhook.Signature([]byte(body), clientSecret)))
}
