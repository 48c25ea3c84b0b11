package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// run loads data as the command does and checks it with the Hebei profile.
func run(name string, data []byte) diag.List {
	f, notes := budget.Parse(name, data)
	notes = append(notes, Filing(f, HebeiProfile())...)
	notes.Sort()
	return notes
}

// badInputs returns the malformed inputs: the files of testdata/bad, named
// <quirk>.<code>.toml (OK: no errors), and large ones made here rather
// than committed.
func badInputs(t testing.TB) map[string][]byte {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil || len(files) < 30 {
		t.Fatalf("testdata/bad: %d files, %v", len(files), err)
	}
	in := map[string][]byte{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		in[filepath.Base(name)] = data
	}
	sample := sampleText(t)
	project := sample[strings.Index(sample, "[[projects]]\ncode = \"224-0401"):]
	const deep = 100_000
	in["string-of-10mb.F6.toml"] = []byte(`template = "` + strings.Repeat("网", 10<<20/3) + `"`)
	in["purpose-of-1500kb.T5.toml"] = []byte(strings.Replace(sample, `purpose = "`, `purpose = "`+strings.Repeat("网", 1<<19), 1))
	in["arrays-nested-100k.S5.toml"] = []byte("a = " + strings.Repeat("[", deep) + strings.Repeat("]", deep))
	in["inline-tables-nested-100k.S5.toml"] = []byte("a = " + strings.Repeat("{b=", deep) + "1" + strings.Repeat("}", deep))
	in["dotted-key-100k-parts.S5.toml"] = []byte("a" + strings.Repeat(".b", deep) + " = 1")
	in["table-header-100k-parts.S5.toml"] = []byte("[a" + strings.Repeat(".b", deep) + "]")
	in["brackets-in-strings.OK.toml"] = []byte(strings.Replace(sample, `short_name = "网信办"`,
		`short_name = "网信办"`+"\n"+`filler = """`+strings.Repeat("[{", 1000)+`"""`, 1))
	in["thousand-projects.OK.toml"] = []byte(sample + manyProjects(project, 1000))
	return in
}

// manyProjects repeats a project n times, each with its own code.
func manyProjects(project string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Replace(project, "8GYM", fmt.Sprintf("%04X", i), 1))
	}
	return b.String()
}

func TestBadInputs(t *testing.T) {
	for name, data := range badInputs(t) {
		t.Run(name, func(t *testing.T) {
			want := strings.Split(name, ".")[1]
			notes := run(name, data)
			if want == "OK" {
				if notes.HasErrors() {
					t.Errorf("errors in a good input:\n%s", notes)
				}
				return
			}
			if !hasCode(notes, want) {
				t.Errorf("no %s finding:\n%s", want, notes)
			}
			assertClean(t, notes)
		})
	}
}

// noise is text that must never reach a user: Go's error and runtime
// vocabulary, and what fmt prints for a bad verb or argument.
var noise = []string{"toml:", "reflect", "runtime", "panic", "goroutine", "%!", "map[", "interface {}", "<nil>"}

// assertClean checks that every finding has a catalog message and hint and
// prints in both languages without Go noise.
func assertClean(t *testing.T, notes diag.List) {
	t.Helper()
	for _, d := range notes {
		for _, key := range append(terms(d), d.Msg, d.Hint) {
			if !diag.InCatalog(key) {
				t.Errorf("%s: %q is not in the catalog", d.Code, key)
			}
		}
		d.File = "" // a file name like x.toml:3 is not noise
		for _, lang := range []language.Tag{language.Chinese, language.English} {
			out := diag.List{d}.Format(lang)
			for _, n := range noise {
				if strings.Contains(out, n) {
					t.Errorf("%v output has %q: %s", lang, n, out)
				}
			}
		}
	}
}

// terms returns the Term arguments of a finding, which must be catalog keys.
func terms(d diag.Diagnostic) []string {
	var out []string
	for _, a := range append(append([]any{}, d.Args...), d.HintArgs...) {
		if t, ok := a.(diag.Term); ok {
			out = append(out, string(t))
		}
	}
	return out
}

func hasCode(notes diag.List, code string) bool {
	for _, d := range notes {
		if d.Code == code {
			return true
		}
	}
	return false
}

func sampleText(t testing.TB) string {
	data, err := os.ReadFile("../../data/hebei/shanhaiguan-wxb-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
