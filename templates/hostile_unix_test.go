//go:build unix

package templates

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// TestHostileFiles: template and font files are read only when they are
// regular files, up to a size, and a message never shows their bytes. A
// font path of /dev/zero ended in "fatal error: out of memory", a FIFO hung
// for ever, a 2 GB font took 2.1 GB, and the font error printed the first
// four bytes of any file ("root" from a system file).
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.ttf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	big := filepath.Join(dir, "big.ttf")
	if err := os.WriteFile(big, nil, 0o644); err != nil || os.Truncate(big, 2<<30) != nil {
		t.Fatal("cannot make a sparse file", err)
	}
	secret := filepath.Join(dir, "secret.ttf")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ font, en string }{
		{"/dev/zero", "not a regular file"},
		{fifo, "not a regular file"},
		{dir, "not a regular file"},
		{big, "the file is 2147483648 bytes; the limit is 67108864 bytes"},
		{secret, "does not begin as a TrueType font does"},
	} {
		src := strings.Replace(minimal, `pdf = "NotoSerifSC-Regular"`, `pdf = "`+c.font+`"`, 1)
		done := make(chan diag.List)
		go func() { _, notes := parse("mini.toml", dir, []byte(src)); done <- notes }()
		select {
		case notes := <-done:
			en := notes.Format(language.English)
			if len(notes) != 1 || notes[0].Line != 14 || !strings.Contains(en, c.en) {
				t.Errorf("%s: want %q at line 14, got\n%s", c.font, c.en, en)
			}
			for _, leak := range []string{"root", "0x726f6f74", "726f6f74"} {
				if strings.Contains(strings.ReplaceAll(en, dir, ""), leak) {
					t.Errorf("%s: the message shows the file's bytes:\n%s", c.font, en)
				}
			}
		case <-time.After(time.Minute): // a guard against a hang, not a timing: a FIFO once blocked for ever
			t.Fatalf("%s: no answer in a minute", c.font)
		}
	}
	// A FIFO, a device or a folder named as a template file.
	tdir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(tdir, "pipe.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(tdir, "folder.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, notes := NewSet(tdir)
	if en := notes.Format(language.English); len(notes) != 2 || strings.Count(en, "not a regular file") != 2 {
		t.Errorf("want two refusals, got\n%s", en)
	}
	if _, notes := Load("/dev/zero"); len(notes) != 1 || !strings.Contains(notes.Format(language.English), "not a regular file") {
		t.Errorf("/dev/zero as a template: %v", notes)
	}
}
