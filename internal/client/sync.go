package client

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/client/restli"
)

// SyncService syncs Recruiter System Connect's candidates, applications and application stages
// (/v2/atsCandidates, /v2/atsApplications, /v2/atsApplications/{key}/stages or /rest/candidates,
// /rest/atsApplications, /rest/applicationStage). They are personal data and a continuous flow, so they are
// not Terraform resources: a partner's sync code calls these methods.
//
// LinkedIn asks for calls of at most 100 records "in sequential order" and allows 10,000 records a minute
// per resource: every method splits its records into calls of at most 100 (fewer when the per-minute limit is
// lower), sends a resource's calls one after another even when several goroutines call at once, and waits
// before a call that would exceed the per-minute limit. Results are per record, in input order.
// batch_update is an upsert, so every method is idempotent and retried like the other batch calls.
type SyncService struct {
	c                                *Client
	candidates, applications, stages *syncLane
}

// syncLane is one resource's queue: one call at a time, records paced.
type syncLane struct {
	turn  chan struct{} // a one-slot semaphore; a channel so that waiting honours the context
	pacer *recordPacer
}

func newSyncService(c *Client) *SyncService {
	lane := func() *syncLane {
		return &syncLane{turn: make(chan struct{}, 1), pacer: &recordPacer{limit: c.cfg.SyncRecordsPerMinute, window: time.Minute, sleep: c.sleepFor}}
	}
	return &SyncService{c: c, candidates: lane(), applications: lane(), stages: lane()}
}

// sleepFor waits d through the client's sleep (tests observe it).
func (c *Client) sleepFor(ctx context.Context, d time.Duration) error { return c.sleep(ctx, d) }

// recordPacer keeps the records sent in any window under limit: a call that would exceed it waits until
// enough earlier records have left the window. A sliding window under the limit is under it in every
// calendar minute too, however LinkedIn counts.
type recordPacer struct {
	mu     sync.Mutex
	limit  int // records per window; 0 or less: no pacing
	window time.Duration
	sent   []pacedCall
	sleep  func(ctx context.Context, d time.Duration) error
}

type pacedCall struct {
	at time.Time
	n  int
}

// wait returns when n more records fit in the window (and counts them as sent), or with the context's error.
func (p *recordPacer) wait(ctx context.Context, n int) error {
	if p.limit <= 0 {
		return nil
	}
	for {
		p.mu.Lock()
		now := time.Now()
		total := 0
		kept := p.sent[:0]
		for _, s := range p.sent {
			if now.Sub(s.at) < p.window {
				kept = append(kept, s)
				total += s.n
			}
		}
		p.sent = kept
		if total+n <= p.limit || len(p.sent) == 0 {
			p.sent = append(p.sent, pacedCall{at: now, n: n})
			p.mu.Unlock()
			return nil
		}
		d := p.sent[0].at.Add(p.window).Sub(now)
		p.mu.Unlock()
		if err := p.sleep(ctx, d); err != nil {
			return err
		}
	}
}

// chunk is the most records one call may carry: 100, or the per-minute limit when it is lower.
func (p *recordPacer) chunk() int {
	if p.limit > 0 && p.limit < maxBatch {
		return p.limit
	}
	return maxBatch
}

// syncTarget is where one record goes: the call's path and ids spelling, and the record's key there.
type syncTarget struct {
	path string
	ids  func(enc []string) string
	key  restli.Key
}

// send runs one batch method over records: grouped by path (legacy stages live under their application) in
// order of first appearance, calls of at most lane.pacer.chunk() records, one call of the resource at a time,
// paced. bodies (nil for batch_get and batch_delete) holds each record's entity.
func (s *SyncService) send(ctx context.Context, lane *syncLane, method, rl string, targets []syncTarget, bodies []any) ([]entry, error) {
	select {
	case lane.turn <- struct{}{}:
		defer func() { <-lane.turn }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return runGrouped(targets, func(t syncTarget) string { return t.path }, func(path string, idx []int) ([]entry, error) {
		keys := make([]restli.Key, len(idx))
		bodyOf := map[string]any{}
		for j, i := range idx {
			keys[j] = targets[i].key
			if bodies != nil {
				bodyOf[keys[j].Encode()] = bodies[i] // a repeated key: the last record wins
			}
		}
		bc := batchCall{method: method, restli: rl, path: path, ids: targets[idx[0]].ids, idempotent: true,
			chunk: lane.pacer.chunk(), before: lane.pacer.wait}
		if bodies != nil {
			bc.body = func(_ []restli.Key, enc []string) any {
				entities := make(map[string]any, len(enc))
				for _, e := range enc {
					entities[e] = bodyOf[e] // exactly the strings of ids=
				}
				return map[string]any{"entities": entities}
			}
		}
		return bc.run(ctx, s.c, keys)
	})
}

// legacy reports whether the client speaks the /v2 family.
func (s *SyncService) legacy() bool { return s.c.family() == APIFamilyV2 }

func (s *SyncService) candidateTarget(k CandidateKey) syncTarget {
	if s.legacy() {
		return syncTarget{path: "/v2/atsCandidates", ids: idsList, key: restli.CompoundKey(map[string]string{
			"atsCandidateId": k.CandidateID, "dataProvider": "ATS", "integrationContext": k.IntegrationContext})}
	}
	return syncTarget{path: "/rest/candidates", ids: idsList, key: restli.CompoundKey(map[string]string{
		"externalCandidateId": k.CandidateID, "integrationContext": k.IntegrationContext})}
}

// legacyApplicationKey is the key of a /v2 application, also the path key of its stages.
func legacyApplicationKey(k ApplicationKey) restli.Key {
	return restli.CompoundKey(map[string]string{"atsJobApplicationId": k.ApplicationID, "dataProvider": "ATS", "integrationContext": k.IntegrationContext})
}

func (s *SyncService) applicationTarget(k ApplicationKey) syncTarget {
	if s.legacy() {
		return syncTarget{path: "/v2/atsApplications", ids: idsList, key: legacyApplicationKey(k)}
	}
	return syncTarget{path: "/rest/atsApplications", ids: idsList, key: restli.CompoundKey(map[string]string{
		"atsJobApplicationId": k.ApplicationID, "integrationContext": k.IntegrationContext})}
}

// stageTarget: legacy stages live under their application, whose key is in the path in the protocol 1.0
// form of LinkedIn's sample (atsJobApplicationId=…&dataProvider=ATS&integrationContext=…), with the stage ids
// repeated (ids=S1&ids=S2).
func (s *SyncService) stageTarget(k StageKey) syncTarget {
	if s.legacy() {
		return syncTarget{path: "/v2/atsApplications/" + legacyApplicationKey(k.Application).EncodeV1() + "/stages",
			ids: idsRepeated, key: restli.SimpleKey(k.StageID)}
	}
	return syncTarget{path: "/rest/applicationStage", ids: idsList, key: restli.CompoundKey(map[string]string{
		"integrationContext": k.Application.IntegrationContext, "jobApplicationId": k.Application.ApplicationID,
		"jobApplicationStageId": k.StageID})}
}

// restCandidateNames are the versioned family's names of two candidate fields.
var restCandidateNames = map[string]string{"atsCreatedAt": "externalCreatedAt", "atsLastModifiedAt": "externalLastModifiedAt"}

// candidateEntity is a candidate as sent: the family's names, without the read-only matchedMember.
func (s *SyncService) candidateEntity(cand Candidate) any {
	var m map[string]json.RawMessage
	_ = json.Unmarshal(mustJSON(cand), &m)
	delete(m, "matchedMember")
	if !s.legacy() {
		for v2, rest := range restCandidateNames {
			if v, ok := m[v2]; ok {
				m[rest] = v
				delete(m, v2)
			}
		}
	}
	return m
}

// decodeCandidate reads a candidate in the family's names.
func (s *SyncService) decodeCandidate(raw json.RawMessage) (*Candidate, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	if !s.legacy() {
		for v2, rest := range restCandidateNames {
			if v, ok := m[rest]; ok {
				m[v2] = v
				delete(m, rest)
			}
		}
	}
	var cand Candidate
	if err := json.Unmarshal(mustJSON(m), &cand); err != nil {
		return nil, err
	}
	return &cand, nil
}

// decodeAs reads an entity into a new T.
func decodeAs[T any](raw json.RawMessage) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, err
	}
	return v, nil
}

// keyNamer names each target's key for errors.
func keyNamer(targets []syncTarget) func(i int) string {
	return func(i int) string { return targets[i].key.String() }
}

// syncGet is the batch_get shared by the three resources.
func syncGet[T any](ctx context.Context, s *SyncService, lane *syncLane, targets []syncTarget, decode func(i int, raw json.RawMessage) (*T, error)) ([]Result[T], error) {
	entries, err := s.send(ctx, lane, http.MethodGet, "batch_get", targets, nil)
	if entries == nil {
		entries = failAll(len(targets), err)
	}
	return batchResults(entries, keyNamer(targets), decode), err
}

// syncWrite is the batch_update (bodies set) or batch_delete shared by the three resources.
func (s *SyncService) syncWrite(ctx context.Context, lane *syncLane, targets []syncTarget, bodies []any) ([]error, error) {
	method, rl := http.MethodPut, "batch_update"
	if bodies == nil {
		method, rl = http.MethodDelete, "batch_delete"
	}
	entries, err := s.send(ctx, lane, method, rl, targets, bodies)
	if entries == nil {
		entries = failAll(len(targets), err)
	}
	return entryErrors(entries), err
}

// failAll is one entry per record carrying err, for a call that never started.
func failAll(n int, err error) []entry {
	out := make([]entry, n)
	for i := range out {
		out[i].err = err
	}
	return out
}
