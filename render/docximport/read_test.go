package docximport

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestReadDamaged: a report cut short anywhere, with its XML damaged, or
// with tables nested without end, gives findings, never a panic or a hang.
func TestReadDamaged(t *testing.T) {
	data, err := os.ReadFile("../testdata/hebei-sample-joined-form.docx")
	if err != nil {
		t.Fatal(err)
	}
	if f, notes := Read("ok.docx", data); f == nil || notes.HasErrors() {
		t.Fatalf("the fixture does not read: %v", notes)
	}
	for n := 0; n < len(data); n += 211 {
		if f, notes := Read("cut.docx", data[:n]); f != nil || !notes.HasErrors() {
			t.Errorf("cut at %d bytes: read without an error", n)
		}
	}
	body := documentOf(t, data)
	for _, damage := range []func(string) string{
		func(s string) string { return strings.Replace(s, "</w:tc>", "", 3) },
		func(s string) string { return strings.Replace(s, "<w:tr>", "<w:tr><w:tc>", 5) },
		func(s string) string { return s[:len(s)/2] },
		func(s string) string { return strings.ReplaceAll(s, `w:val="restart"`, "") },
		func(s string) string { return strings.ReplaceAll(s, `<w:gridSpan w:val="`, `<w:gridSpan w:val="9999`) },
		func(s string) string {
			return strings.Replace(s, "<w:body>", "<w:body>"+strings.Repeat("<w:tbl><w:tr><w:tc>", 5000), 1)
		},
		func(s string) string { // 20,000 rows under a row of 20,000 cells
			return strings.Replace(s, "<w:body>", "<w:body><w:tbl><w:tr>"+strings.Repeat("<w:tc><w:p/></w:tc>", 20000)+"</w:tr>"+
				strings.Repeat("<w:tr><w:tc><w:p/></w:tc></w:tr>", 20000)+"</w:tbl>", 1)
		},
		func(s string) string {
			return strings.Replace(s, "<w:body>", "<w:body><w:p>"+strings.Repeat(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`, 5000), 1)
		},
	} {
		Read("damaged.docx", withDocument(t, data, damage(body))) // must return
	}
}

func documentOf(t *testing.T, data []byte) string {
	t.Helper()
	b, err := documentXML(data)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withDocument returns the package data with its document.xml replaced.
func withDocument(t *testing.T, data []byte, body string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == "word/document.xml" {
			io.WriteString(w, body)
			continue
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return b.Bytes()
}
