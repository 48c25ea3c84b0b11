package editor

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// checked is the answer of /api/check.
type checked struct {
	Findings []Finding
	Preview  *Preview
}

func (ts *testServer) check(t testing.TB, e edit) checked {
	t.Helper()
	code, body, _ := ts.do(t, "POST", "/api/check", e)
	if code != http.StatusOK {
		t.Fatalf("check: %d %s", code, body)
	}
	var r checked
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func keys(p *Preview) []string {
	var out []string
	for _, pg := range p.Pages {
		out = append(out, pg.Key)
	}
	return out
}

// drawLazy asks for the pages of p not drawn yet, as the page does when
// they come into view.
func (ts *testServer) drawLazy(t testing.TB, p *Preview) {
	t.Helper()
	for i, pg := range p.Pages {
		if !pg.Lazy {
			continue
		}
		code, body, _ := ts.do(t, "GET", "/api/page?key="+pg.Key, nil)
		if code != http.StatusOK {
			t.Fatalf("page %d: %d %s", i+1, code, body)
		}
		p.Pages[i] = Page{}
		json.Unmarshal(body, &p.Pages[i])
	}
}

// TestPreviewSendsOnlyChangedPages: the first check draws the first
// pages, the others when asked for (in view); after an edit the server
// sends only the pages that changed near the view, and those with the
// kept ones are, byte for byte, what a full redraw sends.
func TestPreviewSendsOnlyChangedPages(t *testing.T) {
	ts := newTestServer(t)
	name := manyProjects(t, ts.dir, 20)
	o := ts.open(t, name)
	first := ts.check(t, edit{File: name, Hash: o.Hash, Values: o.Values})
	if first.Preview == nil || first.Preview.Draft {
		t.Fatalf("preview of the valid filing: %+v", first.Preview)
	}
	for i, pg := range first.Preview.Pages {
		if drawn := pg.SVG != "" && strings.HasPrefix(pg.SVG, "<svg") && pg.Text != ""; drawn != (i < eagerPages) || pg.Lazy == drawn {
			t.Fatalf("page %d: drawn %v, lazy %v; the first %d are drawn at once", i+1, drawn, pg.Lazy, eagerPages)
		}
	}
	ts.drawLazy(t, first.Preview)
	at := int(first.Preview.Places["projects[12]"][0][0])
	// Project 12's code, as wide as before: only its pages change, and
	// are drawn when in view.
	o.Values.Arrays["projects"][11].Values["code"] = "224-0501-JBN-9999"
	sent := ts.check(t, edit{File: name, Hash: o.Hash, Values: o.Values, Have: keys(first.Preview), View: []int{at, at}})
	full := ts.check(t, edit{File: name, Hash: o.Hash, Values: o.Values})
	ts.drawLazy(t, full.Preview)
	shown := map[string]Page{}
	for _, pg := range first.Preview.Pages {
		shown[pg.Key] = pg
	}
	var drawn []int
	for i, pg := range sent.Preview.Pages {
		if pg.SVG != "" {
			drawn = append(drawn, i)
			continue
		}
		kept, ok := shown[pg.Key]
		if !ok {
			t.Fatalf("page %d is neither sent nor shown", i+1)
		}
		sent.Preview.Pages[i] = kept
	}
	var onProject []int
	for _, b := range full.Preview.Places["projects[12]"] {
		if page := int(b[0]); len(onProject) == 0 || onProject[len(onProject)-1] != page {
			onProject = append(onProject, page)
		}
	}
	if len(drawn) == 0 || !slices.Equal(drawn, onProject) {
		t.Errorf("pages %v sent; project 12 is on %v", drawn, onProject)
	}
	far := ts.check(t, edit{File: name, Hash: o.Hash, Values: o.Values, Have: keys(first.Preview), View: []int{0, 0}})
	if at >= eagerPages+2 && !far.Preview.Pages[at].Lazy {
		t.Errorf("page %d, changed far from the view, was drawn", at+1)
	}
	a, _ := json.Marshal(sent.Preview)
	b, _ := json.Marshal(full.Preview)
	if !bytes.Equal(a, b) {
		t.Error("the kept pages and the sent ones differ from a full redraw")
	}
	if !strings.Contains(full.Preview.Pages[drawn[0]].Text, "224-0501-JBN-9999") {
		t.Error("the changed page does not show the edit")
	}
}

// TestPreviewOfErrors: an edit that makes an error gets a draft preview
// showing it, with the place of the project to mark; one that makes the
// file unreadable as a filing gets findings and no preview (the page keeps
// the last one).
func TestPreviewOfErrors(t *testing.T) {
	ts := newTestServer(t)
	o := ts.open(t, sampleName)
	o.Values.Arrays["projects"][0].Values["budget"] = "120000.00"
	r := ts.check(t, edit{File: sampleName, Hash: o.Hash, Values: o.Values})
	if r.Preview == nil || !r.Preview.Draft || len(r.Preview.Pages) != 5 {
		t.Fatalf("preview of a filing with M1: %+v", r.Preview)
	}
	if !strings.Contains(r.Preview.Pages[3].Text, "120000.00") {
		t.Error("the draft does not show the amount as typed")
	}
	if pl := r.Preview.Places["projects[1]"]; len(pl) == 0 || pl[0][0] != 3 {
		t.Errorf("project 1 placed at %+v, want on page 4", pl)
	}

	o = ts.open(t, sampleName)
	o.Values.Values["year"] = "二〇二四"
	r = ts.check(t, edit{File: sampleName, Hash: o.Hash, Values: o.Values})
	if r.Preview != nil || len(r.Findings) == 0 || r.Findings[0].Severity != "error" {
		t.Errorf("a year that is not a number: preview %v, findings %+v", r.Preview != nil, r.Findings)
	}
}

// BenchmarkPreview is the server's time for one edit with its preview:
// the values patched in, loaded, checked, laid out (as a draft when the
// edit makes an error) and the pages that changed drawn as SVG, the page
// holding the others (edit.Have). Targets: ≤ 100 ms for the sample, ≤ 300
// ms for 100 projects. "open" is the first check of a file, which draws
// every page.
func BenchmarkPreview(b *testing.B) {
	ts := newTestServer(b)
	for _, c := range []struct{ name, file string }{{"sample", sampleName}, {"100projects", manyProjects(b, ts.dir, 100)}} {
		o := ts.open(b, c.file)
		have := keys(ts.check(b, edit{File: c.file, Hash: o.Hash, Values: o.Values}).Preview)
		for _, e := range []struct{ name, key, value string }{
			{"open", "", ""},
			{"valid", "purpose", "加强网络舆情应急处置和引导管理。"},
			{"error", "budget", "120000.00"},
		} {
			o := ts.open(b, c.file)
			ed := edit{File: c.file, Hash: o.Hash, Values: o.Values}
			if e.key != "" {
				o.Values.Arrays["projects"][0].Values[e.key] = e.value
				ed.Have = have
			}
			body, _ := json.Marshal(ed)
			b.Run(c.name+"/"+e.name, func(b *testing.B) {
				for b.Loop() {
					req := httptest.NewRequest("POST", "/api/check", bytes.NewReader(body))
					req.Host = ts.host
					req.Header.Set("Cookie", ts.cookie+"="+testToken)
					req.Header.Set("Origin", ts.origin())
					req.Header.Set("Content-Type", "application/json")
					w := httptest.NewRecorder()
					ts.Config.Handler.ServeHTTP(w, req)
					if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"preview"`) {
						b.Fatalf("check: %d %.300s", w.Code, w.Body)
					}
				}
			})
		}
	}
}
