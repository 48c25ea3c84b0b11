package check

import (
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"golang.org/x/text/language"
)

func TestSampleOutput(t *testing.T) {
	f, notes := budget.Load("../../data/hebei/shanhaiguan-wxb-2024.toml")
	if f == nil {
		t.Fatal(notes)
	}
	l := Filing(f, HebeiProfile())
	t.Log("\n" + l.Format(language.Chinese))
	t.Log("\n" + l.Format(language.English))
}
