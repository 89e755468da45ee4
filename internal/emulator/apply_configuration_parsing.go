package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
)

// This file reads a job's onsiteApplyConfiguration strictly, as Rest.li's schema validation does
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/onsite-apply-config-schema): an unknown field, a
// value of the wrong JSON type, an unknown enum symbol or a missing required field is a line of the
// element's synchronous 422. Everything else (the question rules behind codes 1100–1103 and 1151) is
// accepted here and reported later in jobPostingStatus (applyconnect.Check).
//
// The schema is applyconnect's model itself, read by reflection: a field whose JSON tag has no omitempty is
// required, a field named *QuestionRequirement takes applyconnect.Requirements and preferredFormComponent
// takes applyconnect.FormComponents. So the emulator and the provider cannot disagree on the shape.

const onsiteApplyField = "onsiteApplyConfiguration"

// parseApplyConfiguration checks v (the decoded JSON of onsiteApplyConfiguration) and returns it as the
// model; problems are added to rec as ERROR lines with the field's path.
func parseApplyConfiguration(rec *record, v any) *applyconnect.Configuration {
	before := rec.errs.Len()
	checkSchema(rec, onsiteApplyField, v, reflect.TypeFor[applyconnect.Configuration]())
	if rec.errs.Len() != before {
		return nil
	}
	m, _ := v.(map[string]any)
	u, _ := m["jobApplicationWebhookUrl"].(string)
	if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		rec.fail(onsiteApplyField+"/jobApplicationWebhookUrl", "%q is not an absolute http(s) URL", u)
		return nil
	}
	// The shape is checked, so the model decodes without surprises.
	raw, _ := json.Marshal(v)
	var c applyconnect.Configuration
	if err := json.Unmarshal(raw, &c); err != nil {
		rec.fail(onsiteApplyField, "%v", err)
		return nil
	}
	return &c
}

// checkSchema checks one value against the Go type of the model that holds it.
func checkSchema(rec *record, path string, v any, t reflect.Type) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			rec.fail(path, "%s is not a record", jsonText(v))
			return
		}
		checkRecord(rec, path, m, t)
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			rec.fail(path, "%s is not an array", jsonText(v))
			return
		}
		for i, el := range arr {
			checkSchema(rec, fmt.Sprintf("%s/%d", path, i), el, t.Elem())
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			rec.fail(path, "%s is not a string", jsonText(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			rec.fail(path, "%s is not a boolean", jsonText(v))
		}
	case reflect.Int64:
		if !isLong(v) {
			rec.fail(path, "%s is not a long", jsonText(v))
		}
	case reflect.Float64:
		if !isNumber(v) {
			rec.fail(path, "%s is not a double", jsonText(v))
		}
	}
}

// checkRecord checks the fields of a record: unknown ones, missing required ones, each present one, and
// the enum symbols.
func checkRecord(rec *record, path string, m map[string]any, t reflect.Type) {
	known := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		known[name] = f
		v, present := m[name]
		if !present || v == nil {
			if !strings.Contains(opts, "omitempty") {
				rec.fail(path+"/"+name, msgRequired)
			}
			continue
		}
		checkSchema(rec, path+"/"+name, v, f.Type)
		if s, isStr := v.(string); isStr {
			checkSymbol(rec, path+"/"+name, name, s)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		if _, ok := known[name]; !ok {
			rec.fail(path+"/"+name, "unrecognized field found but not allowed")
		}
	}
}

// checkSymbol checks the enum fields of the model: requirements and form components.
func checkSymbol(rec *record, path, name, s string) {
	var symbols []string
	switch {
	case strings.HasSuffix(name, "QuestionRequirement"):
		symbols = applyconnect.Requirements
	case name == "preferredFormComponent":
		symbols = applyconnect.FormComponents
	default:
		return
	}
	if !slices.Contains(symbols, s) {
		rec.fail(path, "%q is not an enum symbol; should be one of %s", s, strings.Join(symbols, ", "))
	}
}

// isLong reports whether v is an integral JSON number (json.Number from a request, float64 from a posting
// reloaded from the state file).
func isLong(v any) bool {
	switch n := v.(type) {
	case json.Number:
		_, err := n.Int64()
		return err == nil
	case float64:
		return n == float64(int64(n))
	}
	return false
}

func isNumber(v any) bool {
	switch n := v.(type) {
	case json.Number:
		_, err := n.Float64()
		return err == nil
	case float64:
		return true
	}
	return false
}
