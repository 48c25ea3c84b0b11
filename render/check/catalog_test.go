package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// TestSourceKeysInCatalog finds every catalog key in the source of check
// budget and workbook — the literal first argument of diag.T and the literal of
// diag.Term — and checks that the catalog has it. A diag.T whose key is not
// a literal fails the test, since it could not be checked.
func TestSourceKeysInCatalog(t *testing.T) {
	keys := sourceKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found only %d keys; is the scan broken?", len(keys))
	}
	for key, at := range keys {
		if !diag.InCatalog(key) {
			t.Errorf("%s: %q is not in the catalog", at, key)
		}
	}
}

func sourceKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	var files []string
	for _, dir := range []string{".", "../budget", "../workbook"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "T" && sel.Sel.Name != "Term" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "diag" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the key of diag.%s is not a string literal", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			keys[key] = fset.Position(lit.Pos()).String()
			return true
		})
	}
	return keys
}
