package emulator

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
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

// TestStateFileAtomic: under many concurrent changes the state file is at every moment a complete state
// (the old one or the new one, never a torn write), no temporary file is left behind, and reloading the
// file gives exactly the state the emulator held.
func TestStateFileAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "state.json")
	emu, err := New(Options{StateFile: file, TaskDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	v := &testEnv{t: t, emu: emu}
	srv := httptest.NewServer(emu)
	defer srv.Close()
	v.url = srv.URL
	tok := v.child()

	// A reader checks every version of the file it can catch while the writers run.
	stop := make(chan struct{})
	readerDone := make(chan struct{})
	var reads, torn int
	go func() {
		defer close(readerDone)
		for {
			b, err := os.ReadFile(file)
			if err != nil {
				torn++ // the file must exist at every moment: rename replaces it in one step
				continue
			}
			var f stateFile
			if json.Unmarshal(b, &f) != nil || f.Version != stateFileVersion || f.State == nil || f.State.Apps[ChildApplication] == nil {
				torn++
			}
			reads++
			select {
			case <-stop:
				return
			default:
			}
		}
	}()

	const workers, rounds = 4, 8
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			org := fmt.Sprintf("urn:li:organization:%d", 7000+w)
			for i := 0; i < rounds; i++ {
				_ = emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: org,
					IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: statusPending,
					IntegrationName: fmt.Sprintf("n%d", i)})
				emu.SetConfiguration(ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS", allProductUsers)
				v.postJobs(tok, jobElement(fmt.Sprintf("a-%d-%d", w, i), time.Now(), nil))
			}
		}(w)
	}
	wg.Wait()
	close(stop)
	<-readerDone
	if torn > 0 {
		t.Errorf("%d of %d reads saw a missing or incomplete state file", torn, reads)
	}

	srv.Close()
	if err := emu.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "state.json" {
		t.Errorf("files left in the state directory: %v", entries)
	}
	want, _ := json.Marshal(emu.st)
	loaded, err := loadState(file)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(loaded)
	if string(got) != string(want) {
		t.Errorf("reloaded state differs from the emulator's:\n got %s\nwant %s", got, want)
	}
	if n := len(loaded.Jobs); n != workers*rounds {
		t.Errorf("reloaded %d jobs, want %d", n, workers*rounds)
	}
}
