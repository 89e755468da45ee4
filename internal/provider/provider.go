// Package provider is the Terraform provider for LinkedIn's Talent Solutions partner APIs. It is thin over
// internal/client: schemas, plan-time validation, and the mapping between Terraform state and LinkedIn's models.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var (
	_ provider.Provider                       = (*linkedinProvider)(nil)
	_ provider.ProviderWithFunctions          = (*linkedinProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*linkedinProvider)(nil)
)

// New returns a constructor of the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &linkedinProvider{version: version} }
}

type linkedinProvider struct {
	version string
}

func (p *linkedinProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "linkedin"
	resp.Version = p.version
}

func (p *linkedinProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{}
}

func (p *linkedinProvider) Configure(_ context.Context, _ provider.ConfigureRequest, _ *provider.ConfigureResponse) {
}

func (p *linkedinProvider) Resources(_ context.Context) []func() resource.Resource {
	return append([]func() resource.Resource{}, jobResources()...)
}

func (p *linkedinProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return append([]func() datasource.DataSource{}, jobDataSources()...)
}

func (p *linkedinProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return nil
}

func (p *linkedinProvider) Functions(_ context.Context) []func() function.Function {
	return jobFunctions()
}
