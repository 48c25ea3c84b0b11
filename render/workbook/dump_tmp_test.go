package workbook

import (
	"os"
	"testing"
)

func TestDumpTmp(t *testing.T) {
	for i, path := range samples {
		f, p := load(t, path)
		os.WriteFile([]string{"/tmp/wb/hebei.xlsx", "/tmp/wb/national.xlsx"}[i], write(t, f, p), 0o644)
	}
}
