// Package applyconnect is LinkedIn's onsiteApplyConfiguration: the part of a job posting that turns on
// LinkedIn Apply (Apply Connect). Applicants apply on LinkedIn, answering the questions configured here, and
// LinkedIn delivers each application to the partner's jobApplicationWebhookUrl.
//
// The package holds LinkedIn's model field for field (Go names follow LinkedIn's JSON names), its defaults
// and symbols, and the rules LinkedIn checks after it has accepted a job (Check): LinkedIn does not refuse a
// job for a question problem, it lists the job with LinkedIn Apply NOT_ENABLED and an error code (1100–1103,
// 1151). The provider runs Check at plan time, so these codes never reach a user; the emulator runs the same
// rules to report the codes as LinkedIn does.
//
// LinkedIn's pages: https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/onsite-apply-config-schema and
// the status catalogue https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications
package applyconnect

// Requirement of a standard question: asked and required, asked and optional, or not asked.
const (
	Required = "REQUIRED"
	Optional = "OPTIONAL"
	Skip     = "SKIP"
)

// Requirements are the symbols a *QuestionRequirement field accepts.
var Requirements = []string{Required, Optional, Skip}

// Form components a multiple-choice or text question may prefer.
const (
	Checkboxes    = "CHECKBOXES"
	Dropdown      = "DROPDOWN"
	MultilineText = "MULTILINE_TEXT"
	RadioButtons  = "RADIO_BUTTONS"
	Text          = "TEXT"
	Buttons       = "BUTTONS"
)

// FormComponents are the symbols preferredFormComponent accepts.
var FormComponents = []string{Checkboxes, Dropdown, MultilineText, RadioButtons, Text, Buttons}

// LinkedIn's defaults for the numbers of a question set, and the ranges repeatLimit must stay in.
const (
	WorkRepeatLimitDefault      = 10
	WorkRepeatLimitMax          = 10
	EducationRepeatLimitDefault = 3
	EducationRepeatLimitMax     = 3
	CustomSetRepeatLimitDefault = 1
	CustomSetRepeatLimitMax     = 10
	MinRequiredDefault          = 0
	DocumentMaximumSizeDefault  = 100 * 1024 * 1024 // bytes, and the largest LinkedIn accepts
	DateRangeStartLabelDefault  = "From"
	DateRangeEndLabelDefault    = "To"
)

// Limits LinkedIn does not publish; the emulator and the provider's plan-time checks share them, so that a
// job the provider lets through is one the emulator enables (a question beyond them is a 1151).
const (
	MaxQuestionsPerArray   = 50
	MaxChoices             = 50
	MaxQuestionTextLength  = 1000
	MaxIdentifierLength    = 100
	MaxSymbolicNameLength  = 100
	MaxDisplayValueLength  = 100
	MaxHelpMessageLength   = 1000
	MaxTextSuggestedLength = 1000
)

// RequirementDefaults is LinkedIn's default of every *QuestionRequirement field, by the field's JSON name.
// A section given as an empty object asks each of its questions with these.
var RequirementDefaults = map[string]string{
	"middleNameQuestionRequirement":      Skip,
	"cellphoneNumberQuestionRequirement": Optional,
	"locationQuestionRequirement":        Skip,
	"resumeQuestionRequirement":          Optional,
	"coverLetterQuestionRequirement":     Optional,
	"textCoverLetterQuestionRequirement": Skip,
	"titleQuestionRequirement":           Required,
	"employmentDatesQuestionRequirement": Required,
	"cityQuestionRequirement":            Optional, // work and education sets alike
	"companyQuestionRequirement":         Optional,
	"descriptionQuestionRequirement":     Optional,
	"schoolQuestionRequirement":          Required,
	"datesAttendedQuestionRequirement":   Required,
	"degreeQuestionRequirement":          Optional,
	"fieldOfStudyQuestionRequirement":    Optional,
	"disabilityQuestionRequirement":      Required,
	"genderQuestionRequirement":          Required,
	"raceQuestionRequirement":            Required,
	"veteranStatusQuestionRequirement":   Required,
}

// Configuration is a job posting's onsiteApplyConfiguration.
type Configuration struct {
	JobApplicationWebhookURL string     `json:"jobApplicationWebhookUrl"`
	Questions                *Questions `json:"questions,omitempty"`
}

// Questions are the seven sections of an application form; a section left out is not asked.
type Questions struct {
	ContactInformationQuestions          *ContactInformationQuestions          `json:"contactInformationQuestions,omitempty"`
	ResumeQuestions                      *ResumeQuestions                      `json:"resumeQuestions,omitempty"`
	CoverLetterQuestions                 *CoverLetterQuestions                 `json:"coverLetterQuestions,omitempty"`
	WorkQuestions                        *WorkQuestions                        `json:"workQuestions,omitempty"`
	EducationQuestions                   *EducationQuestions                   `json:"educationQuestions,omitempty"`
	VoluntarySelfIdentificationQuestions *VoluntarySelfIdentificationQuestions `json:"voluntarySelfIdentificationQuestions,omitempty"`
	AdditionalQuestions                  *AdditionalQuestions                  `json:"additionalQuestions,omitempty"`
}

// ContactInformationQuestions: name and email are always asked; these add to them.
type ContactInformationQuestions struct {
	MiddleNameQuestionRequirement      string           `json:"middleNameQuestionRequirement,omitempty"`
	CellphoneNumberQuestionRequirement string           `json:"cellphoneNumberQuestionRequirement,omitempty"`
	LocationQuestionRequirement        string           `json:"locationQuestionRequirement,omitempty"`
	CustomQuestions                    []CustomQuestion `json:"customQuestions,omitempty"`
}

// ResumeQuestions ask for a resume (doc, docx or pdf, at most 2 MB).
type ResumeQuestions struct {
	ResumeQuestionRequirement string           `json:"resumeQuestionRequirement,omitempty"`
	CustomQuestions           []CustomQuestion `json:"customQuestions,omitempty"`
}

// CoverLetterQuestions ask for a cover letter as a file (at most 512 KB) or as text.
type CoverLetterQuestions struct {
	CoverLetterQuestionRequirement     string           `json:"coverLetterQuestionRequirement,omitempty"`
	TextCoverLetterQuestionRequirement string           `json:"textCoverLetterQuestionRequirement,omitempty"`
	CustomQuestions                    []CustomQuestion `json:"customQuestions,omitempty"`
}

// WorkQuestions ask for work experience, each position a repetition of the set.
type WorkQuestions struct {
	WorkExperienceQuestionSet *WorkExperienceQuestionSet `json:"workExperienceQuestionSet,omitempty"`
	CustomQuestions           []CustomQuestion           `json:"customQuestions,omitempty"`
}

// WorkExperienceQuestionSet is asked once per position, minRequired to repeatLimit times.
type WorkExperienceQuestionSet struct {
	MinRequired                        *int64           `json:"minRequired,omitempty"`
	RepeatLimit                        *int64           `json:"repeatLimit,omitempty"`
	TitleQuestionRequirement           string           `json:"titleQuestionRequirement,omitempty"`
	EmploymentDatesQuestionRequirement string           `json:"employmentDatesQuestionRequirement,omitempty"`
	CityQuestionRequirement            string           `json:"cityQuestionRequirement,omitempty"`
	CompanyQuestionRequirement         string           `json:"companyQuestionRequirement,omitempty"`
	DescriptionQuestionRequirement     string           `json:"descriptionQuestionRequirement,omitempty"`
	CustomQuestions                    []CustomQuestion `json:"customQuestions,omitempty"`
}

// EducationQuestions ask for education, each school a repetition of the set.
type EducationQuestions struct {
	EducationExperienceQuestionSet *EducationExperienceQuestionSet `json:"educationExperienceQuestionSet,omitempty"`
	CustomQuestions                []CustomQuestion                `json:"customQuestions,omitempty"`
}

// EducationExperienceQuestionSet is asked once per school, minRequired to repeatLimit times.
type EducationExperienceQuestionSet struct {
	MinRequired                      *int64           `json:"minRequired,omitempty"`
	RepeatLimit                      *int64           `json:"repeatLimit,omitempty"`
	SchoolQuestionRequirement        string           `json:"schoolQuestionRequirement,omitempty"`
	DatesAttendedQuestionRequirement string           `json:"datesAttendedQuestionRequirement,omitempty"`
	CityQuestionRequirement          string           `json:"cityQuestionRequirement,omitempty"`
	DegreeQuestionRequirement        string           `json:"degreeQuestionRequirement,omitempty"`
	FieldOfStudyQuestionRequirement  string           `json:"fieldOfStudyQuestionRequirement,omitempty"`
	CustomQuestions                  []CustomQuestion `json:"customQuestions,omitempty"`
}

// VoluntarySelfIdentificationQuestions are the US equal-employment-opportunity questions.
type VoluntarySelfIdentificationQuestions struct {
	DisabilityQuestionRequirement    string           `json:"disabilityQuestionRequirement,omitempty"`
	GenderQuestionRequirement        string           `json:"genderQuestionRequirement,omitempty"`
	RaceQuestionRequirement          string           `json:"raceQuestionRequirement,omitempty"`
	VeteranStatusQuestionRequirement string           `json:"veteranStatusQuestionRequirement,omitempty"`
	CustomQuestions                  []CustomQuestion `json:"customQuestions,omitempty"`
}

// AdditionalQuestions are the partner's own question sets.
type AdditionalQuestions struct {
	CustomQuestionSets []CustomQuestionSet `json:"customQuestionSets,omitempty"`
}

// CustomQuestionSet is asked up to repeatLimit times (a repeatable set: "add another reference").
type CustomQuestionSet struct {
	Questions   []CustomQuestion `json:"questions"`
	RepeatLimit *int64           `json:"repeatLimit,omitempty"`
}

// CustomQuestion is LinkedIn's SimpleTalentQuestionDefinition.
type CustomQuestion struct {
	PartnerQuestionIdentifier    string                        `json:"partnerQuestionIdentifier"`
	QuestionText                 string                        `json:"questionText"`
	Required                     *bool                         `json:"required,omitempty"`
	HelpMessage                  string                        `json:"helpMessage,omitempty"`
	ExpandedHelpMessage          string                        `json:"expandedHelpMessage,omitempty"`
	QuestionDetails              QuestionDetails               `json:"questionDetails"`
	PrerequisiteQuestionResponse *PrerequisiteQuestionResponse `json:"prerequisiteQuestionResponse,omitempty"`
}

// QuestionDetails is a union: exactly one member is set (else LinkedIn reports 1100).
type QuestionDetails struct {
	MultipleChoiceQuestionDetails *MultipleChoiceQuestionDetails `json:"multipleChoiceQuestionDetails,omitempty"`
	TextQuestionDetails           *TextQuestionDetails           `json:"textQuestionDetails,omitempty"`
	NumericQuestionDetails        *NumericQuestionDetails        `json:"numericQuestionDetails,omitempty"`
	DateRangeQuestionDetails      *DateRangeQuestionDetails      `json:"dateRangeQuestionDetails,omitempty"`
	// DateQuestionDetails is the name LinkedIn's status catalogue uses for the date member; LinkedIn's
	// question reference calls it dateRangeQuestionDetails. Both are accepted.
	DateQuestionDetails     *DateRangeQuestionDetails `json:"dateQuestionDetails,omitempty"`
	DocumentQuestionDetails *DocumentQuestionDetails  `json:"documentQuestionDetails,omitempty"`
}

// Members is how many members of the union are set.
func (d QuestionDetails) Members() int {
	n := 0
	for _, set := range []bool{d.MultipleChoiceQuestionDetails != nil, d.TextQuestionDetails != nil,
		d.NumericQuestionDetails != nil, d.DateRangeQuestionDetails != nil, d.DateQuestionDetails != nil,
		d.DocumentQuestionDetails != nil} {
		if set {
			n++
		}
	}
	return n
}

// MultipleChoiceQuestionDetails: pick one (or, with CHECKBOXES and selectMultiple, several) of the choices.
type MultipleChoiceQuestionDetails struct {
	Choices                       []Choice                       `json:"choices"`
	DefaultValueSymbolicName      string                         `json:"defaultValueSymbolicName,omitempty"`
	FavorableMultipleChoiceAnswer *FavorableMultipleChoiceAnswer `json:"favorableMultipleChoiceAnswer,omitempty"`
	PreferredFormComponent        string                         `json:"preferredFormComponent"`
	SelectMultiple                *bool                          `json:"selectMultiple,omitempty"`
}

// Choice is one answer of a multiple-choice question: the symbolic name is what the partner receives.
type Choice struct {
	SymbolicName string `json:"symbolicName"`
	DisplayValue string `json:"displayValue"`
}

// FavorableMultipleChoiceAnswer names the choices the partner considers favorable (for screening).
type FavorableMultipleChoiceAnswer struct {
	FavorableSymbolicNames []string `json:"favorableSymbolicNames"`
}

// TextQuestionDetails: a free-text answer of minLength to maxLength characters.
type TextQuestionDetails struct {
	SuggestedValue         string `json:"suggestedValue,omitempty"`
	MinLength              *int64 `json:"minLength,omitempty"`
	MaxLength              *int64 `json:"maxLength,omitempty"`
	PreferredFormComponent string `json:"preferredFormComponent,omitempty"`
}

// NumericQuestionDetails: a decimal or an integer answer (exactly one of the two).
type NumericQuestionDetails struct {
	DecimalQuestionDetails *DecimalQuestionDetails `json:"decimalQuestionDetails,omitempty"`
	IntegerQuestionDetails *IntegerQuestionDetails `json:"integerQuestionDetails,omitempty"`
	FavorableNumericAnswer *FavorableNumericAnswer `json:"favorableNumericAnswer,omitempty"`
}

// DecimalQuestionDetails bounds a decimal answer.
type DecimalQuestionDetails struct {
	SuggestedValue *float64 `json:"suggestedValue,omitempty"`
	MinValue       *float64 `json:"minValue,omitempty"`
	MaxValue       *float64 `json:"maxValue,omitempty"`
}

// IntegerQuestionDetails bounds an integer answer.
type IntegerQuestionDetails struct {
	SuggestedValue *int64 `json:"suggestedValue,omitempty"`
	MinValue       *int64 `json:"minValue,omitempty"`
	MaxValue       *int64 `json:"maxValue,omitempty"`
}

// FavorableNumericAnswer is the range of answers the partner considers favorable.
type FavorableNumericAnswer struct {
	FavorableFloor   *float64 `json:"favorableFloor,omitempty"`
	FavorableCeiling *float64 `json:"favorableCeiling,omitempty"`
}

// DateRangeQuestionDetails: a from–to date answer.
type DateRangeQuestionDetails struct {
	StartLabel       string `json:"startLabel,omitempty"`
	EndLabel         string `json:"endLabel,omitempty"`
	HideEndDateLabel *bool  `json:"hideEndDateLabel,omitempty"`
}

// DocumentQuestionDetails: a file upload.
type DocumentQuestionDetails struct {
	MaximumSize              *int64   `json:"maximumSize,omitempty"`
	AcceptableFileExtensions []string `json:"acceptableFileExtensions,omitempty"`
}

// PrerequisiteQuestionResponse makes a question conditional: it is asked only when the prerequisite
// question (a RADIO_BUTTONS multiple-choice question of the same array) was answered with the given choice.
type PrerequisiteQuestionResponse struct {
	PrerequisiteQuestion QuestionReference    `json:"prerequisiteQuestion"`
	PrerequisiteResponse PrerequisiteResponse `json:"prerequisiteResponse"`
}

// QuestionReference names a question by its partnerQuestionIdentifier.
type QuestionReference struct {
	PartnerQuestionIdentifier string `json:"partnerQuestionIdentifier"`
}

// PrerequisiteResponse is the answer that makes the dependent question appear.
type PrerequisiteResponse struct {
	MultipleChoiceAnswerValue MultipleChoiceAnswerValue `json:"multipleChoiceAnswerValue"`
}

// MultipleChoiceAnswerValue is an answer to a multiple-choice question: exactly one symbolic name in a
// prerequisite, one or more in an applicant's answer to a CHECKBOXES question.
type MultipleChoiceAnswerValue struct {
	SymbolicNames []string `json:"symbolicNames"`
}
