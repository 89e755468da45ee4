package client

// The records of Recruiter System Connect's data sync (sync.go). Timestamps are epoch milliseconds UTC. A
// field left at its zero value is not sent, and LinkedIn sets a field an update does not send to null: an
// upsert must carry every field the ATS has, not only the changed ones.

// CandidateKey names a candidate: the ATS's candidate id within the customer's organization
// (integrationContext, urn:li:organization:N).
type CandidateKey struct {
	IntegrationContext string
	CandidateID        string
}

// Candidate is a synced candidate. The JSON names are the legacy /v2 family's; the versioned family calls
// the timestamps externalCreatedAt and externalLastModifiedAt (the client renames them).
type Candidate struct {
	Key                 CandidateKey       `json:"-"`
	CreatedAt           int64              `json:"atsCreatedAt,omitempty"`
	LastModifiedAt      int64              `json:"atsLastModifiedAt,omitempty"`
	FirstName           string             `json:"firstName,omitempty"`
	LastName            string             `json:"lastName,omitempty"`
	EmailAddresses      []string           `json:"emailAddresses,omitempty"`
	ExternalProfileURL  string             `json:"externalProfileUrl,omitempty"`
	ManualMatchedMember string             `json:"manualMatchedMember,omitempty"` // urn:li:person:… from One-Click Export
	CurrentCompanyName  string             `json:"currentCompanyName,omitempty"`
	CurrentJobTitle     string             `json:"currentJobTitle,omitempty"`
	LinkedInProfileURL  string             `json:"linkedInProfileUrl,omitempty"`
	PhoneNumbers        []PhoneNumber      `json:"phoneNumbers,omitempty"`
	Addresses           []CandidateAddress `json:"addresses,omitempty"`
	DoNotContact        *bool              `json:"doNotContact,omitempty"`
	// MatchedMember is LinkedIn's match of the candidate to a member, read only (never sent).
	MatchedMember string `json:"matchedMember,omitempty"`
}

// PhoneNumber is a candidate's phone number.
type PhoneNumber struct {
	Number    string `json:"number"`
	Extension string `json:"extension,omitempty"`
}

// CandidateAddress is a candidate's address; LinkedIn's page lists it without its fields, so it is kept as
// the ATS sends it.
type CandidateAddress map[string]any

// ApplicationKey names a job application: the ATS's application id within the customer's organization.
type ApplicationKey struct {
	IntegrationContext string
	ApplicationID      string
}

// Application is a synced job application.
type Application struct {
	Key               ApplicationKey `json:"-"`
	CandidateID       string         `json:"atsCandidateId,omitempty"`
	CreatedAt         int64          `json:"atsCreatedAt,omitempty"`
	LastModifiedAt    int64          `json:"atsLastModifiedAt,omitempty"`
	JobPostingID      string         `json:"atsJobPostingId,omitempty"`
	JobPostingName    string         `json:"atsJobPostingName,omitempty"`
	CandidateEmail    string         `json:"candidateEmail,omitempty"`
	DispositionReason string         `json:"dispositionReason,omitempty"`
	FirstName         string         `json:"firstName,omitempty"`
	LastName          string         `json:"lastName,omitempty"`
	Source            string         `json:"source,omitempty"`
	Media             string         `json:"media,omitempty"` // urn:li:… of an uploaded resume
}

// StageKey names one stage of a job application.
type StageKey struct {
	Application ApplicationKey
	StageID     string
}

// ApplicationStage is a synced stage of a job application ("Phone Screen", "Hired", …).
type ApplicationStage struct {
	Key       StageKey `json:"-"`
	CreatedAt int64    `json:"atsCreatedAt,omitempty"`
	Stage     string   `json:"stage,omitempty"`
}
