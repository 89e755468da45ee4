package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// addAPIError turns an error from LinkedIn into a diagnostic that says what happened and what to do.
// action names what the provider was doing, such as "reading integration configuration CALLBACK_URL".
func addAPIError(d *diag.Diagnostics, action string, err error) {
	d.AddError(fmt.Sprintf("LinkedIn API error while %s", action), describeAPIError(err))
}

// describeAPIError explains err and suggests a resolution based on the HTTP status and LinkedIn's codes.
func describeAPIError(err error) string {
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		return fmt.Sprintf("%v\n\nCheck that api_url and oauth_url are reachable, then retry.", err)
	}
	what := apiErr.Error()
	var hint string
	switch {
	case apiErr.HTTPStatus == 401:
		hint = "The access token was refused. Check client_id/client_secret (or access_token): tokens last 30 minutes and a revoked or expired one must be replaced."
	case apiErr.HTTPStatus == 403:
		hint = "The application is not allowed to make this call. Data APIs (integrations, configurations, job postings) need the customer's child application credentials; the provisioning API needs the partner's parent application credentials. Configure an aliased provider with the child application's client_id and client_secret."
	case apiErr.HTTPStatus == 404:
		hint = "LinkedIn does not know this object for this application. For an integration, the customer must first enable it in LinkedIn's integration settings (the configuration plugin)."
	case apiErr.HTTPStatus == 409:
		hint = "The request conflicts with what LinkedIn already holds (a duplicate unique id, or a CALLBACK_URL already used by another customer of this application). Use a unique value or import the existing object."
	case apiErr.HTTPStatus == 400 && apiErr.Code == "CONFIGURATION_NOT_DELETABLE":
		hint = "LinkedIn does not let partners delete this configuration; change its value instead."
	case apiErr.HTTPStatus == 400 && apiErr.Code == "VERSION_MISSING":
		hint = "The LinkedIn-Version header was missing. Set api_version in the provider configuration."
	case apiErr.HTTPStatus == 422:
		hint = "LinkedIn rejected a field value. Correct the value named in the message."
	case apiErr.HTTPStatus == 426:
		hint = "The API version is not active. Set api_version (LINKEDIN_API_VERSION) to an active version such as 202603."
	case apiErr.HTTPStatus == 429:
		hint = "The application's daily quota for this resource is used up (quotas reset at midnight UTC). Retry later, reduce refreshes (terraform plan -refresh=false), or raise retry settings."
	case apiErr.HTTPStatus >= 500:
		hint = "LinkedIn answered with a server error after the provider's retries. Retry later; raise max_retries if this persists."
	}
	if hint == "" {
		return what
	}
	return what + "\n\n" + hint
}

// asAPIError is errors.As for *client.Error.
func asAPIError(err error, target **client.Error) bool { return errors.As(err, target) }
