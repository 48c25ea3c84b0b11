package layout

import (
	"math"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// pager places prepared blocks on pages, top to bottom.
type pager struct {
	geo       geometry
	pages     []Page
	y         float64 // top of the free space on the current page
	fresh     bool    // nothing is placed on the current page yet
	explicit  bool    // the current page was started by an explicit break
	breakNext bool    // the next block starts a new page
	numbers   []int   // TOC page numbers per heading; nil in the first pass
	dry       bool    // measure only: emit no items
	placed    []place // where each heading landed
	spans     []Span  // where the input's texts landed (Result.Spans)
	hasTOC    bool
	tocFirst  int // first and last page of the first TOC
	tocLast   int
}

// place is where a heading landed: page index and the top of its first line.
type place struct {
	page int
	y    float64
}

// paginate lays out the prepared blocks. numbers are the printed page
// numbers of the headings to show in the TOC, nil when not known yet. A dry
// run only finds where everything goes.
func paginate(g geometry, blocks []block, headings int, numbers []int, dry bool) (*pager, error) {
	p := &pager{geo: g, numbers: numbers, dry: dry, placed: make([]place, headings)}
	p.newPage(false)
	return p, p.flow(blocks)
}

func (p *pager) newPage(explicit bool) {
	p.pages = append(p.pages, Page{})
	p.y, p.fresh, p.explicit = p.geo.top, true, explicit
}

// pageBreak starts a new page unless the current one is still empty.
// Printed on both sides (Page.Duplex), the page is a right-hand one: a
// left-hand page is left blank, and after an unnumbered TOC it belongs to
// the TOC, so that the body's page 1 is a right-hand page.
func (p *pager) pageBreak() {
	if p.fresh {
		p.explicit = true
	} else {
		p.newPage(true)
	}
	if !p.geo.page.Duplex || len(p.pages)%2 == 1 {
		return
	}
	p.page().Blank = true
	if p.hasTOC && p.tocLast == len(p.pages)-2 && !p.geo.page.Footer.NumberTOC {
		p.tocLast++
	}
	p.newPage(true)
}

// page returns the current page.
func (p *pager) page() *Page { return &p.pages[len(p.pages)-1] }

// flow places blocks in order, starting new pages where they ask for it.
func (p *pager) flow(blocks []block) error {
	for i, b := range blocks {
		switch b := b.(type) {
		case pageBreak:
			p.breakNext = true
			continue
		case *para:
			p.breakNext = p.breakNext || b.st.PageBreak
		case *tocBlock:
			p.breakNext = true
		}
		if p.breakNext {
			p.breakNext = false
			p.pageBreak()
		}
		switch b := b.(type) {
		case *para:
			p.keep(blocks, i)
			p.placePara(b)
		case *table:
			p.keep(blocks, i)
			if err := p.placeTable(b); err != nil {
				return err
			}
		case *tocBlock:
			if err := p.placeTOC(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// keep starts a new page when block i cannot start on this one: when what
// must go together with its start (see lead) does not fit.
func (p *pager) keep(blocks []block, i int) {
	if !p.fresh && p.y+lead(blocks, i, p.geo.height()) > p.geo.bottom+epsMM {
		p.newPage(false)
	}
}

// lead is the height that must fit on a page for block i to start there:
// its first lines or rows, and with keep-with-next the lead of the block
// after it. A table that cannot break and is followed directly by another
// table stacks with it like one table. The sum stops growing past pageH.
func lead(blocks []block, i int, pageH float64) float64 {
	h := 0.0
	for ; i < len(blocks) && h <= pageH; i++ {
		switch b := blocks[i].(type) {
		case *para:
			h += b.st.before + float64(b.leadLines())*b.st.pitch
			if !b.st.KeepWithNext || !flowsOn(blocks, i+1) {
				return h
			}
			h += b.st.after
		case *table:
			if _, next := at(blocks, i+1).(*table); !b.single || !next {
				return h + b.lead
			}
			h += b.groupH[0]
		default:
			return h
		}
	}
	return h
}

func at(blocks []block, i int) block {
	if i < len(blocks) {
		return blocks[i]
	}
	return nil
}

// flowsOn reports whether block i may share a page with the block before.
func flowsOn(blocks []block, i int) bool {
	switch b := at(blocks, i).(type) {
	case *para:
		return !b.st.PageBreak
	case *table:
		return true
	}
	return false
}

// leadLines is how many lines must open the paragraph on a page: all of a
// kept paragraph, else two (no orphan), or all three of a three-line one
// (splitting it would leave an orphan or a widow).
func (b *para) leadLines() int {
	if n := len(b.lines); b.keep || n <= 3 {
		return n
	}
	return 2
}

// placePara places a paragraph, splitting it across pages if it must.
// keep has made sure that its first lines fit (no orphan); fit leaves no
// single line for the next page (no widow).
func (p *pager) placePara(b *para) {
	st := b.st
	if !p.fresh || p.explicit {
		p.y += st.before
		if p.fresh && p.y+st.pitch > p.geo.bottom+epsMM {
			p.y = p.geo.top // the space before would leave no room at all
		}
	}
	for i := 0; i < len(b.lines); {
		k := p.fit(b, i)
		p.drawLines(b, i, i+k)
		if i += k; i < len(b.lines) {
			p.newPage(false)
		}
	}
	p.y += st.after
}

// fit is how many lines of b, from line i, go on the current page: all
// that fit, at least one, but one less when a single line would be left.
func (p *pager) fit(b *para, i int) int {
	rest := len(b.lines) - i
	k := max(int(math.Floor((p.geo.bottom-p.y+epsMM)/b.st.pitch)), 1)
	switch {
	case k >= rest:
		return rest
	case rest-k == 1 && k > 1:
		return k - 1
	}
	return k
}

// drawLines draws lines [i, j) of b from the current position.
func (p *pager) drawLines(b *para, i, j int) {
	st, top, baseline := b.st, p.y, 0.0
	pg := p.page()
	for l := i; l < j; l++ {
		x, w := b.x, b.w
		if l == 0 {
			x, w = b.x0, b.w0
		}
		baseline = p.y + st.base
		if !p.dry {
			pg.Items = appendLine(pg.Items, st, b.sh, b.lines[l], p.geo.left+x, w, baseline, st.Align)
		}
		p.y += st.pitch
	}
	p.fresh = false
	if !p.dry {
		p.span(b.pos, "", p.geo.left, top, p.geo.width(), p.y-top)
	}
	if b.heading >= 0 && i == 0 {
		p.placed[b.heading] = place{len(p.pages) - 1, top}
	}
	if b.toc != nil && !p.dry {
		b.toc.draw(p, b, j == len(b.lines), top, baseline)
	}
}

// span records that text of the input at pos (showing field, if known) is
// in the box x, y, w, h on the current page, joined to the box before when
// that has the same position and field on this page.
func (p *pager) span(pos doc.Pos, field string, x, y, w, h float64) {
	if pos.Line == 0 && field == "" {
		return
	}
	page := len(p.pages) - 1
	if n := len(p.spans); n > 0 {
		if s := &p.spans[n-1]; s.Pos == pos && s.Field == field && s.Page == page {
			x1, y1 := max(s.X+s.W, x+w), max(s.Y+s.H, y+h)
			s.X, s.Y = min(s.X, x), min(s.Y, y)
			s.W, s.H = x1-s.X, y1-s.Y
			return
		}
	}
	p.spans = append(p.spans, Span{Pos: pos, Field: field, Page: page, X: x, Y: y, W: w, H: h})
}

// number is the printed number of page i: pages after the first TOC count
// from 1 (with Footer.NumberTOC, the TOC's pages count too); without a TOC
// every page does.
func (p *pager) number(i int) int {
	switch {
	case !p.hasTOC:
		return i + 1
	case p.geo.page.Footer.NumberTOC:
		if i >= p.tocFirst {
			return i - p.tocFirst + 1
		}
	case i > p.tocLast:
		return i - p.tocLast
	}
	return 0
}

// headingNumbers returns the printed page number of every heading.
func (p *pager) headingNumbers() []int {
	n := make([]int, len(p.placed))
	for i, pl := range p.placed {
		n[i] = p.number(pl.page)
	}
	return n
}

// result assembles the Result: page numbers, footers, anchors, outline.
func (p *pager) result(headings []heading, foot *footer) *Result {
	r := &Result{Pages: p.pages, Anchors: make(map[string]Anchor), Spans: p.spans}
	for i := range r.Pages {
		n := p.number(i)
		r.Pages[i].Number = n
		if n > 0 && foot != nil && !r.Pages[i].Blank {
			r.Pages[i].Items = append(r.Pages[i].Items, foot.item(n, p.geo))
		}
	}
	for i, h := range headings {
		pl := p.placed[i]
		if h.bookmark != "" {
			r.Anchors[h.bookmark] = Anchor{Page: pl.page, Y: pl.y, Number: p.number(pl.page)}
		}
		if h.outline {
			r.Outline = append(r.Outline, OutlineEntry{Title: h.title, Level: h.level, Bookmark: h.bookmark})
		}
	}
	return r
}
