package provider

import (
	"context"
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
