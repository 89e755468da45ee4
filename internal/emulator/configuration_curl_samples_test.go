package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// The curl samples of LinkedIn's integration configurations page
// (https://learn.microsoft.com/en-us/linkedin/talent/crm-connect/crm-integration-types), copied verbatim.
// The test changes only the host and fills the placeholders {token} and {org_id}.
const seedCurlUpsert202602 = `curl --location --globoff --request PUT 'https://api.linkedin.com/rest/integrationConfigurations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A{org_id}&ids[0].integrationType=CRM_ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL' \
--header 'x-restli-method: batch_update' \
--header 'LinkedIn-Version: 202602' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer {token}' \
--data '{
"entities": {
"integrationContext=urn%3Ali%3Aorganization%3A{org_id}&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL": {
"configurationValue": {
"string": "https://customer.callback.com/goes/here"
}
}
}
}'`

const seedCurlUpsert202603 = `curl --location --globoff --request PUT 'https://api.linkedin.com/rest/integrationConfigurations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A{org_id}&ids[0].integrationType=CRM_ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL' \
--header 'x-restli-method: batch_update' \
--header 'LinkedIn-Version: 202603' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer {token}' \
--data '{
"entities": {
"integrationContext=urn%3Ali%3Aorganization%3A{org_id}&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER&configurationName=CALLBACK_URL": {
"configurationValue": {
"string": "https://customer.callback.com/goes/here"
}
}
}
}'`

const seedUpsertResponse = `{
"results": {
"configurationName=CALLBACK_URL&integrationContext=urn%3Ali%3Aorganization%3A{org_id}&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER": {
"status": 204
}
},
"errors": {}
}`

const seedCurlGet202602 = `curl --location --globoff 'https://api.linkedin.com/rest/integrationConfigurations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A{org_id}&ids[0].integrationType=CRM_ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL' \
--header 'LinkedIn-Version: 202602' \
--header 'Authorization: Bearer {token}'`

const seedCurlGet202603 = `curl --location --globoff 'https://api.linkedin.com/rest/integrationConfigurations?ids[0].integrationContext=urn%3Ali%3Aorganization%3A{org_id}&ids[0].integrationType=CRM_ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].configurationName=CALLBACK_URL' \
--header 'LinkedIn-Version: 202603' \
--header 'Authorization: Bearer {token}'`

const seedGetResponse = `{
"results": {
"configurationName=CALLBACK_URL&integrationContext=urn%3Ali%3Aorganization%3A{org_id}&integrationType=CRM_ONE_CLICK_EXPORT&tenantType=RECRUITER": {
"configurationValue": {
"string": "https://customer.callback.com/goes/here"
}
}
},
"statuses": {},
"errors": {}
}`

// The legacy samples are given as a URL, headers and a body rather than curl.
const seedLegacyURL = `https://api.linkedin.com/v2/atsIntegrations/integrationContext=urn:li:organization:{org_id}&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS/configurations?ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS`

const seedLegacyBody = `{
"entities": {
"CALLBACK_URL": {
"configurationValue": {
"string": "https://customer.callback.com/goes/here"
}
},
"JOB_POSTING_VIEWERS": {
"configurationValue": {
"string": "ALL_PRODUCT_USERS"
}
}
}
}`

const seedLegacyUpsertResponse = `{
"results": {
"JOB_POSTING_VIEWERS": {
"status": 204
},
"CALLBACK_URL": {
"status": 204
}
},
"errors": {}
}`

const seedLegacyGetResponse = `{
"errors": {},
"results": {
"CALLBACK_URL": {
"configurationValue": {
"string": "https://customer.callback.com/goes/here"
}
}
}
}`

// curlRequest is what a curl command line asks for.
type curlRequest struct {
	method  string
	url     string
	headers [][2]string
	data    string
}

// parseCurl reads the curl options LinkedIn's samples use: --request, --header, --data, --location, --globoff, the
// URL, single-quoted arguments and backslash-newline continuations.
func parseCurl(t *testing.T, cmd string) curlRequest {
	t.Helper()
	var args []string
	var cur strings.Builder
	inQuote, have := false, false
	for i := 0; i < len(cmd); i++ {
		ch := cmd[i]
		switch {
		case inQuote && ch == '\'':
			inQuote = false
		case inQuote:
			cur.WriteByte(ch)
		case ch == '\'':
			inQuote, have = true, true
		case ch == '\\' && i+1 < len(cmd) && cmd[i+1] == '\n':
			i++
		case ch == ' ' || ch == '\n' || ch == '\t':
			if have {
				args = append(args, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(ch)
			have = true
		}
	}
	if have {
		args = append(args, cur.String())
	}
	if len(args) == 0 || args[0] != "curl" {
		t.Fatalf("not a curl command: %q", cmd)
	}
	req := curlRequest{method: ""}
	for i := 1; i < len(args); i++ {
		switch args[i] {
		case "--location", "--globoff":
		case "--request", "-X":
			i++
			req.method = args[i]
		case "--header", "-H":
			i++
			n, v, _ := strings.Cut(args[i], ":")
			req.headers = append(req.headers, [2]string{strings.TrimSpace(n), strings.TrimSpace(v)})
		case "--data", "-d":
			i++
			req.data = args[i]
		default:
			req.url = args[i]
		}
	}
	if req.method == "" {
		req.method = "GET"
		if req.data != "" {
			req.method = "POST"
		}
	}
	return req
}

// replay sends a request with only the host changed and the placeholders filled.
func (v *testEnv) replay(req curlRequest, tok string) (int, map[string]any) {
	v.t.Helper()
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "https://api.linkedin.com", v.url)
		s = strings.ReplaceAll(s, "{token}", tok)
		return strings.ReplaceAll(s, "{org_id}", "1000")
	}
	var body io.Reader
	if req.data != "" {
		body = strings.NewReader(fill(req.data))
	}
	hr, err := http.NewRequest(req.method, fill(req.url), body)
	if err != nil {
		v.t.Fatal(err)
	}
	for _, h := range req.headers {
		hr.Header.Set(h[0], fill(h[1]))
	}
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		v.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &out); err != nil {
		v.t.Fatalf("%s %s: %d %q", req.method, req.url, resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

func seedJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(s, "{org_id}", "1000")), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSeed000CurlSamplesVerbatim(t *testing.T) {
	v := newTestEnv(t, Options{})
	// The customer enables CRM One-Click Export in LinkedIn's UI first.
	if err := v.emu.SetIntegration(IntegrationState{Application: ChildApplication, IntegrationContext: SeedOrganization,
		IntegrationType: "CRM_ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: statusPending}); err != nil {
		t.Fatal(err)
	}
	tok := v.child()
	for _, sample := range []struct {
		name, curl, want string
	}{
		{"upsert 202602", seedCurlUpsert202602, seedUpsertResponse},
		{"upsert 202603", seedCurlUpsert202603, seedUpsertResponse},
		{"get 202602", seedCurlGet202602, seedGetResponse},
		{"get 202603", seedCurlGet202603, seedGetResponse},
	} {
		status, got := v.replay(parseCurl(t, sample.curl), tok)
		if status != 200 || !reflect.DeepEqual(got, seedJSON(t, sample.want)) {
			t.Errorf("%s: %d %v\nwant %v", sample.name, status, got, seedJSON(t, sample.want))
		}
	}
	if in, _ := v.emu.Integration(ChildApplication, SeedOrganization, "CRM_ONE_CLICK_EXPORT", "RECRUITER"); in.Status != statusEnabled {
		t.Errorf("CALLBACK_URL did not enable CRM_ONE_CLICK_EXPORT: %+v", in)
	}

	// Legacy form: PUT with x-restli-method batch_update, as the page's URL/Headers/Body sample.
	legacyPut := curlRequest{method: "PUT", url: seedLegacyURL, data: seedLegacyBody,
		headers: [][2]string{{"Authorization", "Bearer {token}"}, {"x-restli-method", "batch_update"}}}
	status, got := v.replay(legacyPut, tok)
	if status != 200 || !reflect.DeepEqual(got, seedJSON(t, seedLegacyUpsertResponse)) {
		t.Errorf("legacy upsert: %d %v", status, got)
	}
	if in, _ := v.emu.Integration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER"); in.Status != statusEnabled {
		t.Errorf("ONE_CLICK_EXPORT still %s", in.Status)
	}
	legacyGet := curlRequest{method: "GET", url: strings.Replace(seedLegacyURL, "&ids=JOB_POSTING_VIEWERS", "", 1),
		headers: [][2]string{{"Authorization", "Bearer {token}"}}}
	status, got = v.replay(legacyGet, tok)
	delete(got, "statuses")
	if status != 200 || !reflect.DeepEqual(got, seedJSON(t, seedLegacyGetResponse)) {
		t.Errorf("legacy get: %d %v", status, got)
	}
	// The page's delete sample shows CALLBACK_URL deleted, but its note says only the *_VIEWERS keys can be:
	// the emulator follows the note (README, choices).
	legacyDelete := curlRequest{method: "DELETE", url: seedLegacyURL,
		headers: [][2]string{{"Authorization", "Bearer {token}"}}}
	status, got = v.replay(legacyDelete, tok)
	if status != 200 || num(m(got, "errors", "CALLBACK_URL", "status")) != 400 ||
		m(got, "errors", "CALLBACK_URL", "code") != "CONFIGURATION_NOT_DELETABLE" ||
		num(m(got, "results", "JOB_POSTING_VIEWERS", "status")) != 204 {
		t.Errorf("legacy delete: %d %v", status, got)
	}
	if _, ok := v.emu.Configuration(ChildApplication, SeedOrganization, "ONE_CLICK_EXPORT", "RECRUITER", "JOB_POSTING_VIEWERS"); ok {
		t.Error("JOB_POSTING_VIEWERS not deleted")
	}
}
