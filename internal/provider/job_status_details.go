package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/jobstatus"
)

// Status details: why a job's listing, LinkedIn Apply or promotion status is what it is
// (https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/check-job-posting-status), as the
// job posting resource and the job posting status data sources show them. Both schemas build their
// *_status_detail objects from statusDetailFields, so the attributes and their descriptions cannot drift.

// statusDetailField is one attribute of every *_status_detail object.
type statusDetailField struct {
	name, description string
	isInt64           bool
}

var statusDetailFields = []statusDetailField{
	{"error_code", "LinkedIn's error code (for example `1154`), when it gives one.", true},
	{"error_type", "Whose error it is: `CUSTOMER_ERROR`, `PARTNER_ERROR` or `LINKEDIN_ERROR`.", false},
	{"status_message", "LinkedIn's message, for example `MEMBER_REPORTED: The job was closed because ...`.", false},
	{"meaning", "What the status means, from the provider's catalogue of LinkedIn's status messages; null when the catalogue does not know the message.", false},
	{"resolution", "What to do about it, from the same catalogue; null when unknown.", false},
}

// statusDetailAttrTypes is the object type of listing_status_detail, linkedin_apply_status_detail and
// promotion_status_detail.
var statusDetailAttrTypes = func() map[string]attr.Type {
	return statusDetailAttributes(func(string) attr.Type { return types.StringType }, func(string) attr.Type { return types.Int64Type })
}()

// statusDetailAttributes builds the attributes of a *_status_detail object with the schema package's own
// attribute kinds (resource and data source schemas have distinct types).
func statusDetailAttributes[A any](stringAttr, int64Attr func(description string) A) map[string]A {
	attrs := make(map[string]A, len(statusDetailFields))
	for _, f := range statusDetailFields {
		if f.isInt64 {
			attrs[f.name] = int64Attr(f.description)
		} else {
			attrs[f.name] = stringAttr(f.description)
		}
	}
	return attrs
}

func statusDetailDescription(what string) string {
	return fmt.Sprintf("Why the %s status is what it is (null when LinkedIn gives no detail).", what)
}

// resourceStatusDetailAttribute is a computed *_status_detail object of the job posting resource.
func resourceStatusDetailAttribute(what string) rsschema.SingleNestedAttribute {
	return rsschema.SingleNestedAttribute{
		Computed:            true,
		MarkdownDescription: statusDetailDescription(what),
		Attributes: statusDetailAttributes(
			func(d string) rsschema.Attribute {
				return rsschema.StringAttribute{Computed: true, MarkdownDescription: d}
			},
			func(d string) rsschema.Attribute {
				return rsschema.Int64Attribute{Computed: true, MarkdownDescription: d}
			}),
	}
}

// dataSourceStatusDetailAttribute is a *_status_detail object of the job posting status data sources.
func dataSourceStatusDetailAttribute(what string) dsschema.SingleNestedAttribute {
	return dsschema.SingleNestedAttribute{
		Computed:            true,
		MarkdownDescription: statusDetailDescription(what),
		Attributes: statusDetailAttributes(
			func(d string) dsschema.Attribute {
				return dsschema.StringAttribute{Computed: true, MarkdownDescription: d}
			},
			func(d string) dsschema.Attribute {
				return dsschema.Int64Attribute{Computed: true, MarkdownDescription: d}
			}),
	}
}

// statusDetailObject converts a status detail into its Terraform object (null when LinkedIn sent none), with
// the catalogue's meaning and resolution when the catalogue knows the case.
func statusDetailObject(_ context.Context, kind, status string, d *client.StatusDetail, diags *diag.Diagnostics) types.Object {
	if d == nil {
		return types.ObjectNull(statusDetailAttrTypes)
	}
	code := types.Int64Null()
	if d.ErrorCode != nil {
		code = types.Int64Value(int64(*d.ErrorCode))
	}
	meaning, resolution := types.StringNull(), types.StringNull()
	if e, ok := jobstatus.Lookup(kind, status, d.ErrorCode, d.StatusMessage); ok {
		meaning, resolution = types.StringValue(e.Meaning), types.StringValue(e.Resolution)
	}
	o, dd := types.ObjectValue(statusDetailAttrTypes, map[string]attr.Value{
		"error_code":     code,
		"error_type":     nullIfEmpty(d.ErrorType),
		"status_message": types.StringValue(d.StatusMessage),
		"meaning":        meaning,
		"resolution":     resolution,
	})
	diags.Append(dd...)
	return o
}

// describeStatusDetail is "<statusMessage>" plus the catalogue's explanation, for warnings.
func describeStatusDetail(kind, status string, d *client.StatusDetail) string {
	if d == nil {
		return fmt.Sprintf("LinkedIn gave no detail for status %s.", status)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "LinkedIn says: %q", d.StatusMessage)
	if d.ErrorType != "" || d.ErrorCode != nil {
		b.WriteString(" (")
		if d.ErrorType != "" {
			b.WriteString(d.ErrorType)
		}
		if d.ErrorCode != nil {
			if d.ErrorType != "" {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "error code %d", *d.ErrorCode)
		}
		b.WriteString(")")
	}
	b.WriteString(".")
	if e, ok := jobstatus.Lookup(kind, status, d.ErrorCode, d.StatusMessage); ok {
		b.WriteString("\n\n")
		b.WriteString(e.Text())
	}
	return b.String()
}
