package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The whole-process benchmarks run `jixiao build` (PDF and DOCX) as a user
// does: a fresh process each time, start-up, fonts, layout and the written,
// synced files included. BenchmarkProcess is the scaling table of
// docs/performance.md: the sample and filings of 1, 10, 100 and 1,000
// projects, with each run's peak memory (peak-MB) and CPU time (cpu-ms)
// beside the time; BenchmarkBatch builds 200 filings of 5 projects in one
// call with -j 1 and with every core. Starting the program from this test
// process costs a few milliseconds more a run than from a shell (see
// docs/performance.md).

func BenchmarkProcess(b *testing.B) {
	bin := buildBinary(b)
	text := readSample(b)
	for _, c := range []struct {
		name   string
		filing string
	}{
		{"sample", text},
		{"1", manyProjects(b, text, 1)},
		{"10", manyProjects(b, text, 10)},
		{"100", manyProjects(b, text, 100)},
		{"1000", manyProjects(b, text, 1000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			path := filepath.Join(dir, "filing.toml")
			if err := os.WriteFile(path, []byte(c.filing), 0o644); err != nil {
				b.Fatal(err)
			}
			runProcess(b, bin, "build", "-o", dir, path)
		})
	}
}

func BenchmarkBatch(b *testing.B) {
	bin := buildBinary(b)
	in := batchFolder(b, b.TempDir())
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run("j"+strconv.Itoa(jobs), func(b *testing.B) {
			runProcess(b, bin, "build", "-j", strconv.Itoa(jobs), "-o", b.TempDir(), in)
		})
	}
}

// batchFolder writes a bureau's folder of 200 filings of 5 projects each
// (20 departments of 10) under dir and returns it.
func batchFolder(b *testing.B, dir string) string {
	filing := manyProjects(b, readSample(b), 5)
	for i := range 200 {
		path := filepath.Join(dir, fmt.Sprintf("dept%03d", i/10), fmt.Sprintf("filing%d.toml", i%10))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(filing), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func buildBinary(b *testing.B) string {
	bin := filepath.Join(b.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-trimpath", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runProcess times bin args, run afresh each iteration, and reports the
// largest peak memory and the mean CPU time of the runs.
func runProcess(b *testing.B, bin string, args ...string) {
	// Output goes to the null device, as it would to a terminal: through
	// pipes, the benchmark's own reading would compete for the cores. For
	// the same reason the benchmark's own runtime keeps to one core while
	// the program runs, as near as a Go process gets to an idle shell.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devNull.Close()
	var peak int64
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = devNull, devNull
		if err := cmd.Run(); err != nil {
			out, _ := exec.Command(bin, args...).CombinedOutput()
			b.Fatalf("%v\n%.2000s", err, out)
		}
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, u.Maxrss) // kilobytes
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
	b.ReportMetric(ms(cpu)/float64(b.N), "cpu-ms")
}

func readSample(b testing.TB) string {
	data, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// manyProjects makes a filing of n projects from the sample's text: each a
// copy of its first project under its own code and name, with every
// indicator twice (6 rows, 一级 and 二级 cells merging), as the render
// package's benchmarks have it in process and as the peers were measured
// (the specification's peers.md, figures in docs/performance.md).
func manyProjects(b testing.TB, text string, n int) string {
	head, rest, ok := strings.Cut(text, "[[projects]]")
	project, _, _ := strings.Cut(rest, "[[projects]]")
	top, indicators, found := strings.Cut(project, "  [[projects.indicators]]")
	if !ok || !found {
		b.Fatal("the sample has no [[projects]] with [[projects.indicators]]")
	}
	indicator := regexp.MustCompile(`(?m)^  name = "(.*)"$`)
	code := regexp.MustCompile(`(?m)^code = ".*"$`)
	name := regexp.MustCompile(`(?m)^name = "(.*)"$`)
	var out strings.Builder
	out.WriteString(head)
	for i := range n {
		p := code.ReplaceAllString(top, fmt.Sprintf(`code = "224-0501-JBN-%04d"`, i))
		p = name.ReplaceAllString(p, fmt.Sprintf(`name = "${1}第%d项"`, i+1))
		out.WriteString("[[projects]]" + p)
		for _, ind := range strings.Split(indicators, "  [[projects.indicators]]") {
			for k := 1; k <= 2; k++ {
				out.WriteString("  [[projects.indicators]]" + indicator.ReplaceAllString(ind, fmt.Sprintf(`  name = "${1}（%d）"`, k)))
			}
		}
	}
	return out.String()
}
