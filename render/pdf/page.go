package pdf

import (
	"bytes"
	"fmt"

	"github.com/jixiao-dev/jixiao/render/layout"
)

// painter writes one page's content stream and collects its link
// annotations. Layout coordinates are millimetres from the top-left corner;
// PDF's are points from the bottom-left.
type painter struct {
	height  float64 // page height, pt
	faces   map[string]*embedded
	fonts   *FontSet
	content bytes.Buffer
	annots  []string
	width   float64 // current line width, pt; 0 until set
}

func (p *painter) x(mm float64) string { return num(mm * ptPerMM) }
func (p *painter) y(mm float64) string { return num(p.height - mm*ptPerMM) }

func (p *painter) draw(it layout.Item, anchors map[string]layout.Anchor, dest func(page int, y float64) string) {
	switch it := it.(type) {
	case layout.Text:
		p.text(it)
	case layout.Rule:
		p.lineWidth(it.Width * ptPerMM)
		fmt.Fprintf(&p.content, "%s %s m %s %s l S\n", p.x(it.X1), p.y(it.Y1), p.x(it.X2), p.y(it.Y2))
	case layout.Link:
		if a, ok := anchors[it.Bookmark]; ok {
			p.annots = append(p.annots, fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /Dest %s>>",
				p.x(it.X), p.y(it.Y+it.H), p.x(it.X+it.W), p.y(it.Y), dest(a.Page, a.Y)))
		}
	case layout.PageNumber:
		p.pageNumber(it)
	}
}

func (p *painter) lineWidth(w float64) {
	if w != p.width {
		fmt.Fprintf(&p.content, "%s w\n", num(w))
		p.width = w
	}
}

func (p *painter) text(t layout.Text) {
	e := p.faces[t.FaceID]
	if t.FakeBold {
		// Fill and stroke: thickens a regular face by a hair so bold
		// labels read as bold without a bold face. q…Q keeps the
		// rendering mode and line width to this text.
		fmt.Fprintf(&p.content, "q %s w 2 Tr ", num(t.Size*0.03))
	}
	fmt.Fprintf(&p.content, "BT /%s %s Tf %s %s Td %s Tj ET", e.resource, num(t.Size), p.x(t.X), p.y(t.Y), e.glyphs(t.Text))
	if t.FakeBold {
		p.content.WriteString(" Q")
	}
	p.content.WriteByte('\n')
}
