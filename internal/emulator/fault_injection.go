package emulator

import (
	"math/rand"
	"net/http"
	"time"
)

func (e *Emulator) setFaults(f Faults) {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	e.faults = f
	seed := f.Seed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	e.rng = rand.New(rand.NewSource(seed))
}

func (e *Emulator) currentFaults() Faults {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	return e.faults
}

// rollFaults decides the fate of one request: dropped (before or after it applies) or answered with an
// error status. With a fixed seed the sequence of decisions is reproducible for a given request order.
func (e *Emulator) rollFaults(f Faults) (drop, dropAfter bool, status int) {
	if f.ErrorRate <= 0 && f.DropRate <= 0 {
		return false, false, 0
	}
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	if f.DropRate > 0 && e.rng.Float64() < f.DropRate {
		return true, f.DropAfterApply, 0
	}
	if f.ErrorRate > 0 && e.rng.Float64() < f.ErrorRate {
		return false, false, []int{http.StatusInternalServerError, http.StatusServiceUnavailable, http.StatusTooManyRequests}[e.rng.Intn(3)]
	}
	return false, false, 0
}

func writeFault(w http.ResponseWriter, status int, retryAfter bool) {
	var a *apiError
	switch status {
	case http.StatusTooManyRequests:
		a = errf(status, "", "Resource level throttle limit for calls to this resource is reached.").withService(101)
	case http.StatusServiceUnavailable:
		a = errf(status, "", "Service Unavailable")
	default:
		a = errf(status, "", "Internal Server Error")
	}
	if retryAfter && status != http.StatusInternalServerError {
		w.Header().Set("Retry-After", "1")
	}
	writeError(w, a)
}
