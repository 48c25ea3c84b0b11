package desktop

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"
)

func TestDoubleClicked(t *testing.T) {
	count := func(n int, err error) func() (int, error) { return func() (int, error) { return n, err } }
	for _, c := range []struct {
		goos  string
		args  []string
		count func() (int, error)
		want  bool
	}{
		{"windows", nil, count(1, nil), true},                       // Explorer: a console of its own
		{"windows", nil, count(2, nil), false},                      // cmd.exe and jixiao share the console
		{"windows", nil, count(3, nil), false},                      // PowerShell in Windows Terminal, and more
		{"windows", []string{"serve"}, count(1, nil), false},        // arguments: a command line or a shortcut's target
		{"windows", nil, count(0, errors.New("no console")), false}, // no console at all (a service, or a GUI parent redirecting)
		{"linux", nil, count(1, nil), false},
		{"darwin", nil, count(1, nil), false},
	} {
		if got := DoubleClicked(c.goos, c.args, c.count); got != c.want {
			t.Errorf("DoubleClicked(%s, %q, …) = %v, want %v", c.goos, c.args, got, c.want)
		}
	}
}

func TestOpenBrowserRunsThePlatformsOpener(t *testing.T) {
	const url = "http://127.0.0.1:8080/?token=abc&x=1"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", url},
		"darwin":  {"open", url},
		"linux":   {"xdg-open", url},
		"freebsd": {"xdg-open", url},
	} {
		name, args := OpenCommand(goos, url)
		if got := append([]string{name}, args...); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
	var ran []string
	err := OpenBrowser(url, func(name string, args ...string) error {
		ran = append([]string{name}, args...)
		return nil
	})
	if err != nil || len(ran) < 2 || ran[len(ran)-1] != url {
		t.Errorf("OpenBrowser ran %q (%v)", ran, err)
	}
	boom := errors.New("no opener")
	if err := OpenBrowser(url, func(string, ...string) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("a failed start gives %v", err)
	}
}

func TestDocumentsDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	dirs := func(list ...string) func(string) bool {
		return func(p string) bool { return slices.Contains(list, p) }
	}
	noFile := func(string) ([]byte, error) { return nil, fs.ErrNotExist }
	userDirs := func(text string) func(string) ([]byte, error) {
		return func(p string) ([]byte, error) {
			if p != filepath.Join("/home/li/.config", "user-dirs.dirs") {
				return nil, fs.ErrNotExist
			}
			return []byte(text), nil
		}
	}
	home := "/home/li"
	for _, c := range []struct {
		name   string
		goos   string
		getenv func(string) string
		read   func(string) ([]byte, error)
		isDir  func(string) bool
		want   string
	}{
		{"windows", "windows", env(map[string]string{"USERPROFILE": `C:\Users\li`}), noFile, dirs(filepath.Join(`C:\Users\li`, "Documents")), filepath.Join(`C:\Users\li`, "Documents")},
		{"a Chinese desktop", "linux", env(nil), userDirs("# comment\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/文档\"\n"), dirs("/home/li/文档"), "/home/li/文档"},
		{"no user-dirs, English", "linux", env(nil), noFile, dirs("/home/li/Documents"), "/home/li/Documents"},
		{"no user-dirs, Chinese", "linux", env(nil), noFile, dirs("/home/li/文档"), "/home/li/文档"},
		{"XDG_CONFIG_HOME", "linux", env(map[string]string{"XDG_CONFIG_HOME": "/cfg"}), func(p string) ([]byte, error) {
			if p == filepath.Join("/cfg", "user-dirs.dirs") {
				return []byte("XDG_DOCUMENTS_DIR=\"/data/docs\"\n"), nil
			}
			return nil, fs.ErrNotExist
		}, dirs("/data/docs"), "/data/docs"},
		{"none exists", "linux", env(nil), noFile, dirs(), home},
	} {
		if got := DocumentsDir(c.goos, home, c.getenv, c.read, c.isDir); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
