package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// TestMessages checks the command's catalog entries, and that every
// message it prints (the literal key of a Sprintf call) has a Chinese text.
func TestMessages(t *testing.T) {
	for _, err := range diag.CheckEntries(messages) {
		t.Error(err)
	}
	fset := token.NewFileSet()
	notTest := func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }
	pkgs, err := parser.ParseDir(fset, ".", notTest, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range pkgs["main"].Files {
		ast.Inspect(file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Sprintf" || !isPrinter(sel.X) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true // usageText
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if !diag.InCatalog(key) {
				t.Errorf("%s: %q has no Chinese text", fset.Position(lit.Pos()), key)
			}
			return true
		})
	}
	if n < 30 {
		t.Errorf("found only %d messages; is the scan broken?", n)
	}
}

// isPrinter reports whether x is c.p or p.c.p, the command's printer.
func isPrinter(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "p"
}
