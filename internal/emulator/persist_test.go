package emulator

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPersistenceRoundTrip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state.json")
	clk := newFakeClock()
	emu, err := New(Options{StateFile: file, Now: clk.Now, TaskDelay: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	v := &testEnv{t: t, emu: emu}
	srv := startServer(t, emu)
	v.url = srv
	tok := v.child()
	ptok := v.parent()
	r := v.do("POST", "/v2/provisionedApplications", ptok, `{"uniqueForeignId":"p1","name":"P One","description":"d"}`)
	secret := m(r.body, "credentials", "client_secret").(string)
	cb := cfgKey2(SeedOrganization, "ONE_CLICK_EXPORT", "CALLBACK_URL")
	v.do("PUT", "/rest/integrationConfigurations?ids=List("+cb+")", tok,
		`{"entities":{"`+cb+`":{"configurationValue":{"string":"https://persist.example.com"}}}}`, v2026, "X-RestLi-Method: batch_update")
	r = v.postJobs(tok, jobElement("pj", clk.Now(), nil))
	tid := taskIDs(t, r)[0]
	// The file is complete after every change, before Close: a kill -9 now loses nothing.
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	snapshot, _ := os.ReadFile(file)

	// Restart from the file (no Close on the first: as after a crash).
	file2 := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(file2, snapshot, 0o600); err != nil {
		t.Fatal(err)
	}
	emu.Close()
	emu2, err := New(Options{StateFile: file2, Now: clk.Now, TaskDelay: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	v2 := &testEnv{t: t, emu: emu2, url: startServer(t, emu2)}
	if got, _ := emu2.Configuration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); got != "https://persist.example.com" {
		t.Errorf("configuration lost: %q", got)
	}
	if in, _ := emu2.Integration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER"); in.Status != statusEnabled {
		t.Errorf("integration status lost: %+v", in)
	}
	urn, id, ok := emu2.ApplicationByForeignID("p1")
	if !ok {
		t.Fatal("provisioned application lost")
	}
	_ = v2.token(id, secret)
	// The token issued before the restart still works; the task completes after the restart.
	clk.Add(time.Minute)
	if got := v2.task(tok, tid); got["status"] != taskSucceeded {
		t.Errorf("task after restart: %v", got)
	}
	if s, _ := emu2.JobListingStatus(ChildApplication, "pj"); s != "LISTED" {
		t.Errorf("job after restart: %s", s)
	}
	// New ids continue after the persisted counters.
	r = v2.do("POST", "/v2/provisionedApplications", v2.parent(), `{"uniqueForeignId":"p2","name":"P Two","description":"d"}`)
	if r.body["key"] == urn {
		t.Errorf("URN reused after restart: %v", r.body["key"])
	}
	if err := emu2.Close(); err != nil {
		t.Fatal(err)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(filepath.Dir(file2))
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	// A corrupt file is an error, not a silent reset.
	if err := os.WriteFile(file2, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StateFile: file2}); err == nil {
		t.Error("corrupt state file accepted")
	}
}
