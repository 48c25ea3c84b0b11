package check

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// FuzzLoadCheck loads arbitrary bytes and checks the result: it must never
// panic, every finding must come from the catalog, and two runs must give
// the same output: the same findings and, when it loads, the same filing
// (a key in another case once filled a field at random). The seed corpus in testdata/fuzz/FuzzLoadCheck holds the
// sample and the inputs of testdata/bad.
func FuzzLoadCheck(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		first := run("fuzz.toml", data)
		for _, d := range first {
			if !diag.InCatalog(d.Msg) || !diag.InCatalog(d.Hint) {
				t.Fatalf("%s: message or hint not in the catalog: %q %q", d.Code, d.Msg, d.Hint)
			}
		}
		out := first.Format(language.Chinese) + first.Format(language.English)
		again := run("fuzz.toml", data)
		if again.Format(language.Chinese)+again.Format(language.English) != out {
			t.Fatal("two runs differ")
		}
		f1, _ := budget.Parse("fuzz.toml", data)
		f2, _ := budget.Parse("fuzz.toml", data)
		if fmt.Sprintf("%+v", f1) != fmt.Sprintf("%+v", f2) {
			t.Fatal("two runs load different filings")
		}
	})
}
