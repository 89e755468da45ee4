package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// onsiteApplyValue is onsite_apply_configuration from a fragment written as Terraform's JSON (attribute
// names in snake_case; attributes left out are null).
func onsiteApplyValue(t *testing.T, fragment string) cachedObjectValue {
	t.Helper()
	ctx := context.Background()
	typ := onsiteApplyAttribute().GetType()
	tv, err := tftypes.ValueFromJSONWithOpts([]byte(fragment), typ.TerraformType(ctx), tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatalf("fragment %s: %v", fragment, err)
	}
	v, err := typ.ValueFromTerraform(ctx, tv)
	if err != nil {
		t.Fatal(err)
	}
	return v.(cachedObjectValue)
}

// applyJob is a job posting with onsite_apply_configuration from fragment, everything else valid.
func applyJob(t *testing.T, fragment string) *jobPostingModel {
	return &jobPostingModel{
		IntegrationContext:       types.StringValue("urn:li:organization:1000"),
		Availability:             types.StringValue("PUBLIC"),
		OnsiteApplyConfiguration: onsiteApplyValue(t, fragment),
	}
}

// Fragments of questions, as Terraform's JSON.
func question(id, details string, extra ...string) string {
	return fmt.Sprintf(`{"partner_question_identifier":%q,"question_text":"Question %s?","question_details":%s%s}`, id, id, details, strings.Join(extra, ""))
}

func radio(choices ...string) string {
	var cs []string
	for _, c := range choices {
		cs = append(cs, fmt.Sprintf(`{"symbolic_name":%q,"display_value":%q}`, c, c))
	}
	return fmt.Sprintf(`{"multiple_choice_question_details":{"preferred_form_component":"RADIO_BUTTONS","choices":[%s]}}`, strings.Join(cs, ","))
}

const textDetails = `{"text_question_details":{"max_length":200}}`

func prerequisite(id string, names ...string) string {
	b, _ := json.Marshal(names)
	return fmt.Sprintf(`,"prerequisite_question_response":{"prerequisite_question":{"partner_question_identifier":%q},"prerequisite_response":{"multiple_choice_answer_value":{"symbolic_names":%s}}}`, id, b)
}

// withQuestions is a configuration whose additional questions are one set of the given questions.
func withQuestions(repeatLimit string, questions ...string) string {
	limit := ""
	if repeatLimit != "" {
		limit = `,"repeat_limit":` + repeatLimit
	}
	return fmt.Sprintf(`{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"additional_questions":{"custom_question_sets":[{"questions":[%s]%s}]}}}`,
		strings.Join(questions, ","), limit)
}

const setPath = "onsite_apply_configuration.questions.additional_questions.custom_question_sets[0]"

// Every question rule of applyconnect.Check surfaces at plan time as an error naming the attribute, the
// LinkedIn Apply error code and LinkedIn's status message.
func TestValidateOnsiteApply_questionRules(t *testing.T) {
	mc := func(details string) string { return question("q", details) }
	cases := []struct {
		name, fragment string
		code           int
		path           string
	}{
		{"questionDetails without a member", withQuestions("", question("q", `{}`)), 1100, setPath + ".questions[0].question_details"},
		{"questionDetails with two members", withQuestions("", question("q", `{"text_question_details":{"max_length":5},"date_range_question_details":{}}`)), 1100, setPath + ".questions[0].question_details"},
		{"prerequisite chain", withQuestions("", question("a", radio("YES", "NO")), question("b", radio("YES", "NO"), prerequisite("a", "YES")), question("c", textDetails, prerequisite("b", "YES"))),
			1101, setPath + ".questions[2].prerequisite_question_response.prerequisite_question.partner_question_identifier"},
		{"prerequisite in another array", `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"resume_questions":{"custom_questions":[` + question("a", radio("YES", "NO")) + `]},"cover_letter_questions":{"custom_questions":[` + question("b", textDetails, prerequisite("a", "YES")) + `]}}}`,
			1102, "onsite_apply_configuration.questions.cover_letter_questions.custom_questions[0].prerequisite_question_response.prerequisite_question.partner_question_identifier"},
		{"prerequisite in a repeatable set", withQuestions("3", question("a", radio("YES", "NO")), question("b", textDetails, prerequisite("a", "YES"))),
			1103, setPath + ".questions[1].prerequisite_question_response"},
		{"prerequisite in the work experience set (repeated 10 times by default)", `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"work_questions":{"work_experience_question_set":{"custom_questions":[` + question("a", radio("YES", "NO")) + `,` + question("b", textDetails, prerequisite("a", "YES")) + `]}}}}`,
			1103, "onsite_apply_configuration.questions.work_questions.work_experience_question_set.custom_questions[1].prerequisite_question_response"},
		{"duplicate identifier across sections", `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"resume_questions":{"custom_questions":[` + question("a", textDetails) + `]},"education_questions":{"custom_questions":[` + question("a", textDetails) + `]}}}`,
			1151, "onsite_apply_configuration.questions.education_questions.custom_questions[0].partner_question_identifier"},
		{"identifier too long", withQuestions("", question(strings.Repeat("i", applyconnect.MaxIdentifierLength+1), textDetails)), 1151, setPath + ".questions[0].partner_question_identifier"},
		{"question text with a script tag", withQuestions("", `{"partner_question_identifier":"q","question_text":"Why <script>?</script>","question_details":`+textDetails+`}`), 1151, setPath + ".questions[0].question_text"},
		{"question text too long", withQuestions("", `{"partner_question_identifier":"q","question_text":"`+strings.Repeat("w", applyconnect.MaxQuestionTextLength+1)+`","question_details":`+textDetails+`}`), 1151, setPath + ".questions[0].question_text"},
		{"empty question set", withQuestions(""), 1151, setPath + ".questions"},
		{"too many questions", withQuestions("", manyQuestions(applyconnect.MaxQuestionsPerArray+1)...), 1151, setPath + ".questions"},
		{"repeat limit above 10", withQuestions("11", question("q", textDetails)), 1151, setPath + ".repeat_limit"},
		{"education repeat limit above 3", `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"education_questions":{"education_experience_question_set":{"repeat_limit":4}}}}`,
			1151, "onsite_apply_configuration.questions.education_questions.education_experience_question_set.repeat_limit"},
		{"min required above repeat limit", `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{"work_questions":{"work_experience_question_set":{"min_required":3,"repeat_limit":2}}}}`,
			1151, "onsite_apply_configuration.questions.work_questions.work_experience_question_set.min_required"},
		{"no choices", withQuestions("", mc(`{"multiple_choice_question_details":{"preferred_form_component":"DROPDOWN","choices":[]}}`)), 1151, setPath + ".questions[0].question_details.multiple_choice_question_details.choices"},
		{"duplicate symbolic name", withQuestions("", mc(radio("YES", "YES"))), 1151, setPath + ".questions[0].question_details.multiple_choice_question_details.choices[1].symbolic_name"},
		{"default not a choice", withQuestions("", mc(`{"multiple_choice_question_details":{"preferred_form_component":"DROPDOWN","default_value_symbolic_name":"MAYBE","choices":[{"symbolic_name":"YES","display_value":"Yes"}]}}`)),
			1151, setPath + ".questions[0].question_details.multiple_choice_question_details.default_value_symbolic_name"},
		{"favorable answer not a choice", withQuestions("", mc(`{"multiple_choice_question_details":{"preferred_form_component":"DROPDOWN","favorable_multiple_choice_answer":{"favorable_symbolic_names":["MAYBE"]},"choices":[{"symbolic_name":"YES","display_value":"Yes"}]}}`)),
			1151, setPath + ".questions[0].question_details.multiple_choice_question_details.favorable_multiple_choice_answer.favorable_symbolic_names"},
		{"select multiple without checkboxes", withQuestions("", mc(`{"multiple_choice_question_details":{"preferred_form_component":"DROPDOWN","select_multiple":true,"choices":[{"symbolic_name":"YES","display_value":"Yes"}]}}`)),
			1151, setPath + ".questions[0].question_details.multiple_choice_question_details.select_multiple"},
		{"multiple choice shown as text", withQuestions("", mc(`{"multiple_choice_question_details":{"preferred_form_component":"TEXT","choices":[{"symbolic_name":"YES","display_value":"Yes"}]}}`)),
			1151, setPath + ".questions[0].question_details.multiple_choice_question_details.preferred_form_component"},
		{"text shown as radio buttons", withQuestions("", mc(`{"text_question_details":{"max_length":10,"preferred_form_component":"RADIO_BUTTONS"}}`)), 1151, setPath + ".questions[0].question_details.text_question_details.preferred_form_component"},
		{"text without max length", withQuestions("", mc(`{"text_question_details":{}}`)), 1151, setPath + ".questions[0].question_details.text_question_details.max_length"},
		{"text min length above max length", withQuestions("", mc(`{"text_question_details":{"min_length":20,"max_length":10}}`)), 1151, setPath + ".questions[0].question_details.text_question_details.min_length"},
		{"text min length negative", withQuestions("", mc(`{"text_question_details":{"min_length":-1,"max_length":10}}`)), 1151, setPath + ".questions[0].question_details.text_question_details.min_length"},
		{"numeric without a kind", withQuestions("", mc(`{"numeric_question_details":{}}`)), 1151, setPath + ".questions[0].question_details.numeric_question_details"},
		{"decimal min above max", withQuestions("", mc(`{"numeric_question_details":{"decimal_question_details":{"min_value":5.5,"max_value":1}}}`)), 1151, setPath + ".questions[0].question_details.numeric_question_details.decimal_question_details.min_value"},
		{"integer min above max", withQuestions("", mc(`{"numeric_question_details":{"integer_question_details":{"min_value":5,"max_value":1}}}`)), 1151, setPath + ".questions[0].question_details.numeric_question_details.integer_question_details.min_value"},
		{"favorable floor above ceiling", withQuestions("", mc(`{"numeric_question_details":{"integer_question_details":{},"favorable_numeric_answer":{"favorable_floor":9,"favorable_ceiling":1}}}`)),
			1151, setPath + ".questions[0].question_details.numeric_question_details.favorable_numeric_answer.favorable_floor"},
		{"document larger than 100 MB", withQuestions("", mc(`{"document_question_details":{"maximum_size":104857601}}`)), 1151, setPath + ".questions[0].question_details.document_question_details.maximum_size"},
		{"upper-case file extension", withQuestions("", mc(`{"document_question_details":{"acceptable_file_extensions":["PDF"]}}`)), 1151, setPath + ".questions[0].question_details.document_question_details.acceptable_file_extensions"},
		{"two prerequisite questions in one list", withQuestions("", question("a", radio("YES", "NO")), question("b", radio("YES", "NO")), question("c", textDetails, prerequisite("a", "YES")), question("d", textDetails, prerequisite("b", "NO"))),
			1151, setPath + ".questions"},
		{"prerequisite not radio buttons", withQuestions("", question("a", textDetails), question("b", textDetails, prerequisite("a", "YES"))),
			1151, setPath + ".questions[1].prerequisite_question_response.prerequisite_question.partner_question_identifier"},
		{"prerequisite with two answers", withQuestions("", question("a", radio("YES", "NO")), question("b", textDetails, prerequisite("a", "YES", "NO"))),
			1151, setPath + ".questions[1].prerequisite_question_response.prerequisite_response.multiple_choice_answer_value.symbolic_names"},
		{"prerequisite answer not a choice", withQuestions("", question("a", radio("YES", "NO")), question("b", textDetails, prerequisite("a", "MAYBE"))),
			1151, setPath + ".questions[1].prerequisite_question_response.prerequisite_response.multiple_choice_answer_value.symbolic_names"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.Diagnostics
			validateOnsiteApply(context.Background(), applyJob(t, c.fragment), &diags)
			if !hasQuestionError(diags, c.code, c.path) {
				t.Errorf("want error %d at %s, got %v", c.code, c.path, diags)
			}
		})
	}
}

func manyQuestions(n int) []string {
	qs := make([]string, n)
	for i := range qs {
		qs[i] = question(fmt.Sprintf("q%d", i), textDetails)
	}
	return qs
}

// hasQuestionError reports whether diags hold the error of a question problem with code at the attribute
// path, quoting LinkedIn's status message.
func hasQuestionError(diags diag.Diagnostics, code int, at string) bool {
	for _, d := range diags.Errors() {
		wp, ok := d.(diag.DiagnosticWithPath)
		if !ok || wp.Path().String() != at {
			continue
		}
		if strings.Contains(d.Detail(), fmt.Sprintf("LinkedIn Apply error %d \"", code)) && strings.HasPrefix(d.Detail(), "Attribute "+at+": ") {
			return true
		}
	}
	return false
}

func TestValidateOnsiteApply_diagnosticText(t *testing.T) {
	var diags diag.Diagnostics
	validateOnsiteApply(context.Background(), applyJob(t, withQuestions("", question("q", `{}`))), &diags)
	want := `Attribute ` + setPath + `.questions[0].question_details: questionDetails has 0 members; it must have exactly one. ` +
		`LinkedIn would post the job without LinkedIn Apply (applicants sent to company_apply_url) and report LinkedIn Apply error 1100 ` +
		`"ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Required one non-null optional field in /questionDetails". Set exactly one of`
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Detail(), want) || diags[0].Summary() != "LinkedIn Apply would not be enabled (error 1100)" {
		t.Errorf("got %v\nwant a detail starting %s", diags, want)
	}
}

func TestValidateOnsiteApply_jobRules(t *testing.T) {
	ok := withQuestions("", question("a", radio("YES", "NO")), question("b", textDetails, prerequisite("a", "YES")))
	cases := []struct {
		name         string
		change       func(*jobPostingModel)
		wantPath     string // "" means no error
		wantInDetail string
	}{
		{"valid", func(*jobPostingModel) {}, "", ""},
		{"availability unknown", func(m *jobPostingModel) { m.Availability = types.StringUnknown() }, "", ""},
		{"availability internal", func(m *jobPostingModel) { m.Availability = types.StringValue("INTERNAL") }, "availability", `must be "PUBLIC" with onsite_apply_configuration, got "INTERNAL"`},
		{"availability unset", func(m *jobPostingModel) { m.Availability = types.StringNull() }, "availability", `got nothing`},
		{"no organization", func(m *jobPostingModel) { m.IntegrationContext = types.StringNull() }, "integration_context", "required with onsite_apply_configuration"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := applyJob(t, ok)
			c.change(m)
			var diags diag.Diagnostics
			validateOnsiteApply(context.Background(), m, &diags)
			if c.wantPath == "" {
				if diags.HasError() {
					t.Errorf("unexpected %v", diags)
				}
				return
			}
			if len(diags) != 1 || diags[0].(diag.DiagnosticWithPath).Path().String() != c.wantPath || !strings.Contains(diags[0].Detail(), c.wantInDetail) {
				t.Errorf("got %v, want one error at %s containing %q", diags, c.wantPath, c.wantInDetail)
			}
		})
	}
}

// The Terraform value maps onto LinkedIn's JSON field for field: LinkedIn's names, null attributes left
// out, an empty section kept as {} ("asked with the defaults").
func TestOnsiteApplyConfiguration_linkedInJSON(t *testing.T) {
	fragment := `{"job_application_webhook_url":"https://ats.example.com/apply","questions":{
		"resume_questions":{},
		"work_questions":{"work_experience_question_set":{"repeat_limit":3}},
		"additional_questions":{"custom_question_sets":[{"repeat_limit":1,"questions":[
			{"partner_question_identifier":"relocate","question_text":"Relocate?","required":true,"question_details":{"multiple_choice_question_details":{"preferred_form_component":"RADIO_BUTTONS","choices":[{"symbolic_name":"YES","display_value":"Yes"},{"symbolic_name":"NO","display_value":"No"}],"favorable_multiple_choice_answer":{"favorable_symbolic_names":["YES"]}}}},
			{"partner_question_identifier":"where","question_text":"Where to?","question_details":{"document_question_details":{"acceptable_file_extensions":["pdf","docx"]}},
			 "prerequisite_question_response":{"prerequisite_question":{"partner_question_identifier":"relocate"},"prerequisite_response":{"multiple_choice_answer_value":{"symbolic_names":["YES"]}}}}]}]}}}`
	c, known, err := onsiteApplyConfiguration(context.Background(), onsiteApplyValue(t, fragment).ObjectValue)
	if err != nil || !known {
		t.Fatalf("known %v, err %v", known, err)
	}
	got, _ := json.Marshal(c)
	want := `{"jobApplicationWebhookUrl":"https://ats.example.com/apply","questions":{"resumeQuestions":{},"workQuestions":{"workExperienceQuestionSet":{"repeatLimit":3}},` +
		`"additionalQuestions":{"customQuestionSets":[{"questions":[{"partnerQuestionIdentifier":"relocate","questionText":"Relocate?","required":true,"questionDetails":{"multipleChoiceQuestionDetails":` +
		`{"choices":[{"symbolicName":"YES","displayValue":"Yes"},{"symbolicName":"NO","displayValue":"No"}],"favorableMultipleChoiceAnswer":{"favorableSymbolicNames":["YES"]},"preferredFormComponent":"RADIO_BUTTONS"}}},` +
		`{"partnerQuestionIdentifier":"where","questionText":"Where to?","questionDetails":{"documentQuestionDetails":{"acceptableFileExtensions":["docx","pdf"]}},` +
		`"prerequisiteQuestionResponse":{"prerequisiteQuestion":{"partnerQuestionIdentifier":"relocate"},"prerequisiteResponse":{"multipleChoiceAnswerValue":{"symbolicNames":["YES"]}}}}],"repeatLimit":1}]}}}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if p := applyconnect.Check(c); len(p) != 0 {
		t.Errorf("unexpected problems %v", p)
	}
}

// Every attribute of onsite_apply_configuration is a field of LinkedIn's model: a configuration setting all
// of them decodes into applyconnect.Configuration, which refuses unknown names.
func TestOnsiteApplyConfiguration_everyAttributeIsLinkedIns(t *testing.T) {
	full := fullValue(onsiteApplyAttribute().Attributes, 0)
	raw, _ := json.Marshal(full)
	if _, _, err := onsiteApplyConfiguration(context.Background(), onsiteApplyValue(t, string(raw)).ObjectValue); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"job_application_webhook_url", "custom_question_sets", "favorable_symbolic_names", "hide_end_date_label"} {
		if got := attributeName(linkedInName(name)); got != name {
			t.Errorf("%s → %s → %s", name, linkedInName(name), got)
		}
	}
}

// fullValue is a JSON value setting every attribute of attrs (to a placeholder of its type).
func fullValue(attrs map[string]schema.Attribute, depth int) map[string]any {
	out := map[string]any{}
	for name, a := range attrs {
		switch a := a.(type) {
		case schema.SingleNestedAttribute:
			out[name] = fullValue(a.Attributes, depth+1)
		case schema.ListNestedAttribute:
			out[name] = []any{fullValue(a.NestedObject.Attributes, depth+1)}
		case schema.SetAttribute:
			out[name] = []string{"x"}
		case schema.StringAttribute:
			out[name] = "x"
		case schema.BoolAttribute:
			out[name] = true
		case schema.Int64Attribute, schema.Float64Attribute:
			out[name] = 1
		default:
			panic(fmt.Sprintf("%s: %T", name, a))
		}
	}
	return out
}

// A job whose state says LinkedIn turned LinkedIn Apply off for its webhook (1153-1155) is re-sent as an
// UPDATE while the configuration asks for LinkedIn Apply; other codes, and a job without the configuration,
// are not.
func TestUpdateOperations_linkedInApplyResync(t *testing.T) {
	ctx := context.Background()
	apply := onsiteApplyValue(t, `{"job_application_webhook_url":"https://ats.example.com/apply"}`)
	cases := []struct {
		name     string
		status   string
		code     int
		onsite   bool
		listing  string
		want     string
		turnsOff bool
	}{
		{"low application delivery", client.LinkedInApplyNotEnabled, 1155, true, jobStateListed, "UPDATE", true},
		{"blocked webhook", client.LinkedInApplyNotEnabled, 1154, true, jobStateListed, "UPDATE", true},
		{"webhook not registered", client.LinkedInApplyNotEnabled, 1153, true, jobStateListed, "UPDATE", true},
		{"question problem: a resync does not help", client.LinkedInApplyNotEnabled, 1151, true, jobStateListed, "", false},
		{"enabled", client.LinkedInApplyEnabled, 0, true, jobStateListed, "", false},
		{"no onsite_apply_configuration", client.LinkedInApplyNotEnabled, 1155, false, jobStateListed, "", true},
		{"closing the job", client.LinkedInApplyNotEnabled, 1155, true, jobStateClosed, "CLOSE", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, s := validJobPostingModel(), validJobPostingModel()
			if c.onsite {
				p.OnsiteApplyConfiguration, s.OnsiteApplyConfiguration = apply, apply
			}
			p.ListingState = types.StringValue(c.listing)
			var d diag.Diagnostics
			s.LinkedInApplyStatus = types.StringValue(c.status)
			s.LinkedInApplyStatusDetail = types.ObjectNull(statusDetailAttrTypes)
			if c.code != 0 {
				code := c.code
				s.LinkedInApplyStatusDetail = statusDetailObject(ctx, jobstatus.KindLinkedInApply, c.status, &client.StatusDetail{ErrorCode: &code, ErrorType: "PARTNER_ERROR", StatusMessage: "X: y"}, &d)
			}
			if got := strings.Join(updateOperations(ctx, &p, &s, &d), ","); got != c.want || d.HasError() {
				t.Errorf("operations %q, want %q (%v)", got, c.want, d)
			}
			if got := linkedInApplyTurnedOff(&s) != nil; got != c.turnsOff {
				t.Errorf("turned off: %v, want %v", got, c.turnsOff)
			}
		})
	}
}

func TestAddLinkedInApplyOutcome(t *testing.T) {
	code := 1153
	st := &client.JobPostingStatus{LinkedInApplyStatus: client.LinkedInApplyNotEnabled, LinkedInApplyStatusDetail: &client.StatusDetail{
		ErrorCode: &code, ErrorType: "PARTNER_ERROR", StatusMessage: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to register jobApplicationWebhookUrl"}}
	m := &jobPostingModel{ExternalJobPostingID: types.StringValue("REQ-1")}
	for _, c := range []struct {
		onCreate bool
		want     string
	}{
		{true, "Terraform marks it tainted, so the next apply closes it and posts it again"},
		{false, "Once the webhook answers, the next plan re-sends the job as an UPDATE (LinkedIn's resync)."},
	} {
		var d diag.Diagnostics
		addLinkedInApplyOutcome(&d, m, st, c.onCreate)
		if len(d) != 1 || d[0].Summary() != `LinkedIn Apply not enabled for job posting "REQ-1"` ||
			!strings.Contains(d[0].Detail(), `LinkedIn says: "ENABLING_APPLY_CONNECT_BY_PARTNER_FAILED: Unable to register jobApplicationWebhookUrl" (PARTNER_ERROR, error code 1153).`) ||
			!strings.Contains(d[0].Detail(), "What to do: Make sure the jobApplicationWebhookUrl is valid") || !strings.Contains(d[0].Detail(), c.want) {
			t.Errorf("on create %v: %v", c.onCreate, d)
		}
	}
	var d diag.Diagnostics
	addLinkedInApplyOutcome(&d, m, &client.JobPostingStatus{LinkedInApplyStatus: client.LinkedInApplyEnabled}, true)
	if len(d) != 0 {
		t.Errorf("ENABLED: %v", d)
	}
}
