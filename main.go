package main

import (
	"context"
	"flag"
	"log"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/provider"
)

// version is set by goreleaser at build time.
var version = "dev"

// profile starts a CPU profile and returns the function that ends it; a no-op unless the binary is built
// with -tags pprof (pprof.go), as bench/plan/run.sh does with PROFILE set.
var profile = func() (stop func()) { return func() {} }

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	if !debugMode {
		silenceUnreadLogs(os.Environ(), os.Setenv)
	}
	tuneGarbageCollector(os.Getenv, debug.SetGCPercent, debug.SetMemoryLimit)
	defer profile()()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/terraform-linkedin/linkedin",
		Debug:   debugMode,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}

// Log levels of the loggers terraform-plugin-go and terraform-plugin-framework create for every RPC: the SDK
// root logger (TF_LOG_SDK), its protocol and framework subsystems (TF_LOG_SDK_PROTO, TF_LOG_SDK_FRAMEWORK),
// and the provider's own logger (TF_LOG_PROVIDER_ followed by the provider type in capitals). Each defaults
// to TRACE when its variable is unset, and its lines go to the provider's stderr, which Terraform reads and
// parses line by line. See https://developer.hashicorp.com/terraform/plugin/log/managing.
var sdkLogLevelVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_LINKEDIN"}

// silenceUnreadLogs turns the SDK's and the provider's loggers off when no TF_LOG variable is set. Terraform
// shows or writes provider logs only when TF_LOG or TF_LOG_PROVIDER is set
// (https://developer.hashicorp.com/terraform/internals/debugging); otherwise it discards every line the
// provider writes, after having read and parsed it. Setting the documented level variables to OFF stops the
// SDKs from producing those lines at all. When any TF_LOG variable is set, nothing changes: the levels are
// exactly what they were. In -debug mode the provider's stderr is the user's terminal, so it is left alone.
func silenceUnreadLogs(environ []string, setenv func(string, string) error) {
	for _, kv := range environ {
		if name, value, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "TF_LOG") && value != "" {
			return
		}
	}
	for _, name := range sdkLogLevelVars {
		_ = setenv(name, "OFF")
	}
}

// Garbage collector settings of the provider process, unless GOGC or GOMEMLIMIT set them.
const (
	gcPercent   = 400       // collect when the heap has grown by 4x its live size (Go's default: 2x)
	memoryLimit = 256 << 20 // bytes: past this the collector runs as often as it must, whatever gcPercent says
)

// tuneGarbageCollector trades memory the provider barely uses for CPU time. A provider process lives for one
// Terraform command and its live heap is small (tens of MB), but every RPC allocates a lot: the plugin
// framework builds a new logging context for each attribute it validates or plans, whether or not logs are
// on. With Go's default the collector took about a fifth of the provider's CPU time in a no-op plan of 500
// resources; at 4x it takes a quarter less CPU in all (bench/plan/README.md) for about 30 MB more peak memory.
// The memory limit bounds what this costs: the heap of a large configuration (hundreds of customers in one
// provider) does not grow past 256 MiB because of it.
func tuneGarbageCollector(getenv func(string) string, setGCPercent func(int) int, setMemoryLimit func(int64) int64) {
	if getenv("GOGC") == "" {
		setGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		setMemoryLimit(memoryLimit)
	}
}
