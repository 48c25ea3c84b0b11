package diag

import (
	"strconv"
	"strings"
)

// Pos is where something is written in an input: a line and column of a
// text file, or a cell of a workbook's sheet. It is the one position type
// of the program: findings, the filing's key positions (budget.Positions)
// and the document model's nodes (doc) all carry it. The zero Pos means
// "not known".
//
// In a workbook, Sheet names the sheet and Line and Col are the cell's row
// and column (1-based), printed as a cell reference: Pos{File: "my.xlsx",
// Sheet: "项目", Line: 5, Col: 5} prints as my.xlsx:项目!E5.
type Pos struct {
	File  string
	Sheet string // a workbook's sheet; empty in a text file
	Line  int    // 1-based line, or a sheet's row; 0 = unknown
	Col   int    // 1-based column in characters, or a sheet's column; 0 = unknown
}

// String prints p as file:line:col, file:line, file:sheet!cell or file,
// leaving out what is not known (the empty string for the zero Pos).
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	add := func(s string) {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(s)
	}
	switch {
	case p.Sheet != "":
		ref := sheetName(p.Sheet)
		if p.Line > 0 && p.Col > 0 {
			ref += "!" + CellName(p.Line, p.Col)
		}
		add(ref)
	case p.Line > 0:
		add(strconv.Itoa(p.Line))
		if p.Col > 0 {
			add(strconv.Itoa(p.Col))
		}
	}
	return b.String()
}

// CellName is the A1-style name of the cell at row and col (1-based):
// CellName(5, 5) is "E5", CellName(1, 28) is "AB1".
func CellName(row, col int) string {
	var letters []byte
	for n := col; n > 0; n = (n - 1) / 26 {
		letters = append([]byte{byte('A' + (n-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}

// sheetName quotes a sheet name as a spreadsheet formula does when it
// holds a space, a quote or a character of a cell reference ('my sheet'!A1).
func sheetName(s string) string {
	if !strings.ContainsAny(s, " '!:") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// less orders positions by file, sheet (a text file's lines first), line,
// then column.
func (p Pos) less(q Pos) (less, equal bool) {
	switch {
	case p.File != q.File:
		return p.File < q.File, false
	case p.Sheet != q.Sheet:
		return p.Sheet < q.Sheet, false
	case p.Line != q.Line:
		return p.Line < q.Line, false
	case p.Col != q.Col:
		return p.Col < q.Col, false
	}
	return false, true
}
