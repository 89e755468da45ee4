package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFileVersion guards against loading a file written by an incompatible emulator.
const stateFileVersion = 1

type stateFile struct {
	Version int    `json:"version"`
	State   *state `json:"state"`
}

// loadState reads a state file; a missing file is not an error (nil state).
func loadState(path string) (*state, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("emulator: reading state: %w", err)
	}
	var f stateFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("emulator: state file %s is corrupt: %w", path, err)
	}
	if f.Version != stateFileVersion || f.State == nil {
		return nil, fmt.Errorf("emulator: state file %s has unsupported version %d", path, f.Version)
	}
	f.State.fillMaps()
	return f.State, nil
}

// fillMaps makes a loaded state usable when the file omitted empty maps.
func (st *state) fillMaps() {
	if st.Apps == nil {
		st.Apps = map[string]*application{}
	}
	if st.Tokens == nil {
		st.Tokens = map[string]*token{}
	}
	if st.Integrations == nil {
		st.Integrations = map[string]*integration{}
	}
	if st.Configs == nil {
		st.Configs = map[string]*configuration{}
	}
	if st.Jobs == nil {
		st.Jobs = map[string]*job{}
	}
	if st.Tasks == nil {
		st.Tasks = map[string]*task{}
	}
	if st.Webhooks == nil {
		st.Webhooks = map[string]*webhookReg{}
	}
	if st.Quotas == nil {
		st.Quotas = map[string]int{}
	}
	if st.SyncRecords == nil {
		st.SyncRecords = map[string]*syncRecord{}
	}
	if st.Members == nil {
		st.Members = map[string]string{}
	}
	if st.Audit == nil {
		st.Audit = map[string]*AuditFinding{}
	}
	if st.Applications == nil {
		st.Applications = map[string]*jobApplication{}
	}
}

// persistLocked writes the state atomically: a temporary file in the same directory, fsync, rename over
// the target, fsync of the directory. A kill -9 at any point leaves either the old or the new file, so at
// most the request in flight is lost. Callers hold e.mu, which also orders the writes.
func (e *Emulator) persistLocked() error {
	if e.opts.StateFile == "" {
		return nil
	}
	b, err := json.Marshal(stateFile{Version: stateFileVersion, State: e.st})
	if err != nil {
		return fmt.Errorf("emulator: encoding state: %w", err)
	}
	return writeFileAtomic(e.opts.StateFile, b)
}

// writeFileAtomic replaces path with data so that a reader (or a crash) sees the old file or the new one,
// never a mix: the temporary file lives in the same directory so that the rename stays on one file system.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		_ = f.Close()
		_ = os.Remove(tmp)
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		// Without the directory fsync the rename itself may not survive a crash.
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
