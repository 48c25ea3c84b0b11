package docximport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// MaxFileSize is the largest report read: a Word report with a few
// pictures is a few megabytes.
const MaxFileSize = 32 << 20

// maxPart bounds the unpacked document.xml, against a zip bomb.
const maxPart = 64 << 20

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// block is one paragraph or table of the document's body, in order.
type block struct {
	para  *paragraph
	table *table
}

type paragraph struct {
	text  string
	style string
}

// table is a Word table as written: rows of cells, each with its grid
// span and vertical merge.
type table struct {
	rows [][]cell
}

type cell struct {
	text     string
	span     int    // grid columns, ≥ 1
	vmerge   string // "", "restart" or "continue"
	hmerge   bool   // a legacy horizontal merge continuing the cell to the left
	skipBore int    // w:gridBefore of its row, set on the row's first cell
}

var errNotDocx = errors.New("not a Word document")

// documentXML returns the main part of a .docx package.
func documentXML(data []byte) ([]byte, error) { return partXML(data, "word/document.xml") }

// partXML returns the part name of a .docx package.
func partXML(data []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errNotDocx
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
		if err != nil {
			return nil, err
		}
		if len(b) > maxPart {
			return nil, errors.New(name + " is too large")
		}
		return b, nil
	}
	return nil, errNotDocx
}

// field tracks a complex field (fldChar begin … separate … end): its
// instruction is never text, its result is.
type field struct {
	inResult bool
}

// parser reads document.xml into blocks: the text of paragraphs as a
// reader sees it, whatever the runs, fields and merges.
type parser struct {
	d      *xml.Decoder
	fields []field
	nested int // tables open, bounded by maxNesting
}

// maxNesting bounds tables inside tables: Word allows a few levels; a
// deeper document is refused rather than read with unbounded recursion.
const maxNesting = 32

// maxFields bounds fields open at once (a field's result may hold fields).
const maxFields = 1024

var errFields = errors.New("more than 1024 fields open at once")

var errNesting = errors.New("tables are nested more than 32 deep")

func parseBody(data []byte) ([]block, error) {
	p := &parser{d: xml.NewDecoder(bytes.NewReader(data))}
	var out []block
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != wordNS {
			continue
		}
		switch se.Name.Local {
		case "p":
			para, err := p.paragraph()
			if err != nil {
				return nil, err
			}
			out = append(out, block{para: para})
		case "tbl":
			t, err := p.table()
			if err != nil {
				return nil, err
			}
			out = append(out, block{table: t})
		}
	}
}

// paragraph reads a w:p up to its end.
func (p *parser) paragraph() (*paragraph, error) {
	var b strings.Builder
	para := &paragraph{}
	hidden := false // the current run is hidden (w:vanish)
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return nil, err
		}
		if len(p.fields) > maxFields {
			return nil, errFields
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Space != wordNS {
				if t.Name.Local == "Fallback" { // mc:Fallback repeats mc:Choice
					if err := p.d.Skip(); err != nil {
						return nil, err
					}
					depth--
				}
				continue
			}
			switch t.Name.Local {
			case "pStyle":
				para.style = attr(t, "val")
			case "r":
				hidden = false
			case "vanish":
				hidden = attr(t, "val") != "0" && attr(t, "val") != "false"
			case "t":
				var s string
				if err := p.d.DecodeElement(&s, &t); err != nil {
					return nil, err
				}
				depth--
				if !hidden && p.visible() {
					b.WriteString(s)
				}
			case "tab":
				if p.visible() && !hidden {
					b.WriteByte('\t')
				}
			case "br", "cr":
				if attr(t, "type") != "page" && attr(t, "type") != "column" && p.visible() && !hidden {
					b.WriteByte('\n')
				}
			case "fldChar":
				switch attr(t, "fldCharType") {
				case "begin":
					p.fields = append(p.fields, field{})
				case "separate":
					if n := len(p.fields); n > 0 {
						p.fields[n-1].inResult = true
					}
				case "end":
					if n := len(p.fields); n > 0 {
						p.fields = p.fields[:n-1]
					}
				}
			case "instrText", "delText", "footnoteReference", "commentReference":
				if err := p.d.Skip(); err != nil {
					return nil, err
				}
				depth--
			case "tbl": // a table inside a table cell's paragraph: its text joins the paragraph
				t, err := p.table()
				if err != nil {
					return nil, err
				}
				depth--
				for _, row := range t.rows {
					for _, c := range row {
						if c.text != "" {
							b.WriteString(c.text)
							b.WriteByte('\n')
						}
					}
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	para.text = b.String()
	return para, nil
}

// visible says whether text at this point is shown: not inside a field's
// instruction.
func (p *parser) visible() bool {
	for _, f := range p.fields {
		if !f.inResult {
			return false
		}
	}
	return true
}

// table reads a w:tbl up to its end.
func (p *parser) table() (*table, error) {
	if p.nested++; p.nested > maxNesting {
		return nil, errNesting
	}
	defer func() { p.nested-- }()
	t := &table{}
	var row []cell
	var cur *cell
	var paras []string
	gridBefore := 0
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if e.Name.Space != wordNS {
				continue
			}
			switch e.Name.Local {
			case "tr":
				row, gridBefore = nil, 0
			case "gridBefore":
				gridBefore, _ = strconv.Atoi(attr(e, "val"))
			case "tc":
				cur, paras = &cell{span: 1}, nil
				if len(row) == 0 {
					cur.skipBore = gridBefore
				}
			case "gridSpan":
				if cur != nil {
					if n, err := strconv.Atoi(attr(e, "val")); err == nil && n > 1 && n < 64 {
						cur.span = n
					}
				}
			case "vMerge":
				if cur != nil {
					cur.vmerge = "continue"
					if attr(e, "val") == "restart" {
						cur.vmerge = "restart"
					}
				}
			case "hMerge":
				if cur != nil && attr(e, "val") != "restart" {
					cur.hmerge = true
				}
			case "p":
				para, err := p.paragraph()
				if err != nil {
					return nil, err
				}
				depth--
				paras = append(paras, para.text)
			case "tbl": // a nested table: its cells' text joins the cell
				inner, err := p.table()
				if err != nil {
					return nil, err
				}
				depth--
				for _, r := range inner.rows {
					for _, c := range r {
						paras = append(paras, c.text)
					}
				}
			}
		case xml.EndElement:
			depth--
			if e.Name.Space != wordNS {
				continue
			}
			switch e.Name.Local {
			case "tc":
				if cur != nil {
					cur.text = joinLines(paras)
					row = append(row, *cur)
					cur = nil
				}
			case "tr":
				t.rows = append(t.rows, row)
			}
		}
	}
	return t, nil
}

// joinLines joins a cell's paragraphs with line breaks, leaving out empty
// ones at either end.
func joinLines(paras []string) string {
	for len(paras) > 0 && strings.TrimSpace(paras[0]) == "" {
		paras = paras[1:]
	}
	for len(paras) > 0 && strings.TrimSpace(paras[len(paras)-1]) == "" {
		paras = paras[:len(paras)-1]
	}
	return strings.Join(paras, "\n")
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func unmarshalXML(data []byte, v any) error { return xml.Unmarshal(data, v) }
