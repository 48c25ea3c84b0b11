package pdf

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/layout"
)

// drawnPage is a page's compressed content stream and link annotations.
type drawnPage struct {
	content []byte
	annots  []string
}

// drawPage draws a page with p, a painter set up for the document, and
// compresses its content stream.
func drawPage(page layout.Page, p painter) drawnPage {
	for _, it := range page.Items {
		p.draw(it)
	}
	return drawnPage{deflate(p.content), p.annots}
}

// painter writes one page's content stream and collects its link
// annotations. Layout coordinates are millimetres from the top-left corner;
// PDF's are points from the bottom-left.
type painter struct {
	height   float64 // page height, pt
	faces    map[string]*embedded
	outlines map[string]layout.Face           // the layout's faces, for page numbers drawn as outlines
	anchors  map[string]layout.Anchor         // where the links go
	dest     func(page int, y float64) string // a link's destination
	// printLinks sets the links' Print flag (/F 4), as PDF/A asks of every
	// annotation; they draw nothing, so printing is unchanged.
	printLinks bool
	content    []byte
	annots     []string
	width      float64 // current line width, pt; 0 until set
}

// op appends an operator with its operands, numbers (pt) each followed by
// a space; the few operators with a name or string operand write it first.
func (p *painter) op(operator string, operands ...float64) {
	for _, o := range operands {
		p.content = appendNum(p.content, o)
		p.content = append(p.content, ' ')
	}
	p.content = append(p.content, operator...)
	p.content = append(p.content, '\n')
}

// x and y convert a position in mm from the page's top-left corner to PDF
// points from its bottom-left corner.
func (p *painter) x(mm float64) float64 { return mm * ptPerMM }
func (p *painter) y(mm float64) float64 { return p.height - mm*ptPerMM }

func (p *painter) draw(it layout.Item) {
	switch it := it.(type) {
	case layout.Text:
		p.text(it)
	case layout.Rule:
		p.lineWidth(it.Width * ptPerMM)
		p.op("m", p.x(it.X1), p.y(it.Y1))
		p.op("l S", p.x(it.X2), p.y(it.Y2))
	case layout.Link:
		if a, ok := p.anchors[it.Bookmark]; ok {
			flags := ""
			if p.printLinks {
				flags = " /F 4"
			}
			p.annots = append(p.annots, fmt.Sprintf("<</Type /Annot /Subtype /Link%s /Rect [%s %s %s %s] /Border [0 0 0] /Dest %s>>",
				flags, num(p.x(it.X)), num(p.y(it.Y+it.H)), num(p.x(it.X+it.W)), num(p.y(it.Y)), p.dest(a.Page, a.Y)))
		}
	case layout.PageNumber:
		p.pageNumber(it)
	}
}

func (p *painter) lineWidth(w float64) {
	if w != p.width {
		p.op("w", w)
		p.width = w
	}
}

func (p *painter) text(t layout.Text) {
	e := p.faces[t.FaceID]
	if t.FakeBold {
		// Fill and stroke: thickens a regular face by a hair so bold
		// labels read as bold without a bold face. q…Q keeps the
		// rendering mode and line width to this text.
		p.op("q")
		p.op("w 2 Tr", t.Size*0.03)
	}
	p.op("BT")
	p.content = append(append(append(p.content, '/'), e.resource...), ' ') // the font's name
	p.op("Tf", t.Size)
	p.op("Td", p.x(t.X), p.y(t.Y))
	p.content = e.appendGlyphs(p.content, t.Text)
	p.op("Tj ET")
	if t.FakeBold {
		p.op("Q")
	}
}
