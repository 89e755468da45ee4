package webhook

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The expected values below were computed independently of this package:
//
//	printf '%s' "$challenge" | openssl dgst -sha256 -hmac "$secret"
//	python3 -c 'import hmac,hashlib; print(hmac.new(secret, b"hmacsha256="+body, hashlib.sha256).hexdigest())'
func TestChallengeResponse(t *testing.T) {
	cases := []struct{ code, secret, want string }{
		{"a3c2c9b4-6f1e-4f7e-9d2a-1b2c3d4e5f60", "emulator-child-secret", "b30f40d07f1f9f9df5d7fe56f6de7ceec181c69573e476bef24c780b0e18bbcd"},
		{"", "key", "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"},
		{"challénge", "s3cré" + "t", "c4e6131347016110bb37f151b9a9310439ee219cdb6ce1b97a96314e9b41a9dd"},
	}
	for _, c := range cases {
		if got := ChallengeResponse(c.code, c.secret); got != c.want {
			t.Errorf("ChallengeResponse(%q, %q) = %s, want %s", c.code, c.secret, got, c.want)
		}
	}
}

func TestSignature(t *testing.T) {
	cases := []struct{ body, secret, want string }{
		{`{"type":"JOB_POSTING_STATUS","externalJobPostingId":"job-1"}`, "emulator-child-secret", "085282bff3f523a4441ca706a0ff901a9e72a5751be6e84d77b992ae88c9d3fb"},
		{"", "key", "46c23b3cb73ebdf820db214b2154dba0a091d3b06cffda9905a621656f340917"},
	}
	for _, c := range cases {
		if got := Signature([]byte(c.body), c.secret); got != c.want {
			t.Errorf("Signature(%q, %q) = %s, want %s", c.body, c.secret, got, c.want)
		}
		if !VerifySignature([]byte(c.body), c.secret, strings.ToUpper(c.want)) {
			t.Errorf("VerifySignature rejected the upper-case signature of %q", c.body)
		}
		if !VerifySignature([]byte(c.body), c.secret, SignaturePrefix+c.want) {
			t.Errorf("VerifySignature rejected the prefixed signature of %q", c.body)
		}
		if VerifySignature([]byte(c.body+" "), c.secret, c.want) {
			t.Errorf("VerifySignature accepted a changed body")
		}
		if VerifySignature([]byte(c.body), c.secret+"x", c.want) {
			t.Errorf("VerifySignature accepted a wrong secret")
		}
	}
	if VerifySignature([]byte("x"), "k", "not-hex") {
		t.Error("VerifySignature accepted a non-hex signature")
	}
}

func TestReceiver(t *testing.T) {
	var got []Notification
	rc := &Receiver{ClientSecret: "key", Handle: func(n Notification) error { got = append(got, n); return nil }}
	srv := httptest.NewServer(rc)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "?challengeCode=abc&applicationId=1")
	if err != nil {
		t.Fatal(err)
	}
	var ch map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&ch); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || ch["challengeCode"] != "abc" || ch["challengeResponse"] != ChallengeResponse("abc", "key") {
		t.Fatalf("challenge: %d %v", resp.StatusCode, ch)
	}

	post := func(body, sig string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set(SignatureHeader, sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	body := `{"type":"JOB_POSTING_STATUS","externalJobPostingId":"j1","notificationId":"n1","listingStatus":"NOT_LISTED"}`
	if c := post(body, "00"); c != http.StatusUnauthorized {
		t.Errorf("bad signature answered %d", c)
	}
	if c := post(body, Signature([]byte(body), "key")); c != 200 {
		t.Errorf("good notification answered %d", c)
	}
	if c := post(body, Signature([]byte(body), "key")); c != 200 {
		t.Errorf("repeat answered %d", c)
	}
	if c := post("{}", Signature([]byte("{}"), "key")); c != 400 {
		t.Errorf("unusable payload answered %d", c)
	}
	if len(got) != 1 || got[0].ExternalJobPostingID != "j1" || got[0].ListingStatus != "NOT_LISTED" {
		t.Errorf("handled %+v", got)
	}
}

// A repeat that arrives while the first copy is still being handled is not acknowledged: if that handling
// fails, LinkedIn's next attempt is handled again rather than lost.
func TestReceiverRepeatDuringHandling(t *testing.T) {
	entered, release := make(chan struct{}), make(chan error)
	calls := 0
	rc := &Receiver{ClientSecret: "key", Handle: func(Notification) error {
		calls++
		if calls == 1 {
			close(entered)
			return <-release
		}
		return nil
	}}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	body := `{"type":"JOB_POSTING_STATUS","externalJobPostingId":"j1","notificationId":"n1"}`
	post := func() int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set(SignatureHeader, Signature([]byte(body), "key"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	first := make(chan int)
	go func() { first <- post() }()
	<-entered
	if c := post(); c != http.StatusServiceUnavailable {
		t.Errorf("repeat during handling answered %d, want 503 (send again later)", c)
	}
	release <- errors.New("database down")
	if c := <-first; c != http.StatusInternalServerError {
		t.Errorf("failed handling answered %d", c)
	}
	if c := post(); c != http.StatusOK || calls != 2 {
		t.Errorf("LinkedIn's next attempt answered %d after %d calls of Handle, want 200 after 2", c, calls)
	}
	if c := post(); c != http.StatusOK || calls != 2 {
		t.Errorf("a repeat of a handled notification answered %d after %d calls, want 200 without handling", c, calls)
	}
}
