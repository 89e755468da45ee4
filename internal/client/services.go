package client

// The client's typed surface is one service per LinkedIn resource, in the manner of go-github:
// applications.go, integrations.go, configurations.go and jobpostings.go. Each method's doc comment ends
// with the LinkedIn page it calls ("LinkedIn API docs: …").
// Single-key calls marked "coalesced" join concurrent callers on the same collection into one batch call
// (see Config.BatchWindow and coalesce.go); each caller still gets its own value or its own error.
//
// Errors: every error from the API is an *Error (errors.As), with predicates: IsEntityNotFound, IsWrongAddress, IsUnauthorized, IsConflict, ....
