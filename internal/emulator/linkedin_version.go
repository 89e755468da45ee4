package emulator

import (
	"net/http"
	"regexp"
	"strings"
)

// activeVersions is the one place that says which LinkedIn-Version values /rest accepts ([choice]): the
// thirteen monthly versions 202503 through 202603 (the seed names 202603 as the latest; LinkedIn keeps
// each version at least a year). YYYYMM.RR is accepted when YYYYMM is active.
var activeVersions = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range []string{"202503", "202504", "202505", "202506", "202507", "202508", "202509",
		"202510", "202511", "202512", "202601", "202602", "202603"} {
		m[v] = true
	}
	return m
}()

var versionPattern = regexp.MustCompile(`^(\d{6})(\.\d{2})?$`)

// checkVersion applies spec §7: no header → 400 VERSION_MISSING; inactive or malformed → 426.
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
