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
