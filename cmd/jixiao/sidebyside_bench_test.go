package main

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSideBySide compares builds of the program run side by side:
// round after round, every variant builds each input (PDF and DOCX) once,
// in a fresh order each round, so that a shared machine's drift in speed
// falls on all alike. It is how docs/performance.md measures what each
// speed trick saves. The variants come from JIXIAO_VARIANTS,
// space-separated name=binary[,VAR=value|,-option…] (variables set and
// options added for that variant's runs, e.g. GOGC=100 or -j=1); the
// first is the base the others are compared with. JIXIAO_INPUTS lists the
// inputs, comma-separated, of: sample, 100 and 1000 (projects), batch (200
// filings of 5 projects in a folder); the default is sample,100.
// JIXIAO_ROUNDS sets the rounds (default 60). Without JIXIAO_VARIANTS the
// benchmark is skipped:
//
//	JIXIAO_VARIANTS="head=/tmp/a gc100=/tmp/a,GOGC=100" go test -run '^$' -bench SideBySide -benchtime 1x ./cmd/jixiao
func BenchmarkSideBySide(b *testing.B) {
	spec := os.Getenv("JIXIAO_VARIANTS")
	if spec == "" {
		b.Skip("set JIXIAO_VARIANTS to compare builds (see the comment)")
	}
	rounds := 60
	if n, err := strconv.Atoi(os.Getenv("JIXIAO_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	type variant struct {
		name, bin  string
		env, flags []string
	}
	var variants []variant
	for _, v := range strings.Fields(spec) {
		name, rest, _ := strings.Cut(v, "=")
		parts := strings.Split(rest, ",")
		vr := variant{name: name, bin: parts[0]}
		for _, p := range parts[1:] {
			if strings.HasPrefix(p, "-") {
				vr.flags = append(vr.flags, p)
			} else {
				vr.env = append(vr.env, p)
			}
		}
		variants = append(variants, vr)
	}
	dir := b.TempDir()
	inputs := strings.Split(cmp.Or(os.Getenv("JIXIAO_INPUTS"), "sample,100"), ",")
	paths := map[string]string{}
	for _, in := range inputs {
		switch in {
		case "sample":
			paths[in] = sample
		case "batch":
			paths[in] = batchFolder(b, filepath.Join(dir, "batch"))
		default:
			n, err := strconv.Atoi(in)
			if err != nil {
				b.Fatalf("JIXIAO_INPUTS: unknown input %q", in)
			}
			paths[in] = filepath.Join(dir, "p"+in+".toml")
			if err := os.WriteFile(paths[in], []byte(manyProjects(b, readSample(b), n)), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devNull.Close()
	type sample struct{ wall, cpu float64 } // ms
	got := map[string][]sample{}
	for b.Loop() {
		for range rounds {
			for _, in := range inputs {
				for _, i := range rand.Perm(len(variants)) {
					v := variants[i]
					args := append(append([]string{"build"}, v.flags...), "-o", filepath.Join(dir, "out"), paths[in])
					cmd := exec.Command(v.bin, args...)
					cmd.Env = append(os.Environ(), v.env...)
					cmd.Stdout, cmd.Stderr = devNull, devNull
					start := time.Now()
					if err := cmd.Run(); err != nil {
						b.Fatalf("%s: %v", v.name, err)
					}
					wall := time.Since(start)
					cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
					key := v.name + "/" + in
					got[key] = append(got[key], sample{ms(wall), ms(cpu)})
				}
			}
		}
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%d rounds, interleaved; means ± standard error, medians in brackets, ms\n", rounds)
	fmt.Fprintf(&table, "%-14s %-7s %-24s %-24s %s\n", "variant", "input", "wall", "CPU", "vs "+variants[0].name+" (wall, CPU)")
	for _, in := range inputs {
		base := got[variants[0].name+"/"+in]
		for _, v := range variants {
			s := got[v.name+"/"+in]
			wall, cpu := field(s, func(x sample) float64 { return x.wall }), field(s, func(x sample) float64 { return x.cpu })
			fmt.Fprintf(&table, "%-14s %-7s %-24s %-24s %+.2f, %+.2f\n", v.name, in, stats(wall), stats(cpu),
				mean(wall)-mean(field(base, func(x sample) float64 { return x.wall })),
				mean(cpu)-mean(field(base, func(x sample) float64 { return x.cpu })))
			b.ReportMetric(mean(wall), v.name+"/"+in+"-wall-ms")
		}
	}
	fmt.Print(table.String()) // whole: a benchmark's log is cut to ten lines
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func field[T any](s []T, f func(T) float64) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

func mean(x []float64) float64 {
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	return sum / float64(len(x))
}

// stats formats mean ± standard error [median].
func stats(x []float64) string {
	m, v := mean(x), 0.0
	for _, e := range x {
		v += (e - m) * (e - m)
	}
	se := 0.0
	if len(x) > 1 {
		se = math.Sqrt(v / float64(len(x)-1) / float64(len(x)))
	}
	s := slices.Sorted(slices.Values(x))
	return fmt.Sprintf("%.2f ± %.2f [%.2f]", m, se, s[len(s)/2])
}
