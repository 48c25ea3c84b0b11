package layout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// leader is the character repeated between a TOC entry and its page number.
const leader = "."

// tocBlock is a table of contents. Its entries are broken into lines on
// every pass, since the width of their page numbers may change.
type tocBlock struct {
	title   *para // nil without a title
	st      *style
	entries []tocEntry
	dot     *shaped         // the leader character
	nums    map[int]*shaped // page numbers, shaped once
}

type tocEntry struct {
	heading  int // index into preparer.headings
	bookmark string
	sh       *shaped
	indent   float64 // mm, by entry level
}

// tocMark is what a TOC entry draws besides its text: the dot leaders and
// the page number on its last line, and a link over its lines.
type tocMark struct {
	num      *shaped // nil when the heading's page has no number
	dot      *shaped // the leader character
	bookmark string
}

func (pr *preparer) toc(t *doc.TOC) (*tocBlock, error) {
	tb := &tocBlock{nums: make(map[int]*shaped)}
	if t.Title != "" {
		title, err := pr.para(t.Title, t.TitleStyle, site{what: "table of contents title"})
		if err != nil {
			return nil, err
		}
		tb.title = title
	}
	st, err := pr.style(t.EntryStyle)
	if err != nil {
		return nil, site{what: "table of contents"}.wrap(err)
	}
	tb.st = st
	// Page numbers and leaders use these characters: check them once.
	if _, err := pr.shape("0123456789", st, site{what: "table of contents page number"}); err != nil {
		return nil, err
	}
	if tb.dot, err = pr.shape(leader, st, site{what: "table of contents leader"}); err != nil {
		return nil, err
	}
	for i, h := range pr.headings {
		if h.entry == nil || !slices.Contains(t.Lists, h.entry.List) {
			continue
		}
		text := h.entry.Text
		if text == "" {
			text = h.title
		}
		sh, err := pr.shape(text, st, site{what: fmt.Sprintf("table of contents entry %q", text), pos: h.pos})
		if err != nil {
			return nil, err
		}
		indent := float64(max(h.entry.Level, 1)-1) * 2 * st.Size * ptMM
		tb.entries = append(tb.entries, tocEntry{heading: i, bookmark: h.bookmark, sh: sh, indent: min(indent, pr.geo.width()/2)})
	}
	return tb, nil
}

// placeTOC places the TOC on pages of its own, showing numbers[h] as the
// page of heading h (1 everywhere in the first pass).
func (p *pager) placeTOC(tb *tocBlock) error {
	first := !p.hasTOC
	if first {
		p.hasTOC, p.tocFirst = true, len(p.pages)-1
	}
	var blocks []block
	if tb.title != nil {
		blocks = append(blocks, tb.title)
	}
	for _, e := range tb.entries {
		n := 1
		if p.numbers != nil {
			n = p.numbers[e.heading]
		}
		blocks = append(blocks, tb.entry(e, n, p.geo.width()))
	}
	if err := p.flow(blocks); err != nil {
		return err
	}
	if first {
		p.tocLast = len(p.pages) - 1
	}
	p.breakNext = true
	return nil
}

// entry breaks entry e, whose heading is on page n (0: unnumbered), into
// lines that leave room for the leaders and the number on the right.
func (tb *tocBlock) entry(e tocEntry, n int, width float64) *para {
	st := tb.st
	mark := &tocMark{dot: tb.dot, bookmark: e.bookmark}
	reserve := 0.0
	if n > 0 {
		mark.num = tb.number(n)
		reserve = mark.num.width(0, len(mark.num.cl))*st.unit + 2*st.Size*ptMM
	}
	w := width - e.indent - reserve
	b := &para{st: st, sh: e.sh, x0: e.indent, w0: w, x: e.indent, w: w, heading: -1, keep: true, toc: mark}
	b.lines = e.sh.breakLines(w/st.unit, w/st.unit)
	// A last line of one character (表 alone) takes a character or more
	// from the line before.
	em := st.Size * ptMM
	for k := 1; k <= 3 && len(b.lines) > 1 && short(b.lines[len(b.lines)-1]); k++ {
		b.lines = e.sh.breakLines((w-float64(k)*em)/st.unit, (w-float64(k)*em)/st.unit)
	}
	return b
}

// short reports a line of fewer than two characters.
func short(ln line) bool { return ln.to-ln.from < 2 }

// number shapes page number n; the digits were checked when preparing.
func (tb *tocBlock) number(n int) *shaped {
	sh, ok := tb.nums[n]
	if !ok {
		sh, _ = shape(strconv.Itoa(n), tb.st.chain)
		tb.nums[n] = sh
	}
	return sh
}

// draw adds entry b's link over the lines just drawn from top, and when the
// last of them was the entry's last, on its baseline, the leaders and the
// page number.
func (m *tocMark) draw(p *pager, b *para, last bool, top, baseline float64) {
	pg, st := p.page(), b.st
	if m.bookmark != "" {
		pg.Items = append(pg.Items, Link{X: p.geo.left + b.x, Y: top, W: p.geo.width() - b.x, H: p.y - top, Bookmark: m.bookmark})
	}
	if !last || m.num == nil {
		return
	}
	numW := m.num.width(0, len(m.num.cl)) * st.unit
	numX := p.geo.right - numW
	textEnd := p.geo.left + b.x + b.lines[len(b.lines)-1].width*st.unit
	gap := st.Size * ptMM / 4
	dot := m.dot.cl[0]
	if dotW := dot.adv * st.unit; dotW > 0 {
		if k := int((numX - textEnd - 2*gap) / dotW); k > 0 {
			ref := st.chain.refs[dot.face]
			pg.Items = append(pg.Items, Text{X: numX - gap - float64(k)*dotW, Y: baseline, Size: st.Size, FaceID: ref.ID, FakeBold: ref.FakeBold, Text: strings.Repeat(leader, k)})
		}
	}
	whole := line{to: len(m.num.cl), width: numW / st.unit, last: true}
	pg.Items = appendLine(pg.Items, st, m.num, whole, numX, numW, baseline, doc.AlignLeft)
}
