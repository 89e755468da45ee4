package client

import (
	"context"
	"net/http"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// ApplicationsService is the provisioning API (parent application token, /v2 only).
type ApplicationsService struct{ c *Client }

const provisionedApplicationsPath = "/v2/provisionedApplications"

// Create provisions a child application. The response holds the client secret: LinkedIn never returns it again.
//
// Create is not idempotent and is never resent blindly: after a failure that leaves the outcome unknown
// (an *AmbiguousError), the application may exist without its secret ever reaching the caller; a second
// Create would answer 409 for the same uniqueForeignId.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/shared/authentication/provisioning-api
func (s *ApplicationsService) Create(ctx context.Context, in ProvisionedApplicationInput) (*ProvisionedApplication, error) {
	r := &request{method: http.MethodPost, restli: "create", path: provisionedApplicationsPath, body: mustJSON(in)}
	resp, err := s.c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	var app ProvisionedApplication
	if len(resp.body) > 0 {
		if err := decodeJSON(r, resp.body, &app); err != nil {
			return nil, err
		}
	}
	if app.Key == "" {
		// A plain Rest.li create answers 201 with the key in X-RestLi-Id (reduced) rather than the body.
		if id := resp.header.Get(restli.HeaderID); id != "" {
			if k, err := restli.ParseKey(id); err == nil && !k.IsCompound() {
				app.Key = k.Simple()
			} else {
				app.Key = id
			}
		}
	}
	// Fields LinkedIn does not echo are what was sent.
	if app.UniqueForeignID == "" {
		app.UniqueForeignID = in.UniqueForeignID
	}
	if app.Name == "" {
		app.Name = in.Name
	}
	if app.Description == "" {
		app.Description = in.Description
	}
	if app.ValidJsSdkDomains == nil {
		app.ValidJsSdkDomains = in.ValidJsSdkDomains
	}
	if app.OAuth2AuthorizedCallbackURLs == nil {
		app.OAuth2AuthorizedCallbackURLs = in.OAuth2AuthorizedCallbackURLs
	}
	return &app, nil
}

// GetByUniqueForeignID reads a child application (finder credentialsByUniqueForeignId). An application that
// does not exist (an empty elements array) is an *Error for which IsEntityNotFound holds.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/shared/authentication/provisioning-api
func (s *ApplicationsService) GetByUniqueForeignID(ctx context.Context, uniqueForeignID string) (*ProvisionedApplication, error) {
	r := &request{method: http.MethodGet, restli: "finder", path: provisionedApplicationsPath, idempotent: true,
		query: "q=credentialsByUniqueForeignId&uniqueForeignId=" + restli.Encode(uniqueForeignID)}
	resp, err := s.c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	var page struct {
		Elements []ProvisionedApplication `json:"elements"`
	}
	if err := decodeJSON(r, resp.body, &page); err != nil {
		return nil, err
	}
	if page.Elements == nil {
		// A finder always answers an elements array, empty when nothing matches. An answer without one
		// came from something other than LinkedIn and says nothing about the application.
		return nil, &Error{HTTPStatus: resp.status, Method: r.method, URL: s.c.logURL(r), RequestID: requestID(resp.header),
			NotLinkedIn: true, Message: "the answer is not a LinkedIn finder response (no elements array)"}
	}
	for i := range page.Elements {
		if page.Elements[i].UniqueForeignID == "" || page.Elements[i].UniqueForeignID == uniqueForeignID {
			app := page.Elements[i]
			if app.UniqueForeignID == "" {
				app.UniqueForeignID = uniqueForeignID
			}
			return &app, nil
		}
	}
	return nil, &Error{HTTPStatus: http.StatusNotFound, Method: r.method, URL: s.c.logURL(r), RequestID: requestID(resp.header),
		Key: uniqueForeignID, Message: "no provisioned application with uniqueForeignId " + uniqueForeignID}
}

// Update sets name, description, validJsSdkDomains and oauth2AuthorizedCallbackUrls ($set partial_update).
// Empty lists are sent as empty lists (they clear the field); UniqueForeignID is ignored.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/shared/authentication/provisioning-api
func (s *ApplicationsService) Update(ctx context.Context, applicationURN string, in ProvisionedApplicationInput) error {
	domains, callbacks := in.ValidJsSdkDomains, in.OAuth2AuthorizedCallbackURLs
	if domains == nil {
		domains = []string{}
	}
	if callbacks == nil {
		callbacks = []string{}
	}
	set := map[string]any{
		"name":                         in.Name,
		"description":                  in.Description,
		"validJsSdkDomains":            domains,
		"oauth2AuthorizedCallbackUrls": callbacks,
	}
	// $set of the same values is idempotent, so a lost response is simply resent.
	r := &request{method: http.MethodPost, restli: "partial_update", idempotent: true,
		path: provisionedApplicationsPath + "/" + restli.Encode(applicationURN),
		body: mustJSON(map[string]any{"patch": map[string]any{"$set": set}})}
	_, err := s.c.do(ctx, r)
	return err
}
