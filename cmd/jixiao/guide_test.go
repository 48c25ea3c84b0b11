package main

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const guide = "../../docs/用户手册.md"

// guideBlock is a code block of the user guide: the jixiao command lines
// in it, each as its arguments (without the program's name).
type guideBlock struct {
	line  int // of the opening fence, for messages
	lines [][]string
}

// guideCommands returns the jixiao command lines of the guide's code
// blocks: lines that start with jixiao, jixiao.exe, ./jixiao or
// .\jixiao.exe, with a trailing # comment removed.
func guideCommands(t *testing.T) []guideBlock {
	t.Helper()
	f, err := os.Open(guide)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []guideBlock
	in := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "```") {
			if in = !in; in {
				blocks = append(blocks, guideBlock{line: n})
			}
			continue
		}
		if !in {
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		words := strings.Fields(line)
		if len(words) == 0 || !slices.Contains([]string{"jixiao", "jixiao.exe", "./jixiao", `.\jixiao.exe`}, words[0]) {
			continue
		}
		b := &blocks[len(blocks)-1]
		b.lines = append(b.lines, words[1:])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(blocks, func(b guideBlock) bool { return len(b.lines) == 0 })
}

// guideFixture makes the files the guide's commands name, in dir: the
// Hebei sample as 网信办2024.toml and as the data workbook 填报.xlsx, a
// folder 申报文件 of two departments' workbooks, last year's Word report,
// two versions of a filing (调整前, 调整后: a project renamed) and an
// empty font folder.
func guideFixture(t *testing.T, dir string) {
	t.Helper()
	sampleText, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(sampleText), `name = "网络阵地建设和内容管理"`, `name = "网络阵地建设与内容管理"`, 1)
	if renamed == string(sampleText) {
		t.Fatal("the sample has no project 网络阵地建设和内容管理")
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("网信办2024.toml", sampleText)
	write("调整后.toml", []byte(renamed))
	for _, dirName := range []string{"申报文件", "字体", "word"} {
		if err := os.Mkdir(filepath.Join(dir, dirName), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"convert", sample, "-o", filepath.Join(dir, "填报.xlsx")},
		{"convert", sample, "-o", filepath.Join(dir, "调整前.xlsx")},
		{"convert", filepath.Join(dir, "调整后.toml"), "-o", filepath.Join(dir, "调整后.xlsx")},
		{"convert", sample, "-o", filepath.Join(dir, "申报文件", "网信办.xlsx")},
		{"convert", "../../data/national/mzj-2024.toml", "-o", filepath.Join(dir, "申报文件", "民政局.xlsx")},
		{"build", "--format", "docx", "-o", filepath.Join(dir, "word"), sample},
	} {
		if code, _, stderr := jixiao(t, nil, args...); code != 0 {
			t.Fatalf("jixiao %s: exit %d: %s", strings.Join(args, " "), code, stderr)
		}
	}
	docx, err := filepath.Glob(filepath.Join(dir, "word", "*.docx"))
	if err != nil || len(docx) != 1 {
		t.Fatalf("the Word report: %v %v", docx, err)
	}
	if err := os.Rename(docx[0], filepath.Join(dir, "去年报告.docx")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"word", "调整后.toml"} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTree copies the files and folders of src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err == nil {
			err = os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGuideCommandsWork runs every command line of the user guide's code
// blocks, each block in a fresh folder holding the files the guide names
// (what a block's lines write with -o is not there before), in the
// block's order: each must succeed (diff: report the change, exit 1). The
// editor (serve), which would not return, is checked for its options
// only. Every command of jixiao help is shown somewhere in the guide.
func TestGuideCommandsWork(t *testing.T) {
	blocks := guideCommands(t)
	fixture := t.TempDir()
	guideFixture(t, fixture)
	_, serveHelp, _ := jixiao(t, nil, "serve", "-h")
	serveHelp = serveHelp[strings.LastIndex(serveHelp, "\njixiao serve"):] // its options, after the general usage
	shown := map[string]bool{}
	ran := 0
	for _, b := range blocks {
		dir := t.TempDir()
		copyTree(t, fixture, dir)
		t.Chdir(dir)
		for _, args := range b.lines {
			if i := slices.Index(args, "-o"); i >= 0 && i+1 < len(args) {
				if err := os.RemoveAll(args[i+1]); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, args := range b.lines {
			shown[args[0]] = true
			where := guide + ":" + strconv.Itoa(b.line) + ": jixiao " + strings.Join(args, " ")
			if args[0] == "serve" {
				for _, a := range args[1:] {
					if name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "="); strings.HasPrefix(a, "-") && !strings.Contains(serveHelp, "  -"+name+" ") {
						t.Errorf("%s: serve has no option %s", where, a)
					}
				}
				continue
			}
			want := 0
			if args[0] == "diff" {
				want = 1
			}
			code, _, stderr := jixiao(t, nil, args...)
			if code != want {
				t.Errorf("%s: exit %d, want %d:\n%s", where, code, want, stderr)
			}
			ran++
		}
	}
	if ran < 20 {
		t.Errorf("ran only %d command lines of the guide; is the scan broken?", ran)
	}
	for _, cmd := range []string{"new", "check", "build", "convert", "templates", "summary", "serve", "diff", "archive", "verify"} {
		if !shown[cmd] {
			t.Errorf("the guide shows no command line of jixiao %s", cmd)
		}
	}
}

// TestGuideExampleIsRealOutput: the finding the guide explains (section
// 五) is what jixiao check prints for the guide's workbook.
func TestGuideExampleIsRealOutput(t *testing.T) {
	data, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(data), "```text\n填报.xlsx:")
	if !ok {
		t.Fatal("the guide shows no finding of 填报.xlsx")
	}
	block, _, _ = strings.Cut("填报.xlsx:"+block, "```")
	dir := t.TempDir()
	guideFixture(t, dir)
	t.Chdir(dir)
	_, _, stderr := jixiao(t, nil, "check", "填报.xlsx")
	if !strings.Contains(stderr, block) {
		t.Errorf("the guide's example\n%s\nis not in what jixiao check prints:\n%s", block, stderr)
	}
}
