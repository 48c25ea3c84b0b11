package fonts

import (
	"bytes"
	"os"
	"testing"

	"github.com/go-pdf/fpdf"
)

func tmpRunes(f *Face, n int) []rune {
	var text []rune
	for _, r := range "2024年部门预算：一般公共预算支出≥95%①（5.3%），“项目”。ABCxyz" {
		text = append(text, r)
	}
	for r := rune(0x4E00); len(text) < n; r += 7 {
		if f.Has(r) {
			text = append(text, r)
		}
	}
	return text
}

func BenchmarkTmpSubsetOnly(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	rs := tmpRunes(f, 600)
	for b.Loop() {
		if _, err := f.Subset(rs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTmpSubsetFpdf(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	rs := tmpRunes(f, 600)
	for b.Loop() {
		data, err := f.Subset(rs)
		if err != nil {
			b.Fatal(err)
		}
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("test", "", data)
		pdf.AddPage()
		pdf.SetFont("test", "", 12)
		pdf.Cell(100, 10, string(rs))
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTmpRender(t *testing.T) {
	text := "2024年部门预算：一般公共预算支出≥95%①（5.3%），“项目”。ABCxyz gjq 0123456789 ¨´−∕ Ünïcödé"
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		var rs []rune
		for _, r := range text {
			if f.Has(r) {
				rs = append(rs, r)
			}
		}
		sub, err := f.Subset(rs)
		if err != nil {
			t.Fatal(err)
		}
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("full", "", f.Data())
		pdf.AddUTF8FontFromBytes("sub", "", sub)
		pdf.AddPage()
		half := len(rs) / 2
		for i, part := range []string{string(rs[:half]), string(rs[half:])} {
			pdf.SetFont("full", "", 16)
			pdf.Text(10, float64(20+30*i), part)
			pdf.SetFont("sub", "", 16)
			pdf.Text(10, float64(32+30*i), part)
		}
		if err := pdf.OutputFileAndClose("/tmp/render-" + name + ".pdf"); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/sub-"+name+".ttf", sub, 0o644)
		t.Logf("%s: subset %d runes → %d bytes", name, len(rs), len(sub))
	}
}
