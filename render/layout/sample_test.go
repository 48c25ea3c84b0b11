package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// unit is one 28th of the text width: the report's table grid unit.
const unit = 156.0 / 28

// cellSpec is a cell placed by grid units [from, to) of its table.
type cellSpec struct {
	text, style string
	from, to    int // units
	rows        int // row span; 0 means 1
}

// unitTable builds a table whose columns are the union of its cells' unit
// edges, as the DOCX writer would make them.
func unitTable(name string, header int, borders bool, rows ...[]cellSpec) *doc.Table {
	var edges []int
	for _, row := range rows {
		for _, c := range row {
			edges = append(edges, c.from, c.to)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	t := &doc.Table{Name: name, HeaderRows: header, Borders: borders}
	for i := 1; i < len(edges); i++ {
		t.Columns = append(t.Columns, float64(edges[i]-edges[i-1])*unit)
	}
	for _, row := range rows {
		var r doc.Row
		for _, c := range row {
			from, to := slices.Index(edges, c.from), slices.Index(edges, c.to)
			r.Cells = append(r.Cells, doc.Cell{Col: from, ColSpan: to - from, RowSpan: max(c.rows, 1), Text: c.text, Style: c.style})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

const (
	goalText    = "紧紧围绕全区中心工作，以网上宣传引导、舆情应急处置、网络生态治理、网络安全和信息化、机构队伍建设等方面为重点强化网上宣传攻势，全力壮大主流舆论声音；强化舆情应急处置，高效做好舆情监测管理；强化网络意识形态阵地建设，积极引导正确的舆论导向；为建设新时代“沿海强区、美丽关城和国际文化旅游名城”营造良好的网络舆论氛围。"
	purposeText = "加强网络舆情应急处置和引导管理，指导推动网络文明志愿者队伍建设，维护网络意识形态安全，指导、检查、推动各部门、各单位网络安全和信息化工作。"
	descText    = "通过舆情监看收集全区网络舆情，进行筛选、分析、研判，上报。做好突发事件网络舆情处置工作，正确引导舆论导向。"
)

// projectTables is one project's table: the unit line, the main grid and
// the indicator grid with a repeated header, stacked.
func projectTables(n, indicators int) []doc.Block {
	name := fmt.Sprintf("%d、网络舆情综合管理绩效目标表", n)
	unitLine := unitTable(name, 0, false, []cellSpec{
		{"224002中共山海关区委网络安全和信息化委员会办公室", "unitL", 0, 20, 1},
		{"单位：元", "unitR", 20, 28, 1},
	})
	main := unitTable(name, 0, true,
		[]cellSpec{{"项目编码", "label", 0, 4, 1}, {"224-0501-JBN-BOVO", "cell", 4, 12, 1}, {"项目名称", "label", 12, 16, 1}, {"网络舆情综合管理", "cell", 16, 28, 1}},
		[]cellSpec{{"预算规模及资金用途", "label", 0, 4, 2}, {"预算数", "label", 4, 8, 1}, {"100000.00", "cell", 8, 12, 1}, {"其中：财政资金", "label", 12, 16, 1}, {"100000.00", "cell", 16, 20, 1}, {"其他资金", "label", 20, 24, 1}, {"", "cell", 24, 28, 1}},
		[]cellSpec{{purposeText, "cellL", 4, 28, 1}},
		[]cellSpec{{"资金支出计划（%）", "label", 0, 4, 2}, {"3月底", "label", 4, 10, 1}, {"6月底", "label", 10, 16, 1}, {"10月底", "label", 16, 22, 1}, {"12月底", "label", 22, 28, 1}},
		[]cellSpec{{"25.00", "cell", 4, 10, 1}, {"60.00", "cell", 10, 16, 1}, {"90.00", "cell", 16, 22, 1}, {"100.00", "cell", 22, 28, 1}},
		[]cellSpec{{"绩效目标", "label", 0, 4, 1}, {"1、" + goalText, "cellL", 4, 28, 1}},
	)
	rows := [][]cellSpec{{{"一级指标", "label", 0, 4, 1}, {"二级指标", "label", 4, 8, 1}, {"三级指标", "label", 8, 13, 1}, {"绩效指标描述", "label", 13, 21, 1}, {"指标值", "label", 21, 24, 1}, {"指标值确定依据", "label", 24, 28, 1}}}
	levels := []string{"产出指标", "效果指标", "满意度指标"}
	for i := range indicators {
		var row []cellSpec
		if per := (indicators + 2) / 3; i%per == 0 {
			row = append(row, cellSpec{levels[i/per], "cell", 0, 4, min(per, indicators-i)})
		}
		row = append(row,
			cellSpec{"质量指标", "cell", 4, 8, 1},
			cellSpec{fmt.Sprintf("舆情信息监看%d", i+1), "cellL", 8, 13, 1},
			cellSpec{descText, "cellL", 13, 21, 1},
			cellSpec{"≥95%", "cell", 21, 24, 1},
			cellSpec{"", "cell", 24, 28, 1})
		rows = append(rows, row)
	}
	indicatorsTable := unitTable(name, 1, true, rows...)
	caption := &doc.Heading{Text: name, Style: "caption", TOC: &doc.TOCEntry{List: "C", Level: 1, Text: name}, Bookmark: fmt.Sprintf("tbl%d", n)}
	return []doc.Block{caption, unitLine, main, indicatorsTable}
}

// sampleReport is a report like the seed's, with the given number of
// projects of six indicators each, a TOC and page numbers.
func sampleReport(projects int) *doc.Document {
	d := newDoc(&doc.TOC{Title: "目录", TitleStyle: "tocTitle", Lists: []string{"A", "C"}, EntryStyle: "toc"},
		&doc.Heading{Text: "第一部分\n部门整体绩效目标", Style: "part", Bookmark: "part1"})
	for i, title := range []string{"总体绩效目标", "分项绩效目标", "工作保障措施"} {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Text: "一二三"[i*3:i*3+3] + "、" + title, Style: "h1", TOC: &doc.TOCEntry{List: "A", Level: 1, Text: title}, Bookmark: fmt.Sprintf("toc%d", i+1)},
			&doc.Paragraph{Text: goalText, Style: "body"})
	}
	d.Blocks = append(d.Blocks, &doc.Heading{Text: "第二部分\n预算项目绩效目标", Style: "part", Bookmark: "part2"})
	for n := 1; n <= projects; n++ {
		d.Blocks = append(d.Blocks, projectTables(n, 6)...)
	}
	d.Page.Footer = doc.Footer{Format: "— %d —", Style: "pagenum", Distance: 7, OddEven: true, Inset: 14 * ptMM}
	d.Page.Width, d.Page.Height = 210, 297
	d.Page.MarginTop, d.Page.MarginBottom, d.Page.MarginLeft, d.Page.MarginRight = 37, 35, 28, 26
	return d
}

// longText is n characters of report-like text.
func longText(n int) string {
	r := []rune(strings.Repeat(goalText, n/len([]rune(goalText))+1))
	return string(r[:n])
}
