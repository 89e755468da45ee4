package emulator

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
)

// This file makes applicants arrive on their own (Options.ApplicantsPerMinute): every 1/rate minutes, one
// applicant applies to each job whose LinkedIn Apply is ENABLED, answering every question it is asked with
// a generated answer, so that a partner's pipeline sees a steady stream of applications.

// arriveApplicantsLocked submits the generated applications that are due and schedules the next round.
func (e *Emulator) arriveApplicantsLocked(now time.Time, next *wakeUp) {
	rate := e.opts.ApplicantsPerMinute
	if rate <= 0 {
		return
	}
	every := time.Duration(float64(time.Minute) / rate)
	if e.nextApplicants.IsZero() {
		e.nextApplicants = now.Add(every)
	}
	if now.Before(e.nextApplicants) {
		next.by(e.nextApplicants)
		return
	}
	e.nextApplicants = now.Add(every)
	next.by(e.nextApplicants)
	var jobs []*job
	for _, j := range e.st.Jobs {
		if j.Apply != nil && j.Status.LinkedInApplyStatus == applyEnabled {
			jobs = append(jobs, j)
		}
	}
	sort.Slice(jobs, func(i, k int) bool { return jobs[i].Number < jobs[k].Number })
	submitted := false
	for _, j := range jobs {
		// A job whose questions the generator cannot answer (a required date or document question) gets
		// no generated applicants.
		if a, err := e.submitApplicationLocked(generatedApplicant(j, e.st.NextApplicationID+1)); err == nil {
			next.by(a.NextAttempt)
			submitted = true
		}
	}
	if submitted {
		_ = e.persistLocked()
	}
}

// generatedApplicant is applicant n of job j: a phone number and a resume when asked, and an answer to
// every custom question asked once (the first repetition of each set).
func generatedApplicant(j *job, n int) ApplicationRequest {
	id := strconv.Itoa(n)
	req := ApplicationRequest{Application: j.App, ExternalJobPostingID: j.ExternalID, FirstName: "Applicant",
		LastName: "Number " + id, Email: "applicant." + id + "@example.com"}
	q := j.Apply.Config.Questions
	if q == nil {
		return req
	}
	if c := q.ContactInformationQuestions; c != nil && orDefault(c.CellphoneNumberQuestionRequirement, "cellphoneNumberQuestionRequirement") != applyconnect.Skip {
		req.Phone = &PhoneNumber{CountryCode: "US", NationalNumber: fmt.Sprintf("415555%04d", n%10000)}
	}
	if r := q.ResumeQuestions; r != nil && orDefault(r.ResumeQuestionRequirement, "resumeQuestionRequirement") != applyconnect.Skip {
		req.ResumeURL = "https://media.example.com/resumes/applicant-" + id + ".pdf"
	}
	for _, arr := range q.Arrays() {
		chosen := map[string][]string{}
		for _, cq := range arr.Questions {
			if pr := cq.PrerequisiteQuestionResponse; pr != nil && !slices.Equal(chosen[pr.PrerequisiteQuestion.PartnerQuestionIdentifier], pr.PrerequisiteResponse.MultipleChoiceAnswerValue.SymbolicNames) {
				continue // not asked
			}
			if ans, ok := generatedAnswer(cq); ok {
				chosen[cq.PartnerQuestionIdentifier] = ans.SymbolicNames
				req.Answers = append(req.Answers, ans)
			}
		}
	}
	return req
}

// generatedAnswer answers a question: the default (or first) choice, the suggested text or number (else
// text of the least length allowed, and the least number allowed). Date and document questions are not
// answered.
func generatedAnswer(cq applyconnect.CustomQuestion) (QuestionAnswer, bool) {
	ans := QuestionAnswer{PartnerQuestionIdentifier: cq.PartnerQuestionIdentifier}
	d := cq.QuestionDetails
	switch {
	case d.MultipleChoiceQuestionDetails != nil && len(d.MultipleChoiceQuestionDetails.Choices) > 0:
		mc := d.MultipleChoiceQuestionDetails
		name := mc.Choices[0].SymbolicName
		if mc.DefaultValueSymbolicName != "" {
			name = mc.DefaultValueSymbolicName
		}
		ans.SymbolicNames = []string{name}
	case d.TextQuestionDetails != nil:
		t := d.TextQuestionDetails
		text := t.SuggestedValue
		if text == "" {
			text = "Generated answer"
		}
		if least := int(valueOrInt(t.MinLength, 0)); len(text) < least {
			text += strings.Repeat(".", least-len(text))
		}
		if most := valueOrInt(t.MaxLength, 0); most > 0 && int64(len(text)) > most {
			text = text[:most]
		}
		ans.Text = &text
	case d.NumericQuestionDetails != nil:
		v := generatedNumber(d.NumericQuestionDetails)
		ans.Number = &v
	default:
		return ans, false
	}
	return ans, true
}

func generatedNumber(n *applyconnect.NumericQuestionDetails) float64 {
	if d := n.IntegerQuestionDetails; d != nil {
		if d.SuggestedValue != nil {
			return float64(*d.SuggestedValue)
		}
		return float64(valueOrInt(d.MinValue, 0))
	}
	if d := n.DecimalQuestionDetails; d != nil {
		if d.SuggestedValue != nil {
			return *d.SuggestedValue
		}
		if d.MinValue != nil {
			return *d.MinValue
		}
	}
	return 0
}
