package provider

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimes(t *testing.T) {
	ms, err := epochMillisFromTimestamp("2026-11-01T10:00:00+01:00")
	if err != nil || ms != time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).UnixMilli() {
		t.Fatalf("epochMillisFromTimestamp = %d, %v", ms, err)
	}
	if got := timestampFromEpochMillis(ms); got != "2026-11-01T09:00:00Z" {
		t.Errorf("timestampFromEpochMillis = %s", got)
	}
	if got := timestampFromEpochMillis(ms + 5); got != "2026-11-01T09:00:00.005Z" {
		t.Errorf("timestampFromEpochMillis = %s", got)
	}
	cur := types.StringValue("2026-11-01T10:00:00+01:00")
	if got := timestampFromAPI(cur, ms); !got.Equal(cur) {
		t.Errorf("timestampFromAPI replaced an equal instant: %s", got)
	}
	if got := timestampFromAPI(cur, ms+1000); got.ValueString() != "2026-11-01T09:00:01Z" {
		t.Errorf("timestampFromAPI kept a different instant: %s", got)
	}
}
