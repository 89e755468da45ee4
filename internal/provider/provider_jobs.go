package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Job postings, job posting status and webhook functions register here (issue #5), so that this part of the
// provider grows without touching provider.go.

func jobResources() []func() resource.Resource {
	return []func() resource.Resource{newJobPostingResource}
}

func jobDataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newJobPostingStatusDataSource, newJobPostingStatusesDataSource}
}

func jobFunctions() []func() function.Function {
	return []func() function.Function{newWebhookChallengeResponseFunction, newWebhookSignatureFunction}
}
