package editor

import (
	"errors"
	"io"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// This file is the editor's only contact with the pipeline (render's
// API): the forms, checking and building.

// engine is the pipeline, kept across requests (render.Engine is safe for
// concurrent use).
type engine struct{ e *render.Engine }

func newEngine(templateDirs []string) (*engine, diag.List) {
	e, notes := render.New(render.Options{TemplateDirs: templateDirs})
	return &engine{e}, notes
}

// maxSize is the size of the largest file of name's format the pipeline
// reads.
func maxSize(name string) int64 { return render.MaxSize(name) }

// screenFont is the font the page falls back to.
func screenFont() []byte { return render.ScreenFont() }

// Form is what the editor shows of a form template: the taxonomy for the
// drop-downs, the spending-plan checkpoints, the money units and the
// fields it needs or leaves out.
type Form struct {
	ID          string     `json:"id"`
	Description string     `json:"description"`
	Categories  []Category `json:"categories"`
	Checkpoints []string   `json:"checkpoints"`
	MoneyUnits  []string   `json:"moneyUnits"`
	Sections    []string   `json:"sections"`
	Needs       []string   `json:"needs"`
	Unprinted   []string   `json:"unprinted"`
}

// Category is one 一级指标 and its 二级指标.
type Category struct {
	Name string   `json:"name"`
	Subs []string `json:"subs"`
}

// TemplateInfo names a form a new filing can use.
type TemplateInfo struct {
	ID          string `json:"id"`
	Description string `json:"description"`
}

func (e *engine) templates() []TemplateInfo {
	var out []TemplateInfo
	for _, f := range e.e.Forms() {
		out = append(out, TemplateInfo{ID: f.ID, Description: f.Description})
	}
	return out
}

// form describes the form a filing names (name, or name@version) for its
// year; false when there is none.
func (e *engine) form(name string, year int) (*Form, bool) {
	d, ok := e.e.Details(name, year)
	if !ok {
		return nil, false
	}
	f := &Form{ID: d.ID, Description: d.Description, Checkpoints: d.Checkpoints, MoneyUnits: d.MoneyUnits,
		Sections: d.Sections, Needs: d.Needs, Unprinted: d.Unprinted}
	for _, c := range d.Categories {
		f.Categories = append(f.Categories, Category{Name: c.Name, Subs: c.Subs})
	}
	return f, true
}

// starter is the text of a new filing on the form id.
func (e *engine) starter(id string, year int) (string, bool) { return e.e.Starter(id, year) }

// base is a version of a filing opened for editing: the form's values
// are written into it.
type base interface {
	Values() *budget.Table
	// update returns the file with the values t, or the findings that
	// refuse them.
	update(t *budget.Table) ([]byte, diag.List)
}

// tomlBase is a TOML filing, edited in its text (budget.Source.Patch).
type tomlBase struct{ *budget.Source }

func (b tomlBase) update(t *budget.Table) ([]byte, diag.List) { return b.Patch(t), nil }

// workbookBase is a data workbook, edited in its cells (render.Workbook).
type workbookBase struct{ *render.Workbook }

func (b workbookBase) update(t *budget.Table) ([]byte, diag.List) { return b.Update(t) }

// openWorkbook reads a data workbook for editing.
func openWorkbook(name string, data []byte) (*render.Workbook, diag.List) {
	return render.OpenWorkbook(name, data)
}

// check returns every finding of the filing src (name names it in
// findings and picks its reader), as `jixiao check` does.
func (e *engine) check(name string, src []byte) diag.List {
	_, notes, _ := e.build(name, src)
	return notes
}

// load reads the filing src; nil with the findings when it cannot.
func (e *engine) load(name string, src []byte) (*budget.Filing, diag.List) {
	f, notes, _ := e.e.Load(name, src)
	return f, notes
}

// build checks and lays out the filing; the report is nil when it has
// errors.
func (e *engine) build(name string, src []byte) (*render.Report, diag.List, error) {
	f, notes, err := e.e.Load(name, src)
	if err != nil {
		return nil, notes, nil
	}
	rep, more, err := e.e.Build(f)
	notes = append(notes, more...)
	notes.Sort()
	if errors.Is(err, render.ErrInvalid) {
		err = nil
	}
	return rep, notes, err
}

// preview checks the filing src as build does (the same findings) and
// lays it out even when it has errors, for the preview; the Preview is nil
// when the file cannot be read as a filing or its form cannot lay it out.
func (e *engine) preview(name string, src []byte) (*render.Preview, diag.List) {
	f, notes, err := e.e.Load(name, src)
	if err != nil {
		return nil, notes
	}
	p, more, _ := e.e.Preview(f)
	notes = append(notes, more...)
	notes.Sort()
	return p, notes
}

// reportFormats are the formats "生成报告" writes into the folder: the
// report as PDF and DOCX. (render.Formats has more, such as the table
// workbook, whose name could be that of the officer's data workbook.)
var reportFormats = []string{"pdf", "docx"}

// write writes the report in each of reportFormats to the writer out
// gives.
func write(rep *render.Report, out func(format string, fill func(io.Writer) error) error) error {
	for _, format := range reportFormats {
		if err := out(format, func(w io.Writer) error { return rep.Write(w, format) }); err != nil {
			return err
		}
	}
	return nil
}
