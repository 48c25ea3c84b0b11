package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Dir is a folder written whole and then put in the place of another, as
// Batch does for files: an archive's year. Its temporary folder beside the
// target names the process, so a second run writing the same folder is
// refused (*BusyError) and a crashed run's folder is removed; an interrupt
// removes it (ExitOnInterrupt).
type Dir struct {
	path, tmp string
}

// BeginDir claims the folder path for this run and creates the temporary
// folder to fill (Temp). It first puts back a previous folder of path that
// a run stopped in the middle of Commit left aside.
func BeginDir(path string) (*Dir, error) {
	parent := filepath.Dir(path)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if err := checkOthers(path, ".tmp"); err != nil {
		return nil, err
	}
	if err := restoreAside(path); err != nil {
		return nil, err
	}
	for {
		tmp := filepath.Join(parent, fmt.Sprintf("%s%d-%08x.tmp", tempPrefix(path), os.Getpid(), rand.Uint32()))
		err := trackDir(tmp, func() error { return os.Mkdir(tmp, 0o755) })
		if err == nil {
			return &Dir{path: path, tmp: tmp}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
}

// Temp is the temporary folder to fill.
func (d *Dir) Temp() string { return d.tmp }

// Commit puts the filled folder in path's place: the previous folder, if
// any, is moved aside, the new one renamed into place, and the previous
// one removed, so that path is never half-written. If the second rename
// fails, the previous folder is put back.
func (d *Dir) Commit() error {
	if err := checkOthers(d.path, ".tmp"); err != nil {
		d.Abort()
		return err
	}
	var aside string
	if _, err := os.Stat(d.path); err == nil {
		aside = strings.TrimSuffix(d.tmp, ".tmp") + ".old"
		if err := os.Rename(d.path, aside); err != nil {
			d.Abort()
			return err
		}
	}
	if err := os.Rename(d.tmp, d.path); err != nil {
		if aside != "" {
			_ = os.Rename(aside, d.path)
		}
		d.Abort()
		return err
	}
	untrackDir(d.tmp)
	if aside != "" {
		return os.RemoveAll(aside)
	}
	return nil
}

// Abort removes the temporary folder, if it was not put in place.
func (d *Dir) Abort() {
	if untrackDir(d.tmp) {
		os.RemoveAll(d.tmp)
	}
}

// restoreAside puts back the folder path that a run stopped between
// Commit's two renames left aside (.path.PID-N.old), when path is missing
// and its process is gone (or the folder older than staleAge); such a
// folder is otherwise removed.
func restoreAside(path string) error {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return err
	}
	_, statErr := os.Stat(path)
	missing := errors.Is(statErr, fs.ErrNotExist)
	for _, e := range entries {
		pid, ok := tempPID(e.Name(), tempPrefix(path), ".old")
		if !ok || pid == os.Getpid() {
			continue
		}
		if info, err := e.Info(); err != nil || alive(pid) && time.Since(info.ModTime()) < staleAge {
			continue // removed meanwhile, or its run is still finishing
		}
		aside := filepath.Join(filepath.Dir(path), e.Name())
		if missing {
			if err := os.Rename(aside, path); err != nil {
				return err
			}
			missing = false
			continue
		}
		os.RemoveAll(aside)
	}
	return nil
}

// The temporary folders being written, removed by ExitOnInterrupt.
var liveDirs = map[string]bool{}

func trackDir(tmp string, create func() error) error {
	liveMu.Lock()
	defer liveMu.Unlock()
	if stopping {
		return errStopping
	}
	err := create()
	if err == nil {
		liveDirs[tmp] = true
	}
	return err
}

// untrackDir stops tracking tmp, and reports whether it was tracked.
func untrackDir(tmp string) bool {
	liveMu.Lock()
	defer liveMu.Unlock()
	was := liveDirs[tmp]
	delete(liveDirs, tmp)
	return was
}
