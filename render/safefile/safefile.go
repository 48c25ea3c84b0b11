// Package safefile writes output files atomically: the content goes to a
// temporary file in the same folder, is synced, and is renamed over the
// target only when complete. A failed or interrupted run leaves the
// previous file untouched and no partial file behind.
package safefile

import (
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
