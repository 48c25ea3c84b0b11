package render

import (
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/workbook"
)

// Workbook is a data workbook (.xlsx, .xlsm) opened for editing in a
// form, as budget.Source is a TOML filing: its values as the form shows
// them, the fields its formulas hold, and Update, which writes the form's
// values back into its cells.
type Workbook struct{ b *workbook.Book }

// Formula is a field of a workbook read from a formula cell: a form
// shows it read-only.
type Formula = workbook.Formula

// OpenWorkbook reads the data workbook data (name names it in findings)
// for editing; nil with the findings when it cannot be read.
func OpenWorkbook(name string, data []byte) (*Workbook, diag.List) {
	b, notes := workbook.Open(name, data)
	if b == nil {
		return nil, notes
	}
	return &Workbook{b}, notes
}

// Values returns the workbook's values as a form shows them, a new Table
// on each call (the same as those of its TOML form).
func (w *Workbook) Values() *budget.Table { return w.b.Values() }

// Formulas returns the fields held by formula cells, by path.
func (w *Workbook) Formulas() []Formula { return w.b.Formulas() }

// Update writes the form's values t into the workbook's cells and
// returns the new workbook, or nil and the findings that say why it
// cannot (a changed formula cell, X9; a value it cannot hold, X10). Only
// the changed cells are written; other sheets, styles, comments, drop-downs
// and formulas are kept, and the new workbook reads back as exactly t
// (but for formulas, which are recalculated).
func (w *Workbook) Update(t *budget.Table) ([]byte, diag.List) { return w.b.Update(t) }
