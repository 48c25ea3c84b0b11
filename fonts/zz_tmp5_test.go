package fonts

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

func BenchmarkTmpPhase(b *testing.B) {
	f := mustEmbedded(b, SerifRegular)
	rs := tmpRunes(f, 600)
	data, _ := f.Subset(rs)
	b.Run("emptyPDF", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddPage()
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
	b.Run("add", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("test", "", data)
		})
	})
	b.Run("addOutputShort", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("test", "", data)
			pdf.AddPage()
			pdf.SetFont("test", "", 12)
			pdf.Cell(100, 10, string(rs[:10]))
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
	b.Run("addOutputAll", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("test", "", data)
			pdf.AddPage()
			pdf.SetFont("test", "", 12)
			pdf.Cell(100, 10, string(rs))
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
	b.Run("addOutputAllNoCompress", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.SetCompression(false)
			pdf.AddUTF8FontFromBytes("test", "", data)
			pdf.AddPage()
			pdf.SetFont("test", "", 12)
			pdf.Cell(100, 10, string(rs))
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
	b.Logf("subset %d bytes", len(data))
}
