//go:build unix

package fonts

import (
	"os"
	"syscall"

	"github.com/jixiao-dev/jixiao/render/safefile"
)

// readFont maps a font file into memory, read-only, instead of reading it:
// an office face is 3 to 18 MB, and the system then brings in only the
// parts that are read, 64 KB at a time, from its file cache, instead of
// copying the whole file into fresh memory. The mapping lasts as long as
// the process; faces are kept that long anyway (see loadedFiles). What is
// not a regular file of at most MaxFileSize bytes is refused as
// safefile.ReadRegular refuses it (it is not opened, as a pipe would
// block).
func readFont(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > MaxFileSize {
		return safefile.ReadRegular(path, MaxFileSize)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
		return data, nil
	}
	return safefile.ReadRegular(path, MaxFileSize)
}
