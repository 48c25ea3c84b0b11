// Package safefile writes output files atomically: the content goes to a
// temporary file in the same folder, is synced, and is renamed over the
// target only when complete. A failed or interrupted run leaves the
// previous file untouched and no partial file behind (ExitOnInterrupt
// removes the temporary files of a run stopped by Ctrl-C or a kill). A
// run's temporary files name its process, so that a second run writing the
// same outputs at the same time is refused instead of mixing files of two
// runs, and a crashed run's leftovers are recognised and removed. A folder
// written whole (Dir: an archive's year) is put in place the same way. It also
// reads the files a user names as templates or fonts, bounded: regular
// files only, up to a size.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// staleAge is the age after which another process's temporary file is
// taken as left behind even if a process of that number runs (numbers are
// reused): no run takes an hour.
const staleAge = time.Hour

// BusyError is the error of a run whose output another running process is
// writing at the same time.
type BusyError struct {
	Path string
	PID  int
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("safefile: process %d is writing %s at the same time", e.PID, e.Path)
}

// Batch is the outputs of one run, written together: Begin claims them
// all, Fill writes each (at the same time if wanted), Commit puts them in
// place.
type Batch struct {
	paths []string
	temps []*os.File // nil once removed or renamed
	errs  []error    // of Fill
}

// Write creates or replaces path with what fill writes. If fill fails, the
// temporary file is removed and path is left as it was.
func Write(path string, fill func(io.Writer) error) error {
	b, err := Begin(path)
	if err != nil {
		return err
	}
	if err := b.Fill(0, fill); err != nil {
		return err
	}
	return b.Commit()[0]
}

// Begin claims paths for this run: it creates a temporary file beside
// each (mode 0666 less the umask, as any new file gets), then makes sure
// that no other live process is writing any of them, and fails with a
// *BusyError if one is. Temporary files of processes that are gone are
// removed.
func Begin(paths ...string) (*Batch, error) {
	b := &Batch{paths: paths, temps: make([]*os.File, len(paths)), errs: make([]error, len(paths))}
	for i, p := range paths {
		f, err := createTemp(p)
		if err != nil {
			b.Abort()
			return nil, err
		}
		b.temps[i] = f
	}
	if err := b.checkOthers(); err != nil {
		b.Abort()
		return nil, err
	}
	return b, nil
}

// Fill writes output i with fill and syncs it. On failure its temporary
// file is removed and Commit leaves its path alone.
func (b *Batch) Fill(i int, fill func(io.Writer) error) error {
	f := b.temps[i]
	err := fill(f)
	if err == nil {
		if err = f.Sync(); err != nil {
			err = fmt.Errorf("safefile: sync %s: %w", b.paths[i], err)
		}
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		b.errs[i] = err
		b.remove(i)
	}
	return err
}

// Commit checks once more that no other process writes the same outputs,
// then renames each filled output over its path. It returns the error of
// each path (nil where it was written). The folder is not synced after the
// rename: a power cut right after it may bring back the previous file,
// complete, which is what a failed run leaves too; the new content itself
// was synced before.
func (b *Batch) Commit() []error {
	errs := b.errs
	if err := b.checkOthers(); err != nil {
		b.Abort()
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return errs
	}
	for i, f := range b.temps {
		if f == nil || errs[i] != nil {
			continue
		}
		if err := os.Rename(f.Name(), b.paths[i]); err != nil {
			errs[i] = err
			b.remove(i)
			continue
		}
		untrack(f)
		b.temps[i] = nil
	}
	return errs
}

// Abort removes the temporary files not yet put in place.
func (b *Batch) Abort() {
	for i := range b.temps {
		b.remove(i)
	}
}

func (b *Batch) remove(i int) {
	if f := b.temps[i]; f != nil {
		f.Close()
		os.Remove(f.Name())
		untrack(f)
		b.temps[i] = nil
	}
}

// tempPrefix is how the temporary files of path begin; the process
// number, a random number and ".tmp" follow.
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

// createTemp creates a new temporary file for path, tracked for
// ExitOnInterrupt.
func createTemp(path string) (*os.File, error) {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	for {
		name := filepath.Join(dir, fmt.Sprintf("%s%d-%08x.tmp", prefix, os.Getpid(), rand.Uint32()))
		f, err := track(func() (*os.File, error) {
			return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		})
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
	}
}

// checkOthers looks for other processes' temporary files of the batch's
// outputs: those of a live process make the run busy; those of a process
// that is gone, or older than staleAge, are removed.
func (b *Batch) checkOthers() error {
	for _, path := range b.paths {
		if err := checkOthers(path, ".tmp"); err != nil {
			return err
		}
	}
	return nil
}

// checkOthers looks for other processes' temporary files (or folders) of
// path, named with suffix: a live process's makes the run busy; those of a
// process that is gone, or older than staleAge, are removed.
func checkOthers(path, suffix string) error {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		pid, ok := tempPID(e.Name(), prefix, suffix)
		if !ok || pid == os.Getpid() {
			continue // not one of ours, or this process's own
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		if alive(pid) && time.Since(info.ModTime()) < staleAge {
			return &BusyError{Path: path, PID: pid}
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
	return nil
}

// tempPID is the process number in the name of a temporary file (or
// folder) that begins with prefix and ends with suffix.
func tempPID(name, prefix, suffix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok || !strings.HasSuffix(rest, suffix) {
		return 0, false
	}
	pidText, _, _ := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil
}

// The temporary files being written, for ExitOnInterrupt. Once it has
// begun removing them, no new one is created.
var (
	liveMu   sync.Mutex
	live     = map[*os.File]bool{}
	stopping bool
)

// errStopping is the error of a file created while the run is stopping.
var errStopping = errors.New("safefile: the run is stopping")

func track(create func() (*os.File, error)) (*os.File, error) {
	liveMu.Lock()
	defer liveMu.Unlock()
	if stopping {
		return nil, errStopping
	}
	f, err := create()
	if err == nil {
		live[f] = true
	}
	return f, err
}

func untrack(f *os.File) {
	liveMu.Lock()
	delete(live, f)
	liveMu.Unlock()
}

// removeLive closes and removes every temporary file (and folder, see
// Dir) being written, and refuses new ones; it returns how many it
// removed.
func removeLive() int {
	liveMu.Lock()
	defer liveMu.Unlock()
	stopping = true
	n := 0
	for f := range live {
		f.Close()
		if os.Remove(f.Name()) == nil {
			n++
		}
		delete(live, f)
	}
	for dir := range liveDirs {
		if os.RemoveAll(dir) == nil {
			n++
		}
		delete(liveDirs, dir)
	}
	return n
}

// ErrNotRegular is the error of ReadRegular for a path that is not a
// regular file: a folder, a device such as /dev/zero, or a pipe, which
// could be endless or block for ever.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is the error of ReadRegular for a file over its limit.
type TooLargeError struct{ Size, Max int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %d bytes; the limit is %d bytes", e.Size, e.Max)
}

// ReadRegular reads the file at path if it is a regular file of at most
// max bytes; anything else is refused before it is read.
func ReadRegular(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if st.Size() > max {
		return nil, &TooLargeError{st.Size(), max}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max { // it grew since Stat
		return nil, &TooLargeError{int64(len(data)), max}
	}
	return data, nil
}

// Clobbers returns the first of outputs that is the same file as one of
// inputs, and that input, or "", "" if none is. Files are compared by
// identity, so another spelling of the path, a link or a hard link counts;
// an output that does not exist yet is no input.
func Clobbers(outputs, inputs []string) (output, input string) {
	var ins []os.FileInfo
	var names []string
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil {
			ins, names = append(ins, st), append(names, in)
		}
	}
	for _, out := range outputs {
		st, err := os.Stat(out)
		if err != nil {
			continue
		}
		for i, in := range ins {
			if os.SameFile(st, in) {
				return out, names[i]
			}
		}
	}
	return "", ""
}
