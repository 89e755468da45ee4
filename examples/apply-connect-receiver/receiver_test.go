package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const secret = "emulator-child-secret"

// application is an application in the shape LinkedIn delivers, with a phone number, a resume, a custom
// contact question, one work position, and two repetitions of a custom question set, answered with each kind
// of answer (the date range is a kind this receiver does not decode, so it is shown as sent).
const application = `{
  "type": "JOB_APPLICATION",
  "jobApplicationId": "urn:li:jobApplication:7001",
  "externalJobPostingId": "REQ-1042",
  "developerApplicationUrn": "urn:li:developerApplication:1001",
  "appliedAt": 1795780800000,
  "questionResponses": {
    "contactInformationQuestionResponses": {
      "firstNameAnswer": {"value": "Ada"},
      "lastNameAnswer": {"value": "Lovelace"},
      "emailAnswer": {"value": "ada@example.com"},
      "cellphoneNumberQuestionAnswer": {"countryCode": "44", "nationalNumber": "7700900123"},
      "customQuestionResponses": [
        {"questionIdentifier": "pronouns", "answer": {"textAnswerValue": {"value": "she/her"}}}
      ]
    },
    "resumeQuestionResponses": {"resumeQuestionAnswer": {"mediaUrl": "https://media.example/resume/7001.pdf"}},
    "workQuestionResponses": {"workExperienceQuestionSetResponses": [
      {"customQuestionResponses": [
        {"questionIdentifier": "team-size", "answer": {"numericAnswerValue": {"value": 12}}}
      ]}
    ]},
    "additionalQuestionResponses": {"customQuestionSetResponses": [
      {"customQuestionResponses": [
        {"questionIdentifier": "relocate", "answer": {"multipleChoiceAnswerValue": {"symbolicNames": ["YES"]}}},
        {"questionIdentifier": "relocate-when", "answer": {"textAnswerValue": {"value": "In \"three\" months"}}},
        {"questionIdentifier": "years-go", "answer": {"numericAnswerValue": {"value": 7.5}}}
      ]},
      {"customQuestionResponses": [
        {"questionIdentifier": "availability", "answer": {"dateRangeAnswerValue": {"start": "2027-01"}}}
      ]}
    ]}
  }
}`

// applicationBlock is what the receiver prints for application.
const applicationBlock = `application urn:li:jobApplication:7001
  job:       REQ-1042 (urn:li:developerApplication:1001)
  applied:   2026-11-27T12:00:00Z
  applicant: Ada Lovelace
  email:     ada@example.com
  phone:     +44 7700900123
  resume:    https://media.example/resume/7001.pdf
  answers (contact information):
    pronouns: "she/her"
  answers (position 1):
    team-size: 12
  answers (set 1):
    relocate: YES
    relocate-when: "In \"three\" months"
    years-go: 7.5
  answers (set 2):
    availability: {"dateRangeAnswerValue": {"start": "2027-01"}}

`

const statusNotification = `{"type":"JOB_POSTING_STATUS","notificationId":"9d0c8c9e-1f7a-4bd3-8a55-3f1f6c0de001",
 "externalJobPostingId":"REQ-1042","developerApplicationUrn":"urn:li:developerApplication:1001",
 "listingStatus":"LISTED","linkedInApplyStatus":"NOT_ENABLED",
 "linkedInApplyStatusDetail":{"errorCode":1155,"errorType":"PARTNER_ERROR","statusMessage":"LOW_APPLICATION_DELIVERY: LinkedIn Apply has been disabled due to application delivery failures."}}`

const statusBlock = `job status REQ-1042 (urn:li:developerApplication:1001)
  listing:        LISTED
  LinkedIn Apply: NOT_ENABLED (1155 LOW_APPLICATION_DELIVERY: LinkedIn Apply has been disabled due to application delivery failures.)

`

// syncBuffer is a bytes.Buffer safe for a server goroutine to write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type fixture struct {
	srv    *httptest.Server
	store  *Store
	out    string      // the -out file
	shown  *syncBuffer // stdout
	logged *syncBuffer // stderr
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{out: filepath.Join(t.TempDir(), "applications.jsonl"), shown: &syncBuffer{}, logged: &syncBuffer{}}
	store, err := OpenStore(f.out, f.shown)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	f.store = store
	f.srv = httptest.NewServer(&Receiver{Secret: []byte(secret), Store: store, Log: log.New(f.logged, "", 0)})
	t.Cleanup(f.srv.Close)
	return f
}

// sign computes X-LI-Signature independently of the receiver.
func sign(body, key string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte("hmacsha256=" + body))
	return hex.EncodeToString(m.Sum(nil))
}

func (f *fixture) post(t *testing.T, body, signature string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, f.srv.URL+"/linkedin/apply", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if signature != "" {
		req.Header.Set("X-LI-Signature", signature)
	}
	return do(t, req)
}

func (f *fixture) get(t *testing.T, query string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, f.srv.URL+"/linkedin/apply?"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// lines returns the -out file's lines.
func (f *fixture) lines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(f.out)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// The expected values are the ones the provider's own webhook tests check (computed with openssl and python),
// so this receiver and provider::linkedin::webhook_challenge_response / webhook_signature agree.
func TestChallengeAndSignatureVectors(t *testing.T) {
	if got := challengeResponse("a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60", []byte(secret)); got != "b30f40d07f1f9f9df5d7fe56f6de7ceec181c69573e476bef24c780b0e18bbcd" {
		t.Errorf("challenge response %s", got)
	}
	body := `{"type":"JOB_POSTING_STATUS","externalJobPostingId":"job-1"}`
	if !validSignature([]byte(body), []byte(secret), "085282bff3f523a4441ca706a0ff901a9e72a5751be6e84d77b992ae88c9d3fb") {
		t.Error("the provider's signature vector is refused")
	}
}

func TestChallenge(t *testing.T) {
	f := newFixture(t)
	const code = "a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60"
	status, body := f.get(t, "challengeCode="+code+"&applicationId=1001")
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	var answer map[string]string
	if err := json.Unmarshal([]byte(body), &answer); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"challengeCode": code, "challengeResponse": "b30f40d07f1f9f9df5d7fe56f6de7ceec181c69573e476bef24c780b0e18bbcd"}
	if len(answer) != 2 || answer["challengeCode"] != want["challengeCode"] || answer["challengeResponse"] != want["challengeResponse"] {
		t.Errorf("answer %v, want %v", answer, want)
	}

	if status, body := f.get(t, "applicationId=1001"); status != http.StatusBadRequest || !strings.Contains(body, "errorMessage") {
		t.Errorf("without challengeCode: %d %s", status, body)
	}
}

func TestSignature(t *testing.T) {
	good := sign(application, secret)
	refused := map[string]string{
		"missing":                    "",
		"signed with another secret": sign(application, "another-secret"),
		"of another body":            sign(application+" ", secret),
		"without the prefix in the message": func() string {
			m := hmac.New(sha256.New, []byte(secret))
			m.Write([]byte(application))
			return hex.EncodeToString(m.Sum(nil))
		}(),
		"not hex":   "zz" + good[2:],
		"truncated": good[:32],
	}
	for name, signature := range refused {
		t.Run("refused "+name, func(t *testing.T) {
			f := newFixture(t)
			if status, body := f.post(t, application, signature); status != http.StatusUnauthorized {
				t.Errorf("status %d (%s), want 401", status, body)
			}
			if f.shown.String() != "" {
				t.Errorf("a refused application was shown: %s", f.shown)
			}
			if b, _ := os.ReadFile(f.out); len(b) != 0 {
				t.Errorf("a refused application was stored: %s", b)
			}
		})
	}
	for name, signature := range map[string]string{"lower-case hex": good, "upper-case hex": strings.ToUpper(good), "with the hmacsha256= prefix": "hmacsha256=" + good} {
		t.Run("accepted "+name, func(t *testing.T) {
			f := newFixture(t)
			if status, body := f.post(t, application, signature); status != http.StatusOK {
				t.Errorf("status %d (%s), want 200", status, body)
			}
		})
	}
}

// An application and a status notification are stored as one JSON line each (LinkedIn's payload, compacted)
// and shown as a block.
func TestOutputFormat(t *testing.T) {
	f := newFixture(t)
	for _, body := range []string{application, statusNotification} {
		if status, answer := f.post(t, body, sign(body, secret)); status != http.StatusOK {
			t.Fatalf("status %d: %s", status, answer)
		}
	}
	lines := f.lines(t)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2: %q", len(lines), lines)
	}
	for i, body := range []string{application, statusNotification} {
		var want bytes.Buffer
		if err := json.Compact(&want, []byte(body)); err != nil {
			t.Fatal(err)
		}
		if lines[i] != want.String() {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want.String())
		}
	}
	if got := f.shown.String(); got != applicationBlock+statusBlock {
		t.Errorf("shown:\n%s\nwant:\n%s%s", got, applicationBlock, statusBlock)
	}
}

func TestDuplicateApplicationIgnored(t *testing.T) {
	f := newFixture(t)
	for i := range 3 {
		if status, body := f.post(t, application, sign(application, secret)); status != http.StatusOK {
			t.Fatalf("delivery %d: status %d (%s); a re-send must be answered 200 too", i+1, status, body)
		}
	}
	if lines := f.lines(t); len(lines) != 1 {
		t.Errorf("stored %d times, want once", len(lines))
	}
	if got := f.shown.String(); got != applicationBlock {
		t.Errorf("shown:\n%s", got)
	}
	if !strings.Contains(f.logged.String(), "urn:li:jobApplication:7001 received again") {
		t.Errorf("the re-send is not logged: %s", f.logged)
	}

	// Another application of the same applicant to the same job is another jobApplicationId: it is stored.
	other := strings.Replace(application, "jobApplication:7001", "jobApplication:7002", 1)
	if status, _ := f.post(t, other, sign(other, secret)); status != http.StatusOK {
		t.Fatal(status)
	}
	if lines := f.lines(t); len(lines) != 2 {
		t.Errorf("%d lines, want 2", len(lines))
	}
}

// Re-sends racing each other are stored once.
func TestConcurrentResendsStoredOnce(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if status, body := f.post(t, application, sign(application, secret)); status != http.StatusOK {
				t.Errorf("status %d: %s", status, body)
			}
		})
	}
	wg.Wait()
	if lines := f.lines(t); len(lines) != 1 {
		t.Errorf("stored %d times, want once", len(lines))
	}
}

func TestStatusNotificationDeduplicated(t *testing.T) {
	f := newFixture(t)
	for range 2 {
		if status, body := f.post(t, statusNotification, sign(statusNotification, secret)); status != http.StatusOK {
			t.Fatalf("status %d: %s", status, body)
		}
	}
	if lines := f.lines(t); len(lines) != 1 {
		t.Errorf("stored %d times, want once", len(lines))
	}
	next := strings.Replace(statusNotification, "de001", "de002", 1)
	if status, _ := f.post(t, next, sign(next, secret)); status != http.StatusOK {
		t.Fatal(status)
	}
	if lines := f.lines(t); len(lines) != 2 {
		t.Errorf("%d lines, want 2: another notificationId is another notification", len(lines))
	}
}

// A restarted receiver reads its file back and still recognises re-sends.
func TestRestartRemembersStored(t *testing.T) {
	f := newFixture(t)
	if status, _ := f.post(t, application, sign(application, secret)); status != http.StatusOK {
		t.Fatal(status)
	}
	if err := f.store.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := OpenStore(f.out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	stored, err := again.Add(TypeJobApplication, "urn:li:jobApplication:7001", []byte(application), func(io.Writer) {})
	if err != nil || stored {
		t.Errorf("stored %v, err %v: the application was already in the file", stored, err)
	}
}

// A line cut short by a crash (its payload was never answered 200) does not swallow the next payload.
func TestRestartAfterCutLine(t *testing.T) {
	out := filepath.Join(t.TempDir(), "applications.jsonl")
	var first bytes.Buffer
	if err := json.Compact(&first, []byte(statusNotification)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte(first.String()+"\n"+`{"type":"JOB_APPLICATION","jobApplicationId":"urn:li:jobAppl`), 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := OpenStore(out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if stored, err := store.Add(TypeJobPostingStatus, "9d0c8c9e-1f7a-4bd3-8a55-3f1f6c0de001", []byte(statusNotification), func(io.Writer) {}); err != nil || stored {
		t.Errorf("the complete line was not read back: stored %v, err %v", stored, err)
	}
	if stored, err := store.Add(TypeJobApplication, "urn:li:jobApplication:7001", []byte(application), func(io.Writer) {}); err != nil || !stored {
		t.Fatalf("stored %v, err %v", stored, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 3 || !json.Valid([]byte(lines[2])) {
		t.Errorf("the application does not have a line of its own: %q", lines)
	}
}

// When the application cannot be stored the receiver answers 500, so LinkedIn sends it again, and it does not
// count it as stored.
func TestNotStoredIsNot200(t *testing.T) {
	f := newFixture(t)
	working := f.store.file
	broken, err := os.Open(f.out) // read-only: writes fail
	if err != nil {
		t.Fatal(err)
	}
	defer broken.Close()
	f.store.mu.Lock()
	f.store.file = broken
	f.store.mu.Unlock()
	if status, _ := f.post(t, application, sign(application, secret)); status != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", status)
	}
	if f.shown.String() != "" {
		t.Errorf("shown although not stored: %s", f.shown)
	}

	f.store.mu.Lock()
	f.store.file = working
	f.store.mu.Unlock()
	if status, _ := f.post(t, application, sign(application, secret)); status != http.StatusOK {
		t.Fatalf("the re-send: status %d, want 200", status)
	}
	if lines := f.lines(t); len(lines) != 1 {
		t.Errorf("%d lines, want 1", len(lines))
	}
}

func TestRefusesWhatItCannotUse(t *testing.T) {
	f := newFixture(t)
	for name, body := range map[string]string{
		"unknown type":             `{"type":"RESYNC_JOBS","developerApplicationUrn":"urn:li:developerApplication:1001"}`,
		"not JSON":                 `type=JOB_APPLICATION`,
		"application without id":   `{"type":"JOB_APPLICATION","externalJobPostingId":"REQ-1"}`,
		"notification without job": `{"type":"JOB_POSTING_STATUS","notificationId":"n-1"}`,
	} {
		if status, answer := f.post(t, body, sign(body, secret)); status != http.StatusBadRequest || !strings.Contains(answer, `"errorMessage"`) {
			t.Errorf("%s: %d %s, want 400 with errorMessage", name, status, answer)
		}
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, f.srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if status, _ := do(t, req); status != http.StatusMethodNotAllowed {
		t.Errorf("PUT: %d, want 405", status)
	}
}

// run: port 0, the "listening on" line, the ready file, and a graceful stop.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "receiver.url")
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-ready-file", ready, "-out", filepath.Join(dir, "out.jsonl")},
			func(string) string { return secret }, stdout, stderr)
	}()

	var url string
	for deadline := time.Now().Add(30 * time.Second); url == ""; time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(ready); err == nil && len(b) > 0 {
			url = strings.TrimSpace(string(b))
		} else if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no ready file; stderr: %s", stderr)
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0") {
		t.Errorf("ready file holds %q", url)
	}
	if want := "listening on " + url + "\n"; !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("stdout %q, want it to start with %q", stdout, want)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url+"/?challengeCode=abc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if status, body := do(t, req); status != http.StatusOK || !strings.Contains(body, challengeResponse("abc", []byte(secret))) {
		t.Errorf("challenge through run: %d %s", status, body)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := os.Stat(ready); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the ready file is left behind: %v", err)
	}
}

func TestRunNeedsTheSecret(t *testing.T) {
	err := run(t.Context(), []string{"-addr", "127.0.0.1:0"}, func(string) string { return "" }, io.Discard, io.Discard)
	if !errors.Is(err, errNoSecret) {
		t.Errorf("err %v, want errNoSecret", err)
	}
}
