package validate

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The URL rules of the provider, one function per kind of URL. Each error reads after the attribute's name
// ("Attribute api_url must be …"), states the rule, quotes the value and says what to change.

// parseAbsolute parses an absolute URL with a host and no user information; it returns what is wrong ("" =
// nothing) so that each rule can put it in its own sentence.
func parseAbsolute(s string) (*url.URL, string) {
	if s == "" {
		return nil, "it is empty"
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); i >= 0 {
		return nil, fmt.Sprintf("it contains whitespace or a control character at character %d; remove it (a space in a path is written %%20)",
			utf8.RuneCountInString(s[:i])+1)
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Sprintf("it is not a URL (%v)", err)
	}
	if u.Scheme == "" {
		return nil, "it has no scheme; start it with https://"
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return nil, "it has no host"
	}
	if u.User != nil {
		return nil, "it carries user information (user:password@); remove it"
	}
	return u, ""
}

func httpScheme(u *url.URL) bool { return u.Scheme == "http" || u.Scheme == "https" }

// HTTPURL checks an absolute http:// or https:// URL with a host (apply URLs, tracking pixels, OAuth 2.0
// callback URLs).
func HTTPURL(s string) error {
	u, problem := parseAbsolute(s)
	if problem == "" && !httpScheme(u) {
		problem = fmt.Sprintf("it starts with %s://; use https:// (or http://)", u.Scheme)
	}
	if problem != "" {
		return fmt.Errorf("must be an absolute http:// or https:// URL with a host, such as https://careers.example.com/jobs/123, got %q: %s", s, problem)
	}
	return nil
}

// HTTPSURL checks an absolute https:// URL with a host (a CALLBACK_URL configuration).
func HTTPSURL(s string) error {
	u, problem := parseAbsolute(s)
	if problem == "" && u.Scheme != "https" {
		problem = fmt.Sprintf("it starts with %s://; LinkedIn takes only https://", u.Scheme)
	}
	if problem != "" {
		return fmt.Errorf("must be an HTTPS URL (absolute, https://, with a host), such as https://ats.example.com/linkedin/callback, got %q: %s", s, problem)
	}
	return nil
}

// WebhookURL checks a URL LinkedIn calls with job applications (an Apply Connect job's
// jobApplicationWebhookUrl): https:// with a host, as LinkedIn requires
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply). Plain http:// is
// accepted only for a loopback host (http://127.0.0.1:8080/..., http://localhost:..., http://[::1]:...), where a
// local receiver listens for a local LinkedIn emulator: nothing leaves the machine there.
func WebhookURL(s string) error {
	const rule = "must be an https:// URL (http:// only for a loopback host: localhost, 127.0.0.0/8 or ::1), such as https://ats.example.com/linkedin/applications"
	_, problem := httpsOrLoopback(s, "LinkedIn delivers applications only to https://", func(string) string {
		return "LinkedIn delivers applications (with the applicants' personal data) only over https://"
	})
	if problem != "" {
		return fmt.Errorf("%s, got %q: %s", rule, s, problem)
	}
	return nil
}

// httpsOrLoopback parses s as a URL that must be https://, or http:// on a loopback host (where a local emulator
// or receiver listens and nothing leaves the machine), and returns what is wrong ("" = nothing). otherScheme says
// what to do about a scheme other than http(s); exposed says what plain http:// to host would expose.
func httpsOrLoopback(s, otherScheme string, exposed func(host string) string) (*url.URL, string) {
	u, problem := parseAbsolute(s)
	switch {
	case problem != "":
	case !httpScheme(u):
		problem = fmt.Sprintf("it starts with %s://; %s", u.Scheme, otherScheme)
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()):
		https := *u
		https.Scheme = "https"
		problem = fmt.Sprintf("%s; use %s", exposed(u.Hostname()), https.String())
	}
	return u, problem
}

// IsLoopbackHost reports whether host (without port) is localhost or a loopback address (127.0.0.0/8, ::1).
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// EndpointURL checks the base URL of LinkedIn's data or OAuth APIs (api_url, oauth_url): https:// with a host,
// no query or fragment. Plain http:// is accepted only for a loopback host (a local emulator), since client
// secrets and access tokens travel on these calls.
func EndpointURL(s string) error {
	const rule = "must be an https:// URL (http:// only for a loopback host: localhost, 127.0.0.0/8 or ::1)"
	u, problem := httpsOrLoopback(s, "use https://", func(host string) string {
		return "plain http:// to " + host + " would send the client secret and access tokens unencrypted"
	})
	switch {
	case problem != "":
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		problem = "a base URL takes no query (?…) or fragment (#…); remove it"
	}
	if problem != "" {
		return fmt.Errorf("%s, got %q: %s", rule, s, problem)
	}
	return nil
}

// APIURL checks api_url: an EndpointURL whose path does not end in /rest or /v2. The provider appends those
// itself, so an api_url such as https://api.linkedin.com/rest would send every call to /rest/rest/..., which
// LinkedIn does not serve. Any other path (a proxy's prefix) is allowed.
func APIURL(s string) error {
	if err := EndpointURL(s); err != nil {
		return err
	}
	u, _ := url.Parse(s)
	p := strings.TrimRight(u.Path, "/")
	for _, suffix := range []string{"/rest", "/v2"} {
		if strings.HasSuffix(strings.ToLower(p), suffix) {
			base := *u
			base.Path = strings.TrimSuffix(p, p[len(p)-len(suffix):])
			return fmt.Errorf("must be the API's base URL without %s (the provider adds /rest and /v2 to every call), "+
				"got %q: use %q (LinkedIn's is https://api.linkedin.com)", suffix, s, base.String())
		}
	}
	return nil
}

// OAuthURL checks oauth_url: an EndpointURL with a path (LinkedIn's OAuth 2.0 endpoints live under
// https://www.linkedin.com/oauth/v2), not the token endpoint itself (the provider appends /accessToken).
func OAuthURL(s string) error {
	if err := EndpointURL(s); err != nil {
		return err
	}
	u, _ := url.Parse(s)
	p := strings.TrimRight(u.Path, "/")
	switch {
	case p == "":
		return fmt.Errorf("must be the base of the OAuth 2.0 endpoints, with its path, got %q: LinkedIn's is "+
			"https://www.linkedin.com/oauth/v2 (the emulator's is <its URL>/oauth/v2)", s)
	case strings.HasSuffix(strings.ToLower(p), "/accesstoken"):
		return fmt.Errorf("must be the base of the OAuth 2.0 endpoints, not the token endpoint, got %q: use %q "+
			"(the provider appends /accessToken)", s, strings.TrimSuffix(strings.TrimRight(s, "/"), p[strings.LastIndex(p, "/"):]))
	}
	return nil
}

// JSSDKDomain checks one valid_js_sdk_domains entry: an http(s) origin (scheme, host and optional port),
// without a path, query or trailing "/", as browsers send it in the Origin header.
func JSSDKDomain(s string) error {
	const rule = "must be an http:// or https:// origin (scheme, host and optional port), such as https://ats.example.com"
	u, problem := parseAbsolute(s)
	switch {
	case problem == "it has no scheme; start it with https://":
		problem = fmt.Sprintf("it has no scheme; write %q", "https://"+s)
	case problem != "":
	case !httpScheme(u):
		problem = fmt.Sprintf("it starts with %s://; LinkedIn's JavaScript SDK runs only on http:// or https:// pages", u.Scheme)
	case u.Path == "/" && u.RawQuery == "" && u.Fragment == "":
		problem = fmt.Sprintf("it must not end with \"/\"; write %q", strings.TrimSuffix(s, "/"))
	case u.Path != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		problem = fmt.Sprintf("an origin has no path, query or fragment; write %q", u.Scheme+"://"+u.Host)
	}
	if problem != "" {
		return fmt.Errorf("%s, got %q: %s", rule, s, problem)
	}
	return nil
}

// companyPagePath is /company/<vanity name or numeric id>, optionally followed by "/".
var companyPagePath = regexp.MustCompile(`^/company/([A-Za-z0-9%_~.-]+)/?$`)

// CompanyPageURL checks a company's LinkedIn page: https://www.linkedin.com/company/<name-or-id>, with an
// optional trailing "/" and nothing after it.
func CompanyPageURL(s string) error {
	const rule = "must be a LinkedIn company page URL, https://www.linkedin.com/company/<name-or-id> (a trailing \"/\" is fine), " +
		"such as https://www.linkedin.com/company/acme"
	u, problem := parseAbsolute(s)
	switch {
	case problem != "":
	case u.Scheme != "https":
		problem = "write https://"
	case !strings.EqualFold(u.Host, "www.linkedin.com"):
		problem = fmt.Sprintf("its host is %s; write www.linkedin.com", u.Host)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		problem = "remove the query (?…) or fragment (#…)"
	default:
		m := companyPagePath.FindStringSubmatch(u.EscapedPath())
		if m == nil || m[1] == "." || m[1] == ".." {
			problem = "its path must be /company/ followed by the page's name or id (copy the address of the company page on LinkedIn)"
		}
	}
	if problem != "" {
		return fmt.Errorf("%s, got %q: %s", rule, s, problem)
	}
	return nil
}
