package render

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// TestConvertKeepsEveryValue converts each sample TOML → XLSX → TOML: the
// filings read at each step are equal field by field, and the reports
// built from the TOML and from the workbook have the same pages.
func TestConvertKeepsEveryValue(t *testing.T) {
	for _, path := range []string{samplePath, "../data/national/mzj-2024.toml"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			e := engine(t)
			f, notes, err := e.LoadFile(path)
			if err != nil {
				t.Fatal(notes)
			}
			var xlsx, toml bytes.Buffer
			if notes, err := e.WriteFiling(&xlsx, f, "xlsx"); err != nil {
				t.Fatal(err, notes)
			}
			fromXLSX, notes, err := e.Load("x.xlsx", xlsx.Bytes())
			if err != nil {
				t.Fatal(notes)
			}
			if notes, err := e.WriteFiling(&toml, fromXLSX, "toml"); err != nil {
				t.Fatal(err, notes)
			}
			fromTOML, notes, err := e.Load("x.toml", toml.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", notes, toml.String())
			}
			for name, g := range map[string]*budget.Filing{"workbook": fromXLSX, "TOML again": fromTOML} {
				if a, b := values(f), values(g); !reflect.DeepEqual(a, b) {
					t.Errorf("%s: the filing differs:\n%+v\n%+v", name, a, b)
				}
			}
			rep := mustBuild(t, fromXLSX)
			if a, b := layout.Dump(mustBuild(t, f).pages), layout.Dump(rep.pages); a != b {
				t.Error("the report built from the workbook has other pages")
			}
			// The PDF carries the workbook it was built from, as a workbook.
			var pdf bytes.Buffer
			if err := rep.WritePDF(&pdf); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(pdf.Bytes(), []byte("/Subtype /application#2Fvnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
				t.Error("the PDF does not attach the workbook as one")
			}
		})
	}
}

// values is a filing without where it was read from, and each amount as
// its value (its text only when it did not parse).
func values(f *budget.Filing) budget.Filing {
	c := *f
	c.File, c.Source, c.Positions = "", nil, nil
	c.Projects = nil
	norm := func(d budget.Decimal) budget.Decimal {
		if d.Err == nil {
			d.Raw = ""
		}
		return d
	}
	for _, p := range f.Projects {
		p.Budget, p.Fiscal, p.Other = norm(p.Budget), norm(p.Fiscal), norm(p.Other)
		plan := p.SpendingPlan
		p.SpendingPlan = nil
		for _, d := range plan {
			p.SpendingPlan = append(p.SpendingPlan, norm(d))
		}
		c.Projects = append(c.Projects, p)
	}
	return c
}
