package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
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
