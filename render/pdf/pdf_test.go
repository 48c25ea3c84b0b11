package pdf

import (
	"bytes"
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

// TestWrite draws a small document twice: the bytes are equal, the fonts are
// subset to the characters drawn, and the metadata is in place.
func TestWrite(t *testing.T) {
	d := &doc.Document{
		Meta:   doc.Meta{Title: "标题", Author: "单位", Language: "zh-CN", Created: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Template: "t@1"},
		Page:   doc.Page{Width: 210, Height: 297, MarginTop: 37, MarginBottom: 35, MarginLeft: 28, MarginRight: 26, Footer: doc.Footer{Format: "— %d —", Style: "body", Distance: 7}},
		Fonts:  map[string]doc.Font{"song": {PDF: fonts.SerifRegular}},
		Styles: map[string]doc.Style{"body": {Font: "song", Size: 16}},
		Blocks: []doc.Block{&doc.Paragraph{Text: "绩效目标≥95%", Style: "body"}},
	}
	var outs [2]bytes.Buffer
	for i := range outs {
		fs := NewFontSet(d)
		r, err := layout.Layout(d, fs)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(&outs[i], d, r, fs); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0].Bytes(), outs[1].Bytes()) {
		t.Error("two writes differ")
	}
	pdf := outs[0].String()
	for _, want := range []string{"/Lang (zh-CN)", "/CreationDate (D:20240301", "+NotoSerifSC-Regular /Encoding /Identity-H", "/ToUnicode"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if n := outs[0].Len(); n > 60000 {
		t.Errorf("PDF is %d bytes: the font was not subset to the characters drawn", n)
	}
}
