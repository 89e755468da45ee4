package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

// addAPIError turns an error from LinkedIn into a diagnostic that says what happened and what to do.
// operation names what the provider was doing, such as "creating integration configuration CALLBACK_URL": the
// title names it with the kind of failure, so that a wrong secret during a create does not read as a failed
// read.
func addAPIError(d *diag.Diagnostics, operation string, err error) {
	d.AddError(fmt.Sprintf("%s failed: %s", capitalize(operation), failureKind(err)), describeAPIError(err))
}

// failureKind is the short cause of a failure, for diagnostic titles.
func failureKind(err error) string {
	var auth *client.AuthError
	switch {
	case errors.As(err, &auth) && auth.Refused():
		return "LinkedIn refused the credentials"
	case errors.As(err, &auth):
		return "no access token from the OAuth endpoint"
	case client.IsUnauthorized(err):
		return "LinkedIn refused the access"
	case client.IsWrongAddress(err):
		return "wrong LinkedIn address"
	case client.IsUnreachable(err):
		return "LinkedIn unreachable"
	}
	return "LinkedIn API error"
}

// describeAPIError explains err and suggests a resolution. Every explanation of a failure that is not
// LinkedIn's answer about the entity itself says that the Terraform state was left as it was.
func describeAPIError(err error) string {
	const stateKept = "The Terraform state was not changed."
	var auth *client.AuthError
	if errors.As(err, &auth) {
		return describeAuthError(auth) + "\n\n" + stateKept
	}
	var apiErr *client.Error
	if !errors.As(err, &apiErr) {
		return fmt.Sprintf("%v\n\nLinkedIn could not be reached: check api_url (LINKEDIN_API_URL) and the network, then retry. "+
			"The provider retried until the operation's timeout. %s", err, stateKept)
	}
	what := apiErr.Error()
	if client.IsWrongAddress(err) {
		return fmt.Sprintf("%s\n\nThe call reached %s, which is not an address LinkedIn's API serves (%s). Check api_url "+
			"(LINKEDIN_API_URL): it is the scheme and host only, https://api.linkedin.com, without /rest or /v2, which the "+
			"provider adds. %s", what, withoutQuery(apiErr.URL), wrongAddressReason(apiErr), stateKept)
	}
	hint := statusHint(apiErr)
	if hint == "" {
		return what
	}
	return what + "\n\n" + hint
}

func withoutQuery(u string) string {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		return u[:i]
	}
	return u
}

func wrongAddressReason(e *client.Error) string {
	if e.NotLinkedIn {
		return fmt.Sprintf("it answered %d with a body that is not a LinkedIn error record", e.HTTPStatus)
	}
	return "LinkedIn answered 404 for the whole call, which it does for a path it does not serve, not for a missing entity"
}

// describeAuthError explains a failed token request: refused credentials name the client id and what to
// check; anything else points at oauth_url.
func describeAuthError(e *client.AuthError) string {
	if e.Refused() {
		return fmt.Sprintf("%v\n\nLinkedIn's OAuth endpoint refused client_id %q. Check, in the provider configuration that "+
			"uses this client_id (its client_secret, or LINKEDIN_CLIENT_SECRET): the secret is the current one (a rotated "+
			"secret stops working at once); the application is the right one (provisioning child applications needs the "+
			"partner's parent application; integrations, configurations and job postings need the customer's child "+
			"application); the application has not been deleted or suspended in LinkedIn's Developer Portal.", e, e.ClientID)
	}
	var api *client.Error
	if errors.As(e.Err, &api) {
		return fmt.Sprintf("%v\n\nThe token endpoint %s answered %d, which is not LinkedIn's OAuth service answering a "+
			"token request. Check oauth_url (LINKEDIN_OAUTH_URL): LinkedIn's is https://www.linkedin.com/oauth/v2 (the "+
			"provider appends /accessToken).", e, e.OAuthURL, api.HTTPStatus)
	}
	return fmt.Sprintf("%v\n\nThe token endpoint %s could not be reached, even after retrying until the operation's "+
		"timeout. Check oauth_url (LINKEDIN_OAUTH_URL, LinkedIn's is https://www.linkedin.com/oauth/v2) and the network.", e, e.OAuthURL)
}

// statusHint is the resolution of a LinkedIn error answer, by status and code.
func statusHint(e *client.Error) string {
	switch {
	case e.HTTPStatus == 401:
		return fmt.Sprintf("LinkedIn refused the access token of client_id %q even after fetching a new one. Check that the "+
			"provider configuration uses the right application's credentials; a static access_token lasts 30 minutes "+
			"and a revoked or expired one must be replaced.", e.ClientID)
	case e.HTTPStatus == 403:
		return fmt.Sprintf("Client_id %q is not allowed to make this call. Data APIs (integrations, configurations, job "+
			"postings) need the customer's child application credentials; the provisioning API needs the partner's "+
			"parent application credentials. Configure the provider (or an aliased one) with the right application.", e.ClientID)
	case e.HTTPStatus == 404:
		return "LinkedIn does not know this object for this application. For an integration, the customer must first enable it in LinkedIn's integration settings (the configuration plugin)."
	case e.HTTPStatus == 409:
		return "The request conflicts with what LinkedIn already holds (a duplicate unique id, or a CALLBACK_URL already used by another customer of this application). Use a unique value or import the existing object."
	case client.IsConfigurationNotDeletable(e):
		return "LinkedIn does not let partners delete this configuration; change its value instead."
	case e.HTTPStatus == 400 && e.Code == "VERSION_MISSING":
		return "The LinkedIn-Version header was missing. Set api_version in the provider configuration."
	case e.HTTPStatus == 422:
		return "LinkedIn rejected a field value. Correct the value named in the message."
	case e.HTTPStatus == 426:
		return "The API version is not active. Set api_version (LINKEDIN_API_VERSION) to an active version such as " + client.DefaultAPIVersion + "."
	case e.HTTPStatus == 429:
		return "LinkedIn throttled the application until the operation's timeout: its daily quota for this resource may be used up (quotas reset at midnight UTC). Retry later, or reduce refreshes (terraform plan -refresh=false)."
	case e.HTTPStatus >= 500:
		return "LinkedIn answered with a server error until the operation's timeout. Retry later, or raise the resource's timeouts."
	}
	return ""
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// warnGone says that LinkedIn answered that an entity does not exist, so the resource leaves the state and
// the next plan proposes to create it again. Nothing else removes a resource from the state. An import
// (nothing in the state yet) stays silent: Terraform itself says that the object does not exist.
func warnGone(d *diag.Diagnostics, what string, importing bool, consequence string) {
	if importing {
		return
	}
	d.AddWarning(what+" is gone from LinkedIn",
		fmt.Sprintf("LinkedIn answered that %s does not exist (a 404 for this entity in a successful answer). It was "+
			"removed from the Terraform state: %s.", what, consequence))
}

// importing reports whether a Read follows an import: the attribute that every Create and Read sets is
// still null.
func importing(always interface{ IsNull() bool }) bool { return always.IsNull() }

// readFailed handles the error of a Read's one call to LinkedIn and reports whether there was one. LinkedIn
// saying the entity does not exist removes the resource from the state, with a warning (see warnGone);
// nothing else does: any other failure is an error diagnostic and the state stays as it was. what names the
// entity with a capital ("Integration urn:…"); consequence says what the next plan does about a removal.
func readFailed(ctx context.Context, resp *resource.ReadResponse, err error, what string, imported bool, consequence string) bool {
	switch {
	case err == nil:
		return false
	case client.IsEntityNotFound(err):
		warnGone(&resp.Diagnostics, what, imported, consequence)
		resp.State.RemoveResource(ctx)
	default:
		addAPIError(&resp.Diagnostics, "reading "+strings.ToLower(what[:1])+what[1:], err)
	}
	return true
}
