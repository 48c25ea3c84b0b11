//go:build !unix

package fonts

import "os"

// readFont reads a font file (on Unix it is mapped into memory instead).
func readFont(path string) ([]byte, error) { return os.ReadFile(path) }
