package workbook

import (
	"bytes"
	"testing"
)

// FuzzScanSheet feeds the sheet scanner any bytes: it must return cells
// or an error, never panic or hang, and every cell it returns is within
// Excel's limits.
func FuzzScanSheet(f *testing.F) {
	for _, seed := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>12.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`,
		`<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:r><x:t>a&amp;b</x:t></x:r><x:rPh><x:t>x</x:t></x:rPh></x:is></x:c><x:c><x:f t="shared" si="0"/><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		`<sheetData><row r="3"><c r="C3" t="str"><f>A1&amp;"_x000D_"</f><v><![CDATA[x<y]]></v></c><c r="XFD3"/></row></sheetData>`,
		`<!-- c --><?pi x?><row r="1048576"><c r="A1048576" t="e"><v>#REF!</v></c></row>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := scanSheet(data, []string{"shared"})
		if err != nil {
			return
		}
		if len(sc.rows) > maxRow {
			t.Fatalf("%d rows", len(sc.rows))
		}
		n := 0
		for _, r := range sc.rows {
			n += len(r)
			if len(r) > maxCol {
				t.Fatalf("%d columns", len(r))
			}
		}
		if n > maxCells || bytes.Count(data, []byte("<")) == 0 && n > 0 {
			t.Fatalf("%d cells", n)
		}
	})
}
