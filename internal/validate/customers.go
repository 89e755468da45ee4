package validate

import (
	"fmt"
	"strings"
)

// Customer keys name the entries of the provider's customers map and are what a resource's customer attribute
// and an import ID's "@customer" suffix refer to. They are the user's own keys (a tenant id, a slug), not
// LinkedIn's: LinkedIn never sees them.

// CustomerKey checks a key of the customers map (and a customer attribute): one line of text (not blank, no
// surrounding whitespace, no control characters) without "@", which separates the customer from the rest of
// an import ID.
func CustomerKey(s string) error {
	if err := Line(s); err != nil {
		return err
	}
	if strings.Contains(s, "@") {
		return fmt.Errorf("must not contain \"@\", got %q: \"@\" separates the customer from the rest of an import ID (job-123@acme); use another character", s)
	}
	return nil
}

// SplitImportCustomer takes an "@customer" suffix off an import ID, the convention of the AWS provider's
// per-resource region ("id@region"): the ID is split on its last "@" when isKey accepts what follows it.
// Otherwise, or when there is no "@", the ID is returned whole with customer "" (an external job posting id may
// itself contain "@").
func SplitImportCustomer(id string, isKey func(string) bool) (rest, customer string) {
	i := strings.LastIndex(id, "@")
	if i < 0 || isKey == nil || !isKey(id[i+1:]) {
		return id, ""
	}
	return id[:i], id[i+1:]
}
