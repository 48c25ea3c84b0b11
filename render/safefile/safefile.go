// Package safefile writes output files atomically: the content goes to a
// temporary file in the same folder, is synced, and is renamed over the
// target only when complete. A failed or interrupted run leaves the
// previous file untouched and no partial file behind. It also reads the
// files a user names as templates or fonts, bounded: regular files only,
// up to a size.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what fill writes. If fill fails, the
// temporary file is removed and path is left as it was.
func Write(path string, fill func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("safefile: sync %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	// The folder is not synced after the rename: a power cut right after it
	// may bring back the previous file, complete, which is what a failed
	// run leaves too; the new content itself was synced before.
	return os.Rename(tmp.Name(), path)
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
