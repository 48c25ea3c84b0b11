package fonts

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

func BenchmarkTmpParse(b *testing.B) {
	for _, name := range EmbeddedNames() {
		b.Run(name, func(b *testing.B) {
			data := embedded[name].data
			for b.Loop() {
				if _, err := Parse(name, data, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTmpFpdfFull(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	var text []rune
	for r := rune(0x4E00); len(text) < 600; r++ {
		if f.Has(r) {
			text = append(text, r)
		}
	}
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("test", "", f.Data())
		pdf.AddPage()
		pdf.SetFont("test", "", 12)
		pdf.Cell(100, 10, string(text))
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
