package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render"
)

const sample = "../../data/hebei/shanhaiguan-wxb-2024.toml"

// tree writes files (path → content) under a new folder and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// departments is a bureau's folder: filings of several departments, two of
// them named report.toml, each with its own project name so that no two
// outputs are alike; one broken (a budget that does not add up) and
// files that are not filings.
func departments(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	variant := func(i int) string {
		return strings.Replace(string(src), "网络舆情综合管理", fmt.Sprintf("网络舆情综合管理（第%d处）", i), 1)
	}
	return tree(t, map[string]string{
		"a/report.toml":       variant(1),
		"b/report.toml":       variant(2),
		"b/sub/extra.toml":    variant(3),
		"c/bad.toml":          strings.Replace(variant(4), "fiscal = 100000.00", "fiscal = 90000.00", 1),
		"top.toml":            variant(5),
		"notes.txt":           "not a filing",
		".hidden/x.toml":      variant(6),
		"b/~$report.toml":     "an Office lock file",
		"a/report.pdf":        "an earlier output",
		"d/empty/placeholder": "",
	})
}

func TestPlanMirrorsFolders(t *testing.T) {
	dir := departments(t)
	out := filepath.Join(t.TempDir(), "out")
	jobs, err := Plan([]string{dir, sample}, out)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Base(dir)
	var got []string
	for _, j := range jobs {
		rel, _ := filepath.Rel(out, j.Out)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{root + "/a/report", root + "/b/report", root + "/b/sub/extra", root + "/c/bad", root + "/top", "shanhaiguan-wxb-2024"}
	if !slices.Equal(got, want) {
		t.Errorf("outputs\n got %q\nwant %q", got, want)
	}
	// Without an output folder, outputs go beside each filing.
	jobs, err = Plan([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "b", "sub", "extra"); jobs[2].Out != want {
		t.Errorf("beside the filing: %s, want %s", jobs[2].Out, want)
	}
}

func TestPlanCollisions(t *testing.T) {
	dir := tree(t, map[string]string{"x/r.toml": "", "y/x/r.toml": "", "z/R.toml": ""})
	for _, inputs := range [][]string{
		{filepath.Join(dir, "x/r.toml"), filepath.Join(dir, "z/R.toml")}, // letter case alone
		{filepath.Join(dir, "x"), filepath.Join(dir, "y/x")},             // two folders of one name
		{sample, sample},
	} {
		_, err := Plan(inputs, t.TempDir())
		if ce, ok := errors.AsType[*CollisionError](err); !ok || ce.Inputs[0] == "" {
			t.Errorf("%v: err = %v, want a CollisionError", inputs, err)
		}
	}
	if _, err := Plan([]string{filepath.Join(dir, "x"), filepath.Join(dir, "y")}, t.TempDir()); err != nil {
		t.Errorf("x/r and y/x/r collide: %v", err)
	}
}

// TestRun: the broken filing fails with its findings, every other filing
// is built, and the outputs are the same bytes with one worker as with
// eight.
func TestRun(t *testing.T) {
	dir := departments(t)
	e, _ := render.New(render.Options{})
	var outs []string
	for _, workers := range []int{1, 8} {
		out := filepath.Join(t.TempDir(), "out")
		jobs, err := Plan([]string{dir}, out)
		if err != nil {
			t.Fatal(err)
		}
		ended := 0
		results := Run(e, jobs, Options{
			Formats: render.Formats(), Workers: workers,
			Done: func(r Result, n int) { ended = max(ended, n) },
		})
		if ended != len(jobs) {
			t.Errorf("-j %d: Done counted %d of %d", workers, ended, len(jobs))
		}
		for _, r := range results {
			bad := strings.HasSuffix(r.Input, "bad.toml")
			switch {
			case bad && (!errors.Is(r.Err, render.ErrInvalid) || !r.Notes.HasErrors() || len(r.Written) > 0):
				t.Errorf("%s: err %v, %d findings, wrote %v", r.Input, r.Err, len(r.Notes), r.Written)
			case !bad && (r.Err != nil || len(r.Written) != len(render.Formats())):
				t.Errorf("%s: err %v, wrote %v", r.Input, r.Err, r.Written)
			}
		}
		outs = append(outs, out)
	}
	a, b := files(t, outs[0]), files(t, outs[1])
	if want := 4 * len(render.Formats()); len(a) != want {
		t.Errorf("%d outputs, want %d (4 filings × every format)", len(a), want)
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between -j 1 and -j 8", name)
		}
	}
}

// files reads every file under dir, by path relative to it.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRunWriteError: an output folder that cannot be made (a file is in
// the way) fails the job with a *WriteError and writes nothing.
func TestRunWriteError(t *testing.T) {
	dir := tree(t, map[string]string{"out": "a file, not a folder"})
	jobs, err := Plan([]string{sample}, filepath.Join(dir, "out", "sub"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := render.New(render.Options{})
	r := Run(e, jobs, Options{Formats: []string{"docx"}})
	if _, ok := errors.AsType[*WriteError](r[0].Err); !ok || len(r[0].Written) != 0 {
		t.Errorf("err = %v, written %v", r[0].Err, r[0].Written)
	}
}

// TestSearchSkipsReports: a folder search finds the filings, not the
// reports beside them: neither a Word report (read when named) nor the
// tables' workbook, whose name ends -绩效目标表.xlsx.
func TestSearchSkipsReports(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.toml", "a.docx", "a-绩效目标表.xlsx", "b.xlsx", "last-year.docx"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := Plan([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, j := range jobs {
		found = append(found, filepath.Base(j.Input))
	}
	if !slices.Equal(found, []string{"a.toml", "b.xlsx"}) {
		t.Errorf("found %q, want the filings a.toml and b.xlsx", found)
	}
}

// TestFilings: the filings of a folder as Plan finds them, and a file
// named as it is, whatever its kind; a.toml beside a.xlsx (one output
// for Plan) are two filings.
func TestFilings(t *testing.T) {
	dir := departments(t)
	if err := os.WriteFile(filepath.Join(dir, "top.xlsx"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(dir, "notes.txt")
	got, err := Filings([]string{named, dir})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"notes.txt", "a/report.toml", "b/report.toml", "b/sub/extra.toml", "c/bad.toml", "top.toml", "top.xlsx"}
	if !slices.Equal(rel, want) {
		t.Errorf("Filings\n got %q\nwant %q", rel, want)
	}
	if _, err := Filings([]string{filepath.Join(dir, "missing.toml")}); err != nil {
		t.Errorf("a missing file is the reader's to report: %v", err)
	}
}
