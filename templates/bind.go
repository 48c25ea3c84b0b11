package templates

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
)

// scope is what a template expression sees: {{.Filing.Year}},
// {{.Dept.Name}}, {{.Item.Name}} (the section or project being repeated),
// {{.N}} (its 1-based number), {{.Row.Value}} (the indicator of a repeated
// row) and {{.Template.Name}}.
type scope struct {
	Filing   *budget.Filing
	Dept     *budget.Department
	Item     any
	N        int
	Row      *budget.Indicator
	RowN     int // the indicator's 1-based number in the filing (before sorting)
	Template *Template
}

// Bind fills the template with a filing. The filing should have passed
// validation; Bind itself only fails on an expression error or an
// expression over the binding's budget (see limits.go), which comes back
// as a diag.List pointing at the template's file and line.
func (t *Template) Bind(f *budget.Filing) (*doc.Document, error) {
	b := &binder{t: t, f: f, d: &doc.Document{}, work: newWork(len(f.Source))}
	if t.root != nil {
		// The expressions' functions charge this binding's budget: a
		// copy of the namespace (its parse trees shared, not copied)
		// with functions bound to it, so bindings run side by side.
		root, err := t.root.Clone()
		if err != nil {
			return nil, err
		}
		b.root = root.Funcs(funcs(t, b.work))
	}
	b.base = scope{Filing: f, Dept: &f.Department, Template: t}
	b.setup()
	b.blocks("body", t.spec.Body, b.base)
	if b.err != nil {
		return nil, diag.List{*b.err}
	}
	return b.d, nil
}

// exprError is the finding for an expression that failed at path, in a
// binding with budget w.
func (t *Template) exprError(path string, err error, w *work) *diag.Diagnostic {
	var p diag.Pos
	if t.pos != nil {
		p = t.pos().Of(path)
	}
	p.File = t.file
	d := diag.Diagnostic{Pos: p, Severity: diag.Error, Code: "TPL", Path: path}
	if errors.Is(err, errBudget) {
		d.Msg, d.Args = "the expression does more work than a form may (%d steps, %d bytes of text for this filing)", []any{w.maxSteps, w.maxBytes}
		d.Hint = "a form prints each field about once: look for a {{range}} over a large number, or loops inside loops"
		return &d
	}
	d.Msg, d.Args = "bad expression: %s", []any{strings.TrimSpace(cleanTemplateError(err))}
	d.Hint = "fields are those of the input schema, e.g. {{.Item.Name}}, {{.Row.Value}}, {{.Dept.Name}}; see templates/README.md"
	return &d
}

type binder struct {
	t     *Template
	root  *template.Template // the expressions, their functions charging work
	work  *work              // the binding's budget
	f     *budget.Filing
	d     *doc.Document
	base  scope
	marks int
	err   *diag.Diagnostic
}

// text executes an expression; the first error stops the binding.
func (b *binder) text(path, expr string, sc scope) string {
	if b.err != nil {
		return ""
	}
	tpl := b.t.exprs[expr]
	if tpl == nil { // plain text: a step and its bytes, as a form's own cells count too
		if err := b.work.spend(len(expr)); err != nil {
			b.err = b.t.exprError(path, err, b.work)
			return ""
		}
		return expr
	}
	var out strings.Builder
	if err := b.root.Lookup(tpl.Name()).Execute(budgetWriter{b.work, &out}, sc); err != nil {
		b.err = b.t.exprError(path, err, b.work)
		return ""
	}
	return out.String()
}

func (b *binder) setup() {
	sp := &b.t.spec
	p := sp.Page
	b.d.Page = doc.Page{Width: p.Width, Height: p.Height,
		MarginTop: p.MarginTop, MarginBottom: p.MarginBottom, MarginLeft: p.MarginLeft, MarginRight: p.MarginRight,
		Footer: doc.Footer{Format: p.Footer.Format, Style: p.Footer.Style, Distance: p.Footer.Distance,
			OddEven: p.Footer.OddEven, Inset: p.Footer.Inset, NumberTOC: p.Footer.NumberTOC},
		Grid: doc.Grid{Lines: p.Grid.Lines, Chars: p.Grid.Chars}, Duplex: p.Duplex}
	b.d.Fonts = map[string]doc.Font{}
	for role, fs := range sp.Fonts {
		b.d.Fonts[role] = doc.Font{PDF: b.t.fontPath(fs.PDF), PDFBold: b.t.fontPath(fs.PDFBold), Index: fs.Index,
			EastAsia: fs.EastAsia, Latin: fs.Latin}
	}
	b.d.Styles = map[string]doc.Style{}
	for name, s := range sp.Styles {
		b.d.Styles[name] = doc.Style{Name: name, Font: s.Font, Size: s.Size, Bold: s.Bold,
			Align: align(s.Align), VAlign: valign(s.VAlign), LineHeight: s.LineHeight, FirstIndent: s.Indent,
			SpaceBefore: s.SpaceBefore, SpaceAfter: s.SpaceAfter, KeepWithNext: s.KeepWithNext,
			OutlineLevel: s.Outline, Padding: s.Padding, PageBreak: s.PageBreak, Grid: s.Grid,
			NoWrap: s.NoWrap, BreakAfter: s.BreakAfter, BreakBefore: s.BreakBefore, MinSize: s.MinSize}
	}
	b.d.Meta = doc.Meta{
		Title:    b.text("metadata.title", sp.Metadata.Title, b.base),
		Author:   b.f.Department.Name,
		Subject:  b.text("metadata.subject", sp.Metadata.Subject, b.base),
		Keywords: b.text("metadata.keywords", sp.Metadata.Keywords, b.base),
		Language: "zh-CN",
		Created:  CreationDate(b.f),
		Template: b.t.ID(),
		Source: doc.Attachment{Name: filepath.Base(b.f.File), Data: b.f.Source,
			Description: "申报数据（由 jixiao 生成本报告的源文件，模板 " + b.t.ID() + "）"},
	}
}

// CreationDate is the date written into the documents: the filing's date
// key, else SOURCE_DATE_EPOCH (when SourceDate accepts it), else 1 January
// of the budget year. It never reads the clock, so the same input gives the
// same bytes.
func CreationDate(f *budget.Filing) time.Time {
	if t, err := time.Parse("2006-01-02", f.Date); err == nil {
		return t
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if t, err := SourceDate(s); err == nil {
			return t
		}
	}
	year := f.Year
	if year < 1 || year > 9999 {
		year = 2000
	}
	return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
}

// ErrSourceDate is the error of SourceDate.
var ErrSourceDate = errors.New("SOURCE_DATE_EPOCH is not a whole number of seconds from 1980 to 9999")

// SourceDate reads a SOURCE_DATE_EPOCH value: seconds since 1970-01-01
// UTC, for a time from 1980 (the earliest a DOCX, a zip file, can hold) to
// the end of 9999 (the latest a PDF date can).
func SourceDate(s string) (time.Time, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Unix() - 1
	if err != nil || n < lo || n > hi {
		return time.Time{}, ErrSourceDate
	}
	return time.Unix(n, 0).UTC(), nil
}

func (b *binder) blocks(path string, blocks []blockSpec, sc scope) {
	for i, bs := range blocks {
		p := fmt.Sprintf("%s[%d]", path, i+1)
		if bs.When != "" && strings.TrimSpace(b.text(p+".when", bs.When, sc)) == "" {
			continue
		}
		switch bs.Kind {
		case "heading":
			h := &doc.Heading{Text: b.text(p+".text", bs.Text, sc), Style: bs.Style, Pos: b.pos(sc)}
			b.marks++
			h.Bookmark = fmt.Sprintf("_Toc%04d", b.marks)
			if bs.TOC != nil {
				level := bs.TOC.Level
				if level == 0 {
					level = 1
				}
				h.TOC = &doc.TOCEntry{List: bs.TOC.List, Level: level, Text: b.text(p+".toc.text", bs.TOC.Text, sc)}
			}
			b.d.Blocks = append(b.d.Blocks, h)
		case "paragraph":
			b.d.Blocks = append(b.d.Blocks, &doc.Paragraph{Text: b.text(p+".text", bs.Text, sc), Style: bs.Style, Pos: b.pos(sc)})
		case "toc":
			b.d.Blocks = append(b.d.Blocks, &doc.TOC{Title: b.text(p+".text", bs.Text, sc), TitleStyle: bs.Style, Lists: bs.Lists, EntryStyle: bs.Entry})
		case "pagebreak":
			b.d.Blocks = append(b.d.Blocks, doc.PageBreak{})
		case "table":
			b.d.Blocks = append(b.d.Blocks, b.table(p, b.t.tables[bs.Table], sc))
		case "each":
			b.each(p, bs, sc)
		}
	}
}

func (b *binder) each(path string, bs blockSpec, sc scope) {
	switch bs.Over {
	case "overall":
		for i := range b.f.Overall {
			sc.Item, sc.N = &b.f.Overall[i], i+1
			b.blocks(path+".blocks", bs.Blocks, sc)
		}
	case "projects":
		for i := range b.f.Projects {
			sc.Item, sc.N = &b.f.Projects[i], i+1
			b.blocks(path+".blocks", bs.Blocks, sc)
		}
	}
}

// pos points a doc node back at the filing: the indicator or the project or
// section being repeated, or the file itself.
func (b *binder) pos(sc scope) doc.Pos {
	key := ""
	switch sc.Item.(type) {
	case *budget.Project:
		key = "projects[" + strconv.Itoa(sc.N) + "]"
		if sc.RowN > 0 {
			key += ".indicators[" + strconv.Itoa(sc.RowN) + "]"
		}
	case *budget.Section:
		key = "overall[" + strconv.Itoa(sc.N) + "]"
	}
	return b.f.At(key)
}

func (b *binder) table(path string, tb *table, sc scope) *doc.Table {
	borders := tb.spec.Borders == nil || *tb.spec.Borders
	name := tb.name // in messages: the project's table, as the report numbers it
	if p, ok := sc.Item.(*budget.Project); ok {
		name = fmt.Sprintf("%d、%s", sc.N, p.Name)
	}
	t := &doc.Table{Name: name, Columns: tb.columns(b.d.Page.TextWidth()), Borders: borders,
		KeepTogether: tb.spec.Keep, Joined: tb.spec.Joined, ContinuedStyle: tb.spec.ContinuedStyle, Pos: b.pos(sc)}
	if tb.spec.Continued != "" {
		t.Continued = b.text("tables."+tb.name+".continued", tb.spec.Continued, sc)
	}
	for r, rs := range tb.spec.Rows {
		rp := fmt.Sprintf("tables.%s.rows[%d]", tb.name, r+1)
		if r < tb.spec.HeaderRows {
			t.HeaderRows++
		}
		if rs.Each == "" {
			t.Rows = append(t.Rows, b.row(rp, tb.cells[r], rs, sc))
			continue
		}
		proj, _ := sc.Item.(*budget.Project)
		if proj == nil {
			continue
		}
		first := len(t.Rows)
		for _, i := range b.indicators(proj, rs.Sort) {
			sc.Row, sc.RowN = &proj.Indicators[i], i+1
			t.Rows = append(t.Rows, b.row(rp, tb.cells[r], rs, sc))
		}
		mergeEqual(t, first, rs)
	}
	for r := range t.Rows {
		for i := range t.Rows[r].Cells {
			if t.Rows[r].Cells[i].RowSpan == -1 {
				t.Rows[r].Cells[i].RowSpan = len(t.Rows) - r
			}
		}
	}
	return t
}

func (b *binder) row(path string, places []cellPlace, rs rowSpec, sc scope) doc.Row {
	row := doc.Row{CantSplit: rs.CantSplit, KeepWithNext: rs.KeepNext}
	pos := b.pos(sc)
	for i, cs := range rs.Cells {
		span := cs.Rows
		if span == 0 {
			span = 1
		}
		c := doc.Cell{Col: places[i].col, ColSpan: places[i].span, RowSpan: span,
			Text: b.text(path+".cells["+strconv.Itoa(i+1)+"]", cs.Text, sc), Style: cs.Style, Pos: pos}
		if r, ok := b.t.refs[cs.Text]; ok {
			c.Field = r.field(sc)
		}
		if c.Field != "" {
			if at := b.f.At(c.Field); at.Line > 0 {
				c.Pos = at
			}
		}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// mergeEqual merges, in the repeated rows from first on, each merge cell
// into the cell above when their texts are equal and every merge cell to
// its left merged too (so 二级 cells merge only under the same 一级).
func mergeEqual(t *doc.Table, first int, rs rowSpec) {
	owner := make([]int, len(rs.Cells)) // row holding the open merged cell, per cell spec
	for r := first; r < len(t.Rows); r++ {
		var keep []doc.Cell
		leftMerged := r > first
		for i, cell := range t.Rows[r].Cells {
			if !rs.Cells[i].Merge {
				keep = append(keep, cell)
				continue
			}
			if leftMerged && cell.Text != "" {
				if above := findCell(t.Rows[owner[i]].Cells, cell.Col); above != nil && above.Text == cell.Text {
					above.RowSpan++
					continue
				}
			}
			leftMerged = false
			owner[i] = r
			keep = append(keep, cell)
		}
		t.Rows[r].Cells = keep
	}
}

func findCell(cells []doc.Cell, col int) *doc.Cell {
	for i := range cells {
		if cells[i].Col == col {
			return &cells[i]
		}
	}
	return nil
}

// indicators returns the indexes of the project's indicators in the order
// the row asks: by taxonomy (一级 then 二级 in the form's order; unknown
// names last, input order kept among equals) or as input.
func (b *binder) indicators(p *budget.Project, order string) []int {
	out := make([]int, len(p.Indicators))
	for i := range out {
		out[i] = i
	}
	if order != "taxonomy" {
		return out
	}
	rank1, rank2 := map[string]int{}, map[string]int{}
	for i, c := range b.t.spec.Taxonomy.Categories {
		rank1[c.Name] = i + 1
		for j, s := range c.Subs {
			rank2[c.Name+"/"+s] = j + 1
		}
	}
	rank := func(m map[string]int, k string) int {
		if r, ok := m[k]; ok {
			return r
		}
		return len(m) + 1
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := &p.Indicators[out[i]], &p.Indicators[out[j]]
		if ra, rc := rank(rank1, a.Level1), rank(rank1, c.Level1); ra != rc {
			return ra < rc
		}
		return rank(rank2, a.Level1+"/"+a.Level2) < rank(rank2, c.Level1+"/"+c.Level2)
	})
	return out
}

func align(s string) doc.Align {
	switch s {
	case "center":
		return doc.AlignCenter
	case "right":
		return doc.AlignRight
	case "justify":
		return doc.AlignJustify
	}
	return doc.AlignLeft
}

func valign(s string) doc.VAlign {
	switch s {
	case "top":
		return doc.VAlignTop
	case "bottom":
		return doc.VAlignBottom
	}
	return doc.VAlignMiddle
}
