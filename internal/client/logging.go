package client

import (
	"context"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// redacted replaces every secret in log output.
const redacted = "[REDACTED]"

// maxLoggedBody caps a body in TRACE output: a batch of job descriptions can weigh megabytes.
const maxLoggedBody = 64 << 10

// Secrets are recognised by name, whatever their value: JSON fields and form fields that carry tokens or
// client secrets. Values known to the client (its secret, its tokens) are also masked literally.
var (
	jsonSecretRE = regexp.MustCompile(`"(access_token|accessToken|refresh_token|client_secret|clientSecret|id_token)"\s*:\s*"(?:[^"\\]|\\.)*"`)
	formSecretRE = regexp.MustCompile(`(^|[&?\s])(client_secret|access_token|refresh_token|code)=[^&\s]*`)
)

// sensitiveHeaders never appear in logs with their value.
var sensitiveHeaders = map[string]bool{
	"Authorization":       true,
	"Proxy-Authorization": true,
	"Cookie":              true,
	"Set-Cookie":          true,
}

// callLog is what one HTTP attempt tells the log.
type callLog struct {
	method, path, query, restli string
	status                      int
	err                         error
	duration                    time.Duration
	attempt                     int
	tunnelled                   bool
	reqHeader, respHeader       http.Header
	reqBody, respBody           []byte
	secrets                     []string
}

// logCall writes one DEBUG line per attempt and, at TRACE, the headers and bodies with secrets removed.
// tflog takes its logger from ctx: outside Terraform (and in plain unit tests) it writes nothing. Nothing
// is built (field maps, redacted headers and bodies) for a level the logger would not write: the provider
// runs with its logger off unless a TF_LOG variable asks for logs.
func logCall(ctx context.Context, l callLog) {
	if !tflog.IsDebug(ctx) {
		return
	}
	secrets := nonEmpty(l.secrets)
	if len(secrets) > 0 {
		// Belt and braces: tflog masks any field value or message still holding a known secret.
		ctx = tflog.MaskAllFieldValuesStrings(ctx, secrets...)
		ctx = tflog.MaskMessageStrings(ctx, secrets...)
	}
	fields := map[string]any{
		"http_method":   l.method,
		"path":          redactString(l.path, secrets),
		"restli_method": l.restli,
		"attempt":       l.attempt,
		"duration_ms":   l.duration.Milliseconds(),
	}
	if l.status != 0 {
		fields["status"] = l.status
	}
	if l.tunnelled {
		fields["tunnelled"] = true
	}
	if l.err != nil {
		fields["error"] = redactString(l.err.Error(), secrets)
	}
	tflog.Debug(ctx, "LinkedIn API call", fields)
	if !tflog.IsTrace(ctx) {
		return
	}

	trace := make(map[string]any, len(fields)+5)
	for k, v := range fields {
		trace[k] = v
	}
	trace["query"] = redactString(l.query, secrets)
	trace["request_headers"] = redactHeaders(l.reqHeader, secrets)
	trace["request_body"] = redactBody(l.reqBody, secrets)
	if l.respHeader != nil {
		trace["response_headers"] = redactHeaders(l.respHeader, secrets)
		trace["response_body"] = redactBody(l.respBody, secrets)
	}
	tflog.Trace(ctx, "LinkedIn API call detail", trace)
}

// minMaskedLen keeps literal masking from garbling logs with a very short (test) secret: real tokens and
// secrets are long, and name-based redaction still removes short ones from headers and bodies.
const minMaskedLen = 6

func nonEmpty(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if len(s) >= minMaskedLen {
			out = append(out, s)
		}
	}
	return out
}

// redactHeaders writes headers one per line, sorted, sensitive values replaced.
func redactHeaders(h http.Header, secrets []string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			if sensitiveHeaders[http.CanonicalHeaderKey(k)] {
				if scheme, _, ok := strings.Cut(v, " "); ok {
					v = scheme + " " + redacted
				} else {
					v = redacted
				}
			}
			b.WriteString(k + ": " + redactString(v, secrets) + "\n")
		}
	}
	return b.String()
}

// redactBody removes secret fields from a JSON or form body, then shortens it. The order matters: cutting
// first could split `"client_secret":"…"` so that the pattern no longer matches and half a secret is logged.
func redactBody(body []byte, secrets []string) string {
	if len(body) == 0 {
		return ""
	}
	s := redactString(string(body), secrets)
	if len(s) > maxLoggedBody {
		s = s[:maxLoggedBody] + "…(truncated)"
	}
	return s
}

// Field names the patterns above look for: a string holding none of them cannot match, and most bodies
// (a batch of configurations, job postings) hold none, so the regular expressions run only when one is there.
var (
	jsonSecretNames = []string{"access_token", "accessToken", "refresh_token", "client_secret", "clientSecret", "id_token"}
	formSecretNames = []string{"client_secret=", "access_token=", "refresh_token=", "code="}
)

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// redactString removes secrets recognised by field name, then known secret values.
func redactString(s string, secrets []string) string {
	if containsAny(s, jsonSecretNames) {
		s = jsonSecretRE.ReplaceAllString(s, `"$1":"`+redacted+`"`)
	}
	if containsAny(s, formSecretNames) {
		s = formSecretRE.ReplaceAllString(s, `$1$2=`+redacted)
	}
	for _, sec := range secrets {
		if len(sec) >= minMaskedLen {
			s = strings.ReplaceAll(s, sec, redacted)
		}
	}
	return s
}
