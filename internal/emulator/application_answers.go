package emulator

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
)

// This file checks an applicant's answers against the job's onsiteApplyConfiguration, as LinkedIn's
// application form does before it lets the applicant submit, and turns them into the payload's responses.

// ApplicationRequest is an applicant applying to an Apply Connect job (POST /emulator/applications).
type ApplicationRequest struct {
	// Application is the child application that posted the job: URN or client id.
	Application          string       `json:"application"`
	ExternalJobPostingID string       `json:"externalJobPostingId"`
	FirstName            string       `json:"firstName"`
	LastName             string       `json:"lastName"`
	Email                string       `json:"email"`
	Phone                *PhoneNumber `json:"phone,omitempty"`
	// ResumeURL is where the partner can download the resume.
	ResumeURL string           `json:"resumeUrl,omitempty"`
	Answers   []QuestionAnswer `json:"answers,omitempty"`
}

// PhoneNumber is an applicant's cellphone number.
type PhoneNumber struct {
	CountryCode    string `json:"countryCode"`
	NationalNumber string `json:"nationalNumber"`
}

// QuestionAnswer answers one custom question, by its partnerQuestionIdentifier, in one repetition of its
// set (0 for the first; only repeatable sets have others). Exactly one of SymbolicNames (multiple choice),
// Text and Number is given.
type QuestionAnswer struct {
	PartnerQuestionIdentifier string   `json:"partnerQuestionIdentifier"`
	Repetition                int      `json:"repetition,omitempty"`
	SymbolicNames             []string `json:"symbolicNames,omitempty"`
	Text                      *string  `json:"text,omitempty"`
	Number                    *float64 `json:"number,omitempty"`
}

// answerKey is a question in one repetition of its array.
type answerKey struct {
	id  string
	rep int
}

// questionRef locates a question: its array (index into Questions.Arrays()) and its position there.
type questionRef struct{ array, index int }

// checkApplication checks req against the configuration and returns the responses of the payload.
func checkApplication(cfg *applyconnect.Configuration, req ApplicationRequest) (questionResponses, error) {
	var out questionResponses
	if err := checkContact(cfg.Questions, req); err != nil {
		return out, err
	}
	arrays := cfg.Questions.Arrays()
	refs := map[string]questionRef{}
	for a, arr := range arrays {
		for i, q := range arr.Questions {
			refs[q.PartnerQuestionIdentifier] = questionRef{a, i}
		}
	}
	given := map[answerKey]QuestionAnswer{}
	for _, ans := range req.Answers {
		ref, ok := refs[ans.PartnerQuestionIdentifier]
		if !ok {
			return out, fmt.Errorf("the job has no question %q", ans.PartnerQuestionIdentifier)
		}
		arr := arrays[ref.array]
		if ans.Repetition < 0 || int64(ans.Repetition) >= arr.RepeatLimit {
			return out, fmt.Errorf("question %q: repetition %d is outside 0..%d (its set's repeatLimit is %d)", ans.PartnerQuestionIdentifier, ans.Repetition, arr.RepeatLimit-1, arr.RepeatLimit)
		}
		k := answerKey{ans.PartnerQuestionIdentifier, ans.Repetition}
		if _, dup := given[k]; dup {
			return out, fmt.Errorf("question %q is answered twice in repetition %d", k.id, k.rep)
		}
		if err := checkAnswerValue(&arr.Questions[ref.index], ans); err != nil {
			return out, fmt.Errorf("question %q: %w", ans.PartnerQuestionIdentifier, err)
		}
		given[k] = ans
	}
	for _, arr := range arrays {
		if err := checkAskedQuestions(arr, repetitions(arr, cfg.Questions, given), given); err != nil {
			return out, err
		}
	}
	fillResponses(&out, cfg.Questions, arrays, given, req)
	return out, nil
}

// checkContact checks the standard questions the emulator models: name and email (always asked), the
// cellphone number and the resume (asked as the configuration says).
func checkContact(q *applyconnect.Questions, req ApplicationRequest) error {
	if strings.TrimSpace(req.FirstName) == "" || strings.TrimSpace(req.LastName) == "" {
		return fmt.Errorf("firstName and lastName are required")
	}
	if !emailRe.MatchString(req.Email) {
		return fmt.Errorf("email %q is not an email address", req.Email)
	}
	phone, resume := applyconnect.Skip, applyconnect.Skip
	if q != nil && q.ContactInformationQuestions != nil {
		phone = orDefault(q.ContactInformationQuestions.CellphoneNumberQuestionRequirement, "cellphoneNumberQuestionRequirement")
	}
	if q != nil && q.ResumeQuestions != nil {
		resume = orDefault(q.ResumeQuestions.ResumeQuestionRequirement, "resumeQuestionRequirement")
	}
	switch {
	case req.Phone == nil && phone == applyconnect.Required:
		return fmt.Errorf("the job requires a cellphone number (phone)")
	case req.Phone != nil && phone == applyconnect.Skip:
		return fmt.Errorf("the job does not ask for a cellphone number")
	case req.Phone != nil && (req.Phone.CountryCode == "" || req.Phone.NationalNumber == ""):
		return fmt.Errorf("phone needs countryCode and nationalNumber")
	case req.ResumeURL == "" && resume == applyconnect.Required:
		return fmt.Errorf("the job requires a resume (resumeUrl)")
	case req.ResumeURL != "" && resume == applyconnect.Skip:
		return fmt.Errorf("the job does not ask for a resume")
	}
	if req.ResumeURL != "" {
		if u, err := url.Parse(req.ResumeURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("resumeUrl %q is not an absolute http(s) URL", req.ResumeURL)
		}
	}
	return nil
}

func orDefault(requirement, field string) string {
	if requirement == "" {
		return applyconnect.RequirementDefaults[field]
	}
	return requirement
}

// checkAnswerValue checks that an answer has the kind and the range of its question.
func checkAnswerValue(q *applyconnect.CustomQuestion, ans QuestionAnswer) error {
	kinds := 0
	for _, set := range []bool{ans.SymbolicNames != nil, ans.Text != nil, ans.Number != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return fmt.Errorf("give exactly one of symbolicNames, text and number")
	}
	d := q.QuestionDetails
	switch {
	case d.MultipleChoiceQuestionDetails != nil:
		return checkChoiceAnswer(d.MultipleChoiceQuestionDetails, ans.SymbolicNames)
	case d.TextQuestionDetails != nil:
		if ans.Text == nil {
			return fmt.Errorf("a text question is answered with text")
		}
		n := int64(utf8.RuneCountInString(*ans.Text))
		minLength, maxLength := valueOrInt(d.TextQuestionDetails.MinLength, 0), valueOrInt(d.TextQuestionDetails.MaxLength, math.MaxInt64)
		if n < minLength || n > maxLength {
			return fmt.Errorf("the text is %d characters long, outside %d..%d", n, minLength, maxLength)
		}
	case d.NumericQuestionDetails != nil:
		if ans.Number == nil {
			return fmt.Errorf("a numeric question is answered with a number")
		}
		return checkNumberAnswer(d.NumericQuestionDetails, *ans.Number)
	default:
		return fmt.Errorf("date and document questions cannot be answered through the emulator")
	}
	return nil
}

func checkChoiceAnswer(mc *applyconnect.MultipleChoiceQuestionDetails, names []string) error {
	if len(names) == 0 {
		return fmt.Errorf("a multiple-choice question is answered with symbolicNames")
	}
	if len(names) > 1 && (mc.SelectMultiple == nil || !*mc.SelectMultiple) {
		return fmt.Errorf("only one choice may be selected, not %d", len(names))
	}
	for i, n := range names {
		if !slices.ContainsFunc(mc.Choices, func(c applyconnect.Choice) bool { return c.SymbolicName == n }) {
			return fmt.Errorf("%q is not a valid choice", n)
		}
		if slices.Contains(names[:i], n) {
			return fmt.Errorf("%q is selected twice", n)
		}
	}
	return nil
}

func checkNumberAnswer(n *applyconnect.NumericQuestionDetails, v float64) error {
	if d := n.IntegerQuestionDetails; d != nil {
		if v != math.Trunc(v) {
			return fmt.Errorf("%v is not a whole number", v)
		}
		if v < float64(valueOrInt(d.MinValue, 0)) || (d.MaxValue != nil && v > float64(*d.MaxValue)) {
			return fmt.Errorf("%v is outside the question's range", v)
		}
	}
	if d := n.DecimalQuestionDetails; d != nil {
		if (d.MinValue != nil && v < *d.MinValue) || (d.MinValue == nil && v < 0) || (d.MaxValue != nil && v > *d.MaxValue) {
			return fmt.Errorf("%v is outside the question's range", v)
		}
	}
	return nil
}

func valueOrInt(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// repetitions are the repetitions of an array the applicant fills in: those answered, and at least the
// set's minimum (minRequired of a work or education set, which may be 0; once for any other array).
func repetitions(arr applyconnect.QuestionArray, q *applyconnect.Questions, given map[answerKey]QuestionAnswer) []int {
	least := int64(1)
	switch arr.Path[len(arr.Path)-2].Field {
	case "workExperienceQuestionSet":
		least = valueOrInt(q.WorkQuestions.WorkExperienceQuestionSet.MinRequired, applyconnect.MinRequiredDefault)
	case "educationExperienceQuestionSet":
		least = valueOrInt(q.EducationQuestions.EducationExperienceQuestionSet.MinRequired, applyconnect.MinRequiredDefault)
	}
	var reps []int
	for r := range int(least) {
		reps = append(reps, r)
	}
	for k := range given {
		for _, cq := range arr.Questions {
			if cq.PartnerQuestionIdentifier == k.id && !slices.Contains(reps, k.rep) {
				reps = append(reps, k.rep)
			}
		}
	}
	slices.Sort(reps)
	return reps
}

// checkAskedQuestions checks, in each repetition, that every required question that is asked (a
// conditional question only when its prerequisite got the answer it waits for) is answered, and that no
// question is answered that is not asked.
func checkAskedQuestions(arr applyconnect.QuestionArray, reps []int, given map[answerKey]QuestionAnswer) error {
	for _, r := range reps {
		for _, q := range arr.Questions {
			_, answered := given[answerKey{q.PartnerQuestionIdentifier, r}]
			asked := true
			if pr := q.PrerequisiteQuestionResponse; pr != nil {
				pre := given[answerKey{pr.PrerequisiteQuestion.PartnerQuestionIdentifier, r}]
				asked = slices.Equal(pre.SymbolicNames, pr.PrerequisiteResponse.MultipleChoiceAnswerValue.SymbolicNames)
			}
			switch {
			case asked && !answered && q.Required != nil && *q.Required:
				return fmt.Errorf("required question %q is not answered (repetition %d)", q.PartnerQuestionIdentifier, r)
			case !asked && answered:
				return fmt.Errorf("question %q is asked only when %q is answered %v", q.PartnerQuestionIdentifier,
					q.PrerequisiteQuestionResponse.PrerequisiteQuestion.PartnerQuestionIdentifier,
					q.PrerequisiteQuestionResponse.PrerequisiteResponse.MultipleChoiceAnswerValue.SymbolicNames)
			}
		}
	}
	return nil
}

// fillResponses puts the applicant's answers into the payload's sections: each array's answers, one
// customResponses per repetition of a set, in the order of the job's questions.
func fillResponses(out *questionResponses, q *applyconnect.Questions, arrays []applyconnect.QuestionArray, given map[answerKey]QuestionAnswer, req ApplicationRequest) {
	out.ContactInformation = contactInformationResponses{FirstName: valueAnswer{req.FirstName},
		LastName: valueAnswer{req.LastName}, Email: valueAnswer{req.Email}}
	if req.Phone != nil {
		out.ContactInformation.Cellphone = &phoneAnswer{CountryCode: req.Phone.CountryCode, NationalNumber: req.Phone.NationalNumber}
	}
	if q == nil {
		return
	}
	if q.ResumeQuestions != nil {
		out.Resume = &resumeResponses{}
		if req.ResumeURL != "" {
			out.Resume.Resume = &mediaAnswer{MediaURL: req.ResumeURL}
		}
	}
	for _, arr := range arrays {
		byRep := answersByRepetition(arr, given)
		section := arr.Path[1].Field
		set := arr.Path[len(arr.Path)-2].Field
		switch {
		case section == "contactInformationQuestions":
			out.ContactInformation.Custom = byRep[0]
		case section == "resumeQuestions":
			out.Resume.Custom = byRep[0]
		case section == "coverLetterQuestions":
			out.CoverLetter = &customResponses{Custom: nonNil(byRep[0])}
		case section == "voluntarySelfIdentificationQuestions":
			out.VoluntarySelfIdentification = &customResponses{Custom: nonNil(byRep[0])}
		case section == "workQuestions":
			if out.Work == nil {
				out.Work = &workResponses{}
			}
			if set == "workExperienceQuestionSet" {
				out.Work.Sets = repetitionResponses(byRep)
			} else {
				out.Work.Custom = byRep[0]
			}
		case section == "educationQuestions":
			if out.Education == nil {
				out.Education = &educationResponses{}
			}
			if set == "educationExperienceQuestionSet" {
				out.Education.Sets = repetitionResponses(byRep)
			} else {
				out.Education.Custom = byRep[0]
			}
		case section == "additionalQuestions":
			if out.Additional == nil {
				out.Additional = &additionalResponses{Sets: []customResponses{}}
			}
			out.Additional.Sets = append(out.Additional.Sets, repetitionResponses(byRep)...)
		}
	}
}

// answersByRepetition lists an array's answers per repetition, in the order of the questions.
func answersByRepetition(arr applyconnect.QuestionArray, given map[answerKey]QuestionAnswer) map[int][]customQuestionResponse {
	out := map[int][]customQuestionResponse{}
	reps := map[int]bool{}
	for k := range given {
		reps[k.rep] = true
	}
	for r := range reps {
		for _, q := range arr.Questions {
			ans, ok := given[answerKey{q.PartnerQuestionIdentifier, r}]
			if !ok {
				continue
			}
			resp := customQuestionResponse{QuestionIdentifier: q.PartnerQuestionIdentifier}
			switch {
			case ans.SymbolicNames != nil:
				resp.Answer.MultipleChoice = &multipleChoiceAnswer{SymbolicNames: ans.SymbolicNames}
			case ans.Text != nil:
				resp.Answer.Text = &valueAnswer{Value: *ans.Text}
			case ans.Number != nil:
				resp.Answer.Numeric = &numericAnswer{Value: *ans.Number}
			}
			out[r] = append(out[r], resp)
		}
	}
	return out
}

// repetitionResponses is one customResponses per answered repetition, in repetition order.
func repetitionResponses(byRep map[int][]customQuestionResponse) []customResponses {
	reps := make([]int, 0, len(byRep))
	for r := range byRep {
		reps = append(reps, r)
	}
	slices.Sort(reps)
	out := make([]customResponses, 0, len(reps))
	for _, r := range reps {
		out = append(out, customResponses{Custom: byRep[r]})
	}
	return out
}

func nonNil(rs []customQuestionResponse) []customQuestionResponse {
	if rs == nil {
		return []customQuestionResponse{}
	}
	return rs
}
