package templates

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/budget"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// minimal is a small valid template; each case below breaks one thing.
const minimal = `name = "mini"
version = "2024"
description = "test form"

[page]
width = 210
height = 297
margin_top = 30
margin_bottom = 30
margin_left = 25
margin_right = 25

[fonts.song]
pdf = "NotoSerifSC-Regular"
docx = "宋体"

[styles.label]
font = "song"
size = 10.5
align = "center"

[taxonomy]
required = ["产出指标"]

[[taxonomy.categories]]
name = "产出指标"
subs = ["数量指标"]

[[body]]
kind = "each"
over = "projects"

  [[body.blocks]]
  kind = "heading"
  style = "label"
  text = "{{.N}}、{{.Item.Name}}"

  [[body.blocks]]
  kind = "table"
  table = "t"

[tables.t]
units = 10

  [[tables.t.rows]]
  cells = [
    { text = "名称", width = 4, style = "label", rows = 2 },
    { text = "{{.Item.Name}}", width = 6, style = "label" },
  ]

  [[tables.t.rows]]
  cells = [
    { text = "{{.Item.Code}}", width = 6, style = "label" },
  ]

  [[tables.t.rows]]
  each = "indicators"
  cells = [
    { text = "{{.Row.Level1}}", width = 4, style = "label", merge = true },
    { text = "{{.Row.Value}}", width = 6, style = "label" },
  ]
`

func TestMinimalTemplateIsValid(t *testing.T) {
	if _, notes := Parse("mini.toml", []byte(minimal)); len(notes) != 0 {
		t.Fatal(notes)
	}
}

func TestTemplateErrors(t *testing.T) {
	cases := []struct {
		name, old, new string
		line           int    // expected line of the first finding
		want           string // in the English message
		wantZH         string // in the Chinese message
	}{
		{"unknown key", `description = "test form"`, `descripton = "test form"`, 3, `unknown key "descripton"`, "未知的键"},
		{"unknown field", `{{.Item.Code}}`, `{{.Item.Cod}}`, 52, `can't evaluate field Cod`, "表达式错误"},
		{"expression syntax", `{{.N}}、{{.Item.Name}}`, `{{.N}、{{.Item.Name}}`, 36, "bad expression", "表达式错误"},
		{"undefined style", `style = "label"
  text = "{{.N}}`, `style = "lable"
  text = "{{.N}}`, 35, `style "lable" is not defined`, "样式“lable”未定义"},
		{"undefined font", `font = "song"`, `font = "sung"`, 18, `uses font "sung", which is not defined`, "未定义"},
		{"widths do not add up", `{ text = "{{.Row.Value}}", width = 6`, `{ text = "{{.Row.Value}}", width = 5`, 58, "add up to 9 units, the table is 10", "合计9"},
		{"overlapping span", `{ text = "名称", width = 4, style = "label", rows = 2 },
    { text = "{{.Item.Name}}", width = 6, style = "label" },`, `{ text = "名称", width = 4, style = "label" },
    { text = "{{.Item.Name}}", width = 6, style = "label", rows = 2 },`, 52, "overlaps a cell spanning down", "重叠"},
		{"span past the end", `rows = 2 }`, `rows = 5 }`, 46, "spans 5 rows but only 3 follow", "跨5行"},
		{"undefined table", `table = "t"`, `table = "tt"`, 40, `table "tt" is not defined`, "表格“tt”未定义"},
		{"unknown block kind", `kind = "heading"`, `kind = "title"`, 34, `unknown block kind "title"`, "未知的块类型"},
		{"required category unknown", `required = ["产出指标"]`, `required = ["产出"]`, 23, `category "产出" is not in taxonomy.categories`, "不在"},
		{"missing font file", `pdf = "NotoSerifSC-Regular"`, `pdf = "missing.ttf"`, 14, `font "missing.ttf" cannot be used: the file does not exist`, "字体“missing.ttf”无法使用：文件不存在"},
		{"no page size", "width = 210\n", "", 5, "page size is missing", "未设置页面尺寸"},
		{"grid without chars", "margin_right = 25\n", "margin_right = 25\ngrid = { lines = 22 }\n", 12, "the character grid needs lines and chars", "字符网格需要同时设置"},
		{"TOML syntax", `units = 10`, `units = `, 43, "the value after = is missing", "等号后缺少值"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(minimal, c.old, c.new, 1)
			if src == minimal {
				t.Fatalf("case does not change the template")
			}
			tpl, notes := Parse("mini.toml", []byte(src))
			if tpl != nil || !notes.HasErrors() {
				t.Fatalf("want an error, got template and %v", notes)
			}
			en, zh := notes.Format(language.English), notes.Format(language.Chinese)
			if !strings.Contains(en, c.want) || !strings.Contains(zh, c.wantZH) {
				t.Errorf("messages lack %q / %q:\n%s%s", c.want, c.wantZH, en, zh)
			}
			if notes[0].File != "mini.toml" || notes[0].Line != c.line {
				t.Errorf("position = %s:%d, want mini.toml:%d\n%s", notes[0].File, notes[0].Line, c.line, en)
			}
		})
	}
}

// TestUserTemplateFolder adds a form that exists only in a temporary folder
// and renders a filing with it: a new form needs no Go change.
func TestUserTemplateFolder(t *testing.T) {
	set, path := userSet(t, "mini.toml", []byte(minimal))
	tpl, ok := set.Get("mini", 0)
	if !ok || tpl.Source != path {
		t.Fatalf("user template not found: %v", tpl)
	}
	if _, ok := set.Get("hebei", 0); !ok {
		t.Error("built-in templates lost")
	}
}

// userSet returns the template set with a user folder holding one
// template file, and that file's path.
func userSet(t *testing.T, name string, data []byte) (*Set, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	set, notes := NewSet(filepath.Dir(path))
	if notes.HasErrors() {
		t.Fatal(notes)
	}
	return set, path
}

// TestBuiltinTemplates compiles every built-in template: none has a
// finding, and each is in a file named after its form, which is how a run
// finds the one form it needs without compiling the others.
func TestBuiltinTemplates(t *testing.T) {
	set, _ := NewSet()
	files := set.builtin
	if len(files) < 2 {
		t.Fatalf("built-in template files by form: %v", files)
	}
	for name, list := range maps.Clone(files) {
		if notes := set.compileBuiltin(name); len(notes) > 0 {
			t.Errorf("%v: %v", list, notes)
		}
		if len(set.byName[name]) != len(list) {
			t.Errorf("files %v hold %d templates named %q, want %d", list, len(set.byName[name]), name, len(list))
		}
	}
	if len(set.All()) != len(set.byID) || len(set.builtin) != 0 {
		t.Error("All did not list every template")
	}
	// A run compiles them from builtinSpec without the dry run; the full
	// path, from the TOML and with the dry run, must find nothing either.
	entries, _ := builtin.ReadDir(".")
	for _, e := range entries {
		data, _ := builtin.ReadFile(e.Name())
		if tpl, notes := Parse(e.Name(), data); tpl == nil || len(notes) > 0 {
			t.Errorf("%s: %v", e.Name(), notes)
		}
	}
}

// TestUserTemplateReplacesBuiltin: a user template with a built-in's name
// and version is the one used, though the built-in is compiled later.
func TestUserTemplateReplacesBuiltin(t *testing.T) {
	data, err := builtin.ReadFile("hebei.toml")
	if err != nil {
		t.Fatal(err)
	}
	set, path := userSet(t, "mine.toml", data)
	tpl, ok := set.Get("hebei", 2024)
	if !ok || tpl.Source != path {
		t.Fatalf("Get(hebei) = %v, want the user's copy", tpl)
	}
	if n := len(set.byName["hebei"]); n != 1 {
		t.Errorf("%d versions of hebei, want 1", n)
	}
}

// TestBadFontMessages: a font file that cannot be used is reported with the
// reason in the reader's language, and a damaged file with the detail.
func TestBadFontMessages(t *testing.T) {
	dir := t.TempDir()
	sans, err := fonts.Embedded(fonts.SansMedium)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"cff.otf": append([]byte("OTTO"), make([]byte, 60)...),
		"cut.ttf": sans.Data()[:3000],
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ file, en, zh string }{
		{"cff.otf", "PostScript (CFF) outlines, which cannot be embedded", "PostScript（CFF）轮廓的 OpenType 字体，无法嵌入"},
		{"cut.ttf", "the file is damaged or not a TrueType font (table", "文件已损坏或不是 TrueType 字体（table"},
	} {
		src := strings.Replace(minimal, `pdf = "NotoSerifSC-Regular"`, `pdf = "`+c.file+`"`, 1)
		_, notes := parse("mini.toml", dir, []byte(src))
		en, zh := notes.Format(language.English), notes.Format(language.Chinese)
		if !strings.Contains(en, c.en) || !strings.Contains(zh, c.zh) || strings.Contains(zh, "fonts:") {
			t.Errorf("%s: messages lack %q / %q or carry the library's English:\n%s%s", c.file, c.en, c.zh, en, zh)
		}
		if !strings.Contains(zh, "JixiaoKai-Regular") {
			t.Errorf("%s: the hint should list every embedded face:\n%s", c.file, zh)
		}
	}
}

// TestHostileExpressions: a template's expressions are a program from the
// user. Nested {{define}}/{{template}} doubling at each level grew past
// 2.5 GB, {{range 200000000}} took 32 s and 917 MB in jixiao templates; now
// each is a template error at its line, found by the dry run at load, once
// the binding's budget of steps or bytes is spent.
func TestHostileExpressions(t *testing.T) {
	var doubling strings.Builder
	for i := range 40 {
		fmt.Fprintf(&doubling, `{{define "d%d"}}{{template "d%d"}}{{template "d%d"}}{{end}}`, i, i+1, i+1)
	}
	doubling.WriteString(`{{define "d40"}}x{{end}}{{template "d0"}}`)
	cases := map[string]struct{ expr, want string }{
		"range over a huge number": {`{{range 200000000}}{{end}}`, "does more work than a form may"},
		"nested ranges":            {`{{range 100000}}{{range 100000}}{{end}}{{end}}`, "does more work than a form may"},
		"printing without end":     {`{{range 100000000}}xxxxxxxxxxxxxxxxxxxxxxxx{{end}}`, "does more work than a form may"},
		"a function in a loop":     {`{{range 10000000}}{{if numbered $.Item.Goals}}{{end}}{{end}}`, "does more work than a form may"},
		"huge padding":             {`{{printf "%0200000000d" 1}}`, "does more work than a form may"},
		"padding from an argument": {`{{printf "%0*d" 200000000 1}}`, "does more work than a form may"},
		"templates doubling":       {doubling.String(), "cannot define or call templates"},
		"block":                    {`{{block "b" .}}x{{end}}`, "cannot define or call templates"},
		"defining only":            {`{{define "other"}}x{{end}}y`, "cannot define or call templates"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			src := strings.Replace(minimal, `text = "{{.N}}、{{.Item.Name}}"`, "text = '''"+c.expr+"'''", 1)
			tpl, notes := Parse("mini.toml", []byte(src))
			if tpl != nil || len(notes) != 1 {
				t.Fatalf("want one error, got %v", notes)
			}
			en, zh := notes.Format(language.English), notes.Format(language.Chinese)
			if !strings.Contains(en, c.want) || notes[0].Line != 36 || notes[0].Code != "TPL" {
				t.Errorf("want %q at mini.toml:36:\n%s%s", c.want, en, zh)
			}
		})
	}
}

// TestBudgetFitsLargeFilings: the budget of a binding grows with the
// filing, so that a large filing on a built-in form is far within it.
func TestBudgetFitsLargeFilings(t *testing.T) {
	set, _ := NewSet()
	for _, name := range []string{"hebei", "national"} {
		tpl, _ := set.Get(name, 0)
		f := &budget.Filing{Department: budget.Department{Name: "单位", MoneyUnit: "元"}}
		goal := strings.Repeat("目标", 50)
		for i := range 1000 {
			f.Projects = append(f.Projects, budget.Project{Code: fmt.Sprint(i), Name: "项目", Goals: []string{goal, goal, goal},
				SpendingPlan: make([]budget.Decimal, 4), Indicators: make([]budget.Indicator, 6)})
		}
		f.Source = make([]byte, 1000*3*len(goal)) // the goals alone
		if _, err := tpl.Bind(f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// TestEmptyPathEntries: JIXIAO_TEMPLATES=/x: has an empty entry, which once
// loaded the working folder's filings as templates.
func TestEmptyPathEntries(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("filing.toml", []byte("year = 2024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, path := userSet(t, "mini.toml", []byte(minimal))
	_, notes := NewSet(filepath.SplitList(filepath.Dir(path) + string(filepath.ListSeparator))...)
	if len(notes) != 0 {
		t.Errorf("the empty entry was read: %v", notes)
	}
	if _, ok := set.Get("mini", 0); !ok {
		t.Error("the folder's template is lost")
	}
}

// TestTemplateValueRanges: a NaN, 1e300 or negative number in a template
// passed jixiao templates and failed later, at build time, blamed on the
// filing with no template line; now each is reported when the template
// loads, at its own line.
func TestTemplateValueRanges(t *testing.T) {
	for _, c := range []struct {
		old, new string
		line     int
	}{
		{"size = 10.5", "size = nan", 19},
		{"size = 10.5", "size = 1e300", 19},
		{"size = 10.5", "size = -3", 19},
		{`align = "center"`, "line_height = inf", 20},
		{`align = "center"`, "padding = -1", 20},
		{`align = "center"`, "indent = 1e9", 20},
		{"width = 210", "width = nan", 6},
		{"margin_top = 30", "margin_top = -inf", 8},
		{"units = 10", "units = 1e300", 43},
		{"[taxonomy]", "[money]\ndecimals = 1000000000\n[taxonomy]", 23},
		{`docx = "宋体"`, `docx = "宋体"` + "\nindex = -1", 16},
	} {
		src := strings.Replace(minimal, c.old, c.new, 1)
		tpl, notes := Parse("mini.toml", []byte(src))
		if tpl != nil || len(notes) == 0 || notes[0].Line != c.line || !strings.Contains(notes.Format(language.English), "it must be from") {
			t.Errorf("%s: want an out-of-range error at line %d, got %v", c.new, c.line, notes)
		}
	}
}

// TestStaticCellsCount: a form's own text counts against the budget too,
// so a template of many large static cells cannot multiply them by the
// projects of a filing without bound.
func TestStaticCellsCount(t *testing.T) {
	big := strings.Repeat("字", 1<<20/3)
	src := strings.Replace(minimal, `{ text = "名称", width = 4, style = "label", rows = 2 },`,
		`{ text = "`+big+`", width = 4, style = "label", rows = 2 },`, 1)
	src = strings.Replace(src, `text = "{{.N}}、{{.Item.Name}}"`, `text = "`+big+big+big+big+`"`, 1)
	if _, notes := Parse("mini.toml", []byte(src)); len(notes) != 1 || !strings.Contains(notes.Format(language.English), "does more work than a form may") {
		t.Errorf("want the budget exceeded, got %v", notes)
	}
}

// TestCaseVariantWithTypeError: a key in another case is an error at its
// line, and the findings are the same on every run even when the variant
// also has the wrong type (the decoder then stops at a point of Go's map
// order, and the keys it had not reached were reported unknown).
func TestCaseVariantWithTypeError(t *testing.T) {
	src := strings.Replace(minimal, `description = "test form"`, "Description = 5\ndescription = \"test form\"", 1)
	_, first := Parse("mini.toml", []byte(src))
	if len(first) != 1 || first[0].Line != 3 || !strings.Contains(first.Format(language.English), `write "description"`) {
		t.Fatalf("want one finding on line 3 suggesting description, got\n%s", first.Format(language.English))
	}
	for range 30 {
		if _, again := Parse("mini.toml", []byte(src)); again.Format(language.English) != first.Format(language.English) {
			t.Fatalf("two runs differ:\n%s\n%s", first.Format(language.English), again.Format(language.English))
		}
	}
}
