package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// msgRequired is Rest.li's message for a missing field. It is used verbatim even where the
// requirement is conditional (location, or one of integrationContext/company/companyName/companyPageUrl):
// clients may match the text, so it must not carry the emulator's own hints.
const msgRequired = "field is required but not found and has no default value"

// record reads and checks the fields of one JSON record (decoded with json.Number) the way Rest.li's
// schema validation does: every problem is collected as a line "ERROR :: /field :: message\n" and the
// element is refused with all of them. Job postings use it; Recruiter System Connect's candidates,
// applications and stages (https://learn.microsoft.com/en-us/linkedin/talent/recruiter-system-connect/required-fields)
// validate their bodies with the same readers (rsc_validation.go).
type record struct {
	fields map[string]any
	errs   strings.Builder
}

// fail adds one validation line.
func (r *record) fail(field, format string, args ...any) {
	fmt.Fprintf(&r.errs, "ERROR :: /%s :: %s\n", field, fmt.Sprintf(format, args...))
}

// ok reports whether no problem was found.
func (r *record) ok() bool { return r.errs.Len() == 0 }

// message is the 422 message: every line found.
func (r *record) message() string { return r.errs.String() }

// allowOnly refuses the fields not in allowed, in name order so that messages are stable.
func (r *record) allowOnly(allowed map[string]bool) {
	for _, n := range slices.Sorted(maps.Keys(r.fields)) {
		if !allowed[n] {
			r.fail(n, "unrecognized field found but not allowed")
		}
	}
}

// present returns a field that is there and not null; a missing required one is a failure.
func (r *record) present(name string, required bool) (any, bool) {
	v, ok := r.fields[name]
	if !ok || v == nil {
		if required {
			r.fail(name, msgRequired)
		}
		return nil, false
	}
	return v, true
}

// str reads a string field.
func (r *record) str(name string, required bool) (string, bool) {
	v, ok := r.present(name, required)
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		r.fail(name, "%s is not a string", jsonText(v))
		return "", false
	}
	return s, true
}

// long reads an integer field (epoch milliseconds and the like).
func (r *record) long(name string, required bool) (int64, bool) {
	v, ok := r.present(name, required)
	if !ok {
		return 0, false
	}
	if f, isFloat := v.(float64); isFloat && f == float64(int64(f)) {
		return int64(f), true // a posting reloaded from the state file
	}
	num, isNum := v.(json.Number)
	if !isNum {
		r.fail(name, "%s is not a long", jsonText(v))
		return 0, false
	}
	n, err := num.Int64()
	if err != nil {
		r.fail(name, "%s is not a long", num)
		return 0, false
	}
	return n, true
}

// enum reads an optional enum field.
func (r *record) enum(name string, symbols ...string) (string, bool) {
	s, ok := r.str(name, false)
	if !ok {
		return "", false
	}
	if !slices.Contains(symbols, s) {
		r.fail(name, "%q is not an enum symbol; should be one of %s", s, strings.Join(symbols, ", "))
		return "", false
	}
	return s, true
}

// strList reads an optional array of strings.
func (r *record) strList(name string) ([]string, bool) {
	v, ok := r.present(name, false)
	if !ok {
		return nil, false
	}
	arr, isArr := v.([]any)
	if !isArr {
		r.fail(name, "%s is not an array", jsonText(v))
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for i, el := range arr {
		s, isStr := el.(string)
		if !isStr {
			r.fail(fmt.Sprintf("%s/%d", name, i), "%s is not a string", jsonText(el))
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// lengthIn checks a length in characters (not bytes).
func (r *record) lengthIn(name, s string, least, most int) {
	if n := utf8.RuneCountInString(s); n < least || n > most {
		r.fail(name, "length of %d characters is out of range %d..%d", n, least, most)
	}
}

// absURL checks an absolute http(s) URL.
func (r *record) absURL(name, s string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.fail(name, "%q is not an absolute http(s) URL", s)
	}
}

// jsonText is a value as JSON, for messages.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// requiredText reads a required string field that must hold at least one character other than spaces.
func (r *record) requiredText(name string) (string, bool) {
	s, ok := r.str(name, true)
	if ok && strings.TrimSpace(s) == "" {
		r.fail(name, "must be at least one character")
		return "", false
	}
	return s, ok
}

// boolean reads an optional boolean field.
func (r *record) boolean(name string) (bool, bool) {
	v, ok := r.present(name, false)
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		r.fail(name, "%s is not a boolean", jsonText(v))
	}
	return b, isBool
}

// recordList reads an optional array of records, handing each to check (when not nil).
func (r *record) recordList(name string, check func(i int, el map[string]any)) {
	v, ok := r.present(name, false)
	if !ok {
		return
	}
	arr, isArr := v.([]any)
	if !isArr {
		r.fail(name, "%s is not an array", jsonText(v))
		return
	}
	for i, el := range arr {
		m, isRec := el.(map[string]any)
		if !isRec {
			r.fail(fmt.Sprintf("%s/%d", name, i), "%s is not a record", jsonText(el))
			continue
		}
		if check != nil {
			check(i, m)
		}
	}
}
