package client

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// BenchmarkConfigurationsRead500 measures a Terraform refresh of 500 integration configurations
// with Terraform's default parallelism (10 concurrent callers, each reading its share one by one) against
// the emulator with 20 ms of added latency per API call, with request coalescing on and off, and with
// workers that pause 0–3 ms between reads. It reports the API calls made per 500 reads (calls/op) and the
// wall time (ns/op, and ms/op for reading ease). Figures are in internal/client/README.md.
//
//	go test -run '^$' -bench ConfigurationsRead500 -benchtime 3x ./internal/client/
func BenchmarkConfigurationsRead500(b *testing.B) {
	const (
		reads   = 500
		workers = 10
		latency = 20 * time.Millisecond
	)
	emu, srv := startEmulator(b, emulator.Options{})
	keys := make([]ConfigurationKey, reads)
	for i := range keys {
		org := fmt.Sprintf("urn:li:organization:%d", 5000+i)
		if err := emu.SetIntegration(emulator.IntegrationState{Application: emulator.ChildApplication, IntegrationContext: org,
			IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER", Status: IntegrationStatusEnabled}); err != nil {
			b.Fatal(err)
		}
		emu.SetConfiguration(emulator.ChildApplication, org, "ONE_CLICK_EXPORT", "RECRUITER", "CALLBACK_URL", fmt.Sprintf("https://cb.example/%d", i))
		keys[i] = ConfigurationKey{IntegrationKey: IntegrationKey{IntegrationContext: org, IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"},
			ConfigurationName: "CALLBACK_URL"}
	}
	emu.SetFaults(emulator.Faults{Latency: latency})

	for _, mode := range []struct {
		name   string
		window time.Duration // 0: coalescing off
		// gaps makes each worker pause 0–3 ms (pseudo-random, seeded) before each read, as Terraform does
		// between resources (state handling, plugin protocol): the callers no longer come back together.
		gaps bool
	}{
		{"coalescing=on", DefaultBatchWindow, false},
		{"coalescing=on,window=2ms", 2 * time.Millisecond, false},
		{"coalescing=on,gaps", DefaultBatchWindow, true},
		{"coalescing=off", 0, false},
		{"coalescing=off,gaps", 0, true},
	} {
		b.Run(mode.name, func(b *testing.B) {
			c := emulatorClient(b, srv.URL, emulator.ChildClientID, emulator.ChildClientSecret, func(cfg *Config) {
				cfg.DisableCoalescing, cfg.BatchWindow = mode.window == 0, mode.window
			})
			ctx := context.Background()
			// Fetch the token outside the measurement.
			if _, err := c.tokens.get(ctx); err != nil {
				b.Fatal(err)
			}
			before := emu.TotalRequests()
			b.ResetTimer()
			start := time.Now()
			for n := 0; n < b.N; n++ {
				var wg sync.WaitGroup
				next := make(chan int)
				for w := 0; w < workers; w++ {
					wg.Add(1)
					rng := rand.New(rand.NewPCG(uint64(w), uint64(n)))
					go func() {
						defer wg.Done()
						for i := range next {
							if mode.gaps {
								time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
							}
							v, err := c.Configurations.Get(ctx, keys[i])
							if err != nil || v.Value != fmt.Sprintf("https://cb.example/%d", i) {
								b.Errorf("read %d: %+v %v", i, v, err)
							}
						}
					}()
				}
				for i := range keys {
					next <- i
				}
				close(next)
				wg.Wait()
			}
			b.StopTimer()
			b.ReportMetric(float64(emu.TotalRequests()-before)/float64(b.N), "calls/op")
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/op")
		})
	}
}
