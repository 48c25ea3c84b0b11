package editor

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

//go:embed static
var static embed.FS

func (s *Server) routes() {
	m := http.NewServeMux()
	sub, _ := fs.Sub(static, "static")
	files := http.FileServerFS(sub)
	m.Handle("GET /{$}", files)
	m.Handle("GET /static/", http.StripPrefix("/static/", files))
	m.HandleFunc("GET /api/files", s.handleFiles)
	m.HandleFunc("GET /api/open", s.handleOpen)
	m.HandleFunc("GET /api/form", s.handleForm)
	m.HandleFunc("POST /api/check", s.handleCheck)
	m.HandleFunc("GET /api/page", s.handlePage)
	m.HandleFunc("POST /api/save", s.handleSave)
	m.HandleFunc("POST /api/new", s.handleNew)
	m.HandleFunc("POST /api/build", s.handleBuild)
	m.HandleFunc("GET /download", s.handleDownload)
	m.HandleFunc("GET /font/sans.ttf", handleFont)
	s.mux = m
}

// Finding is one finding of check as the page shows it.
type Finding struct {
	Severity string `json:"severity"` // "error" or "warning"
	Code     string `json:"code"`
	Path     string `json:"path"` // field path, e.g. projects[1].budget
	Line     int    `json:"line"`
	Where    string `json:"where"` // line:col, or sheet!cell of a workbook
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func findings(notes diag.List) []Finding {
	out := make([]Finding, 0, len(notes))
	for _, d := range notes {
		msg, hint := d.Words(language.SimplifiedChinese)
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		where := strings.TrimPrefix(strings.TrimPrefix(d.Pos.String(), d.File), ":")
		out = append(out, Finding{Severity: sev, Code: d.Code, Path: d.Path, Line: d.Line, Where: where, Message: msg, Hint: hint})
	}
	return out
}

// Opened is a filing as the page edits it.
type Opened struct {
	File     string        `json:"file"`
	Hash     string        `json:"hash"` // of the version opened; a save names it
	Values   *budget.Table `json:"values"`
	Form     *Form         `json:"form,omitempty"` // nil when the filing names no known form
	Findings []Finding     `json:"findings"`
	// Workbook: the file is a data workbook, saved into its cells.
	Workbook bool `json:"workbook,omitempty"`
	// ReadOnly are the fields of a workbook held by formulas, which the
	// page does not let the user change.
	ReadOnly []ReadOnly `json:"readOnly,omitempty"`
}

// ReadOnly is a field of a workbook held by a formula.
type ReadOnly struct {
	Path    string `json:"path"`    // projects[1].budget
	Cell    string `json:"cell"`    // 项目!C2
	Formula string `json:"formula"` // D2+E2
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readJSON decodes a request body, answering a bad or too large one.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("请求太大（上限 %d 字节）。", maxBody))
		} else {
			fail(w, http.StatusBadRequest, "请求格式不对："+err.Error())
		}
		return false
	}
	return true
}

func (s *Server) handleFiles(w http.ResponseWriter, r *http.Request) {
	list, err := s.dir.list()
	if err != nil {
		fail(w, http.StatusInternalServerError, osMessage(err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dir": s.dir.path, "files": list, "templates": s.engine.templates()})
}

// open reads a filing's bytes for editing, TOML or a data workbook by
// its name, and answers with its values and findings.
func (s *Server) open(w http.ResponseWriter, name string, data []byte) {
	o := &Opened{File: name, Workbook: checkName(name, workbookExts) == nil}
	var b base
	if o.Workbook {
		wb, notes := openWorkbook(name, data)
		if wb == nil {
			fail(w, http.StatusUnprocessableEntity, "无法读取此工作簿：\n"+notes.Format(language.SimplifiedChinese))
			return
		}
		for _, f := range wb.Formulas() {
			o.ReadOnly = append(o.ReadOnly, ReadOnly{Path: f.Path, Cell: f.Cell, Formula: f.Formula})
		}
		b = workbookBase{wb}
	} else {
		src, err := budget.ReadSource(data)
		if le, ok := errors.AsType[*budget.LayoutError](err); ok {
			fail(w, http.StatusUnprocessableEntity, fmt.Sprintf("此文件第%d行的 %s 没有写在自己的 [[…]] 或 […] 标题下（写成了内联表、点号键，或与所属的项目分开），编辑器无法在原处写回修改。请用文本编辑器改成常规写法（可参照 jixiao new 生成的样板）后再打开；jixiao check 和 jixiao build 仍可直接处理此文件。", le.Line, le.Path))
			return
		}
		if err != nil {
			notes := s.engine.check(name, data)
			msg := "此文件不是有效的 TOML，无法在表单中打开。请用文本编辑器按下面的提示修改后再打开："
			if len(notes) > 0 {
				msg += "\n" + notes.Format(language.SimplifiedChinese)
			}
			fail(w, http.StatusUnprocessableEntity, msg)
			return
		}
		b = tomlBase{src}
	}
	o.Hash, o.Values = s.bases.put(data, b), b.Values()
	o.Findings = findings(s.engine.check(name, data))
	year, _ := strconv.Atoi(o.Values.Values["year"])
	o.Form, _ = s.engine.form(o.Values.Values["template"], year)
	writeJSON(w, http.StatusOK, o)
}

func (s *Server) handleOpen(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	data, err := s.dir.read(name, inputExts)
	if err != nil {
		fail(w, http.StatusNotFound, osMessage(err))
		return
	}
	s.open(w, name, data)
}

func (s *Server) handleForm(w http.ResponseWriter, r *http.Request) {
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	f, ok := s.engine.form(r.URL.Query().Get("template"), year)
	if !ok {
		fail(w, http.StatusNotFound, "没有这个表样（模板）。")
		return
	}
	writeJSON(w, http.StatusOK, f)
}

// edit is what the page sends: the values of the form for the version of
// a file it opened.
type edit struct {
	File   string        `json:"file"`
	Hash   string        `json:"hash"`
	Values *budget.Table `json:"values"`
	// Have are the keys of the preview's pages the page shows, and View
	// the first and last it has in view (0-based): the pages it has are
	// not drawn again, those far from the view later (check only).
	Have []string `json:"have,omitempty"`
	View []int    `json:"view,omitempty"`
}

const staleMessage = "此文件在打开之后已被修改（可能在另一个浏览器窗口，或在记事本、WPS 中）。为免覆盖那些修改，本次没有保存。请重新打开文件，再把您的修改填上。"

// patch writes the page's values into the version of the file it
// opened. A workbook can refuse them (a formula cell changed): the
// findings say why.
func (s *Server) patch(w http.ResponseWriter, e *edit) ([]byte, diag.List, bool) {
	if err := checkName(e.File, inputExts); err != nil {
		fail(w, http.StatusBadRequest, osMessage(err))
		return nil, nil, false
	}
	if e.Values == nil {
		fail(w, http.StatusBadRequest, "请求中没有表单的内容。")
		return nil, nil, false
	}
	b, ok := s.bases.get(e.Hash)
	if !ok { // the server was restarted: the file on disk may still be it
		data, err := s.dir.read(e.File, inputExts)
		if err != nil || hash(data) != e.Hash {
			fail(w, http.StatusConflict, staleMessage)
			return nil, nil, false
		}
		if checkName(e.File, workbookExts) == nil {
			if wb, _ := openWorkbook(e.File, data); wb != nil {
				b = workbookBase{wb}
			}
		} else if src, err := budget.ReadSource(data); err == nil {
			b = tomlBase{src}
		}
		if b == nil {
			fail(w, http.StatusConflict, staleMessage)
			return nil, nil, false
		}
		s.bases.put(data, b)
	}
	out, refused := b.update(e.Values)
	return out, refused, true
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	var e edit
	if !readJSON(w, r, &e) {
		return
	}
	out, refused, ok := s.patch(w, &e)
	if !ok {
		return
	}
	if out == nil { // a workbook that cannot take the values
		writeJSON(w, http.StatusOK, map[string]any{"findings": findings(refused)})
		return
	}
	// The preview: the pages as laid out, a draft when there are errors;
	// none when the file cannot be read (the page keeps the last one).
	p, notes := s.engine.preview(e.File, out)
	resp := map[string]any{"findings": findings(notes)}
	if p != nil {
		if pv, err := s.previewOf(p, e.Have, e.View); err == nil {
			resp["preview"] = pv
		}
	}
	if b, ok := s.bases.get(e.Hash); ok {
		if wb, ok := b.(workbookBase); ok && len(wb.Formulas()) > 0 {
			resp["formulas"] = formulaValues(e.File, out)
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// FormulaValue is the value a workbook's formula field takes with the
// form's values: the page shows it while the user types.
type FormulaValue struct {
	Path  string `json:"path"`
	Value string `json:"value"`
}

// formulaValues reads the formula fields of the updated workbook out.
func formulaValues(name string, out []byte) []FormulaValue {
	wb, _ := openWorkbook(name, out)
	if wb == nil {
		return nil
	}
	values := wb.Values()
	var list []FormulaValue
	for _, f := range wb.Formulas() {
		list = append(list, FormulaValue{Path: f.Path, Value: valueAt(values, f.Path)})
	}
	return list
}

// valueAt is the value at a field path (projects[2].budget,
// projects[1].spending_plan[3]) of t, "" when there is none.
func valueAt(t *budget.Table, path string) string {
	parts := strings.Split(path, ".")
	for _, part := range parts[:len(parts)-1] {
		name, i := indexed(part)
		if t == nil {
			return ""
		}
		if i == 0 {
			t = t.Tables[name]
		} else if list := t.Arrays[name]; i <= len(list) {
			t = list[i-1]
		} else {
			return ""
		}
	}
	if t == nil {
		return ""
	}
	name, i := indexed(parts[len(parts)-1])
	if i == 0 {
		return t.Values[name]
	}
	if list := t.Lists[name]; i <= len(list) {
		return list[i-1]
	}
	return ""
}

// indexed splits name[3] into name and 3 (0 without an index).
func indexed(part string) (string, int) {
	name, idx, ok := strings.Cut(part, "[")
	if !ok {
		return part, 0
	}
	i, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
	return name, i
}

func (s *Server) handleSave(w http.ResponseWriter, r *http.Request) {
	var e edit
	if !readJSON(w, r, &e) {
		return
	}
	out, refused, ok := s.patch(w, &e)
	if !ok {
		return
	}
	if out == nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error":    "没有保存，文件没有改动：\n" + refused.Format(language.SimplifiedChinese),
			"findings": findings(refused)})
		return
	}
	// The written file must read back as exactly what the form shows (a
	// workbook's update has checked that itself, formulas taking their
	// recalculated values).
	if checkName(e.File, filingExts) == nil {
		if back, err := budget.Values(out); err != nil || !back.Equal(e.Values) {
			fail(w, http.StatusInternalServerError, "内部错误：修改未能准确写回，文件没有改动。请把此情况告知技术人员。")
			return
		}
	}
	if err := s.dir.replace(e.File, e.Hash, out); err != nil {
		if errors.Is(err, errStale) {
			fail(w, http.StatusConflict, staleMessage)
		} else {
			fail(w, http.StatusInternalServerError, "保存失败："+osMessage(err))
		}
		return
	}
	s.open(w, e.File, out)
}

func (s *Server) handleNew(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name     string `json:"name"`
		Template string `json:"template"`
		Year     int    `json:"year"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	if !strings.HasSuffix(strings.ToLower(req.Name), ".toml") {
		req.Name += ".toml"
	}
	if req.Year == 0 {
		req.Year = time.Now().Year() + 1
	}
	text, ok := s.engine.starter(req.Template, req.Year)
	if !ok {
		fail(w, http.StatusBadRequest, "没有这个表样（模板）。")
		return
	}
	if err := s.dir.create(req.Name, []byte(text)); err != nil {
		fail(w, http.StatusBadRequest, osMessage(err))
		return
	}
	s.open(w, req.Name, []byte(text))
}

// Output is a built report offered for download.
type Output struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

func (s *Server) handleBuild(w http.ResponseWriter, r *http.Request) {
	var req struct {
		File string `json:"file"`
		Hash string `json:"hash"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	data, err := s.dir.read(req.File, inputExts)
	if err != nil {
		fail(w, http.StatusNotFound, osMessage(err))
		return
	}
	if hash(data) != req.Hash {
		fail(w, http.StatusConflict, "文件在打开之后已被修改，请重新打开后再生成报告。")
		return
	}
	base := strings.TrimSuffix(req.File, filepath.Ext(req.File))
	var outs []Output
	rep, notes, err := s.engine.build(req.File, data)
	if rep != nil {
		err = write(rep, func(format string, fill func(io.Writer) error) error {
			name := base + "." + format
			if err := s.dir.writeAtomic(name, fill); err != nil {
				return err
			}
			outs = append(outs, Output{Name: name, URL: "/download?file=" + url.QueryEscape(name)})
			return nil
		})
	}
	switch {
	case err != nil:
		fail(w, http.StatusInternalServerError, "生成失败："+osMessage(err))
	case rep == nil:
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error": "文件还有错误，改正后才能生成报告。", "findings": findings(notes)})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"outputs": outs, "findings": findings(notes)})
	}
}

// handleFont serves the embedded Chinese font the page falls back to when
// the machine has none of the fonts its style names.
func handleFont(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "font/ttf")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Write(screenFont())
}

// contentTypes of the reports, which a minimal system's MIME table may lack.
var contentTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	f, err := s.dir.openOutput(name)
	if err != nil {
		fail(w, http.StatusNotFound, osMessage(err))
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", contentTypes[strings.ToLower(filepath.Ext(name))])
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	io.Copy(w, f)
}
