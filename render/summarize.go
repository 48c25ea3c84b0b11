package render

import (
	"io"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/summary"
	"golang.org/x/text/language"
)

// Summary loads and checks each of files (TOML, workbooks or Word
// reports, by extension) and writes the finance bureau's 汇总 workbook of
// them to w: a row per project with its amounts in unit (元 or 万元,
// converted exactly), a subtotal per department and a grand total as
// formulas, and each file's count of errors and warnings. A file that
// cannot be loaded is listed with its first error (printed in lang). The
// findings are every file's, for the caller to show.
func (e *Engine) Summary(w io.Writer, files []string, unit budget.MoneyUnit, lang language.Tag) (diag.List, error) {
	var entries []summary.Entry
	var all diag.List
	for _, file := range files {
		f, notes, err := e.LoadFile(file)
		en := summary.Entry{File: file}
		if err == nil {
			en.Filing = f
			var more diag.List
			more, _ = e.Check(f)
			notes = append(notes, more...)
			if t, _ := e.template(f); t != nil {
				en.Checkpoints = t.Profile().Checkpoints
			}
		}
		for _, d := range notes {
			if d.Severity == diag.Error {
				if en.Errors == 0 {
					en.FirstError, _, _ = strings.Cut(diag.List{d}.Format(lang), "\n")
				}
				en.Errors++
			} else {
				en.Warnings++
			}
		}
		entries = append(entries, en)
		all = append(all, notes...)
	}
	inexact, err := summary.Write(w, entries, unit)
	if inexact > 0 {
		all = append(all, diag.Diagnostic{Severity: diag.Warning, Code: "Z1"}.Say(
			diag.T("%d amounts of the summary have more than the 15 significant digits a spreadsheet keeps, and show rounded there", inexact),
			diag.T("the filings are exact; for totals this large choose the other unit with --unit")))
	}
	return all, err
}
