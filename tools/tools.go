//go:build tools

// Package tools pins the development tools (documentation generator, linter) so that `go run` of them is
// reproducible and needs nothing but the Go module proxy.
package tools

import (
	// Documentation generation.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	// Linting.
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
)
