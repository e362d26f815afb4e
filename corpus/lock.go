package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
)

// InUseError is returned by Open when another process holds the data
// directory.
type InUseError struct {
	Dir string
	PID int // 0 when the holder's pid could not be read
}

func (e *InUseError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("data dir %s is in use by another jobgap (pid %d)", e.Dir, e.PID)
	}
	return fmt.Sprintf("data dir %s is in use by another jobgap", e.Dir)
}

type dirLock struct {
	fl *flock.Flock
}

// lockDir takes an exclusive, non-blocking lock on dir/LOCK and writes
// this process's pid into it. It never waits: a held lock is an
// *InUseError at once.
func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, "LOCK")
	fl := flock.New(path)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		e := &InUseError{Dir: dir}
		if b, err := os.ReadFile(path); err == nil {
			e.PID, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		return nil, e
	}
	// The pid is for the message above; the lock itself is the flock.
	if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &dirLock{fl: fl}, nil
}

func (l *dirLock) unlock() {
	_ = l.fl.Unlock()
}
