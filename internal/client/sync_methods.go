package client

import (
	"context"
	"encoding/json"
)

// The typed calls of SyncService (sync.go): upsert, read and delete for each of the three resources. Each
// returns one outcome per record, in input order (a per-record *Error, e.g. a 422 naming the field, or nil),
// and the first error of a whole call.

// UpsertCandidates creates or replaces candidates (batch_update). Send every field the ATS has: a field
// left out becomes null at LinkedIn.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates
func (s *SyncService) UpsertCandidates(ctx context.Context, candidates []Candidate) ([]error, error) {
	targets := make([]syncTarget, len(candidates))
	bodies := make([]any, len(candidates))
	for i, cand := range candidates {
		targets[i], bodies[i] = s.candidateTarget(cand.Key), s.candidateEntity(cand)
	}
	return s.syncWrite(ctx, s.candidates, targets, bodies)
}

// GetCandidates reads candidates (batch_get), with LinkedIn's member match in MatchedMember; a candidate
// never synced is a per-record 404 (IsEntityNotFound).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates
func (s *SyncService) GetCandidates(ctx context.Context, keys []CandidateKey) ([]Result[Candidate], error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.candidateTarget(k)
	}
	return syncGet(ctx, s, s.candidates, targets, func(i int, raw json.RawMessage) (*Candidate, error) {
		cand, err := s.decodeCandidate(raw)
		if cand != nil {
			cand.Key = keys[i]
		}
		return cand, err
	})
}

// DeleteCandidates deletes candidates (batch_delete).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-candidates
func (s *SyncService) DeleteCandidates(ctx context.Context, keys []CandidateKey) ([]error, error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.candidateTarget(k)
	}
	return s.syncWrite(ctx, s.candidates, targets, nil)
}

// UpsertApplications creates or replaces job applications (batch_update); a field left out becomes null.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-applications
func (s *SyncService) UpsertApplications(ctx context.Context, apps []Application) ([]error, error) {
	targets := make([]syncTarget, len(apps))
	bodies := make([]any, len(apps))
	for i, a := range apps {
		targets[i], bodies[i] = s.applicationTarget(a.Key), a
	}
	return s.syncWrite(ctx, s.applications, targets, bodies)
}

// GetApplications reads job applications (batch_get).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-applications
func (s *SyncService) GetApplications(ctx context.Context, keys []ApplicationKey) ([]Result[Application], error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.applicationTarget(k)
	}
	return syncGet(ctx, s, s.applications, targets, func(i int, raw json.RawMessage) (*Application, error) {
		a, err := decodeAs[Application](raw)
		if a != nil {
			a.Key = keys[i]
		}
		return a, err
	})
}

// DeleteApplications deletes job applications (batch_delete).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-applications
func (s *SyncService) DeleteApplications(ctx context.Context, keys []ApplicationKey) ([]error, error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.applicationTarget(k)
	}
	return s.syncWrite(ctx, s.applications, targets, nil)
}

// UpsertStages creates or replaces application stages (batch_update). Sync the application first: LinkedIn
// audits stages of applications it never received.
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-application-stages
func (s *SyncService) UpsertStages(ctx context.Context, stages []ApplicationStage) ([]error, error) {
	targets := make([]syncTarget, len(stages))
	bodies := make([]any, len(stages))
	for i, st := range stages {
		targets[i], bodies[i] = s.stageTarget(st.Key), st
	}
	return s.syncWrite(ctx, s.stages, targets, bodies)
}

// GetStages reads application stages (batch_get).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-application-stages
func (s *SyncService) GetStages(ctx context.Context, keys []StageKey) ([]Result[ApplicationStage], error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.stageTarget(k)
	}
	return syncGet(ctx, s, s.stages, targets, func(i int, raw json.RawMessage) (*ApplicationStage, error) {
		st, err := decodeAs[ApplicationStage](raw)
		if st != nil {
			st.Key = keys[i]
		}
		return st, err
	})
}

// DeleteStages deletes application stages (batch_delete).
//
// LinkedIn API docs: https://learn.microsoft.com/en-us/linkedin/talent/middleware-platform/sync-application-stages
func (s *SyncService) DeleteStages(ctx context.Context, keys []StageKey) ([]error, error) {
	targets := make([]syncTarget, len(keys))
	for i, k := range keys {
		targets[i] = s.stageTarget(k)
	}
	return s.syncWrite(ctx, s.stages, targets, nil)
}
