package validate

import (
	"strings"
	"testing"
)

func TestURLRules(t *testing.T) {
	cases := []struct {
		rule  string
		check func(string) error
		good  []string
		bad   map[string]string // value → part of the message
	}{
		{"HTTPURL", HTTPURL, []string{"https://careers.example.com/jobs/1", "http://a.b/c?d=e", "https://x.example.com:8443/p#f"}, map[string]string{
			"":                               "it is empty",
			"careers.example.com/jobs/1":     "it has no scheme",
			"ftp://example.com":              "it starts with ftp://",
			"https://":                       "it has no host",
			"https://exa mple.com":           "whitespace or a control character at character 12",
			"https://example.com/a b":        "whitespace",
			"https://example.com/a\n":        "whitespace",
			"https://user:pw@example.com/cb": "user information",
			"mailto:jobs@example.com":        "it has no host",
			"https://example.com/%zz":        "it is not a URL",
			"/jobs/1":                        "it has no scheme",
		}},
		{"HTTPSURL", HTTPSURL, []string{"https://ats.example.com/linkedin/export"}, map[string]string{
			"http://ats.example.com/export":     "LinkedIn takes only https://",
			"https://":                          "it has no host",
			"ats.example.com":                   "it has no scheme",
			"https://user:pw@ats.example.com":   "user information",
			"https://ats.example.com/call back": "whitespace",
		}},
		{"WebhookURL", WebhookURL, []string{"https://ats.example.com/linkedin/applications", "http://127.0.0.1:8080/apply",
			"http://localhost:9000", "http://[::1]:8080/a?b=c", "https://ats.example.com/a?customer=7"}, map[string]string{
			"http://ats.example.com/apply": "only over https://; use https://ats.example.com/apply",
			"http://10.0.0.1/apply":        "only over https://",
			"ftp://ats.example.com":        "it starts with ftp://",
			"ats.example.com/apply":        "it has no scheme",
			"https://":                     "it has no host",
			"https://a.example.com/a b":    "whitespace",
		}},
		{"EndpointURL", EndpointURL, []string{"https://api.linkedin.com", "https://www.linkedin.com/oauth/v2", "http://127.0.0.1:8080",
			"http://127.10.0.1", "http://localhost:9000/", "http://LOCALHOST", "http://[::1]:8080/oauth/v2", "https://10.0.0.1"}, map[string]string{
			"http://api.linkedin.com":          "plain http:// to api.linkedin.com would send the client secret and access tokens unencrypted; use https://api.linkedin.com",
			"http://www.linkedin.com/oauth/v2": "use https://www.linkedin.com/oauth/v2",
			"http://10.0.0.1:8080":             "plain http:// to 10.0.0.1",
			"http://localhost.example.com":     "plain http://",
			"http://128.0.0.1":                 "plain http://",
			"http://[::2]":                     "plain http://",
			"ftp://api.linkedin.com":           "it starts with ftp://",
			"https://api.linkedin.com?x=1":     "no query",
			"https://api.linkedin.com/#frag":   "or fragment",
			"api.linkedin.com":                 "it has no scheme",
			"https://u:p@api.linkedin.com":     "user information",
		}},
		{"APIURL", APIURL, []string{"https://api.linkedin.com", "https://api.linkedin.com/", "http://127.0.0.1:8080", "https://proxy.example.com/linkedin"}, map[string]string{
			"https://api.linkedin.com/rest":  `without /rest (the provider adds /rest and /v2 to every call), got "https://api.linkedin.com/rest": use "https://api.linkedin.com"`,
			"https://api.linkedin.com/v2/":   `without /v2`,
			"http://127.0.0.1:8080/REST":     `use "http://127.0.0.1:8080"`,
			"https://proxy.example.com/x/v2": `use "https://proxy.example.com/x"`,
			"http://api.linkedin.com":        "plain http://",
		}},
		{"OAuthURL", OAuthURL, []string{"https://www.linkedin.com/oauth/v2", "http://127.0.0.1:8080/oauth/v2/", "https://sso.example.com/linkedin"}, map[string]string{
			"https://www.linkedin.com":                       "with its path",
			"http://127.0.0.1:8080/":                         "with its path",
			"https://www.linkedin.com/oauth/v2/accessToken":  `not the token endpoint, got "https://www.linkedin.com/oauth/v2/accessToken": use "https://www.linkedin.com/oauth/v2"`,
			"https://www.linkedin.com/oauth/v2/accesstoken/": `use "https://www.linkedin.com/oauth/v2"`,
			"http://www.linkedin.com/oauth/v2":               "plain http://",
		}},
		{"JSSDKDomain", JSSDKDomain, []string{"https://ats.example.com", "http://localhost:3000", "https://ats.example.com:8443"}, map[string]string{
			"":                             "it is empty",
			"ftp://acme.example.com":       "it starts with ftp://",
			"https://acme.example.com/app": `an origin has no path, query or fragment; write "https://acme.example.com"`,
			"https://acme.example.com/":    `it must not end with "/"; write "https://acme.example.com"`,
			"https://acme.example.com?a=b": "an origin has no path, query or fragment",
			"acme.example.com":             `it has no scheme; write "https://acme.example.com"`,
			"a b":                          "whitespace",
		}},
		{"CompanyPageURL", CompanyPageURL, []string{"https://www.linkedin.com/company/acme", "https://www.linkedin.com/company/acme/",
			"https://www.linkedin.com/company/1035", "https://WWW.LinkedIn.com/company/acme-corp_2", "https://www.linkedin.com/company/soci%C3%A9t%C3%A9"}, map[string]string{
			"https://www.linkedin.com/in/someone":                "its path must be /company/",
			"https://www.linkedin.com/company/":                  "its path must be /company/",
			"https://www.linkedin.com/company/acme/jobs":         "its path must be /company/",
			"https://www.linkedin.com/company/..":                "its path must be /company/",
			"https://linkedin.com/company/acme":                  "its host is linkedin.com; write www.linkedin.com",
			"https://www.linkedin.com.evil.example/company/acme": "write www.linkedin.com",
			"http://www.linkedin.com/company/acme":               "write https://",
			"https://www.linkedin.com/company/acme?trk=x":        "remove the query",
			"www.linkedin.com/company/acme":                      "it has no scheme",
		}},
	}
	for _, c := range cases {
		for _, g := range c.good {
			if err := c.check(g); err != nil {
				t.Errorf("%s(%q): %v", c.rule, g, err)
			}
		}
		for value, want := range c.bad {
			err := c.check(value)
			switch {
			case err == nil:
				t.Errorf("%s(%q) accepted", c.rule, value)
			case !strings.Contains(err.Error(), want):
				t.Errorf("%s(%q) = %q, want it to contain %q", c.rule, value, err, want)
			}
		}
	}
}

func TestIsLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{"localhost": true, "127.0.0.1": true, "127.255.0.9": true, "::1": true,
		"::ffff:127.0.0.1": true, "10.0.0.1": false, "api.linkedin.com": false, "localhost.example.com": false, "": false} {
		if got := IsLoopbackHost(host); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v", host, got)
		}
	}
}
