package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

var ruleCode = regexp.MustCompile(`^([A-Z]+)([0-9]*)$`)

// TestRulesWellFormed: codes are unique and well formed, each family's
// rules are together and in the order of their numbers, severities are
// E, W or E/W, and both texts are in the catalog in both languages.
func TestRulesWellFormed(t *testing.T) {
	seen := map[string]bool{}
	families := map[string]bool{}
	last, lastNum := "", -2
	for _, r := range Rules() {
		m := ruleCode.FindStringSubmatch(r.Code)
		if m == nil || seen[r.Code] {
			t.Errorf("code %q is malformed or listed twice", r.Code)
			continue
		}
		seen[r.Code] = true
		num := -1 // TPL before TPL0
		if m[2] != "" {
			num, _ = strconv.Atoi(m[2])
		}
		if m[1] != last {
			if families[m[1]] {
				t.Errorf("%s: the %s rules are not together", r.Code, m[1])
			}
			families[m[1]], last, lastNum = true, m[1], -2
		}
		if num <= lastNum {
			t.Errorf("%s is listed after a higher number of its family", r.Code)
		}
		lastNum = num
		if !slices.Contains([]string{"E", "W", "E/W"}, r.Severity) {
			t.Errorf("%s: severity %q", r.Code, r.Severity)
		}
		for _, key := range []string{r.Checks, r.Fix} {
			if !InCatalog(key) {
				t.Errorf("%s: %q is not in the catalog", r.Code, key)
			}
		}
		if zh, _ := r.Words(language.Chinese); zh == r.Checks || strings.Contains(zh, "%") != strings.Contains(r.Checks, "%") {
			t.Errorf("%s: Chinese text %q", r.Code, zh)
		}
	}
	if got, ok := RuleOf("M1"); !ok || got.Severity != "E" {
		t.Errorf("RuleOf(M1) = %v, %v", got, ok)
	}
}

// TestEveryReportedCodeIsARule scans the source of the program (render,
// templates, cmd) for the codes findings are given — a string literal as
// a Diagnostic's Code, assigned to or compared with a Code field,
// assigned to a variable named code, or passed as a function's parameter
// named code — and checks that each is in
// Rules, and that each rule is reported somewhere.
func TestEveryReportedCodeIsARule(t *testing.T) {
	found := map[string]string{}
	for _, dir := range []string{"../../render", "../../templates", "../../cmd"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if d.IsDir() {
				scanPackage(t, path, found)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(found) < 60 {
		t.Fatalf("found only %d codes; is the scan broken?", len(found))
	}
	for code, at := range found {
		if _, ok := RuleOf(code); !ok {
			t.Errorf("%s: code %s is reported but not in Rules (render/diag/rules.go); add it there, then run go generate ./render/diag (make generate)", at, code)
		}
	}
	for _, r := range Rules() {
		if _, ok := found[r.Code]; !ok {
			t.Errorf("rule %s is in Rules but nothing reports it", r.Code)
		}
	}
}

// scanPackage adds the codes reported in the package in dir to found.
func scanPackage(t *testing.T, dir string, found map[string]string) {
	fset := token.NewFileSet()
	var files []*ast.File
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// The functions of the package (and closures assigned to a name) with
	// a parameter named code, by name: the parameter's index.
	codeParam := map[string][]int{}
	params := func(name string, ft *ast.FuncType) {
		i := 0
		for _, field := range ft.Params.List {
			for _, n := range field.Names {
				if n.Name == "code" {
					codeParam[name] = append(codeParam[name], i)
				}
				i++
			}
			if len(field.Names) == 0 {
				i++
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				params(n.Name.Name, n.Type)
			case *ast.AssignStmt:
				for i, rhs := range n.Rhs {
					if lit, ok := rhs.(*ast.FuncLit); ok && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							params(id.Name, lit.Type)
						}
					}
				}
			}
			return true
		})
	}
	add := func(e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && ruleCode.MatchString(s) {
			found[s] = fset.Position(lit.Pos()).String()
		}
	}
	isCode := func(e ast.Expr) bool {
		if id, ok := e.(*ast.Ident); ok {
			return id.Name == "Code"
		}
		sel, ok := e.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Code"
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if isCode(n.Key) {
					add(n.Value)
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); (ok && id.Name == "code" || isCode(lhs) && !ok) && i < len(n.Rhs) {
						add(n.Rhs[i])
					}
				}
			case *ast.BinaryExpr:
				if _, ok := n.X.(*ast.SelectorExpr); ok && isCode(n.X) {
					add(n.Y)
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				for _, i := range codeParam[name] {
					if i < len(n.Args) {
						add(n.Args[i])
					}
				}
			}
			return true
		})
	}
}
