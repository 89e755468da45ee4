// Package webhook holds the cryptography and HTTP handling of LinkedIn's Job Status Change Notifications
// webhooks: the challenge response LinkedIn expects when it validates a webhook, and the X-LI-Signature it
// puts on every notification. The provider functions webhook_challenge_response and webhook_signature call
// this package, and so can a partner's receiver, so both always agree.
//
// Notifications: https://learn.microsoft.com/en-us/linkedin/talent/job-postings/api/job-status-change-notifications
// Validation: https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// SignaturePrefix is prepended to the raw request body before it is signed.
const SignaturePrefix = "hmacsha256="

// SignatureHeader is the header LinkedIn puts the signature in.
const SignatureHeader = "X-LI-Signature"

// ChallengeResponse returns hex(HMAC-SHA256(key=clientSecret, msg=challengeCode)), the value a webhook answers
// to LinkedIn's GET <url>?challengeCode=<code> validation request.
func ChallengeResponse(challengeCode, clientSecret string) string {
	return hexHMAC(clientSecret, []byte(challengeCode))
}

// Signature returns hex(HMAC-SHA256(key=clientSecret, msg="hmacsha256="+body)), the X-LI-Signature of a
// notification whose raw body is body.
func Signature(body []byte, clientSecret string) string {
	msg := make([]byte, 0, len(SignaturePrefix)+len(body))
	msg = append(msg, SignaturePrefix...)
	msg = append(msg, body...)
	return hexHMAC(clientSecret, msg)
}

// VerifySignature reports, in constant time, whether signature is the X-LI-Signature of body. Hex digits are
// accepted in either case, and a leading "hmacsha256=" on the header value is tolerated.
func VerifySignature(body []byte, clientSecret, signature string) bool {
	signature = strings.TrimPrefix(strings.TrimSpace(signature), SignaturePrefix)
	got, err := hex.DecodeString(signature)
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(Signature(body, clientSecret))
	return hmac.Equal(got, want)
}

func hexHMAC(key string, msg []byte) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write(msg)
	return hex.EncodeToString(m.Sum(nil))
}
