package workbook

import (
	"cmp"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// sheet is one worksheet as read: its cells' values and what is stored
// with them, by row, and where merged ranges send each covered cell.
type sheet struct {
	r      *reader
	name   string
	rows   [][]string        // the stored values, rows[row-1][col-1]
	cells  [][]stored        // all that is stored of each cell, by row and column
	merged map[[2]int][2]int // covered cell (row, col) → its range's first cell
}

// sheet reads the sheet named name, at part in the package.
func (r *reader) sheet(name, part string) (*sheet, error) {
	v, _ := r.x.Pkg.Load(part)
	data, ok := v.([]byte)
	if !ok {
		return nil, errSheetXML
	}
	sc, err := scanSheet(data, r.sst)
	if err != nil {
		return nil, err
	}
	s := &sheet{r: r, name: name, cells: sc.rows, rows: make([][]string, len(sc.rows)), merged: map[[2]int][2]int{}}
	for i, row := range sc.rows {
		s.rows[i] = make([]string, len(row))
		for j, c := range row {
			s.rows[i][j] = c.value
		}
	}
	for _, m := range sc.merges {
		first, last, _ := strings.Cut(m, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(first)
		c2, r2, err2 := excelize.CellNameToCoordinates(cmp.Or(last, first))
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || len(s.merged)+(r2-r1+1)*(c2-c1+1) > maxMergedCells {
			continue // a range past the bound is read as its first cell alone
		}
		for row := r1; row <= r2; row++ {
			for col := c1; col <= c2; col++ {
				if row != r1 || col != c1 {
					s.merged[[2]int{row, col}] = [2]int{r1, c1}
				}
			}
		}
	}
	return s, nil
}

// maxMergedCells bounds the cells merged ranges may fill: a sheet-wide
// merge must not cost memory in proportion to the sheet's area.
const maxMergedCells = 1 << 20

// cell is one cell's content, read through merges.
type cell struct {
	row, col int // where its value is: the first cell of its merged range
	stored
}

// at returns the cell at row, col (1-based).
func (s *sheet) at(row, col int) cell {
	if to, ok := s.merged[[2]int{row, col}]; ok {
		row, col = to[0], to[1]
	}
	c := cell{row: row, col: col}
	if row <= len(s.cells) && col <= len(s.cells[row-1]) {
		c.stored = s.cells[row-1][col-1]
	}
	return c
}

// label is c's text as a header or row label: a text trimmed, nothing
// for a number, a truth value or an error.
func (c cell) label() string {
	if c.number() || c.typ == "b" || c.typ == "e" {
		return ""
	}
	return strings.TrimFunc(c.value, unicode.IsSpace)
}

// number reports whether c holds a number (or a date, which is a number
// with a date format).
func (c cell) number() bool { return c.typ == "" || c.typ == "n" }

// pos is where a finding about c points.
func (s *sheet) pos(c cell) diag.Pos { return diag.Pos{Sheet: s.name, Line: c.row, Col: c.col} }

// finding starts a finding about cell c.
func (s *sheet) finding(sev diag.Severity, code string, c cell) diag.Diagnostic {
	return diag.Diagnostic{Pos: diag.Pos{File: s.r.file, Sheet: s.name, Line: c.row, Col: c.col}, Severity: sev, Code: code}
}

// usable reports whether c holds a value a field can take, and reports a
// formula without a computed value or an error value (#REF!) otherwise. A
// formula of a text field whose stored value is the empty text (type str)
// computed to "", which is a value; an amount cannot be empty text.
func (s *sheet) usable(c cell, path string, numeric bool) bool {
	switch {
	case c.value == "" && c.hasF && (numeric || c.typ != "str"):
		s.r.add(s.finding(diag.Error, "X4", c).Say(
			diag.T("the cell holds the formula =%s without a computed value", cmp.Or(c.formula, "…")),
			diag.T("open the workbook in Excel or WPS and save it, so the value is stored with the formula")), path)
		return false
	case c.typ == "e":
		s.r.add(s.finding(diag.Error, "X5", c).Say(
			diag.T("the cell shows the error %s", c.value),
			diag.T("correct the formula or the value in this cell")), path)
		return false
	}
	return c.value != ""
}

// text reads c as text of kind k: a number as its digits (or as its format
// shows it, for a format other than General), line breaks as \n, blanks
// around it trimmed. A line break in a one-line field is joined, with a
// warning.
func (s *sheet) text(c cell, k kind, path string) string {
	if !s.usable(c, path, false) {
		return ""
	}
	v := c.value
	switch {
	case c.typ == "b":
		v = map[string]string{"1": "TRUE", "0": "FALSE"}[v]
	case c.number():
		// A number shows in its format: 0.95 as 95% in a per-cent
		// cell, a day number as a date. The General and text formats
		// show its digits.
		if id := s.r.numFmt(c.style); id != 0 && id != 49 {
			v = s.r.shown(s.name, c)
		} else if f, err := strconv.ParseFloat(v, 64); err == nil {
			v = excelDigits(f)
		}
	}
	v = strings.TrimFunc(lineBreaks.Replace(v), unicode.IsSpace)
	if k == oneLine && strings.Contains(v, "\n") {
		v = joinLines(v)
		s.r.add(s.finding(diag.Warning, "X7", c).Say(
			diag.T("the line breaks in this cell were joined: %q", v),
			diag.T("this field is one line in the report; check the text")), path)
	}
	return v
}

// lineBreaks turns the line ends of Windows and old Macs into \n.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// joinLines joins the lines of s, with a space between two Latin letters
// or digits and nothing between Chinese text.
func joinLines(s string) string {
	lines := strings.Split(s, "\n")
	out := strings.TrimFunc(lines[0], unicode.IsSpace)
	for _, l := range lines[1:] {
		l = strings.TrimFunc(l, unicode.IsSpace)
		if l == "" {
			continue
		}
		if out != "" && latin(lastRune(out)) && latin([]rune(l)[0]) {
			out += " "
		}
		out += l
	}
	return out
}

func latin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func lastRune(s string) rune { r := []rune(s); return r[len(r)-1] }

// decimal reads c as an amount, or as a spending-plan percentage with
// asPercent: a number stored as a double becomes the decimal Excel means
// by it (excelDigits: 1234.5599999999999 is 1234.56) and then exact
// hundredths; a cell with a per-cent format holding 0.25 is 25; text goes
// through the same rules as a TOML string, so 100,000.00 or full-width
// digits get the same findings.
func (s *sheet) decimal(c cell, asPercent bool, path string) budget.Decimal {
	if c.value == "" && !c.hasF && c.typ != "e" {
		return budget.Decimal{}
	}
	d := budget.Decimal{Set: true}
	if !s.usable(c, path, true) {
		d.Raw, d.Err = c.value, budget.ErrDecimalSyntax
		if c.value == "" {
			d.Raw = "=" + c.formula
		}
		return d
	}
	switch {
	case c.number():
		f, err := strconv.ParseFloat(strings.TrimSpace(c.value), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			d.Raw, d.Err = c.value, budget.ErrDecimalSyntax
			return d
		}
		d.Raw = excelDigits(f)
		if asPercent && s.r.isPercent(c.style) {
			d.Raw = shiftPercent(d.Raw)
		}
	case c.typ == "b":
		d.Raw, d.Err = map[string]string{"1": "TRUE", "0": "FALSE"}[c.value], budget.ErrDecimalSyntax
		return d
	default:
		d.Raw = strings.TrimFunc(c.value, unicode.IsSpace)
		if t, ok := strings.CutSuffix(d.Raw, "%"); asPercent && ok {
			d.Raw = strings.TrimFunc(t, unicode.IsSpace)
		}
	}
	d.Hundredths, d.Err = budget.ParseDecimal(d.Raw)
	return d
}

// excelDigits writes a number as the spreadsheet means it: to the 15
// significant digits Excel and WPS keep, in plain digits. The sum
// 0.1 + 0.2, stored as 0.30000000000000004, is 0.3, as Excel shows it;
// 100000.001 stays 100000.001.
func excelDigits(f float64) string {
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.FormatFloat(g, 'f', -1, 64)
}

// shiftPercent multiplies a decimal written in digits by 100, exactly:
// 0.255 → 25.5.
func shiftPercent(v string) string {
	sign := ""
	if strings.HasPrefix(v, "-") {
		sign, v = "-", v[1:]
	}
	whole, frac, _ := strings.Cut(v, ".")
	frac += "00"
	whole = strings.TrimLeft(whole+frac[:2], "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac[2:], "0"); frac != "" {
		whole += "." + frac
	}
	return sign + whole
}

// shown is the text a number shows in its cell's format, as the
// spreadsheet library formats it: it decodes the whole sheet the first
// time, which only cells in such formats cost.
func (r *reader) shown(sheet string, c cell) string {
	v, err := r.x.GetCellValue(sheet, ref(c.col, c.row))
	if err != nil {
		return c.value
	}
	return v
}

// numFmt returns the number format of cell style idx: a built-in format's
// ID, or -1 for a custom one.
func (r *reader) numFmt(idx int) int {
	f, ok := r.formats[idx]
	if !ok {
		f = numFormat{}
		if st, err := r.x.GetStyle(idx); err == nil && st != nil {
			f.id = st.NumFmt
			if st.CustomNumFmt != nil {
				f.id = -1
				f.percent = strings.Contains(unquoted(*st.CustomNumFmt), "%")
			} else {
				f.percent = st.NumFmt == 9 || st.NumFmt == 10
			}
		}
		r.formats[idx] = f
	}
	return f.id
}

// isPercent reports whether style idx shows numbers as percentages.
func (r *reader) isPercent(idx int) bool {
	r.numFmt(idx)
	return r.formats[idx].percent
}

// numFormat is what the reader needs of a number format.
type numFormat struct {
	id      int
	percent bool
}

// unquoted drops the quoted literals and bracketed sections of a number
// format code, which may hold a % sign that is not the per-cent format.
func unquoted(code string) string {
	var b strings.Builder
	var end rune
	for _, r := range code {
		switch {
		case end != 0:
			if r == end {
				end = 0
			}
		case r == '"':
			end = '"'
		case r == '[':
			end = ']'
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
