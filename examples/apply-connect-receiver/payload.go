package main

import (
	"bytes"
	"encoding/json"
)

// This file is the one place that knows the names of LinkedIn's JSON fields. When LinkedIn (or the emulator)
// names a field differently, change it here: the rest of the receiver only uses these structs. Fields the
// structs do not know are not lost: the receiver stores each payload byte for byte as LinkedIn sent it.
//
// Applications:  https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/receive-applications
// Status changes: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications

// The values of a payload's "type".
const (
	TypeJobApplication   = "JOB_APPLICATION"
	TypeJobPostingStatus = "JOB_POSTING_STATUS"
)

// envelope is read first, to learn what a payload is.
type envelope struct {
	Type string `json:"type"`
}

// Application is one application to an Apply Connect job (type JOB_APPLICATION).
type Application struct {
	Type                    string            `json:"type"`
	JobApplicationID        string            `json:"jobApplicationId"` // urn:li:jobApplication:N; keep it, LinkedIn's feedback API needs it
	ExternalJobPostingID    string            `json:"externalJobPostingId"`
	DeveloperApplicationURN string            `json:"developerApplicationUrn"` // the customer's child application
	AppliedAt               int64             `json:"appliedAt"`               // epoch milliseconds
	QuestionResponses       QuestionResponses `json:"questionResponses"`
}

// QuestionResponses are the applicant's answers, one member per section of the job's questions. Each section
// carries the answers to its own custom questions; work, education and the additional question sets carry one
// entry per repetition of their set (a set with repeatLimit 3 answered twice gives two entries).
type QuestionResponses struct {
	ContactInformation          *ContactInformationResponses `json:"contactInformationQuestionResponses,omitempty"`
	Resume                      *ResumeResponses             `json:"resumeQuestionResponses,omitempty"`
	CoverLetter                 *CustomResponses             `json:"coverLetterQuestionResponses,omitempty"`
	Work                        *WorkResponses               `json:"workQuestionResponses,omitempty"`
	Education                   *EducationResponses          `json:"educationQuestionResponses,omitempty"`
	VoluntarySelfIdentification *CustomResponses             `json:"voluntarySelfIdentificationQuestionResponses,omitempty"`
	Additional                  *AdditionalResponses         `json:"additionalQuestionResponses,omitempty"`
}

// ContactInformationResponses: name and email are always asked; the phone number when the job asks for it.
type ContactInformationResponses struct {
	FirstName *ValueAnswer             `json:"firstNameAnswer,omitempty"`
	LastName  *ValueAnswer             `json:"lastNameAnswer,omitempty"`
	Email     *ValueAnswer             `json:"emailAnswer,omitempty"`
	Cellphone *PhoneAnswer             `json:"cellphoneNumberQuestionAnswer,omitempty"`
	Custom    []CustomQuestionResponse `json:"customQuestionResponses,omitempty"`
}

// ValueAnswer is an answer that is one string.
type ValueAnswer struct {
	Value string `json:"value"`
}

// PhoneAnswer is a phone number.
type PhoneAnswer struct {
	CountryCode    string `json:"countryCode"`
	NationalNumber string `json:"nationalNumber"`
}

// ResumeResponses hold the resume, as a URL to download it from.
type ResumeResponses struct {
	Resume *MediaAnswer             `json:"resumeQuestionAnswer,omitempty"`
	Custom []CustomQuestionResponse `json:"customQuestionResponses,omitempty"`
}

// MediaAnswer is an uploaded file.
type MediaAnswer struct {
	MediaURL string `json:"mediaUrl"`
}

// CustomResponses are the answers to the custom questions of a section, or of one repetition of a set.
type CustomResponses struct {
	Custom []CustomQuestionResponse `json:"customQuestionResponses"`
}

// WorkResponses: one entry per position the applicant gave, and the section's own custom questions.
type WorkResponses struct {
	Sets   []CustomResponses        `json:"workExperienceQuestionSetResponses,omitempty"`
	Custom []CustomQuestionResponse `json:"customQuestionResponses,omitempty"`
}

// EducationResponses: one entry per school the applicant gave, and the section's own custom questions.
type EducationResponses struct {
	Sets   []CustomResponses        `json:"educationExperienceQuestionSetResponses,omitempty"`
	Custom []CustomQuestionResponse `json:"customQuestionResponses,omitempty"`
}

// AdditionalResponses answer the job's custom question sets: one entry per repetition of a set, sets in order.
type AdditionalResponses struct {
	Sets []CustomResponses `json:"customQuestionSetResponses"`
}

// CustomQuestionResponse answers the question whose partnerQuestionIdentifier is QuestionIdentifier.
type CustomQuestionResponse struct {
	QuestionIdentifier string `json:"questionIdentifier"`
	Answer             Answer `json:"answer"`
}

// Answer is a union: one member is set, matching the question's kind. Raw keeps the answer as sent, so an
// answer of a kind this receiver does not know (a date range, a document) is still shown.
type Answer struct {
	MultipleChoice *MultipleChoiceAnswer `json:"multipleChoiceAnswerValue,omitempty"`
	Text           *ValueAnswer          `json:"textAnswerValue,omitempty"`
	Numeric        *NumericAnswer        `json:"numericAnswerValue,omitempty"`
	Raw            json.RawMessage       `json:"-"`
}

// MultipleChoiceAnswer names the chosen choices by their symbolicName (several for a CHECKBOXES question).
type MultipleChoiceAnswer struct {
	SymbolicNames []string `json:"symbolicNames"`
}

// NumericAnswer is a number (an integer or a decimal question).
type NumericAnswer struct {
	Value json.Number `json:"value"`
}

// UnmarshalJSON decodes the known members and keeps the raw answer.
func (a *Answer) UnmarshalJSON(b []byte) error {
	type plain Answer // without this method
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*a = Answer(p)
	a.Raw = bytes.Clone(b)
	return nil
}

// StatusNotification is a Job Status Change Notification (type JOB_POSTING_STATUS). LinkedIn sends one when
// a job's listing, LinkedIn Apply or promotion status changes, for example when it turns Apply off.
type StatusNotification struct {
	Type                      string        `json:"type"`
	NotificationID            string        `json:"notificationId"` // the same on every re-send
	ExternalJobPostingID      string        `json:"externalJobPostingId"`
	DeveloperApplicationURN   string        `json:"developerApplicationUrn"`
	ListingStatus             string        `json:"listingStatus"`
	ListingStatusDetail       *StatusDetail `json:"listingStatusDetail,omitempty"`
	LinkedInApplyStatus       string        `json:"linkedInApplyStatus"`
	LinkedInApplyStatusDetail *StatusDetail `json:"linkedInApplyStatusDetail,omitempty"`
	PromotionStatus           string        `json:"promotionStatus"`
}

// StatusDetail says why a status is what it is.
type StatusDetail struct {
	ErrorCode     *int   `json:"errorCode,omitempty"`
	ErrorType     string `json:"errorType,omitempty"`
	StatusMessage string `json:"statusMessage"`
}
