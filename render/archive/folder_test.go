package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFolderName: characters Windows and other systems refuse in a name
// become "_", and trailing dots and spaces go.
func TestFolderName(t *testing.T) {
	for _, c := range []struct{ code, name, want string }{
		{"224002", "中共山海关区委网络安全和信息化委员会办公室", "224002-中共山海关区委网络安全和信息化委员会办公室"},
		{" 305001 ", "市局/办公室: \"综合\"科*?", "305001-市局_办公室_ _综合_科__"},
		{"1", "名称. ", "1-名称"},
		{"1", "a\tb<c>|d\\e", "1-a_b_c__d_e"},
	} {
		if got := folderName(c.code, c.name); got != c.want {
			t.Errorf("folderName(%q, %q) = %q, want %q", c.code, c.name, got, c.want)
		}
	}
}

// TestRestoreAside: a year's folder left moved aside by an interrupted
// run is put back before the year is written again.
func TestRestoreAside(t *testing.T) {
	dir := t.TempDir()
	aside := filepath.Join(dir, ".2024.old-123")
	if err := os.MkdirAll(filepath.Join(aside, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	year := filepath.Join(dir, "2024")
	if err := restoreAside(year); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(year, "x")); err != nil {
		t.Errorf("not restored: %v", err)
	}
	// With the year's folder in place, nothing moves.
	if err := os.MkdirAll(aside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := restoreAside(year); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(aside); err != nil {
		t.Error("an aside folder moved while the year's folder exists")
	}
}
