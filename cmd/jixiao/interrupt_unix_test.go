//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedBuild: an interrupted run left its partial temporary file
// (.big.pdf.NNN.tmp, 458 KB) behind. The program is stopped while it writes
// a large filing's outputs; it removes its temporary files, says so, exits
// with 2, and the earlier outputs are unchanged.
func TestInterruptedBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and a 1,000-project filing")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	path := filepath.Join(dir, "big.toml")
	os.WriteFile(path, []byte(manyProjects(t, readSample(t), 1000)), 0o644)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, ext := range []string{"pdf", "docx"} {
			os.WriteFile(filepath.Join(dir, "big."+ext), []byte("good"), 0o644)
		}
		cmd := exec.Command(bin, "build", path)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Wait for the temporary files, then interrupt.
		deadline := time.Now().Add(60 * time.Second)
		for !hasTemp(dir) {
			select {
			case <-done:
				t.Fatalf("%v: the run ended before writing: %s", sig, stderr.String())
			case <-time.After(time.Millisecond):
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("no temporary file within a minute")
			}
		}
		cmd.Process.Signal(sig)
		<-done
		if hasTemp(dir) {
			t.Errorf("%v: temporary files left", sig)
		}
		if cmd.ProcessState.ExitCode() == 0 {
			t.Logf("%v: the run finished before the signal", sig)
			continue
		}
		if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(stderr.String(), "未写完的输出文件") {
			t.Errorf("%v: exit %d, stderr %q", sig, code, stderr.String())
		}
		// The outputs are put in place together, after both are written.
		for _, ext := range []string{"pdf", "docx"} {
			if got, _ := os.ReadFile(filepath.Join(dir, "big."+ext)); string(got) != "good" {
				t.Errorf("%v: big.%s was replaced by an interrupted run", sig, ext)
			}
		}
	}
}

func hasTemp(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			return true
		}
	}
	return false
}
