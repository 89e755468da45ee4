package emulator

import (
	"net/http"
	"regexp"
	"strings"
)

// activeVersions is the one place that says which LinkedIn-Version values /rest accepts: the thirteen
// monthly versions 202503 through 202603, 202603 being the latest LinkedIn lists
// (https://learn.microsoft.com/en-us/linkedin/talent/versioning). YYYYMM.RR is accepted when YYYYMM is
// active. README's choices say how this differs from LinkedIn's own list.
var activeVersions = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range []string{"202503", "202504", "202505", "202506", "202507", "202508", "202509",
		"202510", "202511", "202512", "202601", "202602", "202603"} {
		m[v] = true
	}
	return m
}()

var versionPattern = regexp.MustCompile(`^(\d{6})(\.\d{2})?$`)

// checkVersion applies LinkedIn's version rule: no header → 400 VERSION_MISSING; inactive or malformed →
// 426 NONEXISTENT_VERSION.
func checkVersion(v string) *apiError {
	v = strings.TrimSpace(v)
	if v == "" {
		return errf(http.StatusBadRequest, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.")
	}
	m := versionPattern.FindStringSubmatch(v)
	if m == nil || !activeVersions[m[1]] {
		return errf(http.StatusUpgradeRequired, "NONEXISTENT_VERSION", "Requested version %s is not active", v)
	}
	return nil
}
