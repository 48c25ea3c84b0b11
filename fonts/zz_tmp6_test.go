package fonts

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

func BenchmarkTmpFixed(b *testing.B) {
	data := minimalFont(nil)
	b.Run("add", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("test", "", data)
		})
	})
	b.Run("addOutput", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("test", "", data)
			pdf.AddPage()
			pdf.SetFont("test", "", 12)
			pdf.Cell(100, 10, "AAA")
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
	b.Run("add4Output", func(b *testing.B) {
		cpuLoop(b, func() {
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddPage()
			for _, n := range []string{"a", "b", "c", "d"} {
				pdf.AddUTF8FontFromBytes(n, "", data)
				pdf.SetFont(n, "", 12)
				pdf.Cell(100, 10, "AAA")
			}
			var buf bytes.Buffer
			pdf.Output(&buf)
		})
	})
}
