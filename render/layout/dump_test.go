package layout

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenDoc is a small report: a TOC, two sections, a table with a merged
// label and borders, page numbers on odd and even pages.
func goldenDoc() *doc.Document {
	d := newDoc(
		&doc.TOC{Title: "目录", TitleStyle: "tocTitle", Lists: []string{"A", "C"}, EntryStyle: "toc"},
		&doc.Heading{Text: "一、总体绩效目标", Style: "h1", TOC: &doc.TOCEntry{List: "A", Level: 1, Text: "总体绩效目标"}, Bookmark: "toc1"},
		&doc.Paragraph{Text: "紧紧围绕全区中心工作，为建设新时代“沿海强区、美丽关城”营造良好的网络舆论氛围。\n营业收入Revenue增长12.5%至1,234万元。", Style: "body"},
		&doc.Heading{Text: "1、测试绩效目标表", Style: "caption", TOC: &doc.TOCEntry{List: "C", Level: 1, Text: "1、测试绩效目标表"}, Bookmark: "tbl1"},
		unitTable("1、测试绩效目标表", 1, true,
			[]cellSpec{{"一级指标", "label", 0, 6, 1}, {"绩效指标描述", "label", 6, 28, 1}},
			[]cellSpec{{"产出指标", "cell", 0, 6, 2}, {"舆情信息监看、收集和应急处置。", "cellL", 6, 28, 1}},
			[]cellSpec{{"", "cellL", 6, 28, 1}}),
	)
	d.Page.Footer = doc.Footer{Format: "— %d —", Style: "pagenum", Distance: 7, OddEven: true, Inset: 5}
	return d
}

func TestDumpGolden(t *testing.T) {
	got := Dump(mustLayout(t, goldenDoc()))
	const path = "testdata/report.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("dump differs from %s at line %d:\n got %s\nwant %s\n(run go test -update to accept)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("dump has %d lines, %s has %d (run go test -update to accept)", len(gl), path, len(wl))
	}
}
