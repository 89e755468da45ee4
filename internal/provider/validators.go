package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// funcValidator is the provider's one adapter from a rule of package validate to a string attribute
// validator. The rule's error reads after the attribute's name, and the diagnostic is
// "Attribute <path> <rule and fix>." (Terraform also prints the attribute's line). An optional warn rule adds
// a warning for a value that is valid but unwise.
type funcValidator struct {
	summary     string // "" means "Invalid <path>"
	description string
	check       func(string) error
	warn        func(string) string
}

var _ validator.String = funcValidator{}

func (v funcValidator) Description(context.Context) string         { return v.description }
func (v funcValidator) MarkdownDescription(context.Context) string { return v.description }

func (v funcValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) {
		return
	}
	s := req.ConfigValue.ValueString()
	summary := v.summary
	if summary == "" {
		summary = "Invalid " + req.Path.String()
	}
	if v.check != nil {
		if err := v.check(s); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, summary, fmt.Sprintf("Attribute %s %s.", req.Path, err))
			return
		}
	}
	if v.warn != nil {
		if w := v.warn(s); w != "" {
			resp.Diagnostics.AddAttributeWarning(req.Path, "Check "+req.Path.String(), fmt.Sprintf("Attribute %s: %s", req.Path, w))
		}
	}
}

// ruleValidator wraps a rule of package validate.
func ruleValidator(description string, check func(string) error) validator.String {
	return funcValidator{description: description, check: check}
}

// Validators of the text rules (see package validate for which kind of text takes which rule).
func lineValidator() validator.String {
	return ruleValidator("one line of text: not blank, no surrounding whitespace, no control characters", validate.Line)
}

func textValidator() validator.String {
	return ruleValidator("free text: not blank; tabs and line breaks allowed, no other control characters", validate.Text)
}

func trimmedTextValidator() validator.String {
	return ruleValidator("free text: not blank, no surrounding whitespace; tabs and line breaks allowed, no other control characters", validate.TrimmedText)
}

func credentialValidator() validator.String {
	return ruleValidator("not blank, no surrounding whitespace, no control characters", validate.Credential)
}

// apiURLValidator checks api_url.
func apiURLValidator() validator.String {
	return ruleValidator("an https:// base URL (http:// only for a loopback host) without /rest or /v2", validate.APIURL)
}

// oauthURLValidator checks oauth_url.
func oauthURLValidator() validator.String {
	return ruleValidator("the https:// base of the OAuth 2.0 endpoints (http:// only for a loopback host), such as https://www.linkedin.com/oauth/v2", validate.OAuthURL)
}

// httpURLValidator checks an absolute http(s) URL.
func httpURLValidator() validator.String {
	return ruleValidator("an absolute http:// or https:// URL", validate.HTTPURL)
}

// apiVersionValidator checks api_version against the current month; a version over a year old is a warning.
func apiVersionValidator(now func() time.Time) validator.String {
	return funcValidator{
		description: "an active LinkedIn API version, YYYYMM or YYYYMM.RR, not in the future",
		check: func(s string) error {
			_, err := validate.APIVersion(s, now())
			return err
		},
		warn: func(s string) string {
			w, _ := validate.APIVersion(s, now())
			return w
		},
	}
}

func applicationNameValidator() validator.String {
	return funcValidator{summary: "Invalid application name", description: "at most 50 characters, must not contain \"LinkedIn\"",
		check: func(s string) error {
			if err := validate.ApplicationName(s); err != nil {
				return fmt.Errorf("%w (LinkedIn's rule for child application names)", err)
			}
			return nil
		}}
}

func jsSDKDomainValidator() validator.String {
	return funcValidator{summary: "Invalid JS SDK domain", description: "an http(s) origin without a path or trailing \"/\"",
		check: validate.JSSDKDomain}
}

func callbackURLListValidator() validator.String {
	return funcValidator{summary: "Invalid OAuth 2.0 callback URL", description: "an absolute http(s) URL", check: validate.HTTPURL}
}
