package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The cells of a sheet are read from its XML by the scanner below rather
// than through the spreadsheet library's cell functions: those decode the
// whole sheet into structures by reflection, which for a workbook of 1,000
// projects took the better part of a second, where the scan takes tens of
// milliseconds. The library still opens and checks the package, holds its
// parts (File.Pkg), and answers for styles and number formats.

// stored is one cell as the sheet's XML stores it.
type stored struct {
	typ     string // the t attribute: "" or n (number), s (shared text), str, inlineStr, b, e, d
	style   int
	value   string // the text of <v> (a shared text already looked up), or of <is>
	formula string // the text of <f>
	hasF    bool
}

// scanned is a sheet's cells by row and column, and its merged ranges.
type scanned struct {
	rows   [][]stored // rows[row-1][col-1]
	merges []string   // the ref of each mergeCell, e.g. A2:A4
	cells  int        // cells held, empty ones before a cell in its row included
}

// maxCells bounds the cells a sheet may make the reader hold (a sheet of
// 1,000 projects has about 60,000), so that no file, such as one with a
// cell in the last column of every row, can exhaust the memory.
const maxCells = 1 << 21

// Excel's limits, which bound what a sheet's XML may claim.
const (
	maxRow = 1048576
	maxCol = 16384
)

var (
	errSheetXML      = errors.New("the sheet's XML is damaged")
	errSheetTooLarge = errors.New("the sheet has too many cells")
)

// scanSheet reads the cells of a worksheet's XML; sst are the workbook's
// shared texts. Only the elements that hold cells are looked at: row, c
// with its v, f and is (whose t elements outside phonetic runs make the
// text), and mergeCell.
func scanSheet(data []byte, sst []string) (*scanned, error) {
	sc := &scanned{}
	row, col := 0, 0
	var cur *stored
	inIS, inPhonetic := false, false
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if skip := markup(data[i:]); skip != 0 {
			if skip < 0 {
				return nil, errSheetXML
			}
			i += skip
			continue
		}
		name, attrs, end, closing, selfClosing, ok := tag(data, i)
		if !ok {
			return nil, errSheetXML
		}
		i = end
		if closing {
			switch name {
			case "is":
				inIS = false
			case "rPh":
				inPhonetic = false
			case "c":
				if cur != nil {
					if err := cur.finish(sst); err != nil {
						return nil, err
					}
				}
				cur = nil
			}
			continue
		}
		switch name {
		case "row":
			row++
			if r := attr(attrs, "r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < row || n > maxRow {
					return nil, errSheetXML
				}
				row = n
			}
			col = 0
		case "c":
			col++
			if r := attr(attrs, "r"); r != "" {
				c, rw, err := excelize.CellNameToCoordinates(r)
				if err != nil || rw != row || c < col || c > maxCol {
					return nil, errSheetXML
				}
				col = c
			}
			if row == 0 {
				return nil, errSheetXML
			}
			if cur = sc.cell(row, col); cur == nil {
				return nil, errSheetTooLarge
			}
			cur.typ = attr(attrs, "t")
			cur.style, _ = strconv.Atoi(attr(attrs, "s"))
			if selfClosing {
				cur = nil
			}
		case "v", "f", "t":
			if name == "f" && cur != nil {
				cur.hasF = true // also a shared formula's other cells: <f t="shared" si="0"/>
			}
			if selfClosing {
				continue
			}
			k := bytes.Index(data[i:], []byte("</"))
			if k < 0 {
				return nil, errSheetXML
			}
			content := textOf(data[i : i+k])
			i += k
			switch {
			case cur == nil:
			case name == "v":
				cur.value = content
			case name == "f":
				cur.formula = content
			case inIS && !inPhonetic:
				cur.value += content
			}
		case "is":
			inIS = !selfClosing
		case "rPh":
			inPhonetic = !selfClosing
		case "mergeCell":
			if ref := attr(attrs, "ref"); ref != "" {
				sc.merges = append(sc.merges, ref)
			}
		}
	}
	return sc, nil
}

// cell returns the stored cell at row, col, making room for it, or nil
// when the sheet would hold more than maxCells.
func (sc *scanned) cell(row, col int) *stored {
	for len(sc.rows) < row {
		sc.rows = append(sc.rows, nil)
	}
	cells := sc.rows[row-1]
	if sc.cells += max(0, col-len(cells)); sc.cells > maxCells {
		return nil
	}
	for len(cells) < col {
		cells = append(cells, stored{})
	}
	sc.rows[row-1] = cells
	return &cells[col-1]
}

// finish looks up a shared text and decodes the escapes of texts.
func (c *stored) finish(sst []string) error {
	if c.typ == "s" {
		n, err := strconv.Atoi(strings.TrimSpace(c.value))
		if err != nil || n < 0 || n >= len(sst) {
			return errSheetXML
		}
		c.value = sst[n]
		return nil // shared texts are decoded when read
	}
	if c.typ == "str" || c.typ == "inlineStr" {
		c.value = unescapeBSTR(c.value)
	}
	return nil
}

// markup returns how many bytes of the comment, processing instruction or
// declaration at the start of b to skip, 0 if b starts with a tag, or -1
// if it is not closed.
func markup(b []byte) int {
	end := ""
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		end = "-->"
	case bytes.HasPrefix(b, []byte("<?")):
		end = "?>"
	case bytes.HasPrefix(b, []byte("<!")):
		end = ">"
	default:
		return 0
	}
	k := bytes.Index(b, []byte(end))
	if k < 0 {
		return -1
	}
	return k + len(end)
}

// tag parses the tag starting at data[i] ('<'): its local name (without a
// namespace prefix), its attributes, where it ends, and whether it closes
// an element or is one on its own.
func tag(data []byte, i int) (name string, attrs [][2]string, end int, closing, selfClosing, ok bool) {
	i++
	if i < len(data) && data[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(data) && !isSpace(data[i]) && data[i] != '>' && data[i] != '/' {
		i++
	}
	name = string(data[start:i])
	if k := strings.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	for {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i >= len(data) {
			return "", nil, 0, false, false, false
		}
		switch data[i] {
		case '>':
			return name, attrs, i + 1, closing, false, name != ""
		case '/':
			if i+1 < len(data) && data[i+1] == '>' {
				return name, attrs, i + 2, closing, true, name != ""
			}
			return "", nil, 0, false, false, false
		}
		eq := bytes.IndexByte(data[i:], '=')
		if eq < 0 {
			return "", nil, 0, false, false, false
		}
		key := strings.TrimSpace(string(data[i : i+eq]))
		i += eq + 1
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i >= len(data) || data[i] != '"' && data[i] != '\'' {
			return "", nil, 0, false, false, false
		}
		q := bytes.IndexByte(data[i+1:], data[i])
		if q < 0 {
			return "", nil, 0, false, false, false
		}
		if k := strings.IndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		attrs = append(attrs, [2]string{key, textOf(data[i+1 : i+1+q])})
		i += q + 2
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// attr returns the value of the attribute named key, or "".
func attr(attrs [][2]string, key string) string {
	for _, a := range attrs {
		if a[0] == key {
			return a[1]
		}
	}
	return ""
}

// textOf decodes an element's text or an attribute's value: character
// references, the five entities and CDATA sections. XML reads a line end as \n.
func textOf(b []byte) string {
	if !bytes.ContainsAny(b, "&\r<") {
		return string(b)
	}
	var out strings.Builder
	for len(b) > 0 {
		if bytes.HasPrefix(b, []byte("<![CDATA[")) {
			k := bytes.Index(b, []byte("]]>"))
			if k < 0 {
				k = len(b)
			}
			out.Write(b[9:min(k, len(b))])
			b = b[min(k+3, len(b)):]
			continue
		}
		k := bytes.IndexAny(b, "<&\r")
		if k < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:k])
		b = b[k:]
		switch b[0] {
		case '\r':
			out.WriteByte('\n')
			b = b[1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
		case '<':
			out.WriteByte('<') // not well-formed; kept
			b = b[1:]
		default:
			e := bytes.IndexByte(b, ';')
			if e < 0 {
				out.Write(b)
				b = nil
				continue
			}
			out.WriteString(entity(string(b[1:e])))
			b = b[e+1:]
		}
	}
	return out.String()
}

// entity is the text of the reference &name;.
func entity(name string) string {
	switch name {
	case "amp":
		return "&"
	case "lt":
		return "<"
	case "gt":
		return ">"
	case "quot":
		return `"`
	case "apos":
		return "'"
	}
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(name, "#x"), strings.HasPrefix(name, "#X"):
		n, err = strconv.ParseUint(name[2:], 16, 32)
	case strings.HasPrefix(name, "#"):
		n, err = strconv.ParseUint(name[1:], 10, 32)
	default:
		err = errSheetXML
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "&" + name + ";"
	}
	return string(rune(n))
}

// unescapeBSTR decodes the _xHHHH_ escapes by which spreadsheets store
// characters XML cannot hold (_x000D_ for a carriage return); _x005F_
// before one keeps it literal.
func unescapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for {
		k := strings.Index(s, "_x")
		if k < 0 || len(s) < k+7 {
			break
		}
		n, err := strconv.ParseUint(s[k+2:k+6], 16, 16)
		if err != nil || s[k+6] != '_' {
			out.WriteString(s[:k+2])
			s = s[k+2:]
			continue
		}
		out.WriteString(s[:k])
		s = s[k+7:]
		if n == 0x5F && strings.HasPrefix(s, "x") && len(s) >= 6 && s[5] == '_' {
			if _, err := strconv.ParseUint(s[1:5], 16, 16); err == nil {
				out.WriteString("_" + s[:6])
				s = s[6:]
				continue
			}
		}
		out.WriteRune(rune(n))
	}
	out.WriteString(s)
	return out.String()
}

// sharedStrings reads the workbook's shared texts: each item's text runs,
// without its phonetic runs.
func sharedStrings(data []byte) ([]string, error) {
	if data == nil {
		return nil, nil
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(data, &sst); err != nil {
		return nil, err
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		t := si.T
		for _, r := range si.R {
			t += r.T
		}
		out[i] = unescapeBSTR(t)
	}
	return out, nil
}

// part returns the bytes of the package part at path, or nil.
func part(x *excelize.File, p string) []byte {
	v, _ := x.Pkg.Load(p)
	b, _ := v.([]byte)
	return b
}

// packageParts finds, from the package's relationships, the path of each
// sheet's XML by the sheet's name, and that of the shared texts.
func packageParts(x *excelize.File) (sheets map[string]string, sst string, err error) {
	type rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	target := func(base, t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(t, "/")
		}
		return path.Join(path.Dir(base), t)
	}
	var root, wbRels rels
	if err := xml.Unmarshal(part(x, "_rels/.rels"), &root); err != nil {
		return nil, "", err
	}
	wb := ""
	for _, r := range root.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wb = target("", r.Target)
		}
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(part(x, wb), &book); err != nil {
		return nil, "", err
	}
	if err := xml.Unmarshal(part(x, path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels")), &wbRels); err != nil {
		return nil, "", err
	}
	sheets = map[string]string{}
	for _, r := range wbRels.Rel {
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sst = target(wb, r.Target)
		}
		for _, s := range book.Sheets {
			if r.ID == s.ID {
				sheets[s.Name] = target(wb, r.Target)
			}
		}
	}
	return sheets, sst, nil
}
