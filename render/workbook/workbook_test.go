package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/templates"
)

// samples are the repository's sample filings, each with its form.
var samples = []string{"../../data/hebei/shanhaiguan-wxb-2024.toml", "../../data/national/mzj-2024.toml"}

func load(t testing.TB, path string) (*budget.Filing, *check.Profile) {
	t.Helper()
	f, notes := budget.Load(path)
	if f == nil {
		t.Fatal(notes)
	}
	return f, profile(t, f.Template, f.Year)
}

func profile(t testing.TB, name string, year int) *check.Profile {
	t.Helper()
	set, notes := templates.NewSet()
	if notes.HasErrors() {
		t.Fatal(notes)
	}
	tp, ok := set.Get(name, year)
	if !ok {
		t.Fatalf("no template %s", name)
	}
	return tp.Profile()
}

func write(t testing.TB, f *budget.Filing, p *check.Profile) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t testing.TB, name string, data []byte) *budget.Filing {
	t.Helper()
	f, notes := Read(name, data)
	if f == nil {
		t.Fatalf("%s", notes.Format(language.English))
	}
	for _, d := range notes {
		t.Errorf("unexpected finding: %v", d)
	}
	return f
}

// sameFiling reports the first field in which a and b differ: every field
// of the schema, amounts by value and by whether and how they failed to
// parse.
func sameFiling(a, b *budget.Filing) error {
	norm := func(f *budget.Filing) budget.Filing {
		c := *f
		c.File, c.Source, c.Positions = "", nil, nil
		c.Projects = nil
		for _, p := range f.Projects {
			p.Budget, p.Fiscal, p.Other = normDecimal(p.Budget), normDecimal(p.Fiscal), normDecimal(p.Other)
			plan := p.SpendingPlan
			p.SpendingPlan = nil
			for _, d := range plan {
				p.SpendingPlan = append(p.SpendingPlan, normDecimal(d))
			}
			c.Projects = append(c.Projects, p)
		}
		return c
	}
	na, nb := norm(a), norm(b)
	if reflect.DeepEqual(na, nb) {
		return nil
	}
	va, vb := fmt.Sprintf("%+v", na), fmt.Sprintf("%+v", nb)
	i := 0
	for i < len(va) && i < len(vb) && va[i] == vb[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Errorf("filings differ at …%s…\n vs …%s…", va[lo:min(len(va), i+80)], vb[lo:min(len(vb), i+80)])
}

// normDecimal keeps what a Decimal means: set or not, its value, its kind
// of error, and its text only when it did not parse.
func normDecimal(d budget.Decimal) budget.Decimal {
	n := budget.Decimal{Set: d.Set, Hundredths: d.Hundredths}
	switch {
	case d.Err == nil:
	case errors.Is(d.Err, budget.ErrDecimalNegative):
		n.Err = d.Err
	default:
		n.Err, n.Raw = d.Err, d.Raw
	}
	return n
}

func TestRoundTripSamples(t *testing.T) {
	for _, path := range samples {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, p := load(t, path)
			data := write(t, f, p)
			back := read(t, "x.xlsx", data)
			if err := sameFiling(f, back); err != nil {
				t.Fatal(err)
			}
			if again := write(t, back, p); !bytes.Equal(again, data) {
				t.Error("writing the filing read back gives other bytes")
			}
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	f, p := load(t, samples[0])
	a, b := write(t, f, p), write(t, f, p)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of one filing differ")
	}
}

var _ = os.ReadFile
var _ = strings.Contains
var _ = excelize.NewFile

// TestSameFindingsAsTOML converts every bad filing of the validator's tests
// that loads into a workbook, reads it back and checks both: the findings
// must be the same (rule, field, message), and each one of the workbook
// must name its sheet and cell.
func TestSameFindingsAsTOML(t *testing.T) {
	files, _ := filepath.Glob("../check/testdata/bad/*.toml")
	if len(files) < 30 {
		t.Fatalf("found %d bad filings", len(files))
	}
	for _, path := range files {
		f, notes := budget.Load(path)
		if f == nil {
			continue // a file the loader refuses never becomes a workbook
		}
		if strings.HasPrefix(filepath.Base(path), "plan-percent-strings.") {
			continue // "25%" is a TOML error, and what a per-cent column of a workbook holds
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			p := profile(t, cmpOr(f.Template, "hebei"), f.Year)
			want := append(notes, check.Filing(f, p)...)
			var buf bytes.Buffer
			if err := Write(&buf, f, p); err != nil {
				if strings.Contains(path, ".T6.") && strings.Contains(err.Error(), "control character") {
					return // refused, not written with the character lost
				}
				t.Fatal(err)
			}
			back, rnotes := Read("x.xlsx", buf.Bytes())
			if back == nil {
				t.Fatal(rnotes)
			}
			got := append(rnotes, check.Filing(back, p)...)
			key := func(l diag.List) []string {
				var out []string
				for _, d := range l {
					if d.Code == "F5" {
						continue // how the TOML file's text was encoded
					}
					// A workbook has a cell for every field: a value not
					// given is empty, never missing.
					msg := strings.Replace(d.Msg, "%s is missing", "%s is empty", 1)
					out = append(out, fmt.Sprintf("%s %s %s %v", d.Code, d.Path, msg, d.Args))
				}
				slices.Sort(out)
				return out
			}
			if a, b := key(want), key(got); !slices.Equal(a, b) {
				t.Errorf("TOML findings:\n%s\nworkbook findings:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			for _, d := range got {
				if d.Sheet == "" && d.Path != "" {
					t.Errorf("no cell: %v", d)
				}
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestHintsReworded checks that every hint the workbook rewords is one the
// catalog has (a hint the validator no longer gives would silently stop
// being reworded), and so is its rewording.
func TestHintsReworded(t *testing.T) {
	for from, to := range workbookHints {
		if !diag.InCatalog(from) || !diag.InCatalog(to.Key) {
			t.Errorf("%q → %q: not both in the catalog", from, to.Key)
		}
	}
}
