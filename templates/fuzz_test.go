package templates

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// FuzzTemplate compiles arbitrary bytes as a form template and, when they
// compile, binds the sample filing with them. Neither may panic or run
// past its budget of work (a template is a program from the user), every
// finding comes from the catalog, and a template that compiles binds the
// sample or says why with a finding. The seeds are the built-in templates
// and the small template of the error tests.
func FuzzTemplate(f *testing.F) {
	for _, name := range []string{"hebei.toml", "national.toml"} {
		data, err := builtin.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Add([]byte(`name = "x"` + "\n[page]\nwidth = 210\nheight = 297\n[[body]]\nkind = \"paragraph\"\ntext = '{{range 9}}{{range 9}}x{{end}}{{end}}'\n"))
	filing, notes := budget.Load("../data/hebei/shanhaiguan-wxb-2024.toml")
	if filing == nil {
		f.Fatal(notes)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl, notes := parse("fuzz.toml", t.TempDir(), data)
		for _, d := range notes {
			if !diag.InCatalog(d.Msg) || !diag.InCatalog(d.Hint) {
				t.Fatalf("%s: message or hint not in the catalog: %q %q", d.Code, d.Msg, d.Hint)
			}
		}
		_ = notes.Format(language.Chinese)
		if tpl != nil {
			if _, err := tpl.Bind(filing); err != nil {
				if _, ok := err.(diag.List); !ok {
					t.Fatalf("binding failed without a finding: %v", err)
				}
			}
		}
	})
}
