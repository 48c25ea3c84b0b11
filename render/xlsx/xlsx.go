// Package xlsx writes the report's tables as a workbook, the "Excel 版" a
// finance bureau asks for beside the PDF: one sheet per table the report
// captions (a project's 绩效目标表), laid out as the form prints it.
//
// Like the DOCX writer it takes the document model (doc.Document), not the
// laid-out pages: a sheet holds the caption and the unit line above the
// form, then the form's rows with the same merged cells, borders, wrapping
// and column proportions, in the template's fonts. A cell whose text is a
// decimal number (an amount or a percentage, as the form prints it, in the
// form's unit) is a number cell whose format shows the same digits. Each
// sheet prints on A4, fitted to the page width, with the form's header rows
// repeated on every page.
package xlsx

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/xuri/excelize/v2"
)

// group is what one sheet holds: a caption, the lines under it (a form's
// year or filler line) and the tables under them.
type group struct {
	caption *doc.Heading
	lines   []*doc.Paragraph
	tables  []*doc.Table
}

// groups finds the captioned tables of the document, in order.
func groups(d *doc.Document) []group {
	var out []group
	var cur *group
	for _, b := range d.Blocks {
		switch n := b.(type) {
		case *doc.Heading:
			out = append(out, group{caption: n})
			cur = &out[len(out)-1]
		case *doc.Paragraph:
			if cur == nil || len(cur.tables) > 0 {
				cur = nil
				continue
			}
			cur.lines = append(cur.lines, n)
		case *doc.Table:
			if cur != nil {
				cur.tables = append(cur.tables, n)
			}
		default:
			cur = nil
		}
	}
	kept := out[:0]
	for _, g := range out {
		if len(g.tables) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}

// Write writes the captioned tables of d as a workbook, one sheet each.
// The same document gives the same bytes.
func Write(w io.Writer, d *doc.Document) error {
	x := excelize.NewFile()
	defer x.Close()
	wr := &writer{x: x, d: d, styles: map[styleKey]int{}}
	gs := groups(d)
	if len(gs) == 0 {
		return fmt.Errorf("xlsx: the report has no tables")
	}
	names := map[string]bool{}
	for i, g := range gs {
		name := sheetName(g, names)
		if i == 0 {
			if err := x.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(name); err != nil {
			return err
		}
		if err := wr.sheet(name, g); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
	}
	created := d.Meta.Created.UTC().Format("2006-01-02T15:04:05Z")
	if err := x.SetDocProps(&excelize.DocProperties{Title: d.Meta.Title, Creator: d.Meta.Author,
		LastModifiedBy: d.Meta.Author, Subject: d.Meta.Subject, Keywords: d.Meta.Keywords,
		Language: d.Meta.Language, Created: created, Modified: created}); err != nil {
		return err
	}
	_, err := x.WriteTo(w)
	return err
}

var badSheetChars = strings.NewReplacer(":", "：", "\\", "＼", "/", "／", "?", "？", "*", "＊", "[", "【", "]", "】")

// sheetName is the group's table name (1、网络舆情综合管理), made a valid
// sheet name (31 characters, none of : \ / ? * [ ]) and unique.
func sheetName(g group, used map[string]bool) string {
	name := g.tables[0].Name
	if name == "" {
		name = g.caption.Text
	}
	name = strings.Trim(badSheetChars.Replace(name), "'")
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s(%d)", name, i)
		}
		if r := []rune(n); len(r) > 31 {
			suffix := []rune(n[len(name):])
			n = string(r[:31-len(suffix)]) + string(suffix)
		}
		if !used[strings.ToLower(n)] {
			used[strings.ToLower(n)] = true
			return n
		}
	}
}

type writer struct {
	x      *excelize.File
	d      *doc.Document
	styles map[styleKey]int
}

// grid is the union of the group's tables' column edges (mm from the
// left): a column of any table is a run of grid columns.
func grid(tables []*doc.Table) []float64 {
	set := map[int64]bool{0: true}
	for _, t := range tables {
		x := 0.0
		for _, w := range t.Columns {
			x += w
			set[int64(math.Round(x*10))] = true
		}
	}
	var edges []float64
	for k := range set {
		edges = append(edges, float64(k)/10)
	}
	slices.Sort(edges)
	return edges
}

// gridCol is the grid column starting at x mm.
func gridCol(edges []float64, x float64) int {
	best := 0
	for i, e := range edges {
		if math.Abs(e-x) < math.Abs(edges[best]-x) {
			best = i
		}
	}
	return best
}

// mmToWidth converts millimetres to Excel's column width: characters of
// the default font's digit (7 pixels at 96 dpi, plus 5 pixels padding).
func mmToWidth(mm float64) float64 {
	px := mm / 25.4 * 96
	return math.Round(max(px-5, 7)/7*100) / 100
}

func (wr *writer) sheet(name string, g group) error {
	x := wr.x
	edges := grid(g.tables)
	ncols := len(edges) - 1
	for c := range ncols {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := x.SetColWidth(name, col, col, mmToWidth(edges[c+1]-edges[c])); err != nil {
			return err
		}
	}
	row := 1
	// The caption, across the whole width.
	if err := wr.put(name, row, 0, 1, ncols, g.caption.Text, g.caption.Style, false); err != nil {
		return err
	}
	if err := x.SetRowHeight(name, row, wr.lineHeight(g.caption.Style)*1.6); err != nil {
		return err
	}
	row++
	for _, p := range g.lines {
		if err := wr.put(name, row, 0, 1, ncols, p.Text, p.Style, false); err != nil {
			return err
		}
		if err := x.SetRowHeight(name, row, wr.lineHeight(p.Style)*1.2); err != nil {
			return err
		}
		row++
	}
	var header [2]int
	for _, t := range g.tables {
		starts := make([]float64, len(t.Columns)+1)
		for i, w := range t.Columns {
			starts[i+1] = starts[i] + w
		}
		for r, tr := range t.Rows {
			lines := 1.0
			for _, c := range tr.Cells {
				from := gridCol(edges, starts[c.Col])
				to := gridCol(edges, starts[c.Col+c.ColSpan])
				text := cellText(c)
				if err := wr.put(name, row+r, from, c.RowSpan, to-from, text, c.Style, t.Borders); err != nil {
					return err
				}
				if c.RowSpan <= 1 {
					lines = max(lines, wr.lines(text, c.Style, starts[c.Col+c.ColSpan]-starts[c.Col]))
				}
			}
			h := lines * wr.lineHeight(cellStyle(tr))
			if t.Borders {
				h += 6 // cell padding
			}
			if err := x.SetRowHeight(name, row+r, math.Round(h*4)/4); err != nil {
				return err
			}
		}
		// A spreadsheet repeats one block of rows: the last table's
		// header (the indicators' 一级指标 … row), as the rows that run
		// onto more pages are the indicators.
		if t.HeaderRows > 0 {
			header = [2]int{row, row + t.HeaderRows - 1}
		}
		row += len(t.Rows)
	}
	return wr.print(name, header)
}

// cellText is a cell's text with its lines where the layout broke it:
// a text the form keeps on one line except at given points (其中：/财政资金)
// breaks there in the workbook too, not wherever a spreadsheet's own
// metrics would wrap it (其中：财政资/金).
func cellText(c doc.Cell) string {
	if len(c.Breaks) == 0 {
		return c.Text
	}
	var b strings.Builder
	last := 0
	for _, at := range c.Breaks {
		if at <= last || at >= len(c.Text) {
			continue
		}
		b.WriteString(strings.TrimRight(c.Text[last:at], " "))
		b.WriteByte('\n')
		last = at
	}
	b.WriteString(c.Text[last:])
	return b.String()
}

func cellStyle(r doc.Row) string {
	for _, c := range r.Cells {
		return c.Style
	}
	return ""
}

// print sets up the sheet's printing: A4 portrait fitted to the page
// width, the document's margins, the header rows repeated.
func (wr *writer) print(name string, header [2]int) error {
	x := wr.x
	if err := FitA4(x, name, "portrait"); err != nil {
		return err
	}
	in := func(mm float64) *float64 { v := math.Round(mm/25.4*100) / 100; return &v }
	p := wr.d.Page
	centered := true
	if err := x.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Top: in(p.MarginTop), Bottom: in(p.MarginBottom),
		Left: in(p.MarginLeft), Right: in(p.MarginRight), Horizontally: &centered}); err != nil {
		return err
	}
	if header[0] == 0 {
		return nil
	}
	return x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(name, "'", "''"), header[0], header[1])})
}

// FitA4 prints a sheet on A4 paper in orientation ("portrait" or
// "landscape"), scaled to fit the page width, as many pages long as it
// takes.
func FitA4(x *excelize.File, sheet, orientation string) error {
	a4, one, zero := 9, 1, 0
	if err := x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	return x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// number matches the decimals a form prints (100000.00, 25.00): at most
// 15 significant digits, which a spreadsheet's number keeps exactly.
var number = regexp.MustCompile(`^-?(0|[1-9][0-9]*)\.([0-9]+)$`)

// put writes a cell at row (1-based) and grid column col (0-based),
// spanning rows × cols, merged when it spans more than one slot.
func (wr *writer) put(sheet string, row, col, rows, cols int, text, style string, borders bool) error {
	x := wr.x
	rows, cols = max(rows, 1), max(cols, 1)
	tl, _ := excelize.CoordinatesToCellName(col+1, row)
	br, _ := excelize.CoordinatesToCellName(col+cols, row+rows-1)
	// A text the form never wraps stays on one line, set smaller if the
	// spreadsheet's font is wider than the form's; with the layout's line
	// breaks it wraps there only.
	key := styleKey{name: style, borders: borders, oneLine: wr.d.Styles[style].NoWrap && !strings.Contains(text, "\n")}
	if m := number.FindStringSubmatch(text); m != nil && borders && len(strings.TrimLeft(strings.Replace(strings.TrimPrefix(text, "-"), ".", "", 1), "0")) <= 15 {
		key.decimals = len(m[2])
		var v float64
		if _, err := fmt.Sscan(text, &v); err != nil {
			return err
		}
		if err := x.SetCellFloat(sheet, tl, v, -1, 64); err != nil {
			return err
		}
	} else if text != "" {
		if err := x.SetCellStr(sheet, tl, text); err != nil {
			return err
		}
	}
	id, err := wr.style(key)
	if err != nil {
		return err
	}
	if err := x.SetCellStyle(sheet, tl, br, id); err != nil {
		return err
	}
	if tl != br {
		return x.MergeCell(sheet, tl, br)
	}
	return nil
}

type styleKey struct {
	name     string
	borders  bool
	decimals int  // > 0 for a number cell
	oneLine  bool // not wrapped: shrunk to fit its cell instead
}

func (wr *writer) style(k styleKey) (int, error) {
	if id, ok := wr.styles[k]; ok {
		return id, nil
	}
	s := wr.d.Styles[k.name]
	font := wr.d.Fonts[s.Font]
	st := &excelize.Style{
		Font: &excelize.Font{Family: font.EastAsia, Size: s.Size, Bold: s.Bold},
		Alignment: &excelize.Alignment{Horizontal: [...]string{"left", "center", "right", "justify"}[s.Align],
			Vertical: [...]string{"center", "top", "bottom"}[s.VAlign], WrapText: !k.oneLine, ShrinkToFit: k.oneLine},
	}
	if k.borders {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if k.decimals > 0 {
		format := "0." + strings.Repeat("0", k.decimals)
		st.CustomNumFmt = &format
	}
	id, err := wr.x.NewStyle(st)
	wr.styles[k] = id
	return id, err
}

// lineHeight is a line of the style in points.
func (wr *writer) lineHeight(style string) float64 {
	s := wr.d.Styles[style]
	if s.LineHeight > 0 {
		return s.LineHeight
	}
	return math.Max(s.Size, 10.5) * 1.3
}

// lines estimates how many lines text takes in a cell width mm wide: a
// Chinese character is one em of the style's size, other characters half
// of one. Excel does not fit a row's height to wrapped text when it opens
// a file, so the writer sets it.
func (wr *writer) lines(text, style string, mm float64) float64 {
	s := wr.d.Styles[style]
	em := math.Max(s.Size, 5) * 25.4 / 72 // mm
	avail := mm - 2*math.Max(s.Padding, 1) - 1
	n := 0.0
	for _, line := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range line {
			if utf8.RuneLen(r) >= 3 {
				w += em
			} else {
				w += em * 0.55
			}
		}
		n += math.Max(1, math.Ceil(w/avail))
	}
	return n
}
