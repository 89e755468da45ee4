package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/webhook"
)

// screeningQuestions asks for a phone number and a resume, a multiple-choice question with a text question
// that depends on it, a number, and a repeatable set of references.
func screeningQuestions() map[string]any {
	q := additional(
		questionSet(1, choiceQuestion("visa", "RADIO_BUTTONS", true, "YES", "NO"), dependsOn(textQuestion("visaType", true), "visa", "YES"), numberQuestion("years", false)),
		questionSet(3, textQuestion("reference", true)),
	)
	q["contactInformationQuestions"] = map[string]any{"cellphoneNumberQuestionRequirement": "REQUIRED"}
	q["resumeQuestions"] = map[string]any{"resumeQuestionRequirement": "OPTIONAL"}
	return q
}

func strp(s string) *string { return &s }

func f64p(f float64) *float64 { return &f }

// screeningApplication answers screeningQuestions.
func screeningApplication(job string) ApplicationRequest {
	return ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: job, FirstName: "Zoë", LastName: "Brontë 😀",
		Email: "zoe@example.org", Phone: &PhoneNumber{CountryCode: "GB", NationalNumber: "7700900123"},
		ResumeURL: "https://media.example.com/zoe.pdf",
		Answers: []QuestionAnswer{
			{PartnerQuestionIdentifier: "visa", SymbolicNames: []string{"YES"}},
			{PartnerQuestionIdentifier: "visaType", Text: strp("H-1B")},
			{PartnerQuestionIdentifier: "years", Number: f64p(7)},
			{PartnerQuestionIdentifier: "reference", Text: strp("Ada")},
			{PartnerQuestionIdentifier: "reference", Repetition: 1, Text: strp("Grace")},
		}}
}

func TestApplicationDelivery(t *testing.T) {
	v := newApplyEnv(t, Options{})
	v.post(applyJob("dl", v.hookURL, screeningQuestions(), nil))
	v.waitApply("dl", "ENABLED", 0)

	body, _ := json.Marshal(screeningApplication("dl"))
	r := v.do("POST", "/emulator/applications", "", string(body))
	if r.status != 200 || !strings.HasPrefix(r.body["jobApplicationId"].(string), "urn:li:jobApplication:") {
		t.Fatalf("admin application: %d %s", r.status, r.raw)
	}
	eventually(t, "delivery", func() bool { return v.hook.postCount() == 1 })
	v.hook.mu.Lock()
	p := v.hook.posts[0]
	v.hook.mu.Unlock()
	if !webhook.VerifySignature(p.body, ChildClientSecret, p.signature) || p.signature != webhook.Signature(p.body, ChildClientSecret) {
		t.Errorf("X-LI-Signature %s does not sign the body", p.signature)
	}
	for _, c := range string(p.body) {
		if c > 0x7f {
			t.Fatalf("non-ASCII in the body: %s", p.body)
		}
	}
	if !strings.Contains(string(p.body), `Zo\u00eb`) || !strings.Contains(string(p.body), `\ud83d\ude00`) {
		t.Errorf("non-ASCII not escaped as \\uXXXX: %s", p.body)
	}
	var got map[string]any
	if err := json.Unmarshal(p.body, &got); err != nil {
		t.Fatal(err)
	}
	qr := m(got, "questionResponses")
	if got["type"] != "JOB_APPLICATION" || got["jobApplicationId"] != r.body["jobApplicationId"] || got["externalJobPostingId"] != "dl" ||
		got["developerApplicationUrn"] != ChildApplication || got["appliedAt"] == nil ||
		m(qr, "contactInformationQuestionResponses", "firstNameAnswer", "value") != "Zoë" ||
		m(qr, "contactInformationQuestionResponses", "emailAnswer", "value") != "zoe@example.org" ||
		m(qr, "contactInformationQuestionResponses", "cellphoneNumberQuestionAnswer", "nationalNumber") != "7700900123" ||
		m(qr, "resumeQuestionResponses", "resumeQuestionAnswer", "mediaUrl") != "https://media.example.com/zoe.pdf" {
		t.Errorf("payload: %s", p.body)
	}
	sets, _ := m(qr, "additionalQuestionResponses", "customQuestionSetResponses").([]any)
	want := `[{"customQuestionResponses":[{"answer":{"multipleChoiceAnswerValue":{"symbolicNames":["YES"]}},"questionIdentifier":"visa"},` +
		`{"answer":{"textAnswerValue":{"value":"H-1B"}},"questionIdentifier":"visaType"},{"answer":{"numericAnswerValue":{"value":7}},"questionIdentifier":"years"}]},` +
		`{"customQuestionResponses":[{"answer":{"textAnswerValue":{"value":"Ada"}},"questionIdentifier":"reference"}]},` +
		`{"customQuestionResponses":[{"answer":{"textAnswerValue":{"value":"Grace"}},"questionIdentifier":"reference"}]}]`
	if jsonText(sets) != want {
		t.Errorf("custom answers:\n got %s\nwant %s", jsonText(sets), want)
	}
	eventually(t, "delivered", func() bool { a := v.emu.Applications(ChildApplication, "dl"); return len(a) == 1 && a[0].Delivered })
	r = v.do("GET", "/emulator/applications?externalJobPostingId=dl", "", "")
	apps, _ := r.body["applications"].([]any)
	if len(apps) != 1 || num(m(apps[0], "attempts").([]any)[0].(map[string]any)["httpStatus"]) != 200 || m(apps[0], "delivered") != true ||
		m(apps[0], "payload") != string(p.body) {
		t.Errorf("admin list: %s", r.raw)
	}
}

func TestApplicationRefusals(t *testing.T) {
	v := newApplyEnv(t, Options{})
	v.post(applyJob("rf", v.hookURL, screeningQuestions(), nil), jobElement("offsite", time.Now(), nil))
	v.waitApply("rf", "ENABLED", 0)
	change := func(f func(r *ApplicationRequest)) ApplicationRequest {
		r := screeningApplication("rf")
		f(&r)
		return r
	}
	cases := []struct {
		name string
		req  ApplicationRequest
		want string
	}{
		{"not enabled", change(func(r *ApplicationRequest) { r.ExternalJobPostingID = "offsite" }), "not ENABLED"},
		{"no job", change(func(r *ApplicationRequest) { r.ExternalJobPostingID = "nope" }), "has no job"},
		{"required unanswered", change(func(r *ApplicationRequest) { r.Answers = r.Answers[:1] }), `required question "visaType" is not answered`},
		{"not a choice", change(func(r *ApplicationRequest) { r.Answers[0].SymbolicNames = []string{"MAYBE"} }), `"MAYBE" is not a valid choice`},
		{"not asked", change(func(r *ApplicationRequest) { r.Answers[0].SymbolicNames = []string{"NO"} }), `"visaType" is asked only when`},
		{"repetition", change(func(r *ApplicationRequest) { r.Answers[4].Repetition = 3 }), "repetition 3 is outside"},
		{"wrong kind", change(func(r *ApplicationRequest) {
			r.Answers[2] = QuestionAnswer{PartnerQuestionIdentifier: "years", Text: strp("7")}
		}), "answered with a number"},
		{"out of range", change(func(r *ApplicationRequest) { r.Answers[2].Number = f64p(51) }), "outside"},
		{"unknown question", change(func(r *ApplicationRequest) { r.Answers[2].PartnerQuestionIdentifier = "age" }), `no question "age"`},
		{"no phone", change(func(r *ApplicationRequest) { r.Phone = nil }), "requires a cellphone number"},
		{"bad email", change(func(r *ApplicationRequest) { r.Email = "zoe" }), "not an email address"},
	}
	for _, tc := range cases {
		body, _ := json.Marshal(tc.req)
		r := v.do("POST", "/emulator/applications", "", string(body))
		if msg, _ := r.body["message"].(string); r.status != http.StatusBadRequest || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %d %s", tc.name, r.status, r.raw)
		}
	}
	if n := len(v.emu.Applications("", "")); n != 0 {
		t.Errorf("%d applications recorded from refusals", n)
	}
}

func TestApplicationDeliveryRetries(t *testing.T) {
	v := newApplyEnv(t, Options{DeliveryRetryScale: 0.0001})
	v.post(applyJob("rt", v.hookURL, nil, nil))
	v.waitApply("rt", "ENABLED", 0)
	v.hook.set(func(h *applyHook) { h.failPosts = 3 })
	a, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildApplication, ExternalJobPostingID: "rt", FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "delivered after 3 failures", func() bool { return v.emu.Applications("", "rt")[0].Delivered })
	got := v.emu.Applications("", "rt")[0]
	if got.JobApplicationID != a.JobApplicationID || len(got.Attempts) != 4 {
		t.Fatalf("attempts: %+v", got.Attempts)
	}
	for i, at := range got.Attempts {
		if (i < 3) != (at.HTTPStatus == 500) || at.Delivered != (i == 3) {
			t.Errorf("attempt %d: %+v", i, at)
		}
		// Each re-send waits at least its scaled delay (1 s, 5 s, 30 s … times 0.0001).
		if i > 0 && at.At.Sub(got.Attempts[i-1].At) < v.emu.scaledRetryDelay(i-1) {
			t.Errorf("re-send %d after %v, before its delay %v", i, at.At.Sub(got.Attempts[i-1].At), v.emu.scaledRetryDelay(i-1))
		}
	}
	if s, _, _ := v.emu.LinkedInApplyStatus(ChildApplication, "rt"); s != "ENABLED" {
		t.Errorf("LinkedIn Apply after a delivered application: %s", s)
	}
}

// TestApplicationDelivery1155First: the first application of a job cannot be delivered (1 + 6 re-sends),
// so LinkedIn turns Apply off; an UPDATE (resync) with a working endpoint turns it on again.
func TestApplicationDelivery1155First(t *testing.T) {
	v := newApplyEnv(t, Options{DeliveryRetryScale: 0.0001})
	v.post(applyJob("f1", v.hookURL, nil, nil))
	v.waitApply("f1", "ENABLED", 0)
	v.hook.set(func(h *applyHook) { h.failPosts = -1 })
	if _, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: "f1", FirstName: "A", LastName: "B", Email: "a@example.org"}); err != nil {
		t.Fatal(err)
	}
	st := v.waitApply("f1", "NOT_ENABLED", 1155)
	if st["listingStatus"] != "LISTED" || m(st, "linkedInApplyStatusDetail", "statusMessage") != applyDetails["1155"].StatusMessage {
		t.Errorf("after 1155 the job stays listed (off-site): %v", st)
	}
	got := v.emu.Applications(ChildClientID, "f1")[0]
	if len(got.Attempts) != 7 || !got.Failed || got.Delivered {
		t.Errorf("attempts %d, failed %v", len(got.Attempts), got.Failed)
	}
	if _, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: "f1", FirstName: "A", LastName: "B", Email: "a@example.org"}); err == nil {
		t.Error("an application to a job whose LinkedIn Apply is off was accepted")
	}
	v.hook.set(func(h *applyHook) { h.failPosts = 0 })
	v.post(applyJob("f1", v.hookURL, nil, map[string]any{"jobPostingOperationType": "UPDATE"}))
	v.waitApply("f1", "ENABLED", 0)
}

func TestApplicationDelivery1155ThreeInARow(t *testing.T) {
	v := newApplyEnv(t, Options{DeliveryRetryScale: 0.0001})
	v.post(applyJob("f3", v.hookURL, nil, nil))
	v.waitApply("f3", "ENABLED", 0)
	apply := func(n int) {
		t.Helper()
		if _, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: "f3", FirstName: "A", LastName: "B", Email: "a@example.org"}); err != nil {
			t.Fatal(err)
		}
		eventually(t, "application settled", func() bool {
			a := v.emu.Applications("", "f3")
			return len(a) == n && (a[n-1].Delivered || a[n-1].Failed)
		})
	}
	apply(1) // delivered
	v.hook.set(func(h *applyHook) { h.failPosts = -1 })
	apply(2)
	apply(3)
	if s, _, _ := v.emu.LinkedInApplyStatus(ChildClientID, "f3"); s != "ENABLED" {
		t.Fatalf("after 2 failed applications: %s", s)
	}
	apply(4)
	v.waitApply("f3", "NOT_ENABLED", 1155)
}

func TestJobApplicationLifecycleActions(t *testing.T) {
	v := newApplyEnv(t, Options{})
	v.post(applyJob("lc", v.hookURL, nil, nil))
	v.waitApply("lc", "ENABLED", 0)
	a, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: "lc", FirstName: "A", LastName: "B", Email: "a@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	tok := v.child()
	send := func(tok, body string) result {
		return v.do("POST", "/v2/jobApplicationLifecycleActions", tok, body, "X-RestLi-Method: create")
	}
	before := v.emu.TotalRequests()
	r := send(tok, `{"jobApplicationId":"`+a.JobApplicationID+`","action":"APPLICATION_VIEWED","performedAt":1767225600000,"integrationContext":"urn:li:organization:1000"}`)
	if r.status != http.StatusCreated || r.header.Get("X-RestLi-Id") != "1" {
		t.Fatalf("create: %d %s", r.status, r.raw)
	}
	for _, tc := range []struct{ body, want string }{
		{`{"jobApplicationId":"` + a.JobApplicationID + `","action":"HIRED","performedAt":1}`, "ERROR :: /action :: \"HIRED\" is not an enum symbol"},
		{`{"jobApplicationId":"` + a.JobApplicationID + `"}`, "ERROR :: /action :: " + msgRequired},
		{`{"action":"RESUME_DOWNLOADED","performedAt":1}`, "ERROR :: /jobApplicationId :: " + msgRequired},
		{`{"jobApplicationId":"` + a.JobApplicationID + `","action":"RESUME_DOWNLOADED","performedAt":1,"note":"x"}`, "ERROR :: /note :: unrecognized field"},
	} {
		r := send(tok, tc.body)
		if msg, _ := r.body["message"].(string); r.status != 422 || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %d %s", tc.body, r.status, r.raw)
		}
	}
	if r := send(tok, `{"jobApplicationId":"urn:li:jobApplication:999","action":"APPLICATION_REJECTED","performedAt":1}`); r.status != 404 {
		t.Errorf("unknown application: %d %s", r.status, r.raw)
	}
	if r := send(v.parent(), `{"jobApplicationId":"`+a.JobApplicationID+`","action":"APPLICATION_REJECTED","performedAt":1}`); r.status != 403 {
		t.Errorf("parent token: %d %s", r.status, r.raw)
	}
	if r := send("", `{}`); r.status != 401 {
		t.Errorf("no token: %d", r.status)
	}
	if n := v.emu.TotalRequests() - before; n != 8 {
		t.Errorf("%d calls counted, want 8", n)
	}
	r = v.do("GET", "/emulator/lifecycleActions", "", "")
	acts, _ := r.body["lifecycleActions"].([]any)
	if len(acts) != 1 || m(acts[0], "action") != "APPLICATION_VIEWED" || m(acts[0], "externalJobPostingId") != "lc" ||
		m(acts[0], "jobApplicationId") != a.JobApplicationID || num(m(acts[0], "performedAt")) != 1767225600000 {
		t.Errorf("recorded: %s", r.raw)
	}
}

func TestApplicantsPerMinute(t *testing.T) {
	v := newApplyEnv(t, Options{ApplicantsPerMinute: 1200}) // one every 50 ms
	v.post(applyJob("gen", v.hookURL, screeningQuestions(), nil), jobElement("plain", time.Now(), nil))
	v.waitApply("gen", "ENABLED", 0)
	eventually(t, "generated applications delivered", func() bool {
		n := 0
		for _, a := range v.emu.Applications("", "") {
			if a.Delivered {
				n++
			}
		}
		return n >= 2
	})
	for _, a := range v.emu.Applications("", "") {
		if a.ExternalJobPostingID != "gen" || a.Applicant.Phone == nil || len(a.Applicant.Answers) == 0 {
			t.Errorf("generated application: %+v", a)
		}
	}
}

func TestApplicationsPersisted(t *testing.T) {
	path := t.TempDir() + "/state.json"
	v := newApplyEnv(t, Options{StateFile: path})
	v.post(applyJob("ps", v.hookURL, nil, nil))
	v.waitApply("ps", "ENABLED", 0)
	a, err := v.emu.SubmitApplication(ApplicationRequest{Application: ChildClientID, ExternalJobPostingID: "ps", FirstName: "A", LastName: "B", Email: "a@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "delivered", func() bool { return v.emu.Applications("", "ps")[0].Delivered })
	if err := v.emu.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := New(Options{StateFile: path})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got := again.Applications("", "ps")
	if len(got) != 1 || got[0].JobApplicationID != a.JobApplicationID || !got[0].Delivered || got[0].Payload == "" {
		t.Errorf("reloaded: %+v", got)
	}
	if s, _, _ := again.LinkedInApplyStatus(ChildClientID, "ps"); s != "ENABLED" {
		t.Errorf("reloaded LinkedIn Apply: %s", s)
	}
}
