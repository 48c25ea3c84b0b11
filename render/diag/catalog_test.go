package diag

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var verb = regexp.MustCompile(`%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// verbs lists the formatting verbs of a catalog text; %q and %s are the
// same argument (Chinese puts “” around %s instead).
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, strings.Replace(v, "q", "s", 1))
		}
	}
	return out
}

func TestCatalogEntries(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range slices.Concat(entries, templateEntries, renderEntries, cliEntries, workbookEntries, diffEntries) {
		if seen[e[0]] {
			t.Errorf("duplicate key %q", e[0])
		}
		seen[e[0]] = true
		if e[1] == "" {
			t.Errorf("%q has no Chinese text", e[0])
		}
		if en, zh := verbs(e[0]), verbs(e[1]); !slices.Equal(en, zh) {
			t.Errorf("%q: verbs %v, Chinese %q has %v", e[0], en, e[1], zh)
		}
		// A Printer compiles an entry when it is first printed; every one
		// must compile.
		if err := message.SetString(language.SimplifiedChinese, e[0], e[1]); err != nil {
			t.Errorf("%q: %v", e[0], err)
		}
		for _, text := range e {
			if strings.Count(text, "%")-2*strings.Count(text, "%%") != len(verbs(text)) {
				t.Errorf("%q: a %% that is not a verb; write %%%% for a percent sign", text)
			}
		}
	}
}

func TestFormatTranslatesTerms(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "a.toml", Line: 3, Col: 1}, Severity: Warning, Code: "M2", Path: "projects[1].budget"}.Say(
		T("%s must not be negative: %s", Term("budget"), "-5"), T("fill in %s (key %s)", Term("budget"), "projects.budget"))
	l := List{d}
	for lang, want := range map[language.Tag]string{
		language.Chinese: "a.toml:3:1: 警告[M2]: 预算数不能为负数（当前为-5） (projects[1].budget)\n\t提示: 请填写预算数（键名 projects.budget）\n",
		language.English: "a.toml:3:1: warning[M2]: budget must not be negative: -5 (projects[1].budget)\n\thint: fill in budget (key projects.budget)\n",
	} {
		if got := l.Format(lang); got != want {
			t.Errorf("%v:\n got %q\nwant %q", lang, got, want)
		}
	}
	if got := NewPrinter(language.Chinese).Sprintf("the year %d is not a four-digit year", localize(NewPrinter(language.Chinese), []any{20245})...); got != "年度“20245”应为4位数字" {
		t.Errorf("year printed as %q", got)
	}
	if !InCatalog("budget") || InCatalog("no such key") {
		t.Error("InCatalog")
	}
}

func TestLongValuesShortened(t *testing.T) {
	long := strings.Repeat("网", 5000)
	d := Diagnostic{Pos: Pos{File: "x.toml", Line: 3}, Msg: "unknown key %q", Args: []any{long}}
	got := List{d}.Format(language.Chinese)
	if n := strings.Count(got, "网"); n != maxQuoted || !strings.Contains(got, "…") {
		t.Errorf("message quotes %d characters: %.80s", n, got)
	}
}
