// Package render is the pipeline, and the one API a front end (the
// command, a local server) calls: an Engine loads a filing from a file or
// from bytes (the format picked by the file's extension, see readers.go),
// looks up its form, checks it and builds the report, which it writes as a
// PDF, a DOCX or a workbook of its tables to any io.Writer.
//
// Findings come back as values (diag.List), never printed; errors say what
// kind of failure ended a step (ErrUnreadable, ErrInvalid), for a front end
// to map to its exit codes or status. Inside, a filing bound to its form
// template becomes a document model (templates), which is laid out into
// pages (layout) and drawn as a PDF (pdf), or written as a DOCX (docx) with
// the page numbers the layout found.
package render

import (
	"cmp"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/docx"
	"github.com/jixiao-dev/jixiao/render/layout"
	"github.com/jixiao-dev/jixiao/render/pdf"
	"github.com/jixiao-dev/jixiao/render/svg"
	"github.com/jixiao-dev/jixiao/render/xlsx"
	"github.com/jixiao-dev/jixiao/templates"
)

// Errors of the pipeline's steps, for errors.Is. The findings returned
// alongside say what is wrong.
var (
	// ErrUnreadable: the file cannot be read at all (missing, a folder, no
	// permission): a problem of the run, not of the filing.
	ErrUnreadable = errors.New("render: the file cannot be read")
	// ErrInvalid: the filing (or its form template) has errors, so no
	// report is made.
	ErrInvalid = errors.New("render: the filing has errors")
)

// DefaultForm is the form of a filing that names none.
const DefaultForm = "hebei"

// Options configure an Engine.
type Options struct {
	// TemplateDirs are folders of extra form templates (*.toml); a
	// template with the name and version of a built-in one replaces it.
	TemplateDirs []string
	// UpdateFields makes the DOCX ask Word to update its fields (the
	// table of contents) on opening (docx.Options.UpdateFields).
	UpdateFields bool
	// PDFA makes the PDF a PDF/A-3b file, for archiving (as WritePDFA).
	PDFA bool
	// FontDirs are the folders searched for the office faces a document
	// names (仿宋_GB2312, 黑体…; see FontDirs): one installed there whose
	// licence allows embedding draws the PDF in place of the embedded
	// stand-in. None: only the embedded faces are used, and the PDF is the
	// same on every machine.
	FontDirs []string
	// Duplex, when set, overrides the form template's two-sided printing
	// (page.duplex): the body and each part start on a right-hand page.
	Duplex *bool
}

// Engine runs the pipeline. It keeps the form templates, compiled as they
// are first needed; the fonts are kept by package fonts once parsed. An
// Engine is safe for concurrent use, so a long-lived caller makes one and
// reuses it for every filing.
type Engine struct {
	opts Options
	mu   sync.Mutex // guards set, which compiles built-in forms when first asked for
	set  *templates.Set
}

// New makes an Engine with the built-in form templates and those of
// opts.TemplateDirs. The findings are about the user templates: a template
// with errors is left out, and the Engine works with the others.
func New(opts Options) (*Engine, diag.List) {
	set, notes := templates.NewSet(opts.TemplateDirs...)
	return &Engine{opts: opts, set: set}, notes
}

// TemplateFiles are the files the Engine's user templates were read from:
// the template files of Options.TemplateDirs and the font files they name.
// A front end keeps its outputs from replacing any of them.
func (e *Engine) TemplateFiles() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.set.Files())
}

// Form describes a form template.
type Form struct {
	ID          string // name@version, e.g. "hebei@2024"
	Source      string // "built-in" or the template's file
	Description string
}

func formOf(t *templates.Template) Form {
	return Form{ID: t.ID(), Source: t.Source, Description: t.Description}
}

// Forms lists the form templates, sorted by name and version.
func (e *Engine) Forms() []Form {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []Form
	for _, t := range e.set.All() {
		out = append(out, formOf(t))
	}
	return out
}

// Starter returns a commented starter filing for the form name (or
// name@version) and budget year, and false when there is no such form.
func (e *Engine) Starter(name string, year int) (string, bool) {
	t, ok := e.get(name, year)
	if !ok {
		return "", false
	}
	return t.Starter(year), true
}

func (e *Engine) get(name string, year int) (*templates.Template, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.set.Get(name, year)
}

// LoadFile reads and decodes the filing at path. The error is
// ErrUnreadable when the file cannot be read, ErrInvalid when it is not a
// valid filing; the findings say why, and hold any warnings.
func (e *Engine) LoadFile(path string) (*budget.Filing, diag.List, error) {
	data, notes, err := ReadFiling(path)
	if err != nil {
		return nil, notes, err
	}
	return e.Load(path, data)
}

// ReadFiling reads the bytes of the filing at path, as LoadFile does, for
// a caller that keeps them (an archive): ErrUnreadable when the file cannot
// be read, ErrInvalid when it is too large to be a filing, with the
// finding.
func ReadFiling(path string) ([]byte, diag.List, error) {
	data, d, err := budget.ReadFile(path, readerOf(path).limit)
	if errors.Is(err, budget.ErrUnreadable) {
		return nil, diag.List{*d}, ErrUnreadable
	}
	if err != nil {
		return nil, diag.List{*d}, ErrInvalid
	}
	return data, nil, nil
}

// Load decodes a filing from data, read from the file named file (its
// extension picks the format; the name is used in findings). The error is
// ErrInvalid when data is not a valid filing.
func (e *Engine) Load(file string, data []byte) (*budget.Filing, diag.List, error) {
	r := readerOf(file)
	f, notes := r.read(file, data)
	if f == nil || notes.HasErrors() {
		return nil, notes, ErrInvalid
	}
	return f, notes, nil
}

// Form looks up the form f is filed on: its template key (DefaultForm if
// none), in the version for its budget year. An unknown form is finding
// F10 and ErrInvalid.
func (e *Engine) Form(f *budget.Filing) (Form, diag.List, error) {
	t, notes := e.template(f)
	if t == nil {
		return Form{}, notes, ErrInvalid
	}
	return formOf(t), nil, nil
}

func (e *Engine) template(f *budget.Filing) (*templates.Template, diag.List) {
	name := cmp.Or(f.Template, DefaultForm)
	if t, ok := e.get(name, f.Year); ok {
		return t, nil
	}
	d := diag.Diagnostic{Pos: f.At("template"), Severity: diag.Error, Code: "F10", Path: "template"}.Say(
		diag.T("unknown template %q", name),
		diag.T("run jixiao templates to list the forms, or add yours with --templates DIR"))
	return nil, diag.List{d}
}

// Check looks up f's form and runs every validation rule on f against it
// (package check), returning the findings sorted by position. The error is
// ErrInvalid when a finding is an error. Build checks too; Check alone is
// for a caller that wants the findings without a report.
func (e *Engine) Check(f *budget.Filing) (diag.List, error) {
	_, notes, err := e.checked(f)
	return notes, err
}

func (e *Engine) checked(f *budget.Filing) (*templates.Template, diag.List, error) {
	t, notes := e.template(f)
	if t == nil {
		return nil, notes, ErrInvalid
	}
	notes = check.Filing(f, t.Profile())
	if r := readerOf(f.File); r.hints != nil {
		notes = r.hints(notes)
	}
	if notes.HasErrors() {
		return nil, notes, ErrInvalid
	}
	return t, notes, nil
}

// Build checks f (see Check), binds it to its form and lays it out. The
// findings are the checks' and, after them, a character no font can draw
// (G1). The error is ErrInvalid when a finding is an error, or another
// error when the form's template cannot lay the filing out.
func (e *Engine) Build(f *budget.Filing) (*Report, diag.List, error) {
	t, notes, err := e.checked(f)
	if err != nil {
		return nil, notes, err
	}
	d, err := t.Bind(f)
	if err != nil {
		return nil, notes, err
	}
	if e.opts.Duplex != nil {
		d.Page.Duplex = *e.opts.Duplex
	}
	uses := useInstalledFaces(d, e.opts.FontDirs)
	res, err := layout.Layout(d, layout.NewFontSet(d))
	if ge, ok := errors.AsType[*layout.GlyphError](err); ok {
		return nil, append(notes, glyphFinding(f, ge)), ErrInvalid
	}
	if fit, ok := errors.AsType[diag.List](err); ok { // G2: a number that cannot fit its column
		return nil, append(notes, fit...), ErrInvalid
	}
	if err != nil {
		return nil, notes, err
	}
	return &Report{doc: d, pages: res, Fonts: uses, lookedForFaces: len(e.opts.FontDirs) > 0, updateFields: e.opts.UpdateFields, pdfa: e.opts.PDFA}, notes, nil
}

// Report is a filing bound to its form and laid out, ready to write. A
// Report is read-only: it may be written in several formats at once.
type Report struct {
	doc          *doc.Document
	pages        *layout.Result
	updateFields bool
	// Fonts says which face draws each office font name in the PDF (see
	// FontNote).
	Fonts          []FontUse
	lookedForFaces bool
	pdfa           bool
}

// WritePDF writes the report as a PDF (PDF/A-3b with Options.PDFA).
func (r *Report) WritePDF(w io.Writer) error {
	if r.pdfa {
		return r.WritePDFA(w)
	}
	return pdf.Write(w, r.pages)
}

// WritePDFA writes the report as a PDF/A-3b file, for archiving.
func (r *Report) WritePDFA(w io.Writer) error { return pdf.WritePDFA(w, r.pages) }

// Pages is the number of the report's laid-out pages.
func (r *Report) Pages() int { return len(r.pages.Pages) }

// WriteSVG writes page n (0-based, below Pages) as an SVG drawn from the
// same layout and fonts as the PDF: the page as it prints, for a browser.
func (r *Report) WriteSVG(w io.Writer, n int) error { return svg.Write(w, r.pages, n) }

// PageText is the text drawn on page n (0-based, below Pages), its runs in
// reading order joined by spaces: what a preview of the page says to a
// screen reader.
func (r *Report) PageText(n int) string {
	var parts []string
	for _, it := range r.pages.Pages[n].Items {
		if t, ok := it.(layout.Text); ok {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// WriteDOCX writes the report as a DOCX whose table of contents carries
// the page numbers of the PDF's pages.
func (r *Report) WriteDOCX(w io.Writer) error {
	pages := map[string]int{}
	for name, a := range r.pages.Anchors {
		pages[name] = a.Number
	}
	// A blank page the layout put after the TOC (two-sided printing).
	blank := false
	for i, p := range r.pages.Pages {
		if p.Number != 0 {
			break
		}
		blank = blank || i > 0 && p.Blank
	}
	return docx.Write(w, r.doc, docx.Options{PageOf: pages, UpdateFields: r.updateFields, BlankAfterTOC: blank})
}

// WriteXLSX writes the report's captioned tables (each project's form) as
// a workbook, one sheet per table.
func (r *Report) WriteXLSX(w io.Writer) error { return xlsx.Write(w, r.doc) }

// Suffix is how the name of a report's file written in format ends:
// ".pdf", ".docx", and "-绩效目标表.xlsx" for the tables' workbook, which so
// never takes the name of the officer's data workbook (NAME.xlsx) beside
// it.
func Suffix(format string) string {
	if format == "xlsx" {
		return "-绩效目标表.xlsx"
	}
	return "." + format
}

// Formats are the output formats Write knows, by file extension.
func Formats() []string { return []string{"pdf", "docx", "xlsx"} }

// Write writes the report in format, one of Formats.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "pdf":
		return r.WritePDF(w)
	case "docx":
		return r.WriteDOCX(w)
	case "xlsx":
		return r.WriteXLSX(w)
	}
	return errors.New("render: unknown output format " + format)
}

func glyphFinding(f *budget.Filing, ge *layout.GlyphError) diag.Diagnostic {
	pos := ge.Pos
	if pos.File == "" {
		pos.File = f.File
	}
	d := diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: "G1"}
	if path := check.FieldOf(f, ge.Rune, pos.Line); path != "" && pos.File == f.File {
		p := f.Positions.Of(path) // the field that holds it, not the table
		d.Line, d.Col, d.Path = p.Line, p.Col, path
	}
	char := string(ge.Rune)
	var msg diag.Text
	if ge.Row > 0 {
		msg = diag.T("no font can draw %q (U+%04X) in table %q, row %d, column %d", char, ge.Rune, ge.Block, ge.Row, ge.Col)
	} else {
		msg = diag.T("no font can draw %q (U+%04X) in a %s", char, ge.Rune, diag.Term(ge.Block))
	}
	return d.Say(msg, diag.T("replace the character, or name a font that has it in the template's [fonts] (a .ttf or .ttc file)"))
}
