package layout

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// GlyphError reports a character that no face of its font chain can draw.
type GlyphError struct {
	Rune     rune
	Where    string // e.g. `table "1、…绩效目标表" row 9 column 4` or "paragraph"
	Block    string // the kind of block ("paragraph", "heading"…) or the table's name
	Row, Col int    // 1-based grid position of the cell; 0 outside tables
	Pos      doc.Pos
	font     string // the font role that was asked
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s%s: no font for role %q has a glyph for %q (U+%04X)\nhint: add a fallback face that covers it to the font role, or replace the character",
		posPrefix(e.Pos), e.Where, e.font, e.Rune, e.Rune)
}

// posPrefix renders p as "file:line:col: ", or "" when p is unknown.
func posPrefix(p doc.Pos) string {
	if s := p.String(); s != "" {
		return s + ": "
	}
	return ""
}

// Face indexes with a special meaning in a glyph.
const (
	faceMissing   = -1 // no face of the chain has the rune
	faceInvisible = -2 // a default-ignorable rune: zero width, never drawn
	faceMixed     = -3 // (clusters only) runes from several faces
)

// glyph is how a chain draws one rune: the face and its advance.
type glyph struct {
	adv  float64 // 1/1000 em
	face int     // index into chain.refs, or one of the face constants
}

// chain is a resolved font chain with a per-rune cache of the face choice
// and advance.
type chain struct {
	role  string
	refs  []FaceRef
	ascii [128]glyph
	cache map[rune]glyph
}

func newChain(role string, refs []FaceRef) (*chain, error) {
	if len(refs) == 0 {
		return nil, fmt.Errorf("font role %q: the font chain is empty", role)
	}
	for i, r := range refs {
		if r.Face == nil {
			return nil, fmt.Errorf("font role %q: face %d (%q) is nil", role, i, r.ID)
		}
	}
	c := &chain{role: role, refs: refs, cache: make(map[rune]glyph)}
	for r := range c.ascii {
		c.ascii[r] = c.lookup(rune(r))
	}
	return c, nil
}

// glyph returns how r is drawn.
func (c *chain) glyph(r rune) glyph {
	if r >= 0 && r < 128 {
		return c.ascii[r]
	}
	g, ok := c.cache[r]
	if !ok {
		g = c.lookup(r)
		c.cache[r] = g
	}
	return g
}

// drawable returns text with what Draft sets in place of what cannot be
// drawn: bad UTF-8 as U+FFFD, then each rune no face has as □, or ?, or
// nothing when the faces have neither.
func (c *chain) drawable(text string) string {
	stand := rune(-1)
	for _, r := range []rune{'□', '?'} {
		if c.glyph(r).face >= 0 {
			stand = r
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if c.glyph(r).face == faceMissing {
			return stand
		}
		return r
	}, strings.ToValidUTF8(text, "\uFFFD"))
}

func (c *chain) lookup(r rune) glyph {
	if invisible(r) {
		return glyph{face: faceInvisible}
	}
	for i, ref := range c.refs {
		if ref.Face.Has(r) {
			return glyph{adv: ref.Face.Advance(r), face: i}
		}
	}
	return glyph{face: faceMissing}
}

// invisible reports default-ignorable and control characters (U+200B, soft
// hyphen, variation selectors, line separators…): they are kept in the text
// but take no room and are never drawn, so they need no glyph.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp,
		unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// visible maps invisible runes to -1, for strings.Map.
func visible(r rune) rune {
	if invisible(r) {
		return -1
	}
	return r
}

// ascent and descent of the chain's first face, in 1/1000 em.
func (c *chain) ascent() float64  { return c.refs[0].Face.Ascent() }
func (c *chain) descent() float64 { return c.refs[0].Face.Descent() }

// fontSet resolves and caches font chains for one layout.
type fontSet struct {
	fonts  Fonts
	chains map[chainKey]*chain
	faces  map[string]Face // every face of the chains, by ID
}

type chainKey struct {
	role string
	bold bool
}

func (f *fontSet) chain(role string, bold bool) (*chain, error) {
	k := chainKey{role, bold}
	if c, ok := f.chains[k]; ok {
		return c, nil
	}
	refs, err := f.fonts.Chain(role, bold)
	if err != nil {
		return nil, fmt.Errorf("font role %q: %w", role, err)
	}
	c, err := newChain(role, refs)
	if err != nil {
		return nil, err
	}
	f.chains[k] = c
	for _, r := range refs {
		f.faces[r.ID] = r.Face
	}
	return c, nil
}
