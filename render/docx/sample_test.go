package docx

import (
	"fmt"
	"strings"
	"time"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// The documents below are built by hand the way the report template builds
// them: the seed report (three sections, two project forms) and a long
// indicator table.

const unitMM = 156.0 / 28 // the seed's grid unit: 28 units fill the text width

func units(us ...float64) []float64 {
	mm := make([]float64, len(us))
	for i, u := range us {
		mm[i] = u * unitMM
	}
	return mm
}

func sampleFonts() map[string]doc.Font {
	return map[string]doc.Font{
		"song": {EastAsia: "宋体", Latin: "Times New Roman"},
		"fang": {EastAsia: "仿宋_GB2312", Latin: "Times New Roman"},
		"hei":  {EastAsia: "黑体", Latin: "Times New Roman"},
		"kai":  {EastAsia: "楷体_GB2312", Latin: "Times New Roman"},
		"xbs":  {EastAsia: "方正小标宋简体", Latin: "Times New Roman"},
	}
}

func sampleStyles() map[string]doc.Style {
	const pitch = 28.95
	cell := func(name string, bold bool, align doc.Align) doc.Style {
		return doc.Style{Name: name, Font: "song", Size: 10.5, Bold: bold, Align: align, LineHeight: 14, Padding: 1}
	}
	return map[string]doc.Style{
		"part-label": {Name: "part-label", Font: "xbs", Size: 22, Align: doc.AlignCenter, LineHeight: 36, SpaceAfter: 6, KeepWithNext: true, PageBreak: true},
		"part-title": {Name: "part-title", Font: "xbs", Size: 22, Align: doc.AlignCenter, LineHeight: 36, SpaceAfter: 18, KeepWithNext: true},
		"h1":         {Name: "h1", Font: "hei", Size: 16, LineHeight: pitch, FirstIndent: 2, KeepWithNext: true, OutlineLevel: 1},
		"subtitle":   {Name: "subtitle", Font: "kai", Size: 16, LineHeight: pitch, FirstIndent: 2, KeepWithNext: true},
		"body":       {Name: "body", Font: "fang", Size: 16, LineHeight: pitch, FirstIndent: 2, Align: doc.AlignJustify},
		"caption":    {Name: "caption", Font: "hei", Size: 14, Align: doc.AlignCenter, LineHeight: 24, SpaceBefore: 12, SpaceAfter: 6, KeepWithNext: true, OutlineLevel: 2},
		"unit-left":  {Name: "unit-left", Font: "song", Size: 10.5, LineHeight: 16, KeepWithNext: true},
		"unit-right": {Name: "unit-right", Font: "song", Size: 10.5, LineHeight: 16, Align: doc.AlignRight, KeepWithNext: true},
		"cell-label": cell("cell-label", true, doc.AlignCenter),
		"cell-data":  cell("cell-data", false, doc.AlignCenter),
		"cell-text":  cell("cell-text", false, doc.AlignJustify),
		"footer":     {Name: "footer", Font: "song", Size: 14},
		"toc-title":  {Name: "toc-title", Font: "hei", Size: 22, Align: doc.AlignCenter, LineHeight: 36, SpaceAfter: 18},
		"toc-entry":  {Name: "toc-entry", Font: "fang", Size: 16, LineHeight: pitch},
	}
}

func samplePage() doc.Page {
	return doc.Page{
		Width: 210, Height: 297,
		MarginTop: 37, MarginBottom: 35, MarginLeft: 28, MarginRight: 26,
		Footer: doc.Footer{Format: "— %d —", Style: "footer", Distance: 7, OddEven: true, Inset: 14 * 25.4 / 72},
	}
}

func sampleMeta() doc.Meta {
	return doc.Meta{
		Title:    "中共山海关区委网络安全和信息化委员会办公室2024年度部门整体绩效目标",
		Author:   "中共山海关区委网络安全和信息化委员会办公室",
		Subject:  "部门整体绩效目标 预算项目绩效目标",
		Keywords: "绩效目标, 预算",
		Language: "zh-CN",
		Created:  time.Date(2024, 3, 1, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)),
		Template: "hebei 1",
	}
}

type indicator struct{ level1, level2, name, description, value string }

type project struct {
	code, name, budget, fiscal, purpose, goal string
	indicators                                []indicator
}

var sampleProjects = []project{{
	code: "224-0501-JBN-BOVO", name: "网络舆情综合管理", budget: "100000.00", fiscal: "100000.00",
	purpose: "加强网络舆情应急处置和引导管理，指导推动网络文明志愿者队伍建设，维护网络意识形态安全，指导、检查、推动各部门、各单位网络安全和信息化工作。",
	goal:    "1、弘扬主旋律，汇聚正能量，营造良好的网络舆论氛围，发展健康向上的网络文化，利用新媒体项目做大做强正面宣传，占领网络意识形态阵地。",
	indicators: []indicator{
		{"产出指标", "质量指标", "舆情信息监看、收集和应急处置。", "通过舆情监看收集全区网络舆情，进行筛选、分析、研判，上报。做好突发事件网络舆情处置工作，正确引导舆论导向。", "≥95%"},
		{"产出指标", "数量指标", "舆情信息上报数量", "全年上报舆情信息不少于120条。", "≥120条"},
		{"效果指标", "社会效益指标", "网络安全管理", "做好网络安全宣传周和网络安全联合检查工作，加强网络信息安全防护。", "≥95%"},
		{"满意度指标", "服务对象满意度指标", "广大群众满意度", "做好网络安全宣传周和网络安全联合检查工作，加强网络信息安全防护。", "≥90%"},
	},
}, {
	code: "224-0401-JBN-8GYM", name: "网络阵地建设和内容管理", budget: "50000.00", fiscal: "50000.00",
	purpose: "运维微信、今日头条、澎湃、抖音等新媒体平台官方公众号；制作原创网络作品展示全区工作，完成上级主题宣传工作；开展网络公益、网络文化节、网络群众路线",
	goal:    "1、开展全区网络转载新闻稿源的管理，指导有关部门开展网上宣传。推动移动互联网发展工作，增强互联网新媒体项目的传播力、引导力、公信力。",
	indicators: []indicator{
		{"产出指标", "质量指标", "开展网络主题活动", "组织开展网络宣传活动，发展健康向上的网络文化。", "≥95%"},
		{"效果指标", "可持续影响指标", "公众号运维更新", "凝聚积极向上的正能量，守住网络意识形态阵地。", "≥95%"},
		{"效果指标", "社会效益指标", "网络文明建设", "推进网上精神文明建设。", "≥90%"},
		{"满意度指标", "服务对象满意度指标", "增强互联网宣传的影响力、公信力", "组织开展网络宣传活动，发展健康向上的网络文化。", "≥90%"},
	},
}}

var sampleSections = [...]struct{ numbered, title, subtitle, text string }{
	{"一、总体绩效目标", "总体绩效目标", "网信办年度发展规划目标", "紧紧围绕全区中心工作，以网上宣传引导、舆情应急处置、网络生态治理、网络安全和信息化、机构队伍建设等方面为重点强化网上宣传攻势，全力壮大主流舆论声音；强化舆情应急处置，高效做好舆情监测管理；强化网络意识形态阵地建设，积极引导正确的舆论导向；强化网络安全建设，持续净化网络生态；强化全区网信队伍建设，造舆论、树正气、鼓干劲、塑形象，为建设新时代“沿海强区、美丽关城和国际文化旅游名城”营造良好的网络舆论氛围。"},
	{"二、分项绩效目标", "分项绩效目标", "网信办主要职责分类绩效目标情况说明", "本年度山海关区委网信办主要职责是加强网络舆情引导管理；宏观指导协调互联网宣传和信息内容管理。统筹协调处理网络安全和信息化重大突发事件与有关应急工作。绩效标准：充分保障95%以上的为优；较好保障90%-95%的为良；基本保障85%-90%的为中；不能保障85%以下的为差。"},
	{"三、工作保障措施", "工作保障措施", "网信办实现本年度发展规划目标的保障措施", "加强网络舆情综合管理,围绕社会热点敏感问题、突发事件，正确引导网络舆论，组织开展舆情信息收集、分析、研判、处置。对“网信山海关”微信、今日头条、抖音等平台公众号开展运维工作。以开展“网络中国节”、国家安全教育日普法宣传等活动为契机，凝聚积极向上正能量，推进网上精神文明建设，营造良好的网络舆论环境。"},
}

// samplePageOf is the page numbers the PDF layout would give the sample.
var samplePageOf = map[string]int{"sec1": 1, "sec2": 1, "sec3": 2, "tbl1": 3, "tbl2": 4}

// sampleDocument is the seed report: a TOC, part one with three sections,
// part two with two project forms.
func sampleDocument() *doc.Document {
	d := &doc.Document{Meta: sampleMeta(), Page: samplePage(), Fonts: sampleFonts(), Styles: sampleStyles()}
	add := func(b ...doc.Block) { d.Blocks = append(d.Blocks, b...) }
	add(&doc.TOC{Title: "目  录", TitleStyle: "toc-title", Lists: []string{"A", "C"}, EntryStyle: "toc-entry"})
	add(&doc.Heading{Text: "第一部分", Style: "part-label"}, &doc.Heading{Text: "部门整体绩效目标", Style: "part-title"})
	for i, s := range sampleSections {
		add(&doc.Heading{Text: s.numbered, Style: "h1", Bookmark: fmt.Sprintf("sec%d", i+1),
			TOC: &doc.TOCEntry{List: "A", Level: 1, Text: s.title}, Pos: doc.Pos{File: "wxb.toml", Line: 20 + i, Col: 1}},
			&doc.Paragraph{Text: s.subtitle, Style: "subtitle"},
			&doc.Paragraph{Text: s.text, Style: "body", Pos: doc.Pos{File: "wxb.toml", Line: 22 + i, Col: 1}})
	}
	add(doc.PageBreak{})
	add(&doc.Heading{Text: "第二部分", Style: "part-label"}, &doc.Heading{Text: "预算项目绩效目标", Style: "part-title"})
	for i, p := range sampleProjects {
		caption := fmt.Sprintf("%d、%s绩效目标表", i+1, p.name)
		add(&doc.Heading{Text: caption, Style: "caption", Bookmark: fmt.Sprintf("tbl%d", i+1),
			TOC: &doc.TOCEntry{List: "C", Level: 1, Text: caption}})
		add(projectTables(p)...)
	}
	return d
}

// projectTables is one project form: the borderless unit line, the main
// grid and the indicator table.
func projectTables(p project) []doc.Block {
	unit := &doc.Table{Name: "unit line", Columns: units(20, 8), Rows: []doc.Row{{Cells: []doc.Cell{
		{Col: 0, ColSpan: 1, RowSpan: 1, Text: "224002中共山海关区委网络安全和信息化委员会办公室", Style: "unit-left"},
		{Col: 1, ColSpan: 1, RowSpan: 1, Text: "单位：元", Style: "unit-right"},
	}}}}

	c := func(col, colSpan, rowSpan int, text, style string) doc.Cell {
		return doc.Cell{Col: col, ColSpan: colSpan, RowSpan: rowSpan, Text: text, Style: style}
	}
	const l, d, t = "cell-label", "cell-data", "cell-text"
	main := &doc.Table{Name: p.name + "绩效目标表", Columns: units(4, 4, 2, 2, 1, 3, 4, 1, 1, 2, 4), Borders: true, Rows: []doc.Row{
		{Cells: []doc.Cell{c(0, 1, 1, "项目编码", l), c(1, 3, 1, p.code, d), c(4, 2, 1, "项目名称", l), c(6, 5, 1, p.name, d)}},
		{Cells: []doc.Cell{c(0, 1, 2, "预算规模及资金用途", l), c(1, 1, 1, "预算数", l), c(2, 2, 1, p.budget, d),
			c(4, 2, 1, "其中：财政资金", l), c(6, 1, 1, p.fiscal, d), c(7, 3, 1, "其他资金", l), c(10, 1, 1, "", d)}},
		{Cells: []doc.Cell{c(1, 10, 1, p.purpose, t)}},
		{Cells: []doc.Cell{c(0, 1, 2, "资金支出计划（%）", l), c(1, 2, 1, "3月底", l), c(3, 3, 1, "6月底", l), c(6, 3, 1, "10月底", l), c(9, 2, 1, "12月底", l)}},
		{Cells: []doc.Cell{c(1, 2, 1, "25.00", d), c(3, 3, 1, "60.00", d), c(6, 3, 1, "90.00", d), c(9, 2, 1, "100.00", d)}},
		{Cells: []doc.Cell{c(0, 1, 1, "绩效目标", l), c(1, 10, 1, p.goal, t)}, CantSplit: true},
	}}
	return []doc.Block{unit, main, indicatorTable(p.name, p.indicators)}
}

// indicatorTable is the indicator block with its header row, merging equal
// consecutive 一级 and 二级 cells.
func indicatorTable(name string, rows []indicator) *doc.Table {
	t := &doc.Table{Name: name + "绩效指标", Columns: units(4, 4, 5, 8, 3, 4), Borders: true, HeaderRows: 1}
	header := doc.Row{CantSplit: true}
	for i, h := range []string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"} {
		header.Cells = append(header.Cells, doc.Cell{Col: i, ColSpan: 1, RowSpan: 1, Text: h, Style: "cell-label"})
	}
	t.Rows = append(t.Rows, header)
	span := func(i int, key func(indicator) string) int {
		if i > 0 && key(rows[i-1]) == key(rows[i]) {
			return 0
		}
		n := 1
		for i+n < len(rows) && key(rows[i+n]) == key(rows[i]) {
			n++
		}
		return n
	}
	level1 := func(r indicator) string { return r.level1 }
	level2 := func(r indicator) string { return r.level1 + "/" + r.level2 }
	for i, r := range rows {
		row := doc.Row{CantSplit: true}
		if n := span(i, level1); n > 0 {
			row.Cells = append(row.Cells, doc.Cell{Col: 0, ColSpan: 1, RowSpan: n, Text: r.level1, Style: "cell-label"})
		}
		if n := span(i, level2); n > 0 {
			row.Cells = append(row.Cells, doc.Cell{Col: 1, ColSpan: 1, RowSpan: n, Text: r.level2, Style: "cell-label"})
		}
		for col, text := range []string{r.name, r.description, r.value, ""} {
			style := "cell-text"
			if col == 2 {
				style = "cell-data"
			}
			row.Cells = append(row.Cells, doc.Cell{Col: col + 2, ColSpan: 1, RowSpan: 1, Text: text, Style: style})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// longDocument is one project form whose indicator table has 60 rows: 一级
// cells span 20 rows and 二级 cells 5, so merges cross page breaks and the
// header repeats on every page.
func longDocument() *doc.Document {
	d := &doc.Document{Meta: sampleMeta(), Page: samplePage(), Fonts: sampleFonts(), Styles: sampleStyles()}
	var rows []indicator
	for i := range 60 {
		rows = append(rows, indicator{
			level1:      []string{"产出指标", "效果指标", "满意度指标"}[i/20],
			level2:      fmt.Sprintf("二级指标%d", i/5+1),
			name:        fmt.Sprintf("三级指标%02d", i+1),
			description: fmt.Sprintf("指标描述%02d：", i+1) + strings.Repeat("组织开展网络宣传活动，", 1+i%4),
			value:       fmt.Sprintf("≥%d%%", 80+i%20),
		})
	}
	p := sampleProjects[0]
	p.indicators = rows
	d.Blocks = append(d.Blocks, &doc.Heading{Text: "1、网络舆情综合管理绩效目标表", Style: "caption"})
	d.Blocks = append(d.Blocks, projectTables(p)...)
	return d
}
