package main

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// signatureHeader carries hex(HMAC-SHA256(key=client secret, msg="hmacsha256=" + raw body)).
const (
	signatureHeader = "X-LI-Signature"
	signaturePrefix = "hmacsha256="
)

// maxBodyBytes bounds what the receiver reads: an application carries its resume as a URL, not as a file.
const maxBodyBytes = 1 << 20

// challengeResponse is what a webhook answers to LinkedIn's validation request GET <url>?challengeCode=<code>:
// hex(HMAC-SHA256(key=client secret, msg=challengeCode)).
func challengeResponse(challengeCode string, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(challengeCode))
	return hex.EncodeToString(m.Sum(nil))
}

// validSignature reports, in constant time, whether signature is the X-LI-Signature of body. The body is
// signed byte for byte as received: never re-encode the JSON before checking.
func validSignature(body, secret []byte, signature string) bool {
	got, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(signature), signaturePrefix))
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(signaturePrefix))
	m.Write(body)
	return hmac.Equal(got, m.Sum(nil))
}

// Receiver is the http.Handler of the jobApplicationWebhookUrl.
type Receiver struct {
	Secret []byte      // the client secret of the customer's child application
	Store  *Store      // where applications and notifications are kept
	Log    *log.Logger // what happened to each request
}

// ServeHTTP answers LinkedIn's validation GETs and its deliveries (POST).
func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		rc.challenge(w, r)
	case http.MethodPost:
		rc.deliver(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		writeError(w, http.StatusMethodNotAllowed, "use GET (validation) or POST (delivery)")
	}
}

// challenge answers GET ?challengeCode=<code>[&applicationId=<child application id>], before LinkedIn first
// uses the webhook and every 2 hours after. It must answer within 3 seconds.
func (rc *Receiver) challenge(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("challengeCode")
	if code == "" {
		writeError(w, http.StatusBadRequest, "missing challengeCode")
		return
	}
	rc.Log.Printf("validation challenge answered (applicationId %q)", r.URL.Query().Get("applicationId"))
	writeJSON(w, http.StatusOK, map[string]string{
		"challengeCode":     code,
		"challengeResponse": challengeResponse(code, rc.Secret),
	})
}

// deliver handles a POST: an application or a job status change. It answers 200 only once the payload is
// stored, or when it had been stored before (a re-send): any other answer makes LinkedIn send it again.
func (rc *Receiver) deliver(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "cannot read the body: "+err.Error())
		return
	}
	if len(body) > maxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "body larger than "+strconv.Itoa(maxBodyBytes)+" bytes")
		return
	}
	if !validSignature(body, rc.Secret, r.Header.Get(signatureHeader)) {
		rc.Log.Printf("refused a POST from %s: wrong or missing %s", r.RemoteAddr, signatureHeader)
		writeError(w, http.StatusUnauthorized, "invalid "+signatureHeader)
		return
	}

	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		writeError(w, http.StatusBadRequest, "the body is not a JSON object: "+err.Error())
		return
	}
	var kind, id string
	var show func(io.Writer)
	switch env.Type {
	case TypeJobApplication:
		var a Application
		if err := json.Unmarshal(body, &a); err != nil || a.JobApplicationID == "" || a.ExternalJobPostingID == "" {
			writeError(w, http.StatusBadRequest, "an application needs jobApplicationId and externalJobPostingId")
			return
		}
		kind, id, show = TypeJobApplication, a.JobApplicationID, func(out io.Writer) { printApplication(out, a) }
	case TypeJobPostingStatus:
		var n StatusNotification
		if err := json.Unmarshal(body, &n); err != nil || n.ExternalJobPostingID == "" {
			writeError(w, http.StatusBadRequest, "a status notification needs externalJobPostingId")
			return
		}
		kind, id, show = TypeJobPostingStatus, n.NotificationID, func(out io.Writer) { printStatus(out, n) }
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown type %q", env.Type))
		return
	}

	stored, err := rc.Store.Add(kind, id, body, show)
	switch {
	case err != nil:
		rc.Log.Printf("%s %s not stored, LinkedIn will send it again: %v", kind, id, err)
		writeError(w, http.StatusInternalServerError, "not stored, send again")
		return
	case !stored:
		rc.Log.Printf("%s %s received again: already stored, ignored", kind, id)
	}
	w.WriteHeader(http.StatusOK)
}

// Store keeps what arrived: each new payload is appended as one JSON line to a file (when there is one) and
// shown in a readable form. It remembers the ids it has stored, so that a re-send is stored once.
//
// A production receiver keeps applications in its database, with a unique key on jobApplicationId.
type Store struct {
	mu            sync.Mutex
	file          *os.File // nil: nothing is kept once the process ends
	show          io.Writer
	applications  map[string]bool // by jobApplicationId
	notifications map[string]bool // by notificationId
}

// OpenStore opens (or creates) path for appending, and remembers the ids of the payloads already in it, so
// a restarted receiver still recognises re-sends. An empty path keeps nothing on disk.
func OpenStore(path string, show io.Writer) (*Store, error) {
	s := &Store{show: show, applications: map[string]bool{}, notifications: map[string]bool{}}
	if path == "" {
		return s, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600) // applicants' personal data
	if err != nil {
		return nil, err
	}
	lines := bufio.NewScanner(f)
	lines.Buffer(make([]byte, 64*1024), maxBodyBytes+1)
	var last []byte
	for lines.Scan() {
		last = lines.Bytes()
		var seen struct {
			Type             string `json:"type"`
			JobApplicationID string `json:"jobApplicationId"`
			NotificationID   string `json:"notificationId"`
		}
		if json.Unmarshal(lines.Bytes(), &seen) != nil {
			continue // a line cut short by a crash: its payload was never acknowledged, LinkedIn sends it again
		}
		s.remember(seen.Type, seen.JobApplicationID, seen.NotificationID)
	}
	if err := lines.Err(); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if err := endLine(f, last); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("repairing %s: %w", path, err)
	}
	s.file = f
	return s, nil
}

// endLine ends a last line cut short by a crash, so that the next payload starts a line of its own.
func endLine(f *os.File, last []byte) error {
	if len(last) == 0 {
		return nil
	}
	end := make([]byte, 1)
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if _, err := f.ReadAt(end, info.Size()-1); err != nil {
		return err
	}
	if end[0] == '\n' {
		return nil
	}
	_, err = f.Write([]byte("\n"))
	return err
}

func (s *Store) remember(kind, applicationID, notificationID string) {
	switch {
	case kind == TypeJobApplication && applicationID != "":
		s.applications[applicationID] = true
	case kind == TypeJobPostingStatus && notificationID != "":
		s.notifications[notificationID] = true
	}
}

// Add stores the payload raw of the given kind and id unless it is stored already, and reports whether it
// stored it. The payload counts as stored once its line is written and synced to disk; only then is it shown
// and its id remembered. A notification without an id is always stored.
func (s *Store) Add(kind, id string, raw []byte, show func(io.Writer)) (bool, error) {
	s.mu.Lock() // one payload at a time: a re-send arriving meanwhile waits, then finds it stored
	defer s.mu.Unlock()
	seen := s.applications
	if kind == TypeJobPostingStatus {
		seen = s.notifications
	}
	if id != "" && seen[id] {
		return false, nil
	}
	if s.file != nil {
		var line bytes.Buffer
		if err := json.Compact(&line, raw); err != nil {
			return false, err
		}
		line.WriteByte('\n')
		if _, err := s.file.Write(line.Bytes()); err != nil {
			return false, err
		}
		if err := s.file.Sync(); err != nil {
			return false, err
		}
	}
	if id != "" {
		seen[id] = true
	}
	show(s.show)
	return true, nil
}

// Close closes the file.
func (s *Store) Close() error {
	if s.file == nil {
		return nil
	}
	return s.file.Close()
}

// printApplication writes one application as a block of lines, ended by an empty line.
func printApplication(w io.Writer, a Application) {
	var b strings.Builder
	fmt.Fprintf(&b, "application %s\n", a.JobApplicationID)
	fmt.Fprintf(&b, "  job:       %s (%s)\n", a.ExternalJobPostingID, a.DeveloperApplicationURN)
	fmt.Fprintf(&b, "  applied:   %s\n", time.UnixMilli(a.AppliedAt).UTC().Format(time.RFC3339))
	if c := a.QuestionResponses.ContactInformation; c != nil {
		fmt.Fprintf(&b, "  applicant: %s\n", strings.TrimSpace(value(c.FirstName)+" "+value(c.LastName)))
		fmt.Fprintf(&b, "  email:     %s\n", value(c.Email))
		if p := c.Cellphone; p != nil {
			fmt.Fprintf(&b, "  phone:     +%s %s\n", strings.TrimPrefix(p.CountryCode, "+"), p.NationalNumber)
		}
	}
	if r := a.QuestionResponses.Resume; r != nil && r.Resume != nil {
		fmt.Fprintf(&b, "  resume:    %s\n", r.Resume.MediaURL)
	}
	for _, g := range answerGroups(a.QuestionResponses) {
		fmt.Fprintf(&b, "  answers (%s):\n", g.label)
		for _, q := range g.answers {
			fmt.Fprintf(&b, "    %s: %s\n", q.QuestionIdentifier, answerText(q.Answer))
		}
	}
	b.WriteString("\n")
	_, _ = io.WriteString(w, b.String())
}

// printStatus writes one status notification as a block of lines, ended by an empty line.
func printStatus(w io.Writer, n StatusNotification) {
	var b strings.Builder
	fmt.Fprintf(&b, "job status %s (%s)\n", n.ExternalJobPostingID, n.DeveloperApplicationURN)
	fmt.Fprintf(&b, "  listing:        %s%s\n", n.ListingStatus, detail(n.ListingStatusDetail))
	fmt.Fprintf(&b, "  LinkedIn Apply: %s%s\n", n.LinkedInApplyStatus, detail(n.LinkedInApplyStatusDetail))
	b.WriteString("\n")
	_, _ = io.WriteString(w, b.String())
}

// answerGroup is the custom answers of one section, or of one repetition of a set.
type answerGroup struct {
	label   string
	answers []CustomQuestionResponse
}

// answerGroups lists the custom answers in the order of the form: section by section, each repetition of a
// set on its own.
func answerGroups(r QuestionResponses) []answerGroup {
	var groups []answerGroup
	add := func(label string, answers []CustomQuestionResponse) {
		if len(answers) > 0 {
			groups = append(groups, answerGroup{label, answers})
		}
	}
	sets := func(label string, sets []CustomResponses) {
		for i, set := range sets {
			add(fmt.Sprintf("%s %d", label, i+1), set.Custom)
		}
	}
	if c := r.ContactInformation; c != nil {
		add("contact information", c.Custom)
	}
	if c := r.Resume; c != nil {
		add("resume", c.Custom)
	}
	if c := r.CoverLetter; c != nil {
		add("cover letter", c.Custom)
	}
	if c := r.Work; c != nil {
		sets("position", c.Sets)
		add("work", c.Custom)
	}
	if c := r.Education; c != nil {
		sets("school", c.Sets)
		add("education", c.Custom)
	}
	if c := r.VoluntarySelfIdentification; c != nil {
		add("self-identification", c.Custom)
	}
	if c := r.Additional; c != nil {
		sets("set", c.Sets)
	}
	return groups
}

func value(v *ValueAnswer) string {
	if v == nil {
		return ""
	}
	return v.Value
}

func answerText(a Answer) string {
	switch {
	case a.MultipleChoice != nil:
		return strings.Join(a.MultipleChoice.SymbolicNames, ", ")
	case a.Text != nil:
		return strconv.Quote(a.Text.Value)
	case a.Numeric != nil:
		return a.Numeric.Value.String()
	default:
		return string(a.Raw) // a kind of answer this receiver does not know: shown as sent
	}
}

func detail(d *StatusDetail) string {
	if d == nil {
		return ""
	}
	if d.ErrorCode != nil {
		return fmt.Sprintf(" (%d %s)", *d.ErrorCode, d.StatusMessage)
	}
	return " (" + d.StatusMessage + ")"
}

// writeError answers a status with LinkedIn's error shape for webhooks: {"errorMessage": "..."}.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"errorMessage": message})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// errNoSecret is returned when LINKEDIN_CLIENT_SECRET is not set.
var errNoSecret = errors.New("set LINKEDIN_CLIENT_SECRET to the client secret of the customer's child application " +
	"(the application the job is posted with): LinkedIn signs its challenges and deliveries with it")
