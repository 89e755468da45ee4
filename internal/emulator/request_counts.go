package emulator

import "sort"

type countKey struct{ method, path, restli string }

// count records one API request (answered or not: faults and drops count too).
func (e *Emulator) count(method, path, restli string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.counts[countKey{method, path, restli}]++
}

func (e *Emulator) requestCountsLocked() []RequestCount {
	out := make([]RequestCount, 0, len(e.counts))
	for k, n := range e.counts {
		out = append(out, RequestCount{Method: k.method, Path: k.path, RestliMethod: k.restli, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Method != b.Method {
			return a.Method < b.Method
		}
		return a.RestliMethod < b.RestliMethod
	})
	return out
}
