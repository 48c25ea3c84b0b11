//go:build unix

package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestModeFollowsUmask: outputs were always 0644, even under umask 077.
func TestModeFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ umask, want os.FileMode }{{0o077, 0o600}, {0o022, 0o644}, {0o002, 0o664}} {
		old := syscall.Umask(int(c.umask))
		path := filepath.Join(dir, fmt.Sprintf("r%o.pdf", c.umask))
		err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != c.want {
			t.Errorf("umask %03o: mode %v, want %v", c.umask, st.Mode().Perm(), c.want)
		}
	}
}

// TestConcurrentRunIsRefused: two builds into one folder could leave a PDF
// and a DOCX from different filings. A run whose outputs another live
// process is writing is refused; the leftovers of a process that is gone
// are removed, not taken for a run.
func TestConcurrentRunIsRefused(t *testing.T) {
	dir := t.TempDir()
	pdf, docx := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.docx")
	other := filepath.Join(dir, fmt.Sprintf(".r.docx.%d-0000abcd.tmp", os.Getppid())) // a live process
	if err := os.WriteFile(other, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Begin(pdf, docx)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Path != docx || busy.PID != os.Getppid() {
		t.Fatalf("err = %v, want busy on r.docx", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused run left files: %v", entries)
	}

	// The other run starts after this one claimed its outputs: this one
	// fails at Commit rather than mix the two.
	os.Remove(other)
	b, err := Begin(pdf, docx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := b.Fill(i, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(other, []byte("half"), 0o644)
	for _, err := range b.Commit() {
		if !errors.As(err, &busy) {
			t.Errorf("commit: %v, want busy", err)
		}
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("r.pdf was written though another run is writing r.docx")
	}

	// A process that is gone: its file is removed and the run goes on.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true:", err)
	}
	os.Remove(other)
	stale := filepath.Join(dir, fmt.Sprintf(".r.pdf.%d-0000abcd.tmp", cmd.Process.Pid))
	os.WriteFile(stale, []byte("half"), 0o644)
	if err := Write(pdf, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a dead process's temporary file was left")
	}
}

// TestInterruptRemovesTemporaryFiles: an interrupted run left its partial
// temporary file (.big.pdf.NNN.tmp, 458 KB), which no later run removed.
// The helper process below is interrupted while writing; it removes its
// temporary file, says so and exits with the code given, and the previous
// file survives.
func TestInterruptRemovesTemporaryFiles(t *testing.T) {
	if dir := os.Getenv("SAFEFILE_HELPER_DIR"); dir != "" {
		ExitOnInterrupt(2, func(sig os.Signal, n int) { fmt.Fprintf(os.Stderr, "stopped by %v: %d removed\n", sig, n) })
		b, err := Begin(filepath.Join(dir, "big.pdf"), filepath.Join(dir, "big.docx"))
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		go b.Fill(1, func(w io.Writer) error { select {} })
		b.Fill(0, func(w io.Writer) error {
			w.Write(make([]byte, 458<<10))
			fmt.Println("ready")
			select {}
		})
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "big.pdf"), []byte("good"), 0o644)
		cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesTemporaryFiles$")
		cmd.Env = append(os.Environ(), "SAFEFILE_HELPER_DIR="+dir)
		out, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "ready\n" {
			cmd.Process.Kill()
			t.Fatalf("helper: %q", line)
		}
		cmd.Process.Signal(sig)
		done := make(chan error)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatal("the helper did not stop")
		}
		if cmd.ProcessState.ExitCode() != 2 || !strings.Contains(stderr.String(), "2 removed") {
			t.Errorf("%v: exit %d, stderr %q", sig, cmd.ProcessState.ExitCode(), stderr.String())
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("%v: files left: %v", sig, entries)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "big.pdf")); string(got) != "good" {
			t.Errorf("%v: the previous file is %q", sig, got)
		}
	}
}

// TestReadRegular: only regular files up to the limit are read.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	syscall.Mkfifo(fifo, 0o644)
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("12345"), 0o644)
	for _, c := range []struct {
		path string
		want error
	}{{"/dev/zero", ErrNotRegular}, {fifo, ErrNotRegular}, {dir, ErrNotRegular}} {
		if _, err := ReadRegular(c.path, 10); !errors.Is(err, c.want) {
			t.Errorf("%s: %v", c.path, err)
		}
	}
	var big *TooLargeError
	if _, err := ReadRegular(small, 4); !errors.As(err, &big) || big.Size != 5 {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := ReadRegular(small, 5); err != nil || string(data) != "12345" {
		t.Errorf("at the limit: %q %v", data, err)
	}
}
