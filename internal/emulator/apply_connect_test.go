package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

// applyHook is a partner's Apply Connect endpoint (a job's jobApplicationWebhookUrl), written from LinkedIn's
// pages with the project's webhook package: it answers challenges with the child application's secret
// and records the applications POSTed to it.
type applyHook struct {
	secret string

	mu             sync.Mutex
	failChallenges bool
	failPosts      int // answer 500 to that many POSTs (-1: all)
	challenges     int
	posts          []applyPost
}

type applyPost struct {
	body      []byte
	signature string
	status    int
}

func (h *applyHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		h.challenges++
		code := r.URL.Query().Get("challengeCode")
		if h.failChallenges || r.URL.Query().Get("applicationId") != "1001" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challengeCode": code, "challengeResponse": webhook.ChallengeResponse(code, h.secret)})
	case http.MethodPost:
		body, _ := io.ReadAll(r.Body)
		status := http.StatusOK
		if h.failPosts != 0 {
			h.failPosts--
			status = http.StatusInternalServerError
		}
		h.posts = append(h.posts, applyPost{body: body, signature: r.Header.Get("X-LI-Signature"), status: status})
		w.WriteHeader(status)
	}
}

func (h *applyHook) set(f func(h *applyHook)) { h.mu.Lock(); f(h); h.mu.Unlock() }

func (h *applyHook) postCount() int { h.mu.Lock(); defer h.mu.Unlock(); return len(h.posts) }

func (h *applyHook) challengeCount() int { h.mu.Lock(); defer h.mu.Unlock(); return h.challenges }

// applyEnv is an emulator with the child's Job Status Change webhook (status) and an Apply Connect endpoint
// (hook, at hookURL) on loopback.
type applyEnv struct {
	*testEnv
	status  *receiver
	hook    *applyHook
	hookURL string
}

func newApplyEnv(t *testing.T, opts Options) *applyEnv {
	t.Helper()
	if opts.TaskDelay == 0 {
		opts.TaskDelay = 10 * time.Millisecond
	}
	if opts.WebhookRetryBase == 0 {
		opts.WebhookRetryBase = 10 * time.Millisecond
	}
	v := newTestEnv(t, opts)
	status := &receiver{secret: ChildClientSecret}
	statusSrv := httptest.NewServer(status)
	t.Cleanup(statusSrv.Close)
	if err := v.emu.RegisterWebhook(ChildApplication, statusSrv.URL); err != nil {
		t.Fatal(err)
	}
	hook := &applyHook{secret: ChildClientSecret}
	hookSrv := httptest.NewServer(hook)
	t.Cleanup(hookSrv.Close)
	return &applyEnv{testEnv: v, status: status, hook: hook, hookURL: hookSrv.URL + "/linkedin/applications"}
}

// applyJob is a job element with an onsiteApplyConfiguration for url and the given questions (nil: none).
func applyJob(id, url string, questions map[string]any, over map[string]any) map[string]any {
	cfg := map[string]any{"jobApplicationWebhookUrl": url}
	if questions != nil {
		cfg["questions"] = questions
	}
	el := jobElement(id, time.Now(), map[string]any{"onsiteApplyConfiguration": cfg})
	for k, val := range over {
		el[k] = val
	}
	return el
}

// Question builders, in LinkedIn's JSON.
func choiceQuestion(id, component string, required bool, names ...string) map[string]any {
	choices := []any{}
	for _, n := range names {
		choices = append(choices, map[string]any{"symbolicName": n, "displayValue": strings.ToLower(n)})
	}
	return map[string]any{"partnerQuestionIdentifier": id, "questionText": "Pick one (" + id + ")", "required": required,
		"questionDetails": map[string]any{"multipleChoiceQuestionDetails": map[string]any{"choices": choices, "preferredFormComponent": component}}}
}

func textQuestion(id string, required bool) map[string]any {
	return map[string]any{"partnerQuestionIdentifier": id, "questionText": "Tell us (" + id + ")", "required": required,
		"questionDetails": map[string]any{"textQuestionDetails": map[string]any{"maxLength": 200, "preferredFormComponent": "TEXT"}}}
}

func numberQuestion(id string, required bool) map[string]any {
	return map[string]any{"partnerQuestionIdentifier": id, "questionText": "How many (" + id + ")", "required": required,
		"questionDetails": map[string]any{"numericQuestionDetails": map[string]any{"integerQuestionDetails": map[string]any{"minValue": 0, "maxValue": 50}}}}
}

func dependsOn(q map[string]any, prerequisite, answer string) map[string]any {
	q["prerequisiteQuestionResponse"] = map[string]any{
		"prerequisiteQuestion": map[string]any{"partnerQuestionIdentifier": prerequisite},
		"prerequisiteResponse": map[string]any{"multipleChoiceAnswerValue": map[string]any{"symbolicNames": []any{answer}}}}
	return q
}

func additional(sets ...map[string]any) map[string]any {
	list := []any{}
	for _, s := range sets {
		list = append(list, s)
	}
	return map[string]any{"additionalQuestions": map[string]any{"customQuestionSets": list}}
}

func questionSet(repeatLimit int, qs ...map[string]any) map[string]any {
	list := []any{}
	for _, q := range qs {
		list = append(list, q)
	}
	return map[string]any{"questions": list, "repeatLimit": repeatLimit}
}

// waitApply waits until LinkedIn Apply of the job is status with errorCode, then checks that
// jobPostingStatus reports it and that a Job Status Change notification carried it.
func (v *applyEnv) waitApply(id, status string, code int) map[string]any {
	v.t.Helper()
	eventually(v.t, id+" LinkedIn Apply "+status, func() bool {
		s, c, _ := v.emu.LinkedInApplyStatus(ChildClientID, id)
		return s == status && c == code
	})
	st := v.jobStatus(v.child(), id)
	if st["linkedInApplyStatus"] != status || num(m(st, "linkedInApplyStatusDetail", "errorCode")) != code {
		v.t.Fatalf("jobPostingStatus of %s: %v", id, st)
	}
	eventually(v.t, "notification of "+id+" "+status, func() bool { return v.notified(id, status, code) != nil })
	return st
}

// notified returns the notification of the job that carries LinkedIn Apply status with code, or nil.
func (v *applyEnv) notified(id, status string, code int) map[string]any {
	for _, n := range v.status.notifications() {
		if n["externalJobPostingId"] == id && n["linkedInApplyStatus"] == status && num(m(n, "linkedInApplyStatusDetail", "errorCode")) == code {
			return n
		}
	}
	return nil
}

func (v *applyEnv) post(els ...map[string]any) {
	v.t.Helper()
	r := v.postJobs(v.child(), els...)
	for _, el := range r.body["elements"].([]any) {
		if num(m(el, "status")) != http.StatusAccepted {
			v.t.Fatalf("job posting refused: %s", r.raw)
		}
	}
}

func TestApplyConnectInProgress1156(t *testing.T) {
	v := newApplyEnv(t, Options{TaskDelay: 50 * time.Millisecond})
	v.post(applyJob("ip-1", v.hookURL, nil, nil))
	// From acceptance: the job is IN_PROGRESS with LinkedIn Apply IN_PROGRESS 1156.
	st := v.jobStatus(v.child(), "ip-1")
	if st["linkedInApplyStatus"] != "IN_PROGRESS" || num(m(st, "linkedInApplyStatusDetail", "errorCode")) != 1156 ||
		m(st, "linkedInApplyStatusDetail", "statusMessage") != applyDetails["1156"].StatusMessage {
		t.Fatalf("after acceptance: %v", st)
	}
	// The listing's notification still carries 1156: LinkedIn Apply is decided a task delay later.
	eventually(t, "1156 notification", func() bool { return v.notified("ip-1", "IN_PROGRESS", 1156) != nil })
	if n := v.notified("ip-1", "IN_PROGRESS", 1156); n["listingStatus"] != "LISTED" {
		t.Errorf("notification: %v", n)
	}
	v.waitApply("ip-1", "ENABLED", 0)
}

func TestApplyConnectQuestionCodes(t *testing.T) {
	radio := func(id string) map[string]any { return choiceQuestion(id, "RADIO_BUTTONS", false, "YES", "NO") }
	cases := []struct {
		code      int
		questions map[string]any
	}{
		{1100, additional(questionSet(1, map[string]any{"partnerQuestionIdentifier": "q1", "questionText": "?", "questionDetails": map[string]any{}}))},
		{1101, additional(questionSet(1, radio("q1"), dependsOn(radio("q2"), "q1", "YES"), dependsOn(radio("q3"), "q2", "YES")))},
		{1102, additional(questionSet(1, radio("q1"), dependsOn(textQuestion("q2", false), "elsewhere", "YES")))},
		{1103, additional(questionSet(2, radio("q1"), dependsOn(textQuestion("q2", false), "q1", "YES")))},
		{1151, additional(questionSet(1, radio("q1")), questionSet(1, textQuestion("q1", false)))},
	}
	for _, tc := range cases {
		t.Run(jsonText(tc.code), func(t *testing.T) {
			v := newApplyEnv(t, Options{})
			v.post(applyJob("qc", v.hookURL, tc.questions, nil))
			st := v.waitApply("qc", "NOT_ENABLED", tc.code)
			if m(st, "linkedInApplyStatusDetail", "statusMessage") != applyDetails[jsonText(tc.code)].StatusMessage || st["listingStatus"] != "LISTED" {
				t.Errorf("status: %v", st)
			}
			if v.hook.challengeCount() != 0 {
				t.Errorf("the webhook was challenged for a job whose questions are refused")
			}
		})
	}
}

func TestApplyConnectWebhookChallenge(t *testing.T) {
	v := newApplyEnv(t, Options{})
	v.post(applyJob("ok", v.hookURL, nil, nil))
	v.waitApply("ok", "ENABLED", 0)
	if n := v.notified("ok", "ENABLED", 0); n["linkedInApplyStatusDetail"] != nil {
		t.Errorf("ENABLED carries a detail: %v", n)
	}
	// A wrong answer, and plain HTTP off loopback (never called): 1153.
	v.hook.set(func(h *applyHook) { h.failChallenges = true })
	v.post(applyJob("bad", v.hookURL, nil, nil), applyJob("plain", "http://ats.example.com/apply", nil, nil))
	v.waitApply("bad", "NOT_ENABLED", 1153)
	v.waitApply("plain", "NOT_ENABLED", 1153)
	if callableWebhook("http://ats.example.com/x") || !callableWebhook("http://localhost:9/x") || !callableWebhook("http://[::1]:9/x") || !callableWebhook("https://ats.example.com/x") {
		t.Error("callableWebhook")
	}
	// UPDATE with a fixed endpoint resyncs: 1156, then ENABLED.
	v.hook.set(func(h *applyHook) { h.failChallenges = false })
	v.post(applyJob("bad", v.hookURL, nil, map[string]any{"jobPostingOperationType": "UPDATE"}))
	v.waitApply("bad", "ENABLED", 0)
	// Apply Connect not enabled by the customer: NOT_ENABLED with the emulator's own detail.
	if err := v.emu.SetIntegration(IntegrationState{Application: ChildClientID, IntegrationContext: SeedOrganization,
		IntegrationType: "APPLY_CONNECT", TenantType: "JOBS", Status: "DISABLED"}); err != nil {
		t.Fatal(err)
	}
	v.post(applyJob("off", v.hookURL, nil, nil))
	st := v.waitApply("off", "NOT_ENABLED", 0)
	if m(st, "linkedInApplyStatusDetail", "statusMessage") != applyNotEnabledForOrganization.StatusMessage {
		t.Errorf("not enabled: %v", st)
	}
	// CLOSE turns LinkedIn Apply off.
	v.post(applyJob("ok", v.hookURL, nil, map[string]any{"jobPostingOperationType": "CLOSE"}))
	eventually(t, "closed", func() bool { s, _, _ := v.emu.LinkedInApplyStatus(ChildClientID, "ok"); return s == "NOT_ENABLED" })
}

func TestApplyConnectRevalidation1154(t *testing.T) {
	v := newApplyEnv(t, Options{})
	v.post(applyJob("rv", v.hookURL, nil, nil))
	v.waitApply("rv", "ENABLED", 0)
	if rs := v.emu.RevalidateApplyWebhooks(); len(rs) != 1 || !rs[0].Valid || rs[0].Failures != 0 {
		t.Fatalf("valid round: %+v", rs)
	}
	v.hook.set(func(h *applyHook) { h.failChallenges = true })
	for i := 1; i <= 2; i++ {
		rs := v.emu.RevalidateApplyWebhooks()
		if len(rs) != 1 || rs[0].Valid || rs[0].Failures != i || rs[0].LinkedInApplyStatus != "ENABLED" || rs[0].ExternalJobPostingID != "rv" {
			t.Fatalf("failed round %d: %+v", i, rs)
		}
	}
	r := v.do("POST", "/emulator/applyWebhooks/revalidate", "", "")
	if r.status != 200 || num(m(r.body["revalidations"].([]any)[0], "failures")) != 3 {
		t.Fatalf("admin round: %d %s", r.status, r.raw)
	}
	v.waitApply("rv", "NOT_ENABLED", 1154)
	if rs := v.emu.RevalidateApplyWebhooks(); len(rs) != 0 {
		t.Errorf("a NOT_ENABLED job was re-validated: %+v", rs)
	}
}

func TestApplyConnectPeriodicRevalidation(t *testing.T) {
	v := newApplyEnv(t, Options{WebhookRevalidateInterval: 20 * time.Millisecond})
	v.post(applyJob("pr", v.hookURL, nil, nil))
	v.waitApply("pr", "ENABLED", 0)
	eventually(t, "re-validations", func() bool { return v.hook.challengeCount() >= 3 })
	v.hook.set(func(h *applyHook) { h.failChallenges = true })
	v.waitApply("pr", "NOT_ENABLED", 1154)
}

func TestApplyConfigurationParsing(t *testing.T) {
	v := newTestEnv(t, Options{})
	tok := v.child()
	url := "https://ats.example.com/apply"
	q := func(over map[string]any) map[string]any {
		base := textQuestion("q1", false)
		for k, val := range over {
			if val == nil {
				delete(base, k)
			} else {
				base[k] = val
			}
		}
		return additional(questionSet(1, base))
	}
	mc := func(details map[string]any) map[string]any {
		return q(map[string]any{"questionDetails": map[string]any{"multipleChoiceQuestionDetails": details}})
	}
	qp := "/onsiteApplyConfiguration/questions/additionalQuestions/customQuestionSets/0/questions/0/"
	cases := []struct {
		name   string
		cfg    any
		over   map[string]any
		field  string
		reason string
	}{
		{"not a record", "https://x", nil, "/onsiteApplyConfiguration", "is not a record"},
		{"no webhook", map[string]any{}, nil, "/onsiteApplyConfiguration/jobApplicationWebhookUrl", msgRequired},
		{"relative webhook", map[string]any{"jobApplicationWebhookUrl": "/apply"}, nil, "/onsiteApplyConfiguration/jobApplicationWebhookUrl", "absolute"},
		{"unknown field", map[string]any{"jobApplicationWebhookUrl": url, "extra": 1}, nil, "/onsiteApplyConfiguration/extra", "unrecognized field"},
		{"unknown section", map[string]any{"jobApplicationWebhookUrl": url, "questions": map[string]any{"hobbyQuestions": map[string]any{}}}, nil, "/onsiteApplyConfiguration/questions/hobbyQuestions", "unrecognized field"},
		{"requirement symbol", map[string]any{"jobApplicationWebhookUrl": url, "questions": map[string]any{"resumeQuestions": map[string]any{"resumeQuestionRequirement": "MAYBE"}}}, nil, "/onsiteApplyConfiguration/questions/resumeQuestions/resumeQuestionRequirement", "is not an enum symbol"},
		{"repeatLimit type", map[string]any{"jobApplicationWebhookUrl": url, "questions": map[string]any{"workQuestions": map[string]any{"workExperienceQuestionSet": map[string]any{"repeatLimit": "ten"}}}}, nil, "/onsiteApplyConfiguration/questions/workQuestions/workExperienceQuestionSet/repeatLimit", "is not a long"},
		{"no identifier", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"partnerQuestionIdentifier": nil})}, nil, qp + "partnerQuestionIdentifier", msgRequired},
		{"no text", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"questionText": nil})}, nil, qp + "questionText", msgRequired},
		{"no details", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"questionDetails": nil})}, nil, qp + "questionDetails", msgRequired},
		{"required type", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"required": "yes"})}, nil, qp + "required", "is not a boolean"},
		{"no choices", map[string]any{"jobApplicationWebhookUrl": url, "questions": mc(map[string]any{"preferredFormComponent": "RADIO_BUTTONS"})}, nil, qp + "questionDetails/multipleChoiceQuestionDetails/choices", msgRequired},
		{"no component", map[string]any{"jobApplicationWebhookUrl": url, "questions": mc(map[string]any{"choices": []any{}})}, nil, qp + "questionDetails/multipleChoiceQuestionDetails/preferredFormComponent", msgRequired},
		{"component symbol", map[string]any{"jobApplicationWebhookUrl": url, "questions": mc(map[string]any{"choices": []any{}, "preferredFormComponent": "SLIDER"})}, nil, qp + "questionDetails/multipleChoiceQuestionDetails/preferredFormComponent", "is not an enum symbol"},
		{"no symbolic name", map[string]any{"jobApplicationWebhookUrl": url, "questions": mc(map[string]any{"choices": []any{map[string]any{"displayValue": "Yes"}}, "preferredFormComponent": "RADIO_BUTTONS"})}, nil, qp + "questionDetails/multipleChoiceQuestionDetails/choices/0/symbolicName", msgRequired},
		{"no display value", map[string]any{"jobApplicationWebhookUrl": url, "questions": mc(map[string]any{"choices": []any{map[string]any{"symbolicName": "YES"}}, "preferredFormComponent": "RADIO_BUTTONS"})}, nil, qp + "questionDetails/multipleChoiceQuestionDetails/choices/0/displayValue", msgRequired},
		{"prerequisite parts", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"prerequisiteQuestionResponse": map[string]any{"prerequisiteQuestion": map[string]any{}}})}, nil, qp + "prerequisiteQuestionResponse/prerequisiteResponse", msgRequired},
		{"prerequisite identifier", map[string]any{"jobApplicationWebhookUrl": url, "questions": q(map[string]any{"prerequisiteQuestionResponse": map[string]any{"prerequisiteQuestion": map[string]any{}, "prerequisiteResponse": map[string]any{"multipleChoiceAnswerValue": map[string]any{"symbolicNames": []any{"YES"}}}}})}, nil, qp + "prerequisiteQuestionResponse/prerequisiteQuestion/partnerQuestionIdentifier", msgRequired},
		{"not public", map[string]any{"jobApplicationWebhookUrl": url}, map[string]any{"availability": "PRIVATE_TO_ATS_INTEGRATION"}, "/onsiteApplyConfiguration", "availability PUBLIC"},
	}
	for _, tc := range cases {
		el := jobElement("parse", time.Now(), map[string]any{"onsiteApplyConfiguration": tc.cfg})
		for k, val := range tc.over {
			el[k] = val
		}
		r := v.postJobs(tok, el)
		e0 := r.body["elements"].([]any)[0]
		msg, _ := m(e0, "error", "message").(string)
		if num(m(e0, "status")) != 422 || !strings.Contains(msg, "ERROR :: "+tc.field+" :: ") || !strings.Contains(msg, tc.reason) {
			t.Errorf("%s: %s", tc.name, r.raw)
		}
	}
	// A configuration with every section given as an empty object is well-formed.
	full := map[string]any{"jobApplicationWebhookUrl": url, "questions": map[string]any{"contactInformationQuestions": map[string]any{},
		"resumeQuestions": map[string]any{}, "coverLetterQuestions": map[string]any{}, "workQuestions": map[string]any{"workExperienceQuestionSet": map[string]any{}},
		"educationQuestions": map[string]any{"educationExperienceQuestionSet": map[string]any{}}, "voluntarySelfIdentificationQuestions": map[string]any{},
		"additionalQuestions": map[string]any{"customQuestionSets": []any{}}}}
	r := v.postJobs(tok, jobElement("parse", time.Now(), map[string]any{"onsiteApplyConfiguration": full, "availability": "PUBLIC"}))
	if num(m(r.body["elements"].([]any)[0], "status")) != 202 {
		t.Errorf("full configuration: %s", r.raw)
	}
}
