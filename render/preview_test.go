package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/budget/budgettest"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// preview makes the Preview of f, failing the test when there is none.
func preview(tb testing.TB, f *budget.Filing) (*Preview, diag.List) {
	tb.Helper()
	p, notes, err := engine(tb).Preview(f)
	if err != nil || p == nil {
		tb.Fatalf("no preview: %v\n%v", err, notes)
	}
	return p, notes
}

// written is f as read back from its TOML text, with the positions of its
// keys (a filing made in memory has none).
func written(tb testing.TB, f *budget.Filing) *budget.Filing {
	tb.Helper()
	g, notes, err := engine(tb).Load("many.toml", budget.EncodeTOML(f))
	if err != nil {
		tb.Fatal(notes)
	}
	return g
}

func allText(p *Preview) string {
	var b strings.Builder
	for i := range p.Pages() {
		b.WriteString(p.PageText(i))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestPreviewWithErrors: a filing with an error of each kind is refused by
// Build, and still previewed, as a draft with Build's own findings: a
// check's error (M1), a character no font has (G1, drawn as □) and an
// code so long that the amounts beside it cannot fit their columns (G2:
// the columns are the template's, the code is broken, the amounts run over
// their cells).
func TestPreviewWithErrors(t *testing.T) {
	cases := []struct {
		name, code, shows string
		edit              func(f *budget.Filing)
	}{
		{"M1", "M1", "120000.00", func(f *budget.Filing) {
			f.Projects[0].Budget = budget.Decimal{Hundredths: 12000000, Set: true, Raw: "120000.00"}
		}},
		{"G1", "G1", "含有生僻字□的描述", func(f *budget.Filing) { f.Projects[0].Indicators[1].Description = "含有生僻字𠀀的描述" }},
		{"G2", "G2", strings.Repeat("8", 60), func(f *budget.Filing) { f.Projects[1].Code = strings.Repeat("8", 60) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := sample(t)
			c.edit(f)
			rep, built, err := engine(t).Build(f)
			if rep != nil || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build made a report of a filing with %s (err %v)", c.code, err)
			}
			if !slices.ContainsFunc(built, func(d diag.Diagnostic) bool { return d.Code == c.code && d.Severity == diag.Error }) {
				t.Fatalf("Build's findings have no %s: %v", c.code, built)
			}
			p, notes := preview(t, f)
			if notes.Error() != built.Error() {
				t.Errorf("Preview's findings differ from Build's:\n%v\n%v", notes, built)
			}
			if !p.Draft || p.Pages() != 5 {
				t.Errorf("draft %v, %d pages; want a draft of the sample's 5", p.Draft, p.Pages())
			}
			if text := strings.ReplaceAll(allText(p), " ", ""); !strings.Contains(text, c.shows) {
				t.Errorf("the preview does not show %q", c.shows)
			}
		})
	}
}

// TestPreviewOfValidFiling: a filing without errors is previewed as it
// prints: not a draft, the same pages and text as the report's.
func TestPreviewOfValidFiling(t *testing.T) {
	f := sample(t)
	rep := mustBuild(t, f)
	p, _ := preview(t, f)
	if p.Draft || p.Pages() != rep.Pages() {
		t.Fatalf("draft %v, %d pages; the report has %d", p.Draft, p.Pages(), rep.Pages())
	}
	for i := range p.Pages() {
		var a, b bytes.Buffer
		p.WriteSVG(&a, i)
		rep.WriteSVG(&b, i)
		if !bytes.Equal(a.Bytes(), b.Bytes()) || p.PageKey(i) != rep.PageKey(i) {
			t.Errorf("page %d differs from the report's", i+1)
		}
	}
}

// TestPreviewNeverFails: every hand-made bad filing of the validator's
// tests that loads is previewed: each item the filing has is placed on
// a page, and nothing panics.
func TestPreviewNeverFails(t *testing.T) {
	files, _ := filepath.Glob("check/testdata/bad/*.toml")
	if len(files) < 50 {
		t.Fatalf("%d bad filings found", len(files))
	}
	e := engine(t)
	previewed := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := e.Load(filepath.Base(path), data)
		if err != nil {
			continue // it does not load: there is nothing to lay out
		}
		p, notes, err := e.Preview(f)
		if errors.Is(err, ErrInvalid) && len(notes) == 1 && notes[0].Code == "F10" {
			continue // an unknown form
		}
		if err != nil || p == nil {
			t.Errorf("%s: no preview: %v %v", path, err, notes)
			continue
		}
		previewed++
		for i := range f.Projects {
			if item := fmt.Sprintf("projects[%d]", i+1); len(p.Places(item)) == 0 {
				t.Errorf("%s: %s is nowhere on the pages", path, item)
			}
		}
	}
	t.Logf("%d of %d bad filings load and are previewed", previewed, len(files))
}

// TestPreviewOfBrokenFilings: generated filings of both forms, with
// extreme values, broken in the ways an officer's typing breaks them, are
// all previewed as drafts.
func TestPreviewOfBrokenFilings(t *testing.T) {
	long := strings.Repeat("很长的文字没有标点", 100) // 900 characters
	breaks := map[string]func(f *budget.Filing){
		"empty": func(f *budget.Filing) { f.Department, f.Overall = budget.Department{}, nil }, // no money unit either
		"no items": func(f *budget.Filing) {
			f.Projects[0].Indicators, f.Projects[0].Goals, f.Projects[0].SpendingPlan = nil, nil, nil
		},
		"bad year": func(f *budget.Filing) { f.Year = 0 },
		"amounts": func(f *budget.Filing) {
			f.Projects[0].Budget = budget.Decimal{Set: true, Raw: "abc", Err: budget.ErrDecimalSyntax}
			f.Projects[0].Fiscal = budget.Decimal{Set: true, Hundredths: -5, Raw: "-0.05", Err: budget.ErrDecimalNegative}
		},
		"long": func(f *budget.Filing) {
			f.Projects[0].Name, f.Projects[0].Code, f.Projects[0].Purpose = long, long, long
			f.Projects[0].Indicators[0].Value = long
		},
		"odd characters": func(f *budget.Filing) {
			f.Projects[0].Name = "名称\x00\u200b😀\ufffd𠀀"
			f.Department.Name = "\xff\xfe单位"
		},
	}
	e := engine(t)
	for seed := range uint64(6) {
		for _, form := range []string{"hebei", "national"} {
			src := budgettest.Filing(seed, budgettest.Options{Template: form, Projects: 3, Extremes: true})
			for name, brk := range breaks {
				f, notes, err := e.Load("gen.toml", []byte(src))
				if err != nil {
					t.Fatalf("seed %d: %v", seed, notes)
				}
				brk(f)
				p, notes, err := e.Preview(f)
				if err != nil || p == nil || p.Pages() == 0 {
					t.Errorf("seed %d, %s, %s: no preview: %v %v", seed, form, name, err, notes)
					continue
				}
				if p.Draft != notes.HasErrors() {
					t.Errorf("seed %d, %s, %s: draft %v with findings %v", seed, form, name, p.Draft, notes)
				}
				for i := range p.Pages() {
					if err := p.WriteSVG(io.Discard, i); err != nil {
						t.Errorf("seed %d, %s, %s: page %d: %v", seed, form, name, i+1, err)
					}
				}
			}
		}
	}
}

// TestPreviewPlaces: each project of 100 starts where the report's
// outline says its table does, a field a cell shows is that cell, in its
// project, and another field's place is its indicator's or project's.
func TestPreviewPlaces(t *testing.T) {
	p, _ := preview(t, written(t, manyProjects(t, 100)))
	starts := map[string]int{}
	for _, o := range p.pages.Outline {
		if n, _, ok := strings.Cut(o.Title, "、"); ok && len(n) < 4 {
			starts["projects["+n+"]"] = p.pages.Anchors[o.Bookmark].Page
		}
	}
	if len(starts) != 100 {
		t.Fatalf("%d projects in the outline", len(starts))
	}
	for item, page := range starts {
		pl := p.Places(item)
		if len(pl) == 0 || pl[0].Page != page {
			t.Errorf("%s starts at %+v; the outline says page %d", item, pl, page+1)
		}
		if got := p.Places(item + ".budget"); len(got) != 1 || got[0].W > 40 || !slices.ContainsFunc(pl, func(q Place) bool {
			return q.Page == got[0].Page && got[0].Y >= q.Y && got[0].Y+got[0].H <= q.Y+q.H+0.01
		}) {
			t.Errorf("%s.budget is at %+v, not one cell in its project at %+v", item, got, pl)
		}
	}
	ind := p.Places("projects[7].indicators[4]")
	if len(ind) == 0 || slices.Equal(ind, p.Places("projects[7]")) {
		t.Errorf("an indicator's place is %+v", ind)
	}
	if got := p.Places("projects[7].indicators[4].nonesuch"); !slices.Equal(got, ind) {
		t.Errorf("a field no cell shows is at %+v, not at its indicator", got)
	}
	if p.Places("year") != nil || p.Places("projects[101]") != nil {
		t.Error("a place for what the pages do not show as an item")
	}
}

// TestPageKeys: an edit changes the keys of exactly the pages it changes,
// and two pages with one key draw the same bytes: a caller that keeps
// pages by key shows what a full redraw shows.
func TestPageKeys(t *testing.T) {
	f := manyProjects(t, 30)
	before, _ := preview(t, written(t, f))
	f.Projects[11].Code = "224-0501-JBN-9999"
	after, _ := preview(t, written(t, f))
	if after.Pages() != before.Pages() {
		t.Fatalf("%d pages, then %d", before.Pages(), after.Pages())
	}
	var changed, want []int
	for i := range after.Pages() {
		if after.PageKey(i) != before.PageKey(i) {
			changed = append(changed, i)
		}
	}
	for _, pl := range after.Places("projects[12]") {
		if !slices.Contains(want, pl.Page) {
			want = append(want, pl.Page)
		}
	}
	if !slices.Equal(changed, want) {
		t.Errorf("pages %v changed; project 12 is on %v", changed, want)
	}
	svgs := map[string][]byte{}
	for i := range before.Pages() {
		var b bytes.Buffer
		before.WriteSVG(&b, i)
		svgs[before.PageKey(i)] = b.Bytes()
	}
	for i := range after.Pages() {
		var b bytes.Buffer
		after.WriteSVG(&b, i)
		if old, ok := svgs[after.PageKey(i)]; ok && !bytes.Equal(old, b.Bytes()) {
			t.Errorf("page %d: same key, other SVG", i+1)
		}
	}
}
