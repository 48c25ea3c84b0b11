package render_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/jixiao-dev/jixiao/"

// pkg is what the tests read of go list's output.
type pkg struct {
	ImportPath    string
	Imports, Deps []string
}

// goList runs go list -json with args at the module root and returns the
// packages it describes.
func goList(t *testing.T, args ...string) []pkg {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-json"}, args...)...)
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestFrontEndsUseThePipeline: a front end (every package under cmd/)
// calls render's API, naming the domain types (budget) and findings (diag)
// where it must, and never wires a stage of the pipeline itself.
func TestFrontEndsUseThePipeline(t *testing.T) {
	allowed := []string{"render", "render/batch", "render/budget", "render/diag", "render/safefile"}
	pkgs := goList(t, "./cmd/...")
	if len(pkgs) == 0 {
		t.Fatal("go list found no package under cmd/")
	}
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			own, ok := strings.CutPrefix(imp, module)
			if !ok || strings.HasPrefix(own, "cmd/") || slices.Contains(allowed, own) {
				continue
			}
			t.Errorf("%s imports %s: a front end calls render's API (and names render/batch, render/budget, render/diag, render/safefile), never a stage", p.ImportPath, imp)
		}
	}
}

// TestExportersTakeFinishedPages: laying out, writing a DOCX, checking a
// filing and reading or writing its workbook never go through the PDF
// writer.
func TestExportersTakeFinishedPages(t *testing.T) {
	for _, p := range goList(t, "./render/layout", "./render/docx", "./render/check", "./render/workbook") {
		if slices.Contains(p.Deps, module+"render/pdf") {
			t.Errorf("%s depends on render/pdf", p.ImportPath)
		}
	}
}
