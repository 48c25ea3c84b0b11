package editor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/budget"
)

const (
	sampleName = "shanhaiguan-wxb-2024.toml"
	testToken  = "0123456789abcdef"
)

var samplePath = filepath.Join("..", "..", "..", "..", "data", "hebei", sampleName)

// testServer serves a temporary folder holding the sample.
type testServer struct {
	*httptest.Server
	cookie string
	dir    string
	host   string // host:port
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, sampleName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	host := ts.Listener.Addr().String()
	s, warning, err := New(Config{Dir: dir, Addr: host, Token: testToken})
	if err != nil || warning != "" {
		t.Fatal(err, warning)
	}
	t.Cleanup(func() { s.Close() })
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, cookie: s.CookieName(), dir: dir, host: host}
}

// request sends a request as the page would (cookie, Origin, JSON),
// changed by the options.
type reqOpt func(*http.Request)

func noCookie(r *http.Request)   { r.Header.Del("Cookie") }
func withHost(h string) reqOpt   { return func(r *http.Request) { r.Host = h } }
func withOrigin(o string) reqOpt { return func(r *http.Request) { r.Header.Set("Origin", o) } }
func withType(ct string) reqOpt  { return func(r *http.Request) { r.Header.Set("Content-Type", ct) } }
func withCookie(value string) reqOpt {
	return func(r *http.Request) { r.Header.Set("Cookie", "jixiao_"+r.URL.Port()+"="+value) }
}
func withoutHeader(name string) reqOpt    { return func(r *http.Request) { r.Header.Del(name) } }
func (ts *testServer) origin() string     { return "http://" + ts.host }
func (ts *testServer) at(p string) string { return ts.URL + p }

func (ts *testServer) do(t testing.TB, method, path string, body any, opts ...reqOpt) (int, []byte, http.Header) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.at(path), rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Cookie", ts.cookie+"="+testToken)
	if method != http.MethodGet {
		req.Header.Set("Origin", ts.origin())
		req.Header.Set("Content-Type", "application/json")
	}
	for _, o := range opts {
		o(req)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data, resp.Header
}

func (ts *testServer) open(t testing.TB, name string) *Opened {
	t.Helper()
	code, body, _ := ts.do(t, "GET", "/api/open?file="+name, nil)
	if code != http.StatusOK {
		t.Fatalf("open %s: %d %s", name, code, body)
	}
	var o Opened
	if err := json.Unmarshal(body, &o); err != nil {
		t.Fatal(err)
	}
	return &o
}

func TestTokenIsExchangedForACookie(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/", "/api/files", "/static/editor.js", "/download?file=x.pdf", "/?token=wrong"} {
		if code, body, _ := ts.do(t, "GET", path, nil, noCookie); code != http.StatusForbidden {
			t.Errorf("GET %s without the cookie: %d %s, want 403", path, code, body)
		}
	}
	if code, _, _ := ts.do(t, "GET", "/api/files", nil, withCookie("wrong")); code != http.StatusForbidden {
		t.Errorf("a wrong cookie: %d, want 403", code)
	}
	code, _, h := ts.do(t, "GET", "/?token="+testToken, nil, noCookie)
	if code != http.StatusSeeOther || h.Get("Location") != "/" {
		t.Fatalf("GET with the token: %d to %q, want a redirect to / without it", code, h.Get("Location"))
	}
	c := h.Get("Set-Cookie")
	for _, want := range []string{ts.cookie + "=" + testToken, "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(c, want) {
			t.Errorf("cookie %q lacks %s", c, want)
		}
	}
	if code, body, _ := ts.do(t, "GET", "/", nil); code != http.StatusOK || !bytes.Contains(body, []byte("绩效目标编辑器")) {
		t.Errorf("GET / with the cookie: %d", code)
	}
}

func TestForeignHostIsRefused(t *testing.T) {
	ts := newTestServer(t)
	_, port, _ := strings.Cut(ts.host, ":")
	for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.1:1", "192.168.1.2:" + port} {
		if code, _, _ := ts.do(t, "GET", "/api/files", nil, withHost(host)); code != http.StatusForbidden {
			t.Errorf("Host %q: %d, want 403", host, code)
		}
	}
	if code, _, _ := ts.do(t, "GET", "/api/files", nil, withHost("localhost:"+port)); code != http.StatusOK {
		t.Errorf("Host localhost:%s: %d, want 200", port, code)
	}
}

func TestWritesNeedTheSameOrigin(t *testing.T) {
	ts := newTestServer(t)
	o := ts.open(t, sampleName)
	body := edit{File: sampleName, Hash: o.Hash, Values: o.Values}
	for name, opt := range map[string]reqOpt{
		"no Origin":      withoutHeader("Origin"),
		"foreign Origin": withOrigin("http://evil.example"),
		"null Origin":    withOrigin("null"),
		"other port":     withOrigin("http://127.0.0.1:1"),
	} {
		for _, path := range []string{"/api/check", "/api/save", "/api/build", "/api/new"} {
			if code, _, _ := ts.do(t, "POST", path, body, opt); code != http.StatusForbidden {
				t.Errorf("%s, POST %s: %d, want 403", name, path, code)
			}
		}
	}
	if code, _, _ := ts.do(t, "POST", "/api/check", body, withType("text/plain")); code != http.StatusUnsupportedMediaType {
		t.Errorf("a form post (text/plain): %d, want 415", code)
	}
	if code, _, _ := ts.do(t, "POST", "/api/check", body); code != http.StatusOK {
		t.Errorf("same origin: %d, want 200", code)
	}
}

func TestFilesOnlyInsideTheFolder(t *testing.T) {
	ts := newTestServer(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.toml"), []byte("year = 2024\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.pdf"), []byte("%PDF-secret"), 0o644)
	os.Mkdir(filepath.Join(ts.dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(ts.dir, "sub", "x.toml"), []byte("year = 2024\n"), 0o644)
	linked := os.Symlink(filepath.Join(outside, "secret.toml"), filepath.Join(ts.dir, "link.toml")) == nil
	os.Symlink(filepath.Join(outside, "secret.pdf"), filepath.Join(ts.dir, "link.pdf"))
	rel, _ := filepath.Rel(ts.dir, filepath.Join(outside, "secret.toml"))
	for _, name := range []string{"../secret.toml", rel, filepath.Join(outside, "secret.toml"), `..\secret.toml`,
		"sub/x.toml", "link.toml", ".hidden.toml", "C:secret.toml", "x.txt", "", "%2e%2e%2fsecret.toml"} {
		code, body, _ := ts.do(t, "GET", "/api/open?file="+urlEscape(name), nil)
		if code == http.StatusOK || bytes.Contains(body, []byte("2024")) {
			t.Errorf("open %q: %d %s", name, code, body)
		}
	}
	for _, name := range []string{"../secret.pdf", "link.pdf", filepath.Join(outside, "secret.pdf"), "shanhaiguan-wxb-2024.toml"} {
		if code, body, _ := ts.do(t, "GET", "/download?file="+urlEscape(name), nil); code == http.StatusOK || bytes.Contains(body, []byte("%PDF-secret")) {
			t.Errorf("download %q: %d %s", name, code, body)
		}
	}
	for _, name := range []string{"../new.toml", "sub/new.toml", filepath.Join(outside, "new.toml")} {
		if code, _, _ := ts.do(t, "POST", "/api/new", map[string]any{"name": name, "template": "hebei", "year": 2025}); code == http.StatusOK {
			t.Errorf("new %q: %d", name, code)
		}
	}
	if _, err := os.Stat(filepath.Join(outside, "new.toml")); err == nil {
		t.Error("a new file was written outside the folder")
	}
	// The listing names only the folder's own filings.
	_, body, _ := ts.do(t, "GET", "/api/files", nil)
	if bytes.Contains(body, []byte("link.toml")) != false && linked {
		t.Errorf("the list offers a link out of the folder: %s", body)
	}
	if !bytes.Contains(body, []byte(sampleName)) || bytes.Contains(body, []byte("x.toml")) {
		t.Errorf("the list: %s", body)
	}
}

func urlEscape(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", "#", "%23", " ", "%20").Replace(s)
}

func TestBodiesAreLimited(t *testing.T) {
	ts := newTestServer(t)
	big := append([]byte(`{"file":"`+sampleName+`","hash":"`), bytes.Repeat([]byte("a"), maxBody+10)...)
	big = append(big, `"}`...)
	if code, body, _ := ts.do(t, "POST", "/api/check", big); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a %d-byte body: %d %s, want 413", len(big), code, body)
	}
}

func TestCheckShowsTheCLIsFinding(t *testing.T) {
	ts := newTestServer(t)
	o := ts.open(t, sampleName)
	o.Values.Arrays["projects"][0].Values["budget"] = "120000.00"
	code, body, _ := ts.do(t, "POST", "/api/check", edit{File: sampleName, Hash: o.Hash, Values: o.Values})
	if code != http.StatusOK {
		t.Fatalf("check: %d %s", code, body)
	}
	var r struct{ Findings []Finding }
	json.Unmarshal(body, &r)
	want := Finding{Severity: "error", Code: "M1", Path: "projects[1].budget", Line: 42, Where: "42:1",
		Message: "预算数120000.00元应等于财政资金100000.00元与其他资金0.00元之和（差额20000.00元）",
		Hint:    "请核对金额，使预算数 = 财政资金 + 其他资金；未填写的其他资金按0计"}
	found := false
	for _, f := range r.Findings {
		found = found || f == want
	}
	if !found {
		t.Errorf("findings %+v lack %+v", r.Findings, want)
	}
	// Nothing was written.
	if data, _ := os.ReadFile(filepath.Join(ts.dir, sampleName)); hash(data) != o.Hash {
		t.Error("a check changed the file")
	}
}

func TestSaveKeepsCommentsAndABackup(t *testing.T) {
	ts := newTestServer(t)
	path := filepath.Join(ts.dir, sampleName)
	original, _ := os.ReadFile(path)
	o := ts.open(t, sampleName)
	o.Values.Arrays["projects"][0].Values["budget"] = "120000.00"
	code, body, _ := ts.do(t, "POST", "/api/save", edit{File: sampleName, Hash: o.Hash, Values: o.Values})
	if code != http.StatusOK {
		t.Fatalf("save: %d %s", code, body)
	}
	saved, _ := os.ReadFile(path)
	if want := bytes.Replace(original, []byte("budget = 100000.00          # 预算数"), []byte("budget = 120000.00          # 预算数"), 1); !bytes.Equal(saved, want) {
		t.Errorf("saved file is not the original with the one value changed:\n%s", saved)
	}
	if backup, _ := os.ReadFile(path + ".bak"); !bytes.Equal(backup, original) {
		t.Error("the backup is not the previous version")
	}
	var again Opened
	json.Unmarshal(body, &again)
	if again.Hash != hash(saved) {
		t.Error("the answer does not name the saved version")
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(ts.dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestStaleSaveIsRefused(t *testing.T) {
	ts := newTestServer(t)
	path := filepath.Join(ts.dir, sampleName)
	tab1, tab2 := ts.open(t, sampleName), ts.open(t, sampleName)
	tab1.Values.Values["year"] = "2025"
	if code, body, _ := ts.do(t, "POST", "/api/save", edit{File: sampleName, Hash: tab1.Hash, Values: tab1.Values}); code != http.StatusOK {
		t.Fatalf("first save: %d %s", code, body)
	}
	afterFirst, _ := os.ReadFile(path)
	// The second tab still shows the version before the first save.
	tab2.Values.Values["date"] = "2024-01-15"
	code, body, _ := ts.do(t, "POST", "/api/save", edit{File: sampleName, Hash: tab2.Hash, Values: tab2.Values})
	if code != http.StatusConflict || !strings.Contains(string(body), "已被修改") {
		t.Errorf("save from a stale tab: %d %s, want 409", code, body)
	}
	// An edit in another program meanwhile.
	now := ts.open(t, sampleName)
	edited := append(afterFirst, "# edited in Notepad\n"...)
	os.WriteFile(path, edited, 0o644)
	now.Values.Values["year"] = "2026"
	if code, _, _ := ts.do(t, "POST", "/api/save", edit{File: sampleName, Hash: now.Hash, Values: now.Values}); code != http.StatusConflict {
		t.Errorf("save over an outside edit: %d, want 409", code)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, edited) {
		t.Error("a refused save changed the file")
	}
	// A build of a file that changed since it was opened is refused too.
	if code, _, _ := ts.do(t, "POST", "/api/build", map[string]string{"file": sampleName, "hash": now.Hash}); code != http.StatusConflict {
		t.Errorf("build of a changed file: %d, want 409", code)
	}
}

func TestBuildAndDownload(t *testing.T) {
	ts := newTestServer(t)
	o := ts.open(t, sampleName)
	code, body, _ := ts.do(t, "POST", "/api/build", map[string]string{"file": sampleName, "hash": o.Hash})
	if code != http.StatusOK {
		t.Fatalf("build: %d %s", code, body)
	}
	var r struct{ Outputs []Output }
	json.Unmarshal(body, &r)
	if len(r.Outputs) != 2 || r.Outputs[0].Name != "shanhaiguan-wxb-2024.pdf" || r.Outputs[1].Name != "shanhaiguan-wxb-2024.docx" {
		t.Fatalf("outputs %+v", r.Outputs)
	}
	code, pdf, h := ts.do(t, "GET", r.Outputs[0].URL, nil)
	if code != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF-")) || h.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(h.Get("Content-Disposition"), "attachment") {
		t.Errorf("download: %d %q %q", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
	}
	// A filing with errors builds nothing, as `jixiao build` does.
	path := filepath.Join(ts.dir, sampleName)
	os.Remove(filepath.Join(ts.dir, "shanhaiguan-wxb-2024.pdf"))
	data, _ := os.ReadFile(path)
	bad := bytes.Replace(data, []byte("budget = 100000.00"), []byte("budget = 1.00"), 1)
	os.WriteFile(path, bad, 0o644)
	code, body, _ = ts.do(t, "POST", "/api/build", map[string]string{"file": sampleName, "hash": hash(bad)})
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), `"code":"M1"`) {
		t.Errorf("build with an error: %d %s", code, body)
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "shanhaiguan-wxb-2024.pdf")); err == nil {
		t.Error("a filing with errors was built")
	}
}

func TestNewFiling(t *testing.T) {
	ts := newTestServer(t)
	code, body, _ := ts.do(t, "POST", "/api/new", map[string]any{"name": "本单位2025", "template": "national", "year": 2025})
	if code != http.StatusOK {
		t.Fatalf("new: %d %s", code, body)
	}
	var o Opened
	json.Unmarshal(body, &o)
	if o.File != "本单位2025.toml" || o.Form == nil || !strings.HasPrefix(o.Form.ID, "national") || len(o.Findings) == 0 {
		t.Errorf("new filing %q on %+v with %d findings", o.File, o.Form, len(o.Findings))
	}
	if code, _, _ := ts.do(t, "POST", "/api/new", map[string]any{"name": "本单位2025.toml", "template": "national"}); code == http.StatusOK {
		t.Error("new over an existing file")
	}
	if code, _, _ := ts.do(t, "POST", "/api/new", map[string]any{"name": "x", "template": "nosuch"}); code == http.StatusOK {
		t.Error("new on an unknown form")
	}
}

func TestOpenRefusesWhatIsNotTOML(t *testing.T) {
	ts := newTestServer(t)
	os.WriteFile(filepath.Join(ts.dir, "broken.toml"), []byte("year = \n"), 0o644)
	code, body, _ := ts.do(t, "GET", "/api/open?file=broken.toml", nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), "broken.toml:1") {
		t.Errorf("open a broken file: %d %s", code, body)
	}
}

func TestOpenRefusesALayoutItCannotWriteBack(t *testing.T) {
	ts := newTestServer(t)
	os.WriteFile(filepath.Join(ts.dir, "inline.toml"), []byte("year = 2024\ndepartment = {name = \"某局\"}\n"), 0o644)
	code, body, _ := ts.do(t, "GET", "/api/open?file=inline.toml", nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), "第2行的 department") {
		t.Errorf("open an inline table: %d %s", code, body)
	}
}

// A form in DIR/模板 is offered beside the built-in ones, and a filing
// on it is checked against it.
func TestFormsFromTheFolder(t *testing.T) {
	dir := t.TempDir()
	tpl, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "templates", "hebei.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "模板"), 0o755)
	os.WriteFile(filepath.Join(dir, "模板", "mine.toml"), bytes.Replace(tpl, []byte(`name = "hebei"`), []byte(`name = "mine"`), 1), 0o644)
	s, warning, err := New(Config{Dir: dir, Addr: "127.0.0.1:1", Token: testToken})
	if err != nil || warning != "" {
		t.Fatal(err, warning)
	}
	defer s.Close()
	var ids []string
	for _, f := range s.engine.templates() {
		ids = append(ids, f.ID)
	}
	if !slices.Contains(ids, "mine@2024") || !slices.Contains(ids, "hebei@2024") {
		t.Errorf("forms offered: %q", ids)
	}
	if f, ok := s.engine.form("mine", 2024); !ok || len(f.Categories) != 3 {
		t.Errorf("the folder's form: %+v", f)
	}
}

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"a.toml": true, "本单位 2025.TOML": true, "a.toml.bak": false, "../a.toml": false, "a/b.toml": false,
		`a\b.toml`: false, "C:a.toml": false, ".a.toml": false, "a\x00.toml": false, "a.pdf": false,
		"NUL.toml": false, "con.toml": false, "com1.toml": false, "LPT9.x.toml": false, "COM0.toml": true, "console.toml": true,
	} {
		if got := checkName(name, filingExts) == nil; got != ok {
			t.Errorf("checkName(%q) accepts: %v, want %v", name, got, ok)
		}
	}
}

// edited returns the request body of a check of the filing name with one
// field of its first project set.
// manyProjects writes a filing of n projects, the sample's two repeated.
func manyProjects(t testing.TB, dir string, n int) string {
	src, _ := os.ReadFile(samplePath)
	v, err := budget.Values(src)
	if err != nil {
		t.Fatal(err)
	}
	ps := v.Arrays["projects"]
	for i := len(ps); i < n; i++ {
		data, _ := json.Marshal(ps[i%2])
		var p budget.Table
		json.Unmarshal(data, &p)
		p.Origin = 0
		for _, ind := range p.Arrays["indicators"] {
			ind.Origin = 0
		}
		p.Values["code"] = fmt.Sprintf("224-0501-JBN-%04d", i)
		p.Values["name"] = fmt.Sprintf("%s（%d）", p.Values["name"], i)
		v.Arrays["projects"] = append(v.Arrays["projects"], &p)
	}
	out, err := budget.Patch(src, v)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("p%d.toml", n)
	os.WriteFile(filepath.Join(dir, name), out, 0o644)
	return name
}

// sampleWorkbook writes the sample as a data workbook into the test
// folder, as name, after change has changed it (its spreadsheet library
// view), and returns its bytes.
func sampleWorkbook(t *testing.T, ts *testServer, name string, change func(f *budget.Filing, x *excelize.File)) []byte {
	t.Helper()
	e, _ := render.New(render.Options{})
	f, _, err := e.LoadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := e.WriteFiling(&buf, f, "xlsx"); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	change(f, x)
	buf.Reset()
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ts.dir, name), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook opens as the form with its findings by cell, saves the
// edited values into its cells (the previous version kept as .bak), and
// builds once it has no errors.
func TestWorkbook(t *testing.T) {
	ts := newTestServer(t)
	was := sampleWorkbook(t, ts, "填报.xlsx", func(_ *budget.Filing, x *excelize.File) {
		x.SetCellFloat("项目", "C2", 120000, 2, 64) // the budget: M1
	})
	if _, body, _ := ts.do(t, "GET", "/api/files", nil); !bytes.Contains(body, []byte("填报.xlsx")) {
		t.Errorf("the list lacks the workbook: %s", body)
	}
	o := ts.open(t, urlEscape("填报.xlsx"))
	if !o.Workbook || o.Values.Arrays["projects"][0].Values["budget"] != "120000.00" || len(o.ReadOnly) != 0 {
		t.Errorf("workbook opened as %v with budget %q, read-only %v", o.Workbook, o.Values.Arrays["projects"][0].Values["budget"], o.ReadOnly)
	}
	var m1 *Finding
	for i := range o.Findings {
		if o.Findings[i].Code == "M1" {
			m1 = &o.Findings[i]
		}
	}
	if m1 == nil || m1.Path != "projects[1].budget" || m1.Where != "项目!C2" {
		t.Errorf("M1 of the workbook: %+v", m1)
	}
	if code, _, _ := ts.do(t, "POST", "/api/build", map[string]string{"file": "填报.xlsx", "hash": o.Hash}); code != http.StatusUnprocessableEntity {
		t.Errorf("build of a workbook with an error: %d", code)
	}
	// Fix it by following the message: the budget back to 100000.00.
	o.Values.Arrays["projects"][0].Values["budget"] = "100000.00"
	code, body, _ := ts.do(t, "POST", "/api/check", edit{File: "填报.xlsx", Hash: o.Hash, Values: o.Values})
	if code != http.StatusOK || bytes.Contains(body, []byte(`"M1"`)) {
		t.Errorf("check of the fixed workbook: %d %s", code, body)
	}
	code, body, _ = ts.do(t, "POST", "/api/save", edit{File: "填报.xlsx", Hash: o.Hash, Values: o.Values})
	var saved Opened
	if code != http.StatusOK || json.Unmarshal(body, &saved) != nil {
		t.Fatalf("save of a workbook: %d %s", code, body)
	}
	if !saved.Values.Equal(o.Values) || saved.Hash == o.Hash {
		t.Errorf("the saved workbook reopens as other values")
	}
	if bak, _ := os.ReadFile(filepath.Join(ts.dir, "填报.xlsx.bak")); !bytes.Equal(bak, was) {
		t.Errorf("the backup is not the previous version")
	}
	data, _ := os.ReadFile(filepath.Join(ts.dir, "填报.xlsx"))
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("项目", "C2", excelize.Options{RawCellValue: true}); v != "100000" {
		t.Errorf("项目!C2 holds %q", v)
	}
	if code, _, _ := ts.do(t, "POST", "/api/build", map[string]string{"file": "填报.xlsx", "hash": saved.Hash}); code != http.StatusOK {
		t.Errorf("build of the saved workbook: %d", code)
	}
	// A save from the first version, now stale, is refused.
	if code, body, _ := ts.do(t, "POST", "/api/save", edit{File: "填报.xlsx", Hash: o.Hash, Values: o.Values}); code != http.StatusConflict {
		t.Errorf("stale save of a workbook: %d %s, want 409", code, body)
	}
}

// A workbook changed on disk after it was opened (in Excel, say) is not
// overwritten.
func TestWorkbookChangedOnDisk(t *testing.T) {
	ts := newTestServer(t)
	sampleWorkbook(t, ts, "填报.xlsx", func(*budget.Filing, *excelize.File) {})
	o := ts.open(t, urlEscape("填报.xlsx"))
	other := sampleWorkbook(t, ts, "填报.xlsx", func(_ *budget.Filing, x *excelize.File) {
		x.SetCellStr("项目", "B2", "在 Excel 中改过的名称")
	})
	o.Values.Arrays["projects"][0].Values["name"] = "表单中的名称"
	if code, body, _ := ts.do(t, "POST", "/api/save", edit{File: "填报.xlsx", Hash: o.Hash, Values: o.Values}); code != http.StatusConflict || !strings.Contains(string(body), "已被修改") {
		t.Errorf("save over a workbook changed on disk: %d %s, want 409", code, body)
	}
	if now, _ := os.ReadFile(filepath.Join(ts.dir, "填报.xlsx")); !bytes.Equal(now, other) {
		t.Errorf("the workbook changed on disk was overwritten")
	}
}

// A field held by a formula is read-only: the page is told, and a save
// that changes it is refused with the cell and the formula.
func TestWorkbookFormulaIsReadOnly(t *testing.T) {
	ts := newTestServer(t)
	was := sampleWorkbook(t, ts, "公式.xlsx", func(_ *budget.Filing, x *excelize.File) {
		// The stored value first: the library keeps it with the formula.
		x.SetCellFloat("项目", "C3", 50000, -1, 64)
		x.SetCellFormula("项目", "C3", "D3+E3")
	})
	o := ts.open(t, urlEscape("公式.xlsx"))
	if want := []ReadOnly{{Path: "projects[2].budget", Cell: "项目!C3", Formula: "D3+E3"}}; !slices.Equal(o.ReadOnly, want) {
		t.Fatalf("read-only fields %+v, want %+v", o.ReadOnly, want)
	}
	o.Values.Arrays["projects"][1].Values["budget"] = "60000.00"
	code, body, _ := ts.do(t, "POST", "/api/save", edit{File: "公式.xlsx", Hash: o.Hash, Values: o.Values})
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), "公式") || !strings.Contains(string(body), "项目!C3") || !strings.Contains(string(body), `"X9"`) {
		t.Errorf("save of a changed formula cell: %d %s", code, body)
	}
	if now, _ := os.ReadFile(filepath.Join(ts.dir, "公式.xlsx")); !bytes.Equal(now, was) {
		t.Errorf("a refused save changed the workbook")
	}
	// Changing what the formula adds up recalculates it: the check says
	// its new value, and the save stores it.
	o.Values.Arrays["projects"][1].Values["budget"] = "50000.00"
	o.Values.Arrays["projects"][1].Values["other"] = "10000.00"
	code, body, _ = ts.do(t, "POST", "/api/check", edit{File: "公式.xlsx", Hash: o.Hash, Values: o.Values})
	var checked struct{ Formulas []FormulaValue }
	if code != http.StatusOK || json.Unmarshal(body, &checked) != nil ||
		!slices.Equal(checked.Formulas, []FormulaValue{{Path: "projects[2].budget", Value: "60000.00"}}) {
		t.Errorf("check: %d, formulas %+v", code, checked.Formulas)
	}
	code, body, _ = ts.do(t, "POST", "/api/save", edit{File: "公式.xlsx", Hash: o.Hash, Values: o.Values})
	var saved Opened
	if code != http.StatusOK || json.Unmarshal(body, &saved) != nil {
		t.Fatalf("save: %d %s", code, body)
	}
	if got := saved.Values.Arrays["projects"][1].Values["budget"]; got != "60000.00" {
		t.Errorf("the formula's value after the save is %q, want 60000.00", got)
	}
}

// Building a workbook's report writes the PDF and DOCX beside it and never
// touches the workbook itself (the pipeline's other formats include a
// workbook, which would take its name).
func TestBuildLeavesTheWorkbook(t *testing.T) {
	ts := newTestServer(t)
	e, _ := render.New(render.Options{})
	f, _, err := e.LoadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := e.WriteFiling(&buf, f, "xlsx"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(ts.dir, "填报.xlsx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	o := ts.open(t, urlEscape("填报.xlsx"))
	code, body, _ := ts.do(t, "POST", "/api/build", map[string]string{"file": "填报.xlsx", "hash": o.Hash})
	if code != http.StatusOK || !strings.Contains(string(body), "填报.pdf") || !strings.Contains(string(body), "填报.docx") {
		t.Fatalf("build: %d %s", code, body)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, buf.Bytes()) {
		t.Error("building the report changed the workbook")
	}
}

// A workbook opened before the server was restarted saves, when the
// file is still the version the page opened.
func TestWorkbookSaveAfterRestart(t *testing.T) {
	before := newTestServer(t)
	data := sampleWorkbook(t, before, "填报.xlsx", func(*budget.Filing, *excelize.File) {})
	o := before.open(t, urlEscape("填报.xlsx"))
	after := newTestServer(t) // a new server, with nothing cached
	if err := os.WriteFile(filepath.Join(after.dir, "填报.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	o.Values.Arrays["projects"][0].Values["name"] = "重启之后改的名称"
	code, body, _ := after.do(t, "POST", "/api/save", edit{File: "填报.xlsx", Hash: o.Hash, Values: o.Values})
	var saved Opened
	if code != http.StatusOK || json.Unmarshal(body, &saved) != nil || saved.Values.Arrays["projects"][0].Values["name"] != "重启之后改的名称" {
		t.Errorf("save after a restart: %d %.300s", code, body)
	}
}
