package client

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// End-to-end: every typed call against the emulator, in both API families.

func startEmulator(t testing.TB, opts emulator.Options) (*emulator.Emulator, *httptest.Server) {
	t.Helper()
	if opts.TaskDelay == 0 {
		opts.TaskDelay = 5 * time.Millisecond
	}
	emu, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); _ = emu.Close() })
	return emu, srv
}

func emulatorClient(t testing.TB, srvURL, id, secret string, mod func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: srvURL, OAuthURL: srvURL + "/oauth/v2", ClientID: id, ClientSecret: secret,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 20 * time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func validJob(id, op string) JobPosting {
	return JobPosting{
		ExternalJobPostingID: id, JobPostingOperationType: op, IntegrationContext: emulator.SeedOrganization,
		Title: "Senior Go Engineer", Description: "<p>" + strings.Repeat("Build Terraform providers. ", 6) + "</p>",
		CompanyApplyURL: "https://jobs.example.com/" + id, ListedAt: time.Now().Add(-time.Hour).UnixMilli(),
		Location: "Paris, France", EmploymentStatus: "FULL_TIME",
	}
}

func TestEmulatorEndToEnd(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		t.Run(string(fam), func(t *testing.T) {
			emu, srv := startEmulator(t, emulator.Options{})
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()

			// Provisioning with the parent application.
			parent := emulatorClient(t, srv.URL, emulator.ParentClientID, emulator.ParentClientSecret, nil)
			app, err := parent.Applications.Create(ctx, ProvisionedApplicationInput{UniqueForeignID: "acme-" + string(fam), Name: "Acme ATS",
				Description: "Acme's child application", OAuth2AuthorizedCallbackURLs: []string{"https://acme.example/cb"}})
			if err != nil {
				t.Fatal("create:", err)
			}
			if !strings.HasPrefix(app.Key, "urn:li:developerApplication:") || app.Credentials.ClientID == "" || app.Credentials.ClientSecret == "" {
				t.Fatalf("created %+v", app)
			}
			if _, err := parent.Applications.Create(ctx, ProvisionedApplicationInput{UniqueForeignID: "acme-" + string(fam), Name: "Acme ATS", Description: "again"}); !IsConflict(err) {
				t.Errorf("duplicate uniqueForeignId: %v", err)
			}
			got, err := parent.Applications.GetByUniqueForeignID(ctx, "acme-"+string(fam))
			if err != nil || got.Key != app.Key || got.Credentials.ClientID != app.Credentials.ClientID || got.Name != "Acme ATS" {
				t.Fatalf("get: %+v %v", got, err)
			}
			if _, err := parent.Applications.GetByUniqueForeignID(ctx, "nobody"); !IsEntityNotFound(err) {
				t.Errorf("unknown application: %v", err)
			}
			if err := parent.Applications.Update(ctx, app.Key, ProvisionedApplicationInput{Name: "Acme ATS 2", Description: "renamed", ValidJsSdkDomains: []string{"https://acme.example"}}); err != nil {
				t.Fatal("update:", err)
			}
			got, _ = parent.Applications.GetByUniqueForeignID(ctx, "acme-"+string(fam))
			if got == nil || got.Name != "Acme ATS 2" || len(got.ValidJsSdkDomains) != 1 || len(got.OAuth2AuthorizedCallbackURLs) != 0 {
				t.Errorf("after update: %+v", got)
			}

			// A parent token is refused by data APIs.
			if _, err := parent.Integrations.Get(ctx, IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}); StatusCode(err) != 403 {
				t.Errorf("parent token on a data API: %v", err)
			}

			child := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(c *Config) { c.APIFamily = fam })
			oce := IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}
			ats := IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "IN_ATS_INDICATOR", TenantType: "RECRUITER"}
			apply := IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "APPLY_CONNECT", TenantType: "JOBS"}
			never := IntegrationKey{IntegrationContext: "urn:li:organization:999", IntegrationType: "PROFILE_PLUGIN", TenantType: "RECRUITER"}

			// Integrations.
			res, err := child.Integrations.BatchGet(ctx, []IntegrationKey{oce, never, ats, apply})
			if err != nil {
				t.Fatal(err)
			}
			if res[0].Err != nil || res[0].Value.Status != IntegrationStatusPendingConfiguration || res[0].Value.Key() != oce {
				t.Errorf("ONE_CLICK_EXPORT: %+v %v", res[0].Value, res[0].Err)
			}
			if !IsEntityNotFound(res[1].Err) {
				t.Errorf("never enabled: %v", res[1].Err)
			}
			if res[2].Err != nil || res[2].Value.Status != IntegrationStatusEnabled || res[3].Err != nil {
				t.Errorf("IN_ATS_INDICATOR / APPLY_CONNECT: %v %v", res[2].Err, res[3].Err)
			}
			if err := child.Integrations.SetName(ctx, oce, "Acme export"); err != nil {
				t.Fatal("set name:", err)
			}
			if in, err := child.Integrations.Get(ctx, oce); err != nil || in.IntegrationName != "Acme export" {
				t.Errorf("after SetName: %+v %v", in, err)
			}
			if err := child.Integrations.SetName(ctx, never, "x"); !IsEntityNotFound(err) {
				t.Errorf("SetName of an unknown integration: %v", err)
			}

			// Configurations.
			cb := ConfigurationKey{IntegrationKey: oce, ConfigurationName: "CALLBACK_URL"}
			jpv := ConfigurationKey{IntegrationKey: oce, ConfigurationName: "JOB_POSTING_VIEWERS"}
			av := ConfigurationKey{IntegrationKey: ats, ConfigurationName: "APPLICATION_VIEWERS"}
			if _, err := child.Configurations.Get(ctx, cb); !IsEntityNotFound(err) {
				t.Errorf("unset CALLBACK_URL: %v", err)
			}
			errs, err := child.Configurations.BatchUpsert(ctx, []IntegrationConfiguration{
				{Key: cb, Value: "https://acme.example/export?customer=" + string(fam)},
				{Key: jpv, Value: "ALL_PRODUCT_USERS"},
				{Key: av, Value: "ALL_PRODUCT_USERS"},
				{Key: ConfigurationKey{IntegrationKey: oce, ConfigurationName: "APPLICATION_VIEWERS"}, Value: "ALL_PRODUCT_USERS"},
			})
			if err != nil || errs[0] != nil || errs[1] != nil || errs[2] != nil {
				t.Fatalf("upsert: %v %v", err, errs)
			}
			if StatusCode(errs[3]) != 422 {
				t.Errorf("APPLICATION_VIEWERS on ONE_CLICK_EXPORT: %v", errs[3])
			}
			if err := child.Configurations.Upsert(ctx, IntegrationConfiguration{Key: jpv, Value: "SOME_USERS"}); StatusCode(err) != 422 {
				t.Errorf("bad viewers value: %v", err)
			}
			if in, _ := child.Integrations.Get(ctx, oce); in == nil || in.Status != IntegrationStatusEnabled {
				t.Errorf("CALLBACK_URL should enable ONE_CLICK_EXPORT: %+v", in)
			}
			cres, err := child.Configurations.BatchGet(ctx, []ConfigurationKey{jpv, cb, av})
			if err != nil || cres[0].Err != nil || cres[0].Value.Value != "ALL_PRODUCT_USERS" || cres[1].Err != nil ||
				cres[1].Value.Value != "https://acme.example/export?customer="+string(fam) || cres[2].Err != nil || cres[2].Value.Key != av {
				t.Fatalf("batch get: %v %+v", err, cres)
			}
			if v, ok := emu.Configuration(emulator.ChildApplication, oce.IntegrationContext, oce.IntegrationType, oce.TenantType, "CALLBACK_URL"); !ok || !strings.HasPrefix(v, "https://acme.example/export") {
				t.Errorf("emulator holds %q %v", v, ok)
			}
			if err := child.Configurations.Delete(ctx, jpv); err != nil {
				t.Errorf("delete JOB_POSTING_VIEWERS: %v", err)
			}
			if _, err := child.Configurations.Get(ctx, jpv); !IsEntityNotFound(err) {
				t.Errorf("deleted configuration: %v", err)
			}
			err = child.Configurations.Delete(ctx, cb)
			var apiErr *Error
			if !asError(err, &apiErr) || apiErr.HTTPStatus != 400 || apiErr.Code != "CONFIGURATION_NOT_DELETABLE" {
				t.Errorf("delete CALLBACK_URL: %v", err)
			}
			derrs, err := child.Configurations.BatchDelete(ctx, []ConfigurationKey{av})
			if err != nil || derrs[0] != nil {
				t.Errorf("batch delete: %v %v", err, derrs)
			}

			// Job postings.
			taskURN, err := child.JobPostings.Submit(ctx, validJob("e2e-1", JobOperationCreate))
			if err != nil || !strings.HasPrefix(taskURN, "urn:li:simpleJobPostingTask:") {
				t.Fatalf("submit: %q %v", taskURN, err)
			}
			task, err := child.JobPostings.WaitForTask(ctx, taskURN)
			if err != nil || task.Status != TaskSucceeded || task.ExternalJobPostingID != "e2e-1" || !strings.HasPrefix(task.JobPosting, "urn:li:jobPosting:") {
				t.Fatalf("task: %+v %v", task, err)
			}
			st, err := child.JobPostings.GetStatus(ctx, "e2e-1")
			if err != nil || st.ListingStatus != "LISTED" || st.ExternalJobPostingID != "e2e-1" {
				t.Fatalf("status: %+v %v", st, err)
			}
			bad := validJob("e2e-bad", JobOperationCreate)
			bad.Title = ""
			subs, err := child.JobPostings.BatchSubmit(ctx, []JobPosting{validJob("e2e-1", JobOperationUpdate), bad, validJob("e2e-1b", JobOperationCreate)})
			if err != nil || subs[0].Err != nil || subs[2].Err != nil || StatusCode(subs[1].Err) != 422 {
				t.Fatalf("batch submit: %v %+v", err, subs)
			}
			tasks, err := child.JobPostings.BatchGetTasks(ctx, []string{subs[0].TaskID, subs[2].TaskID, "urn:li:simpleJobPostingTask:00000000-0000-0000-0000-000000000000"})
			if err != nil || tasks[0].Err != nil || tasks[1].Err != nil || tasks[0].Value.ExternalJobPostingID != "e2e-1" || !IsEntityNotFound(tasks[2].Err) {
				t.Errorf("tasks: %v %+v", err, tasks)
			}
			for _, urn := range []string{subs[0].TaskID, subs[2].TaskID} {
				if tk, err := child.JobPostings.WaitForTask(ctx, urn); err != nil || tk.Status != TaskSucceeded {
					t.Errorf("task %s: %+v %v", urn, tk, err)
				}
			}
			closeJob := validJob("e2e-1", JobOperationClose)
			closeTask, err := child.JobPostings.Submit(ctx, closeJob)
			if err != nil {
				t.Fatal("close:", err)
			}
			// The listing status changes when the task has been processed, not when it was accepted.
			if tk, err := child.JobPostings.WaitForTask(ctx, closeTask); err != nil || tk.Status != TaskSucceeded {
				t.Fatalf("close task: %+v %v", tk, err)
			}
			if _, err := child.JobPostings.Submit(ctx, closeJob); !IsConflict(err) {
				t.Errorf("second close: %v", err)
			}
			ids := make([]string, 0, 130)
			ids = append(ids, "e2e-1", "e2e-1b")
			for i := 0; len(ids) < 130; i++ {
				ids = append(ids, fmt.Sprintf("unknown-%d", i))
			}
			sres, err := child.JobPostings.BatchGetStatuses(ctx, ids)
			if err != nil || sres[0].Err != nil || sres[1].Err != nil || !IsEntityNotFound(sres[129].Err) {
				t.Fatalf("statuses: %v %v %v %v", err, sres[0].Err, sres[1].Err, sres[129].Err)
			}
			if sres[0].Value.ListingStatus != "NOT_LISTED" {
				t.Errorf("closed job: %+v", sres[0].Value)
			}
		})
	}
}

// Lost answers and server errors injected by the emulator: every call still succeeds through retries, and
// no job is created twice (a resent CREATE of a job LinkedIn already took would fail its task with
// "duplicate creation request").
func TestEmulatorFaultsNoDuplicates(t *testing.T) {
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		t.Run(string(fam), func(t *testing.T) {
			emu, srv := startEmulator(t, emulator.Options{})
			c := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(cfg *Config) {
				cfg.APIFamily, cfg.MaxRetries = fam, 12
			})
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if _, err := c.tokens.get(ctx); err != nil {
				t.Fatal(err)
			}
			emu.SetFaults(emulator.Faults{DropRate: 0.3, DropAfterApply: true, ErrorRate: 0.2, Seed: 7})

			oce := IntegrationKey{IntegrationContext: emulator.SeedOrganization, IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}
			keys := []ConfigurationKey{{IntegrationKey: oce, ConfigurationName: "CALLBACK_URL"}, {IntegrationKey: oce, ConfigurationName: "JOB_POSTING_VIEWERS"}}
			errs, err := c.Configurations.BatchUpsert(ctx, []IntegrationConfiguration{{Key: keys[0], Value: "https://cb.example/" + string(fam)}, {Key: keys[1], Value: "ALL_PRODUCT_USERS"}})
			if err != nil || errs[0] != nil || errs[1] != nil {
				t.Fatalf("upsert under faults: %v %v", err, errs)
			}
			res, err := c.Configurations.BatchGet(ctx, keys)
			if err != nil || res[0].Err != nil || res[1].Err != nil {
				t.Fatalf("get under faults: %v %+v", err, res)
			}

			var jobs []JobPosting
			var taskURNs []string
			for round := 0; round < 4; round++ {
				batch := make([]JobPosting, 10)
				for i := range batch {
					batch[i] = validJob(fmt.Sprintf("chaos-%d-%d", round, i), JobOperationCreate)
				}
				subs, err := c.JobPostings.BatchSubmit(ctx, batch)
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				for i, sub := range subs {
					if sub.Err != nil {
						t.Fatalf("round %d job %d: %v", round, i, sub.Err)
					}
					if sub.TaskID == "" && !sub.Reconciled {
						t.Fatalf("round %d job %d: neither task nor reconciled", round, i)
					}
					if sub.TaskID != "" {
						taskURNs = append(taskURNs, sub.TaskID)
					}
				}
				jobs = append(jobs, batch...)
				// Close half of them again under faults: a lost CLOSE answer must not fail the close.
				closes := make([]JobPosting, 5)
				for i := range closes {
					closes[i] = batch[i]
					closes[i].JobPostingOperationType = JobOperationClose
				}
				csubs, err := c.JobPostings.BatchSubmit(ctx, closes)
				if err != nil {
					t.Fatalf("round %d close: %v", round, err)
				}
				for i, sub := range csubs {
					if sub.Err != nil {
						t.Fatalf("round %d close %d: %v", round, i, sub.Err)
					}
				}
			}
			emu.SetFaults(emulator.Faults{})
			var creates int
			for _, rc := range emu.RequestCounts() {
				if rc.RestliMethod == "batch_create" {
					creates += rc.Count
				}
			}
			t.Logf("%s: %d batch_create calls for 8 batches under faults", fam, creates)

			// Every job exists once, and no task failed as a duplicate creation.
			ids := make([]string, len(jobs))
			for i, j := range jobs {
				ids[i] = j.ExternalJobPostingID
			}
			sts, err := c.JobPostings.BatchGetStatuses(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range sts {
				if s.Err != nil {
					t.Errorf("%s: %v", ids[i], s.Err)
				}
			}
			for _, urn := range taskURNs {
				task, err := c.JobPostings.WaitForTask(ctx, urn)
				if err != nil || task.Status != TaskSucceeded {
					t.Errorf("task %s: %+v %v (a resent CREATE fails as a duplicate)", urn, task, err)
				}
			}
		})
	}
}

// The emulator writes simple keys raw in response bodies; the client still finds each requested key,
// including ids whose raw text holds '%', '=', grammar characters or spaces.
func TestEmulatorRawSimpleKeys(t *testing.T) {
	ids := []string{"50%off", "a%2Cb", "a=b", "x (y, z): 'w'", "s 1", "plain-1"}
	for _, fam := range []APIFamily{APIFamilyRest, APIFamilyV2} {
		t.Run(string(fam), func(t *testing.T) {
			_, srv := startEmulator(t, emulator.Options{})
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			child := emulatorClient(t, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(c *Config) { c.APIFamily = fam })
			jobs := make([]JobPosting, len(ids))
			for i, id := range ids {
				jobs[i] = validJob(id, JobOperationCreate)
				jobs[i].CompanyApplyURL = fmt.Sprintf("https://jobs.example.com/%d", i)
			}
			subs, err := child.JobPostings.BatchSubmit(ctx, jobs)
			if err != nil {
				t.Fatal(err)
			}
			urns := make([]string, len(subs))
			for i, s := range subs {
				if s.Err != nil || !strings.HasPrefix(s.TaskID, "urn:li:simpleJobPostingTask:") {
					t.Fatalf("submit %q: %+v", ids[i], s)
				}
				urns[i] = s.TaskID
			}
			tasks, err := child.JobPostings.BatchGetTasks(ctx, urns)
			if err != nil {
				t.Fatal(err)
			}
			for i, tk := range tasks {
				if tk.Err != nil || tk.Value.ExternalJobPostingID != ids[i] {
					t.Errorf("task of %q: %+v %v", ids[i], tk.Value, tk.Err)
				}
			}
			for _, urn := range urns {
				if _, err := child.JobPostings.WaitForTask(ctx, urn); err != nil {
					t.Fatal(err)
				}
			}
			sts, err := child.JobPostings.BatchGetStatuses(ctx, append(append([]string{}, ids...), "50%of"))
			if err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				if sts[i].Err != nil || sts[i].Value.ExternalJobPostingID != id || sts[i].Value.ListingStatus != "LISTED" {
					t.Errorf("status of %q: %+v %v", id, sts[i].Value, sts[i].Err)
				}
			}
			if !IsEntityNotFound(sts[len(ids)].Err) {
				t.Errorf("unknown id: %+v %v", sts[len(ids)].Value, sts[len(ids)].Err)
			}
		})
	}
}
