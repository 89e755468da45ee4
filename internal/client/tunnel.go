package client

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// LinkedIn answers 414 to a query string over 4 KB or a URL over 8 KB; the thresholds live in package
// restli, shared with the emulator.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/query-tunneling
const maxQueryBytes = restli.TunnelQueryThreshold

// tunnel decides how r goes on the wire. A request whose query or URL is too long is sent as a POST to the
// bare path with X-HTTP-Method-Override naming the ORIGINAL method (a tunnelled DELETE stays a DELETE,
// unlike LinkedIn's own clients), the query moving into a form body, or into the first part of a
// multipart/mixed body when the request has a JSON body of its own.
func (c *Client) tunnel(r *request) (method, query string, body []byte, contentType, override string) {
	// The URL is measured as LinkedIn would see it even when BaseURL points elsewhere (a proxy, the
	// emulator): a shorter local host must not let through a request LinkedIn would refuse.
	base := max(len(c.base.Scheme)+3+len(c.base.Host)+len(c.base.Path), len(DefaultBaseURL))
	urlLen := base + len(r.path) + 1 + len(r.query)
	if !restli.ShouldTunnel(r.query, urlLen) {
		if r.body != nil {
			contentType = "application/json"
		}
		return r.method, r.query, r.body, contentType, ""
	}
	if r.body == nil {
		return http.MethodPost, "", []byte(r.query), "application/x-www-form-urlencoded", r.method
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	// Part 1 is the query, part 2 the original JSON body, as LinkedIn's query tunnelling page shows. Writes to
	// a bytes.Buffer cannot fail.
	p, _ := w.CreatePart(textproto.MIMEHeader{"Content-Type": {"application/x-www-form-urlencoded"}})
	_, _ = p.Write([]byte(r.query))
	p, _ = w.CreatePart(textproto.MIMEHeader{"Content-Type": {"application/json"}})
	_, _ = p.Write(r.body)
	_ = w.Close()
	return http.MethodPost, "", buf.Bytes(), "multipart/mixed; boundary=" + w.Boundary(), r.method
}
