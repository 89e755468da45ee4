package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// provisioningCollection is /v2/provisionedApplications: create, finder credentialsByUniqueForeignId and
// partial_update, for parent tokens only. There is no delete and no list
// (https://learn.microsoft.com/en-us/linkedin/shared/authentication/provisioning-api).
func provisioningCollection() *collection {
	return &collection{
		name:       "provisionedApplications",
		parentOnly: true,
		methods:    []string{"create", "partial_update", "finder"},
		key:        keySpec{},
		create:     createApplication,
		patch:      patchApplication,
		finders: map[string]func(c *call) (*response, *apiError){
			"credentialsByUniqueForeignId": findApplication,
		},
	}
}

// appFields are the writable fields of a provisioned application.
type appFields struct {
	UniqueForeignID *string   `json:"uniqueForeignId"`
	Name            *string   `json:"name"`
	Description     *string   `json:"description"`
	Domains         *[]string `json:"validJsSdkDomains"`
	Callbacks       *[]string `json:"oauth2AuthorizedCallbackUrls"`
}

var appFieldNames = []string{"uniqueForeignId", "name", "description", "validJsSdkDomains", "oauth2AuthorizedCallbackUrls"}

func readAppFields(raw []byte) (appFields, *apiError) {
	var f appFields
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return f, errBadRequest("the body must be a JSON object")
	}
	for k := range m {
		if !slices.Contains(appFieldNames, k) {
			return f, errUnprocessable("ERROR :: /%s :: unrecognized field found but not allowed", k)
		}
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return f, errUnprocessable("ERROR :: / :: %v", err)
	}
	return f, nil
}

// validateAppFields applies the provisioning API's field rules to the fields present.
func validateAppFields(f appFields) *apiError {
	if f.Name != nil {
		n := strings.TrimSpace(*f.Name)
		switch {
		case n == "":
			return errUnprocessable("ERROR :: /name :: the name must not be empty")
		case len([]rune(*f.Name)) > 50:
			return errUnprocessable("ERROR :: /name :: length %d is out of range 1..50", len([]rune(*f.Name)))
		case strings.Contains(strings.ToLower(*f.Name), "linkedin"):
			return errUnprocessable("ERROR :: /name :: the name must not contain \"LinkedIn\"")
		}
	}
	if f.Description != nil && strings.TrimSpace(*f.Description) == "" {
		return errUnprocessable("ERROR :: /description :: field is required but not found and has no default value")
	}
	if f.Domains != nil {
		for i, d := range *f.Domains {
			u, err := url.Parse(d)
			if d == "" || err != nil || strings.HasSuffix(d, "/") || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
				return errUnprocessable("ERROR :: /validJsSdkDomains/%d :: %q is not a valid domain: an http(s) origin without a trailing \"/\"", i, d)
			}
		}
	}
	if f.Callbacks != nil {
		for i, cb := range *f.Callbacks {
			u, err := url.Parse(cb)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return errUnprocessable("ERROR :: /oauth2AuthorizedCallbackUrls/%d :: %q is not an absolute http(s) URL", i, cb)
			}
		}
	}
	return nil
}

func createApplication(c *call, raw json.RawMessage) (*response, *apiError) {
	f, err := readAppFields(raw)
	if err != nil {
		return nil, err
	}
	switch {
	case f.UniqueForeignID == nil || strings.TrimSpace(*f.UniqueForeignID) == "":
		return nil, errUnprocessable("ERROR :: /uniqueForeignId :: field is required but not found and has no default value")
	case f.Name == nil:
		return nil, errUnprocessable("ERROR :: /name :: field is required but not found and has no default value")
	case f.Description == nil:
		return nil, errUnprocessable("ERROR :: /description :: field is required but not found and has no default value")
	}
	if err := validateAppFields(f); err != nil {
		return nil, err
	}
	st := c.e.st
	for _, a := range st.Apps {
		if a.Parent == c.app.URN && a.UniqueForeignID == *f.UniqueForeignID {
			return nil, errf(http.StatusConflict, "DUPLICATE_UNIQUE_FOREIGN_ID",
				"An application with uniqueForeignId %s already exists: %s", *f.UniqueForeignID, a.URN)
		}
	}
	n := st.NextAppID
	st.NextAppID++
	st.seq()
	app := &application{
		URN:             "urn:li:developerApplication:" + strconv.Itoa(n),
		ClientID:        "78" + randomHex(6),
		ClientSecret:    "WPL_AP1." + randomHex(12),
		Parent:          c.app.URN,
		UniqueForeignID: *f.UniqueForeignID,
		Name:            *f.Name,
		Description:     *f.Description,
		Domains:         []string{},
		Callbacks:       []string{},
	}
	if f.Domains != nil {
		app.Domains = append(app.Domains, *f.Domains...)
	}
	if f.Callbacks != nil {
		app.Callbacks = append(app.Callbacks, *f.Callbacks...)
	}
	st.Apps[app.URN] = app
	return &response{
		status: http.StatusCreated,
		header: map[string]string{
			"X-RestLi-Id": restli.SimpleKey(app.URN).EncodeReduced(),
			"Location":    "/v2/provisionedApplications/" + restli.Escape(app.URN),
		},
		body: map[string]any{
			"key":         app.URN,
			"credentials": map[string]string{"client_id": app.ClientID, "client_secret": app.ClientSecret},
		},
	}, nil
}

func patchApplication(c *call, k restli.Key, p patchBody) *apiError {
	app := c.e.st.Apps[k.Simple()]
	if app == nil || app.Parent != c.app.URN {
		return errNotFound("No provisioned application " + k.Simple())
	}
	set := map[string]json.RawMessage{}
	for n, v := range p.Patch.Set {
		set[n] = v
	}
	if len(p.Patch.Delete) > 0 {
		return errUnprocessable("ERROR :: /%s :: field cannot be deleted", p.Patch.Delete[0])
	}
	if _, ok := set["uniqueForeignId"]; ok {
		return errUnprocessable("ERROR :: /uniqueForeignId :: field cannot be updated")
	}
	raw, _ := json.Marshal(set)
	f, err := readAppFields(raw)
	if err != nil {
		return err
	}
	if err := validateAppFields(f); err != nil {
		return err
	}
	if f.Name != nil {
		app.Name = *f.Name
	}
	if f.Description != nil {
		app.Description = *f.Description
	}
	if f.Domains != nil {
		app.Domains = append([]string{}, *f.Domains...)
	}
	if f.Callbacks != nil {
		app.Callbacks = append([]string{}, *f.Callbacks...)
	}
	c.e.st.seq()
	return nil
}

func findApplication(c *call) (*response, *apiError) {
	id, ok := c.get("uniqueForeignId")
	if !ok || id == "" {
		return nil, errBadRequest("the finder credentialsByUniqueForeignId needs the uniqueForeignId parameter")
	}
	elements := []any{}
	for _, a := range c.e.st.Apps {
		if a.Parent == c.app.URN && a.UniqueForeignID == id {
			elements = append(elements, map[string]any{
				"key":                          a.URN,
				"uniqueForeignId":              a.UniqueForeignID,
				"name":                         a.Name,
				"description":                  a.Description,
				"validJsSdkDomains":            a.Domains,
				"oauth2AuthorizedCallbackUrls": a.Callbacks,
				"credentials":                  map[string]string{"client_id": a.ClientID},
			})
		}
	}
	return &response{status: http.StatusOK, body: map[string]any{
		"elements": elements,
		"paging":   map[string]int{"start": 0, "count": 10, "total": len(elements)},
	}}, nil
}
