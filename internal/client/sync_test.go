package client

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

const (
	syncCreated  = 1735689600000
	syncModified = 1735776000000
)

func syncCandidate(id string) Candidate {
	return Candidate{Key: CandidateKey{IntegrationContext: emulator.SeedOrganization, CandidateID: id},
		CreatedAt: syncCreated, LastModifiedAt: syncModified, FirstName: "Ada", LastName: "Lovelace",
		EmailAddresses: []string{id + "@example.org"}, ExternalProfileURL: "https://ats.example.com/c/" + id}
}

func syncApplication(id string) Application {
	return Application{Key: ApplicationKey{IntegrationContext: emulator.SeedOrganization, ApplicationID: id},
		CandidateID: "c1", CreatedAt: syncCreated, LastModifiedAt: syncModified, JobPostingID: "job-1",
		JobPostingName: "Engineer", CandidateEmail: "ada@example.org", FirstName: "Ada", LastName: "Lovelace", Source: "Referral"}
}

// callsTo is how many calls the emulator served on path with Rest.li method m.
func callsTo(emu *emulator.Emulator, path, m string) int {
	n := 0
	for _, rc := range emu.RequestCounts() {
		if rc.Path == path && rc.RestliMethod == m {
			n += rc.Count
		}
	}
	return n
}

// TestSyncOverHTTP: every typed call in both families against the emulator: batching into calls of at most
// 100, per-record results and errors, member matches, stages under their application.
func TestSyncOverHTTP(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		t.Run(string(fam), func(t *testing.T) {
			emu, srv := startEmulator(t, emulator.Options{})
			c := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(cfg *Config) { cfg.APIFamily = fam })
			ctx := context.Background()
			cands := make([]Candidate, 250)
			for i := range cands {
				cands[i] = syncCandidate(fmt.Sprint("c", i))
			}
			cands[0].EmailAddresses = []string{"member.one@example.com"}
			cands[7].FirstName = "" // not sent: a per-record 422
			errs, err := c.Sync.UpsertCandidates(ctx, cands)
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range errs {
				if i == 7 {
					var apiErr *Error
					if StatusCode(e) != 422 || !strings.Contains(e.Error(), "ERROR :: /firstName :: field is required") || !asError(e, &apiErr) || !strings.Contains(apiErr.Key, "c7") {
						t.Fatalf("record 7: %v", e)
					}
				} else if e != nil {
					t.Fatalf("record %d: %v", i, e)
				}
			}
			path := map[APIFamily]string{APIFamilyRest: "/rest/candidates", APIFamilyV2: "/v2/atsCandidates"}[fam]
			if n := callsTo(emu, path, "batch_update"); n != 3 {
				t.Fatalf("250 records in %d calls, want 3", n)
			}
			got, err := c.Sync.GetCandidates(ctx, []CandidateKey{cands[0].Key, cands[1].Key, cands[7].Key})
			if err != nil || got[0].Value == nil || got[0].Value.MatchedMember != "urn:li:person:EmulatorMember1" ||
				got[1].Value.CreatedAt != syncCreated || !IsEntityNotFound(got[2].Err) {
				t.Fatalf("get: %+v %v", got, err)
			}

			app := syncApplication("a1")
			if errs, err := c.Sync.UpsertApplications(ctx, []Application{app}); err != nil || errs[0] != nil {
				t.Fatalf("applications: %v %v", errs, err)
			}
			stages := []ApplicationStage{
				{Key: StageKey{Application: app.Key, StageID: "s1"}, CreatedAt: syncCreated, Stage: "Phone Screen"},
				{Key: StageKey{Application: app.Key, StageID: "s2"}, CreatedAt: syncCreated, Stage: "Not Available"},
			}
			errs, err = c.Sync.UpsertStages(ctx, stages)
			if err != nil || errs[0] != nil || StatusCode(errs[1]) != 422 {
				t.Fatalf("stages: %v %v", errs, err)
			}
			gs, err := c.Sync.GetStages(ctx, []StageKey{stages[0].Key})
			if err != nil || gs[0].Value == nil || gs[0].Value.Stage != "Phone Screen" {
				t.Fatalf("get stages: %+v %v", gs, err)
			}
			ga, err := c.Sync.GetApplications(ctx, []ApplicationKey{app.Key})
			if err != nil || ga[0].Value == nil || ga[0].Value.Source != "Referral" {
				t.Fatalf("get applications: %+v %v", ga, err)
			}
			for _, del := range []func() ([]error, error){
				func() ([]error, error) { return c.Sync.DeleteStages(ctx, []StageKey{stages[0].Key}) },
				func() ([]error, error) { return c.Sync.DeleteApplications(ctx, []ApplicationKey{app.Key}) },
				func() ([]error, error) { return c.Sync.DeleteCandidates(ctx, []CandidateKey{cands[1].Key}) },
			} {
				if errs, err := del(); err != nil || errs[0] != nil {
					t.Fatalf("delete: %v %v", errs, err)
				}
			}
			if errs, _ := c.Sync.DeleteCandidates(ctx, []CandidateKey{cands[1].Key}); !IsEntityNotFound(errs[0]) {
				t.Fatalf("second delete: %v", errs)
			}
			if rep := emu.Audit(); len(rep.Findings) != 3 { // the two refused records, one a placeholder too
				t.Fatalf("audit: %+v", rep.Findings)
			}
		})
	}
}

// TestSyncPacing: with a per-minute limit of 4 records, 10 records go in calls of 4, 4 and 2, the later ones
// waiting for the window (shortened here to 200 ms) to make room.
func TestSyncPacing(t *testing.T) {
	emu, srv := startEmulator(t, emulator.Options{})
	c := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(cfg *Config) { cfg.SyncRecordsPerMinute = 4 })
	c.Sync.candidates.pacer.window = 200 * time.Millisecond
	cands := make([]Candidate, 10)
	for i := range cands {
		cands[i] = syncCandidate(fmt.Sprint("c", i))
	}
	start := time.Now()
	errs, err := c.Sync.UpsertCandidates(context.Background(), cands)
	if err != nil || errs[9] != nil {
		t.Fatal(errs, err)
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Fatalf("10 records at 4 per 200 ms took %v, want at least 400 ms", d)
	}
	if n := callsTo(emu, "/rest/candidates", "batch_update"); n != 3 {
		t.Fatalf("%d calls, want 3", n)
	}
	// A pacing wait that outlasts the caller's context ends with the context's error, per record.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	c.Sync.candidates.pacer.window = time.Hour
	errs, err = c.Sync.UpsertCandidates(ctx, cands)
	if err == nil || errs[9] == nil {
		t.Fatalf("paced past the deadline: %v %v", errs, err)
	}
}

// TestSyncCallsAreSequential: goroutines syncing at once still send one call at a time per resource, so
// the emulator's audit finds no parallel calls.
func TestSyncCallsAreSequential(t *testing.T) {
	emu, srv := startEmulator(t, emulator.Options{Faults: emulator.Faults{Latency: 20 * time.Millisecond}})
	c := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, nil)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Sync.UpsertCandidates(context.Background(), []Candidate{syncCandidate(fmt.Sprint("g", g))}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if rep := emu.Audit(); len(rep.Findings) != 0 {
		t.Fatalf("audit: %+v", rep.Findings)
	}
}

// TestSyncThrottled: past the emulator's per-minute limit (client pacing off) the call is retried as an
// idempotent batch_update and, still refused, each record carries the 429.
func TestSyncThrottled(t *testing.T) {
	emu, srv := startEmulator(t, emulator.Options{})
	if err := emu.SetSyncLimits(emulator.SyncLimits{Group: "syncCandidates", RecordsPerMinute: 2}); err != nil {
		t.Fatal(err)
	}
	c := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(cfg *Config) {
		cfg.SyncRecordsPerMinute = -1
		cfg.MaxRetries = 2
	})
	errs, err := c.Sync.UpsertCandidates(context.Background(), []Candidate{syncCandidate("a"), syncCandidate("b"), syncCandidate("c")})
	if !IsThrottled(err) || !IsThrottled(errs[2]) {
		t.Fatalf("want 429s: %v %v", errs, err)
	}
	if n := callsTo(emu, "/rest/candidates", "batch_update"); n != 3 {
		t.Fatalf("%d attempts, want 3 (two retries)", n)
	}
}
