package render_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/diag"

	"golang.org/x/text/language"
)

// A front end makes one Engine and, for each filing, loads it, builds the
// report and writes it; findings come back as values.
func Example() {
	e, _ := render.New(render.Options{}) // the built-in forms only
	f, notes, err := e.LoadFile("../data/hebei/shanhaiguan-wxb-2024.toml")
	if err != nil {
		fmt.Print(notes.Format(language.English))
		return
	}
	rep, more, err := e.Build(f)
	notes = append(notes, more...)
	if err != nil {
		fmt.Print(notes.Format(language.English))
		return
	}
	var pdf, docx bytes.Buffer
	if err := rep.WritePDF(&pdf); err != nil {
		fmt.Println(err)
	}
	if err := rep.Write(&docx, "docx"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(notes), "warnings")
	fmt.Println(bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), bytes.HasPrefix(docx.Bytes(), []byte("PK")))
	// Output:
	// 4 warnings
	// true true
}

// A filing can come from bytes, such as an upload; the file name picks the
// reader (here TOML) and names the file in findings. ErrInvalid says the
// filing has errors; the findings say which, where and how to fix them.
func ExampleEngine_Load() {
	e, _ := render.New(render.Options{})
	_, notes, err := e.Load("upload.toml", []byte("year = 2024\n[department]\nnmae = \"网信办\"\n"))
	fmt.Println(errors.Is(err, render.ErrInvalid))
	fmt.Print(notes.Format(language.English))
	// Output:
	// true
	// upload.toml:3:1: error[S2]: unknown key "nmae" (department.nmae)
	// 	hint: did you mean "name"?
}

// Check runs the rules against the filing's form without building the
// report. The national form prints amounts in 万元, converted from the
// filing's unit: a unit it cannot convert from is an error.
func ExampleEngine_Check() {
	e, _ := render.New(render.Options{})
	f, _, _ := e.LoadFile("../data/national/mzj-2024.toml")
	f.Department.MoneyUnit = "千元"
	notes, err := e.Check(f)
	fmt.Println(errors.Is(err, render.ErrInvalid))
	for _, d := range notes {
		if d.Severity == diag.Error {
			fmt.Println(d)
		}
	}
	// Output:
	// true
	// ../data/national/mzj-2024.toml:12:1: error[M7]: money unit "千元" is not one this form accepts (元 / 万元) (department.money_unit)
	// 	hint: set money_unit under [department] to one of them: the form prints amounts in 万元 and converts them from that unit
}

// Details tells a form-filling front end what to offer: the 一级 and 二级
// indicators for its drop-downs, the spending-plan checkpoints and the
// money units.
func ExampleEngine_Details() {
	e, _ := render.New(render.Options{})
	d, _ := e.Details("hebei", 2024)
	fmt.Println(d.ID, d.Checkpoints, d.MoneyUnits)
	for _, c := range d.Categories {
		fmt.Println(c.Name, c.Subs)
	}
	// Output:
	// hebei@2024 [3月底 6月底 10月底 12月底] [元 万元]
	// 产出指标 [数量指标 质量指标 时效指标 成本指标]
	// 效果指标 [经济效益指标 社会效益指标 生态效益指标 可持续影响指标]
	// 满意度指标 [服务对象满意度指标]
}
