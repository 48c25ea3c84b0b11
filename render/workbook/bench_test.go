package workbook

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// bigFiling is the seed's filing grown to n projects of six indicators,
// with amounts up to 999,999,999,999.99 and long texts.
func bigFiling(t testing.TB, n int) *budget.Filing {
	f, _ := load(t, samples[0])
	seed := f.Projects
	f.Projects = nil
	for i := range n {
		p := seed[i%len(seed)]
		p.Code = fmt.Sprintf("224-%04d-JBN-%04d", i/100, i)
		p.Name = fmt.Sprintf("%s第%d期（含跨年度结转资金的统筹使用和绩效跟踪）", p.Name, i+1)
		amount := int64(99999999999999 - i*7919)
		p.Budget = budget.Decimal{Set: true, Hundredths: amount, Raw: budget.FormatFixed(amount, 2)}
		p.Fiscal = budget.Decimal{Set: true, Hundredths: amount - 12345, Raw: budget.FormatFixed(amount-12345, 2)}
		p.Other = budget.Decimal{Set: true, Hundredths: 12345, Raw: "123.45"}
		p.Goals = append([]string{}, p.Goals...)
		p.Goals = append(p.Goals, "第二条：按季度跟踪支出进度，确保资金使用安全、规范、有效。")
		p.Indicators = append(append([]budget.Indicator{}, p.Indicators...), p.Indicators...)
		f.Projects = append(f.Projects, p)
	}
	return f
}

func BenchmarkWrite1000(b *testing.B) {
	f, p := bigFiling(b, 1000), profile(b, "hebei", 2024)
	for b.Loop() {
		if err := Write(&bytes.Buffer{}, f, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead1000(b *testing.B) {
	data := write(b, bigFiling(b, 1000), profile(b, "hebei", 2024))
	b.ReportMetric(float64(len(data)), "bytes/workbook")
	for b.Loop() {
		if f, notes := Read("big.xlsx", data); f == nil {
			b.Fatal(notes)
		}
	}
}

func TestRoundTripBig(t *testing.T) {
	f, p := bigFiling(t, 200), profile(t, "hebei", 2024)
	if err := sameFiling(f, read(t, "big.xlsx", write(t, f, p))); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkUpdate100 is the editor's save (and live check) of a
// 100-project workbook with one amount changed.
func BenchmarkUpdate100(b *testing.B) {
	data := write(b, bigFiling(b, 100), profile(b, "hebei", 2024))
	book, notes := Open("big.xlsx", data)
	if book == nil {
		b.Fatal(notes)
	}
	v := book.Values()
	v.Arrays["projects"][50].Values["other"] = "999.99"
	for b.Loop() {
		if out, notes := book.Update(v); out == nil {
			b.Fatal(notes)
		}
	}
}

// BenchmarkUpdate100Moved: the same with the last project moved first,
// which moves its row and its indicators' rows.
func BenchmarkUpdate100Moved(b *testing.B) {
	data := write(b, bigFiling(b, 100), profile(b, "hebei", 2024))
	book, _ := Open("big.xlsx", data)
	v := book.Values()
	ps := v.Arrays["projects"]
	v.Arrays["projects"] = append([]*budget.Table{ps[len(ps)-1]}, ps[:len(ps)-1]...)
	for b.Loop() {
		if out, notes := book.Update(v); out == nil {
			b.Fatal(notes)
		}
	}
}
