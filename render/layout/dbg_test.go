package layout
import ("testing";"os";"github.com/go-pdf/fpdf")
func dbgPDF(t *testing.T, r *Result, path string) {
	p := fpdf.New("P", "mm", "A4", "/usr/share/fonts/truetype/lxgw-wenkai")
	p.AddUTF8Font("m", "", "LXGWWenKaiMono-Regular.ttf")
	for _, pg := range r.Pages {
		p.AddPage()
		p.SetDrawColor(200,200,255); p.SetLineWidth(0.1); p.Rect(28,37,156,225,"D"); p.SetDrawColor(0,0,0)
		for _, it := range pg.Items {
			switch it := it.(type) {
			case Text: p.SetFont("m","",it.Size); p.Text(it.X,it.Y,it.Text)
			case Rule: p.SetLineWidth(it.Width); p.Line(it.X1,it.Y1,it.X2,it.Y2)
			case Link: p.SetDrawColor(255,0,0); p.SetLineWidth(0.1); p.Rect(it.X,it.Y,it.W,it.H,"D"); p.SetDrawColor(0,0,0)
			case PageNumber: p.SetFont("m","",it.Size); x := it.X; w := p.GetStringWidth(it.Text); if it.AlignRight {x-=w} else if it.Center {x-=w/2}; p.Text(x,it.Y,it.Text)
			}
		}
	}
	if err := p.OutputFileAndClose(path); err != nil { t.Fatal(err) }
}
func TestDbg(t *testing.T) {
	r := mustLayout(t, newDoc(projectTables(1, 45)...))
	os.WriteFile("/tmp/dbg.txt", []byte(Dump(r)), 0o644)
	dbgPDF(t, r, "/tmp/dbg1.pdf")
	r = mustLayout(t, sampleReport(3))
	os.WriteFile("/tmp/dbg2.txt", []byte(Dump(r)), 0o644)
	dbgPDF(t, r, "/tmp/dbg2.pdf")
}
