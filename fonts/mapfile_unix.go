//go:build unix

package fonts

import (
	"os"
	"syscall"
)

// readFont maps a font file into memory, read-only, instead of reading it:
// an office face is 3 to 18 MB, and the system then brings in only the
// parts that are read, 64 KB at a time, from its file cache, instead of
// copying the whole file into fresh memory. The mapping lasts as long as
// the process; faces are kept that long anyway (see loadedFiles).
func readFont(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if size := st.Size(); size > 0 && size < 1<<31 && st.Mode().IsRegular() {
		if data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
			return data, nil
		}
	}
	return os.ReadFile(path)
}
