package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

func TestOutlineLevelsAreContiguous(t *testing.T) {
	r := &layout.Result{
		Outline: []layout.OutlineEntry{{Title: "部分", Level: 1, Bookmark: "a"}, {Title: "表", Level: 3, Bookmark: "b"}, {Title: "丢", Level: 1, Bookmark: "missing"}},
		Anchors: map[string]layout.Anchor{"a": {Page: 0, Y: 40}, "b": {Page: 1, Y: 50}},
	}
	got := outlineMarks(r)
	if len(got) != 2 || got[0].level != 0 || got[1].level != 1 || got[1].page != 1 {
		t.Errorf("outline = %+v, want levels 0 then 1 (a bookmark needs a parent one level up)", got)
	}
}

// testDoc is a one-paragraph document in the embedded serif face.
func testDoc(text string) *doc.Document {
	return &doc.Document{
		Meta:   doc.Meta{Title: "标题", Author: "单位", Language: "zh-CN", Created: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Template: "t@1"},
		Page:   doc.Page{Width: 210, Height: 297, MarginTop: 37, MarginBottom: 35, MarginLeft: 28, MarginRight: 26, Footer: doc.Footer{Format: "— %d —", Style: "body", Distance: 7}},
		Fonts:  map[string]doc.Font{"song": {PDF: fonts.SerifRegular}},
		Styles: map[string]doc.Style{"body": {Font: "song", Size: 16}},
		Blocks: []doc.Block{&doc.Paragraph{Text: text, Style: "body"}},
	}
}

// write lays d out and writes it as a PDF.
func write(t testing.TB, d *doc.Document) ([]byte, error) {
	r, err := layout.Layout(d, layout.NewFontSet(d))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := Write(&out, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return out.Bytes(), nil
}

// TestWrite draws a small document twice: the bytes are equal, the fonts are
// subset to the characters drawn, and the metadata is in place.
func TestWrite(t *testing.T) {
	var outs [2][]byte
	for i := range outs {
		var err error
		if outs[i], err = write(t, testDoc("绩效目标≥95%")); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two writes differ")
	}
	pdf := string(outs[0])
	for _, want := range []string{"/Lang (zh-CN)", "/CreationDate (D:20240301", "+NotoSerifSC-Regular /Encoding /Identity-H", "/ToUnicode"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if n := len(outs[0]); n > 60000 {
		t.Errorf("PDF is %d bytes: the font was not subset to the characters drawn", n)
	}
}

// FuzzWrite writes documents of any text: no panic, a well-formed file
// (every object in the cross-reference table), and the same bytes twice.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"绩效目标≥95%", "", "(a)\\b", "𫖯𬌗\n（“测”），", strings.Repeat("长文本", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		out, err := write(t, testDoc(text))
		if err != nil {
			return // text the fonts cannot draw, or not UTF-8: layout's errors
		}
		if !bytes.HasPrefix(out, []byte("%PDF-1.7")) || !bytes.HasSuffix(out, []byte("%%EOF\n")) {
			t.Fatal("not a PDF")
		}
		again, _ := write(t, testDoc(text))
		if !bytes.Equal(out, again) {
			t.Fatal("two writes differ")
		}
	})
}

func TestPageLabels(t *testing.T) {
	pages := func(numbers ...int) []layout.Page {
		ps := make([]layout.Page, len(numbers))
		for i, n := range numbers {
			ps[i].Number = n
		}
		return ps
	}
	for _, c := range []struct {
		numbers []int
		want    string
	}{
		{[]int{0, 1, 2, 3}, "<</Nums [0 <</S /r /St 1>> 1 <</S /D /St 1>>]>>"},
		{[]int{0, 0, 5, 6}, "<</Nums [0 <</S /r /St 1>> 2 <</S /D /St 5>>]>>"},
		// A gap in the printed numbers, and an unnumbered page between
		// numbered ones, start new ranges; roman numbers go on counting.
		{[]int{0, 1, 3, 0, 4}, "<</Nums [0 <</S /r /St 1>> 1 <</S /D /St 1>> 2 <</S /D /St 3>> 3 <</S /r /St 2>> 4 <</S /D /St 4>>]>>"},
	} {
		if got := pageLabels(pages(c.numbers...)); got != c.want {
			t.Errorf("pageLabels(%v) = %s, want %s", c.numbers, got, c.want)
		}
	}
}

// TestOutlineTree writes a three-level outline and checks the links of the
// tree: parents, siblings, first and last children and open counts.
func TestOutlineTree(t *testing.T) {
	var out bytes.Buffer
	f := newFile(&out)
	marks := []mark{{"A", 0, 0, 0}, {"A1", 1, 0, 0}, {"A1a", 2, 0, 0}, {"A2", 1, 0, 0}, {"B", 0, 0, 0}}
	root := writeOutline(f, marks, func(int, float64) string { return "[]" })
	// Objects: root 1, then the marks 2 to 6.
	f.w.Flush()
	body := out.String()
	for _, want := range []string{
		"1 0 obj\n<</Type /Outlines /First 2 0 R /Last 6 0 R /Count 5>>",
		"2 0 obj\n<</Title <FEFF0041> /Parent 1 0 R /Next 6 0 R /First 3 0 R /Last 5 0 R /Count 3 /Dest []>>",
		"3 0 obj\n<</Title <FEFF00410031> /Parent 2 0 R /Next 5 0 R /First 4 0 R /Last 4 0 R /Count 1 /Dest []>>",
		"4 0 obj\n<</Title <FEFF004100310061> /Parent 3 0 R /Dest []>>",
		"5 0 obj\n<</Title <FEFF00410032> /Parent 2 0 R /Prev 3 0 R /Dest []>>",
		"6 0 obj\n<</Title <FEFF0042> /Parent 1 0 R /Prev 2 0 R /Dest []>>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("outline lacks %q", want)
		}
	}
	if root != 1 {
		t.Errorf("root = %d, want 1", root)
	}
}

func TestFormatting(t *testing.T) {
	for v, want := range map[float64]string{0: "0", -0.001: "0", 1.5: "1.5", 841.8898: "841.89", 100: "100", -2.25: "-2.25", 0.004: "0", 0.005: "0.01"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
	for s, want := range map[string]string{"zh-CN": "(zh-CN)", `a(b)\c`: `(a\(b\)\\c)`, "目录": "<FEFF76EE5F55>", "𫖯": "<FEFFD86DDDAF>"} {
		if got := str(s); got != want {
			t.Errorf("str(%q) = %s, want %s", s, got, want)
		}
	}
	if got := name("Noto Sans#SC/1"); got != "/Noto#20Sans#23SC#2F1" {
		t.Errorf("name = %s", got)
	}
}

// TestMetadata: the XMP packet is well-formed XML carrying the title (with
// characters XML must escape), the author and the dates of the Info
// dictionary.
func TestMetadata(t *testing.T) {
	var out bytes.Buffer
	f := newFile(&out)
	m := doc.Meta{Title: "A&B <绩效>", Author: "单位", Language: "zh-CN", Template: "t@1"}
	writeMetadata(f, m, time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), false)
	f.w.Flush()
	body := out.String()
	start, end := strings.Index(body, "<x:xmpmeta"), strings.Index(body, "</x:xmpmeta>")
	if start < 0 || end < 0 || !strings.Contains(body, "/Subtype /XML") {
		t.Fatalf("no XMP packet:\n%s", body)
	}
	var packet struct {
		Title   string `xml:"RDF>Description>title>Alt>li"`
		Creator string `xml:"RDF>Description>creator>Seq>li"`
		Created string `xml:"RDF>Description>CreateDate"`
	}
	if err := xml.Unmarshal([]byte(body[start:end+len("</x:xmpmeta>")]), &packet); err != nil {
		t.Fatalf("XMP is not well-formed: %v", err)
	}
	if packet.Title != m.Title || packet.Creator != m.Author || packet.Created != "2024-03-01T08:00:00+08:00" {
		t.Errorf("XMP = %+v", packet)
	}
}

// TestDeflate: the zlib framing around the stateless encoder reads back
// with the standard library, for empty, small, repetitive, incompressible
// and multi-block data.
func TestDeflate(t *testing.T) {
	random := make([]byte, 200_000)
	for i := range random {
		random[i] = byte(i*7919 ^ i>>5*31)
	}
	for _, data := range [][]byte{nil, []byte("BT /F1 12 Tf ET\n"), bytes.Repeat([]byte("0 0 m 10 10 l S\n"), 20_000), random} {
		r, err := zlib.NewReader(bytes.NewReader(deflate(data)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read back %d bytes, err %v", len(data), len(got), err)
		}
	}
}
