package docx

import (
	"math"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// twipsPerMM converts millimetres to twentieths of a point.
const twipsPerMM = 1440 / 25.4

// twips converts mm to twips.
func twips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// pt20 converts points to twips (also the unit of w:spacing).
func pt20(pt float64) int { return int(math.Round(pt * 20)) }

// geometry is the page setup in twips.
type geometry struct {
	width, height            int
	top, bottom, left, right int
	footer                   int // page bottom edge to the footer's top
	text                     int // width of the text block
}

// headerDistance is the w:header margin; the report has no headers.
var headerDistance = twips(15)

// newGeometry converts the page setup. The w:footer margin runs from the
// page's bottom edge to the bottom of the footer; it is set so that the
// middle of the page-number line, where the dashes sit, is Footer.Distance
// below the text block (GB/T 9704: the dash line 7 mm below it).
func newGeometry(p doc.Page, footerLine float64) geometry {
	g := geometry{
		width: twips(p.Width), height: twips(p.Height),
		top: twips(p.MarginTop), bottom: twips(p.MarginBottom),
		left: twips(p.MarginLeft), right: twips(p.MarginRight),
		footer: max(0, twips(p.MarginBottom-p.Footer.Distance)-pt20(footerLine/2)),
	}
	g.text = g.width - g.left - g.right
	return g
}

// sectionBreak ends a section of the body before a part that starts a
// page (Page.Duplex): a paragraph a point high that carries the section's
// properties, since the block before may be a table. The body's first
// section restarts the page numbers after an unnumbered TOC.
func (w *writer) sectionBreak(x *xmlWriter) {
	x.start("w:p")
	x.start("w:pPr")
	x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "20", "w:lineRule", "exact")
	w.sectPr(x, true, w.restartsNumbers())
	x.end("w:pPr")
	x.end("w:p")
}

// restartsNumbers reports whether the section being ended is the body's
// first after an unnumbered TOC, whose page numbers start at 1.
func (w *writer) restartsNumbers() bool {
	return w.tocBlock != nil && !w.d.Page.Footer.NumberTOC && w.sections == 1
}

// footerPart is one footer part of the package.
type footerPart struct {
	name string // e.g. "footer1.xml"
	rel  string // relationship id in document.xml.rels
	kind string // w:footerReference w:type: "default" (odd pages) or "even"
}

// footers lists the footer parts the page setup asks for: none without a
// page-number format, one centred footer, or odd and even footers.
func footers(f doc.Footer) []footerPart {
	switch {
	case f.Format == "":
		return nil
	case f.OddEven:
		return []footerPart{{"footer1.xml", "rIdFooter1", "default"}, {"footer2.xml", "rIdFooter2", "even"}}
	default:
		return []footerPart{{"footer1.xml", "rIdFooter1", "default"}}
	}
}

// sectPr writes a section's properties. withFooters attaches the footers;
// restart starts the page numbers at 1. Printed on both sides
// (Page.Duplex), every section but the first starts on a right-hand page:
// Word and LibreOffice insert the blank page where one is needed.
func (w *writer) sectPr(x *xmlWriter, withFooters, restart bool) {
	g := w.geom
	x.start("w:sectPr")
	if withFooters {
		for _, f := range w.footers {
			x.empty("w:footerReference", "w:type", f.kind, "r:id", f.rel)
		}
	}
	if w.d.Page.Duplex && w.sections > 0 {
		x.val("w:type", "oddPage")
	}
	w.sections++
	x.empty("w:pgSz", "w:w", strconv.Itoa(g.width), "w:h", strconv.Itoa(g.height))
	x.empty("w:pgMar",
		"w:top", strconv.Itoa(g.top), "w:right", strconv.Itoa(g.right),
		"w:bottom", strconv.Itoa(g.bottom), "w:left", strconv.Itoa(g.left),
		"w:header", strconv.Itoa(headerDistance), "w:footer", strconv.Itoa(g.footer), "w:gutter", "0")
	if restart {
		x.empty("w:pgNumType", "w:start", "1")
	}
	if grid := w.d.Page.Grid; grid.Chars > 0 && w.styles.gridSize > 0 {
		// Lines as Word counts them, whole twips that fit the text block;
		// the character pitch as the difference from the Normal style's
		// size, in 1/4096 pt, rounded down so that Chars fit the line.
		height := g.height - g.top - g.bottom
		pitch := float64(g.text) / 20 / float64(grid.Chars)
		x.empty("w:docGrid", "w:type", "linesAndChars", "w:linePitch", strconv.Itoa(height/grid.Lines),
			"w:charSpace", strconv.Itoa(int(math.Floor((pitch-w.styles.gridSize)*4096))))
	}
	x.end("w:sectPr")
}

// footer writes one footer part: Footer.Format split around %d into text
// runs and a PAGE field. Odd pages (kind "default" with OddEven) are
// right-aligned and even pages left-aligned, each Inset from the outer
// edge; without OddEven the one footer is centred.
func (w *writer) footer(f footerPart) ([]byte, error) {
	ft, st := w.d.Page.Footer, w.footerStyle
	x := newXML()
	x.start("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", st.id)
	inset := strconv.Itoa(twips(ft.Inset))
	switch {
	case !ft.OddEven:
		x.val("w:jc", "center")
	case f.kind == "even":
		x.empty("w:ind", "w:left", inset)
		x.val("w:jc", "left")
	default:
		x.empty("w:ind", "w:right", inset)
		x.val("w:jc", "right")
	}
	x.end("w:pPr")
	before, after, paged := strings.Cut(ft.Format, "%d")
	runs(x, before, st)
	if paged {
		pageField(x)
		runs(x, after, st)
	}
	x.end("w:p")
	x.end("w:ftr")
	return x.bytes()
}
