package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// state is everything the emulator knows, in one JSON-serialisable value so that persistence is a plain
// marshal of it. Maps are keyed by strings built with skey so that they survive JSON.
type state struct {
	NextAppID int `json:"nextAppId"`
	NextJobID int `json:"nextJobId"`
	NextSeq   int `json:"nextSeq"`

	Apps          map[string]*application   `json:"apps"`          // by URN
	Tokens        map[string]*token         `json:"tokens"`        // by access token
	Integrations  map[string]*integration   `json:"integrations"`  // skey(app, ctx, type, tenant)
	Configs       map[string]*configuration `json:"configs"`       // skey(app, ctx, type, tenant, name)
	Jobs          map[string]*job           `json:"jobs"`          // skey(app, externalJobPostingId)
	Tasks         map[string]*task          `json:"tasks"`         // by task URN
	Webhooks      map[string]*webhookReg    `json:"webhooks"`      // by application URN
	Notifications []*notification           `json:"notifications"` // pending deliveries
	Quotas        map[string]int            `json:"quotas"`        // skey(day, app, resource); per-minute counters skey(day+"T"+HH:MM, app, "records", resource)
	// Recruiter System Connect data sync (rsc_sync.go): records by syncRef.storeKey, LinkedIn members by
	// lower-cased email (for candidate matching) and the audit of what partners sent (sync_audit.go).
	SyncRecords map[string]*syncRecord   `json:"syncRecords"`
	Members     map[string]string        `json:"members"`
	Audit       map[string]*AuditFinding `json:"audit"` // skey(category, rule, field)
	// Apply Connect: applications applicants made (by urn:li:jobApplication:N) with their deliveries, and the
	// lifecycle actions partners reported (application_delivery.go, application_lifecycle.go).
	NextApplicationID int                        `json:"nextApplicationId"`
	Applications      map[string]*jobApplication `json:"applications"`
	LifecycleActions  []LifecycleAction          `json:"lifecycleActions"`
}

// application is a developer application: the partner's parent or a customer's child.
type application struct {
	URN             string   `json:"urn"`
	ClientID        string   `json:"clientId"`
	ClientSecret    string   `json:"clientSecret"`
	Parent          string   `json:"parent,omitempty"` // parent URN; empty for a parent application
	UniqueForeignID string   `json:"uniqueForeignId,omitempty"`
	Name            string   `json:"name"`
	Description     string   `json:"description"`
	Domains         []string `json:"validJsSdkDomains"`
	Callbacks       []string `json:"oauth2AuthorizedCallbackUrls"`
}

func (a *application) isParent() bool { return a.Parent == "" }

type token struct {
	App       string    `json:"app"`
	ExpiresAt time.Time `json:"expiresAt"`
}

type integration struct {
	App            string `json:"app"`
	Context        string `json:"integrationContext"`
	Type           string `json:"integrationType"`
	Tenant         string `json:"tenantType"`
	Name           string `json:"integrationName,omitempty"`
	Status         string `json:"status"`
	CreatedAt      int64  `json:"createdAt"`
	LastModifiedAt int64  `json:"lastModifiedAt"`
}

type configuration struct {
	Value string `json:"value"`
}

// statusDetail is a listing, LinkedIn Apply or promotion status detail (status_details.go).
type statusDetail struct {
	ErrorCode     *int   `json:"errorCode,omitempty"`
	ErrorType     string `json:"errorType,omitempty"`
	StatusMessage string `json:"statusMessage"`
}

// jobStatus is the part of a job that jobPostingStatus reports and that notifications carry.
type jobStatus struct {
	ListingStatus             string        `json:"listingStatus"`
	ListingStatusDetail       *statusDetail `json:"listingStatusDetail,omitempty"`
	LinkedInApplyStatus       string        `json:"linkedInApplyStatus"`
	LinkedInApplyStatusDetail *statusDetail `json:"linkedInApplyStatusDetail,omitempty"`
	PromotionStatus           string        `json:"promotionStatus"`
	PromotionStatusDetail     *statusDetail `json:"promotionStatusDetail,omitempty"`
}

// job is a job posting of one child application.
type job struct {
	App         string         `json:"app"`
	ExternalID  string         `json:"externalJobPostingId"`
	Number      int            `json:"number"`            // N of urn:li:jobPosting:N
	Created     bool           `json:"created"`           // a CREATE succeeded
	Closed      bool           `json:"closed"`            // closed by the partner or by LinkedIn
	Closing     bool           `json:"closing,omitempty"` // a CLOSE task is in flight
	Fields      map[string]any `json:"fields"`            // the last accepted posting
	RawLocation string         `json:"rawLocation"`
	Location    string         `json:"location"`
	AltLocation []string       `json:"alternateLocations"`
	ListedAt    int64          `json:"listedAt"`
	ExpireAt    int64          `json:"expireAt"`
	Status      jobStatus      `json:"status"`
	// Apply is LinkedIn Apply's state of the job's last successful CREATE, UPDATE or RENEW that carried an
	// onsiteApplyConfiguration (apply_connect.go); nil otherwise.
	Apply *applyState `json:"apply,omitempty"`
}

// task is the asynchronous processing of one accepted job posting element.
type task struct {
	URN        string         `json:"urn"`
	App        string         `json:"app"`
	Seq        int            `json:"seq"`
	ExternalID string         `json:"externalJobPostingId"`
	Operation  string         `json:"operation"` // CREATE, UPDATE, RENEW, CLOSE, UPSERT (legacy state LISTED)
	Fields     map[string]any `json:"fields"`
	Status     string         `json:"status"`
	Error      string         `json:"errorMessage,omitempty"`
	Location   string         `json:"location,omitempty"`
	JobNumber  int            `json:"jobNumber"`
	CreatedAt  time.Time      `json:"createdAt"`
	DueAt      time.Time      `json:"dueAt"`
}

// Webhook registration states.
const (
	webhookPending = "PENDING" // registered, not (yet) validated
	webhookValid   = "VALID"
	webhookBlocked = "BLOCKED" // three consecutive failed validations
)

type webhookReg struct {
	App            string    `json:"app"`
	URL            string    `json:"url"`
	Status         string    `json:"status"`
	Failures       int       `json:"failures"`
	NextValidation time.Time `json:"nextValidation"`
	LastError      string    `json:"lastError,omitempty"`
	validating     bool
}

type notification struct {
	ID          string    `json:"id"`
	App         string    `json:"app"` // the child application the job belongs to
	Body        []byte    `json:"body"`
	Attempts    int       `json:"attempts"`
	CreatedAt   time.Time `json:"createdAt"`
	NextAttempt time.Time `json:"nextAttempt"`
	LastStatus  int       `json:"lastStatus,omitempty"`
	inflight    bool
}

// skey joins key parts with a separator no API value contains.
func skey(parts ...string) string { return strings.Join(parts, "\x1f") }

func (st *state) appByClientID(id string) *application {
	for _, a := range st.Apps {
		if a.ClientID == id {
			return a
		}
	}
	return nil
}

// resolveApp accepts an application URN or a client id (admin API convenience).
func (st *state) resolveApp(s string) *application {
	if a := st.Apps[s]; a != nil {
		return a
	}
	if a := st.appByClientID(s); a != nil {
		return a
	}
	return nil
}

func (st *state) seq() int {
	st.NextSeq++
	return st.NextSeq
}

// randomHex returns n random bytes hex-encoded.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// appNumber returns N of urn:li:developerApplication:N.
func appNumber(urn string) string {
	return strings.TrimPrefix(urn, "urn:li:developerApplication:")
}

func jobURN(n int) string { return "urn:li:jobPosting:" + strconv.Itoa(n) }

func jobURL(n int) string { return fmt.Sprintf("https://www.linkedin.com/jobs/view/%d", n) }
