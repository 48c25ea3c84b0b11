package check

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// FuzzLoadCheck loads arbitrary bytes and checks the result: it must never
// panic, every finding must come from the catalog, and two runs must give
// the same output. The seed corpus in testdata/fuzz/FuzzLoadCheck holds the
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
	})
}
