package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Job postings, job posting status and webhook functions register here (issue #5), so that this part of the
// provider grows without touching provider.go.

func jobResources() []func() resource.Resource { return nil }

func jobDataSources() []func() datasource.DataSource { return nil }

func jobFunctions() []func() function.Function { return nil }
