// Package layout turns a doc.Document into laid-out pages: positioned runs of
// text, rules, links and page numbers, in millimetres from the top-left corner
// of each page. It knows fonts only through the small Face and Fonts
// interfaces, so it has no PDF dependency; the PDF writer draws the result.
//
// The work happens in three stages. Every text is first shaped once: split
// into grapheme clusters with UAX #14 break opportunities tailored for
// Chinese (避头尾, see kinsoku.go) and measured with the face that draws each
// rune. Blocks are then broken into lines and table rows are measured, again
// once. Finally the prepared blocks are paginated; because the table of
// contents shows page numbers that depend on its own length, pagination is
// repeated until those numbers are stable.
//
// Items are emitted in reading order: the lines of a paragraph in turn, and in
// a table each cell's text completely, cells left to right, rows top to
// bottom, so that text extraction follows the document.
package layout

import (
	"errors"
	"fmt"
	"slices"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// Face is what layout needs from a font.
type Face interface {
	Has(r rune) bool
	Advance(r rune) float64 // 1/1000 em
	Ascent() float64        // 1/1000 em, positive
	Descent() float64       // 1/1000 em, positive
}

// Fonts resolves a doc font role (doc.Style.Font) to a chain of faces: the
// first face that Has a rune draws it.
type Fonts interface {
	Chain(role string, bold bool) ([]FaceRef, error)
}

// FaceRef is one face of a chain.
type FaceRef struct {
	ID       string // identifies the face to the PDF writer
	Face     Face
	FakeBold bool // bold requested but the face is regular: the writer thickens it
}

// Result is a laid-out document: everything a writer of finished pages
// (the PDF) needs.
type Result struct {
	Page  doc.Page // page size and margins, as laid out
	Meta  doc.Meta // the document's metadata, carried through for the writer
	Pages []Page
	// Faces are the faces the pages may draw with, by FaceRef.ID (every
	// face of every font chain the layout resolved).
	Faces map[string]Face
	// Outline lists the PDF bookmarks in document order: every heading with
	// a TOC entry, and every heading whose style has an OutlineLevel. Headings
	// without a Bookmark are left out, since nothing could point at them.
	Outline []OutlineEntry
	// Anchors maps each doc.Heading.Bookmark to where the heading landed.
	Anchors map[string]Anchor
	// Spans say where the text of each node with a source position landed
	// (headings, paragraphs, table cells; not the TOC's entries), in the
	// order drawn: what a preview needs to point from a field of the input
	// to its place on the pages.
	Spans []Span
}

// Span is a box on a page holding text of the input at Pos: a heading's or
// paragraph's lines on one page, or table cells of one position and field
// (adjacent cells of the same position and field on a page are one box).
type Span struct {
	Pos        doc.Pos
	Field      string  // the filing's field a table cell shows (doc.Cell.Field), or ""
	Page       int     // 0-based index into Result.Pages
	X, Y, W, H float64 // mm; X, Y is the top-left corner
}

// Anchor is where a heading landed.
type Anchor struct {
	Page   int     // 0-based index into Result.Pages
	Y      float64 // mm from the page top to the top of the heading's first line
	Number int     // printed page number, 0 if the page has none
}

// OutlineEntry is one PDF bookmark.
type OutlineEntry struct {
	Title    string
	Level    int // the style's OutlineLevel if set, else the TOC entry's level
	Bookmark string
}

// Page is one laid-out page.
type Page struct {
	Number int // printed page number; 0 = unnumbered (e.g. the 目录 pages)
	// Blank is a page left empty so that the next starts on a right-hand
	// page (doc.Page.Duplex); it counts, but shows no number.
	Blank bool
	Items []Item
}

// Item is one thing drawn on a page: Text, Rule, Link or PageNumber.
type Item interface{ isItem() }

// Text is a run of text drawn in one face at one size.
type Text struct {
	X, Y     float64 // mm; the start of the baseline, from the page's top-left
	Size     float64 // pt
	FaceID   string
	FakeBold bool
	Text     string
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64 // mm
	Width          float64 // mm
}

// Link is a clickable area that jumps to a heading's bookmark (TOC entries).
type Link struct {
	X, Y, W, H float64 // mm; X, Y is the top-left corner
	Bookmark   string
}

// PageNumber is the footer's page number, e.g. "— 3 —". Y is the baseline;
// X is the left edge of the text, its right edge when AlignRight, or its
// centre when Center.
type PageNumber struct {
	X, Y       float64 // mm
	Size       float64 // pt
	FaceID     string
	Text       string
	AlignRight bool
	Center     bool
}

func (Text) isItem()       {}
func (Rule) isItem()       {}
func (Link) isItem()       {}
func (PageNumber) isItem() {}

// maxPasses bounds the fixed-point iteration of TOC page numbers.
const maxPasses = 5

// Layout lays out d with the faces fonts resolves. It fails with a
// *GlyphError when a character has no glyph, with a *doc.GridError when a
// table's cells do not tile its grid, and with a plain error for settings
// that cannot be laid out (a line taller than the page, a table wider than
// the text block, an unknown style).
func Layout(d *doc.Document, fonts Fonts) (*Result, error) { return lay(d, fonts, false) }

// Draft lays out d as Layout does, but sets what Layout refuses as well as
// it can: a character no face has is drawn as □ (or ?, or left out when the
// faces have neither), text that is not UTF-8 has its bad bytes replaced,
// and a form whose unbreakable texts cannot fit its columns even at their
// smallest sizes keeps the template's columns, its texts at those sizes
// running over their cells. It is for a preview on a screen of a filing
// that has errors; what it lays out is never to be printed. It fails only
// where the template itself cannot be laid out.
func Draft(d *doc.Document, fonts Fonts) (*Result, error) { return lay(d, fonts, true) }

func lay(d *doc.Document, fonts Fonts, draft bool) (*Result, error) {
	if d == nil || fonts == nil {
		return nil, errors.New("layout: nil document or fonts")
	}
	g, err := newGeometry(d.Page)
	if err != nil {
		return nil, err
	}
	pr := newPreparer(d, fonts, g)
	pr.draft = draft
	blocks, err := pr.blocks()
	if err != nil {
		return nil, err
	}
	foot, err := pr.footer()
	if err != nil {
		return nil, err
	}
	// With a TOC, the first pass only measures, to learn the headings'
	// page numbers; later passes draw, until the numbers they show are the
	// numbers they produce.
	var numbers []int // printed page number of each heading, from the last pass
	dry := slices.ContainsFunc(blocks, func(b block) bool { _, ok := b.(*tocBlock); return ok })
	for range maxPasses {
		p, err := paginate(g, blocks, len(pr.headings), numbers, dry)
		if err != nil {
			return nil, err
		}
		got := p.headingNumbers()
		if !dry && (!p.hasTOC || slices.Equal(got, numbers)) {
			r := p.result(pr.headings, foot)
			r.Page, r.Meta, r.Faces = d.Page, d.Meta, pr.fonts.faces
			return r, nil
		}
		numbers, dry = got, false
	}
	return nil, fmt.Errorf("layout: the table of contents page numbers did not settle after %d passes", maxPasses)
}
