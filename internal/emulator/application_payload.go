package emulator

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
)

// This file is the body LinkedIn POSTs to a job's jobApplicationWebhookUrl for each application, and the
// only place that names its fields. LinkedIn's page that defines the payload is gated to partners
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/receive-applications links to it); these
// names follow what partners report and can be corrected here, in one place, when they turn out wrong.
//
// Shape: {"type":"JOB_APPLICATION","jobApplicationId":"urn:li:jobApplication:N","externalJobPostingId",
// "developerApplicationUrn","appliedAt":ms,"questionResponses":{…}}. Each section of the job's questions
// has its responses; custom questions are answered in customQuestionResponses of their section, one entry
// per repetition for a repeatable set (README, choices).

// applicationType is the payload's type.
const applicationType = "JOB_APPLICATION"

type applicationPayload struct {
	Type                    string            `json:"type"`
	JobApplicationID        string            `json:"jobApplicationId"`
	ExternalJobPostingID    string            `json:"externalJobPostingId"`
	DeveloperApplicationURN string            `json:"developerApplicationUrn"`
	AppliedAt               int64             `json:"appliedAt"`
	QuestionResponses       questionResponses `json:"questionResponses"`
}

type questionResponses struct {
	ContactInformation          contactInformationResponses `json:"contactInformationQuestionResponses"`
	Resume                      *resumeResponses            `json:"resumeQuestionResponses,omitempty"`
	CoverLetter                 *customResponses            `json:"coverLetterQuestionResponses,omitempty"`
	Work                        *workResponses              `json:"workQuestionResponses,omitempty"`
	Education                   *educationResponses         `json:"educationQuestionResponses,omitempty"`
	VoluntarySelfIdentification *customResponses            `json:"voluntarySelfIdentificationQuestionResponses,omitempty"`
	Additional                  *additionalResponses        `json:"additionalQuestionResponses,omitempty"`
}

type contactInformationResponses struct {
	FirstName valueAnswer              `json:"firstNameAnswer"`
	LastName  valueAnswer              `json:"lastNameAnswer"`
	Email     valueAnswer              `json:"emailAnswer"`
	Cellphone *phoneAnswer             `json:"cellphoneNumberQuestionAnswer,omitempty"`
	Custom    []customQuestionResponse `json:"customQuestionResponses,omitempty"`
}

type resumeResponses struct {
	Resume *mediaAnswer             `json:"resumeQuestionAnswer,omitempty"`
	Custom []customQuestionResponse `json:"customQuestionResponses,omitempty"`
}

// customResponses are the custom answers of a section, or of one repetition of a set.
type customResponses struct {
	Custom []customQuestionResponse `json:"customQuestionResponses"`
}

type workResponses struct {
	Sets   []customResponses        `json:"workExperienceQuestionSetResponses,omitempty"`
	Custom []customQuestionResponse `json:"customQuestionResponses,omitempty"`
}

type educationResponses struct {
	Sets   []customResponses        `json:"educationExperienceQuestionSetResponses,omitempty"`
	Custom []customQuestionResponse `json:"customQuestionResponses,omitempty"`
}

type additionalResponses struct {
	Sets []customResponses `json:"customQuestionSetResponses"`
}

type valueAnswer struct {
	Value string `json:"value"`
}

type phoneAnswer struct {
	CountryCode    string `json:"countryCode"`
	NationalNumber string `json:"nationalNumber"`
}

type mediaAnswer struct {
	MediaURL string `json:"mediaUrl"`
}

type customQuestionResponse struct {
	QuestionIdentifier string      `json:"questionIdentifier"`
	Answer             answerValue `json:"answer"`
}

// answerValue is a union: one member is set.
type answerValue struct {
	MultipleChoice *multipleChoiceAnswer `json:"multipleChoiceAnswerValue,omitempty"`
	Text           *valueAnswer          `json:"textAnswerValue,omitempty"`
	Numeric        *numericAnswer        `json:"numericAnswerValue,omitempty"`
}

type multipleChoiceAnswer struct {
	SymbolicNames []string `json:"symbolicNames"`
}

type numericAnswer struct {
	Value float64 `json:"value"`
}

// encodeASCIIJSON marshals v with every non-ASCII character escaped as \uXXXX (UTF-16 surrogate pairs
// beyond the BMP), as LinkedIn writes the bodies it signs: the signature is over these exact bytes.
func encodeASCIIJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, r := range string(raw) {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return []byte(b.String()), nil
}
