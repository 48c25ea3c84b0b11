package layout

import (
	"fmt"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// geometry is the page and its text block, in mm from the top-left corner.
type geometry struct {
	page                     doc.Page
	left, right, top, bottom float64
}

// epsMM absorbs rounding when comparing lengths in mm.
const epsMM = 1e-6

func (g geometry) width() float64  { return g.right - g.left }
func (g geometry) height() float64 { return g.bottom - g.top }

// newGeometry checks the page setup. A zero doc.Page means the GB/T 9704
// default: A4 with margins 37, 35, 28 and 26 mm.
func newGeometry(p doc.Page) (geometry, error) {
	if p.Width == 0 && p.Height == 0 && p.MarginTop == 0 && p.MarginBottom == 0 && p.MarginLeft == 0 && p.MarginRight == 0 {
		p.Width, p.Height = 210, 297
		p.MarginTop, p.MarginBottom, p.MarginLeft, p.MarginRight = 37, 35, 28, 26
	}
	for _, v := range []float64{p.Width, p.Height, p.MarginTop, p.MarginBottom, p.MarginLeft, p.MarginRight, p.Footer.Distance, p.Footer.Inset} {
		if !(v >= 0 && v < 1e5) {
			return geometry{}, fmt.Errorf("page setup: %g mm is out of range", v)
		}
	}
	g := geometry{page: p, left: p.MarginLeft, right: p.Width - p.MarginRight, top: p.MarginTop, bottom: p.Height - p.MarginBottom}
	if g.width() <= 0 || g.height() <= 0 {
		return geometry{}, fmt.Errorf("page setup: the margins leave no text block on a %g × %g mm page", p.Width, p.Height)
	}
	return g, nil
}

// Prepared blocks: *para, *table, *tocBlock and pageBreak.
type block any

type pageBreak struct{}

// para is a heading or paragraph broken into lines. The lines run from x
// (mm from the left margin) and are w mm wide; the first line has its own
// offset and width (indent).
type para struct {
	st      *style
	sh      *shaped
	lines   []line
	x0, w0  float64 // first line
	x, w    float64 // other lines
	heading int     // index into preparer.headings, or -1
	keep    bool    // keep the lines on one page (headings, TOC entries)
	toc     *tocMark
	pos     doc.Pos // of the input text, for Result.Spans
}

// heading is what navigation needs to know about one doc.Heading.
type heading struct {
	pos      doc.Pos
	bookmark string
	title    string
	level    int  // outline level
	outline  bool // listed in the PDF outline
	entry    *doc.TOCEntry
}

// preparer shapes, measures and breaks every block once.
type preparer struct {
	doc    *doc.Document
	geo    geometry
	fonts  *fontSet
	styles map[string]*style
	// sizedStyles are styles set at another size, by sized.
	sizedStyles map[sizedKey]*style
	shapes      map[shapeKey]*shaped
	headings    []heading
	draft       bool // see Draft
}

type shapeKey struct {
	c    *chain
	text string
	wrap string  // "" or the NoWrap break characters of the style
	cell float64 // the style's grid cell, 1/1000 em; 0 off the grid
}

func newPreparer(d *doc.Document, fonts Fonts, g geometry) *preparer {
	return &preparer{
		doc:         d,
		geo:         g,
		fonts:       &fontSet{fonts: fonts, chains: make(map[chainKey]*chain), faces: make(map[string]Face)},
		styles:      make(map[string]*style),
		sizedStyles: make(map[sizedKey]*style),
		shapes:      make(map[shapeKey]*shaped),
	}
}

// site says where a text is, for messages: a kind of block, or a table
// cell. It is formatted only when something fails.
type site struct {
	what     string  // "paragraph", "heading"…, or the table name for a cell
	row, col int     // 1-based cell position; 0 outside tables
	pos      doc.Pos // the source position, if known
}

func (s site) String() string {
	if s.row > 0 {
		return fmt.Sprintf("table %q row %d column %d", s.what, s.row, s.col)
	}
	return s.what
}

// wrap prefixes err with the position and the site.
func (s site) wrap(err error) error { return fmt.Errorf("%s%s: %w", posPrefix(s.pos), s, err) }

// shape shapes text in style st, once per font chain, text and way of
// wrapping.
func (pr *preparer) shape(text string, st *style, at site) (*shaped, error) {
	if st.NoWrap {
		k := shapeKey{st.chain, text, "\x00" + st.BreakAfter + "\x00" + st.BreakBefore, st.cell}
		if sh, ok := pr.shapes[k]; ok {
			return sh, nil
		}
		plain := *st
		plain.NoWrap = false
		sh, err := pr.shape(text, &plain, at)
		if err != nil {
			return nil, err
		}
		pr.shapes[k] = sh.noWrap(st.BreakAfter, st.BreakBefore)
		return pr.shapes[k], nil
	}
	k := shapeKey{st.chain, text, "", st.cell}
	if sh, ok := pr.shapes[k]; ok {
		return sh, nil
	}
	sh, err := shape(text, st.chain)
	if err != nil && pr.draft {
		sh, err = shape(st.chain.drawable(text), st.chain)
	}
	if err == nil && st.cell > 0 {
		sh = sh.onGrid(st.cell)
	}
	if ge, ok := err.(*GlyphError); ok {
		ge.Where, ge.Pos = at.String(), at.pos
		ge.Block, ge.Row, ge.Col = at.what, at.row, at.col
		return nil, ge
	}
	if err != nil {
		return nil, at.wrap(err)
	}
	pr.shapes[k] = sh
	return sh, nil
}

// para prepares a text block in style name, set across the text block.
func (pr *preparer) para(text, name string, at site) (*para, error) {
	st, err := pr.style(name)
	if err != nil {
		return nil, at.wrap(err)
	}
	sh, err := pr.shape(text, st, at)
	if err != nil {
		return nil, err
	}
	w := pr.geo.width()
	indent := min(st.indent, w)
	p := &para{st: st, sh: sh, x0: indent, w0: w - indent, w: w, heading: -1, pos: at.pos}
	p.lines = sh.breakLines(p.w0/st.unit, p.w/st.unit)
	return p, nil
}

// blocks prepares the document's blocks.
func (pr *preparer) blocks() ([]block, error) {
	var out []block
	var tocs []int // where the TOCs go, once every heading is known
	bookmarks := make(map[string]bool)
	for i, b := range pr.doc.Blocks {
		switch b := b.(type) {
		case *doc.Heading:
			p, err := pr.para(b.Text, b.Style, site{what: "heading", pos: b.Pos})
			if err != nil {
				return nil, err
			}
			if b.Bookmark != "" {
				if bookmarks[b.Bookmark] {
					return nil, fmt.Errorf("%sheading: bookmark %q is used twice", posPrefix(b.Pos), b.Bookmark)
				}
				bookmarks[b.Bookmark] = true
			}
			p.heading, p.keep = len(pr.headings), true
			pr.headings = append(pr.headings, newHeading(b, p.st))
			out = append(out, p)
		case *doc.Paragraph:
			p, err := pr.para(b.Text, b.Style, site{what: "paragraph", pos: b.Pos})
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		case *doc.Table:
			if run := pr.form(i); run != nil {
				if err := pr.fitRun(run); err != nil {
					return nil, err
				}
			}
			t, err := pr.table(b)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		case *doc.TOC:
			tocs = append(tocs, len(out))
			out = append(out, nil)
		case doc.PageBreak, *doc.PageBreak:
			out = append(out, pageBreak{})
		default:
			return nil, fmt.Errorf("layout: unsupported block %T", b)
		}
	}
	for _, i := range tocs {
		t, err := pr.toc(pr.doc.Blocks[i].(*doc.TOC))
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

func newHeading(b *doc.Heading, st *style) heading {
	h := heading{pos: b.Pos, bookmark: b.Bookmark, title: b.Text, level: st.OutlineLevel, entry: b.TOC}
	if b.TOC != nil {
		if b.TOC.Text != "" {
			h.title = b.TOC.Text
		}
		if h.level <= 0 {
			h.level = max(b.TOC.Level, 1)
		}
	}
	h.title = strings.Join(strings.Fields(h.title), " ")
	h.outline = b.Bookmark != "" && (b.TOC != nil || st.OutlineLevel > 0)
	return h
}

// form returns the tables of the form that starts with block i: the table
// and the tables joined to it. It is nil when block i is joined to the
// table before it, whose form holds it.
func (pr *preparer) form(i int) []*doc.Table {
	blocks := pr.doc.Blocks
	t := blocks[i].(*doc.Table)
	if t.Joined && i > 0 {
		if _, after := blocks[i-1].(*doc.Table); after {
			return nil
		}
	}
	run := []*doc.Table{t}
	for j := i + 1; j < len(blocks); j++ {
		next, ok := blocks[j].(*doc.Table)
		if !ok || !next.Joined {
			break
		}
		run = append(run, next)
	}
	return run
}
