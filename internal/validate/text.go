package validate

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules for the text the provider sends to LinkedIn. Each error reads after the attribute's name ("Attribute
// title must not …") and says how to fix the value.
//
// Three kinds of text:
//   - Line: identifiers, names, titles, codes. Not blank, no surrounding whitespace (LinkedIn's forms trim it,
//     so a padded value would never match what LinkedIn stores and returns), no control characters at all.
//   - Text: long free text that LinkedIn renders as paragraphs (a job's description and skills). Not blank;
//     tabs and line breaks are allowed, and so is surrounding whitespace, since a heredoc or file() always
//     ends with a newline; other control characters are refused.
//   - TrimmedText: free text that LinkedIn stores and returns (an application's description): Text without
//     surrounding whitespace, so that the value read back matches the configuration.
//
// Credential is Line for secrets: its messages never quote the value.

// NotBlank refuses an empty or whitespace-only value.
func NotBlank(s string) error {
	switch {
	case s == "":
		return errors.New("must not be empty: LinkedIn needs a value here; set one")
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("must not be blank (only whitespace), got %q: LinkedIn needs a value here; set one", s)
	}
	return nil
}

// NotPadded refuses leading or trailing whitespace and names the trimmed value as the fix.
func NotPadded(s string) error {
	if t := strings.TrimSpace(s); t != s {
		return fmt.Errorf("must not start or end with whitespace, got %q; write %q", s, t)
	}
	return nil
}

// NoControlCharacters refuses control characters (Unicode category Cc); allowLineBreaks keeps tab, line feed
// and carriage return for free text.
func NoControlCharacters(s string, allowLineBreaks bool) error {
	for i, r := range s {
		if !unicode.IsControl(r) || allowLineBreaks && (r == '\t' || r == '\n' || r == '\r') {
			continue
		}
		what := "control characters"
		if allowLineBreaks {
			what = "control characters other than tab and line breaks"
		}
		return fmt.Errorf("must not contain %s, got %s at character %d of %q: remove it", what, runeName(r),
			utf8.RuneCountInString(s[:i])+1, s)
	}
	return nil
}

// Line checks one line of text: an identifier, a name, a title.
func Line(s string) error {
	if err := NotBlank(s); err != nil {
		return err
	}
	if err := NotPadded(s); err != nil {
		return err
	}
	return NoControlCharacters(s, false)
}

// Text checks long free text: not blank, tabs and line breaks allowed, no other control characters.
func Text(s string) error {
	if err := NotBlank(s); err != nil {
		return err
	}
	return NoControlCharacters(s, true)
}

// TrimmedText checks free text that LinkedIn returns on read: Text without surrounding whitespace.
func TrimmedText(s string) error {
	if err := Text(s); err != nil {
		return err
	}
	return NotPadded(s)
}

// Credential checks a client ID, client secret or access token like Line, without quoting the value.
func Credential(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New("must not be empty or only whitespace: set the credential")
	case strings.TrimSpace(s) != s:
		return errors.New("must not start or end with whitespace (value not shown): remove the spaces or line break around the credential, often left by copying it")
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return errors.New("must not contain control characters (value not shown): copy the credential again")
	}
	return nil
}

func runeName(r rune) string {
	names := map[rune]string{'\t': "tab", '\n': "line feed", '\r': "carriage return", 0: "NUL", 0x1b: "escape", 0x7f: "delete"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}
