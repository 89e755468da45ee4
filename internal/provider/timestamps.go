package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Timestamps are RFC 3339 strings in Terraform and epoch milliseconds (UTC) at LinkedIn.

// parseTimestamp parses an RFC 3339 timestamp.
func parseTimestamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 timestamp such as 2026-11-01T09:00:00Z", s)
	}
	return t, nil
}

// epochMillisFromTimestamp converts an RFC 3339 timestamp to LinkedIn's epoch milliseconds.
func epochMillisFromTimestamp(s string) (int64, error) {
	t, err := parseTimestamp(s)
	if err != nil {
		return 0, err
	}
	return t.UnixMilli(), nil
}

// timestampFromEpochMillis writes epoch milliseconds as RFC 3339 UTC (with milliseconds only when there are some).
func timestampFromEpochMillis(ms int64) string {
	t := time.UnixMilli(ms).UTC()
	if t.Nanosecond() != 0 {
		return t.Format(time.RFC3339Nano)
	}
	return t.Format(time.RFC3339)
}

// timestampFromAPI keeps the timestamp as written in the state when it denotes the same instant as LinkedIn's
// epoch milliseconds, so that "2026-11-01T10:00:00+01:00" in a configuration does not diff against
// "2026-11-01T09:00:00Z" read back.
func timestampFromAPI(current types.String, ms int64) types.String {
	if ms == 0 {
		return current
	}
	if known(current) {
		if cur, err := epochMillisFromTimestamp(current.ValueString()); err == nil && cur == ms {
			return current
		}
	}
	return types.StringValue(timestampFromEpochMillis(ms))
}

// epochMillisString renders LinkedIn's epoch milliseconds as RFC 3339 (null when LinkedIn sent none).
func epochMillisString(ms int64) types.String {
	if ms == 0 {
		return types.StringNull()
	}
	return types.StringValue(time.UnixMilli(ms).UTC().Format(time.RFC3339))
}
