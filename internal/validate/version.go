package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// APIVersionMaxAgeMonths is how old a LinkedIn-Version may be before the provider warns. LinkedIn supports
// each monthly version for a limited time only, then sunsets it and answers 426 NONEXISTENT_VERSION; the
// sunset dates are on LinkedIn's versioning page (https://learn.microsoft.com/en-us/linkedin/talent/versioning).
// A year is the shortest support LinkedIn has promised for its versioned APIs, so an older version deserves a
// look; it is a warning, not an error, since the version may still be active.
const APIVersionMaxAgeMonths = 12

var apiVersionPattern = regexp.MustCompile(`^([0-9]{4})([0-9]{2})(\.[0-9]{2})?$`)

// APIVersion checks a LinkedIn-Version value (YYYYMM or YYYYMM.RR) against the current time: the month must
// exist and must not be after the current UTC month (LinkedIn has not released it). A version more than
// APIVersionMaxAgeMonths months old is accepted with a warning, returned as a non-empty string.
func APIVersion(v string, now time.Time) (warning string, err error) {
	now = now.UTC()
	current := fmt.Sprintf("%04d%02d", now.Year(), int(now.Month()))
	m := apiVersionPattern.FindStringSubmatch(v)
	if m == nil {
		return "", fmt.Errorf("must be a LinkedIn API version YYYYMM or YYYYMM.RR, such as %s, got %q", current, v)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	if month < 1 || month > 12 {
		return "", fmt.Errorf("must name a real month (YYYYMM with MM from 01 to 12), got %q: month %s does not exist; use a version such as %s",
			v, m[2], current)
	}
	age := (now.Year()-year)*12 + int(now.Month()) - month
	if age < 0 {
		return "", fmt.Errorf("must not be in the future, got %q while the current month is %s (UTC): LinkedIn has not released that "+
			"version and answers 426 NONEXISTENT_VERSION; use %s or an earlier active version", v, current, current)
	}
	if age > APIVersionMaxAgeMonths {
		return fmt.Sprintf("%q is %d months old. LinkedIn supports each version for a limited time only, then sunsets it and "+
			"refuses every call with 426 NONEXISTENT_VERSION. Check the sunset date of %s on LinkedIn's versioning page "+
			"(https://learn.microsoft.com/en-us/linkedin/talent/versioning) and move to a version released in the last %d months.",
			v, age, m[1]+m[2], APIVersionMaxAgeMonths), nil
	}
	return "", nil
}
