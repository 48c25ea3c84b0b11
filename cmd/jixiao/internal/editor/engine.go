package editor

import (
	"cmp"
	"errors"
	"io"
	"sync"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/templates"
)

// This file is the editor's only contact with the pipeline: loading,
// the form's description, checking and building.

// defaultTemplate is the form of a filing that names none, as for the
// command.
const defaultTemplate = "hebei"

// engine keeps the templates across requests. Its calls are serialised:
// the template set compiles forms on first use.
type engine struct {
	mu  sync.Mutex
	set *templates.Set
}

// screenFont is the font the page falls back to.
func screenFont() []byte { return render.ScreenFont() }

func newEngine(templateDirs []string) (*engine, diag.List) {
	set, notes := templates.NewSet(templateDirs...)
	return &engine{set: set}, notes
}

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
	Name        string `json:"name"`
	Description string `json:"description"`
}

func (e *engine) templates() []TemplateInfo {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []TemplateInfo
	for _, t := range e.set.All() {
		out = append(out, TemplateInfo{ID: t.ID(), Name: t.Name, Description: t.Description})
	}
	return out
}

// form describes the form a filing names (name, or name@version) for its
// year; false when there is none.
func (e *engine) form(name string, year int) (*Form, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	t, ok := e.set.Get(cmp.Or(name, defaultTemplate), year)
	if !ok {
		return nil, false
	}
	p := t.Profile()
	f := &Form{ID: t.ID(), Description: t.Description, Checkpoints: p.Checkpoints, MoneyUnits: p.MoneyUnits,
		Sections: p.Sections, Needs: p.Needs, Unprinted: p.Unprinted}
	for _, c := range p.Categories {
		f.Categories = append(f.Categories, Category{Name: c.Name, Subs: c.Subs})
	}
	return f, true
}

// starter is the text of a new filing on the form id.
func (e *engine) starter(id string, year int) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	t, ok := e.set.Get(id, year)
	if !ok {
		return "", false
	}
	return t.Starter(year), true
}

// check loads the filing src (name is used in messages) and returns every
// finding, as `jixiao check` does, with the filing when it loads.
func (e *engine) check(name string, src []byte) (*budget.Filing, diag.List) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f, t, notes := e.load(name, src)
	if t != nil {
		notes = append(notes, check.Filing(f, t.Profile())...)
		notes.Sort()
	}
	return f, notes
}

func (e *engine) load(name string, src []byte) (*budget.Filing, *templates.Template, diag.List) {
	f, notes := budget.Parse(name, src)
	if f == nil {
		return nil, nil, notes
	}
	id := cmp.Or(f.Template, defaultTemplate)
	t, ok := e.set.Get(id, f.Year)
	if !ok {
		p := f.Positions.Of("template")
		notes = append(notes, diag.Diagnostic{File: name, Line: p.Line, Col: p.Col, Severity: diag.Error,
			Code: "F10", Path: "template", Msg: "unknown template %q", Args: []any{id},
			Hint: "run jixiao templates to list the forms, or add yours with --templates DIR"})
		return f, nil, notes
	}
	return f, t, notes
}

// build checks the filing and writes it in each format to the writer
// out gives. A filing with errors writes nothing and returns its findings.
func (e *engine) build(name string, src []byte, formats []string, out func(format string, write func(io.Writer) error) error) (diag.List, error) {
	f, notes := e.check(name, src)
	if notes.HasErrors() {
		return notes, nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	t, _ := e.set.Get(cmp.Or(f.Template, defaultTemplate), f.Year)
	rep, err := render.Build(f, t)
	if err != nil {
		var found diag.List
		if errors.As(err, &found) {
			return append(notes, found...), nil
		}
		return notes, err
	}
	for _, format := range formats {
		write := render.Formats[format]
		if err := out(format, func(w io.Writer) error { return write(rep, w) }); err != nil {
			return notes, err
		}
	}
	return notes, nil
}
