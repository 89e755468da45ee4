package validate

import (
	"strings"
	"testing"
)

func TestTextRules(t *testing.T) {
	cases := []struct {
		rule  string
		check func(string) error
		good  []string
		bad   map[string]string // value → part of the message
	}{
		{"Line", Line, []string{"Acme ATS", "REQ-1", "Ingénieur·e logiciel", "a"}, map[string]string{
			"":             "must not be empty",
			"   ":          "must not be blank (only whitespace)",
			"\u00a0":       "must not be blank",
			" Acme":        `write "Acme"`,
			"Acme\n":       `must not start or end with whitespace, got "Acme\n"; write "Acme"`,
			"Ac\nme":       "U+000A (line feed) at character 3",
			"Ac\u0007me":   "must not contain control characters, got U+0007 at character 3",
			"Ac\u0000me":   "U+0000 (NUL)",
			"é\u001bx":     "U+001B (escape) at character 2", // characters, not bytes
			"Ac\u0085me":   "U+0085",                         // C1 control
			"Acme\u007fX":  "U+007F (delete)",
			"\tAcme":       "must not start or end with whitespace",
			"Acme\r\nATS ": "must not start or end with whitespace",
		}},
		{"Text", Text, []string{"Line one.\nLine two.\n", "\tIndented\r\n", " leading space is kept "}, map[string]string{
			"":          "must not be empty",
			"\n\n\t ":   "must not be blank",
			"a\u0007b":  "control characters other than tab and line breaks, got U+0007",
			"a\u000bb":  "U+000B",
			"a\u001b[m": "U+001B (escape)",
		}},
		{"TrimmedText", TrimmedText, []string{"Acme's ATS", "Two\nlines"}, map[string]string{
			" Acme":     `write "Acme"`,
			"Acme\n":    "must not start or end with whitespace",
			"A\u0007cm": "U+0007",
			"  ":        "must not be blank",
		}},
		{"Credential", Credential, []string{"emulator-child-secret", "AQX-token.value"}, map[string]string{
			"":           "must not be empty or only whitespace",
			" ":          "must not be empty or only whitespace",
			"secret\n":   "must not start or end with whitespace (value not shown)",
			"sec\x07ret": "must not contain control characters (value not shown)",
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
			case c.rule == "Credential" && strings.TrimSpace(value) != "" && strings.Contains(err.Error(), strings.TrimSpace(value)):
				t.Errorf("Credential(%q) shows the value: %q", value, err)
			}
		}
	}
}
