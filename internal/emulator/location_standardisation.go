package emulator

import (
	"strings"
	"unicode"
)

// Location standardisation. LinkedIn geocodes a job's location asynchronously and fails the task with
// JOB_FIELD_PROCESSOR_GEO_LOCATION when it cannot. The emulator has no gazetteer, so it decides with a
// deterministic rule (README, choices): a location is standardised unless
//   - a token is not name-like (letters, spaces and . ' - only; the city must contain a letter), or
//   - a two-letter region token is neither a US state, a Canadian province nor an ISO 3166 country code, or
//   - the country of "City, State, Country", "PostalCode, CountryCode" or a remote "Country" is not an ISO
//     code or a known country name, or the postal code is not 2-10 letters, digits, spaces or dashes.
// A location in a sanctioned country (Cuba, Iran, North Korea, Syria, Crimea) is BLOCKED_COUNTRY.

const isoCountries = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
	"BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM " +
	"FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE " +
	"JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP " +
	"MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
	"RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR " +
	"TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

const regionCodes = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND " +
	"OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR AB BC MB NB NL NS NT NU ON PE QC SK YT"

var countryNames = []string{"united states", "united states of america", "usa", "united kingdom", "uk", "great britain",
	"england", "scotland", "wales", "ireland", "canada", "mexico", "brazil", "argentina", "chile", "colombia", "peru",
	"germany", "france", "spain", "portugal", "italy", "netherlands", "belgium", "luxembourg", "switzerland", "austria",
	"sweden", "norway", "denmark", "finland", "iceland", "poland", "czech republic", "czechia", "slovakia", "hungary",
	"romania", "bulgaria", "greece", "turkey", "ukraine", "estonia", "latvia", "lithuania", "croatia", "serbia",
	"slovenia", "india", "china", "japan", "south korea", "korea", "singapore", "malaysia", "indonesia", "philippines",
	"vietnam", "thailand", "australia", "new zealand", "south africa", "nigeria", "kenya", "egypt", "morocco",
	"israel", "united arab emirates", "uae", "saudi arabia", "qatar", "pakistan", "bangladesh", "sri lanka",
	"hong kong", "taiwan", "russia", "cuba", "iran", "north korea", "syria", "crimea"}

var sanctioned = map[string]bool{"CU": true, "IR": true, "KP": true, "SY": true,
	"cuba": true, "iran": true, "north korea": true, "syria": true, "crimea": true}

func fieldSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

var (
	isoSet    = fieldSet(isoCountries)
	regionSet = fieldSet(regionCodes)
	nameSet   = func() map[string]bool {
		m := map[string]bool{}
		for _, n := range countryNames {
			m[n] = true
		}
		return m
	}()
)

// splitLocation splits "A, B[, C]" (whitespace after commas optional); ok is false when the shape is wrong,
// which the synchronous field check refuses before any task exists.
func splitLocation(s string, remote bool) ([]string, bool) {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" {
			return nil, false
		}
	}
	switch {
	case len(parts) == 1:
		return parts, remote
	case len(parts) <= 3:
		return parts, true
	}
	return nil, false
}

func nameLike(s string, needLetter bool) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case r == ' ' || r == '.' || r == '\'' || r == '-' || r == '’':
		default:
			return false
		}
	}
	return letter || !needLetter
}

func isCountry(s string) bool {
	return isoSet[strings.ToUpper(s)] && len(s) == 2 || nameSet[strings.ToLower(s)]
}

func isSanctioned(s string) bool {
	return sanctioned[strings.ToUpper(s)] && len(s) == 2 || sanctioned[strings.ToLower(s)]
}

func postalLike(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == ' ', r == '-':
		default:
			return false
		}
	}
	return digit
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// geoResult is the outcome of standardising one location.
type geoResult int

const (
	geoOK geoResult = iota
	geoInvalid
	geoBlocked
)

// standardize returns the standardised form of a location already split by splitLocation.
func standardize(parts []string) (string, geoResult) {
	for _, p := range parts {
		if isSanctioned(p) {
			return "", geoBlocked
		}
	}
	std := make([]string, len(parts))
	copy(std, parts)
	switch len(parts) {
	case 1:
		if !isCountry(parts[0]) {
			return "", geoInvalid
		}
	case 2, 3:
		a, b := parts[0], parts[1]
		if len(parts) == 2 && hasDigit(a) { // PostalCode, CountryCode
			if !postalLike(a) || len(b) != 2 || !isoSet[strings.ToUpper(b)] {
				return "", geoInvalid
			}
			std[1] = strings.ToUpper(b)
			break
		}
		// City, Region or City, Country; City, Region, Country.
		if !nameLike(a, true) || !nameLike(b, true) {
			return "", geoInvalid
		}
		if len(b) == 2 {
			u, ok := regionCode(b)
			if !ok {
				return "", geoInvalid
			}
			std[1] = u
		}
		if len(parts) == 3 {
			c := parts[2]
			if !isCountry(c) {
				return "", geoInvalid
			}
			if len(c) == 2 {
				std[2] = strings.ToUpper(c)
			}
		}
	}
	return strings.Join(std, ", "), geoOK
}

// regionCode reads a two-letter region: a US state, a Canadian province or an ISO 3166 country code.
func regionCode(b string) (string, bool) {
	u := strings.ToUpper(b)
	return u, regionSet[u] || isoSet[u]
}
