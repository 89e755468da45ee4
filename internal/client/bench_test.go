package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/emulator"
)

// BenchmarkConfigurationsRead500 measures a Terraform refresh of 500 integration configurations
// with Terraform's default parallelism (10 concurrent callers, each reading its share one by one) against
// the emulator with 20 ms of added latency per API call, with request coalescing on and off, and with
// workers that pause 0–3 ms or 10–40 ms between reads. It reports the API calls made per 500 reads
// (calls/op) and the wall time (ns/op, and ms/op for reading ease). Figures are in internal/client/README.md.
//
//	go test -run '^$' -bench ConfigurationsRead500 -benchtime 3x ./internal/client/
func BenchmarkConfigurationsRead500(b *testing.B) {
	const (
		reads   = 500
		workers = 10
		latency = 20 * time.Millisecond
	)
	// Without coalescing every mode makes thousands of calls: more than LinkedIn's daily quota of
	// configuration calls, which the emulator enforces unless told not to.
	emu, srv := startEmulator(b, emulator.Options{NoQuotas: true})
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

	gaps := func(rng *rand.Rand) time.Duration { return time.Duration(rng.IntN(3000)) * time.Microsecond }
	spread := func(rng *rand.Rand) time.Duration {
		return 10*time.Millisecond + time.Duration(rng.IntN(30000))*time.Microsecond
	}
	for _, mode := range []struct {
		name   string
		window time.Duration // 0: coalescing off
		// pause, when set, is how long (pseudo-random, seeded) each worker pauses before each read, as
		// Terraform does between resources (state handling, plugin protocol, planning): with gaps of 0–3 ms
		// the callers no longer come back together; with a spread of 10–40 ms they come back as Terraform
		// brings them on a busy machine, over a span longer than the quiet period.
		pause func(*rand.Rand) time.Duration
	}{
		{"coalescing=on", DefaultBatchWindow, nil},
		{"coalescing=on,window=2ms", 2 * time.Millisecond, nil},
		{"coalescing=on,gaps", DefaultBatchWindow, gaps},
		{"coalescing=on,spread", DefaultBatchWindow, spread},
		{"coalescing=off", 0, nil},
		{"coalescing=off,gaps", 0, gaps},
		{"coalescing=off,spread", 0, spread},
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
							if mode.pause != nil {
								time.Sleep(mode.pause(rng))
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

// cannedTransport answers every API request with one prepared body, without a network or a server, so a
// benchmark measures only the client's own work: building the request, encoding the ids, logging, reading
// and matching the response.
type cannedTransport struct{ body []byte }

func (t cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Request: r,
		Header:        http.Header{"Content-Type": {"application/json"}, "X-Li-Uuid": {"AAYUg0JZ2n0AAAAAAAAAAA=="}},
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body))}, nil
}

// BenchmarkConfigurationsBatchGet is the client's CPU and memory per batch_get of integration
// configurations (10 keys, a round of Terraform's default parallelism, and 100, LinkedIn's maximum), with
// no logger in the context (plain unit tests), a provider logger turned off (what the provider runs with
// when no TF_LOG variable is set), and one at TRACE writing to io.Discard.
//
//	go test -run '^$' -bench ConfigurationsBatchGet -benchmem ./internal/client/
func BenchmarkConfigurationsBatchGet(b *testing.B) {
	for _, n := range []int{10, 100} {
		keys := make([]ConfigurationKey, n)
		results := map[string]any{}
		for i := range keys {
			keys[i] = ConfigurationKey{IntegrationKey: IntegrationKey{IntegrationContext: fmt.Sprintf("urn:li:organization:%d", 5000+i),
				IntegrationType: "ONE_CLICK_EXPORT", TenantType: "RECRUITER"}, ConfigurationName: "CALLBACK_URL"}
			results[configurationRestliKey(keys[i]).EncodeBodyKey()] = map[string]any{
				"configurationValue": map[string]any{"string": fmt.Sprintf("https://ats.example.com/linkedin/callback/%d", i)}}
		}
		body, _ := json.Marshal(map[string]any{"results": results, "statuses": map[string]any{}, "errors": map[string]any{}})
		for _, logs := range []string{"none", "off", "trace"} {
			b.Run(fmt.Sprintf("keys=%d,logs=%s", n, logs), func(b *testing.B) {
				ctx := context.Background()
				switch logs {
				case "off":
					b.Setenv("TF_LOG_PROVIDER_LINKEDIN", "OFF")
					ctx = tfsdklog.NewRootProviderLogger(ctx, tfsdklog.WithLevelFromEnv("TF_LOG_PROVIDER", "LINKEDIN"))
				case "trace":
					ctx = tflogtest.RootLogger(ctx, io.Discard)
				}
				c, err := New(Config{BaseURL: "https://api.linkedin.com", ClientID: "bench-client", ClientSecret: "bench-secret-value",
					HTTPClient: &http.Client{Transport: cannedTransport{body: body}}})
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(c.Close)
				c.tokens.mu.Lock()
				c.tokens.token, c.tokens.refresh, c.tokens.expires = "bench-access-token-value", time.Now().Add(time.Hour), time.Now().Add(time.Hour)
				c.tokens.mu.Unlock()
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					res, err := c.Configurations.BatchGet(ctx, keys)
					if err != nil || res[n-1].Err != nil {
						b.Fatal(err, res[n-1].Err)
					}
				}
			})
		}
	}
}
