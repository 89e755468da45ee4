package applyconnect

import (
	"encoding/json"
	"strings"
	"testing"
)

// radio is a RADIO_BUTTONS question q with choices YES and NO, usable as a prerequisite.
const radio = `{"partnerQuestionIdentifier":"%s","questionText":"Do you have a driving licence?",
  "questionDetails":{"multipleChoiceQuestionDetails":{"preferredFormComponent":"RADIO_BUTTONS",
    "choices":[{"symbolicName":"YES","displayValue":"Yes"},{"symbolicName":"NO","displayValue":"No"}]}}}`

func question(id string) string { return strings.Replace(radio, "%s", id, 1) }

// dependent is a text question d that is asked when prerequisite p was answered YES.
func dependent(id, prerequisite string) string {
	return `{"partnerQuestionIdentifier":"` + id + `","questionText":"Which categories?",
	  "questionDetails":{"textQuestionDetails":{"maxLength":200}},
	  "prerequisiteQuestionResponse":{"prerequisiteQuestion":{"partnerQuestionIdentifier":"` + prerequisite + `"},
	    "prerequisiteResponse":{"multipleChoiceAnswerValue":{"symbolicNames":["YES"]}}}}`
}

func additional(repeat string, questions ...string) string {
	r := ""
	if repeat != "" {
		r = `,"repeatLimit":` + repeat
	}
	return `{"additionalQuestions":{"customQuestionSets":[{"questions":[` + strings.Join(questions, ",") + `]` + r + `}]}}`
}

func withDetails(details string) string {
	return additional("", `{"partnerQuestionIdentifier":"q","questionText":"Q?","questionDetails":`+details+`}`)
}

const setQ = "questions.additionalQuestions.customQuestionSets[0].questions"

// Each rule: a fragment of questions, the code LinkedIn would report, and the path the problem names.
var ruleCases = []struct {
	name, questions string
	code            int
	path            string
}{
	{"details without a member", withDetails(`{}`), 1100, setQ + "[0].questionDetails"},
	{"details with two members", withDetails(`{"textQuestionDetails":{"maxLength":5},"dateRangeQuestionDetails":{}}`), 1100, setQ + "[0].questionDetails"},
	{"date and dateRange both", withDetails(`{"dateQuestionDetails":{},"dateRangeQuestionDetails":{}}`), 1100, setQ + "[0].questionDetails"},
	{"prerequisite chain", additional("", question("a"), strings.Replace(dependent("b", "a"), "textQuestionDetails\":{\"maxLength\":200}", `multipleChoiceQuestionDetails":{"preferredFormComponent":"RADIO_BUTTONS","choices":[{"symbolicName":"YES","displayValue":"Yes"}]}`, 1), dependent("c", "b")), 1101, setQ + "[2].prerequisiteQuestionResponse.prerequisiteQuestion.partnerQuestionIdentifier"},
	{"prerequisite unknown", additional("", question("a"), dependent("b", "zzz")), 1102, setQ + "[1].prerequisiteQuestionResponse.prerequisiteQuestion.partnerQuestionIdentifier"},
	{"prerequisite in another array", `{"contactInformationQuestions":{"customQuestions":[` + question("a") + `]},"additionalQuestions":{"customQuestionSets":[{"questions":[` + dependent("b", "a") + `]}]}}`,
		1102, setQ + "[0].prerequisiteQuestionResponse.prerequisiteQuestion.partnerQuestionIdentifier"},
	{"prerequisite in a repeatable custom set", additional("3", question("a"), dependent("b", "a")), 1103, setQ + "[1].prerequisiteQuestionResponse"},
	{"prerequisite in the work set (repeatLimit 10 by default)", `{"workQuestions":{"workExperienceQuestionSet":{"customQuestions":[` + question("a") + `,` + dependent("b", "a") + `]}}}`,
		1103, "questions.workQuestions.workExperienceQuestionSet.customQuestions[1].prerequisiteQuestionResponse"},
	{"duplicate identifier across sections", `{"resumeQuestions":{"customQuestions":[` + question("a") + `]},"coverLetterQuestions":{"customQuestions":[` + question("a") + `]}}`,
		1151, "questions.coverLetterQuestions.customQuestions[0].partnerQuestionIdentifier"},
	{"duplicate symbolic name", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"DROPDOWN","choices":[{"symbolicName":"A","displayValue":"a"},{"symbolicName":"A","displayValue":"b"}]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.choices[1].symbolicName"},
	{"default not a choice", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"DROPDOWN","defaultValueSymbolicName":"B","choices":[{"symbolicName":"A","displayValue":"a"}]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.defaultValueSymbolicName"},
	{"favorable not a choice", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"DROPDOWN","favorableMultipleChoiceAnswer":{"favorableSymbolicNames":["A","C"]},"choices":[{"symbolicName":"A","displayValue":"a"}]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.favorableMultipleChoiceAnswer.favorableSymbolicNames[1]"},
	{"selectMultiple without checkboxes", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"DROPDOWN","selectMultiple":true,"choices":[{"symbolicName":"A","displayValue":"a"}]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.selectMultiple"},
	{"multiple choice as text", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"TEXT","choices":[{"symbolicName":"A","displayValue":"a"}]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.preferredFormComponent"},
	{"no choices", withDetails(`{"multipleChoiceQuestionDetails":{"preferredFormComponent":"DROPDOWN","choices":[]}}`),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.choices"},
	{"text question as dropdown", withDetails(`{"textQuestionDetails":{"maxLength":5,"preferredFormComponent":"DROPDOWN"}}`),
		1151, setQ + "[0].questionDetails.textQuestionDetails.preferredFormComponent"},
	{"text maxLength 0", withDetails(`{"textQuestionDetails":{"maxLength":0}}`), 1151, setQ + "[0].questionDetails.textQuestionDetails.maxLength"},
	{"text without maxLength", withDetails(`{"textQuestionDetails":{}}`), 1151, setQ + "[0].questionDetails.textQuestionDetails.maxLength"},
	{"text minLength above maxLength", withDetails(`{"textQuestionDetails":{"minLength":10,"maxLength":5}}`), 1151, setQ + "[0].questionDetails.textQuestionDetails.minLength"},
	{"numeric both", withDetails(`{"numericQuestionDetails":{"decimalQuestionDetails":{},"integerQuestionDetails":{}}}`), 1151, setQ + "[0].questionDetails.numericQuestionDetails"},
	{"numeric neither", withDetails(`{"numericQuestionDetails":{}}`), 1151, setQ + "[0].questionDetails.numericQuestionDetails"},
	{"decimal min above max", withDetails(`{"numericQuestionDetails":{"decimalQuestionDetails":{"minValue":5.5,"maxValue":1}}}`), 1151, setQ + "[0].questionDetails.numericQuestionDetails.decimalQuestionDetails.minValue"},
	{"integer min above max", withDetails(`{"numericQuestionDetails":{"integerQuestionDetails":{"minValue":5,"maxValue":1}}}`), 1151, setQ + "[0].questionDetails.numericQuestionDetails.integerQuestionDetails.minValue"},
	{"favorable floor above ceiling", withDetails(`{"numericQuestionDetails":{"integerQuestionDetails":{},"favorableNumericAnswer":{"favorableFloor":9,"favorableCeiling":1}}}`), 1151, setQ + "[0].questionDetails.numericQuestionDetails.favorableNumericAnswer.favorableFloor"},
	{"upper-case extension", withDetails(`{"documentQuestionDetails":{"acceptableFileExtensions":["pdf","DOCX"]}}`), 1151, setQ + "[0].questionDetails.documentQuestionDetails.acceptableFileExtensions[1]"},
	{"document above 100 MB", withDetails(`{"documentQuestionDetails":{"maximumSize":104857601}}`), 1151, setQ + "[0].questionDetails.documentQuestionDetails.maximumSize"},
	{"custom set repeatLimit 11", additional("11", question("a")), 1151, "questions.additionalQuestions.customQuestionSets[0].repeatLimit"},
	{"custom set repeatLimit 0", additional("0", question("a")), 1151, "questions.additionalQuestions.customQuestionSets[0].repeatLimit"},
	{"education repeatLimit 4", `{"educationQuestions":{"educationExperienceQuestionSet":{"repeatLimit":4}}}`, 1151, "questions.educationQuestions.educationExperienceQuestionSet.repeatLimit"},
	{"work minRequired above repeatLimit", `{"workQuestions":{"workExperienceQuestionSet":{"minRequired":3,"repeatLimit":2}}}`, 1151, "questions.workQuestions.workExperienceQuestionSet.minRequired"},
	{"empty question set", additional(""), 1151, setQ},
	{"two prerequisite questions in one array", additional("", question("a"), question("b"), dependent("c", "a"), dependent("d", "b")), 1151, setQ},
	{"prerequisite not radio buttons", additional("", strings.Replace(question("a"), "RADIO_BUTTONS", "DROPDOWN", 1), dependent("b", "a")), 1151, setQ + "[1].prerequisiteQuestionResponse.prerequisiteQuestion.partnerQuestionIdentifier"},
	{"prerequisite answer not a choice", additional("", question("a"), strings.Replace(dependent("b", "a"), `["YES"]`, `["MAYBE"]`, 1)), 1151, setQ + "[1].prerequisiteQuestionResponse.prerequisiteResponse.multipleChoiceAnswerValue.symbolicNames"},
	{"prerequisite answer of two choices", additional("", question("a"), strings.Replace(dependent("b", "a"), `["YES"]`, `["YES","NO"]`, 1)), 1151, setQ + "[1].prerequisiteQuestionResponse.prerequisiteResponse.multipleChoiceAnswerValue.symbolicNames"},
	{"question text too long", withDetails(`{"textQuestionDetails":{"maxLength":5}}`), 0, ""}, // replaced below
	{"disallowed HTML tag", additional("", strings.Replace(question("a"), "Do you have", "<h1>Do you</h1> have", 1)), 1151, setQ + "[0].questionText"},
	{"identifier too long", additional("", question(strings.Repeat("x", 101))), 1151, setQ + "[0].partnerQuestionIdentifier"},
	{"identifier of 100 accented letters is fine, display value too long", additional("", strings.Replace(question(strings.Repeat("é", 100)), `"displayValue":"Yes"`, `"displayValue":"`+strings.Repeat("y", MaxDisplayValueLength+1)+`"`, 1)),
		1151, setQ + "[0].questionDetails.multipleChoiceQuestionDetails.choices[0].displayValue"},
	{"help message too long", additional("", strings.Replace(question("a"), `"questionText"`, `"helpMessage":"`+strings.Repeat("h", MaxHelpMessageLength+1)+`","questionText"`, 1)), 1151, setQ + "[0].helpMessage"},
	{"suggested text too long", withDetails(`{"textQuestionDetails":{"maxLength":5,"suggestedValue":"` + strings.Repeat("s", MaxTextSuggestedLength+1) + `"}}`), 1151, setQ + "[0].questionDetails.textQuestionDetails.suggestedValue"},
}

func decode(t *testing.T, questions string) *Configuration {
	t.Helper()
	var q Questions
	dec := json.NewDecoder(strings.NewReader(questions))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		t.Fatalf("fragment does not decode: %v\n%s", err, questions)
	}
	return &Configuration{JobApplicationWebhookURL: "https://ats.example.com/apply", Questions: &q}
}

func TestEveryRuleNamesItsCodeAndPath(t *testing.T) {
	long := `{"partnerQuestionIdentifier":"q","questionText":"` + strings.Repeat("é", MaxQuestionTextLength+1) + `","questionDetails":{"textQuestionDetails":{"maxLength":5}}}`
	for _, tc := range ruleCases {
		if tc.code == 0 {
			tc.questions, tc.code, tc.path = additional("", long), 1151, setQ+"[0].questionText"
		}
		t.Run(tc.name, func(t *testing.T) {
			problems := Check(decode(t, tc.questions))
			if len(problems) == 0 {
				t.Fatalf("no problem found; want %d at %s", tc.code, tc.path)
			}
			p := problems[0]
			if p.Code != tc.code || p.Path.String() != tc.path {
				t.Fatalf("first problem = %d at %s (%s); want %d at %s\nall: %v", p.Code, p.Path, p.Reason, tc.code, tc.path, problems)
			}
			if p.Reason == "" || p.Fix == "" {
				t.Fatalf("problem without reason or fix: %+v", p)
			}
		})
	}
}

// A configuration using every section, a conditional question and a repeatable set is enabled; so are
// sections given as empty objects (every default).
func TestValidConfigurationsHaveNoProblems(t *testing.T) {
	for name, questions := range map[string]string{
		"empty sections": `{"contactInformationQuestions":{},"resumeQuestions":{},"coverLetterQuestions":{},
			"workQuestions":{"workExperienceQuestionSet":{}},"educationQuestions":{"educationExperienceQuestionSet":{}},
			"voluntarySelfIdentificationQuestions":{},"additionalQuestions":{}}`,
		"conditional question in a set of one": additional("1", question("licence"), dependent("categories", "licence")),
		"repeatable set without prerequisites": additional("5", question("a"), `{"partnerQuestionIdentifier":"ref","questionText":"A reference",
			"questionDetails":{"textQuestionDetails":{"minLength":2,"maxLength":100,"preferredFormComponent":"MULTILINE_TEXT"}}}`),
		"every detail kind": additional("", `{"partnerQuestionIdentifier":"years","questionText":"Years?","questionDetails":{"numericQuestionDetails":{"integerQuestionDetails":{"minValue":0,"maxValue":50},"favorableNumericAnswer":{"favorableFloor":3}}}}`,
			`{"partnerQuestionIdentifier":"when","questionText":"When?","questionDetails":{"dateRangeQuestionDetails":{"startLabel":"From"}}}`,
			`{"partnerQuestionIdentifier":"portfolio","questionText":"Portfolio","questionDetails":{"documentQuestionDetails":{"maximumSize":1048576,"acceptableFileExtensions":["pdf"]}}}`,
			`{"partnerQuestionIdentifier":"langs","questionText":"<b>Languages</b>","questionDetails":{"multipleChoiceQuestionDetails":{"preferredFormComponent":"CHECKBOXES","selectMultiple":true,"defaultValueSymbolicName":"GO","choices":[{"symbolicName":"GO","displayValue":"Go"},{"symbolicName":"RUST","displayValue":"Rust"}],"favorableMultipleChoiceAnswer":{"favorableSymbolicNames":["GO"]}}}}`),
	} {
		t.Run(name, func(t *testing.T) {
			if problems := Check(decode(t, questions)); len(problems) != 0 {
				t.Fatalf("problems in a valid configuration: %v", problems)
			}
		})
	}
	if Check(nil) != nil || Check(&Configuration{JobApplicationWebhookURL: "https://x"}) != nil {
		t.Fatal("a configuration without questions has problems")
	}
}

func TestPathString(t *testing.T) {
	p := Path{{Field: "questions"}}.Field("additionalQuestions").Field("customQuestionSets").Index(0).Field("questions").Index(1)
	if got, want := p.String(), "questions.additionalQuestions.customQuestionSets[0].questions[1]"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
	// Field and Index never write into the parent's backing array.
	base := make(Path, 1, 4)
	base[0] = Step{Field: "questions"}
	a, b := base.Field("a"), base.Field("b")
	if a.String() != "questions.a" || b.String() != "questions.b" {
		t.Fatalf("paths share storage: %s, %s", a, b)
	}
}
