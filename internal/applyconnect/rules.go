package applyconnect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LinkedIn Apply error codes of question problems (LinkedIn's status catalogue).
const (
	CodeQuestionDetailsNotOneMember = 1100 // questionDetails has zero or several members
	CodePrerequisiteChain           = 1101 // a prerequisite question has a prerequisite itself
	CodePrerequisiteElsewhere       = 1102 // the prerequisite is not in the same customQuestions array
	CodePrerequisiteInRepeatableSet = 1103 // a question of a set with repeatLimit > 1 has a prerequisite
	CodeUnableToProcessQuestions    = 1151 // any other question problem
)

// Problem is one reason LinkedIn would not enable LinkedIn Apply for a configuration.
type Problem struct {
	Code   int    // LinkedIn's errorCode
	Path   Path   // where, from the onsiteApplyConfiguration down
	Reason string // what is wrong, naming the values involved
	Fix    string // what to change
}

func (p Problem) Error() string {
	return fmt.Sprintf("%s: %s (LinkedIn Apply error %d)", p.Path, p.Reason, p.Code)
}

// Step is one step of a Path: a field (by its name in LinkedIn's JSON) or a list index.
type Step struct {
	Field string // empty for a list index
	Index int
}

// Path locates a value inside an onsiteApplyConfiguration.
type Path []Step

// Field is the path to a field of the value at p.
func (p Path) Field(name string) Path { return append(p[:len(p):len(p)], Step{Field: name}) }

// Index is the path to the i-th element of the list at p.
func (p Path) Index(i int) Path { return append(p[:len(p):len(p)], Step{Index: i}) }

// String writes the path as LinkedIn's JSON names with indexes:
// questions.additionalQuestions.customQuestionSets[0].questions[1].questionDetails.
func (p Path) String() string {
	var b strings.Builder
	for _, s := range p {
		if s.Field == "" {
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Field)
	}
	return b.String()
}

// QuestionArray is one customQuestions array (or the questions of a custom question set): the scope in
// which identifiers of prerequisite questions are resolved.
type QuestionArray struct {
	Path        Path // of the array
	Questions   []CustomQuestion
	RepeatLimit int64 // how often the array's questions may be asked (1 for a section's own array)
}

// Arrays lists every question array of q, in the order of LinkedIn's model, with the repeat limit each is
// asked with (defaults applied).
func (q *Questions) Arrays() []QuestionArray {
	if q == nil {
		return nil
	}
	root := Path{{Field: "questions"}}
	var out []QuestionArray
	add := func(p Path, qs []CustomQuestion, limit int64) {
		out = append(out, QuestionArray{Path: p.Field("customQuestions"), Questions: qs, RepeatLimit: limit})
	}
	if s := q.ContactInformationQuestions; s != nil {
		add(root.Field("contactInformationQuestions"), s.CustomQuestions, 1)
	}
	if s := q.ResumeQuestions; s != nil {
		add(root.Field("resumeQuestions"), s.CustomQuestions, 1)
	}
	if s := q.CoverLetterQuestions; s != nil {
		add(root.Field("coverLetterQuestions"), s.CustomQuestions, 1)
	}
	if s := q.WorkQuestions; s != nil {
		p := root.Field("workQuestions")
		if set := s.WorkExperienceQuestionSet; set != nil {
			add(p.Field("workExperienceQuestionSet"), set.CustomQuestions, valueOr(set.RepeatLimit, WorkRepeatLimitDefault))
		}
		add(p, s.CustomQuestions, 1)
	}
	if s := q.EducationQuestions; s != nil {
		p := root.Field("educationQuestions")
		if set := s.EducationExperienceQuestionSet; set != nil {
			add(p.Field("educationExperienceQuestionSet"), set.CustomQuestions, valueOr(set.RepeatLimit, EducationRepeatLimitDefault))
		}
		add(p, s.CustomQuestions, 1)
	}
	if s := q.VoluntarySelfIdentificationQuestions; s != nil {
		add(root.Field("voluntarySelfIdentificationQuestions"), s.CustomQuestions, 1)
	}
	if s := q.AdditionalQuestions; s != nil {
		for i, set := range s.CustomQuestionSets {
			p := root.Field("additionalQuestions").Field("customQuestionSets").Index(i)
			out = append(out, QuestionArray{Path: p.Field("questions"), Questions: set.Questions,
				RepeatLimit: valueOr(set.RepeatLimit, CustomSetRepeatLimitDefault)})
		}
	}
	return out
}

func valueOr(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// Check returns every problem LinkedIn would report for c's questions once it has accepted the job, in the
// order of the model; none means LinkedIn Apply is enabled as far as the questions go (the webhook is
// checked by calling it). A missing required field or an unknown symbol is not among them: LinkedIn refuses
// those synchronously, like any malformed job field.
func Check(c *Configuration) []Problem {
	if c == nil || c.Questions == nil {
		return nil
	}
	var ck checker
	ck.sets(c.Questions)
	seen := map[string]Path{}
	for _, arr := range c.Questions.Arrays() {
		ck.array(arr, seen)
	}
	return ck.problems
}

type checker struct{ problems []Problem }

func (ck *checker) add(code int, p Path, fix, reason string, args ...any) {
	ck.problems = append(ck.problems, Problem{Code: code, Path: p, Reason: fmt.Sprintf(reason, args...), Fix: fix})
}

// sets checks the numbers of the repeatable sets.
func (ck *checker) sets(q *Questions) {
	if s := q.WorkQuestions; s != nil && s.WorkExperienceQuestionSet != nil {
		set := s.WorkExperienceQuestionSet
		ck.repeat(Path{{Field: "questions"}, {Field: "workQuestions"}, {Field: "workExperienceQuestionSet"}}, set.MinRequired, set.RepeatLimit, WorkRepeatLimitDefault, WorkRepeatLimitMax)
	}
	if s := q.EducationQuestions; s != nil && s.EducationExperienceQuestionSet != nil {
		set := s.EducationExperienceQuestionSet
		ck.repeat(Path{{Field: "questions"}, {Field: "educationQuestions"}, {Field: "educationExperienceQuestionSet"}}, set.MinRequired, set.RepeatLimit, EducationRepeatLimitDefault, EducationRepeatLimitMax)
	}
	if s := q.AdditionalQuestions; s != nil {
		for i, set := range s.CustomQuestionSets {
			p := Path{{Field: "questions"}, {Field: "additionalQuestions"}, {Field: "customQuestionSets"}}.Index(i)
			ck.repeat(p, nil, set.RepeatLimit, CustomSetRepeatLimitDefault, CustomSetRepeatLimitMax)
		}
	}
}

func (ck *checker) repeat(p Path, minRequired, repeatLimit *int64, def, maxLimit int64) {
	limit := valueOr(repeatLimit, def)
	if limit < 1 || limit > maxLimit {
		ck.add(CodeUnableToProcessQuestions, p.Field("repeatLimit"), fmt.Sprintf("Use a repeatLimit from 1 to %d.", maxLimit),
			"repeatLimit is %d; this set may be repeated 1 to %d times", limit, maxLimit)
	}
	if minRequired == nil {
		return
	}
	if *minRequired < 0 || *minRequired > limit {
		ck.add(CodeUnableToProcessQuestions, p.Field("minRequired"), "Use a minRequired from 0 to the set's repeatLimit.",
			"minRequired is %d, outside 0 to repeatLimit (%d)", *minRequired, limit)
	}
}

// array checks the questions of one array: each question on its own, identifiers unique in the whole job
// (seen), and prerequisites resolved within the array.
func (ck *checker) array(arr QuestionArray, seen map[string]Path) {
	if len(arr.Questions) == 0 && arr.Path[len(arr.Path)-1].Field == "questions" {
		ck.add(CodeUnableToProcessQuestions, arr.Path, "Give the set at least one question, or remove the set.",
			"a custom question set has no questions")
	}
	if len(arr.Questions) > MaxQuestionsPerArray {
		ck.add(CodeUnableToProcessQuestions, arr.Path, fmt.Sprintf("Keep at most %d questions in one array or set.", MaxQuestionsPerArray),
			"%d questions, more than %d", len(arr.Questions), MaxQuestionsPerArray)
	}
	byID := map[string]int{}
	for i, q := range arr.Questions {
		p := arr.Path.Index(i)
		id := q.PartnerQuestionIdentifier
		if first, dup := seen[id]; dup {
			ck.add(CodeUnableToProcessQuestions, p.Field("partnerQuestionIdentifier"),
				"Give every question of the job its own partner_question_identifier.",
				"partnerQuestionIdentifier %q is already used by %s", id, first)
		} else {
			seen[id] = p
		}
		if _, dup := byID[id]; !dup {
			byID[id] = i
		}
		ck.question(p, &q)
	}
	ck.prerequisites(arr, byID)
}

// length checks that a text is at most limit characters (Unicode code points, as LinkedIn counts them).
func (ck *checker) length(p Path, text string, limit int) {
	if n := utf8.RuneCountInString(text); n > limit {
		ck.add(CodeUnableToProcessQuestions, p, fmt.Sprintf("Shorten it to at most %d characters.", limit),
			"%s is %d characters long, more than %d", p[len(p)-1].Field, n, limit)
	}
}

var allowedQuestionTags = map[string]bool{"b": true, "i": true, "a": true, "p": true, "ul": true, "li": true}

var htmlTag = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9]*)[^>]*>`)

// question checks one question's own fields.
func (ck *checker) question(p Path, q *CustomQuestion) {
	ck.length(p.Field("partnerQuestionIdentifier"), q.PartnerQuestionIdentifier, MaxIdentifierLength)
	ck.length(p.Field("questionText"), q.QuestionText, MaxQuestionTextLength)
	ck.length(p.Field("helpMessage"), q.HelpMessage, MaxHelpMessageLength)
	ck.length(p.Field("expandedHelpMessage"), q.ExpandedHelpMessage, MaxHelpMessageLength)
	for _, m := range htmlTag.FindAllStringSubmatch(q.QuestionText, -1) {
		if !allowedQuestionTags[strings.ToLower(m[1])] {
			ck.add(CodeUnableToProcessQuestions, p.Field("questionText"), "Use only the HTML tags b, i, a, p, ul and li in question_text.",
				"questionText uses the HTML tag <%s>", m[1])
			break
		}
	}
	d := q.QuestionDetails
	dp := p.Field("questionDetails")
	if n := d.Members(); n != 1 {
		ck.add(CodeQuestionDetailsNotOneMember, dp, "Set exactly one of multiple_choice_question_details, text_question_details, numeric_question_details, date_range_question_details and document_question_details.",
			"questionDetails has %d members; it must have exactly one", n)
		return
	}
	switch {
	case d.MultipleChoiceQuestionDetails != nil:
		ck.multipleChoice(dp.Field("multipleChoiceQuestionDetails"), d.MultipleChoiceQuestionDetails)
	case d.TextQuestionDetails != nil:
		ck.text(dp.Field("textQuestionDetails"), d.TextQuestionDetails)
	case d.NumericQuestionDetails != nil:
		ck.numeric(dp.Field("numericQuestionDetails"), d.NumericQuestionDetails)
	case d.DocumentQuestionDetails != nil:
		ck.document(dp.Field("documentQuestionDetails"), d.DocumentQuestionDetails)
	}
}

func (ck *checker) multipleChoice(p Path, m *MultipleChoiceQuestionDetails) {
	if n := len(m.Choices); n < 1 || n > MaxChoices {
		ck.add(CodeUnableToProcessQuestions, p.Field("choices"), fmt.Sprintf("Give 1 to %d choices.", MaxChoices),
			"%d choices; a multiple-choice question has 1 to %d", n, MaxChoices)
	}
	names := map[string]bool{}
	for i, c := range m.Choices {
		cp := p.Field("choices").Index(i).Field("symbolicName")
		if names[c.SymbolicName] {
			ck.add(CodeUnableToProcessQuestions, cp, "Give every choice of a question its own symbolic_name.",
				"symbolicName %q appears twice in this question", c.SymbolicName)
		}
		names[c.SymbolicName] = true
		ck.length(cp, c.SymbolicName, MaxSymbolicNameLength)
		ck.length(p.Field("choices").Index(i).Field("displayValue"), c.DisplayValue, MaxDisplayValueLength)
	}
	if n := m.DefaultValueSymbolicName; n != "" && !names[n] {
		ck.add(CodeUnableToProcessQuestions, p.Field("defaultValueSymbolicName"), "Name one of the question's choices, or leave default_value_symbolic_name out.",
			"defaultValueSymbolicName %q is not one of the choices", n)
	}
	if f := m.FavorableMultipleChoiceAnswer; f != nil {
		for i, n := range f.FavorableSymbolicNames {
			if !names[n] {
				ck.add(CodeUnableToProcessQuestions, p.Field("favorableMultipleChoiceAnswer").Field("favorableSymbolicNames").Index(i),
					"Name only choices of the question as favorable.", "%q is not one of the choices", n)
			}
		}
	}
	if m.SelectMultiple != nil && *m.SelectMultiple && m.PreferredFormComponent != Checkboxes {
		ck.add(CodeUnableToProcessQuestions, p.Field("selectMultiple"), "Use preferred_form_component = \"CHECKBOXES\" with select_multiple = true, or set select_multiple = false.",
			"selectMultiple is true but preferredFormComponent is %s", m.PreferredFormComponent)
	}
	if c := m.PreferredFormComponent; c == Text || c == MultilineText {
		ck.add(CodeUnableToProcessQuestions, p.Field("preferredFormComponent"), "Use CHECKBOXES, DROPDOWN, RADIO_BUTTONS or BUTTONS for a multiple-choice question.",
			"%s is a text component", c)
	}
}

func (ck *checker) text(p Path, t *TextQuestionDetails) {
	ck.length(p.Field("suggestedValue"), t.SuggestedValue, MaxTextSuggestedLength)
	if c := t.PreferredFormComponent; c != "" && c != Text && c != MultilineText {
		ck.add(CodeUnableToProcessQuestions, p.Field("preferredFormComponent"), "Use TEXT or MULTILINE_TEXT for a text question.",
			"%s is not a text component", c)
	}
	minLength := valueOr(t.MinLength, 0)
	if t.MaxLength == nil || *t.MaxLength <= 0 {
		ck.add(CodeUnableToProcessQuestions, p.Field("maxLength"), "Set max_length to a number above 0.",
			"maxLength must be above 0")
	} else if minLength > *t.MaxLength {
		ck.add(CodeUnableToProcessQuestions, p.Field("minLength"), "Make min_length at most max_length.",
			"minLength %d is above maxLength %d", minLength, *t.MaxLength)
	}
	if minLength < 0 {
		ck.add(CodeUnableToProcessQuestions, p.Field("minLength"), "Use a min_length of 0 or more.", "minLength %d is negative", minLength)
	}
}

func (ck *checker) numeric(p Path, n *NumericQuestionDetails) {
	switch {
	case (n.DecimalQuestionDetails == nil) == (n.IntegerQuestionDetails == nil):
		ck.add(CodeUnableToProcessQuestions, p, "Set exactly one of decimal_question_details and integer_question_details.",
			"a numeric question needs exactly one of decimalQuestionDetails and integerQuestionDetails")
	case n.DecimalQuestionDetails != nil:
		d := n.DecimalQuestionDetails
		if d.MaxValue != nil && valueOrFloat(d.MinValue, 0) > *d.MaxValue {
			ck.add(CodeUnableToProcessQuestions, p.Field("decimalQuestionDetails").Field("minValue"), "Make min_value at most max_value.",
				"minValue %v is above maxValue %v", valueOrFloat(d.MinValue, 0), *d.MaxValue)
		}
	default:
		d := n.IntegerQuestionDetails
		if d.MaxValue != nil && valueOr(d.MinValue, 0) > *d.MaxValue {
			ck.add(CodeUnableToProcessQuestions, p.Field("integerQuestionDetails").Field("minValue"), "Make min_value at most max_value.",
				"minValue %d is above maxValue %d", valueOr(d.MinValue, 0), *d.MaxValue)
		}
	}
	if f := n.FavorableNumericAnswer; f != nil && f.FavorableFloor != nil && f.FavorableCeiling != nil && *f.FavorableFloor > *f.FavorableCeiling {
		ck.add(CodeUnableToProcessQuestions, p.Field("favorableNumericAnswer").Field("favorableFloor"), "Make favorable_floor at most favorable_ceiling.",
			"favorableFloor %v is above favorableCeiling %v", *f.FavorableFloor, *f.FavorableCeiling)
	}
}

func valueOrFloat(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

func (ck *checker) document(p Path, d *DocumentQuestionDetails) {
	if s := valueOr(d.MaximumSize, DocumentMaximumSizeDefault); s < 1 || s > DocumentMaximumSizeDefault {
		ck.add(CodeUnableToProcessQuestions, p.Field("maximumSize"), fmt.Sprintf("Use a maximum_size from 1 to %d bytes (100 MB).", DocumentMaximumSizeDefault),
			"maximumSize %d is outside 1 to %d bytes", s, DocumentMaximumSizeDefault)
	}
	for i, ext := range d.AcceptableFileExtensions {
		if ext != strings.ToLower(ext) || ext == "" || strings.HasPrefix(ext, ".") {
			ck.add(CodeUnableToProcessQuestions, p.Field("acceptableFileExtensions").Index(i), "Write file extensions in lower case without the dot, e.g. \"pdf\".",
				"%q is not a lower-case extension without a dot", ext)
		}
	}
}

// prerequisites checks the conditional questions of one array.
func (ck *checker) prerequisites(arr QuestionArray, byID map[string]int) {
	targets := map[string]bool{}
	for i, q := range arr.Questions {
		pr := q.PrerequisiteQuestionResponse
		if pr == nil {
			continue
		}
		p := arr.Path.Index(i).Field("prerequisiteQuestionResponse")
		if arr.RepeatLimit > 1 {
			ck.add(CodePrerequisiteInRepeatableSet, p, "Remove prerequisite_question_response from questions of a repeatable set (repeat_limit above 1), or set its repeat_limit to 1.",
				"a question of a set repeated up to %d times has a prerequisite", arr.RepeatLimit)
			continue
		}
		ref := pr.PrerequisiteQuestion.PartnerQuestionIdentifier
		j, ok := byID[ref]
		if !ok {
			ck.add(CodePrerequisiteElsewhere, p.Field("prerequisiteQuestion").Field("partnerQuestionIdentifier"),
				"Name a question of the same custom_questions list (or question set) as the prerequisite.",
				"prerequisite question %q is not in the same array (%s)", ref, arr.Path)
			continue
		}
		target := arr.Questions[j]
		if target.PrerequisiteQuestionResponse != nil {
			ck.add(CodePrerequisiteChain, p.Field("prerequisiteQuestion").Field("partnerQuestionIdentifier"),
				"Make the prerequisite a question without a prerequisite of its own (no chains).",
				"prerequisite question %q has a prerequisite itself", ref)
			continue
		}
		targets[ref] = true
		ck.prerequisiteAnswer(p, ref, target, pr)
	}
	if len(targets) > 1 {
		ck.add(CodeUnableToProcessQuestions, arr.Path, "Make every conditional question of one array depend on the same prerequisite question.",
			"%d different prerequisite questions in one array; LinkedIn allows one", len(targets))
	}
}

func (ck *checker) prerequisiteAnswer(p Path, ref string, target CustomQuestion, pr *PrerequisiteQuestionResponse) {
	mc := target.QuestionDetails.MultipleChoiceQuestionDetails
	if mc == nil || target.QuestionDetails.Members() != 1 || mc.PreferredFormComponent != RadioButtons {
		ck.add(CodeUnableToProcessQuestions, p.Field("prerequisiteQuestion").Field("partnerQuestionIdentifier"),
			"Make the prerequisite a multiple-choice question with preferred_form_component = \"RADIO_BUTTONS\".",
			"prerequisite question %q is not a RADIO_BUTTONS multiple-choice question", ref)
		return
	}
	names := pr.PrerequisiteResponse.MultipleChoiceAnswerValue.SymbolicNames
	ap := p.Field("prerequisiteResponse").Field("multipleChoiceAnswerValue").Field("symbolicNames")
	if len(names) != 1 {
		ck.add(CodeUnableToProcessQuestions, ap, "Give exactly one symbolic name of the prerequisite's choices.",
			"%d symbolic names; a prerequisite response has exactly one", len(names))
		return
	}
	for _, c := range mc.Choices {
		if c.SymbolicName == names[0] {
			return
		}
	}
	ck.add(CodeUnableToProcessQuestions, ap, "Name one of the prerequisite question's choices.",
		"%q is not a choice of prerequisite question %q", names[0], ref)
}
