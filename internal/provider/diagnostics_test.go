package provider

import (
	"errors"
	"strings"
	"testing"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client"
)

func TestDescribeAPIError(t *testing.T) {
	if d := describeAPIError(&client.Error{HTTPStatus: 403, Message: "Not enough permissions"}); !strings.Contains(d, "child application") {
		t.Errorf("403: %s", d)
	}
	if !client.IsConfigurationNotDeletable(&client.Error{HTTPStatus: 400, Code: "CONFIGURATION_NOT_DELETABLE"}) || client.IsConfigurationNotDeletable(errors.New("x")) {
		t.Error("IsConfigurationNotDeletable")
	}
}
