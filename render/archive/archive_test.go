package archive_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/archive"
	"github.com/jixiao-dev/jixiao/render/diag"
)

const (
	hebei    = "../../data/hebei/shanhaiguan-wxb-2024.toml"
	national = "../../data/national/mzj-2024.toml"
	hebeiDir = "224002-中共山海关区委网络安全和信息化委员会办公室"
	natDir   = "305001-某市民政局"
)

func engine(t *testing.T) *render.Engine {
	t.Helper()
	e, notes := render.New(render.Options{})
	if notes.HasErrors() {
		t.Fatal(notes)
	}
	return e
}

func sources(t *testing.T, paths ...string) []archive.Source {
	t.Helper()
	var out []archive.Source
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, archive.Source{Path: p, Data: data})
	}
	return out
}

// tree reads every file under dir: relative path → bytes.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func archiveInto(t *testing.T, dir string, paths ...string) {
	t.Helper()
	if _, err := engine(t).Archive(dir, sources(t, paths...), "v1.2.3"); err != nil {
		t.Fatal(err)
	}
}

// TestArchive archives the two samples of 2024: the year's folder holds
// each department's source byte for byte, its PDF/A and DOCX, and a
// manifest that lists every file with its size and SHA-256, the tool's
// version, and each filing's template, version, fonts and date; nothing
// else is left beside it. Verify finds it as archived.
func TestArchive(t *testing.T) {
	dir := t.TempDir()
	archiveInto(t, dir, hebei, national)
	files := tree(t, dir)
	src, _ := os.ReadFile(hebei)
	if !bytes.Equal(files["2024/"+hebeiDir+"/shanhaiguan-wxb-2024.toml"], src) {
		t.Error("the archived source is not the source byte for byte")
	}
	want := []string{"2024/" + hebeiDir + "/shanhaiguan-wxb-2024.docx", "2024/" + hebeiDir + "/shanhaiguan-wxb-2024.pdf",
		"2024/" + hebeiDir + "/shanhaiguan-wxb-2024.toml", "2024/" + natDir + "/mzj-2024.docx", "2024/" + natDir + "/mzj-2024.pdf",
		"2024/" + natDir + "/mzj-2024.toml", "2024/manifest.json"}
	if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
		t.Errorf("archive holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	pdf := files["2024/"+hebeiDir+"/shanhaiguan-wxb-2024.pdf"]
	if !bytes.Contains(pdf, []byte("<pdfaid:part>3</pdfaid:part>")) || !bytes.Contains(pdf, []byte("/OutputIntents")) {
		t.Error("the archived PDF is not PDF/A")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		for _, p := range []string{hebeiDir + "/shanhaiguan-wxb-2024.pdf", natDir + "/mzj-2024.pdf"} {
			if out, err := exec.Command("qpdf", "--check", filepath.Join(dir, "2024", p)).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
				t.Errorf("qpdf --check %s: %v\n%s", p, err, out)
			}
		}
	}

	var m archive.Manifest
	if err := json.Unmarshal(files["2024/manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Format != archive.Format || m.Year != 2024 || m.Tool != "v1.2.3" || len(m.Filings) != 2 || len(m.Files) != 6 {
		t.Fatalf("manifest = %+v", m)
	}
	f := m.Filings[0]
	if f.Folder != hebeiDir || f.Template != "hebei" || f.TemplateVersion != "2024" || f.Date != "2024-01-01" ||
		f.Tool != "v1.2.3" || strings.Join(f.Fonts, ",") != "JixiaoKai-Regular,NotoSansSC-Medium,NotoSerifSC-Bold,NotoSerifSC-Regular" {
		t.Errorf("filing = %+v", f)
	}
	if m.Filings[1].Template != "national" || m.Filings[1].Folder != natDir {
		t.Errorf("filing = %+v", m.Filings[1])
	}
	for _, file := range m.Files {
		if int64(len(files["2024/"+file.Path])) != file.Size {
			t.Errorf("%s: size %d in the manifest", file.Path, file.Size)
		}
	}
	if _, problems, err := archive.Verify(filepath.Join(dir, "2024")); err != nil || len(problems) != 0 {
		t.Errorf("Verify = %+v, %v; want no problems", problems, err)
	}
}

// TestReArchiveIdentical: archiving the same sources again, into the same
// folder or a new one, and whatever SOURCE_DATE_EPOCH says, gives the same
// bytes, manifest included.
func TestReArchiveIdentical(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	archiveInto(t, a, hebei, national)
	first := tree(t, a)
	archiveInto(t, a, national, hebei)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	archiveInto(t, b, hebei, national)
	for name, dir := range map[string]string{"the same folder": a, "another folder": b} {
		again := tree(t, dir)
		if len(again) != len(first) {
			t.Errorf("%s: %d files, first %d", name, len(again), len(first))
		}
		for p, data := range first {
			if !bytes.Equal(again[p], data) {
				t.Errorf("%s: %s differs", name, p)
			}
		}
	}
}

// TestAddDepartment: archiving a second department into an existing year
// keeps the first one's files as they were and lists both in the new
// manifest; archiving a department again replaces it.
func TestAddDepartment(t *testing.T) {
	dir := t.TempDir()
	archiveInto(t, dir, hebei)
	before := tree(t, dir)
	archiveInto(t, dir, national)
	after := tree(t, dir)
	for p, data := range before {
		if p != "2024/manifest.json" && !bytes.Equal(after[p], data) {
			t.Errorf("%s changed when another department was added", p)
		}
	}
	m, problems, err := archive.Verify(filepath.Join(dir, "2024"))
	if err != nil || len(problems) != 0 || len(m.Filings) != 2 {
		t.Fatalf("Verify = %d filings, %+v, %v", len(m.Filings), problems, err)
	}
	// Both at once gives the same manifest as one after the other.
	both := t.TempDir()
	archiveInto(t, both, hebei, national)
	if !bytes.Equal(tree(t, both)["2024/manifest.json"], after["2024/manifest.json"]) {
		t.Error("the manifest of two runs differs from that of one")
	}
	// A department archived again from a renamed source replaces its
	// folder: the old files are gone.
	src, _ := os.ReadFile(hebei)
	if _, err := engine(t).Archive(dir, []archive.Source{{Path: "renamed.toml", Data: src}}, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	if _, ok := files["2024/"+hebeiDir+"/shanhaiguan-wxb-2024.pdf"]; ok {
		t.Error("the replaced department's old PDF is still there")
	}
	if _, ok := files["2024/"+hebeiDir+"/renamed.pdf"]; !ok {
		t.Error("the replacing PDF is missing")
	}
}

// TestVerifyTampered: a changed, a removed and an added file are each
// named, with the sizes and digests of the changed one.
func TestVerifyTampered(t *testing.T) {
	dir := t.TempDir()
	archiveInto(t, dir, hebei, national)
	year := filepath.Join(dir, "2024")
	pdf := filepath.Join(year, hebeiDir, "shanhaiguan-wxb-2024.pdf")
	data, _ := os.ReadFile(pdf)
	data[len(data)/2] ^= 1
	if err := os.WriteFile(pdf, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(year, natDir, "mzj-2024.docx")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(year, natDir, "note.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// What Windows Explorer and the macOS Finder leave in folders they show
	// is no problem.
	for _, name := range []string{"Thumbs.db", "desktop.ini", ".DS_Store"} {
		if err := os.WriteFile(filepath.Join(year, hebeiDir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, problems, err := archive.Verify(year)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind archive.ProblemKind
		path string
	}{
		{archive.Changed, hebeiDir + "/shanhaiguan-wxb-2024.pdf"},
		{archive.Missing, natDir + "/mzj-2024.docx"},
		{archive.Added, natDir + "/note.txt"},
	}
	if len(problems) != len(want) {
		t.Fatalf("problems = %+v", problems)
	}
	for i, w := range want {
		if problems[i].Kind != w.kind || problems[i].Path != w.path {
			t.Errorf("problem %d = %+v, want %v %s", i, problems[i], w.kind, w.path)
		}
	}
	if p := problems[0]; p.Want.SHA256 == p.Got.SHA256 || p.Want.Size != p.Got.Size {
		t.Errorf("changed file: %+v", p)
	}
	// Adding a department now refuses to carry the changed files into a
	// new manifest.
	_, err = engine(t).Archive(dir, sources(t, national), "v1.2.3")
	var changed *archive.ChangedError
	if !errors.As(err, &changed) || len(changed.Files) != 1 || changed.Files[0] != hebeiDir+"/shanhaiguan-wxb-2024.pdf" {
		t.Errorf("archiving over a tampered year: %v", err)
	}
}

// TestRebuild: every report rebuilds from its archived source to the same
// bytes; a report replaced by another (and its manifest entry with it, so
// that Verify alone cannot tell) is found by the rebuild.
func TestRebuild(t *testing.T) {
	dir := t.TempDir()
	archiveInto(t, dir, hebei, national)
	year := filepath.Join(dir, "2024")
	m, _, err := archive.Verify(year)
	if err != nil {
		t.Fatal(err)
	}
	if _, problems, err := engine(t).VerifyArchive(year, true); err != nil || len(problems) != 0 {
		t.Fatalf("VerifyArchive with rebuild = %+v, %v", problems, err)
	}
	// Replace the national PDF with the hebei one, in the files and the
	// manifest.
	hebeiPDF, _ := os.ReadFile(filepath.Join(year, hebeiDir, "shanhaiguan-wxb-2024.pdf"))
	if err := os.WriteFile(filepath.Join(year, natDir, "mzj-2024.pdf"), hebeiPDF, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(year, archive.ManifestName))
	for _, f := range m.Files {
		if f.Path == hebeiDir+"/shanhaiguan-wxb-2024.pdf" {
			for _, g := range m.Files {
				if g.Path == natDir+"/mzj-2024.pdf" {
					raw = bytes.ReplaceAll(raw, []byte(g.SHA256), []byte(f.SHA256))
					raw = bytes.Replace(raw, []byte(`"size": `+strconv.FormatInt(g.Size, 10)), []byte(`"size": `+strconv.FormatInt(f.Size, 10)), 1)
				}
			}
		}
	}
	if err := os.WriteFile(filepath.Join(year, archive.ManifestName), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	m, problems, err := archive.Verify(year)
	if err != nil || len(problems) != 0 {
		t.Fatalf("the doctored year should pass Verify: %+v %v", problems, err)
	}
	_, problems, _ = engine(t).VerifyArchive(year, true)
	if len(problems) != 1 || problems[0].Kind != archive.Different || problems[0].Path != natDir+"/mzj-2024.pdf" {
		t.Errorf("Rebuild = %+v", problems)
	}
}

// TestBadInput: a filing with errors stops the whole run before anything
// is written (its findings returned); two sources of one department
// conflict; a year folder whose manifest is unreadable is a
// ManifestError, and is left alone.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(hebei)
	bad := bytes.Replace(src, []byte("budget = 100000.00"), []byte("budget = 100000.01"), 1)
	_, err := engine(t).Archive(dir, append(sources(t, national), archive.Source{Path: "bad.toml", Data: bad}), "v1")
	var notes diag.List
	var be *archive.BuildError
	if !errors.As(err, &be) || be.Path != "bad.toml" || !errors.As(err, &notes) || !slices.ContainsFunc(notes, func(d diag.Diagnostic) bool { return d.Code == "M1" }) {
		t.Errorf("err = %v, want bad.toml's M1", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed run wrote %d entries", len(entries))
	}

	_, err = engine(t).Archive(dir, []archive.Source{{Path: "a/x.toml", Data: src}, {Path: "b/x.toml", Data: src}}, "v1")
	var conflict *archive.ConflictError
	if !errors.As(err, &conflict) {
		t.Errorf("err = %v, want a conflict", err)
	}

	year := filepath.Join(dir, "2024")
	if err := os.MkdirAll(year, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{"{", `{"format": "other/1"}`, `{"format": "jixiao-archive/1", "files": [{"path": "../x"}]}`} {
		if err := os.WriteFile(filepath.Join(year, archive.ManifestName), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		var me *archive.ManifestError
		if _, _, err := archive.Verify(year); !errors.As(err, &me) {
			t.Errorf("Verify with manifest %s: %v, want a ManifestError", content, err)
		}
		if _, err := engine(t).Archive(dir, sources(t, hebei), "v1"); !errors.As(err, &me) {
			t.Errorf("Archive over manifest %s: %v, want a ManifestError", content, err)
		}
	}
	if _, _, err := archive.Verify(filepath.Join(dir, "1999")); err == nil {
		t.Error("Verify of a missing folder succeeded")
	}
}
