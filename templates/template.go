// Package templates turns a filing into a document model by way of a form
// template: a TOML file that sets the page, fonts and styles, the order of
// parts, sections and tables, and each table's grid with cells bound to the
// filing's fields through text/template expressions. The built-in forms are
// embedded (*.toml in this folder); users add their own from a folder.
//
// README.md in this folder is the guide to writing a template.
package templates

import (
	"embed"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

//go:embed *.toml
var builtin embed.FS

// Template is a compiled form template, ready to bind filings.
type Template struct {
	Name        string
	Version     string
	Description string
	Source      string // "built-in" or the file it was read from
	Dir         string // folder of a user template, for relative font paths

	spec   spec
	exprs  map[string]*template.Template // by text; none for text without {{…}}
	refs   map[string]ref                // by text: the filing field it shows; none if none
	tables map[string]*table

	file string                  // the file it was compiled from, for messages
	pos  func() budget.Positions // of the keys in that file
	root *template.Template      // the namespace of exprs; nil if there are none
}

// ID is the name and version, e.g. "hebei@2024".
func (t *Template) ID() string {
	if t.Version == "" {
		return t.Name
	}
	return t.Name + "@" + t.Version
}

// Set is the templates available to a run: the built-in ones, overridden or
// extended by those of user folders. A form may have several versions
// (hebei@2024, national@2015, national@2021): a filing gets the newest
// version not later than its budget year, so an archived year regenerates
// on that year's form.
type Set struct {
	byID   map[string]*Template
	byName map[string][]*Template // versions, oldest first
	// builtin holds the built-in template files not compiled yet, by form
	// name: a run needs one form, and compiling every form would be a good
	// part of its time. A file is named after its form, as name.toml or
	// name@version.toml.
	builtin map[string][]string
	files   []string // the user files read: templates and their fonts
}

// NewSet loads the built-in templates and then every *.toml of each folder
// in dirs, skipping empty names (not the working folder); a user template with the same name and version replaces the
// built-in one.
func NewSet(dirs ...string) (*Set, diag.List) {
	s := &Set{byID: map[string]*Template{}, byName: map[string][]*Template{}, builtin: map[string][]string{}}
	var notes diag.List
	files, _ := builtin.ReadDir(".")
	for _, e := range files {
		name, _, _ := strings.Cut(strings.TrimSuffix(e.Name(), ".toml"), "@")
		s.builtin[name] = append(s.builtin[name], e.Name())
	}
	for _, dir := range dirs {
		if dir == "" { // an empty entry of a path list (/x: or :/x) names no folder
			continue
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err == nil && len(files) == 0 {
			if _, statErr := os.Stat(dir); statErr != nil {
				err = statErr
			}
		}
		if err != nil {
			d := diag.Diagnostic{Pos: diag.Pos{File: dir}, Severity: diag.Error, Code: "TPL0"}
			notes = append(notes, d.Say(fileProblem(err), diag.T("check the path and that the file is readable")))
			continue
		}
		sort.Strings(files)
		for _, file := range files {
			t, n := Load(file)
			notes = append(notes, n...)
			s.files = append(s.files, file)
			if t != nil {
				s.files = append(s.files, t.Files()[1:]...)
				s.add(t)
			}
		}
	}
	notes.Sort()
	return s, notes
}

// compileBuiltin compiles the built-in templates of the form name, if not
// done yet, and adds those that no user template replaces. Their TOML comes
// decoded (builtinSpec, generated from the files) and is not dry-run: the
// tests make sure that the generated specs match the files and that every
// built-in template compiles, dry run included, without a finding.
func (s *Set) compileBuiltin(name string) diag.List {
	var notes diag.List
	for _, file := range s.builtin[name] {
		path := "templates/" + file
		data, _ := builtin.ReadFile(file)
		var t *Template
		var n diag.List
		if sp, ok := builtinSpec(file); ok {
			t, n = newCompiler(path, string(data)).build(sp, "", false)
		} else { // a file added since the specs were generated
			t, n = Parse(path, data)
		}
		notes = append(notes, n...)
		if t != nil && s.byID[t.ID()] == nil {
			t.Source = "built-in"
			s.add(t)
		}
	}
	delete(s.builtin, name)
	return notes
}

func (s *Set) add(t *Template) {
	if old, ok := s.byID[t.ID()]; ok {
		versions := s.byName[t.Name]
		for i, v := range versions {
			if v == old {
				versions[i] = t
			}
		}
	} else {
		s.byName[t.Name] = append(s.byName[t.Name], t)
		sort.SliceStable(s.byName[t.Name], func(i, j int) bool {
			return versionLess(s.byName[t.Name][i].Version, s.byName[t.Name][j].Version)
		})
	}
	s.byID[t.ID()] = t
}

// Get finds a template by "name@version", or by "name" alone: its newest
// version, or with year > 0 the newest version not later than year (the
// oldest if all are later).
func (s *Set) Get(id string, year int) (*Template, bool) {
	name, _, _ := strings.Cut(id, "@")
	s.compileBuiltin(name)
	if t, ok := s.byID[id]; ok && strings.Contains(id, "@") {
		return t, true
	}
	versions := s.byName[id]
	if len(versions) == 0 {
		return nil, false
	}
	pick := versions[len(versions)-1]
	if year > 0 {
		pick = versions[0]
		for _, v := range versions {
			if n, err := strconv.Atoi(v.Version); err == nil && n <= year {
				pick = v
			}
		}
	}
	return pick, true
}

// versionLess orders versions numerically when both are numbers.
func versionLess(a, b string) bool {
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	if errA == nil && errB == nil {
		return na < nb
	}
	return a < b
}

// All lists the templates sorted by name and version.
func (s *Set) All() []*Template {
	for _, name := range slices.Sorted(maps.Keys(s.builtin)) {
		s.compileBuiltin(name)
	}
	var all []*Template
	for _, t := range s.byID {
		all = append(all, t)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID() < all[j].ID() })
	return all
}

// Files are the user files the set was made from: every template file of
// the folders and the font files the templates name.
func (s *Set) Files() []string { return s.files }

// MaxFileSize is the largest template file Load reads; the built-in ones
// are about 15 KB.
const MaxFileSize = 1 << 20

// Load reads and compiles a template file: a regular file of at most
// MaxFileSize bytes.
func Load(path string) (*Template, diag.List) {
	data, err := safefile.ReadRegular(path, MaxFileSize)
	if err != nil {
		d := diag.Diagnostic{Pos: diag.Pos{File: path}, Severity: diag.Error, Code: "TPL0"}
		return nil, diag.List{d.Say(fileProblem(err), diag.T("check the path and that the file is readable"))}
	}
	t, notes := parse(path, filepath.Dir(path), data)
	if t != nil {
		t.Source = path
	}
	return t, notes
}

// Parse compiles a template from its TOML text; name is used in messages.
// Every problem is reported with its position, before any filing is bound.
func Parse(name string, data []byte) (*Template, diag.List) { return parse(name, "", data) }

// parse compiles a template whose font files are relative to dir.
func parse(name, dir string, data []byte) (*Template, diag.List) {
	var sp spec
	src := strings.TrimPrefix(string(data), "\ufeff")
	md, err := toml.Decode(src, &sp)
	unknown, variants := budget.CheckKeys(md, reflect.TypeOf(sp))
	if err != nil && len(variants) == 0 {
		return nil, diag.List{budget.DecodeError(name, src, err)}
	}
	c := newCompiler(name, src)
	for _, k := range unknown {
		c.fail(strings.Join(k, "."), "unknown key %q", []any{k[len(k)-1]},
			"remove the key or correct its spelling; templates/README.md lists every key")
	}
	// A key in another case (Size beside size) fills the same field as its
	// exact spelling, one of them at random: it is an error.
	for _, v := range variants {
		c.fail(strings.Join(v.Key, "."), "unknown key %q", []any{v.Key[len(v.Key)-1]},
			"keys are case-sensitive: write %q", v.Want)
	}
	if len(variants) > 0 {
		c.notes.Sort()
		return nil, c.notes
	}
	return c.build(sp, dir, true)
}

// compiler checks a template and prepares its expressions and tables.
type compiler struct {
	file  string
	pos   func() budget.Positions // of the keys in the template's text, indexed when first needed
	t     *Template
	notes diag.List
}

func newCompiler(file, src string) *compiler {
	return &compiler{file: file, pos: sync.OnceValue(func() budget.Positions { return budget.IndexPositions(src) })}
}

// build compiles sp; dryRun binds a sample filing to find expressions that
// name fields that do not exist.
func (c *compiler) build(sp spec, dir string, dryRun bool) (*Template, diag.List) {
	c.t = &Template{Name: sp.Name, Version: sp.Version, Description: sp.Description, Dir: dir,
		spec: sp, exprs: map[string]*template.Template{}, refs: map[string]ref{}, tables: map[string]*table{}, file: c.file, pos: c.pos}
	c.compile()
	if dryRun && len(c.notes) == 0 {
		c.dryRun()
	}
	c.notes.Sort()
	if c.notes.HasErrors() {
		return nil, c.notes
	}
	return c.t, c.notes
}

func (c *compiler) fail(path, msg string, args []any, hint string, hintArgs ...any) {
	p := c.pos().Of(path)
	p.File = c.file
	c.notes = append(c.notes, diag.Diagnostic{Pos: p,
		Severity: diag.Error, Code: "TPL", Path: path, Msg: msg, Args: args, Hint: hint, HintArgs: hintArgs})
}

func (c *compiler) compile() {
	sp := &c.t.spec
	if sp.Name == "" {
		c.fail("name", "the template has no name", nil, "add name = \"…\" at the top of the file")
	}
	c.checkValues()
	if c.notes.HasErrors() {
		return // the checks below assume sane numbers
	}
	c.checkPage()
	for _, role := range sortedKeys(sp.Fonts) {
		c.checkFont(role, sp.Fonts[role])
	}
	for _, name := range sortedKeys(sp.Styles) {
		st := sp.Styles[name]
		if _, ok := sp.Fonts[st.Font]; !ok {
			c.fail("styles."+name+".font", "style %q uses font %q, which is not defined", []any{name, st.Font}, "define it under [fonts.%s] or use one of: %s", st.Font, strings.Join(sortedKeys(sp.Fonts), ", "))
		}
		if st.Size <= 0 {
			c.fail("styles."+name, "style %q has no size", []any{name}, "set size = in points, e.g. 16 for 三号")
		}
		if st.MinSize < 0 || st.MinSize > st.Size {
			c.fail("styles."+name+".min_size", "style %q: min_size %g pt is not between 0 and its size", []any{name, st.MinSize}, "set min_size to at most size, e.g. 8 for a 10.5 pt cell")
		}
		if !oneOf(st.Align, "", "left", "center", "right", "justify") {
			c.fail("styles."+name+".align", "unknown alignment %q", []any{st.Align}, "use left, center, right or justify")
		}
		if !oneOf(st.VAlign, "", "middle", "top", "bottom") {
			c.fail("styles."+name+".valign", "unknown alignment %q", []any{st.VAlign}, "use middle, top or bottom")
		}
	}
	if sp.Page.Footer.Format != "" {
		c.style("page.footer.style", sp.Page.Footer.Style)
		if strings.Count(sp.Page.Footer.Format, "%d") != 1 {
			c.fail("page.footer.format", "the page-number format must contain %%d once", nil, "write it like \"— %%d —\"")
		}
	}
	c.expr("metadata.title", sp.Metadata.Title)
	c.expr("metadata.subject", sp.Metadata.Subject)
	c.expr("metadata.keywords", sp.Metadata.Keywords)
	c.checkTaxonomy()
	c.checkMoney()
	for _, name := range sortedKeys(sp.Tables) {
		c.compileTable(name, sp.Tables[name])
	}
	c.blocks("body", sp.Body, "")
}

func (c *compiler) checkPage() {
	p := &c.t.spec.Page
	if p.Width <= 0 || p.Height <= 0 {
		c.fail("page", "the page size is missing", nil, "set width = 210 and height = 297 (mm) for A4")
		return
	}
	if p.MarginLeft+p.MarginRight >= p.Width || p.MarginTop+p.MarginBottom >= p.Height {
		c.fail("page", "the margins leave no room for text", nil, "make the margins smaller than the page")
	}
	if g := p.Grid; g.Lines < 0 || g.Chars < 0 || g.Lines > 200 || g.Chars > 200 || (g.Lines == 0) != (g.Chars == 0) {
		c.fail("page.grid", "the character grid needs lines and chars, each 1 to 200", nil, "write lines = 22 and chars = 28 (GB/T 9704), or leave [page.grid] out")
	}
}

func (c *compiler) checkTaxonomy() {
	tx := &c.t.spec.Taxonomy
	known := map[string]bool{}
	for _, cat := range tx.Categories {
		known[cat.Name] = true
	}
	for i, list := range [][]string{tx.Required, tx.Recommended} {
		key := []string{"required", "recommended"}[i]
		for _, n := range list {
			if !known[n] {
				c.fail("taxonomy."+key, "category %q is not in taxonomy.categories", []any{n}, "add it as [[taxonomy.categories]] or correct the name")
			}
		}
	}
}

// checkMoney makes sure a form that converts amounts can: its own unit and
// every unit it accepts from a filing are units budget.MoneyUnit can
// convert between.
func (c *compiler) checkMoney() {
	sp := &c.t.spec
	if sp.Money.Decimals < 0 || sp.Money.Decimals > maxDecimals {
		c.fail("money.decimals", "money.decimals must be between 0 and %d", []any{maxDecimals}, "forms print amounts with 2 decimals; 0 means 2")
	}
	if sp.Money.Unit == "" {
		return
	}
	if budget.MoneyUnit(sp.Money.Unit).Fen() == 0 {
		c.fail("money.unit", "money unit %q cannot be converted", []any{sp.Money.Unit}, "use 元 or 万元")
	}
	for _, u := range sp.Taxonomy.MoneyUnits {
		if budget.MoneyUnit(u).Fen() == 0 {
			c.fail("taxonomy.money_units", "money unit %q cannot be converted", []any{u}, "use 元 or 万元")
		}
	}
}

// maxDecimals bounds [money] decimals, so that the largest amount stays
// in range when converted.
const maxDecimals = 4

func (c *compiler) style(path, name string) {
	if _, ok := c.t.spec.Styles[name]; !ok {
		c.fail(path, "style %q is not defined", []any{name}, "define it under [styles.%s] or use one of: %s", name, strings.Join(sortedKeys(c.t.spec.Styles), ", "))
	}
}

// expr parses a text expression once; the dry run later executes it.
func (c *compiler) expr(path, text string) {
	if !strings.Contains(text, "{{") || c.t.exprs[text] != nil {
		return
	}
	if callsTemplates(path, text) {
		c.fail(path, "an expression cannot define or call templates (define, block, template)", nil,
			"write the text out in each place it is needed; see templates/README.md")
		return
	}
	if c.t.root == nil { // one namespace and function table for all the expressions
		c.t.root = template.New("").Funcs(funcs(c.t, nil)).Option("missingkey=error")
	}
	tpl, err := c.t.root.New(path).Parse(text)
	if err != nil {
		c.fail(path, "bad expression: %s", []any{cleanTemplateError(err)}, "expressions use Go template syntax, e.g. {{.Item.Name}}; see templates/README.md")
		return
	}
	meter(tpl.Tree)
	c.t.exprs[text] = tpl
	if m := fieldRef().FindStringSubmatch(text); m != nil {
		if r, ok := refOf(m); ok {
			c.t.refs[text] = r
		}
	}
}

func (c *compiler) blocks(path string, blocks []blockSpec, over string) {
	for i, b := range blocks {
		p := fmt.Sprintf("%s[%d]", path, i+1)
		switch b.Kind {
		case "heading", "paragraph":
			c.style(p+".style", b.Style)
			c.expr(p+".text", b.Text)
			if b.TOC != nil {
				c.expr(p+".toc.text", b.TOC.Text)
			}
		case "toc":
			c.style(p+".style", b.Style)
			c.expr(p+".text", b.Text)
			c.style(p+".entry_style", b.Entry)
		case "pagebreak":
		case "table":
			if _, ok := c.t.spec.Tables[b.Table]; !ok {
				c.fail(p+".table", "table %q is not defined", []any{b.Table}, "define it under [tables.%s]", b.Table)
			} else if over != "projects" && c.t.tables[b.Table] != nil && c.t.tables[b.Table].repeats {
				c.fail(p+".table", "table %q repeats rows over indicators, so it must be inside an each over projects", []any{b.Table}, "move the block into the projects loop")
			}
		case "each":
			if !oneOf(b.Over, "overall", "projects") {
				c.fail(p+".over", "cannot repeat over %q", []any{b.Over}, "use over = \"overall\" or over = \"projects\"")
			}
			if over != "" {
				c.fail(p, "each blocks cannot be nested", nil, "put the blocks directly in one each")
			}
			c.blocks(p+".blocks", b.Blocks, b.Over)
		default:
			c.fail(p+".kind", "unknown block kind %q", []any{b.Kind}, "use heading, paragraph, toc, pagebreak, table or each")
		}
		c.expr(p+".when", b.When)
	}
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
