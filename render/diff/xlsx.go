package diff

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// kindTerms name the kinds of change in the table.
var kindTerms = map[Kind]string{Changed: "changed", Added: "added", Removed: "removed", Renamed: "renamed"}

// WriteXLSX writes the change table (调整对照表) as a workbook of one
// sheet: a title, the two files and the unit, then one row per change
// (project code and name, kind, field, before, after, difference, the
// inline diff of a text), and the budget total. Amounts are numbers with
// two decimals, so the bureau can add them up; the same report gives the
// same bytes.
func (r *Report) WriteXLSX(w io.Writer, lang language.Tag) error {
	p := diag.NewPrinter(lang)
	f := excelize.NewFile()
	defer f.Close()
	sheet := p.Sprintf("budget changes")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	// Fixed document dates: a workbook's properties would otherwise carry
	// the clock.
	const fixed = "2000-01-01T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Created: fixed, Modified: fixed, Creator: "jixiao", Title: sheet}); err != nil {
		return err
	}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	money, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: ptr("#,##0.00"), Alignment: &excelize.Alignment{Vertical: "top"}})
	delta, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: ptr("+#,##0.00;-#,##0.00;0.00"), Alignment: &excelize.Alignment{Vertical: "top"}})

	columns := []struct {
		term  string
		width float64
	}{
		{"no.", 6}, {"project code", 20}, {"project name", 28}, {"change", 8}, {"item", 30},
		{"before", 36}, {"after", 36}, {"difference", 18}, {"what changed", 40},
	}
	for i, c := range columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(columns))
	_ = f.MergeCell(sheet, "A1", last+"1")
	_ = f.SetCellStr(sheet, "A1", p.Sprintf("budget adjustment table"))
	_ = f.SetCellStyle(sheet, "A1", "A1", title)
	_ = f.MergeCell(sheet, "A2", last+"2")
	unit := p.Sprintf("before: %s; after: %s; money unit: %s", r.OldFile, r.NewFile, r.Unit)
	if r.OldUnit != r.NewUnit {
		unit = p.Sprintf("before: %s (%s); after: %s (%s); amounts in %s", r.OldFile, r.OldUnit, r.NewFile, r.NewUnit, r.Unit)
	}
	_ = f.SetCellStr(sheet, "A2", unit)
	for i, c := range columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		_ = f.SetCellStr(sheet, cell, p.Sprintf(c.term))
	}
	_ = f.SetCellStyle(sheet, "A3", last+"3", head)

	row := 4
	put := func(values ...any) {
		lines := 1
		for i, v := range values {
			if s, ok := v.(string); ok {
				lines = max(lines, wrappedLines(s, columns[i].width))
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			style := text
			switch v := v.(type) {
			case float64:
				_ = f.SetCellFloat(sheet, cell, v, 2, 64)
				style = money
				if i == differenceColumn {
					style = delta
				}
			case int:
				_ = f.SetCellInt(sheet, cell, int64(v))
			default:
				_ = f.SetCellStr(sheet, cell, v.(string))
			}
			_ = f.SetCellStyle(sheet, cell, cell, style)
		}
		// Spreadsheet programs do not all grow a row to its wrapped
		// text when they open a file, so the height is set here.
		_ = f.SetRowHeight(sheet, row, min(409, 15*float64(lines)))
		row++
	}
	for i, ch := range r.Changes {
		item := r.label(p, ch)
		if ch.Field == "" {
			item = p.Sprintf("budget")
		}
		put(i+1, ch.Code, ch.Name, p.Sprintf(kindTerms[ch.Kind]), item,
			cellValue(ch, ch.Old), cellValue(ch, ch.New), cellValue(ch, ch.Delta), ch.Inline)
	}
	if r.OldTotal != r.NewTotal {
		put("", "", p.Sprintf("total"), "", p.Sprintf("budget"),
			cellValue(Change{Amount: true}, r.OldTotal), cellValue(Change{Amount: true}, r.NewTotal),
			cellValue(Change{Amount: true}, r.TotalDelta), "")
	}
	// Printed landscape, all columns on the page's width, the header rows
	// on every page.
	_ = f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)})
	_ = f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
	_ = f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$3", Scope: sheet})
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	_, err := f.WriteTo(w)
	return err
}

// differenceColumn is the index of the column of differences, shown
// with their sign.
const differenceColumn = 7

func ptr[T any](v T) *T { return &v }

// wrappedLines estimates the lines s takes in a column of the given width
// (in widths of a Latin digit): a Chinese character takes two.
func wrappedLines(s string, width float64) int {
	lines, used := 1, 0.0
	for _, c := range s {
		w := 1.0
		if c >= 0x2E80 {
			w = 2
		}
		if c == '\n' || used+w > width-1 {
			lines, used = lines+1, 0
		}
		if c != '\n' {
			used += w
		}
	}
	return lines
}

// cellValue is a value as a cell holds it: an amount as a number, other
// values as text.
func cellValue(ch Change, v string) any {
	if ch.Amount && v != "" {
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return n
		}
	}
	return v
}
