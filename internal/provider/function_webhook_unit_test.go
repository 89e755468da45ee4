package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Expected values computed with openssl / python (see internal/webhook/webhook_test.go), not with Go.
func TestWebhookFunctions(t *testing.T) {
	ctx := context.Background()
	run := func(f function.Function, a, b string) string {
		t.Helper()
		resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
		f.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{types.StringValue(a), types.StringValue(b)})}, resp)
		if resp.Error != nil {
			t.Fatal(resp.Error)
		}
		return resp.Result.Value().(types.String).ValueString()
	}
	if got := run(newWebhookChallengeResponseFunction(), "a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60", "emulator-child-secret"); got != "b30f40d07f1f9f9df5d7fe56f6de7ceec181c69573e476bef24c780b0e18bbcd" {
		t.Errorf("webhook_challenge_response = %s", got)
	}
	if got := run(newWebhookSignatureFunction(), `{"type":"JOB_POSTING_STATUS","externalJobPostingId":"job-1"}`, "emulator-child-secret"); got != "085282bff3f523a4441ca706a0ff901a9e72a5751be6e84d77b992ae88c9d3fb" {
		t.Errorf("webhook_signature = %s", got)
	}
}

// A blank secret, challenge code or body gives a well-formed HMAC that LinkedIn never sends: an error on the
// argument instead.
func TestWebhookFunctionsRefuseBlankArguments(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		f        function.Function
		a, b     string
		argument int64
		want     string
	}{
		{newWebhookChallengeResponseFunction(), "", "secret", 0, "challenge_code must not be empty"},
		{newWebhookChallengeResponseFunction(), " \t", "secret", 0, "challenge_code must not be blank"},
		{newWebhookChallengeResponseFunction(), "code\n", "secret", 0, "challenge_code must not start or end with whitespace"},
		{newWebhookChallengeResponseFunction(), "code", "", 1, "client_secret must not be empty or only whitespace"},
		{newWebhookChallengeResponseFunction(), "code", " secret", 1, "client_secret must not start or end with whitespace (value not shown)"},
		{newWebhookSignatureFunction(), "", "secret", 0, "body must not be empty"},
		{newWebhookSignatureFunction(), "\n", "secret", 0, "body must not be blank"},
		{newWebhookSignatureFunction(), "{}", "   ", 1, "client_secret must not be empty or only whitespace"},
	}
	for _, c := range cases {
		resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
		c.f.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{types.StringValue(c.a), types.StringValue(c.b)})}, resp)
		switch {
		case resp.Error == nil:
			t.Errorf("(%q, %q): no error", c.a, c.b)
		case resp.Error.FunctionArgument == nil || *resp.Error.FunctionArgument != c.argument || !strings.Contains(resp.Error.Text, c.want):
			t.Errorf("(%q, %q): error %+v, want one on argument %d containing %q", c.a, c.b, resp.Error, c.argument, c.want)
		}
	}
	// The body is taken byte for byte: surrounding whitespace is part of what LinkedIn signs.
	resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
	newWebhookSignatureFunction().Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{types.StringValue("{}\n"), types.StringValue("secret")})}, resp)
	if resp.Error != nil {
		t.Errorf("a body with a trailing newline: %v", resp.Error)
	}
}
