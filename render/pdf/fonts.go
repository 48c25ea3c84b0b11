package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// embedded is a face as written into the PDF: its resource name and the
// glyph number, in the embedded subset, of each character drawn in it.
type embedded struct {
	resource string // "F1", "F2", …
	glyph    map[rune]uint16
}

// appendGlyphs appends s encoded for the Tj operator: a hexadecimal string
// of two bytes per character, its glyph number, as the font's encoding is
// Identity-H.
func (e *embedded) appendGlyphs(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '<')
	for _, r := range s {
		g := e.glyph[r]
		b = append(b, hex[g>>12], hex[g>>8&0xF], hex[g>>4&0xF], hex[g&0xF])
	}
	return append(b, "> "...)
}

// subsetFont is a face cut down to the characters a document draws in it.
// Its glyph numbers and object numbers are known before anything is drawn;
// prepare then makes everything its objects hold.
type subsetFont struct {
	id    string // the face's ID in the layout's Faces
	face  *fonts.Face
	runes []rune // sorted
	*embedded

	type0, cid, descriptor, fontFile, toUnicode int // object numbers

	plan *fonts.SubsetPlan
	size int    // the subset font's length in bytes
	file []byte // the subset font, deflated
	w    string // the CIDFont's /W array
	cmap []byte // the ToUnicode CMap, deflated
	err  error
}

// planFonts gathers the characters r draws in each face and numbers their
// glyphs in the subsets to come, and their PDF objects. Each face is
// embedded as a Type 0 font (a CIDFontType2 with an Identity-H encoding,
// so text is drawn by glyph number) with a ToUnicode map, so the text can
// be searched and copied.
func planFonts(f *file, r *layout.Result) ([]*subsetFont, map[string]*embedded, error) {
	used := map[string]map[rune]bool{}
	for _, page := range r.Pages {
		for _, it := range page.Items {
			if t, ok := it.(layout.Text); ok {
				if used[t.FaceID] == nil {
					used[t.FaceID] = map[rune]bool{}
				}
				for _, c := range t.Text {
					used[t.FaceID][c] = true
				}
			}
		}
	}
	var subsets []*subsetFont
	faces := map[string]*embedded{}
	for _, id := range slices.Sorted(maps.Keys(r.Faces)) {
		if used[id] == nil {
			continue
		}
		face, ok := r.Faces[id].(*fonts.Face)
		if !ok {
			return nil, nil, fmt.Errorf("pdf: face %q is not a TrueType font that can be embedded", id)
		}
		sf := &subsetFont{id: id, face: face, runes: slices.Sorted(maps.Keys(used[id]))}
		plan, err := sf.face.PlanSubset(sf.runes)
		if err != nil {
			return nil, nil, err
		}
		sf.plan = plan
		sf.embedded = &embedded{resource: fmt.Sprintf("F%d", len(subsets)+1), glyph: plan.Glyph}
		sf.type0, sf.cid, sf.descriptor, sf.fontFile, sf.toUnicode = f.alloc(), f.alloc(), f.alloc(), f.alloc(), f.alloc()
		subsets = append(subsets, sf)
		faces[id] = sf.embedded
	}
	return subsets, faces, nil
}

// largestFirst orders the fonts for preparing on several cores: the faces
// with the most characters first, so that the longest job does not start
// last and keep the others waiting.
func largestFirst(subsets []*subsetFont) []*subsetFont {
	out := slices.Clone(subsets)
	slices.SortStableFunc(out, func(a, b *subsetFont) int { return len(b.runes) - len(a.runes) })
	return out
}

// writeFonts writes the prepared fonts' objects and returns the entries of
// the font resource dictionary.
func writeFonts(f *file, subsets []*subsetFont) (string, error) {
	var resources strings.Builder
	for _, sf := range subsets {
		if sf.err != nil {
			return "", sf.err
		}
		writeFont(f, sf)
		fmt.Fprintf(&resources, "/%s %s ", sf.resource, ref(sf.type0))
	}
	return resources.String(), nil
}

// prepare subsets the face and prepares the font's streams and widths.
func (sf *subsetFont) prepare() error {
	sub, err := sf.plan.Build()
	if err != nil {
		return err
	}
	sf.size, sf.file = len(sub.Data), deflate(sub.Data)

	// Each glyph's character: the first (smallest) where several
	// characters share a glyph.
	chars := map[uint16]rune{}
	var gids []uint16
	for _, r := range sf.runes {
		g := sf.glyph[r]
		if _, ok := chars[g]; !ok {
			chars[g] = r
			gids = append(gids, g)
		}
	}
	slices.Sort(gids)
	sf.w = widths(sf.face, gids, chars)
	sf.cmap = deflate(toUnicodeCMap(gids, chars))
	return nil
}

// widths returns the /W array of the glyphs gids (sorted), in runs of
// consecutive glyph numbers: "first [w w …] first [w …]".
func widths(face *fonts.Face, gids []uint16, chars map[uint16]rune) string {
	var w strings.Builder
	for i, g := range gids {
		if i == 0 || g != gids[i-1]+1 {
			if i > 0 {
				w.WriteString("] ")
			}
			fmt.Fprintf(&w, "%d [", g)
		} else {
			w.WriteByte(' ')
		}
		w.WriteString(num(face.Advance(chars[g])))
	}
	if len(gids) > 0 {
		w.WriteByte(']')
	}
	return w.String()
}

// writeFont writes the five objects of one embedded subset font.
func writeFont(f *file, sf *subsetFont) {
	face := sf.face
	base := name(subsetTag(sf.runes) + "+" + face.Name())
	bbox := face.BBox()
	f.object(sf.type0, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		base, ref(sf.cid), ref(sf.toUnicode)))
	f.object(sf.cid, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /DW 1000 /W [%s] /CIDToGIDMap /Identity>>",
		base, ref(sf.descriptor), sf.w))
	f.object(sf.descriptor, fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [%s %s %s %s] /ItalicAngle 0 /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %s>>",
		base, num(bbox[0]), num(bbox[1]), num(bbox[2]), num(bbox[3]),
		num(face.Ascent()), num(-face.Descent()), num(face.CapHeight()), ref(sf.fontFile)))
	f.deflated(sf.fontFile, fmt.Sprintf(" /Length1 %d", sf.size), sf.file)
	f.deflated(sf.toUnicode, "", sf.cmap)
}

// subsetTag is the six capital letters that prefix a subset font's name,
// derived from the subset's characters (sorted), which with the face's name
// determine the subset: equal subsets get equal tags.
func subsetTag(runes []rune) string {
	h := fnv.New64a()
	var b [4]byte
	for _, r := range runes {
		binary.LittleEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicodeCMap maps each glyph number (sorted gids) back to its character.
func toUnicodeCMap(gids []uint16, chars map[uint16]rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(gids) > 0 {
		n := min(len(gids), 100) // at most 100 mappings a block
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range gids[:n] {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{chars[g]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		gids = gids[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
