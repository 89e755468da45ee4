package validate

import (
	"strings"
	"testing"
)

func TestCustomerKey(t *testing.T) {
	for _, good := range []string{"acme", "customer-4711", "Acme Corp", "tenant/1", "é"} {
		if err := CustomerKey(good); err != nil {
			t.Errorf("CustomerKey(%q) = %v", good, err)
		}
	}
	for bad, msg := range map[string]string{
		"":          "must not be empty",
		" acme":     `write "acme"`,
		"acme\n":    "must not start or end with whitespace",
		"ac\u0007":  "control characters",
		"acme@prod": `must not contain "@"`,
		"@":         `must not contain "@"`,
	} {
		err := CustomerKey(bad)
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("CustomerKey(%q) = %v, want an error containing %q", bad, err, msg)
		}
	}
}

func TestSplitImportCustomer(t *testing.T) {
	keys := map[string]bool{"acme": true, "beta": true, "b@d": true}
	isKey := func(s string) bool { return keys[s] }
	for _, c := range []struct {
		id, rest, customer string
		isKey              func(string) bool
	}{
		{"job-123@acme", "job-123", "acme", isKey},
		{"urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL@beta", "urn:li:organization:1000/ONE_CLICK_EXPORT/RECRUITER/CALLBACK_URL", "beta", isKey},
		{"jane@example.com", "jane@example.com", "", isKey},          // the suffix is not a customer: the ID is whole
		{"jane@example.com@acme", "jane@example.com", "acme", isKey}, // split on the last "@" only
		{"job-123", "job-123", "", isKey},
		{"job-123@", "job-123@", "", isKey},
		{"job-123@acme", "job-123@acme", "", nil}, // no customers map: never split
	} {
		rest, customer := SplitImportCustomer(c.id, c.isKey)
		if rest != c.rest || customer != c.customer {
			t.Errorf("SplitImportCustomer(%q) = %q, %q; want %q, %q", c.id, rest, customer, c.rest, c.customer)
		}
	}
}
