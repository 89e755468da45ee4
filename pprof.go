//go:build pprof

package main

import (
	"log"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
)

// With -tags pprof, LINKEDIN_PROVIDER_CPUPROFILE names a file that receives a CPU profile of the whole
// provider process (bench/plan/run.sh and bench/customers/run.sh PROFILE=dir); "{pid}" in it becomes the
// process id, as Terraform starts several provider processes in one run. Release builds do not contain this file.
func init() {
	profile = func() func() {
		path := strings.ReplaceAll(os.Getenv("LINKEDIN_PROVIDER_CPUPROFILE"), "{pid}", strconv.Itoa(os.Getpid()))
		if path == "" {
			return func() {}
		}
		f, err := os.Create(path)
		if err != nil {
			log.Printf("[WARN] CPU profile: %v", err)
			return func() {}
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Printf("[WARN] CPU profile: %v", err)
			_ = f.Close()
			return func() {}
		}
		return func() {
			pprof.StopCPUProfile()
			_ = f.Close()
		}
	}
}
