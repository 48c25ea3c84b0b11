package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/docx"
)

func ExampleWrite() {
	d := &doc.Document{
		Meta: doc.Meta{Title: "部门整体绩效目标", Author: "网信办"},
		Page: doc.Page{Width: 210, Height: 297, MarginTop: 37, MarginBottom: 35, MarginLeft: 28, MarginRight: 26,
			Footer: doc.Footer{Format: "— %d —", Style: "pagenum", Distance: 7}},
		Fonts: map[string]doc.Font{
			"fang": {EastAsia: "仿宋_GB2312", Latin: "Times New Roman"},
			"song": {EastAsia: "宋体", Latin: "Times New Roman"},
		},
		Styles: map[string]doc.Style{
			"body":    {Font: "fang", Size: 16, LineHeight: 28.95, FirstIndent: 2, Align: doc.AlignJustify},
			"pagenum": {Font: "song", Size: 14},
		},
		Blocks: []doc.Block{&doc.Paragraph{Text: "指标值≥95%。", Style: "body"}},
	}
	var buf bytes.Buffer
	if err := docx.Write(&buf, d, docx.Options{}); err != nil {
		log.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range z.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// word/_rels/document.xml.rels
	// word/document.xml
	// word/styles.xml
	// word/settings.xml
	// word/footer1.xml
	// docProps/core.xml
	// docProps/app.xml
}
