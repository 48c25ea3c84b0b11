package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

// fakeStat serves a file system of paths (folders end in "/") for Find,
// counting the look-ups.
type fakeStat struct {
	fsys  fstest.MapFS
	calls int
}

func newFakeStat(paths ...string) *fakeStat {
	m := fstest.MapFS{}
	for _, p := range paths {
		if p[len(p)-1] == '/' {
			m[p[1:len(p)-1]] = &fstest.MapFile{Mode: fs.ModeDir}
		} else {
			m[p[1:]] = &fstest.MapFile{Data: []byte("font")}
		}
	}
	return &fakeStat{fsys: m}
}

func (f *fakeStat) stat(path string) (fs.FileInfo, error) {
	f.calls++
	return fs.Stat(f.fsys, filepath.ToSlash(path)[1:])
}

func TestFindFirstFolderWins(t *testing.T) {
	st := newFakeStat("/mine/", "/mine/SIMHEI.TTF", "/usr/share/fonts/", "/usr/share/fonts/fonts-cesi/",
		"/usr/share/fonts/fonts-cesi/CESI_FS_GB2312.TTF", "/usr/share/fonts/fonts-cesi/CESI_HT_GB2312.TTF",
		"/usr/share/fonts/fonts-cesi/simkai.ttf/", // a folder, not a font
		"/usr/share/fonts/simsun.ttc", "/usr/share/fonts/仿宋_GB2312.ttf")
	dirs := []string{"/mine", "/usr/share/fonts", "/usr/share/fonts/fonts-cesi"}
	got := Find([]string{"黑体", "仿宋_GB2312", "楷体_GB2312", "宋体", "Arial"}, dirs, st.stat)
	// A file found for one name is found for the next that it holds.
	if two := Find([]string{"仿宋_GB2312", "仿宋"}, []string{"/usr/share/fonts/fonts-cesi", "/mine"}, newFakeStat("/mine/", "/mine/simfang.ttf").stat); len(two) != 2 || two["仿宋"].Path != "/mine/simfang.ttf" {
		t.Errorf("仿宋_GB2312 and 仿宋: found %v, want simfang.ttf for both", two)
	}
	want := map[string]Installed{
		"黑体":        {"黑体", "/mine/SIMHEI.TTF"},
		"仿宋_GB2312": {"仿宋_GB2312", "/usr/share/fonts/仿宋_GB2312.ttf"},
		"宋体":        {"宋体", "/usr/share/fonts/simsun.ttc"},
	}
	if len(got) != len(want) {
		t.Errorf("found %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: found %+v, want %+v", k, got[k], w)
		}
	}
}

func TestFindNothingLooksOnlyAtFolders(t *testing.T) {
	st := newFakeStat("/home/u/")
	dirs := SystemDirs("linux", func(string) string { return "" })
	if got := Find(OfficialNames(), dirs, st.stat); len(got) != 0 {
		t.Errorf("found %v in an empty file system", got)
	}
	if st.calls != len(dirs) {
		t.Errorf("%d look-ups for %d folders that do not exist", st.calls, len(dirs))
	}
}

func TestSystemDirs(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	win := SystemDirs("windows", env(map[string]string{"WINDIR": `D:\WINNT\`, "LOCALAPPDATA": `C:\Users\张三\AppData\Local`}))
	if want := []string{`D:\WINNT\Fonts`, `C:\Users\张三\AppData\Local\Microsoft\Windows\Fonts`}; !slices.Equal(win, want) {
		t.Errorf("windows: %q, want %q", win, want)
	}
	if win := SystemDirs("windows", env(nil)); !slices.Equal(win, []string{`C:\Windows\Fonts`}) {
		t.Errorf("windows without WINDIR: %q", win)
	}
	if got := join(`C:\Windows\Fonts`, "simfang.ttf"); got != `C:\Windows\Fonts\simfang.ttf` {
		t.Errorf("join = %q", got)
	}
	linux := SystemDirs("linux", env(map[string]string{"HOME": "/home/u"}))
	for _, d := range []string{"/usr/share/fonts", "/usr/share/fonts/fonts-cesi", "/usr/share/fonts/wps-office", "/home/u/.local/share/fonts", "/home/u/.fonts"} {
		if !slices.Contains(linux, d) {
			t.Errorf("linux folders %q lack %s", linux, d)
		}
	}
	mac := SystemDirs("darwin", env(map[string]string{"HOME": "/Users/u"}))
	if !slices.Contains(mac, "/Library/Fonts") || !slices.Contains(mac, "/Users/u/Library/Fonts") {
		t.Errorf("macOS folders %q", mac)
	}
}

func TestOfficialNamesHaveFiles(t *testing.T) {
	for _, name := range OfficialNames() {
		if len(officialFiles[name]) == 0 {
			t.Errorf("%s has no known files", name)
		}
	}
	if len(officialFiles) != len(OfficialNames()) {
		t.Errorf("officialFiles has %d names, OfficialNames %d", len(officialFiles), len(OfficialNames()))
	}
}

// BenchmarkFindNothing is the look-up on a machine without the office
// faces: this system's font folders, with the faces looked for in a
// folder of their own that holds none. It should take well under 1 ms.
func BenchmarkFindNothing(b *testing.B) {
	dirs := append([]string{b.TempDir()}, SystemDirs("linux", os.Getenv)...)
	names := []string{"仿宋_GB2312", "宋体", "黑体", "楷体_GB2312", "方正小标宋简体"}
	for b.Loop() {
		if got := Find(names, dirs, nil); len(got) != 0 {
			b.Fatalf("found %v", got)
		}
	}
}

// BenchmarkFindAll is the look-up when every face is in the first folder
// (the files are empty: Find does not read them).
func BenchmarkFindAll(b *testing.B) {
	dir := b.TempDir()
	for _, f := range []string{"simfang.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "FZXBSJW.TTF"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	dirs := append([]string{dir}, SystemDirs("linux", os.Getenv)...)
	names := []string{"仿宋_GB2312", "宋体", "黑体", "楷体_GB2312", "方正小标宋简体"}
	for b.Loop() {
		if got := Find(names, dirs, nil); len(got) != len(names) {
			b.Fatalf("found %v", got)
		}
	}
}

// TestFindWindowsPaths: the Windows folders and file paths are composed
// with backslashes whatever the system the tests run on.
func TestFindWindowsPaths(t *testing.T) {
	dirs := SystemDirs("windows", func(k string) string {
		return map[string]string{"WINDIR": `C:\WINDOWS`, "LOCALAPPDATA": `C:\Users\li\AppData\Local`}[k]
	})
	files := map[string]bool{`C:\WINDOWS\Fonts`: true, `C:\Users\li\AppData\Local\Microsoft\Windows\Fonts`: true,
		`C:\WINDOWS\Fonts\simhei.ttf`: false, `C:\Users\li\AppData\Local\Microsoft\Windows\Fonts\FZXBSJW.TTF`: false}
	var asked []string
	stat := func(p string) (fs.FileInfo, error) {
		asked = append(asked, p)
		dir, ok := files[p]
		if !ok {
			return nil, fs.ErrNotExist
		}
		m := fstest.MapFS{"f": &fstest.MapFile{}}
		if dir {
			m["f"].Mode = fs.ModeDir
		}
		return fs.Stat(m, "f")
	}
	got := Find([]string{"黑体", "方正小标宋简体"}, dirs, stat)
	if got["黑体"].Path != `C:\WINDOWS\Fonts\simhei.ttf` || got["方正小标宋简体"].Path != `C:\Users\li\AppData\Local\Microsoft\Windows\Fonts\FZXBSJW.TTF` {
		t.Errorf("found %v; looked at %q", got, asked)
	}
}
