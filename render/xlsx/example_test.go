package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// Write puts each captioned table on a sheet of its own; a cell showing a
// decimal is a number.
func ExampleWrite() {
	d := &doc.Document{
		Page:   doc.Page{Width: 210, Height: 297, MarginTop: 30, MarginBottom: 30, MarginLeft: 25, MarginRight: 25},
		Fonts:  map[string]doc.Font{"song": {EastAsia: "宋体"}},
		Styles: map[string]doc.Style{"cell": {Font: "song", Size: 10.5, Align: doc.AlignCenter}, "caption": {Font: "song", Size: 14}},
		Blocks: []doc.Block{
			&doc.Heading{Text: "1、办公设备购置绩效目标表", Style: "caption"},
			&doc.Table{Name: "1、办公设备购置", Columns: []float64{40, 120}, Borders: true, Rows: []doc.Row{
				{Cells: []doc.Cell{{Col: 0, ColSpan: 1, RowSpan: 1, Text: "预算数", Style: "cell"}, {Col: 1, ColSpan: 1, RowSpan: 1, Text: "1234.50", Style: "cell"}}},
			}},
		},
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, d); err != nil {
		panic(err)
	}
	x, _ := excelize.OpenReader(&b)
	sheet := x.GetSheetList()[0]
	caption, _ := x.GetCellValue(sheet, "A1")
	shown, _ := x.GetCellValue(sheet, "B2")
	typ, _ := x.GetCellType(sheet, "B2")
	fmt.Println(sheet, caption, shown, typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber)
	// Output:
	// 1、办公设备购置 1、办公设备购置绩效目标表 1234.50 true
}
