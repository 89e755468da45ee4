package client

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestLogsRedactSecrets(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v2/provisionedApplications" && r.Method == http.MethodPost {
			writeJSON(w, 201, map[string]any{"key": "urn:li:developerApplication:9", "credentials": map[string]any{"client_id": "cid", "client_secret": "child-secret-value"}})
			return
		}
		okConfigResponse(w, r)
	})
	c, _ := credsClient(f, nil)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if _, err := c.Configurations.BatchDelete(ctx, []ConfigurationKey{cfgKey("JOB_POSTING_VIEWERS")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Applications.Create(ctx, ProvisionedApplicationInput{UniqueForeignID: "u", Name: "n", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	// FetchToken on its own (the ephemeral resource's path) logs too.
	if _, err := FetchToken(ctx, nil, f.srv.URL+"/oauth/v2", "client-id", "s3cr3t-value"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, secret := range []string{"s3cr3t-value", "tok-1", "tok-2", "child-secret-value"} {
		if strings.Contains(out, secret) {
			t.Errorf("log output holds the secret %q", secret)
		}
	}
	if !strings.Contains(out, redacted) {
		t.Error("nothing was redacted: were headers and bodies logged at all?")
	}
	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var debug, trace int
	for _, e := range entries {
		switch e["@level"] {
		case "debug":
			debug++
			for _, k := range []string{"http_method", "path", "restli_method", "status", "duration_ms", "attempt"} {
				if _, ok := e[k]; !ok {
					t.Errorf("DEBUG line without %s: %v", k, e)
				}
			}
		case "trace":
			trace++
			if _, ok := e["request_headers"]; !ok {
				t.Errorf("TRACE line without headers: %v", e)
			}
		}
	}
	// Token grant, batch_delete, create, FetchToken: one DEBUG and one TRACE line each.
	if debug != 4 || trace != 4 {
		t.Errorf("%d DEBUG and %d TRACE lines, want 4 and 4:\n%s", debug, trace, out)
	}
}

func TestRedactString(t *testing.T) {
	cases := map[string]string{
		`{"access_token":"abc","expires_in":1800}`:                  `{"access_token":"[REDACTED]","expires_in":1800}`,
		`grant_type=client_credentials&client_id=x&client_secret=y`: `grant_type=client_credentials&client_id=x&client_secret=[REDACTED]`,
		`{"credentials":{"client_id":"c","client_secret":"q\"z"}}`:  `{"credentials":{"client_id":"c","client_secret":"[REDACTED]"}}`,
	}
	for in, want := range cases {
		if got := redactString(in, nil); got != want {
			t.Errorf("redactString(%s) = %s, want %s", in, got, want)
		}
	}
	if got := redactHeaders(http.Header{"Authorization": {"Bearer abc"}}, nil); got != "Authorization: Bearer [REDACTED]\n" {
		t.Errorf("header: %q", got)
	}
}

// A secret too short for literal masking (and so recognised only by its field name) never reaches a TRACE
// line: not in the token grant's form body, not in a JSON body, not at the truncation boundary of a long body.
func TestLogsRedactSecretsByName(t *testing.T) {
	const short = "Zq9" // shorter than minMaskedLen
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		// A long answer whose client_secret straddles the point where the logged body is cut.
		pad := strings.Repeat("x", maxLoggedBody-len(`{"pad":"`)-len(`","client_secret":"`)-len(short))
		_, _ = w.Write([]byte(`{"pad":"` + pad + `","client_secret":"` + short + `Zq9Zq9"}`))
	})
	f.oauth = func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if r.PostForm.Get("client_secret") != short {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": "Tk1", "expires_in": 1800})
	}
	c, _ := credsClient(f, func(cfg *Config) { cfg.ClientSecret = short })
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	_, _ = c.Applications.GetByUniqueForeignID(ctx, "u")
	out := buf.String()
	for _, leak := range []string{"client_secret=" + short, `client_secret\":\"` + short, "Bearer Tk1", `\"Tk1\"`} {
		if strings.Contains(out, leak) {
			t.Errorf("log output holds %q", leak)
		}
	}
	if !strings.Contains(out, "client_secret=[REDACTED]") || !strings.Contains(out, "(truncated)") {
		t.Errorf("expected a redacted form body and a truncated response body:\n%.2000s", out)
	}
}
