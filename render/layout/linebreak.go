package layout

import (
	"errors"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Break decisions after a cluster.
const (
	breakNo   uint8 = iota // no break allowed
	breakCan               // a break opportunity
	breakMust              // a forced break (end of text, "\n")
)

// Cluster kinds.
const (
	kindSpace   uint8 = 1 << iota // white space: hangs at a line end
	kindWide                      // a Chinese-like, full-width character
	kindNewline                   // a forced line break character, not part of any line
	kindHidden                    // holds invisible runes that are not drawn
	kindGrid                      // set in a cell of the page's character grid, not its own advance
)

// cluster is one grapheme cluster of a shaped text.
type cluster struct {
	start, end int     // byte offsets into shaped.text
	adv        float64 // advance, 1/1000 em
	base       rune    // first rune
	face       int     // face drawing every visible rune, or faceMixed / faceInvisible
	kind       uint8
	brk        uint8 // break decision after this cluster
}

// shaped is a text split into measured clusters with tailored break
// decisions. It does not depend on the width it will be set in.
type shaped struct {
	text string
	cl   []cluster
}

// errUTF8 reports text that is not valid UTF-8.
var errUTF8 = errors.New("the text is not valid UTF-8")

// shape segments and measures text with chain c. A rune no face has is
// reported as a *GlyphError with only Rune set; the caller says where.
func shape(text string, c *chain) (*shaped, error) {
	if !utf8.ValidString(text) {
		return nil, errUTF8
	}
	sh := &shaped{text: text, cl: make([]cluster, 0, utf8.RuneCountInString(text))}
	rest, state, off := text, -1, 0
	for len(rest) > 0 {
		var gr string
		var bound int
		gr, rest, bound, state = uniseg.StepString(rest, state)
		cl := cluster{start: off, end: off + len(gr), face: faceInvisible, brk: uint8(bound & uniseg.MaskLine)}
		off += len(gr)
		cl.base, _ = utf8.DecodeRuneInString(gr)
		newline := true
		for _, r := range gr {
			g := c.glyph(r)
			switch {
			case g.face == faceMissing:
				return nil, &GlyphError{Rune: r, font: c.role}
			case g.face == faceInvisible:
				cl.kind |= kindHidden
			case cl.face == faceInvisible:
				cl.face = g.face
			case cl.face != g.face:
				cl.face = faceMixed
			}
			cl.adv += g.adv
			newline = newline && lineEnd(r)
		}
		switch {
		case newline:
			cl.kind |= kindNewline
		case cl.base == ' ' || cl.base == '\u3000':
			cl.kind |= kindSpace
		case bound>>uniseg.ShiftWidth >= 2 || openQuote(cl.base) || closeQuote(cl.base) || pairedMark(cl.base):
			cl.kind |= kindWide
		}
		sh.cl = append(sh.cl, cl)
	}
	for i := 0; i+1 < len(sh.cl); i++ {
		a, b := &sh.cl[i], &sh.cl[i+1]
		var before rune
		if i > 0 {
			before = sh.cl[i-1].base
		}
		a.brk = tailor(a.brk, before, a.base, b.base, a.kind&kindWide != 0, b.kind&kindWide != 0)
	}
	return sh, nil
}

// onGrid returns s with each full-width cluster of one face set in cells
// of the character grid, cell wide (1/1000 em): as many whole cells as its
// own advance rounds to, at least one. GB/T 9704's 28 characters of 3号 in
// a 156 mm line are each 15.79 pt wide, a little less than their 16 pt.
func (s *shaped) onGrid(cell float64) *shaped {
	g := &shaped{text: s.text, cl: slices.Clone(s.cl)}
	for i := range g.cl {
		c := &g.cl[i]
		if c.kind&kindWide != 0 && c.face >= 0 && c.kind&kindHidden == 0 {
			c.adv, c.kind = cell*max(1, math.Round(c.adv/cell)), c.kind|kindGrid
		}
	}
	return g
}

// lineEnd reports the characters that force a line break (UAX #14 classes
// BK, CR, LF and NL).
func lineEnd(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// line is one line of a broken text: clusters [from, to). A forced break
// character after the line belongs to no line.
type line struct {
	from, to int
	width    float64 // 1/1000 em, without the white space hanging at the end
	last     bool    // the text ends or a forced break follows: never justified
}

// lineText returns the characters of ln.
func (s *shaped) lineText(ln line) string {
	if ln.from == ln.to {
		return ""
	}
	return s.text[s.cl[ln.from].start:s.cl[ln.to-1].end]
}

// eps absorbs rounding when comparing widths in 1/1000 em.
const eps = 1e-6

// breakLines breaks s greedily into lines no wider than first (the first
// line) and rest (the others), in 1/1000 em. Lines end at the tailored break
// opportunities; when a line has none, it is broken between grapheme
// clusters, avoiding kinsoku violations where it can. Every line holds at
// least one cluster, so a width narrower than one character still makes
// progress: one cluster per line.
func (s *shaped) breakLines(first, rest float64) []line {
	cl := s.cl
	var lines []line
	limit := first
	for i := 0; ; {
		start := i
		width, content := 0.0, 0.0 // with and without trailing white space
		brkAt, brkContent := -1, 0.0
		for ; i < len(cl); i++ {
			c := &cl[i]
			if c.kind&kindNewline != 0 {
				break
			}
			if c.kind&kindSpace == 0 {
				if i > start && !(width+c.adv <= limit+eps) {
					break
				}
				content = width + c.adv
			}
			width += c.adv
			if c.brk == breakCan {
				brkAt, brkContent = i, content
			}
		}
		switch {
		case i == len(cl):
			return append(lines, line{from: start, to: i, width: content, last: true})
		case cl[i].kind&kindNewline != 0:
			lines = append(lines, line{from: start, to: i, width: content, last: true})
			i++
		case brkAt >= start:
			lines = append(lines, line{from: start, to: brkAt + 1, width: brkContent})
			i = brkAt + 1
		default:
			end := s.emergencyBreak(start, i, limit)
			lines = append(lines, line{from: start, to: end, width: s.width(start, end)})
			i = end
		}
		limit = rest
	}
}

// emergencyBreak picks where to cut a line [start, over) that has no break
// opportunity, cluster over being the one that overflows limit. In order of
// preference: the last boundary after a slash that keeps at least half the
// line (paths and URLs), the last boundary the kinsoku rules allow, the
// last that does not split —— or ……, or over itself.
func (s *shaped) emergencyBreak(start, over int, limit float64) int {
	cut := func(k int) bool {
		var before rune
		if k > 1 {
			before = s.cl[k-2].base
		}
		return !keepTogether(before, s.cl[k-1].base, s.cl[k].base)
	}
	w := s.width(start, over)
	for k := over; k > start && w >= limit/2; k-- {
		if s.cl[k-1].base == '/' && cut(k) {
			return k
		}
		w -= s.cl[k-1].adv
	}
	for k := over; k > start; k-- {
		if cut(k) {
			return k
		}
	}
	for k := over; k > start; k-- {
		if a := s.cl[k-1].base; a != s.cl[k].base || !pairedMark(a) {
			return k
		}
	}
	return over
}

// width measures clusters [from, to) without trailing white space.
func (s *shaped) width(from, to int) float64 {
	for to > from && s.cl[to-1].kind&kindSpace != 0 {
		to--
	}
	w := 0.0
	for _, c := range s.cl[from:to] {
		w += c.adv
	}
	return w
}

// noWrap returns a copy of s that breaks only at forced breaks, at white
// space, after the characters of after and before those of before: a
// label's or an amount's own break points (doc.Style.NoWrap).
func (s *shaped) noWrap(after, before string) *shaped {
	n := &shaped{text: s.text, cl: slices.Clone(s.cl)}
	for i := range n.cl {
		c := &n.cl[i]
		if c.brk != breakCan || c.kind&kindSpace != 0 {
			continue
		}
		if !strings.ContainsRune(after, c.base) && !(i+1 < len(n.cl) && strings.ContainsRune(before, n.cl[i+1].base)) {
			c.brk = breakNo
		}
	}
	return n
}

// widest is the width, in 1/1000 em, of the widest run of s between break
// opportunities that must stay whole: every run when all is set (a NoWrap
// text), else only runs holding a digit (numbers, codes, values such as
// ≥95%), which are never broken where the text may wrap elsewhere.
func (s *shaped) widest(all bool) float64 {
	best, w, content, digit := 0.0, 0.0, 0.0, false
	for i := range s.cl {
		c := &s.cl[i]
		if c.kind&kindNewline == 0 {
			w += c.adv
			if c.kind&kindSpace == 0 {
				content = w
			}
			digit = digit || c.base >= '0' && c.base <= '9' || fullDigit(c.base)
		}
		if c.brk != breakNo {
			if all || digit {
				best = max(best, content)
			}
			w, content, digit = 0, 0, false
		}
	}
	return best
}

// scriptChanges counts the places where a Chinese-like character meets a
// Latin letter or digit.
func (s *shaped) scriptChanges() int {
	n := 0
	for i := 0; i+1 < len(s.cl); i++ {
		a, b := &s.cl[i], &s.cl[i+1]
		if (a.kind|b.kind)&(kindSpace|kindNewline) == 0 && a.kind&kindWide != b.kind&kindWide && (alnum(a.base) || alnum(b.base)) {
			n++
		}
	}
	return n
}
