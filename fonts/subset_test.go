package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// subsetText has hanzi, full-width punctuation, symbols, Latin and digits.
const subsetText = "2024年部门预算：一般公共预算支出≥95%①（5.3%），“项目”。ABCxyz gjq 0123456789"

// parseSubset subsets f to runes and parses the result as a user font,
// checking it as Parse checks every font.
func parseSubset(t *testing.T, f *Face, runes []rune) ([]byte, *Face) {
	t.Helper()
	s, err := f.Subset(runes)
	if err != nil {
		t.Fatalf("%s: Subset: %v", f.Name(), err)
	}
	sub, err := Parse("subset", s.Data, 0)
	if err != nil {
		t.Fatalf("%s: Parse(Subset): %v", f.Name(), err)
	}
	for _, r := range runes {
		if g := s.Glyph[r]; g == 0 || int(g) != sub.glyphIndex(r) {
			t.Errorf("%s: Subset says %q is glyph %d, its cmap says %d", f.Name(), r, g, sub.glyphIndex(r))
		}
	}
	return s.Data, sub
}

// checkSameGlyphs fails t unless sub has exactly the runes of want, each
// with f's advance and outline.
func checkSameGlyphs(t *testing.T, f, sub *Face, want []rune) {
	t.Helper()
	in := map[rune]bool{}
	for _, r := range want {
		in[r] = true
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if sub.Has(r) != in[r] {
			t.Fatalf("%s: subset Has(%U) = %v, want %v", f.Name(), r, sub.Has(r), in[r])
		}
	}
	for r := range in {
		if sub.Advance(r) != f.Advance(r) {
			t.Errorf("%s: subset Advance(%q) = %v, want %v", f.Name(), r, sub.Advance(r), f.Advance(r))
		}
		got, _, err := sub.Outline(r)
		if err != nil {
			t.Fatalf("%s: subset Outline(%q): %v", f.Name(), r, err)
		}
		want, _, _ := f.Outline(r)
		if !slices.Equal(got, want) {
			t.Errorf("%s: subset outline of %q differs from the face's", f.Name(), r)
		}
	}
}

func TestSubset(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, name := range EmbeddedNames() {
		t.Run(name, func(t *testing.T) {
			f := mustEmbedded(t, name)
			runes := []rune(subsetText)
			for _, r := range runes {
				if !f.Has(r) {
					t.Fatalf("the face lacks %q", r)
				}
			}
			data, sub := parseSubset(t, f, runes)
			checkSameGlyphs(t, f, sub, runes)
			if sub.Name() != f.Name() || sub.Ascent() != f.Ascent() || sub.Descent() != f.Descent() {
				t.Errorf("subset: name %q, ascent %v, descent %v; want %q, %v, %v",
					sub.Name(), sub.Ascent(), sub.Descent(), f.Name(), f.Ascent(), f.Descent())
			}
			if sum := checksum(data); sum != checksumOK {
				t.Errorf("subset's checksum is %#x, want %#x", sum, uint32(checksumOK))
			}
			if len(data) > 100<<10 {
				t.Errorf("subset of %d characters is %d bytes", len(runes), len(data))
			}
			checkSfnt(t, data, subsetText)

			// Order and repetition do not matter.
			shuffled := append(slices.Clone(runes), runes[:10]...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			again, err := f.Subset(shuffled)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Data, data) {
				t.Error("Subset of the same runes in another order gave other bytes")
			}
		})
	}
}

// TestSubsetComposite subsets composite glyphs whose components are
// glyphs of no character, so that Subset must add and renumber them.
func TestSubsetComposite(t *testing.T) {
	f := mustEmbedded(t, KaiRegular)
	runes := []rune("¨´−∕中-/")
	composites := 0
	for _, r := range runes {
		g, err := f.glyphData(f.glyphIndex(r))
		if err != nil {
			t.Fatal(err)
		}
		if len(g) > 0 && i16(g) < 0 {
			composites++
		}
	}
	if composites != 4 {
		t.Fatalf("%d of %q are composite glyphs in %s, want 4", composites, string(runes), f.Name())
	}
	data, sub := parseSubset(t, f, runes)
	checkSameGlyphs(t, f, sub, runes)
	// .notdef, a glyph for each rune (− and ∕ are made of those of - and
	// /), and the components of ¨ and ´.
	if sub.numGlyphs != 1+len(runes)+2 {
		t.Errorf("subset has %d glyphs, want %d", sub.numGlyphs, 1+len(runes)+2)
	}
	checkSfnt(t, data, string(runes))

	// A plan tells the numbers before the font is built, and builds the
	// same font.
	plan, err := f.PlanSubset(append([]rune("中"), runes...))
	if err != nil {
		t.Fatal(err)
	}
	told := maps.Clone(plan.Glyph)
	built, err := plan.Build()
	if err != nil || !maps.Equal(told, built.Glyph) || !bytes.Equal(built.Data, data) {
		t.Errorf("plan numbered %v, built %v (%v); same font: %v", told, built.Glyph, err, bytes.Equal(built.Data, data))
	}
	if _, err := f.PlanSubset([]rune("𠀀")); !errors.Is(err, ErrNoGlyph) {
		t.Errorf("PlanSubset of a missing character: %v", err)
	}
}

func TestSubsetMissing(t *testing.T) {
	f := mustEmbedded(t, SerifRegular)
	for _, runes := range [][]rune{{'中', '𠀀'}, {0xE000}, {-1}, {'a', 0x110000}} {
		sub, err := f.Subset(runes)
		if !errors.Is(err, ErrNoGlyph) || sub != nil {
			t.Errorf("Subset(%U) = %v, error %v; want ErrNoGlyph", runes, sub, err)
		}
	}
	_, err := f.Subset([]rune{'中', '𠀀', 0xE000, 0xE001})
	if msg := err.Error(); !strings.Contains(msg, "U+20000") || !strings.Contains(msg, "U+E001") || strings.Contains(msg, "U+4E2D") || !strings.Contains(msg, SerifRegular) {
		t.Errorf("error %q should name the missing characters and the face", msg)
	}
}

func TestSubsetEmpty(t *testing.T) {
	f := mustEmbedded(t, SansMedium)
	data, sub := parseSubset(t, f, nil)
	checkSameGlyphs(t, f, sub, nil)
	if sub.numGlyphs != 1 {
		t.Errorf("subset has %d glyphs, want 1", sub.numGlyphs)
	}
	checkSfnt(t, data, "")
}

// TestSubsetSmallFonts subsets user fonts with short loca offsets and a
// composite glyph.
func TestSubsetSmallFonts(t *testing.T) {
	composite := func(tables map[string][]byte) {
		// Glyph 1, the square, becomes glyph 2, and glyph 1 a composite
		// of it, moved by (100, 0).
		square := tables["glyf"]
		g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0x02, 0x58, 0x01, 0xF4, 0, 0x02, 0, 2, 100, 0}
		tables["glyf"] = append(g, square...)
		tables["loca"] = []byte{0, 0, 0, 0, 0, byte(len(g) / 2), 0, byte((len(g) + len(square)) / 2)}
		maxp := bytes.Clone(tables["maxp"])
		maxp[5] = 3
		tables["maxp"] = maxp
		tables["hmtx"] = append(bytes.Clone(tables["hmtx"]), 0, 0)
	}
	for _, data := range [][]byte{minimalFont(nil), minimalFont(composite)} {
		f, err := Parse("small.ttf", data, 0)
		if err != nil {
			t.Fatal(err)
		}
		sub, parsed := parseSubset(t, f, []rune("A"))
		checkSameGlyphs(t, f, parsed, []rune("A"))
		if parsed.numGlyphs != f.numGlyphs {
			t.Errorf("subset has %d glyphs, want %d", parsed.numGlyphs, f.numGlyphs)
		}
		checkSfnt(t, sub, "AAA")
	}
}

// TestSubsetCycle checks that Subset refuses a composite glyph that
// contains itself in a face parsed without checking its glyphs, as the
// embedded faces are, rather than embed a font that a renderer would
// recurse on without end.
func TestSubsetCycle(t *testing.T) {
	data := minimalFont(func(tables map[string][]byte) {
		g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 1, 0, 0}
		tables["glyf"] = g
		tables["loca"] = []byte{0, 0, 0, 0, 0, byte(len(g) / 2)}
	})
	f, err := parseEmbedded("cycle.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	var fe *FileError
	if _, err := f.Subset([]rune("A")); !errors.Is(err, ErrFormat) || !errors.As(err, &fe) || fe.File != "Test" {
		t.Errorf("Subset error = %v, want ErrFormat naming the face", err)
	}
}

// supplementaryRunes returns the characters of charset.txt beyond the BMP,
// the 196 of 通用规范汉字表 in CJK Extension B and later.
func supplementaryRunes(t *testing.T) []rune {
	t.Helper()
	var runes []rune
	for _, r := range readCharset(t) {
		if r > 0xFFFF {
			runes = append(runes, r)
		}
	}
	if len(runes) != 196 {
		t.Fatalf("charset.txt has %d characters beyond the BMP, want 196", len(runes))
	}
	return runes
}

// cmapSubtables returns the encoding records of the cmap of sub as
// "platform/encoding:format".
func cmapSubtables(sub *Face) []string {
	cmap := sub.tables["cmap"]
	var recs []string
	for i := range int(u16(cmap[2:])) {
		rec := cmap[4+8*i:]
		recs = append(recs, fmt.Sprintf("%d/%d:%d", u16(rec), u16(rec[2:]), u16(cmap[u32(rec[4:]):])))
	}
	return recs
}

// checkSfntSame parses subset s of f with golang.org/x/image/font/sfnt and
// fails t unless each of runes maps to the glyph that s.Glyph gives, with
// the outline that sfnt reads of the character's glyph in f.
func checkSfntSame(t *testing.T, f *Face, s *Subset, runes []rune) {
	t.Helper()
	sf, err := sfnt.Parse(s.Data)
	if err != nil {
		t.Fatalf("sfnt.Parse of the subset: %v", err)
	}
	orig, err := sfnt.Parse(f.Data())
	if err != nil {
		t.Fatalf("sfnt.Parse of the face: %v", err)
	}
	var buf sfnt.Buffer
	for _, r := range runes {
		g, err := sf.GlyphIndex(&buf, r)
		if err != nil || g == 0 || uint16(g) != s.Glyph[r] {
			t.Errorf("%s: sfnt: %q is glyph %d (%v) of the subset, want %d", f.Name(), r, g, err, s.Glyph[r])
			continue
		}
		got, err := sf.LoadGlyph(&buf, g, fixed.I(int(f.upem)), nil)
		if err != nil {
			t.Errorf("%s: sfnt: glyph of %q in the subset: %v", f.Name(), r, err)
			continue
		}
		got = slices.Clone(got)
		want, err := orig.LoadGlyph(&buf, sfnt.GlyphIndex(f.glyphIndex(r)), fixed.I(int(f.upem)), nil)
		if err != nil || len(want) == 0 && r > 0xFFFF || !slices.Equal(got, want) {
			t.Errorf("%s: sfnt: outline of %q differs between the subset and the face (%v)", f.Name(), r, err)
		}
	}
}

// TestSubsetSupplementary subsets a text with characters beyond the BMP,
// which get a format 12 cmap besides the format 4 one.
func TestSubsetSupplementary(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	runes := append([]rune("王𫖯、"+subsetText), supplementaryRunes(t)...)
	text := string(runes)
	for _, name := range EmbeddedNames() {
		t.Run(name, func(t *testing.T) {
			f := mustEmbedded(t, name)
			s, err := f.Subset(runes)
			if err != nil {
				t.Fatal(err)
			}
			_, sub := parseSubset(t, f, runes)
			checkSameGlyphs(t, f, sub, runes)
			if got, want := cmapSubtables(sub), []string{"0/3:4", "0/4:12", "3/1:4", "3/10:12"}; !slices.Equal(got, want) {
				t.Errorf("subset cmap subtables %v, want %v", got, want)
			}
			// One glyph a character, in character order: the BMP
			// characters in one format 4 segment each (the glyphs of the
			// sparse hanzi are not consecutive), and all of them in
			// format 12 groups of consecutive characters.
			if len(sub.groups) == 0 || len(sub.groups)/12 > len(s.Glyph) {
				t.Errorf("subset has %d format 12 groups for %d characters", len(sub.groups)/12, len(s.Glyph))
			}
			if sum := checksum(s.Data); sum != checksumOK {
				t.Errorf("subset's checksum is %#x, want %#x", sum, uint32(checksumOK))
			}
			os2 := sub.tables["OS/2"]
			if first, last := u16(os2[64:]), u16(os2[66:]); first != ' ' || last != 0xFFFF || os2[46]&0x02 == 0 {
				t.Errorf("subset OS/2: usFirstCharIndex %#x, usLastCharIndex %#x, ulUnicodeRange2 %#x; want 0x20, 0xffff and bit 57 set",
					first, last, u32(os2[46:]))
			}
			checkSfnt(t, s.Data, text)
			checkSfntSame(t, f, s, runes)

			shuffled := append(slices.Clone(runes), runes[:20]...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			again, err := f.Subset(shuffled)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Data, s.Data) {
				t.Error("Subset of the same runes in another order gave other bytes")
			}
		})
	}
}

// TestSubsetOnlySupplementary subsets characters that are all beyond the
// BMP: the format 4 cmap must still be there, and valid, mapping nothing.
func TestSubsetOnlySupplementary(t *testing.T) {
	runes := supplementaryRunes(t)
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		s, err := f.Subset(runes)
		if err != nil {
			t.Fatal(err)
		}
		_, sub := parseSubset(t, f, runes) // Parse requires and checks format 4
		checkSameGlyphs(t, f, sub, runes)
		if got, want := cmapSubtables(sub), []string{"0/3:4", "0/4:12", "3/1:4", "3/10:12"}; !slices.Equal(got, want) {
			t.Errorf("%s: subset cmap subtables %v, want %v", name, got, want)
		}
		if start, end := sub.segment(0); sub.segCount != 1 || start != 0xFFFF || end != 0xFFFF {
			t.Errorf("%s: format 4 has %d segments, the first U+%04X-U+%04X; want only the final one", name, sub.segCount, start, end)
		}
		if os2 := sub.tables["OS/2"]; u16(os2[64:]) != 0xFFFF || u16(os2[66:]) != 0xFFFF {
			t.Errorf("%s: OS/2 character range %#x-%#x, want 0xffff-0xffff", name, u16(os2[64:]), u16(os2[66:]))
		}
		checkSfntSame(t, f, s, runes)
		// With its format 12 subtable's records turned to other
		// platforms, sfnt reads format 4, which must map nothing.
		only4 := bytes.Clone(s.Data)
		cmapAt := bytes.Index(only4, sub.tables["cmap"])
		binary.BigEndian.PutUint16(only4[cmapAt+4+8+2:], 99)  // 0/4 → 0/99
		binary.BigEndian.PutUint16(only4[cmapAt+4+24+2:], 99) // 3/10 → 3/99
		sf, err := sfnt.Parse(only4)
		if err != nil {
			t.Fatalf("%s: sfnt.Parse of the subset with format 4 only: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, r := range []rune{runes[0], 'A', 0xFFFF} {
			if g, err := sf.GlyphIndex(&buf, r); g != 0 || err != nil {
				t.Errorf("%s: format 4 maps %q to glyph %d (%v)", name, r, g, err)
			}
		}
	}
}

// benchRunes returns n runes of f: subsetText and hanzi from U+4E00 on.
func benchRunes(f *Face, n int) []rune {
	runes := []rune(subsetText)
	for r := rune(0x4E00); len(runes) < n; r += 7 {
		if f.Has(r) {
			runes = append(runes, r)
		}
	}
	return runes
}

func BenchmarkSubset(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	runes := benchRunes(f, 600)
	for b.Loop() {
		if _, err := f.Subset(runes); err != nil {
			b.Fatal(err)
		}
	}
}
