package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

func TestUpdateOperations(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		change func(plan, state *jobPostingModel)
		want   string
	}{
		{"nothing", func(p, s *jobPostingModel) {}, ""},
		{"title", func(p, s *jobPostingModel) { p.Title = types.StringValue("Senior Engineer") }, "UPDATE"},
		{"close", func(p, s *jobPostingModel) { p.ListingState = types.StringValue("CLOSED") }, "CLOSE"},
		{"stay closed", func(p, s *jobPostingModel) {
			p.ListingState = types.StringValue("CLOSED")
			s.ListingState = types.StringValue("CLOSED")
		}, ""},
		{"re-list", func(p, s *jobPostingModel) { s.ListingState = types.StringValue("CLOSED") }, "RENEW"},
		{"re-list with a changed title", func(p, s *jobPostingModel) {
			s.ListingState = types.StringValue("CLOSED")
			p.Title = types.StringValue("x")
		}, "RENEW"},
		{"re-list and renewal trigger: one RENEW", func(p, s *jobPostingModel) {
			s.ListingState = types.StringValue("CLOSED")
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "RENEW"},
		{"re-list with a configured expire_at", func(p, s *jobPostingModel) {
			s.ListingState = types.StringValue("CLOSED")
			p.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
			s.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
		}, "RENEW,UPDATE"},
		{"LinkedIn's expire_at is not a change", func(p, s *jobPostingModel) {
			p.ExpireAt = types.StringUnknown()
			s.ExpireAt = types.StringValue("2027-01-01T00:00:00Z")
		}, ""},
		{"first renewal_trigger only records", func(p, s *jobPostingModel) { p.RenewalTrigger = types.StringValue("2026-12") }, ""},
		{"renew again", func(p, s *jobPostingModel) {
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "RENEW"},
		{"renewal trigger removed", func(p, s *jobPostingModel) { s.RenewalTrigger = types.StringValue("1") }, ""},
		{"update and renew", func(p, s *jobPostingModel) {
			p.Title = types.StringValue("x")
			s.RenewalTrigger = types.StringValue("1")
			p.RenewalTrigger = types.StringValue("2")
		}, "UPDATE,RENEW"},
		{"after import", func(p, s *jobPostingModel) { s.Title = types.StringNull(); s.ListedAt = types.StringNull() }, "UPDATE"},
	}
	for _, c := range cases {
		p, s := validJobPostingModel(), validJobPostingModel()
		c.change(&p, &s)
		var d diag.Diagnostics
		got := strings.Join(updateOperations(ctx, &p, &s, &d), ",")
		if got != c.want || d.HasError() {
			t.Errorf("%s: operations %q, want %q (%v)", c.name, got, c.want, d)
		}
	}
}

func TestAddTaskOutcome(t *testing.T) {
	var d diag.Diagnostics
	ok := addTaskOutcome(&d, "REQ-1", "CREATE", &client.JobPostingTask{ID: "urn:li:simpleJobPostingTask:1", Status: client.TaskFailed,
		ErrorMessage: "JOB_FIELD_PROCESSOR_GEO_LOCATION: cannot standardize 'Atlantis, XX'"})
	if ok || !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "Atlantis") || !strings.Contains(d.Errors()[0].Detail(), "What to do") {
		t.Errorf("FAILED: %v", d)
	}
	d = nil
	if !addTaskOutcome(&d, "REQ-1", "CREATE", &client.JobPostingTask{Status: client.TaskProcessed}) || d.WarningsCount() != 1 {
		t.Errorf("PROCESSED: %v", d)
	}
	if jobPostingURNFromURL("https://www.linkedin.com/jobs/view/42/") != "urn:li:jobPosting:42" || jobPostingURNFromURL("https://x") != "" {
		t.Error("jobPostingURNFromURL")
	}
}
