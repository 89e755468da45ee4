package main

import (
	"maps"
	"testing"
)

func TestSilenceUnreadLogs(t *testing.T) {
	off := map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_LINKEDIN": "OFF"}
	for name, tc := range map[string]struct {
		environ []string
		want    map[string]string
	}{
		"no logging asked":         {[]string{"HOME=/root", "TF_IN_AUTOMATION=1", "TF_LOG="}, off},
		"TF_LOG":                   {[]string{"TF_LOG=TRACE"}, map[string]string{}},
		"TF_LOG_PROVIDER":          {[]string{"TF_LOG_PROVIDER=DEBUG"}, map[string]string{}},
		"TF_LOG_PROVIDER_LINKEDIN": {[]string{"TF_LOG_PROVIDER_LINKEDIN=TRACE"}, map[string]string{}},
		"TF_LOG_SDK_PROTO":         {[]string{"TF_LOG_SDK_PROTO=TRACE"}, map[string]string{}},
		"TF_LOG_PATH":              {[]string{"TF_LOG_PATH=/tmp/tf.log"}, map[string]string{}},
		"a lookalike":              {[]string{"XTF_LOG=TRACE"}, off},
	} {
		t.Run(name, func(t *testing.T) {
			got := map[string]string{}
			silenceUnreadLogs(tc.environ, func(k, v string) error { got[k] = v; return nil })
			if !maps.Equal(got, tc.want) {
				t.Errorf("set %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTuneGarbageCollector(t *testing.T) {
	for _, tc := range []struct {
		name             string
		env              map[string]string
		percent, limit   int64
		setsPct, setsLim bool
	}{
		{"defaults", nil, gcPercent, memoryLimit, true, true},
		{"GOGC set by the user", map[string]string{"GOGC": "100"}, 0, memoryLimit, false, true},
		{"GOMEMLIMIT set by the user", map[string]string{"GOMEMLIMIT": "1GiB"}, gcPercent, 0, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var pct, lim int64
			setPct, setLim := false, false
			tuneGarbageCollector(func(k string) string { return tc.env[k] },
				func(p int) int { pct, setPct = int64(p), true; return 100 },
				func(l int64) int64 { lim, setLim = l, true; return 0 })
			if setPct != tc.setsPct || setLim != tc.setsLim || pct != tc.percent || lim != tc.limit {
				t.Fatalf("set percent %v (%d), limit %v (%d); want %v (%d), %v (%d)", setPct, pct, setLim, lim, tc.setsPct, tc.percent, tc.setsLim, tc.limit)
			}
		})
	}
}
