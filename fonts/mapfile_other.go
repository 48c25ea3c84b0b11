//go:build !unix

package fonts

import "github.com/jixiao-dev/jixiao/render/safefile"

// readFont reads a regular font file of at most MaxFileSize bytes (on Unix
// it is mapped into memory instead).
func readFont(path string) ([]byte, error) { return safefile.ReadRegular(path, MaxFileSize) }
