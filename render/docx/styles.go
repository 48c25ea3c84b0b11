package docx

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// defaultFont is what docDefaults name: Times New Roman for Latin text and
// 宋体 for Chinese, the fallback of a style without a font role.
var defaultFont = doc.Font{Latin: "Times New Roman", EastAsia: "宋体"}

// defaultSize is the docDefaults size in pt (五号).
const defaultSize = 10.5

// style is a doc.Style ready to write: its style ID and its fonts.
type style struct {
	doc.Style
	id   string
	font doc.Font // the resolved font role, or defaultFont
	cell float64  // the grid's character pitch in pt, for a style on it
}

// styleSheet holds the paragraph styles of a document, in name order.
type styleSheet struct {
	normal *style
	styles []*style // sorted by name
	byName map[string]*style
	// gridSize is the size in pt of the text on the page's character
	// grid (its largest style on the grid), the Normal style's size, as
	// w:docGrid's character pitch is counted from it; 0 without a grid.
	gridSize float64
}

// newStyleSheet resolves every style's font role and gives each style an ID
// derived from its name, so IDs stay the same from run to run.
func newStyleSheet(d *doc.Document) (*styleSheet, error) {
	ss := &styleSheet{
		normal: &style{id: "Normal", font: defaultFont},
		byName: make(map[string]*style, len(d.Styles)),
	}
	used := map[string]bool{"Normal": true, "TableNormal": true}
	for level := 1; level <= 9; level++ {
		used[tocStyleID(level)] = true
	}
	names := make([]string, 0, len(d.Styles))
	for name := range d.Styles {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		s := &style{Style: d.Styles[name], font: defaultFont}
		s.Name = name
		if role := s.Style.Font; role != "" {
			f, ok := d.Fonts[role]
			if !ok {
				return nil, fmt.Errorf("docx: style %q uses font role %q, which the document does not define", name, role)
			}
			s.font.EastAsia = cmp.Or(f.EastAsia, defaultFont.EastAsia)
			s.font.Latin = cmp.Or(f.Latin, defaultFont.Latin)
		}
		s.id = styleID(name, used)
		used[s.id] = true
		if g := d.Page.Grid; g.Chars > 0 {
			if s.Grid {
				ss.gridSize = max(ss.gridSize, s.size())
				p := d.Page
				s.cell = float64(twips(p.Width)-twips(p.MarginLeft)-twips(p.MarginRight)) / 20 / float64(g.Chars)
			}
		}
		ss.styles = append(ss.styles, s)
		ss.byName[name] = s
	}
	return ss, nil
}

// lookup finds a style by name for the text at pos; the empty name is the
// Normal style.
func (ss *styleSheet) lookup(name string, pos doc.Pos) (*style, error) {
	if name == "" {
		return ss.normal, nil
	}
	if s, ok := ss.byName[name]; ok {
		return s, nil
	}
	return nil, fmt.Errorf("%sdocx: style %q is not defined", where(pos), name)
}

// styleID derives a Word style ID from a style name: its ASCII letters and
// digits in CamelCase ("cell-label" → "CellLabel"). A name with none of
// them, or one whose ID is taken, gets a hash of the name appended.
func styleID(name string, used map[string]bool) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r <= unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
		default:
			upper = true
		}
	}
	id := b.String()
	if id == "" || used[id] {
		h := fnv.New32a()
		h.Write([]byte(name))
		id = fmt.Sprintf("S%s%08x", id, h.Sum32())
	}
	return id
}

// tocStyleID is the ID of Word's built-in "toc n" style.
func tocStyleID(level int) string { return "TOC" + strconv.Itoa(level) }

// stylesPart writes word/styles.xml: the document defaults, Normal, the
// default table style, every document style, and the TOC entry styles
// for levels 1..tocLevels, based on entry.
func (ss *styleSheet) stylesPart(textWidth, tocLevels int, entry *style) ([]byte, error) {
	x := newXML()
	x.start("w:styles", "xmlns:w", nsW)
	x.start("w:docDefaults")
	x.start("w:rPrDefault")
	x.start("w:rPr")
	fonts(x, defaultFont)
	x.ival("w:sz", halfPoints(defaultSize))
	x.ival("w:szCs", halfPoints(defaultSize))
	lang(x)
	x.end("w:rPr")
	x.end("w:rPrDefault")
	x.end("w:docDefaults")

	x.start("w:style", "w:type", "paragraph", "w:default", "1", "w:styleId", "Normal")
	x.val("w:name", "Normal")
	x.empty("w:qFormat")
	if ss.gridSize > 0 {
		// Off the grid by default: paragraphs of no style of ours (the
		// hairline between two tables, a section's end) must not take a
		// grid line each, as LibreOffice would give them.
		x.start("w:pPr")
		x.val("w:snapToGrid", "0")
		x.end("w:pPr")
		x.start("w:rPr")
		x.val("w:snapToGrid", "0")
		x.ival("w:sz", halfPoints(ss.gridSize))
		x.ival("w:szCs", halfPoints(ss.gridSize))
		x.end("w:rPr")
	}
	x.end("w:style")

	x.start("w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal")
	x.val("w:name", "Normal Table")
	x.ival("w:uiPriority", 99)
	x.empty("w:semiHidden")
	x.empty("w:unhideWhenUsed")
	x.start("w:tblPr")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	x.start("w:tblCellMar")
	for _, side := range [...]string{"w:top", "w:left", "w:bottom", "w:right"} {
		x.empty(side, "w:w", "0", "w:type", "dxa")
	}
	x.end("w:tblCellMar")
	x.end("w:tblPr")
	x.end("w:style")

	for _, s := range ss.styles {
		x.start("w:style", "w:type", "paragraph", "w:customStyle", "1", "w:styleId", s.id)
		x.val("w:name", s.Name)
		x.val("w:basedOn", "Normal")
		x.empty("w:qFormat")
		s.pPr(x)
		s.rPr(x)
		x.end("w:style")
	}

	for level := 1; level <= tocLevels; level++ {
		x.start("w:style", "w:type", "paragraph", "w:styleId", tocStyleID(level))
		x.val("w:name", "toc "+strconv.Itoa(level))
		x.val("w:basedOn", entry.id)
		x.val("w:next", "Normal")
		x.ival("w:uiPriority", 39)
		x.empty("w:unhideWhenUsed")
		x.start("w:pPr")
		x.start("w:tabs")
		x.empty("w:tab", "w:val", "right", "w:leader", "dot", "w:pos", strconv.Itoa(textWidth))
		x.end("w:tabs")
		if level > 1 {
			chars := 2 * (level - 1)
			x.empty("w:ind", "w:leftChars", strconv.Itoa(100*chars),
				"w:left", strconv.Itoa(pt20(float64(chars)*entry.size())))
		}
		x.end("w:pPr")
		x.end("w:style")
	}
	x.end("w:styles")
	return x.bytes()
}

// size is the style's font size in pt, or the default size.
func (s *style) size() float64 {
	if s.Size > 0 {
		return s.Size
	}
	return defaultSize
}

// pPr writes the style's paragraph properties.
func (s *style) pPr(x *xmlWriter) {
	x.start("w:pPr")
	if s.KeepWithNext {
		x.empty("w:keepNext")
	}
	if s.PageBreak {
		x.empty("w:pageBreakBefore")
	}
	// No extra space between Chinese and Latin text or digits (on by
	// default in Word and LibreOffice): the PDF has none, and the table
	// columns are fitted to the PDF's widths. LibreOffice reads it only
	// from the paragraph styles, not from the document defaults.
	x.val("w:autoSpaceDE", "0")
	x.val("w:autoSpaceDN", "0")
	if s.cell > 0 { // on the grid, unlike Normal
		x.val("w:snapToGrid", "1")
	}
	x.empty("w:spacing", "w:before", strconv.Itoa(pt20(s.SpaceBefore)), "w:after", strconv.Itoa(pt20(s.SpaceAfter)),
		"w:line", strconv.Itoa(pt20(s.lineHeight())), "w:lineRule", "exact")
	if s.FirstIndent > 0 {
		// On the grid an indent of 2 characters is a twip short of 2
		// cells: LibreOffice rounds it up to whole cells, and 2 × 16 pt,
		// or 2 cells to the twip (631), become 3 there.
		indent := pt20(s.FirstIndent * s.size())
		if s.cell > 0 {
			indent = int(math.Floor(s.FirstIndent*s.cell*20)) - 1
		}
		x.empty("w:ind", "w:firstLineChars", strconv.Itoa(int(math.Round(s.FirstIndent*100))),
			"w:firstLine", strconv.Itoa(indent))
	}
	x.val("w:jc", jc(s.Align))
	if s.OutlineLevel > 0 {
		x.ival("w:outlineLvl", s.OutlineLevel-1)
	}
	x.end("w:pPr")
}

// lineHeight is the exact line pitch in pt, as the PDF sets it: LineHeight,
// or 1.3 × the font size when that is zero.
func (s *style) lineHeight() float64 {
	if s.LineHeight > 0 {
		return s.LineHeight
	}
	return 1.3 * s.size()
}

// rPr writes the style's run properties.
func (s *style) rPr(x *xmlWriter) {
	x.start("w:rPr")
	if s.Style.Font != "" {
		fonts(x, s.font)
	}
	if s.Bold {
		x.empty("w:b")
		x.empty("w:bCs")
	}
	if s.cell > 0 {
		x.val("w:snapToGrid", "1")
	}
	if s.Size > 0 {
		x.ival("w:sz", halfPoints(s.Size))
		x.ival("w:szCs", halfPoints(s.Size))
	}
	lang(x)
	x.end("w:rPr")
}

// fonts writes w:rFonts for f.
func fonts(x *xmlWriter, f doc.Font) {
	x.empty("w:rFonts", "w:ascii", f.Latin, "w:hAnsi", f.Latin, "w:eastAsia", f.EastAsia, "w:cs", f.Latin)
}

func lang(x *xmlWriter) { x.empty("w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN") }

func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

func jc(a doc.Align) string {
	switch a {
	case doc.AlignCenter:
		return "center"
	case doc.AlignRight:
		return "right"
	case doc.AlignJustify:
		return "both"
	default:
		return "left"
	}
}
