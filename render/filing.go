package render

import (
	"errors"
	"io"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/workbook"
)

// FilingFormats are the formats a filing is written in (WriteFiling,
// WriteStarter), by file extension: TOML and the data workbook.
func FilingFormats() []string { return []string{"toml", "xlsx"} }

// ErrFormat: a format not in FilingFormats.
var ErrFormat = errors.New("render: unknown filing format")

// WriteFiling writes f in format, one of FilingFormats: as TOML that
// loads back to the same values, or as a data workbook laid out for f's
// form (its drop-downs offer the form's indicators and money units), which
// loads back to the same values too. For a workbook, an unknown form is
// finding F10 and ErrInvalid.
func (e *Engine) WriteFiling(w io.Writer, f *budget.Filing, format string) (diag.List, error) {
	switch format {
	case "toml":
		_, err := w.Write(budget.EncodeTOML(f))
		return nil, err
	case "xlsx":
		t, notes := e.template(f)
		if t == nil {
			return notes, ErrInvalid
		}
		return nil, workbook.Write(w, f, t.Profile())
	}
	return nil, ErrFormat
}

// WriteStarter writes the filing to start from for the form name (or
// name@version) and budget year, in format: a commented TOML file, or the
// blank data workbook of the form. It reports false when there is no such
// form.
func (e *Engine) WriteStarter(w io.Writer, name string, year int, format string) (bool, error) {
	t, ok := e.get(name, year)
	switch {
	case !ok:
		return false, nil
	case format == "toml":
		_, err := io.WriteString(w, t.Starter(year))
		return true, err
	case format != "xlsx":
		return true, ErrFormat
	}
	p := t.Profile()
	f := &budget.Filing{Template: t.ID(), Year: year}
	if len(p.MoneyUnits) > 0 {
		f.Department.MoneyUnit = budget.MoneyUnit(p.MoneyUnits[0])
	}
	return true, workbook.Write(w, f, p)
}
