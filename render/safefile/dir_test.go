package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// goneProcess is a process number no process has (above Linux's largest).
const goneProcess = 1<<22 + 1

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestDir: a folder filled in its temporary folder replaces the previous
// one whole on Commit, and nothing else is left beside it; Abort leaves
// the previous one.
func TestDir(t *testing.T) {
	parent := t.TempDir()
	path := filepath.Join(parent, "2024")
	for i, content := range []string{"first", "second"} {
		d, err := BeginDir(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d.Temp(), "f"+strconv.Itoa(i)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if got := entries(t, path); len(got) != 1 || got[0] != "f1" {
		t.Errorf("the folder holds %v, want only the second run's f1", got)
	}
	d, err := BeginDir(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if got := entries(t, parent); len(got) != 1 || got[0] != "2024" {
		t.Errorf("beside the folder: %v", got)
	}
}

// TestDirLeftovers: a run stopped between Commit's renames left the
// previous folder aside: the next run puts it back. A live process's
// temporary folder makes the run busy; a gone one's is removed.
func TestDirLeftovers(t *testing.T) {
	parent := t.TempDir()
	path := filepath.Join(parent, "2024")
	aside := filepath.Join(parent, ".2024."+strconv.Itoa(goneProcess)+"-00000000.old")
	if err := os.MkdirAll(filepath.Join(aside, "kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(parent, ".2024."+strconv.Itoa(goneProcess)+"-00000001.tmp")
	if err := os.Mkdir(gone, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := BeginDir(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if _, err := os.Stat(filepath.Join(path, "kept")); err != nil {
		t.Errorf("the folder left aside was not put back: %v", err)
	}
	if got := entries(t, parent); len(got) != 1 {
		t.Errorf("beside the folder: %v", got)
	}

	live := filepath.Join(parent, ".2024."+strconv.Itoa(os.Getppid())+"-00000002.tmp")
	if err := os.Mkdir(live, 0o755); err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := BeginDir(path); !errors.As(err, &busy) || busy.PID != os.Getppid() {
		t.Errorf("BeginDir beside a live process's folder: %v, want a BusyError", err)
	}
}

// TestDirInterrupt: the folders being written are removed as the files
// are when the run is stopped.
func TestDirInterrupt(t *testing.T) {
	d, err := BeginDir(filepath.Join(t.TempDir(), "2024"))
	if err != nil {
		t.Fatal(err)
	}
	if n := removeLive(); n != 1 {
		t.Errorf("removeLive removed %d, want the folder", n)
	}
	liveMu.Lock()
	stopping = false // let the other tests go on creating files
	liveMu.Unlock()
	if _, err := os.Stat(d.Temp()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary folder is still there: %v", err)
	}
}
