package check

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// base returns the sample filing and the Hebei profile, fresh for each
// mutation.
func base(t *testing.T) (*budget.Filing, *Profile) {
	t.Helper()
	f, notes := budget.Parse("sample.toml", []byte(sampleText(t)))
	if f == nil {
		t.Fatal(notes)
	}
	return f, HebeiProfile()
}

// dec decodes s as the loader decodes an amount written as a string.
func dec(s string) budget.Decimal {
	var d budget.Decimal
	_ = d.UnmarshalTOML(s) // never fails
	return d
}

func plan(values ...string) []budget.Decimal {
	var out []budget.Decimal
	for _, v := range values {
		out = append(out, dec(v))
	}
	return out
}

type mutation func(f *budget.Filing, p *Profile)

// fixSample removes what the sample itself is warned about (T4, I11, I14),
// for the passing cases of those rules.
func fixSample(f *budget.Filing, _ *Profile) {
	f.Overall[2].Text = strings.ReplaceAll(f.Overall[2].Text, "管理,围绕", "管理，围绕")
	for i := range f.Projects {
		for j := range f.Projects[i].Indicators {
			in := &f.Projects[i].Indicators[j]
			in.Basis = "计划标准"
			in.Name = strings.TrimSuffix(in.Name, "。")
		}
	}
}

// pr returns project i (0-based) and in returns indicator j of project i.
func pr(f *budget.Filing, i int) *budget.Project      { return &f.Projects[i] }
func in(f *budget.Filing, i, j int) *budget.Indicator { return &f.Projects[i].Indicators[j] }

// indicatorRows gives project i n copies of its first indicator, each
// named differently.
func indicatorRows(f *budget.Filing, i, n int) {
	rows := f.Projects[i].Indicators
	for k := len(rows); k < n; k++ {
		row := rows[0]
		row.Name = fmt.Sprintf("指标%d", k)
		rows = append(rows, row)
	}
	f.Projects[i].Indicators = rows
}

var ruleCases = []struct {
	code string
	sev  diag.Severity
	name string
	fail mutation
	pass mutation // nil: the sample as it is
}{
	{"M1", diag.Error, "sum off by a cent", func(f *budget.Filing, _ *Profile) { pr(f, 0).Budget = dec("100000.01") }, nil},
	{"M1", diag.Error, "other funds counted", func(f *budget.Filing, _ *Profile) { pr(f, 0).Other = dec("1") },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).Other, pr(f, 0).Fiscal = dec("0.01"), dec("99999.99") }},
	{"M2", diag.Error, "negative fiscal", func(f *budget.Filing, _ *Profile) { pr(f, 1).Fiscal = dec("-50000") }, nil},
	{"M3", diag.Error, "three decimals", func(f *budget.Filing, _ *Profile) { pr(f, 0).Budget = dec("100000.001") }, nil},
	{"M3", diag.Error, "thousands separator", func(f *budget.Filing, _ *Profile) { pr(f, 0).Budget = dec("100,000.00") }, nil},
	{"M4", diag.Warning, "zero budget", func(f *budget.Filing, _ *Profile) {
		pr(f, 0).Budget, pr(f, 0).Fiscal = dec("0"), dec("0")
	}, nil},
	{"M5", diag.Warning, "no fiscal funds", func(f *budget.Filing, _ *Profile) {
		pr(f, 0).Fiscal, pr(f, 0).Other = dec("0"), dec("100000")
	}, nil},
	{"M6", diag.Error, "out of range", func(f *budget.Filing, _ *Profile) { pr(f, 0).Budget = dec("1000000000000") }, nil},
	{"M7", diag.Warning, "unknown unit", func(f *budget.Filing, _ *Profile) { f.Department.MoneyUnit = "圆" },
		func(f *budget.Filing, _ *Profile) { f.Department.MoneyUnit = "万元" }},
	{"M7", diag.Warning, "no unit", func(f *budget.Filing, _ *Profile) { f.Department.MoneyUnit = "" }, nil},
	// budget = 42 on a form in 元 (meant 42 万元) passed silently.
	{"M9", diag.Warning, "42 元 among projects in the 万s", func(f *budget.Filing, _ *Profile) {
		pr(f, 1).Budget, pr(f, 1).Fiscal = dec("42"), dec("42")
	}, func(f *budget.Filing, _ *Profile) {
		pr(f, 1).Budget, pr(f, 1).Fiscal = dec("420000.00"), dec("420000.00")
	}},
	{"M9", diag.Warning, "any budget under 100 元", func(f *budget.Filing, _ *Profile) {
		f.Projects = f.Projects[:1]
		pr(f, 0).Budget, pr(f, 0).Fiscal = dec("99.99"), dec("99.99")
	}, func(f *budget.Filing, _ *Profile) {
		f.Projects = f.Projects[:1]
		pr(f, 0).Budget, pr(f, 0).Fiscal = dec("500"), dec("500") // small, but no project to compare it with
	}},
	{"M9", diag.Warning, "0.05 万元 among projects in the 万s", func(f *budget.Filing, _ *Profile) {
		f.Department.MoneyUnit = "万元"
		pr(f, 1).Budget, pr(f, 1).Fiscal = dec("0.05"), dec("0.05")
	}, func(f *budget.Filing, _ *Profile) { f.Department.MoneyUnit = "万元" }},
	{"M7", diag.Error, "unknown unit on a form that converts", func(f *budget.Filing, p *Profile) {
		f.Department.MoneyUnit, p.MoneyUnit = "千元", "万元"
	}, func(f *budget.Filing, p *Profile) { p.MoneyUnit = "万元" }},
	{"M7", diag.Error, "no unit on a form that converts", func(f *budget.Filing, p *Profile) {
		f.Department.MoneyUnit, p.MoneyUnit = "", "万元"
	}, nil},
	{"M8", diag.Error, "budget missing", func(f *budget.Filing, _ *Profile) { pr(f, 0).Budget = budget.Decimal{} }, nil},

	{"P1", diag.Error, "three values", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25", "60", "100") }, nil},
	{"P1", diag.Error, "no plan", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = nil }, nil},
	{"P2", diag.Error, "over 100", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25", "60", "90", "100.01") }, nil},
	{"P2", diag.Error, "negative", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("-1", "60", "90", "100") }, nil},
	{"P2", diag.Error, "percent sign", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25%", "60", "90", "100") }, nil},
	{"P3", diag.Error, "decreasing", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25", "60", "50", "100") },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25", "60", "60", "100") }},
	{"P4", diag.Warning, "not ending at 100", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25", "60", "90", "95") }, nil},
	{"P5", diag.Error, "three decimals", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("25.125", "60", "90", "100") }, nil},
	{"P6", diag.Warning, "bunched at year end", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("0", "0", "0", "100") },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("0", "0", "10", "100") }},
	// [0.15, 0.45, 0.75, 1]: fractions, not per cent; the only finding was
	// P4, whose hint did not fit.
	{"P7", diag.Warning, "fractions", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("0.15", "0.45", "0.75", "1") },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("15", "45", "75", "100") }},
	{"P6", diag.Warning, "all 0", func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("0", "0", "0", "0") }, nil},
	{"F7", diag.Warning, "plan on a form without one", func(_ *budget.Filing, p *Profile) { p.Checkpoints = nil },
		func(f *budget.Filing, p *Profile) {
			p.Checkpoints = nil
			for i := range f.Projects {
				f.Projects[i].SpendingPlan = nil
			}
		}},
	{"F7", diag.Warning, "part one on a form without one", func(_ *budget.Filing, p *Profile) { p.Sections = nil },
		func(f *budget.Filing, p *Profile) { p.Sections, f.Overall = nil, nil }},

	{"I1", diag.Error, "no indicators", func(f *budget.Filing, _ *Profile) { pr(f, 0).Indicators = nil }, nil},
	{"I2", diag.Error, "national 效益指标 on the Hebei form", func(f *budget.Filing, _ *Profile) { in(f, 0, 1).Level1 = "效益指标" }, nil},
	{"I2", diag.Error, "misspelt 二级", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Level2 = "质量指示" },
		func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Level2 = "数量指标" }},
	{"I2", diag.Error, "二级 under the wrong 一级", func(f *budget.Filing, _ *Profile) { in(f, 0, 2).Level2 = "质量指标" }, nil},
	{"I2", diag.Error, "empty 一级", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Level1 = " " }, nil},
	{"I3", diag.Error, "no 效果指标", func(f *budget.Filing, _ *Profile) {
		in(f, 0, 1).Level1, in(f, 0, 1).Level2 = "产出指标", "数量指标"
	}, nil},
	{"I4", diag.Warning, "no satisfaction", func(f *budget.Filing, _ *Profile) {
		pr(f, 0).Indicators = pr(f, 0).Indicators[:2]
	}, nil},
	{"I5", diag.Warning, "no recommended cost category", func(_ *budget.Filing, p *Profile) {
		p.Categories = append(p.Categories, Category{Name: "成本指标", Subs: []string{"经济成本指标"}})
		p.Recommended = append(p.Recommended, "成本指标")
	}, nil},
	{"I6", diag.Error, "empty name", func(f *budget.Filing, _ *Profile) { in(f, 1, 0).Name = "" }, nil},
	{"I6", diag.Error, "empty value", func(f *budget.Filing, _ *Profile) { in(f, 1, 0).Value = " " }, nil},
	// A bare number on a rate: the hint's spelling passes.
	{"I7", diag.Warning, "bare number on a rate", func(f *budget.Filing, _ *Profile) {
		in(f, 0, 0).Name, in(f, 0, 0).Value = "处置率", "95"
	}, func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Name, in(f, 0, 0).Value = "处置率", "≥95%" }},
	{"I7", diag.Error, "comparator only", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥%" }, nil},
	{"I7", diag.Error, "junk", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "95%abc!" },
		func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≧95%" }},
	{"I7", diag.Error, "negative", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥-5%" }, nil},
	{"I7", diag.Warning, "no comparator", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "95%" },
		func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≤1元/人·月" }},
	{"I7", diag.Warning, "ASCII comparator", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = ">=95%" }, nil},
	{"I7", diag.Warning, "full-width percent", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥95％" }, nil},
	{"I7", diag.Warning, "range", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "90%-95%" }, nil},
	{"I7", diag.Warning, "over 100% outside satisfaction", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥120%" }, nil},
	{"I7", diag.Warning, "unusual unit", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥2坨" },
		func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥20万人次" }},
	{"I7", diag.Warning, "qualitative rate", func(f *budget.Filing, _ *Profile) {
		in(f, 0, 0).Name, in(f, 0, 0).Value = "处置率", "良好"
	}, func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "有效提升" }},
	{"I7", diag.Warning, "free form", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "2024年1月-12月" }, nil},
	{"I8", diag.Error, "satisfaction over 100%", func(f *budget.Filing, _ *Profile) { in(f, 0, 2).Value = "≥120%" },
		func(f *budget.Filing, _ *Profile) { in(f, 0, 2).Value = "100%" }},
	{"I8", diag.Warning, "satisfaction below 80%", func(f *budget.Filing, _ *Profile) { in(f, 0, 2).Value = "≥60%" }, nil},
	{"I9", diag.Warning, "duplicate indicator", func(f *budget.Filing, _ *Profile) { in(f, 0, 1).Name = in(f, 0, 0).Name }, nil},
	{"I10", diag.Warning, "no description", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Description = "" }, nil},
	{"I11", diag.Warning, "basis names no standard", func(f *budget.Filing, p *Profile) {
		fixSample(f, p)
		in(f, 0, 0).Basis = "领导要求"
	}, fixSample},
	{"I12", diag.Warning, "31 indicators", func(f *budget.Filing, _ *Profile) { indicatorRows(f, 0, 31) },
		func(f *budget.Filing, _ *Profile) { indicatorRows(f, 0, 30) }},
	{"I14", diag.Warning, "name ends with 。", func(f *budget.Filing, _ *Profile) {}, fixSample},

	{"C1", diag.Error, "duplicate codes", func(f *budget.Filing, _ *Profile) { pr(f, 1).Code = pr(f, 0).Code }, nil},
	{"C1", diag.Error, "no code", func(f *budget.Filing, _ *Profile) { pr(f, 1).Code = "" }, nil},
	{"C2", diag.Warning, "duplicate names", func(f *budget.Filing, _ *Profile) { pr(f, 1).Name = pr(f, 0).Name }, nil},
	{"C3", diag.Warning, "unusual code", func(f *budget.Filing, _ *Profile) { pr(f, 1).Code = "224-0401-jbn-8gym" }, nil},
	{"C4", diag.Warning, "five-digit unit code", func(f *budget.Filing, _ *Profile) { f.Department.Code = "22400" }, nil},
	{"C5", diag.Warning, "prefix differs", func(f *budget.Filing, _ *Profile) { pr(f, 1).Code = "225-0401-JBN-8GYM" }, nil},
	{"C6", diag.Error, "no department name", func(f *budget.Filing, _ *Profile) { f.Department.Name = "" }, nil},
	{"C6", diag.Error, "blank project name", func(f *budget.Filing, _ *Profile) { pr(f, 0).Name = "\u3000" }, nil},
	{"C7", diag.Error, "form needs 项目属性", func(_ *budget.Filing, p *Profile) { p.Needs = []string{"projects.kind"} },
		func(f *budget.Filing, p *Profile) {
			p.Needs = []string{"projects.kind"}
			pr(f, 0).Kind, pr(f, 1).Kind = "延续项目", "新增项目"
		}},
	{"C7", diag.Error, "template needs a field filings lack", func(_ *budget.Filing, p *Profile) { p.Needs = []string{"projects.colour"} }, nil},

	{"F1", diag.Error, "no projects", func(f *budget.Filing, _ *Profile) { f.Projects = nil }, nil},
	{"F3", diag.Error, "five-digit year", func(f *budget.Filing, _ *Profile) { f.Year = 20245 }, nil},
	{"F12", diag.Error, "too many projects", func(f *budget.Filing, _ *Profile) {
		f.Projects = slices.Repeat(f.Projects[:1], MaxProjects+1)
	}, func(f *budget.Filing, _ *Profile) { f.Projects = slices.Repeat(f.Projects[:1], MaxProjects) }},
	// year = 2207 passed silently.
	{"F3", diag.Error, "year after 2100", func(f *budget.Filing, _ *Profile) { f.Year = 2207 },
		func(f *budget.Filing, _ *Profile) { f.Year = 2100 }},
	{"F3", diag.Error, "year before 2000", func(f *budget.Filing, _ *Profile) { f.Year = 1999 },
		func(f *budget.Filing, _ *Profile) { f.Year = 2000 }},
	{"F9", diag.Error, "no such date", func(f *budget.Filing, _ *Profile) { f.Date = "2024-13-01" },
		func(f *budget.Filing, _ *Profile) { f.Date = "2024-03-01" }},

	{"T1", diag.Error, "missing section", func(f *budget.Filing, _ *Profile) { f.Overall = f.Overall[:2] }, nil},
	{"T1", diag.Error, "sections out of order", func(f *budget.Filing, _ *Profile) {
		f.Overall[0], f.Overall[1] = f.Overall[1], f.Overall[0]
	}, nil},
	{"T1", diag.Error, "misspelt section", func(f *budget.Filing, _ *Profile) { f.Overall[1].Title = "分项绩效目的" }, nil},
	{"T1", diag.Error, "empty section", func(f *budget.Filing, _ *Profile) { f.Overall[1].Text = "\n" }, nil},
	{"T2", diag.Error, "no purpose", func(f *budget.Filing, _ *Profile) { pr(f, 0).Purpose = "" }, nil},
	{"T2", diag.Error, "no goals", func(f *budget.Filing, _ *Profile) { pr(f, 0).Goals = nil }, nil},
	{"T3", diag.Warning, "goal numbered out of sequence", func(f *budget.Filing, _ *Profile) { pr(f, 0).Goals[0] = "2、" + pr(f, 0).Goals[0] },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).Goals[0] = "2024年" + pr(f, 0).Goals[0] }},
	// A goal starting 3.5亿元… was taken as already numbered.
	{"T3", diag.Warning, "goal numbered 3.", func(f *budget.Filing, _ *Profile) { pr(f, 0).Goals[0] = "3." + pr(f, 0).Goals[0] },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).Goals[0] = "3.5亿元" + pr(f, 0).Goals[0] }},
	{"T4", diag.Warning, "half-width comma", func(f *budget.Filing, _ *Profile) {}, fixSample},
	{"T5", diag.Warning, "long name", func(f *budget.Filing, _ *Profile) { pr(f, 0).Name = strings.Repeat("网", 41) },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).Name = strings.Repeat("网", 40) }},
	{"T6", diag.Error, "control character", func(f *budget.Filing, _ *Profile) { pr(f, 0).Purpose += "\x07" }, nil},
	// U+FFFF in short_name passed check; the DOCX writer then refused it.
	{"T6", diag.Error, "U+FFFF in the short name", func(f *budget.Filing, _ *Profile) { f.Department.ShortName += "\uffff" }, nil},
	{"T6", diag.Error, "U+FFFE", func(f *budget.Filing, _ *Profile) { pr(f, 0).Name = "\ufffe" + pr(f, 0).Name }, nil},
	{"T6", diag.Error, "a noncharacter beyond the BMP", func(f *budget.Filing, _ *Profile) { in(f, 1, 2).Basis = "计划标准\U0010FFFF" }, nil},
	{"T6", diag.Error, "U+FDD0", func(f *budget.Filing, _ *Profile) { f.Overall[0].Subtitle += "\ufdd0" }, nil},
	{"T6", diag.Error, "control character in an unprinted field", func(f *budget.Filing, _ *Profile) { f.Template = "hebei\x1b" }, nil},
	{"T6", diag.Warning, "tab in a single-line field", func(f *budget.Filing, _ *Profile) { pr(f, 0).Name = "网络\t舆情" },
		func(f *budget.Filing, _ *Profile) { pr(f, 0).Purpose = "第一段\n第二段" }},
	{"T6", diag.Warning, "trailing blank", func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "≥95% " },
		func(f *budget.Filing, _ *Profile) { f.Overall[0].Text += "\n" }},
	{"T7", diag.Warning, "caption in the name", func(f *budget.Filing, _ *Profile) { pr(f, 0).Name += "绩效目标表" }, nil},
	{"T8", diag.Error, "placeholder left in", func(f *budget.Filing, _ *Profile) { pr(f, 0).Purpose = budget.Placeholder }, nil},
}

func codes(l diag.List) []string {
	var out []string
	for _, d := range l {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		out = append(out, sev+d.Code)
	}
	return out
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.code+" "+tc.name, func(t *testing.T) {
			f, p := base(t)
			tc.fail(f, p)
			got := Filing(f, p)
			if !slices.ContainsFunc(got, func(d diag.Diagnostic) bool { return d.Code == tc.code && d.Severity == tc.sev }) {
				t.Errorf("failing filing: no %v %s in %v\n%s", tc.sev, tc.code, codes(got), got.Format(language.Chinese))
			}
			assertClean(t, got)
			f, p = base(t)
			if tc.pass != nil {
				tc.pass(f, p)
			}
			if got := Filing(f, p); slices.ContainsFunc(got, func(d diag.Diagnostic) bool { return d.Code == tc.code }) {
				t.Errorf("passing filing: %s reported\n%s", tc.code, got.Format(language.Chinese))
			}
		})
	}
}

// Every rule code of validation.md that can fail has a case (F2, F4 and I13
// hold by construction, see the README).
func TestEveryRuleHasACase(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range ruleCases {
		covered[tc.code] = true
	}
	for _, family := range []struct {
		letter string
		n      int
	}{{"M", 9}, {"P", 7}, {"I", 14}, {"C", 7}, {"T", 7}} {
		for i := 1; i <= family.n; i++ {
			if code := fmt.Sprint(family.letter, i); code != "I13" && !covered[code] {
				t.Errorf("no case for %s", code)
			}
		}
	}
}

func TestSampleFindings(t *testing.T) {
	f, p := base(t)
	got := Filing(f, p)
	want := []string{"warningT4", "warningI11", "warningI14", "warningI11"} // I11 once per project
	if !reflect.DeepEqual(codes(got), want) {
		t.Errorf("sample: %v\n%s", codes(got), got.Format(language.Chinese))
	}
	fixSample(f, p)
	if got := Filing(f, p); len(got) != 0 {
		t.Errorf("fixed sample:\n%s", got.Format(language.Chinese))
	}
}

// Findings carry the position of their field.
func TestPositions(t *testing.T) {
	f, p := base(t)
	pr(f, 1).Budget = dec("1")
	in(f, 1, 2).Level1 = "满意度"
	for _, d := range Filing(f, p) {
		want := f.Positions[d.Path]
		switch d.Code {
		case "M1", "I2":
			if d.Line != want.Line || d.Col != want.Col || d.File != "sample.toml" || want.Line == 0 {
				t.Errorf("%s at %d:%d, want %v", d.Path, d.Line, d.Col, want)
			}
		}
	}
}

func TestSuggestions(t *testing.T) {
	fm := newForm(HebeiProfile())
	for bad, want := range map[string]string{
		"效益指标":   "效果指标", // national name, and the profile's alias
		"质量指示":   "质量指标",
		"满意度":    "满意度指标",
		"环境效益指标": "生态效益指标",
		" 产出指标":  "产出指标",
		"其他":     "",
	} {
		if got := fm.suggest(bad, append(slices.Clone(fm.level1), fm.level2...)); got != want {
			t.Errorf("suggest(%q) = %q, want %q", bad, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for name, data := range badInputs(t) {
		a, b := run(name, data), run(name, data)
		if a.Format(language.Chinese) != b.Format(language.Chinese) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

func TestNilInputs(t *testing.T) {
	if Filing(nil, HebeiProfile()) != nil {
		t.Error("nil filing")
	}
	f, _ := base(t)
	if !Filing(f, nil).HasErrors() {
		t.Error("a nil profile accepts no indicator, so the sample has errors")
	}
}

// docs/rules.md has a row for every code the tests see.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, tc := range ruleCases {
		seen[tc.code] = true
	}
	for name, data := range badInputs(t) {
		for _, d := range run(name, data) {
			seen[d.Code] = true
		}
	}
	for code := range seen {
		if !strings.Contains(string(doc), "\n| "+code+" |") {
			t.Errorf("docs/rules.md has no row for %s", code)
		}
	}
}

// An empty entry of a written list is "empty", not "missing".
func TestEmptyListEntry(t *testing.T) {
	f, p := base(t)
	pr(f, 0).Goals = append([]string{""}, pr(f, 0).Goals...)
	for _, d := range Filing(f, p) {
		if d.Code == "T2" {
			if d.Msg != "%s is empty" || d.Path != "projects[1].goals[1]" {
				t.Errorf("T2 = %q at %s, want \"%%s is empty\" at projects[1].goals[1]", d.Msg, d.Path)
			}
			return
		}
	}
	t.Error("no T2 finding for an empty goal")
}

// TestSlipsSingleFinding: the slips of a new user get one finding each,
// with a hint whose suggestion passes: fractions are not also told that
// 12月底 is usually 100, and a bare rate is not also told it lacks a
// comparator.
func TestSlipsSingleFinding(t *testing.T) {
	for _, c := range []struct {
		set      mutation
		code     string
		suggests string
	}{
		{func(f *budget.Filing, _ *Profile) { pr(f, 0).SpendingPlan = plan("0.15", "0.45", "0.75", "1") }, "P7", "15, 45, 75, 100"},
		{func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Name, in(f, 0, 0).Value = "处置率", "95" }, "I7", "≥95%"},
		{func(f *budget.Filing, _ *Profile) { in(f, 0, 0).Value = "100%" }, "I7", "＝100%"},
		{func(f *budget.Filing, _ *Profile) { pr(f, 1).Budget, pr(f, 1).Fiscal = dec("42"), dec("42") }, "M9", "420000.00"},
	} {
		f, p := base(t)
		fixSample(f, p)
		c.set(f, p)
		got := Filing(f, p)
		if len(got) != 1 || got[0].Code != c.code || !strings.Contains(got.Format(language.English), c.suggests) {
			t.Errorf("want one %s suggesting %q, got\n%s", c.code, c.suggests, got.Format(language.English))
		}
	}
	// The suggested spellings pass.
	for _, value := range []string{"≥95%", "＝100%", "≥100%", "≤100%"} {
		f, p := base(t)
		fixSample(f, p)
		in(f, 0, 0).Name, in(f, 0, 0).Value = "处置率", value
		if got := Filing(f, p); len(got) != 0 {
			t.Errorf("%s: %v", value, got)
		}
	}
}

// TestOnePerPlaceholder: a field still holding the placeholder of jixiao
// new gets T8 and nothing else (a fresh starter gave 36 findings).
func TestOnePerPlaceholder(t *testing.T) {
	f, p := base(t)
	fixSample(f, p)
	for i := range f.Projects {
		pr(f, i).Code, pr(f, i).Name = budget.Placeholder, budget.Placeholder
		for j := range f.Projects[i].Indicators {
			in(f, i, j).Name, in(f, i, j).Value = budget.Placeholder, budget.Placeholder
		}
	}
	got := Filing(f, p)
	perPath := map[string]int{}
	for _, d := range got {
		perPath[d.Path]++
		if perPath[d.Path] > 1 || d.Code != "T8" {
			t.Errorf("%s: more than its T8: %v", d.Path, d)
		}
	}
	if len(got) != 2*2+2*3*2 {
		t.Errorf("%d findings, want one per placeholder:\n%s", len(got), got.Format(language.English))
	}
}

// TestYearNearToday: a year more than two years from today is a warning
// of check (which reads the clock) only.
func TestYearNearToday(t *testing.T) {
	today := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	for year, want := range map[int]int{2025: 0, 2029: 0, 2024: 1, 2030: 1, 2207: 0 /* F3's */} {
		f, _ := base(t)
		f.Year = year
		if got := YearNearToday(f, today); len(got) != want || want == 1 && got[0].Code != "F11" {
			t.Errorf("%d: %v", year, got)
		}
	}
}
