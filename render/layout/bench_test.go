package layout

import (
	"fmt"
	"testing"
)

func BenchmarkBreakLines(b *testing.B) {
	c := testChain(b, "")
	text := longText(5000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sh, err := shape(text, c)
		if err != nil {
			b.Fatal(err)
		}
		sh.breakLines(27000, 27000)
	}
}

func BenchmarkLayoutLongTable(b *testing.B) {
	d := newDoc(projectTables(1, 500)...)
	for b.Loop() {
		if _, err := Layout(d, fakeFonts{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayoutSample(b *testing.B) {
	for _, n := range []int{2, 100} {
		d := sampleReport(n)
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Layout(d, fakeFonts{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
