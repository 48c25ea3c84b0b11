package fonts

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func mustEmbedded(t testing.TB, name string) *Face {
	t.Helper()
	f, err := Embedded(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEmbedded(t *testing.T) {
	for _, name := range EmbeddedNames() {
		t.Run(name, func(t *testing.T) {
			f := mustEmbedded(t, name)
			if f.Name() != name {
				t.Errorf("Name() = %q, want %q", f.Name(), name)
			}
			if again := mustEmbedded(t, name); again != f {
				t.Error("Embedded parsed the face twice")
			}
			for _, r := range "中一，≥%A1①" {
				if !f.Has(r) {
					t.Errorf("Has(%q) = false", r)
				}
				if a := f.Advance(r); a < 200 || a > 1100 {
					t.Errorf("Advance(%q) = %v, want 200..1100", r, a)
				}
			}
			for _, r := range "中一，𫖯" {
				if !f.Has(r) {
					t.Errorf("Has(%q) = false", r)
				}
				if a := f.Advance(r); a != 1000 {
					t.Errorf("Advance(%q) = %v, want 1000 (full width)", r, a)
				}
			}
			// 𠀀 and 𠮷 are not in 通用规范汉字表, so not in the fonts;
			// other packages' tests take them for missing characters.
			for _, r := range []rune{'𠀀', '𠮷', 0xE000, 0xFFFF, 0xD800, 0xDFFF, 0x10FFFF, -1, 0x110000} {
				if f.Has(r) {
					t.Errorf("Has(%U) = true", r)
				}
				if a := f.Advance(r); a != 0 {
					t.Errorf("Advance(%U) = %v, want 0", r, a)
				}
			}
			if f.Ascent() < 700 || f.Ascent() > 1300 || f.Descent() < 150 || f.Descent() > 400 {
				t.Errorf("Ascent, Descent = %v, %v", f.Ascent(), f.Descent())
			}
			if !bytes.Equal(f.Data()[:4], []byte{0, 1, 0, 0}) {
				t.Errorf("Data() starts % x", f.Data()[:4])
			}
		})
	}
}

// TestEmbeddedValid checks the embedded fonts as Parse checks user fonts,
// which Embedded does not, to save reading all of each font on first use,
// and that the characters map to the same glyphs when the character map's
// segments are searched by halves (as for the embedded faces) as when it is
// decoded whole, and in format 4 and format 12 alike.
func TestEmbeddedValid(t *testing.T) {
	for _, name := range EmbeddedNames() {
		full, err := Parse(name, embedded[name].data, 0)
		if err != nil {
			t.Fatal(err)
		}
		lazy, err := parseEmbedded(name, embedded[name].data)
		if err != nil {
			t.Fatal(err)
		}
		for r := rune(0); r <= 0xFFFF; r++ {
			if g, want := lazy.glyphIndex(r), full.glyphIndex(r); g != want {
				t.Fatalf("%s: U+%04X: glyph %d, want %d", name, r, g, want)
			}
		}
		for i := 1; i < lazy.segCount; i++ {
			if start, end := lazy.segment(i); start <= int(u16(lazy.cmap[14+2*(i-1):])) || end < start {
				t.Fatalf("%s: cmap segment %d (U+%04X-U+%04X) is out of order", name, i, start, end)
			}
		}

		// Format 12, which Parse found in order, decoded group by group
		// against glyphIndex's search, for every character.
		if len(lazy.groups) == 0 {
			t.Fatalf("%s has no format 12 cmap", name)
		}
		want := make([]int, 0x110000)
		for i := 0; i < len(full.groups); i += 12 {
			start, end, g := u32(full.groups[i:]), u32(full.groups[i+4:]), u32(full.groups[i+8:])
			for c := start; c <= end; c++ {
				want[c] = int(g + c - start)
			}
		}
		supplementary := 0
		for r := rune(0); r <= 0x10FFFF; r++ {
			if r <= 0xFFFF {
				if g := lazy.groupGlyph(uint32(r)); g != want[r] || g != full.glyphIndex(r) {
					t.Fatalf("%s: U+%04X: format 12 glyph %d, format 4 glyph %d", name, r, g, full.glyphIndex(r))
				}
				continue
			}
			if g := lazy.glyphIndex(r); g != want[r] || g != full.glyphIndex(r) {
				t.Fatalf("%s: U+%04X: glyph %d, want %d", name, r, g, want[r])
			}
			if want[r] != 0 {
				supplementary++
			}
		}
		if supplementary != 196 {
			t.Errorf("%s maps %d characters beyond the BMP, want 196", name, supplementary)
		}
	}
}

// TestFaceConcurrentFirstUse looks up characters in a fresh face from
// several goroutines at once, for the race detector.
func TestFaceConcurrentFirstUse(t *testing.T) {
	f, err := parseEmbedded(SansMedium, sansMediumTTF)
	if err != nil {
		t.Fatal(err)
	}
	want := mustEmbedded(t, SansMedium)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for r := rune(0x3000 + i); r < 0xA000; r += 3 {
				if f.Has(r) != want.Has(r) || f.Advance(r) != want.Advance(r) {
					t.Errorf("U+%04X: Has, Advance = %v, %v; want %v, %v", r, f.Has(r), f.Advance(r), want.Has(r), want.Advance(r))
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestEmbeddedUnknown(t *testing.T) {
	_, err := Embedded("Arial")
	var fe *FileError
	if !errors.Is(err, ErrUnknown) || !errors.As(err, &fe) || fe.File != "Arial" {
		t.Errorf("Embedded(Arial) error = %v", err)
	}
}

func TestEmbeddedConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	faces := make([]*Face, 8)
	for i := range faces {
		wg.Go(func() {
			f, err := Embedded(KaiRegular)
			if err != nil {
				t.Error(err)
			}
			faces[i] = f
			f.Advance('中')
			if _, _, err := f.Outline('8'); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, f := range faces[1:] {
		if f != faces[0] {
			t.Fatal("Embedded returned different faces for one name")
		}
	}
}

// readCharset returns the runes listed in charset.txt.
func readCharset(t *testing.T) []rune {
	t.Helper()
	file, err := os.Open("charset.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	var runes []rune
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, _, _ := strings.Cut(line, "\t")
		n, err := strconv.ParseUint(strings.TrimPrefix(code, "U+"), 16, 32)
		if err != nil {
			t.Fatalf("charset.txt: bad line %q", line)
		}
		runes = append(runes, rune(n))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return runes
}

// gb2312Hanzi returns the 6,763 hanzi of GB 2312 (rows 16-87).
func gb2312Hanzi(t *testing.T) []rune {
	t.Helper()
	dec := simplifiedchinese.GBK.NewDecoder()
	var hanzi []rune
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				t.Fatal(err)
			}
			if r := []rune(string(s)); len(r) == 1 && unicode.Is(unicode.Han, r[0]) {
				hanzi = append(hanzi, r[0])
			}
		}
	}
	if len(hanzi) != 6763 {
		t.Fatalf("decoded %d GB 2312 hanzi, want 6763", len(hanzi))
	}
	return hanzi
}

func TestCoverage(t *testing.T) {
	charset := readCharset(t)
	if len(charset) < 8105+682 {
		t.Fatalf("charset.txt has %d characters", len(charset))
	}
	hanzi := 0
	for _, r := range charset {
		if unicode.Is(unicode.Han, r) {
			hanzi++
		}
	}
	// 通用规范汉字表 has 8,105 characters, GB 2312 a few more.
	if hanzi < 8105 {
		t.Errorf("charset.txt has %d hanzi, want at least 8105", hanzi)
	}
	for _, name := range []string{SerifRegular, SerifBold, SansMedium} {
		f := mustEmbedded(t, name)
		var missing []rune
		for _, r := range charset {
			if !f.Has(r) {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d characters of charset.txt: %q", name, len(missing), string(missing))
		}
	}

	kai := mustEmbedded(t, KaiRegular)
	var missing []rune
	for _, r := range charset {
		if !kai.Has(r) {
			missing = append(missing, r)
		}
	}
	t.Logf("%s lacks %d of the %d characters of charset.txt: %q", KaiRegular, len(missing), len(charset), string(missing))
	inCharset := make(map[rune]bool, len(charset))
	for _, r := range charset {
		inCharset[r] = true
		if unicode.Is(unicode.Han, r) && !kai.Has(r) {
			t.Errorf("%s lacks hanzi %q", KaiRegular, r)
		}
	}
	for _, r := range gb2312Hanzi(t) {
		if !inCharset[r] {
			t.Errorf("charset.txt lacks GB 2312 hanzi %q", r)
		}
	}
	if !kai.Has('，') || !kai.Has('。') || !kai.Has('A') {
		t.Errorf("%s lacks basic punctuation or ASCII", KaiRegular)
	}
}

// TestSupplementary checks that every embedded face has the 196 characters
// of 通用规范汉字表 beyond the Basic Multilingual Plane, which charset.txt
// lists, and that 𠀀 and 𠮷, which are not in it, are in none of the fonts.
func TestSupplementary(t *testing.T) {
	var beyond []rune
	inCharset := map[rune]bool{}
	for _, r := range readCharset(t) {
		inCharset[r] = true
		if r > 0xFFFF {
			beyond = append(beyond, r)
			if !unicode.Is(unicode.Han, r) {
				t.Errorf("charset.txt has %U, which is not a hanzi", r)
			}
		}
	}
	if len(beyond) != 196 || !inCharset['𫖯'] {
		t.Fatalf("charset.txt has %d characters beyond the BMP, want the 196 of kTGH with 𫖯", len(beyond))
	}
	for _, r := range "𠀀𠮷" {
		if inCharset[r] {
			t.Errorf("charset.txt has %q", r)
		}
	}
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		var missing []rune
		for _, r := range beyond {
			if !f.Has(r) || f.Advance(r) != 1000 {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d of the characters beyond the BMP, or has them other than full width: %q", name, len(missing), string(missing))
		}
		for _, r := range "𠀀𠮷" {
			if f.Has(r) {
				t.Errorf("%s has %q", name, r)
			}
		}
	}
}

// checkSfnt parses data with golang.org/x/image/font/sfnt, a parser
// independent of ours, and fails t unless every character of text maps to a
// glyph it can load.
func checkSfnt(t *testing.T, data []byte, text string) {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("sfnt.Parse: %v", err)
	}
	var buf sfnt.Buffer
	for _, r := range text {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Errorf("sfnt: no glyph for %q (%v)", r, err)
			continue
		}
		if _, err := f.LoadGlyph(&buf, g, fixed.I(12), nil); err != nil {
			t.Errorf("sfnt: glyph of %q: %v", r, err)
		}
	}
}

func TestEmbeddedSfnt(t *testing.T) {
	for _, name := range EmbeddedNames() {
		checkSfnt(t, mustEmbedded(t, name).Data(), "2024年部门预算：一般公共预算支出≥100万元①（5.3%）𫖯")
	}
}

// packCollection packs single-font sfnt files into a 'ttcf' collection,
// each face keeping its own copy of its tables.
func packCollection(fonts ...[]byte) []byte {
	header := 12 + 4*len(fonts)
	out := make([]byte, header, header+len(fonts)*len(fonts[0]))
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, font := range fonts {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		base := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(base))
		out = append(out, font...)
		numTables := int(binary.BigEndian.Uint16(font[4:]))
		for j := range numTables {
			rec := out[base+12+16*j:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(base))
		}
	}
	return out
}

func TestCollection(t *testing.T) {
	serif, sans := mustEmbedded(t, SerifRegular), mustEmbedded(t, SansMedium)
	path := filepath.Join(t.TempDir(), "two.ttc")
	if err := os.WriteFile(path, packCollection(serif.Data(), sans.Data()), 0o644); err != nil {
		t.Fatal(err)
	}

	f0, err := Load(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	f1, err := Load(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f0.Name() != SerifRegular || f1.Name() != SansMedium {
		t.Errorf("faces are %q, %q", f0.Name(), f1.Name())
	}
	for _, r := range "中A1①" {
		if f1.Advance(r) != sans.Advance(r) || f0.Advance(r) != serif.Advance(r) {
			t.Errorf("advance of %q differs from the embedded faces'", r)
		}
	}
	if sum := checksum(f1.Data()); sum != checksumOK {
		t.Errorf("extracted face's checksum is %#x, want %#x", sum, uint32(checksumOK))
	}
	if len(f1.Data()) > len(sans.Data())+64 {
		t.Errorf("extracted face is %d bytes, the font %d", len(f1.Data()), len(sans.Data()))
	}
	checkSfnt(t, f1.Data(), "项目支出绩效目标表①")

	for _, index := range []int{2, -1} {
		_, err := Load(path, index)
		var fe *FileError
		if !errors.Is(err, ErrFaceIndex) || !errors.As(err, &fe) || fe.File != path || !strings.Contains(err.Error(), "2 faces") {
			t.Errorf("Load(%d) error = %v, want ErrFaceIndex naming the file and 2 faces", index, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.ttf"), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// minimalFont builds a two-glyph TrueType font mapping 'A' to a square,
// after letting edit change its tables.
func minimalFont(edit func(tables map[string][]byte)) []byte {
	be := binary.BigEndian
	put := func(fields ...any) []byte {
		var b bytes.Buffer
		for _, f := range fields {
			if err := binary.Write(&b, be, f); err != nil {
				panic(err)
			}
		}
		return b.Bytes()
	}
	head := put(uint32(0x00010000), uint32(0x00010000), uint32(0), uint32(headMagic),
		uint16(0), uint16(1000), [16]byte{}, [4]int16{0, 0, 500, 500},
		uint16(0), uint16(8), int16(2), int16(0), int16(0))
	hhea := put(uint32(0x00010000), int16(800), int16(-200), int16(0), uint16(600),
		[10]int16{}, int16(0), uint16(2))
	maxp := put(uint32(0x00010000), uint16(2), [13]uint16{})
	hmtx := put(uint16(500), int16(0), uint16(600), int16(0))
	square := put(int16(1), [4]int16{0, 0, 500, 500}, uint16(3), uint16(0),
		[4]uint8{1, 1, 1, 1}, [4]int16{0, 500, 0, -500}, [4]int16{0, 0, 500, 0}, uint16(0))
	loca := put(uint16(0), uint16(0), uint16(len(square)/2))
	// Format 4: 'A' → glyph 1, and the final 0xFFFF segment.
	cmap := put(uint16(0), uint16(1), uint16(3), uint16(1), uint32(12),
		uint16(4), uint16(32), uint16(0), uint16(4), uint16(4), uint16(1), uint16(0),
		[2]uint16{'A', 0xFFFF}, uint16(0), [2]uint16{'A', 0xFFFF}, [2]uint16{0x10000 + 1 - 'A', 1}, [2]uint16{0, 0})
	psName := []byte{0, 'T', 0, 'e', 0, 's', 0, 't'}
	name := append(put(uint16(0), uint16(1), uint16(18), uint16(3), uint16(1), uint16(0x409),
		uint16(6), uint16(len(psName)), uint16(0)), psName...)
	post := put(uint32(0x00030000), [28]byte{})
	os2 := put(uint16(0), int16(500), uint16(400), uint16(5), uint16(0), [58]byte{},
		int16(800), int16(-200), [6]byte{})
	tables := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx,
		"glyf": square, "loca": loca, "cmap": cmap, "name": name, "post": post, "OS/2": os2}
	if edit != nil {
		edit(tables)
	}
	return buildSfnt(tables)
}

// cmapGroup is a group of a format 12 cmap subtable: characters start to
// end map to consecutive glyphs from glyph on.
type cmapGroup struct{ start, end, glyph uint32 }

// cmap12Groups map 'A' and two characters beyond the BMP, the last one
// U+10FFFD, to minimalFont's square.
var cmap12Groups = []cmapGroup{{'A', 'A', 1}, {0x1F600, 0x1F600, 1}, {0x10FFFD, 0x10FFFD, 1}}

// cmap12Font is minimalFont with a cmap of two subtables: minimalFont's
// format 4 for platform 3 encoding 1, and a format 12 subtable of groups
// for platform 3 encoding 10, which edit may change (its header is 16
// bytes, then 12 bytes a group) and which ends the table.
func cmap12Font(groups []cmapGroup, edit func(sub []byte) []byte) []byte {
	be := binary.BigEndian
	sub := make([]byte, 16+12*len(groups))
	be.PutUint16(sub, 12)
	be.PutUint32(sub[4:], uint32(len(sub)))
	be.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(sub[16+12*i:], g.start)
		be.PutUint32(sub[20+12*i:], g.end)
		be.PutUint32(sub[24+12*i:], g.glyph)
	}
	if edit != nil {
		sub = edit(sub)
	}
	return minimalFont(func(tables map[string][]byte) {
		format4 := tables["cmap"][12:] // after the header and its one record
		cmap := make([]byte, 20, 20+len(format4)+len(sub))
		be.PutUint16(cmap[2:], 2)
		copy(cmap[4:], []byte{0, 3, 0, 1, 0, 0, 0, 20, 0, 3, 0, 10})
		be.PutUint32(cmap[16:], uint32(20+len(format4)))
		tables["cmap"] = append(append(cmap, format4...), sub...)
	})
}

// TestCmap12 parses fonts with good and bad format 12 cmap subtables.
func TestCmap12(t *testing.T) {
	data := cmap12Font(cmap12Groups, nil)
	f, err := Parse("cmap12.ttf", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'A', 0x1F600, 0x10FFFD} {
		if !f.Has(r) || f.Advance(r) != 600 {
			t.Errorf("Has(%U), Advance = %v, %v; want true, 600", r, f.Has(r), f.Advance(r))
		}
	}
	for _, r := range []rune{'B', 0x1F5FF, 0x1F601, 0x20000, 0x10FFFC, 0x10FFFF, 0x110000} {
		if f.Has(r) || f.Advance(r) != 0 {
			t.Errorf("Has(%U), Advance = %v, %v; want false, 0", r, f.Has(r), f.Advance(r))
		}
	}
	segs, _, err := f.Outline(0x1F600)
	if want, _, _ := f.Outline('A'); err != nil || len(segs) == 0 || !slices.Equal(segs, want) {
		t.Errorf("Outline(U+1F600) = %v, %v; want %v", segs, err, want)
	}
	checkSfnt(t, data, "A😀􏿽")

	be := binary.BigEndian
	set32 := func(off int, v uint32) func([]byte) []byte {
		return func(b []byte) []byte { be.PutUint32(b[off:], v); return b }
	}
	n := uint32(len(cmap12Groups))
	tests := []struct {
		name   string
		groups []cmapGroup
		edit   func([]byte) []byte
		lazy   bool // accepted without the whole-font checks
	}{
		{"unsorted groups", []cmapGroup{{0x1F600, 0x1F600, 1}, {'A', 'A', 1}}, nil, true},
		{"overlapping groups", []cmapGroup{{'A', 'A', 1}, {0x1F5FF, 0x1F600, 0}, {0x1F600, 0x1F600, 1}}, nil, true},
		{"repeated group", []cmapGroup{{0x1F600, 0x1F600, 1}, {0x1F600, 0x1F600, 1}}, nil, true},
		{"glyph out of range", []cmapGroup{{0x1F600, 0x1F600, 2}}, nil, true},
		{"group past the last glyph", []cmapGroup{{0x1F600, 0x1F601, 1}}, nil, true},
		{"glyph number overflow", []cmapGroup{{0x1F600, 0x1F601, 0xFFFFFFFF}}, nil, true},
		{"start after end", []cmapGroup{{0x1F601, 0x1F600, 1}}, nil, true},
		{"beyond U+10FFFF", []cmapGroup{{0x10FFFF, 0x110000, 0}}, nil, true},
		{"length past the table", cmap12Groups, set32(4, 16+12*n+1), false},
		{"length short of the groups", cmap12Groups, set32(4, 16+12*n-1), false},
		{"more groups than the length holds", cmap12Groups, set32(12, n+1), false},
		{"numGroups 2³²-1", cmap12Groups, set32(12, 0xFFFFFFFF), false},
		{"truncated group", cmap12Groups, func(b []byte) []byte { return b[:len(b)-4] }, false},
		{"truncated header", nil, func(b []byte) []byte { return b[:12] }, false},
	}
	probe := []rune{0, 'A', 'B', 0xFFFF, 0x10000, 0x1F5FF, 0x1F600, 0x1F601, 0x10FFFD, 0x10FFFF}
	for _, tt := range tests {
		data := cmap12Font(tt.groups, tt.edit)
		if _, err := Parse(tt.name, data, 0); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Parse error = %v, want ErrFormat", tt.name, err)
		}
		f, err := parseEmbedded(tt.name, data)
		if !tt.lazy {
			if !errors.Is(err, ErrFormat) {
				t.Errorf("%s: parse without the whole-font checks: error = %v, want ErrFormat", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: parse without the whole-font checks: %v", tt.name, err)
			continue
		}
		// Look-ups in a format 12 subtable whose groups were not checked
		// give some glyph of the font or none, and never panic.
		for _, r := range probe {
			if g := f.glyphIndex(r); g < 0 || g >= f.numGlyphs {
				t.Errorf("%s: glyphIndex(%U) = %d", tt.name, r, g)
			}
			f.Advance(r)
		}
	}
}

func TestMinimalFont(t *testing.T) {
	data := minimalFont(nil)
	f, err := Parse("minimal", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "Test" || !f.Has('A') || f.Has('B') || f.Advance('A') != 600 || f.Ascent() != 800 || f.Descent() != 200 {
		t.Errorf("Name %q, Has(A) %v, Has(B) %v, Advance(A) %v, Ascent %v, Descent %v",
			f.Name(), f.Has('A'), f.Has('B'), f.Advance('A'), f.Ascent(), f.Descent())
	}
	segs, adv, err := f.Outline('A')
	want := []Segment{{MoveTo, [3]Point{{0, 0}}}, {LineTo, [3]Point{{500, 0}}}, {LineTo, [3]Point{{500, 500}}},
		{LineTo, [3]Point{{0, 500}}}, {LineTo, [3]Point{{0, 0}}}}
	if err != nil || adv != 600 || len(segs) < 4 || segs[0] != want[0] || segs[2] != want[2] {
		t.Errorf("Outline(A) = %v, %v, %v; want %v, 600", segs, adv, err, want)
	}
	if _, _, err := f.Outline('B'); !errors.Is(err, ErrNoGlyph) {
		t.Errorf("Outline(B) error = %v, want ErrNoGlyph", err)
	}
	checkSfnt(t, data, "AAA")
}

func TestBadFonts(t *testing.T) {
	set16 := func(tag string, off int, v uint16) func(map[string][]byte) {
		return func(tables map[string][]byte) {
			b := bytes.Clone(tables[tag])
			binary.BigEndian.PutUint16(b[off:], v)
			tables[tag] = b
		}
	}
	// A composite glyph 1 made of glyph c.
	composite := func(c uint16) func(map[string][]byte) {
		return func(tables map[string][]byte) {
			g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, byte(c >> 8), byte(c), 0, 0}
			tables["glyf"] = g
			tables["loca"] = []byte{0, 0, 0, 0, 0, byte(len(g) / 2)}
		}
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"OTTO", append([]byte("OTTO"), make([]byte, 200)...), ErrCFF},
		{"CFF table", minimalFont(func(t map[string][]byte) { delete(t, "glyf"); t["CFF "] = []byte{1, 0, 4, 2} }), ErrCFF},
		{"fvar", minimalFont(func(t map[string][]byte) { t["fvar"] = make([]byte, 16) }), ErrVariable},
		{"fsType 2", minimalFont(set16("OS/2", 8, 0x0002)), ErrRestricted},
		{"fsType no subsetting", minimalFont(set16("OS/2", 8, 0x0100)), ErrRestricted},
		{"fsType bitmap only", minimalFont(set16("OS/2", 8, 0x0208)), ErrRestricted},
		{"no format 4 cmap", minimalFont(set16("cmap", 12, 6)), ErrNoCmap},
		{"cmap for another platform", minimalFont(set16("cmap", 4, 1)), ErrNoCmap},
		{"cmap glyph out of range", minimalFont(set16("cmap", 36, 0x10000+5-'A')), ErrFormat},
		{"face index of a single font", minimalFont(nil), ErrFaceIndex},
		{"garbage", bytes.Repeat([]byte("garbage!"), 100), ErrFormat},
		{"empty", nil, ErrFormat},
		{"collection header only", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x09"), ErrFormat},
		{"name format 1", minimalFont(set16("name", 0, 1)), ErrFormat},
		{"odd name length", minimalFont(set16("name", 14, 7)), ErrFormat},
		{"head magic", minimalFont(set16("head", 12, 0)), ErrFormat},
		{"glyphDataFormat", minimalFont(set16("head", 52, 1)), ErrFormat},
		{"indexToLocFormat", minimalFont(set16("head", 50, 2)), ErrFormat},
		{"unitsPerEm 0", minimalFont(set16("head", 18, 0)), ErrFormat},
		{"no horizontal metrics", minimalFont(set16("hhea", 34, 0)), ErrFormat},
		{"metricDataFormat", minimalFont(set16("hhea", 32, 1)), ErrFormat},
		{"too many glyphs", minimalFont(set16("maxp", 4, 3)), ErrFormat},
		{"loca past glyf", minimalFont(set16("loca", 4, 100)), ErrFormat},
		{"self-referencing composite", minimalFont(composite(1)), ErrFormat},
		{"missing component", minimalFont(composite(7)), ErrFormat},
	}
	for _, tag := range requiredTables {
		tests = append(tests, struct {
			name string
			data []byte
			want error
		}{"no " + tag, minimalFont(func(t map[string][]byte) { delete(t, tag) }), ErrFormat})
	}
	for _, tt := range tests {
		index := 0
		if tt.want == ErrFaceIndex {
			index = 1
		}
		_, err := Parse(tt.name+".ttf", tt.data, index)
		var fe *FileError
		if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.File != tt.name+".ttf" || !strings.Contains(err.Error(), tt.name+".ttf") {
			t.Errorf("%s: error = %v, want %v naming the file", tt.name, err, tt.want)
		}
	}

	// Editable (bit 3) overrides restricted (bit 1), and composites that are
	// well formed are accepted.
	for _, data := range [][]byte{minimalFont(set16("OS/2", 8, 0x000A)), minimalFont(composite(0))} {
		if _, err := Parse("ok.ttf", data, 0); err != nil {
			t.Error(err)
		}
	}
}

func TestTruncated(t *testing.T) {
	for _, data := range [][]byte{minimalFont(nil), cmap12Font(cmap12Groups, nil)} {
		for n := range len(data) - 3 {
			if _, err := Parse("cut.ttf", data[:n], 0); !errors.Is(err, ErrFormat) {
				t.Fatalf("Parse of %d of %d bytes: error = %v, want ErrFormat", n, len(data), err)
			}
		}
	}
	big := mustEmbedded(t, SansMedium).Data()
	for _, n := range []int{4, 100, 1000, len(big) / 2, len(big) - 4} {
		if _, err := Parse("cut.ttf", big[:n], 0); !errors.Is(err, ErrFormat) {
			t.Errorf("Parse of %d of %d bytes: error = %v, want ErrFormat", n, len(big), err)
		}
	}
}

// TestMutations parses randomly corrupted fonts, with and without a format
// 12 cmap: Parse must not panic, and whatever it accepts Subset must turn
// into a font that Parse accepts again, with a glyph for every character
// the mutant has. Without the whole-font checks (as for the embedded
// faces), look-ups and Subset must not panic either.
func TestMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	probe := []rune{'A', 'B', 0x1F600, 0x1F601, 0x10FFFD, 0x20000}
	for _, orig := range [][]byte{minimalFont(nil), cmap12Font(cmap12Groups, nil)} {
		accepted, lazy := 0, 0
		for range 800 {
			data := bytes.Clone(orig)
			for range 1 + rng.IntN(3) {
				data[rng.IntN(len(data))] = byte(rng.IntN(256))
			}
			if f, err := parseEmbedded("mutant.ttf", data); err == nil {
				lazy++
				checkMutant(t, f, probe, false)
			}
			f, err := Parse("mutant.ttf", data, 0)
			if err != nil {
				continue
			}
			accepted++
			checkMutant(t, f, probe, true)
		}
		t.Logf("%d of 800 mutants accepted, %d without the whole-font checks", accepted, lazy)
	}
}

// checkMutant subsets f, a mutant font, to those of runes it has and parses
// the subset. If Parse checked f (full), Subset must succeed; otherwise it
// may refuse the mutant's glyphs.
func checkMutant(t *testing.T, f *Face, runes []rune, full bool) {
	t.Helper()
	var have []rune
	for _, r := range runes {
		if f.Has(r) {
			have = append(have, r)
			if f.Advance(r) < 0 {
				t.Errorf("Advance(%U) of a mutant = %v", r, f.Advance(r))
			}
		}
	}
	sub, err := f.Subset(have)
	if err != nil {
		if full || !errors.Is(err, ErrFormat) {
			t.Errorf("Subset(%q) of an accepted mutant (checked: %v): %v", have, full, err)
		}
		return
	}
	again, err := Parse("subset.ttf", sub.Data, 0)
	if err != nil {
		t.Errorf("Parse(Subset(%q)) of an accepted mutant (checked: %v): %v", have, full, err)
		return
	}
	for _, r := range have {
		if !again.Has(r) || int(sub.Glyph[r]) != again.glyphIndex(r) {
			t.Errorf("subset of a mutant (checked: %v) lacks %q or maps it to another glyph", full, r)
		}
	}
}

func TestOutline(t *testing.T) {
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		for _, r := range "5—中𫖯" {
			segs, adv, err := f.Outline(r)
			if err != nil {
				t.Fatalf("%s: Outline(%q): %v", name, r, err)
			}
			if len(segs) < 2 || segs[0].Op != MoveTo || adv != f.Advance(r) {
				t.Errorf("%s: Outline(%q) = %d segments, advance %v", name, r, len(segs), adv)
			}
			for _, s := range segs {
				for _, p := range s.Pts[:pointsPerOp[s.Op]] {
					if p.X < -100 || p.X > adv+100 || p.Y < -f.Descent()-100 || p.Y > f.Ascent()+100 {
						t.Fatalf("%s: Outline(%q) has point %v outside the glyph box", name, r, p)
					}
				}
			}
		}
		if segs, _, err := f.Outline(' '); err != nil || len(segs) != 0 {
			t.Errorf("%s: Outline(' ') = %v, %v", name, segs, err)
		}
		if _, _, err := f.Outline('𠀀'); !errors.Is(err, ErrNoGlyph) {
			t.Errorf("%s: Outline('𠀀') error = %v", name, err)
		}
	}
}

// BenchmarkEmbeddedFirstUse measures what Embedded does the first time a
// face is asked for, and the first look-ups of characters.
func BenchmarkEmbeddedFirstUse(b *testing.B) {
	for _, name := range EmbeddedNames() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				f, err := parseEmbedded(name, embedded[name].data)
				if err != nil {
					b.Fatal(err)
				}
				if !f.Has('中') || f.Advance('1') == 0 {
					b.Fatal("no 中 or 1")
				}
			}
		})
	}
}

// BenchmarkEmbeddedAdvance looks up characters of the BMP (format 4 cmap)
// and beyond it (format 12).
func BenchmarkEmbeddedAdvance(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	for name, text := range map[string]string{
		"bmp":           "2024年度部门整体支出绩效自评报告：预算执行率≥95%，①项目完成情况良好。",
		"supplementary": "𫖯𬭚𠅤𪟝𬌗𫭟𫐄𬇙𬸘𫗧",
	} {
		b.Run(name, func(b *testing.B) {
			runes := []rune(text)
			for _, r := range runes {
				if !f.Has(r) {
					b.Fatalf("no %q", r)
				}
			}
			var w float64
			for i := 0; b.Loop(); i++ {
				w += f.Advance(runes[i%len(runes)])
			}
			if w == 0 {
				b.Fatal("no width")
			}
		})
	}
}

// TestOutlineMatchesSfnt: Outline reads the same contours as
// golang.org/x/image/font/sfnt, for a fifth of the characters of every
// embedded face (composite glyphs included). The two may start a contour
// at different points, so each outline is compared as the counts of its
// operators and the sorted list of all its points; sfnt's implied points
// are rounded towards zero, in font units.
func TestOutlineMatchesSfnt(t *testing.T) {
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		ref, err := sfnt.Parse(f.Data())
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		checked := 0
		chars := []rune("¨´−∕—0123456789") // composites in Jixiao Kai, and the page numbers' characters
		for r := rune(0x20); r <= 0xFFFF; r += 5 {
			chars = append(chars, r)
		}
		for _, r := range chars {
			if !f.Has(r) {
				continue
			}
			g := f.glyphIndex(r)
			ours, err := f.glyphOutline(g, 0)
			if err != nil {
				t.Fatalf("%s U+%04X: %v", name, r, err)
			}
			theirs, err := ref.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.upem), nil)
			if err != nil {
				t.Fatalf("%s U+%04X: sfnt: %v", name, r, err)
			}
			var opsA, opsB [4]int
			var ptsA, ptsB [][2]int
			for _, s := range ours {
				opsA[s.Op]++
				for _, p := range s.Pts[:pointsPerOp[s.Op]] {
					ptsA = append(ptsA, [2]int{int(math.Trunc(p.X)), int(math.Trunc(p.Y))})
				}
			}
			for _, s := range theirs {
				opsB[s.Op]++
				for _, p := range s.Args[:pointsPerOp[s.Op]] {
					ptsB = append(ptsB, [2]int{int(p.X), -int(p.Y)})
				}
			}
			less := func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) }
			slices.SortFunc(ptsA, less)
			slices.SortFunc(ptsB, less)
			if opsA != opsB || !slices.Equal(ptsA, ptsB) {
				t.Fatalf("%s U+%04X (glyph %d): ops %v points %v,\nsfnt: ops %v points %v", name, r, g, opsA, ptsA, opsB, ptsB)
			}
			checked++
		}
		if checked < 1500 {
			t.Errorf("%s: only %d characters checked", name, checked)
		}
	}
}

// FuzzOutline: any bytes as a glyph's data give an outline or an error,
// never a panic, and every contour is closed.
func FuzzOutline(f *testing.F) {
	face := mustEmbedded(f, SerifRegular)
	for _, r := range "1—绩" {
		data, err := face.glyphData(face.glyphIndex(r))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 10 || i16(data) < 0 {
			return // composites read other glyphs, by number
		}
		segs, err := simpleOutline(data, i16(data))
		if err != nil {
			return
		}
		var start, at Point
		for i, s := range segs {
			end := s.Pts[pointsPerOp[s.Op]-1]
			if s.Op == MoveTo {
				if i > 0 && at != start {
					t.Fatalf("contour ends at %v, not at its start %v", at, start)
				}
				start = end
			}
			at = end
		}
		if len(segs) > 0 && at != start {
			t.Fatalf("last contour ends at %v, not at its start %v", at, start)
		}
	})
}

func TestInkY(t *testing.T) {
	f, err := Embedded(SerifRegular)
	if err != nil {
		t.Fatal(err)
	}
	// Thin horizontal strokes between the baseline and the x-height's
	// double: the dash at 0.24-0.29 em, 一 at 0.40-0.51 em.
	for _, r := range "—一" {
		lo, hi, ok := f.InkY(r)
		if mid := (lo + hi) / 2; !ok || mid < 200 || mid > 500 || hi-lo > 150 {
			t.Errorf("InkY(%q) = %g, %g, %v", r, lo, hi, ok)
		}
	}
	if _, _, ok := f.InkY(' '); ok {
		t.Error("a space has ink")
	}
	if _, _, ok := f.InkY(0x20000); ok {
		t.Error("a missing character has ink")
	}
}
