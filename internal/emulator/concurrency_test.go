package emulator

import (
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

func startServer(t *testing.T, emu *Emulator) string {
	t.Helper()
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); emu.Close() })
	return srv.URL
}

// TestConcurrentClients runs many clients at once (run with -race): configurations, jobs, status reads,
// admin changes and resets of counters interleave without data races or lost writes.
func TestConcurrentClients(t *testing.T) {
	v := newTestEnv(t, Options{TaskDelay: time.Millisecond, StateFile: t.TempDir() + "/state.json"})
	tok := v.child()
	var wg sync.WaitGroup
	const workers = 8
	errs := make(chan string, workers*10)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			org := fmt.Sprintf("urn:li:organization:%d", 5000+w)
			if err := v.emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: org,
				IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: statusPending}); err != nil {
				errs <- err.Error()
				return
			}
			cb := cfgKey2(org, "ONE_CLICK_EXPORT", "CALLBACK_URL")
			for i := 0; i < 5; i++ {
				r := v.do("PUT", "/rest/integrationConfigurations?ids=List("+cb+")", tok,
					fmt.Sprintf(`{"entities":{"%s":{"configurationValue":{"string":"https://w%d.example.com/%d"}}}}`, cb, w, i),
					v2026, "X-RestLi-Method: batch_update")
				if num(m(r.body, "results", cb, "status")) != 204 {
					errs <- r.raw
				}
				r = v.postJobs(tok, jobElement(fmt.Sprintf("c-%d-%d", w, i), time.Now(), nil))
				if num(m(r.body["elements"].([]any)[0], "status")) != 202 {
					errs <- r.raw
				}
				v.do("GET", fmt.Sprintf("/v2/jobPostingStatus?ids=c-%d-%d", w, i), tok, "")
				_ = v.emu.RequestCounts()
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for w := 0; w < workers; w++ {
		org := fmt.Sprintf("urn:li:organization:%d", 5000+w)
		if got, _ := v.emu.Configuration(ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL"); got != fmt.Sprintf("https://w%d.example.com/4", w) {
			t.Errorf("worker %d: last write lost: %q", w, got)
		}
		for i := 0; i < 5; i++ {
			id := fmt.Sprintf("c-%d-%d", w, i)
			eventually(t, id+" listed", func() bool { s, _ := v.emu.JobListingStatus(ChildApplication, id); return s == "LISTED" })
		}
	}
	if got := v.emu.TotalRequests(); got != workers*5*3 {
		t.Errorf("TotalRequests %d, want %d", got, workers*5*3)
	}
}
