package pdf

// Tests of the PDF/A-3b requirements (ISO 19005-3) that the files of
// WritePDFA touch, one test per requirement, named by its clause; the list
// with what each test checks is docs/pdfa.md. The objects are read back
// with qpdf's JSON view, independently of the writer.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// archiveDoc is a document with everything a report has: a table of
// contents with links, headings in the outline, regular, bold and fake-bold
// text in three faces, a table, page numbers and the attached source.
func archiveDoc() *doc.Document {
	d := testDoc("")
	d.Meta.Subject = "部门整体绩效目标"
	d.Meta.Keywords = "绩效目标, 2024"
	d.Meta.Fonts = "黑体: SimHei (simhei.ttf)" // as with an office face installed: an Info entry of our own
	d.Meta.Source = doc.Attachment{Name: "单位-2024.toml", Description: "申报数据", Data: []byte("year = 2024\n")}
	d.Fonts["hei"] = doc.Font{PDF: fonts.SansMedium}
	d.Fonts["bold"] = doc.Font{PDF: fonts.SerifRegular, PDFBold: fonts.SerifBold}
	d.Styles["h1"] = doc.Style{Font: "hei", Size: 16, OutlineLevel: 1}
	d.Styles["strong"] = doc.Style{Font: "bold", Size: 12, Bold: true}
	d.Styles["fake"] = doc.Style{Font: "hei", Size: 12, Bold: true}
	d.Styles["toc"] = doc.Style{Font: "song", Size: 14}
	d.Blocks = []doc.Block{
		&doc.TOC{Title: "目录", TitleStyle: "h1", Lists: []string{"A"}, EntryStyle: "toc"},
		doc.PageBreak{},
		&doc.Heading{Text: "第一部分 总体绩效目标", Style: "h1", Bookmark: "a1", TOC: &doc.TOCEntry{List: "A", Level: 1, Text: "第一部分 总体绩效目标"}},
		&doc.Paragraph{Text: "全面落实网络安全责任制，预算数999999999999.99元，满意度≥95%。", Style: "body"},
		&doc.Paragraph{Text: "一、加粗的正文", Style: "strong"},
		&doc.Paragraph{Text: "二、假粗体的黑体", Style: "fake"},
		&doc.Heading{Text: "第二部分 项目", Style: "h1", Bookmark: "a2", TOC: &doc.TOCEntry{List: "A", Level: 1, Text: "第二部分 项目"}},
		&doc.Table{Name: "表", Columns: []float64{40, 116}, Borders: true, Rows: []doc.Row{
			{Cells: []doc.Cell{{Col: 0, ColSpan: 1, RowSpan: 1, Text: "项目名称", Style: "body"}, {Col: 1, ColSpan: 1, RowSpan: 1, Text: "网络舆情综合管理", Style: "body"}}},
		}},
	}
	return d
}

// pdfaFile is archiveDoc written with WritePDFA, made once.
var pdfaFile = sync.OnceValues(func() ([]byte, error) {
	d := archiveDoc()
	r, err := layout.Layout(d, layout.NewFontSet(d))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = WritePDFA(&out, r)
	return out.Bytes(), err
})

func archived(t *testing.T) []byte {
	t.Helper()
	b, err := pdfaFile()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// objects is a PDF's objects as qpdf's JSON (version 2) shows them: by
// "obj:N 0 R" (and "trailer"), each a {"value": …} or a {"stream":
// {"dict": …, "data": base64 of the decoded data}}.
type objects map[string]map[string]any

// qpdfObjects reads the PDF's objects with qpdf, skipping the test when
// qpdf is not installed.
func qpdfObjects(t *testing.T, pdf []byte) objects {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (apt-get install qpdf): the PDF/A objects are read with its JSON view")
	}
	file := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", file, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var view struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &view); err != nil || len(view.QPDF) != 2 {
		t.Fatalf("qpdf's JSON: %v", err)
	}
	objs := objects{}
	if err := json.Unmarshal(view.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	return objs
}

// dict returns the dictionary of a value, of a stream, or of the object a
// reference names.
func (o objects) dict(v any) map[string]any {
	if ref, ok := v.(string); ok && strings.HasSuffix(ref, " R") {
		obj := o["obj:"+ref]
		if s, ok := obj["stream"].(map[string]any); ok {
			return s["dict"].(map[string]any)
		}
		v = obj["value"]
	}
	d, _ := v.(map[string]any)
	return d
}

// data returns the decoded data of the stream a reference names.
func (o objects) data(t *testing.T, ref any) []byte {
	t.Helper()
	s, _ := o["obj:"+fmt.Sprint(ref)]["stream"].(map[string]any)
	if s == nil {
		t.Fatalf("%v is not a stream", ref)
	}
	b, err := base64.StdEncoding.DecodeString(fmt.Sprint(s["data"]))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (o objects) trailer() map[string]any { return o.dict(o["trailer"]["value"]) }
func (o objects) catalog() map[string]any { return o.dict(o.trailer()["/Root"]) }

// each calls fn for every dictionary in the file: objects, streams'
// dictionaries and dictionaries nested in them.
func (o objects) each(fn func(d map[string]any)) {
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			fn(v)
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	for key, obj := range o {
		if key == "trailer" {
			continue
		}
		if s, ok := obj["stream"].(map[string]any); ok {
			walk(s["dict"])
		} else {
			walk(obj["value"])
		}
	}
}

// 6.1.2: the header is at offset 0 and its second line is a comment of at
// least four bytes above 127, which marks the file as binary.
func TestPDFA_6_1_2_Header(t *testing.T) {
	pdf := archived(t)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n%")) {
		t.Fatalf("header = %q", pdf[:12])
	}
	second := pdf[len("%PDF-1.7\n%"):]
	second = second[:bytes.IndexByte(second, '\n')]
	high := 0
	for _, c := range second {
		if c > 127 {
			high++
		}
	}
	if high < 4 {
		t.Errorf("second line %q has %d bytes above 127, want ≥ 4", second, high)
	}
}

// 6.1.3: the trailer has an /ID of two byte strings and no /Encrypt, and
// nothing but one end-of-line follows the last %%EOF.
func TestPDFA_6_1_3_Trailer(t *testing.T) {
	pdf := archived(t)
	if !bytes.HasSuffix(pdf, []byte("\n%%EOF\n")) || bytes.Count(pdf, []byte("%%EOF")) != 1 {
		t.Errorf("file end = %q", pdf[len(pdf)-20:])
	}
	tr := qpdfObjects(t, pdf).trailer()
	id, _ := tr["/ID"].([]any)
	if len(id) != 2 || !strings.HasPrefix(fmt.Sprint(id[0]), "b:") || len(fmt.Sprint(id[0])) < 2+32 {
		t.Errorf("trailer /ID = %v, want two byte strings of ≥ 16 bytes", tr["/ID"])
	}
	if _, ok := tr["/Encrypt"]; ok {
		t.Error("the trailer has /Encrypt")
	}
}

// 6.1.4 and 6.1.8: the cross-reference table's entries are 20 bytes each
// and point at the objects' "N 0 obj" lines; qpdf --check finds the file
// sound, without repairing it.
func TestPDFA_6_1_4_CrossReference(t *testing.T) {
	pdf := archived(t)
	start := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	m := regexp.MustCompile(`^xref\n0 (\d+)\n`).FindSubmatch(pdf[start:])
	if m == nil {
		t.Fatal("no cross-reference table of one subsection")
	}
	n, _ := strconv.Atoi(string(m[1]))
	entries := pdf[start+len(m[0]):]
	if !bytes.HasPrefix(entries, []byte("0000000000 65535 f \n")) {
		t.Errorf("entry 0 = %q", entries[:20])
	}
	for i := 1; i < n; i++ {
		e := entries[20*i : 20*i+20]
		if !regexp.MustCompile(`^\d{10} 00000 n \n$`).Match(e) {
			t.Fatalf("entry %d = %q: not 20 bytes of the fixed form", i, e)
		}
		off, _ := strconv.Atoi(string(e[:10]))
		if want := fmt.Sprintf("%d 0 obj\n", i); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("entry %d points at %q, want %q", i, pdf[off:off+12], want)
		}
	}
	if !bytes.Contains(pdf[start:], []byte(fmt.Sprintf("startxref\n%d\n", start))) {
		t.Error("startxref does not point at the table")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		file := filepath.Join(t.TempDir(), "a.pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// streamHead finds each stream's dictionary and data in the raw file.
var streamHead = regexp.MustCompile(`\n\d+ 0 obj\n(<<[^\n]*>>)\nstream(\r?\n)`)

// 6.1.7: each stream's /Length is the number of bytes between the end of
// line after "stream" and the end of line before "endstream"; no stream
// refers to an external file (/F, /FFilter, /FDecodeParms), and the only
// filter is FlateDecode (no LZW).
func TestPDFA_6_1_7_Streams(t *testing.T) {
	pdf := archived(t)
	heads := streamHead.FindAllSubmatchIndex(pdf, -1)
	if len(heads) < 10 {
		t.Fatalf("%d streams found", len(heads))
	}
	for _, h := range heads {
		dict := string(pdf[h[2]:h[3]])
		m := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)
		if m == nil {
			t.Fatalf("stream without a direct /Length: %s", dict)
		}
		n, _ := strconv.Atoi(m[1])
		if end := pdf[h[1]+n:]; !bytes.HasPrefix(end, []byte("\nendstream\n")) {
			t.Errorf("%.60s…: /Length %d does not end at an EOL before endstream", dict, n)
		}
		for _, key := range []string{"/F ", "/FFilter", "/FDecodeParms", "/LZWDecode"} {
			if strings.Contains(dict, key) {
				t.Errorf("stream dictionary has %s: %s", key, dict)
			}
		}
		if f := regexp.MustCompile(`/Filter (/\w+)`).FindStringSubmatch(dict); f != nil && f[1] != "/FlateDecode" {
			t.Errorf("filter %s", f[1])
		}
	}
}

// 6.1.6 and 6.1.13: hexadecimal strings have an even number of digits;
// strings are at most 32,767 bytes, names at most 127, integers within
// ±2^31, reals within ±3.4×10^38, fewer than 8,388,607 objects; content
// streams nest q at most 28 deep; CIDs are at most 65,535 (two bytes each).
func TestPDFA_6_1_13_Limits(t *testing.T) {
	pdf := archived(t)
	objs := qpdfObjects(t, pdf)
	if len(objs) >= 8388607 {
		t.Errorf("%d objects", len(objs))
	}
	// Outside streams: the file's own syntax.
	var syntax []byte
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("\nstream\n"))
		if i < 0 {
			syntax = append(syntax, rest...)
			break
		}
		syntax = append(syntax, rest[:i]...)
		j := bytes.Index(rest[i:], []byte("\nendstream\n"))
		rest = rest[i+j+len("\nendstream\n"):]
	}
	for _, hex := range regexp.MustCompile(`<([0-9A-Fa-f\s]*)>`).FindAllSubmatch(syntax, -1) {
		digits := bytes.Join(bytes.Fields(hex[1]), nil)
		if len(digits)%2 != 0 || len(digits)/2 > 32767 {
			t.Errorf("hex string of %d digits", len(digits))
		}
	}
	for _, n := range regexp.MustCompile(`/[^\s/<>\[\]()]+`).FindAll(syntax, -1) {
		if len(n) > 128 {
			t.Errorf("name of %d bytes: %.40s…", len(n)-1, n)
		}
	}
	// Numbers: the objects' tokens, strings and the cross-reference
	// table's offsets left out.
	objects := syntax[:bytes.LastIndex(syntax, []byte("\nxref\n"))]
	objects = regexp.MustCompile(`\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>`).ReplaceAll(objects, nil)
	for _, v := range regexp.MustCompile(`-?\d+(\.\d+)?`).FindAll(objects, -1) {
		if f, _ := strconv.ParseFloat(string(v), 64); math.Abs(f) > 2147483647 {
			t.Errorf("number %s out of range", v)
		}
	}
	objs.each(func(d map[string]any) {
		if typ := d["/Type"]; typ == "/Page" {
			for _, c := range contents(objs, t, d) {
				depth, most := 0, 0
				for _, op := range bytes.Fields(c) {
					switch string(op) {
					case "q":
						depth++
						most = max(most, depth)
					case "Q":
						depth--
					}
				}
				if most > 28 || depth != 0 {
					t.Errorf("q nests %d deep, ends at %d", most, depth)
				}
			}
		}
	})
}

// contents returns the decoded content streams of a page.
func contents(objs objects, t *testing.T, page map[string]any) [][]byte {
	switch c := page["/Contents"].(type) {
	case string:
		return [][]byte{objs.data(t, c)}
	case []any:
		var out [][]byte
		for _, r := range c {
			out = append(out, objs.data(t, r))
		}
		return out
	}
	return nil
}

// 6.2.2 and 6.2.3: the catalog has one PDF/A output intent (/S
// /GTS_PDFA1) whose destination profile is an ICC stream of three
// components (/N 3) holding a display or output profile of version ≤ 4.
// The profile itself is tested in icc_test.go.
func TestPDFA_6_2_2_OutputIntent(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	intents, _ := objs.catalog()["/OutputIntents"].([]any)
	if len(intents) != 1 {
		t.Fatalf("/OutputIntents = %v, want one", objs.catalog()["/OutputIntents"])
	}
	oi := objs.dict(intents[0])
	if oi["/S"] != "/GTS_PDFA1" || oi["/Type"] != "/OutputIntent" || oi["/OutputConditionIdentifier"] == nil {
		t.Errorf("output intent = %v", oi)
	}
	if n := objs.dict(oi["/DestOutputProfile"])["/N"]; n != 3.0 {
		t.Errorf("profile /N = %v, want 3", n)
	}
	icc := objs.data(t, oi["/DestOutputProfile"])
	if !bytes.Equal(icc, srgbProfile()) {
		t.Error("the embedded profile is not the sRGB profile")
	}
	if class := string(icc[12:16]); icc[8] > 4 || class != "mntr" && class != "prtr" || string(icc[16:20]) != "RGB " {
		t.Errorf("profile version %d, class %q, space %q", icc[8], class, icc[16:20])
	}
}

// pdfOperators are the content stream operators of PDF 1.7 (ISO 32000-1,
// Annex A), less ri and i, which PDF/A forbids to be used (6.2.5).
var pdfOperators = strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f*
	G g gs h ID j J K k l m M MP n q Q re RG rg s S SC sc SCN scn sh T* Tc Td TD Tf TJ Tj TL Tm Tr Ts Tw Tz
	v w W W* y ' "`)

// 6.2.2: content streams use only the operators PDF defines (and not ri
// or i), and every page has a resource dictionary for its content.
func TestPDFA_6_2_2_Operators(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	pages := 0
	objs.each(func(d map[string]any) {
		if d["/Type"] != "/Page" {
			return
		}
		pages++
		if objs.dict(d["/Resources"]) == nil {
			t.Error("a page without /Resources")
		}
		for _, c := range contents(objs, t, d) {
			for _, tok := range bytes.Fields(c) {
				if strings.ContainsAny(string(tok[:1]), "/<-.0123456789") {
					continue // an operand: a name, a string, a number
				}
				if !slices.Contains(pdfOperators, string(tok)) {
					t.Errorf("operator %q", tok)
				}
			}
		}
	})
	if pages < 2 {
		t.Fatalf("%d pages", pages)
	}
}

// colourOps are the content stream operators that set a colour or colour
// space, or paint an image or a shading.
var colourOps = []string{"cs", "CS", "sc", "SC", "scn", "SCN", "g", "G", "rg", "RG", "k", "K", "sh", "Do", "gs"}

// 6.2.4.3: device colours are used only with the output intent. The text
// and rules are drawn in the default colour (DeviceGray black) with no
// colour operator at all, which the sRGB output intent covers; this keeps
// it so: a colour added later must be checked against the intent.
func TestPDFA_6_2_4_DeviceColours(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	objs.each(func(d map[string]any) {
		if d["/Type"] == "/Page" {
			for _, c := range contents(objs, t, d) {
				for _, op := range bytes.Fields(c) {
					if slices.Contains(colourOps, string(op)) {
						t.Errorf("content stream uses %s", op)
					}
				}
			}
		}
	})
	if objs.catalog()["/OutputIntents"] == nil {
		t.Error("device colours without an output intent")
	}
}

// 6.2.9 and 6.2.10: no transparency: no soft mask, constant alpha other
// than 1, blend mode or transparency group anywhere; and no invisible text
// (rendering mode 3), so every glyph drawn is one the reader sees.
func TestPDFA_6_2_9_NoTransparency(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	objs.each(func(d map[string]any) {
		for _, key := range []string{"/SMask", "/BM", "/Group", "/TR", "/TR2"} {
			if _, ok := d[key]; ok {
				t.Errorf("dictionary with %s: %v", key, d)
			}
		}
		for _, key := range []string{"/CA", "/ca"} {
			if v, ok := d[key]; ok && v != 1.0 {
				t.Errorf("%s %v", key, v)
			}
		}
		if d["/Type"] == "/Page" {
			for _, c := range contents(objs, t, d) {
				if regexp.MustCompile(`(^|\s)3 Tr\b`).Match(c) {
					t.Error("invisible text (3 Tr)")
				}
			}
		}
	})
}

// fontsOf returns the Type 0 fonts of the file, with the glyph numbers
// (CIDs) the pages draw in each.
func fontsOf(t *testing.T, objs objects) map[string][]uint16 {
	used := map[string][]uint16{}
	tj := regexp.MustCompile(`/(F\d+) [\d.]+ Tf\n(?:[-\d. ]+Td\n)?<([0-9A-F]*)> Tj`)
	objs.each(func(d map[string]any) {
		if d["/Type"] != "/Page" {
			return
		}
		res := objs.dict(d["/Resources"])
		fontRes := objs.dict(res["/Font"])
		for _, c := range contents(objs, t, d) {
			for _, m := range tj.FindAllSubmatch(c, -1) {
				ref := fmt.Sprint(fontRes["/"+string(m[1])])
				for i := 0; i+4 <= len(m[2]); i += 4 {
					g, _ := strconv.ParseUint(string(m[2][i:i+4]), 16, 16)
					used[ref] = append(used[ref], uint16(g))
				}
			}
		}
	})
	if len(used) < 3 {
		t.Fatalf("text in %d fonts, want the test document's 3 faces", len(used))
	}
	return used
}

// 6.2.11.2, 6.2.11.3 and 6.2.11.4: every font is a Type 0 font with the
// Identity-H encoding over a CIDFontType2 whose CIDs are glyph numbers
// (/CIDToGIDMap /Identity), with a CIDSystemInfo; its TrueType program is
// embedded (/FontFile2) and holds every glyph the pages draw; no text
// draws glyph 0 (.notdef, 6.2.11.8).
func TestPDFA_6_2_11_FontsEmbedded(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	for ref, gids := range fontsOf(t, objs) {
		t0 := objs.dict(ref)
		if t0["/Subtype"] != "/Type0" || t0["/Encoding"] != "/Identity-H" {
			t.Errorf("%s: %v", ref, t0)
		}
		cid := objs.dict(t0["/DescendantFonts"].([]any)[0])
		if cid["/Subtype"] != "/CIDFontType2" || cid["/CIDToGIDMap"] != "/Identity" || cid["/CIDSystemInfo"] == nil {
			t.Errorf("%s: descendant %v", ref, cid)
		}
		desc := objs.dict(cid["/FontDescriptor"])
		if desc["/CIDSet"] != nil || desc["/CharSet"] != nil {
			t.Errorf("%s: a /CIDSet or /CharSet, which must then list the subset exactly (6.2.11.4.2)", ref)
		}
		program := objs.data(t, desc["/FontFile2"])
		f, err := sfnt.Parse(program)
		if err != nil {
			t.Fatalf("%s: the embedded font does not parse: %v", ref, err)
		}
		for _, g := range gids {
			if g == 0 || int(g) >= f.NumGlyphs() {
				t.Errorf("%s: glyph %d drawn; the program has %d glyphs and glyph 0 is .notdef", ref, g, f.NumGlyphs())
			}
		}
	}
}

// 6.2.11.5: the widths in each CIDFont's /W (and /DW for glyphs not
// listed) agree with the advance widths of the embedded program (hmtx),
// for every glyph drawn, to within one unit of 1/1000 em.
func TestPDFA_6_2_11_5_Widths(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	for ref, gids := range fontsOf(t, objs) {
		cid := objs.dict(objs.dict(ref)["/DescendantFonts"].([]any)[0])
		widths := map[uint16]float64{}
		w, _ := cid["/W"].([]any)
		for i := 0; i+1 < len(w); i += 2 {
			first := uint16(w[i].(float64))
			for j, v := range w[i+1].([]any) {
				widths[first+uint16(j)] = v.(float64)
			}
		}
		dw := 1000.0
		if v, ok := cid["/DW"].(float64); ok {
			dw = v
		}
		program := objs.data(t, objs.dict(cid["/FontDescriptor"])["/FontFile2"])
		f, err := sfnt.Parse(program)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		upem := float64(f.UnitsPerEm())
		for _, g := range gids {
			// At a size of one em per font unit, the advance (26.6
			// fixed point) is in the font's own units.
			adv, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(upem*64), font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			want := float64(adv) / 64 * 1000 / upem
			got, ok := widths[g]
			if !ok {
				got = dw
			}
			if math.Abs(got-want) > 1 {
				t.Errorf("%s glyph %d: width %v in the PDF, %v in the font program", ref, g, got, want)
			}
		}
	}
}

// 6.3: every annotation is of a permitted type (here only links), has the
// /F key with Print set and Hidden, Invisible, NoView and ToggleNoView
// clear; a link needs no appearance stream (6.3.3), and goes to a
// destination in the file rather than running an action (6.5).
func TestPDFA_6_3_Annotations(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	links := 0
	objs.each(func(d map[string]any) {
		if d["/Type"] != "/Annot" && d["/Subtype"] != "/Link" {
			return
		}
		links++
		flags, _ := d["/F"].(float64)
		if d["/Subtype"] != "/Link" || int(flags)&4 == 0 || int(flags)&(1|2|32|256) != 0 {
			t.Errorf("annotation %v", d)
		}
		if d["/Dest"] == nil || d["/A"] != nil {
			t.Errorf("link without a destination, or with an action: %v", d)
		}
	})
	if links == 0 {
		t.Fatal("no links: the test document's table of contents should have some")
	}
}

// 6.1.10, 6.4, 6.5, 6.9 and 6.10: nothing PDF/A forbids: no JavaScript,
// no additional-actions (/AA), no interactive form or XFA, no optional
// content, no PostScript, no encryption, no /NeedsRendering.
func TestPDFA_6_5_Forbidden(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	objs.each(func(d map[string]any) {
		for _, key := range []string{"/AA", "/JS", "/JavaScript", "/AcroForm", "/XFA", "/OCProperties", "/PS", "/Encrypt", "/NeedsRendering", "/Launch"} {
			if _, ok := d[key]; ok {
				t.Errorf("dictionary with %s", key)
			}
		}
		if s := d["/S"]; s == "/JavaScript" || s == "/Launch" || s == "/ImportData" || s == "/ResetForm" {
			t.Errorf("action %v", s)
		}
	})
}

// xmpPacket reads the catalog's metadata stream, which must not be
// filtered (6.6.2.1).
func xmpPacket(t *testing.T, objs objects, pdf []byte) []byte {
	ref := objs.catalog()["/Metadata"]
	meta := objs.dict(ref)
	if meta["/Type"] != "/Metadata" || meta["/Subtype"] != "/XML" || meta["/Filter"] != nil {
		t.Fatalf("metadata stream %v: want an unfiltered /Metadata /XML stream", meta)
	}
	packet := objs.data(t, ref)
	if !bytes.Contains(pdf, packet) {
		t.Error("the packet is not stored as is")
	}
	return packet
}

// xmpProps returns the XMP's properties as namespace + local name → text
// (the first li of an array), and the namespaces used.
func xmpProps(t *testing.T, packet []byte) (map[string]string, []string) {
	dec := xml.NewDecoder(bytes.NewReader(packet))
	props, spaces := map[string]string{}, []string{}
	var stack []xml.Name
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name)
			if !slices.Contains(spaces, tok.Name.Space) {
				spaces = append(spaces, tok.Name.Space)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for i := len(stack) - 1; i >= 0; i-- {
				n := stack[i]
				if n.Space != "http://www.w3.org/1999/02/22-rdf-syntax-ns#" && n.Space != "adobe:ns:meta/" {
					key := n.Space + n.Local
					if _, ok := props[key]; !ok && strings.TrimSpace(string(tok)) != "" {
						props[key] = string(tok)
					}
					break
				}
			}
		}
	}
	return props, spaces
}

const (
	nsDC     = "http://purl.org/dc/elements/1.1/"
	nsXMP    = "http://ns.adobe.com/xap/1.0/"
	nsPDF    = "http://ns.adobe.com/pdf/1.3/"
	nsPDFAID = "http://www.aiim.org/pdfa/ns/id/"
)

// 6.6.2.1 and 6.6.4: the catalog's metadata is a well-formed XMP packet
// without the bytes and encoding attributes, holding the PDF/A
// identification pdfaid:part 3 and pdfaid:conformance B, and using only
// schemas XMP predefines (so it needs no extension schema, 6.6.2.3.2).
func TestPDFA_6_6_4_Identification(t *testing.T) {
	pdf := archived(t)
	objs := qpdfObjects(t, pdf)
	packet := xmpPacket(t, objs, pdf)
	head := packet[:bytes.Index(packet, []byte("?>"))]
	if !bytes.HasPrefix(head, []byte("<?xpacket begin=")) || bytes.Contains(head, []byte("bytes=")) || bytes.Contains(head, []byte("encoding=")) {
		t.Errorf("packet header %q", head)
	}
	if !bytes.HasSuffix(packet, []byte(`<?xpacket end="r"?>`)) && !bytes.HasSuffix(packet, []byte(`<?xpacket end="w"?>`)) {
		t.Error("no packet trailer")
	}
	props, spaces := xmpProps(t, packet)
	if props[nsPDFAID+"part"] != "3" || props[nsPDFAID+"conformance"] != "B" {
		t.Errorf("pdfaid part %q conformance %q, want 3 and B", props[nsPDFAID+"part"], props[nsPDFAID+"conformance"])
	}
	for _, s := range spaces {
		if !slices.Contains([]string{"adobe:ns:meta/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/XML/1998/namespace", nsDC, nsXMP, nsPDF, nsPDFAID}, s) {
			t.Errorf("namespace %s is not predefined by XMP", s)
		}
	}
}

// 6.6.2.3.1: each standard entry of the Info dictionary has its
// equivalent in the XMP with the same value: Title dc:title, Author dc:creator, Subject
// dc:description, Keywords pdf:Keywords, Creator xmp:CreatorTool, Producer
// pdf:Producer, CreationDate xmp:CreateDate, ModDate xmp:ModifyDate.
func TestPDFA_6_6_2_3_InfoMatchesXMP(t *testing.T) {
	pdf := archived(t)
	objs := qpdfObjects(t, pdf)
	props, _ := xmpProps(t, xmpPacket(t, objs, pdf))
	info := objs.dict(objs.trailer()["/Info"])
	pairs := map[string]string{"/Title": nsDC + "title", "/Author": nsDC + "creator", "/Subject": nsDC + "description",
		"/Keywords": nsPDF + "Keywords", "/Creator": nsXMP + "CreatorTool", "/Producer": nsPDF + "Producer",
		"/CreationDate": nsXMP + "CreateDate", "/ModDate": nsXMP + "ModifyDate"}
	for key, v := range info {
		prop, ok := pairs[key]
		if !ok {
			continue // a custom entry: PDF/A-3 asks no XMP equivalent of it
		}
		s := strings.TrimPrefix(strings.TrimPrefix(fmt.Sprint(v), "u:"), "b:")
		if strings.HasSuffix(key, "Date") {
			s = pdfDateAsXMP(t, s)
		}
		if props[prop] != s {
			t.Errorf("Info %s = %q, XMP %s = %q", key, s, prop, props[prop])
		}
	}
	if len(info) < 8 {
		t.Errorf("Info has %d entries, want all 8 of the test document", len(info))
	}
}

// pdfDateAsXMP converts a PDF date (D:YYYYMMDDHHmmSS with Z or an offset
// HH'mm') to the XMP form (ISO 8601).
func pdfDateAsXMP(t *testing.T, s string) string {
	tm, err := time.Parse("D:20060102150405Z07'00'", strings.Replace(s, "Z", "+00'00'", 1))
	if err != nil {
		t.Fatalf("PDF date %q: %v", s, err)
	}
	return tm.Format(time.RFC3339)
}

// 6.8: the source is an embedded file associated with the document: its
// file specification has /F and /UF, /AFRelationship /Source and is listed
// in the catalog's /AF; the embedded file stream names its MIME type in
// /Subtype and has /Params with /Size and /ModDate; the data are the
// source byte for byte.
func TestPDFA_6_8_EmbeddedFile(t *testing.T) {
	objs := qpdfObjects(t, archived(t))
	af, _ := objs.catalog()["/AF"].([]any)
	if len(af) != 1 {
		t.Fatalf("catalog /AF = %v", objs.catalog()["/AF"])
	}
	spec := objs.dict(af[0])
	if spec["/Type"] != "/Filespec" || spec["/F"] == nil || spec["/UF"] != "u:单位-2024.toml" || spec["/AFRelationship"] != "/Source" {
		t.Errorf("file specification %v", spec)
	}
	ef := objs.dict(spec["/EF"])
	stream := objs.dict(ef["/F"])
	if stream["/Type"] != "/EmbeddedFile" || stream["/Subtype"] != "/application/toml" {
		t.Errorf("embedded file %v, want /Subtype /application/toml", stream)
	}
	params := objs.dict(stream["/Params"])
	if params["/Size"] != float64(len("year = 2024\n")) || params["/ModDate"] != "u:D:20240301000000Z" {
		t.Errorf("/Params = %v", params)
	}
	if got := objs.data(t, ef["/F"]); string(got) != "year = 2024\n" {
		t.Errorf("embedded data = %q", got)
	}
	names := objs.dict(objs.dict(objs.catalog()["/Names"])["/EmbeddedFiles"])["/Names"].([]any)
	if len(names) != 2 || names[1] != af[0] {
		t.Errorf("the name tree's file %v is not the associated file %v", names, af[0])
	}
}

// TestMIMEType: the source's media type follows its extension; an unknown
// one is application/octet-stream, as 6.8 asks.
func TestMIMEType(t *testing.T) {
	for file, want := range map[string]string{"a.toml": "application/toml", "预算.XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"b.csv": "text/csv", "c": "application/octet-stream"} {
		if got := mimeType(file); got != want {
			t.Errorf("mimeType(%q) = %s, want %s", file, got, want)
		}
	}
}

// TestPDFAOnlyWhenAsked: Write's file has none of the PDF/A additions, and
// otherwise the two files draw the same pages.
func TestPDFAOnlyWhenAsked(t *testing.T) {
	d := archiveDoc()
	r, err := layout.Layout(d, layout.NewFontSet(d))
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if err := Write(&plain, r); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"pdfaid", "/OutputIntents", "/F 4"} {
		if bytes.Contains(plain.Bytes(), []byte(s)) {
			t.Errorf("the plain PDF has %s", s)
		}
		if !bytes.Contains(archived(t), []byte(s)) {
			t.Errorf("the PDF/A file lacks %s", s)
		}
	}
}
