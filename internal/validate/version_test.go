package validate

import (
	"strings"
	"testing"
	"time"
)

func TestAPIVersion(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		v, err, warning string
	}{
		{v: "202611"}, // the current month
		{v: "202603"},
		{v: "202603.01"},
		{v: "202511"}, // twelve months old: still fine
		{v: "202510", warning: `"202510" is 13 months old`},
		{v: "202301.05", warning: "46 months old"},
		{v: "202613", err: `month 13 does not exist`},
		{v: "202600", err: `month 00 does not exist`},
		{v: "202600.01", err: `must name a real month`},
		{v: "202612", err: `must not be in the future, got "202612" while the current month is 202611`},
		{v: "202701.01", err: "must not be in the future"},
		{v: "2026-03", err: "must be a LinkedIn API version YYYYMM or YYYYMM.RR, such as 202611"},
		{v: "202603.1", err: "YYYYMM or YYYYMM.RR"},
		{v: " 202603", err: "YYYYMM or YYYYMM.RR"},
		{v: "", err: "YYYYMM or YYYYMM.RR"},
	}
	for _, c := range cases {
		warning, err := APIVersion(c.v, now)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("APIVersion(%q): %v", c.v, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("APIVersion(%q) = %v, want an error containing %q", c.v, err, c.err)
		case c.warning == "" && warning != "":
			t.Errorf("APIVersion(%q): unexpected warning %q", c.v, warning)
		case c.warning != "" && !strings.Contains(warning, c.warning):
			t.Errorf("APIVersion(%q) warning = %q, want one containing %q", c.v, warning, c.warning)
		}
	}
	// The current month is taken in UTC: late on 30 November in UTC-10 it is already December in UTC.
	if _, err := APIVersion("202612", time.Date(2026, 11, 30, 20, 0, 0, 0, time.FixedZone("HST", -10*3600))); err != nil {
		t.Errorf("the UTC month was not used: %v", err)
	}
}
