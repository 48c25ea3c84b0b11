package render

import (
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
)

func TestMaxSizeByFormat(t *testing.T) {
	if got := MaxSize("a.toml"); got != budget.MaxFileSize {
		t.Errorf("TOML limit %d, want %d", got, budget.MaxFileSize)
	}
	if got := MaxSize("填报.XLSX"); got <= budget.MaxFileSize {
		t.Errorf("workbook limit %d, want the workbook reader's, above TOML's", got)
	}
	if got := MaxSize("no-extension"); got != budget.MaxFileSize {
		t.Errorf("a file without extension is read as TOML; limit %d", got)
	}
}
