package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

var (
	_ datasource.DataSource              = (*jobPostingStatusesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*jobPostingStatusesDataSource)(nil)
)

func newJobPostingStatusesDataSource() datasource.DataSource { return &jobPostingStatusesDataSource{} }

// jobPostingStatusesDataSource is linkedin_job_posting_statuses: the statuses of many job postings.
type jobPostingStatusesDataSource struct{ data *providerData }

type jobPostingStatusesModel struct {
	ExternalJobPostingIDs types.List `tfsdk:"external_job_posting_ids"`
	Statuses              types.List `tfsdk:"statuses"`
	ByID                  types.Map  `tfsdk:"by_id"`
	MissingIDs            types.List `tfsdk:"missing_ids"`

	Customer types.String `tfsdk:"customer"`
}

func (d *jobPostingStatusesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_job_posting_statuses"
}

func (d *jobPostingStatusesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *jobPostingStatusesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The current statuses of many job postings on LinkedIn (`jobPostingStatus`), read in calls of at most " +
			"100 ids (the provider splits longer lists). Ids LinkedIn does not know are listed in `missing_ids` rather than failing the read.",
		Attributes: map[string]schema.Attribute{
			"external_job_posting_ids": schema.ListAttribute{
				Required:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The jobs' ids in the ATS (each 1–75 characters on one line, without surrounding whitespace; no repeats).",
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.UTF8LengthBetween(1, maxExternalIDLength), lineValidator()),
				},
			},
			"statuses": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The status of every job LinkedIn knows, in the order of `external_job_posting_ids`.",
				NestedObject:        schema.NestedAttributeObject{Attributes: jobPostingStatusDataSourceAttributes()},
			},
			"by_id": schema.MapNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The same statuses keyed by external job posting id.",
				NestedObject:        schema.NestedAttributeObject{Attributes: jobPostingStatusDataSourceAttributes()},
			},
			"missing_ids": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The ids LinkedIn does not know for this application.",
			},
			"customer": customerDataSourceAttribute(),
		},
	}
}

func (d *jobPostingStatusesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ctx, cancel, _, _ := withTimeout(ctx, noTimeoutsBlock, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	c := d.data.clientForConfig(ctx, req.Config, &resp.Diagnostics, "read job posting statuses")
	var m jobPostingStatusesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if c == nil || resp.Diagnostics.HasError() {
		return
	}
	var ids []string
	resp.Diagnostics.Append(m.ExternalJobPostingIDs.ElementsAs(ctx, &ids, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	results, err := c.JobPostings.BatchGetStatuses(ctx, ids)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("reading the statuses of %d job postings", len(ids)), err)
		return
	}
	if len(results) != len(ids) {
		resp.Diagnostics.AddError("Unexpected answer from the client",
			fmt.Sprintf("Asked for %d job posting statuses, got %d results. This is a bug in the provider; please report it.", len(ids), len(results)))
		return
	}
	statuses := []jobPostingStatusModel{}
	byID := map[string]jobPostingStatusModel{}
	missing := []string{}
	for i, r := range results {
		switch {
		case r.Err != nil && client.IsEntityNotFound(r.Err):
			missing = append(missing, ids[i])
		case r.Err != nil:
			addAPIError(&resp.Diagnostics, fmt.Sprintf("reading the status of job posting %q", ids[i]), r.Err)
		case r.Value != nil:
			s := newJobPostingStatusModel(ctx, r.Value, &resp.Diagnostics)
			if s.ExternalJobPostingID.ValueString() == "" {
				s.ExternalJobPostingID = types.StringValue(ids[i])
			}
			statuses = append(statuses, s)
			byID[ids[i]] = s
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	objType := types.ObjectType{AttrTypes: jobPostingStatusAttrTypes}
	var diags = &resp.Diagnostics
	l, dd := types.ListValueFrom(ctx, objType, statuses)
	diags.Append(dd...)
	mp, dd := types.MapValueFrom(ctx, objType, byID)
	diags.Append(dd...)
	ml, dd := types.ListValueFrom(ctx, types.StringType, missing)
	diags.Append(dd...)
	m.Statuses, m.ByID, m.MissingIDs = l, mp, ml
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
