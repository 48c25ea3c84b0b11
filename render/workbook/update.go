package workbook

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Book is a data workbook opened for editing in a form: its values as the
// filing's TOML form shows them, the fields its formulas hold (read-only),
// and Update, which writes a form's values back into its cells.
type Book struct {
	file     string
	data     []byte
	src      *budget.Source     // the filing as TOML, which a form's values patch
	formulas map[string]Formula // by field path
}

// Formula is a field read from a formula cell.
type Formula struct {
	Path    string // the field, e.g. projects[1].budget
	Cell    string // its cell, e.g. 项目!C2
	Formula string // without the =, e.g. D2+E2
}

// Open reads a data workbook for editing; nil with the findings when it
// cannot be read (as Read).
func Open(file string, data []byte) (*Book, diag.List) {
	r, notes := openBook(file, data)
	if r == nil {
		return nil, notes
	}
	defer r.x.Close()
	if notes.HasErrors() {
		return nil, notes
	}
	src, err := budget.ReadSource(budget.EncodeTOML(r.f))
	if err != nil { // EncodeTOML writes what ReadSource reads
		return nil, append(notes, diag.Diagnostic{Pos: diag.Pos{File: file}, Severity: diag.Error, Code: "X1"}.Say(
			diag.T("the workbook cannot be read: %v", err), diag.T("open it in Excel or WPS and save it again as an Excel workbook (.xlsx)")))
	}
	return &Book{file: file, data: data, src: src, formulas: r.formulaFields()}, notes
}

// Values returns the workbook's values as a form shows them (those of
// the filing's TOML form), a new Table on each call.
func (b *Book) Values() *budget.Table { return b.src.Values() }

// Formulas returns the fields whose cells hold a formula, by path: a
// form shows them read-only.
func (b *Book) Formulas() []Formula {
	var out []Formula
	for _, path := range slices.Sorted(maps.Keys(b.formulas)) {
		out = append(out, b.formulas[path])
	}
	return out
}

// element is an array element's own path: projects[2], overall[1],
// projects[2].indicators[3].
var element = regexp.MustCompile(`^(overall|projects)\[\d+\](\.indicators\[\d+\])?$`)

// formulaFields are the fields read from a formula cell, by path.
func (r *reader) formulaFields() map[string]Formula {
	byName := map[string]*sheet{}
	for _, s := range r.sheets {
		byName[s.name] = s
	}
	out := map[string]Formula{}
	for path, pos := range r.f.Positions {
		s := byName[pos.Sheet]
		if s == nil || pos.Line < 1 || pos.Col < 1 || element.MatchString(path) {
			continue
		}
		if c := s.at(pos.Line, pos.Col); c.hasF {
			cell := pos
			cell.File = ""
			f := c.formula
			if f == "" { // a share of a formula filled down: the library derives its text
				f, _ = r.x.GetCellFormula(s.name, ref(c.col, c.row))
			}
			out[path] = Formula{Path: path, Cell: cell.String(), Formula: f}
		}
	}
	return out
}

// openBook opens and reads a workbook (see Read); the caller closes r.x. The
// reader is nil when the workbook cannot be opened.
func openBook(file string, data []byte) (*reader, diag.List) {
	if len(data) > MaxFileSize {
		return nil, unreadable(file, "F6", diag.T("the file is %d bytes; the limit is %d bytes", len(data), MaxFileSize),
			diag.T("a data workbook is well under a megabyte; check that this is the right file"))
	}
	if msg, hint, ok := notXLSX(data); ok {
		return nil, unreadable(file, "X1", msg, hint)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, unreadable(file, "X1", diag.T("the workbook cannot be read: %v", err),
			diag.T("open it in Excel or WPS and save it again as an Excel workbook (.xlsx)"))
	}
	r, notes := readBook(file, data, x)
	if r == nil {
		x.Close()
	}
	return r, notes
}

// Update writes the form's values t (an edit of Values) into the
// workbook's cells and returns the new workbook. Only the cells whose
// values changed are written; every other sheet, the styles, column
// widths, merged cells, drop-downs, comments and formulas are kept. A new
// project, section or indicator is a new row after its predecessor's,
// styled as that row; a removed one's row is deleted; a moved one's row
// is moved. Amounts are numbers in the cell's format. A formula cell
// cannot be changed (X9), formulas whose inputs changed are recalculated
// (and marked for Excel and WPS to recalculate on opening), and the new
// workbook must read back as exactly the form's values: otherwise nothing
// is returned and the findings say why (X9, X10).
func (b *Book) Update(t *budget.Table) ([]byte, diag.List) {
	target, notes := budget.Parse(b.file, b.src.Patch(t))
	if target == nil {
		return nil, notes
	}
	tidy(target)
	if err := storable(target); err != nil {
		return nil, diag.List{b.refusal(diag.Pos{}, "", diag.T("the value cannot be stored in a workbook: %v", err), diag.T("correct the value"))}
	}
	r, notes := openBook(b.file, b.data)
	if r == nil || notes.HasErrors() {
		return nil, notes
	}
	defer r.x.Close()
	u := &updater{b: b, r: r, x: r.x, to: target, origins: t, rows: map[string]*rowMap{}}
	u.unit()
	u.tables()
	if len(u.notes) > 0 {
		return nil, u.notes
	}
	out, err := u.write()
	if err != nil {
		return nil, diag.List{b.refusal(diag.Pos{}, "", diag.T("the workbook cannot be written: %v", err),
			diag.T("edit the workbook in Excel or WPS"))}
	}
	if d, ok := b.readsBack(out, target); !ok {
		return nil, diag.List{d}
	}
	return out, nil
}

// refusal is a finding X10, which refuses an update: the workbook cannot
// hold the value at path as the form has it.
func (b *Book) refusal(pos diag.Pos, path string, msg, hint diag.Text) diag.Diagnostic {
	pos.File = b.file
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: "X10", Path: path}.Say(msg, hint)
}

// tidy makes the texts of f what the reader reads from a cell: without
// blanks around them, with \n for a line end, and goals without empty
// lines.
func tidy(f *budget.Filing) {
	clean := func(s *string) { *s = strings.TrimFunc(lineBreaks.Replace(*s), unicode.IsSpace) }
	d := &f.Department
	for _, s := range []*string{&f.Template, &f.Date, &d.Code, &d.Name, &d.ShortName, &d.Supervisor, &d.SupervisorCode, &d.Filler} {
		clean(s)
	}
	unit := string(d.MoneyUnit)
	clean(&unit)
	d.MoneyUnit = budget.MoneyUnit(unit)
	for i := range f.Overall {
		s := &f.Overall[i]
		for _, v := range []*string{&s.Title, &s.Subtitle, &s.Text} {
			clean(v)
		}
	}
	for i := range f.Projects {
		p := &f.Projects[i]
		for _, key := range []string{"code", "name", "implementer", "kind", "period", "purpose"} {
			clean(projectField(p, "projects."+key))
		}
		if p.Goals != nil {
			p.Goals = goals(strings.Join(p.Goals, "\n"))
		}
		for j := range p.Indicators {
			for _, c := range indicatorColumns {
				if v := indicatorField(&p.Indicators[j], c.key); v != nil {
					clean(v)
				}
			}
		}
	}
}

// flat is every value of f by its path, as the text that compares equal
// when the values are: amounts in hundredths, a wrong amount as written.
func flat(f *budget.Filing) map[string]string {
	m := map[string]string{}
	eachText(f, func(v string, path func() string) bool {
		if v != "" {
			m[path()] = v
		}
		return true
	})
	if f.Year != 0 {
		m["year"] = strconv.Itoa(f.Year)
	}
	for i, p := range f.Projects {
		for _, c := range projectColumns {
			if d := projectMoney(&p, c.key); d != nil && d.Set {
				m[fmt.Sprintf("projects[%d].%s", i+1, strings.TrimPrefix(c.key, "projects."))] = decimalText(*d)
			}
		}
		for j, d := range p.SpendingPlan {
			m[fmt.Sprintf("projects[%d].spending_plan[%d]", i+1, j+1)] = decimalText(d)
		}
	}
	return m
}

// decimalText is an amount as flat compares it.
func decimalText(d budget.Decimal) string {
	switch {
	case !d.Set:
		return ""
	case d.Err == nil || d.Err == budget.ErrDecimalNegative:
		return budget.FormatFixed(d.Hundredths, 2)
	}
	return "text " + d.Raw
}

// readsBack checks that the workbook out reads back as the filing want,
// but for the formulas' values, which are the workbook's.
func (b *Book) readsBack(out []byte, want *budget.Filing) (diag.Diagnostic, bool) {
	r, notes := openBook(b.file, out)
	if r == nil {
		return notes[0], false
	}
	defer r.x.Close()
	if notes.HasErrors() {
		for _, d := range notes {
			if d.Severity == diag.Error {
				return d, false
			}
		}
	}
	got, exp := flat(r.f), flat(want)
	formulas := r.formulaFields()
	keys := slices.Sorted(maps.Keys(got))
	for k := range exp {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if _, ok := formulas[k]; !ok && got[k] != exp[k] {
			if strings.Contains(exp[k], "\n") && got[k] == joinLines(exp[k]) {
				return b.refusal(r.f.Positions.Of(k), k, diag.T("this field is one line in a workbook cell, and the text has a line break"),
					diag.T("remove the line break")), false
			}
			return b.refusal(r.f.Positions.Of(k), k, diag.T("the saved workbook would read %q here instead of %q", got[k], exp[k]),
				diag.T("the workbook was not changed; edit this value in Excel or WPS")), false
		}
	}
	return diag.Diagnostic{}, true
}
