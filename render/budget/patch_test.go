package budget

import (
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var samples = []string{"../../data/hebei/shanhaiguan-wxb-2024.toml", "../../data/national/mzj-2024.toml"}

func readSample(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// patched applies edit to the values of src, patches src and checks that
// the result reads back as exactly the edited values and loads as a filing.
func patched(t *testing.T, src []byte, edit func(*Table)) (string, *Table) {
	t.Helper()
	v, err := Values(src)
	if err != nil {
		t.Fatal(err)
	}
	edit(v)
	out, err := Patch(src, v)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Values(out)
	if err != nil {
		t.Fatalf("patched source is not TOML: %v\n%s", err, out)
	}
	if !back.Equal(v) {
		t.Fatalf("patched source does not read back as the edit:\n%s", out)
	}
	if _, notes := Parse("x.toml", out); notes.HasErrors() {
		t.Fatalf("patched source does not load: %v\n%s", notes, out)
	}
	return string(out), v
}

// changedLines lists the lines of b that differ from a, which must have as
// many lines.
func changedLines(t *testing.T, a, b string) []string {
	t.Helper()
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		t.Fatalf("line count changed from %d to %d:\n%s", len(la), len(lb), b)
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, lb[i])
		}
	}
	return out
}

func TestPatchUnchangedIsIdentical(t *testing.T) {
	for _, path := range samples {
		src := readSample(t, path)
		out, _ := patched(t, src, func(*Table) {})
		if out != string(src) {
			t.Errorf("%s: an unedited filing changed on patching", path)
		}
	}
}

func TestValuesShowNumbersAsWritten(t *testing.T) {
	v, err := Values(readSample(t, samples[0]))
	if err != nil {
		t.Fatal(err)
	}
	p := v.Arrays["projects"][0]
	if got := p.Values["budget"]; got != "100000.00" {
		t.Errorf("budget shown as %q, want 100000.00 as written", got)
	}
	if got := p.Lists["spending_plan"]; !slices.Equal(got, []string{"25.00", "60.00", "90.00", "100.00"}) {
		t.Errorf("spending plan shown as %q", got)
	}
	if got := v.Values["year"]; got != "2024" {
		t.Errorf("year shown as %q", got)
	}
	if p.Origin != 1 || v.Arrays["projects"][1].Origin != 2 {
		t.Errorf("origins %d, %d; want 1, 2", p.Origin, v.Arrays["projects"][1].Origin)
	}
}

func TestPatchChangesOnlyTheEditedValue(t *testing.T) {
	src := readSample(t, samples[0])
	out, _ := patched(t, src, func(v *Table) {
		v.Arrays["projects"][0].Values["budget"] = "120000.00"
		v.Arrays["projects"][1].Arrays["indicators"][0].Values["value"] = "≥98%"
		v.Arrays["projects"][0].Lists["spending_plan"][1] = "65"
	})
	got := changedLines(t, string(src), out)
	want := []string{
		`budget = 120000.00          # 预算数`,
		`spending_plan = [25.00, 65, 90.00, 100.00]   # 资金支出计划（%）, cumulative, at the template's checkpoints 3月底 6月底 10月底 12月底`,
		`  value = "≥98%"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("changed lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPatchAddsKeysAfterTheTablesLastKey(t *testing.T) {
	src := readSample(t, samples[0])
	out, _ := patched(t, src, func(v *Table) {
		v.Arrays["projects"][0].Values["other"] = "0"
		v.Arrays["projects"][0].Arrays["indicators"][0].Values["basis"] = "上年度完成情况"
	})
	// The comment line "# other = …" stays, the key comes after goals, the
	// basis after the indicator's value, each with its table's indentation.
	for _, want := range []string{
		"goals = [\"弘扬主旋律，汇聚正能量，营造良好的网络舆论氛围，发展健康向上的网络文化，利用新媒体项目做大做强正面宣传，占领网络意识形态阵地。\"]\nother = 0\n",
		"  value = \"≥95%\"\n  basis = \"上年度完成情况\"\n  # basis =",
		"# other =               # 其他资金",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("patched source lacks %q:\n%s", want, out)
		}
	}
}

func TestPatchClearsAnAmountAndKeepsAClearedText(t *testing.T) {
	src := readSample(t, samples[0])
	out, _ := patched(t, src, func(v *Table) {
		delete(v.Arrays["projects"][0].Values, "fiscal")
		v.Arrays["projects"][0].Values["purpose"] = ""
	})
	if strings.Contains(out, "fiscal = 100000.00") {
		t.Error("a cleared amount is still written")
	}
	if !strings.Contains(out, "purpose = \"\"\n") {
		t.Error("a cleared text is not written as an empty string")
	}
}

func TestPatchAddsRemovesAndReordersElements(t *testing.T) {
	src := readSample(t, samples[0])
	out, _ := patched(t, src, func(v *Table) {
		ps := v.Arrays["projects"]
		// A new indicator in the first project, which is not the last one.
		ps[0].Arrays["indicators"] = append(ps[0].Arrays["indicators"], &Table{Values: map[string]string{
			"level1": "成本指标", "level2": "经济成本指标", "name": "成本控制", "value": "≤100000元"}})
		// The projects swapped, and a new one at the end.
		v.Arrays["projects"] = []*Table{ps[1], ps[0], {Values: map[string]string{"code": "X-1", "name": "新项目", "budget": "1.5"},
			Lists: map[string][]string{"goals": {"目标一", "目标\"二\""}}}}
		// The first section removed.
		v.Arrays["overall"] = v.Arrays["overall"][1:]
	})
	f, _ := Parse("x.toml", []byte(out))
	if len(f.Projects) != 3 || f.Projects[0].Name != "网络阵地建设和内容管理" || f.Projects[1].Name != "网络舆情综合管理" {
		t.Fatalf("projects not reordered:\n%s", out)
	}
	if n := len(f.Projects[1].Indicators); n != 4 || f.Projects[1].Indicators[3].Name != "成本控制" {
		t.Errorf("the first project has %d indicators, want the new one 4th", n)
	}
	if got := f.Projects[2].Budget.Hundredths; got != 150 {
		t.Errorf("new project's budget %d hundredths, want 150", got)
	}
	if len(f.Overall) != 2 || f.Overall[0].Title != "分项绩效目标" {
		t.Errorf("sections %d, want the first removed", len(f.Overall))
	}
	// A moved project keeps its comments.
	moved := out[strings.Index(out, `name = "网络舆情综合管理"`):]
	if !strings.HasPrefix(moved, "name = \"网络舆情综合管理\"\nbudget = 100000.00          # 预算数\n") {
		t.Errorf("the moved project lost its layout:\n%s", moved)
	}
}

func TestPatchNewFilingParts(t *testing.T) {
	src := []byte("# just a comment\nyear = 2025\n")
	out, _ := patched(t, src, func(v *Table) {
		v.Values["template"] = "national"
		v.Tables = map[string]*Table{"department": {Values: map[string]string{"name": "某局", "money_unit": "万元"}}}
		v.Arrays = map[string][]*Table{"projects": {{Values: map[string]string{"name": "甲"},
			Arrays: map[string][]*Table{"indicators": {{Values: map[string]string{"level1": "产出指标"}}}}}}}
	})
	want := "# just a comment\nyear = 2025\ntemplate = \"national\"\n\n[department]\nname = \"某局\"\nmoney_unit = \"万元\"\n\n[[projects]]\nname = \"甲\"\n\n  [[projects.indicators]]\n  level1 = \"产出指标\"\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestPatchTextsRoundTrip(t *testing.T) {
	src := readSample(t, samples[1])
	for _, s := range []string{"a\"b\\c", "两行\n第二行", "tab\there", "尾引号\"", "三引号\"\"\"在中间\n和换行", "\x01控制", "  前后空格  "} {
		patched(t, src, func(v *Table) { v.Tables["department"].Values["name"] = s })
	}
}

func TestPatchAmountsThatAreNotPlainNumbers(t *testing.T) {
	src := readSample(t, samples[0])
	for _, s := range []string{"1,000.00", "１００", "12.345", "-5", "999999999999.99", "9999999999999999.99", "abc"} {
		out, _ := patched(t, src, func(v *Table) { v.Arrays["projects"][0].Values["budget"] = s })
		f, _ := Parse("x.toml", []byte(out))
		if f.Projects[0].Budget.Raw != s {
			t.Errorf("budget %q read back as %q", s, f.Projects[0].Budget.Raw)
		}
	}
}

func TestPatchKeepsCRLF(t *testing.T) {
	src := []byte(strings.ReplaceAll(string(readSample(t, samples[0])), "\n", "\r\n"))
	v, _ := Values(src)
	v.Values["year"] = "2025"
	out, err := Patch(src, v)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(string(src), "year = 2024", "year = 2025", 1); string(out) != want {
		t.Error("CRLF line ends not kept")
	}
}

func TestValuesOfAFilingWithWrongValues(t *testing.T) {
	src := []byte("year = 2024\n[[projects]]\nbudget = \"很多\"\nfiscal = 1.234\n")
	v, err := Values(src)
	if err != nil {
		t.Fatal(err)
	}
	if p := v.Arrays["projects"][0]; p.Values["budget"] != "很多" || p.Values["fiscal"] != "1.234" {
		t.Errorf("values %q", p.Values)
	}
	if _, err := Values([]byte("year = \n")); err == nil {
		t.Error("no error for a TOML syntax error")
	}
}

// TestPatchRandomEdits makes many random edits of both samples (values of
// every kind, including quotes, line breaks and blanks; elements added,
// removed and swapped) and checks each patched file reads back as exactly
// the edit and still loads. The seed is fixed: the same edits every run.
func TestPatchRandomEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2024))
	texts := []string{"", "新值", "含\"引号\"", "两行\n文本", `反斜杠\`, "'单引号'", "#不是注释", "= 等号 [括号]", "（请填写）", "  ", "≥95%"}
	amounts := []string{"", "0", "1.5", "100000.00", "1,000.00", "12.345", "-3", "abc", "999999999999.99"}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	var edit func(tb *Table, fields []field)
	edit = func(tb *Table, fields []field) {
		for i := range fields {
			f := &fields[i]
			if rng.IntN(4) != 0 {
				continue
			}
			switch f.kind {
			case kindText:
				setMap(&tb.Values, f.key, pick(texts))
			case kindDecimal:
				setMap(&tb.Values, f.key, pick(amounts))
			case kindInteger:
				setMap(&tb.Values, f.key, pick([]string{"", "2025", "2024"}))
			case kindTexts, kindDecimals:
				list := make([]string, rng.IntN(4))
				for j := range list {
					if f.kind == kindTexts {
						list[j] = pick(texts)
					} else {
						list[j] = pick(amounts[1:])
					}
				}
				setMap(&tb.Lists, f.key, list)
			case kindTable:
				if tb.Tables[f.key] == nil {
					setMap(&tb.Tables, f.key, &Table{})
				}
				edit(tb.Tables[f.key], f.sub)
			case kindArray:
				list := tb.Arrays[f.key]
				switch rng.IntN(4) {
				case 0:
					list = append(list, &Table{})
				case 1:
					if len(list) > 0 {
						k := rng.IntN(len(list))
						list = append(list[:k], list[k+1:]...)
					}
				case 2:
					if len(list) > 1 {
						a, b := rng.IntN(len(list)), rng.IntN(len(list))
						list[a], list[b] = list[b], list[a]
					}
				}
				for _, e := range list {
					edit(e, f.sub)
				}
				setMap(&tb.Arrays, f.key, list)
			}
		}
	}
	for _, path := range samples {
		src := readSample(t, path)
		for range 300 {
			v, _ := Values(src)
			edit(v, formFields())
			out, err := Patch(src, v)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Values(out)
			if err != nil {
				t.Fatalf("patched source is not TOML: %v\n%s", err, out)
			}
			if !back.Equal(v) {
				t.Fatalf("patched source does not read back as the edit:\n%s", out)
			}
		}
	}
}

// A multi-line string inside an array does not hide the keys after it.
func TestPositionsAfterAMultiLineStringInAnArray(t *testing.T) {
	src := "[[projects]]\ngoals = [\"a\", \"\"\"\nb ] [\n\"\"\", '''c\n]'''] # ]\nname = \"x\"\nbudget = 1\n"
	pos := IndexPositions(src)
	if p := pos["projects[1].name"]; p.Line != 6 {
		t.Errorf("name at %v, want line 6", p)
	}
	out, _ := patched(t, []byte(src), func(v *Table) { v.Arrays["projects"][0].Values["name"] = "y" })
	if !strings.Contains(out, "name = \"y\"\nbudget = 1\n") {
		t.Errorf("patched:\n%s", out)
	}
}

// FuzzPatch: on any TOML, reading the values and writing them back
// unchanged gives the source as read, and writing an edit of every text
// never panics. (Whether an edit's result holds exactly the edit is what
// the editor checks before it saves.) Seeded with the samples and the
// check package's fuzz corpus.
func FuzzPatch(f *testing.F) {
	for _, path := range samples {
		f.Add(readSample(f, path))
	}
	seeds, _ := os.ReadDir("../check/testdata/fuzz/FuzzLoadCheck")
	for _, e := range seeds {
		data, err := os.ReadFile("../check/testdata/fuzz/FuzzLoadCheck/" + e.Name())
		if s := string(data); err == nil && strings.HasPrefix(s, "go test fuzz v1\n[]byte(") {
			if q, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(s, "go test fuzz v1\n[]byte("), ")\n")); err == nil {
				f.Add([]byte(q))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := ReadSource(data)
		if err != nil {
			return
		}
		want, _ := decodeText("", data)
		if src.crlf {
			want = strings.ReplaceAll(want, "\n", "\r\n")
		}
		if got := string(src.Patch(src.Values())); got != want {
			t.Fatalf("unchanged values changed the source:\n%q\nwas\n%q", got, want)
		}
		v := src.Values()
		var edit func(tb *Table)
		edit = func(tb *Table) {
			for k := range tb.Values {
				tb.Values[k] = "改\"\n" + tb.Values[k]
			}
			for _, sub := range tb.Tables {
				edit(sub)
			}
			for _, list := range tb.Arrays {
				for _, e := range list {
					edit(e)
				}
			}
		}
		edit(v)
		src.Patch(v)
	})
}

func TestReadSourceRefusesLayoutsItCannotPatch(t *testing.T) {
	for src, want := range map[string]LayoutError{
		"department = {name = \"x\"}\n":                                       {1, "department"},
		"department.name = \"x\"\n":                                           {1, "department"},
		"projects = [{name = \"x\"}]\n":                                       {1, "projects[1]"},
		"[[projects]]\nname = \"a\"\n[department]\n[[projects.indicators]]\n": {4, "projects[1].indicators[1]"},
		"[[projects]]\nindicators = [{name = \"a\"}]\n":                       {2, "projects[1].indicators[1]"},
	} {
		_, err := ReadSource([]byte(src))
		var le *LayoutError
		if !errors.As(err, &le) || *le != want {
			t.Errorf("%q: %v, want %+v", src, err, want)
		}
	}
}

func TestReadSourceLimits(t *testing.T) {
	if _, err := ReadSource([]byte("x = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n")); err == nil {
		t.Error("no error for a deeply nested file")
	}
	if _, err := ReadSource(make([]byte, MaxFileSize+1)); err == nil {
		t.Error("no error for a file over the size limit")
	}
}
