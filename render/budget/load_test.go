package budget

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/jixiao-dev/jixiao/render/diag"

	"golang.org/x/text/language"
)

const samplePath = "../../data/hebei/shanhaiguan-wxb-2024.toml"

func sample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadSample(t *testing.T) {
	f, notes := Load(samplePath)
	if f == nil || len(notes) != 0 {
		t.Fatalf("load: %v", notes)
	}
	if len(f.Projects) != 2 || len(f.Projects[0].Indicators) != 3 {
		t.Fatalf("projects = %d", len(f.Projects))
	}
	if got := f.Projects[0].Budget.Format(); got != "100000.00" {
		t.Errorf("budget = %q", got)
	}
	if f.Projects[0].Other.Set || f.Projects[0].Other.Format() != "" {
		t.Errorf("omitted other should be unset and blank")
	}
	if p := f.Positions["projects[2].indicators[3].value"]; p.Line == 0 {
		t.Errorf("no position for projects[2].indicators[3].value: %v", f.Positions)
	}
}

// only returns the single finding of notes, failing otherwise.
func only(t *testing.T, notes diag.List) diag.Diagnostic {
	t.Helper()
	if len(notes) != 1 {
		t.Fatalf("want one finding, got %d:\n%v", len(notes), notes)
	}
	return notes[0]
}

func TestUnknownKey(t *testing.T) {
	_, notes := Parse("x.toml", []byte("template = \"hebei\"\ntitel = \"x\"\n[department]\nnaem = \"a\"\n"))
	if len(notes) != 2 || notes[0].Line != 2 || notes[1].Line != 4 {
		t.Fatalf("notes = %v", notes)
	}
	if notes[1].HintArgs[0] != "name" {
		t.Errorf("hint = %v", notes[1].HintArgs)
	}
}

func TestUnknownKeyInEveryProject(t *testing.T) {
	src := strings.ReplaceAll(string(sample(t)), "purpose = ", "purpsoe = ")
	_, notes := Parse("x.toml", []byte(src))
	if len(notes) != 2 || notes[0].Path != "projects[1].purpsoe" || notes[1].Path != "projects[2].purpsoe" ||
		notes[0].Line == notes[1].Line {
		t.Fatalf("want one finding per project, each at its own line:\n%v", notes)
	}
}

func TestUnknownTableOnce(t *testing.T) {
	_, notes := Parse("x.toml", []byte("[extra]\na = 1\nb = 2\n[extra.sub]\nc = 3\n"))
	d := only(t, notes)
	if d.Path != "extra" || d.Line != 1 {
		t.Errorf("got %v", d)
	}
}

func TestUnknownKeysCapped(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "x%d = 1\n", i)
	}
	_, notes := Parse("x.toml", []byte(b.String()))
	if len(notes) != maxUnknownKeys+1 || notes[maxUnknownKeys].Args[0] != 100-maxUnknownKeys {
		t.Fatalf("got %d findings, last %v", len(notes), notes[len(notes)-1])
	}
}

func TestKeyInOtherTable(t *testing.T) {
	_, notes := Parse("x.toml", []byte("[department]\nbudget = 1\n"))
	if d := only(t, notes); d.Hint != "%q belongs in %s" || d.HintArgs[1] != "[[projects]]" {
		t.Errorf("hint = %q %v", d.Hint, d.HintArgs)
	}
}

func TestUTF8BOM(t *testing.T) {
	f, notes := Parse("x.toml", append([]byte("\xef\xbb\xbf"), sample(t)...))
	if f == nil || len(notes) != 0 {
		t.Fatalf("BOM: %v", notes)
	}
}

// A GBK copy of the sample, as Notepad or Excel would save it, loads with
// a warning and gives the same filing as the UTF-8 original.
func TestGBKEqualsUTF8(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Parse("x.toml", sample(t))
	got, notes := Parse("x.toml", gbk)
	if d := only(t, notes); d.Code != "F5" || d.Severity != diag.Warning {
		t.Fatalf("want the F5 warning, got %v", d)
	}
	if !bytes.Equal(got.Source, gbk) {
		t.Errorf("Source is not the file's bytes as read")
	}
	got.Source, want.Source = nil, nil // the bytes differ; the filings must not
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the GBK load differs from the UTF-8 load")
	}
}

// A UTF-8 file with one stray byte is reported, not converted to mojibake.
func TestDamagedUTF8NotConverted(t *testing.T) {
	src := strings.Replace(string(sample(t)), `short_name = "网信办"`, "short_name = \"网信办\xb0\"", 1)
	_, notes := Parse("x.toml", []byte(src))
	d := only(t, notes)
	if d.Code != "F8" || d.Line != 14 || d.Col != 18 {
		t.Errorf("got %v", d)
	}
}

func TestUTF16Refused(t *testing.T) {
	for name, enc := range map[string]encoding.Encoding{
		"LE with BOM": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		"BE with BOM": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
		"LE":          unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
		"BE":          unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	} {
		data, err := enc.NewEncoder().Bytes(sample(t))
		if err != nil {
			t.Fatal(err)
		}
		_, notes := Parse("x.toml", data)
		if d := only(t, notes); d.Code != "F8" || d.Msg != "the file is UTF-16; save it as UTF-8" {
			t.Errorf("%s: got %v", name, d)
		}
	}
}

func TestNULByte(t *testing.T) {
	_, notes := Parse("x.toml", []byte("a = 1\nb = \"x\x00\"\n"))
	if d := only(t, notes); d.Code != "F8" || d.Line != 2 || d.Col != 7 {
		t.Errorf("got %v", d)
	}
}

func TestWindowsLineEnds(t *testing.T) {
	f, notes := Parse("x.toml", []byte(strings.ReplaceAll(string(sample(t)), "\n", "\r\n")))
	if f == nil || len(notes) != 0 {
		t.Fatal(notes)
	}
	if strings.Contains(f.Overall[0].Text, "\r") {
		t.Errorf("multi-line text keeps CR")
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	_, notes := Load(path)
	if d := only(t, notes); d.Code != "F6" {
		t.Errorf("got %v", d)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for path, want := range map[string]string{
		filepath.Join(dir, "none.toml"): "the file does not exist",
		dir:                             "this is a folder, not a file",
	} {
		_, notes := Load(path)
		if d := only(t, notes); d.Code != "F0" || d.Msg != want {
			t.Errorf("%s: got %v", path, d)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		src, msg  string
		line, col int
	}{
		{"year ＝ 2024\n", "full-width %q where TOML needs the half-width %q", 1, 6},
		{"a = 1\n[department]\nname = “网信办”\n", "curly quote %s: TOML text needs straight double quotes", 3, 8},
		{"[[projects]]\nspending_plan = [25，60]\n", "full-width %q where TOML needs the half-width %q", 2, 20},
		{"year = 2024 ＃ note\n", "full-width %q where TOML needs the half-width %q", 1, 13},
		{"name = 网信办\n", "the text %q is not in quotes", 1, 8},
		{"a = 1\nb = 2\nname = \"abc\n", "the text is not closed", 3, 12},
		{"text = \"\"\"abc\n", "the text is not closed", 1, 14},
		{"year =\n", "the value after = is missing", 1, 7},
		{"plan = [25, 60\nname = \"x\"\n", "the list is not closed, or a comma is missing", 2, 1},
		{"year = 2024 2025\n", "unexpected text after the value", 1, 13},
		{"[department\n", "the table header is not closed", 1, 12},
		{"year 2024\n", "expected = after the key, found %q", 1, 6},
		{"名称 = \"x\"\n", "expected = after the key, found %q", 1, 1},
		{"year = 99999999999999999999\n", "the number is too large", 1, 8},
		{"a = \"x\\q\"\n", "a backslash escape in the text is not valid", 1, 6},
		{"a = \"x\x01\"\n", "the file contains an invisible control character", 1, 7},
	} {
		_, notes := Parse("x.toml", []byte(tc.src))
		d := only(t, notes)
		if d.Code != "S1" || d.Msg != tc.msg || d.Line != tc.line || d.Col != tc.col {
			t.Errorf("%q: got %d:%d %s %q, want %d:%d %q", tc.src, d.Line, d.Col, d.Code, d.Msg, tc.line, tc.col, tc.msg)
		}
	}
}

func TestDuplicateKeys(t *testing.T) {
	for _, tc := range []struct {
		src         string
		line, first int
	}{
		{"year = 2024\nyear = 2025\n", 2, 1},
		{"[department]\nname = \"a\"\n\n[department]\ncode = \"b\"\n", 4, 1},
		{"[projects]\ncode = \"a\"\n[projects]\ncode = \"b\"\n", 3, 1},
	} {
		_, notes := Parse("x.toml", []byte(tc.src))
		d := only(t, notes)
		if d.Code != "S4" || d.Line != tc.line || len(d.Args) != 2 || d.Args[1] != tc.first {
			t.Errorf("%q: got %v", tc.src, d)
		}
	}
}

func TestTypeErrors(t *testing.T) {
	src := string(sample(t))
	for _, tc := range []struct {
		from, to, path string
		found          diag.Term
	}{
		{"year = 2024 ", `year = "2024" `, "year", "text"},
		{"year = 2024 ", "year = 2024.5 ", "year", "a decimal number"},
		{`code = "224-0401-JBN-8GYM"`, "code = 2240401", "projects[2].code", "a whole number"},
		{`goals = ["弘扬`, `goals = [1, "弘扬`, "projects[1].goals", "a list"},
		{`level1 = "满意度指标"`, "level1 = true", "projects[1].indicators[3].level1", "true or false"},
	} {
		_, notes := Parse("x.toml", []byte(strings.Replace(src, tc.from, tc.to, 1)))
		d := only(t, notes)
		at := IndexPositions(src)[tc.path]
		if d.Code != "S3" || d.Path != tc.path || d.Line != at.Line || d.Col != at.Col || d.Args[2] != tc.found {
			t.Errorf("%s: got %v %v, want line %d", tc.to, d, d.Args, at.Line)
		}
	}
}

func TestNesting(t *testing.T) {
	deep := MaxNesting + 1
	for _, tc := range []struct {
		name, src string
		refused   bool
	}{
		{"arrays at the limit", "a = " + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting), false},
		{"arrays over the limit", "a = " + strings.Repeat("[", deep) + strings.Repeat("]", deep), true},
		{"inline tables", "a = " + strings.Repeat("{b=", deep) + "1" + strings.Repeat("}", deep), true},
		{"dotted key", "a" + strings.Repeat(".b", MaxNesting) + " = 1", true},
		{"table header", "[a" + strings.Repeat(".b", MaxNesting) + "]", true},
		{"array header", "[[a" + strings.Repeat(".b", MaxNesting) + "]]", true},
		{"dotted key in inline table", "a = {x" + strings.Repeat(".b", MaxNesting) + " = 1}", true},
		{"floats are not keys", "a = [" + strings.Repeat("1.5, ", 100) + "1.5]", false},
		{"brackets in a string", `a = "` + strings.Repeat("[", 100) + `"`, false},
		{"brackets in a literal string", `a = '` + strings.Repeat("[", 100) + `'`, false},
		{"brackets in a multi-line string", "a = \"\"\"\n" + strings.Repeat("[", 100) + "\n\"\"\"", false},
		{"brackets in a comment", "a = 1 # " + strings.Repeat("[", 100), false},
		{"dots in a quoted key", `"` + strings.Repeat("a.", 100) + `" = 1`, false},
		{"escaped quote", `a = "\"` + strings.Repeat("[", 100) + `"`, false},
		{"quotes closing a multi-line string", "a = [\"\"\"x\"\"\"\" , " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "]", true},
		{"empty strings", `a = ["", '', ` + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "]", true},
	} {
		if got := tooDeep(tc.src) >= 0; got != tc.refused {
			t.Errorf("%s: refused = %v", tc.name, got)
		}
		_, notes := Parse("x.toml", []byte(tc.src))
		if refused := len(notes) > 0 && notes[0].Code == "S5"; refused != tc.refused {
			t.Errorf("%s: Parse: %v", tc.name, notes)
		}
	}
}

// With several wrong types the first in the file is reported, on every run
// (the library meets them in Go map order).
func TestTypeErrorsDeterministic(t *testing.T) {
	src := []byte("[[projects]]\ncode = []\ngoals = \"x\"\nname = 5\n")
	for range 50 {
		_, notes := Parse("x.toml", src)
		if d := only(t, notes); d.Path != "projects[1].code" || d.Line != 2 {
			t.Fatalf("got %v", d)
		}
	}
}

// Amounts written the way a spreadsheet shows them get a message that says
// what to change, not the parser's words.
func TestDecoratedNumbers(t *testing.T) {
	for _, v := range []string{"100,000.00", "10万", "100000.00元", "100 000", "100000.", "00100"} {
		src := strings.Replace(string(sample(t)), "budget = 100000.00", "budget = "+v, 1)
		_, notes := Parse("x.toml", []byte(src))
		if len(notes) != 1 || notes[0].Code != "S1" || notes[0].Line != 42 {
			t.Fatalf("%s: %v", v, notes)
		}
		msg := notes.Format(language.English)
		if !strings.Contains(msg, "number") || strings.Contains(msg, "Invalid") || strings.Contains(msg, "expected") {
			t.Errorf("%s: %s", v, msg)
		}
	}
}

// A table written as an array of tables is reported at its header.
func TestArrayWhereTableBelongs(t *testing.T) {
	_, notes := Parse("x.toml", []byte("template = \"hebei\"\n\n[[department]]\ncode = \"1\"\n"))
	if len(notes) != 1 || notes[0].Code != "S3" || notes[0].Line != 3 {
		t.Fatalf("notes = %v, want S3 at line 3", notes)
	}
}

// TestCaseVariantKeys: a key is known only in its exact spelling. The TOML
// library fills a field from a key in any case, so budget = 100000.00 beside
// Budget = 900000.00, or [Department] beside [department] (money_unit 万元
// against 元: the amounts misstated 10,000-fold), printed one or the other
// at random. Each spelling in another case is S2 at its own line, with the
// exact spelling as the hint, every time.
func TestCaseVariantKeys(t *testing.T) {
	src := string(sample(t))
	const budget = "budget = 100000.00          # 预算数\n"
	after := strings.Index(src, budget) + len(budget)
	cases := map[string]struct {
		src, path, at, want string // at: the text on the finding's line
	}{
		"key beside its spelling": {src[:after] + "Budget = 900000.00\n" + src[after:],
			"projects[1].Budget", "Budget = 900000.00", "budget"},
		"table beside its spelling": {strings.Replace(src, "[department]", "[Department]\nmoney_unit = \"万元\"\n\n[department]", 1),
			"Department", "[Department]", "department"},
		"key alone": {strings.Replace(src, "budget = 100000.00", "BUDGET = 100000.00", 1),
			"projects[1].BUDGET", "BUDGET = ", "budget"},
		"inside a table": {strings.Replace(src, "money_unit", "Money_Unit", 1),
			"department.Money_Unit", "Money_Unit", "money_unit"},
		"with a type error": {src[:after] + "Year = \"x\"\n" + src[after:], "", "", ""},
		// The decoder stops at the type error at a point of Go's map
		// order; the keys it had not reached were reported unknown.
		"a table beside its spelling, with a type error": {src + "\n[[projeCts]]\nname = 5\n",
			"projeCts[1]", "[[projeCts]]", "projects"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var first string
			for range 20 { // map order decided the winner: run it often
				f, notes := Parse("x.toml", []byte(c.src))
				if f != nil {
					t.Fatalf("accepted, budget %v", f.Projects[0].Budget.Format())
				}
				out := notes.Format(language.English)
				if first == "" {
					first = out
				} else if out != first {
					t.Fatalf("two runs differ:\n%s\n%s", first, out)
				}
			}
			if c.path == "" {
				return
			}
			_, notes := Parse("x.toml", []byte(c.src))
			d := only(t, notes)
			line := strings.Count(c.src[:strings.Index(c.src, c.at)], "\n") + 1
			if d.Code != "S2" || d.Path != c.path || d.Line != line || len(d.HintArgs) != 1 || d.HintArgs[0] != c.want {
				t.Errorf("got %v (line %d), want S2 at %s line %d suggesting %q", d, d.Line, c.path, line, c.want)
			}
		})
	}
}

// TestThousandProjectsFit: a large department's filing, 1,000 projects of
// the sample's shape written as ordinary TOML, is within the size limit
// (it was refused at 2 MiB).
func TestThousandProjectsFit(t *testing.T) {
	src := string(sample(t))
	head, projects, _ := strings.Cut(src, "[[projects]]")
	var b strings.Builder
	b.WriteString(head)
	for i := range 500 {
		p := strings.ReplaceAll("[[projects]]"+projects, "-JBN-", fmt.Sprintf("-J%02d-", i%100))
		b.WriteString(strings.ReplaceAll(p, "name = \"网络", fmt.Sprintf("name = \"%d网络", i)))
	}
	if b.Len() > MaxFileSize {
		t.Fatalf("1,000 projects take %d bytes, over the limit of %d", b.Len(), MaxFileSize)
	}
	f, notes := Parse("big.toml", []byte(b.String()))
	if f == nil || len(f.Projects) != 1000 {
		t.Fatalf("not loaded: %v", notes)
	}
	t.Logf("1,000 projects: %d bytes", b.Len())
}

// TestTypeErrorDeterministic: with several values of the wrong type under
// a table whose name differs in case (the library still decodes it), the
// same finding is reported on every run, not the first the library meets
// in map order: the table's name, S2, as a key is known only in its exact
// spelling.
func TestTypeErrorDeterministic(t *testing.T) {
	src := []byte("[[projeCts]]\ncode = [] \ngoAls =\"X7\"\n")
	_, first := Parse("a.toml", src)
	if len(first) != 1 || first[0].Code != "S2" || first[0].Line != 1 {
		t.Fatalf("findings = %v, want S2 on line 1", first)
	}
	for range 30 {
		if _, again := Parse("a.toml", src); again.Error() != first.Error() {
			t.Fatalf("runs differ:\n%v\n%v", first, again)
		}
	}
}
