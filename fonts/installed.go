package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Installed is an office face found on the machine. A .ttc collection
// holds the face first (simsun.ttc: 宋体, then 新宋体).
type Installed struct {
	Name string // the face's office name, e.g. "仿宋_GB2312"
	Path string
}

// officialFiles lists, for each face that GB/T 9704 documents name (the
// names a DOCX writes), the files that hold it, best first, as they are
// spelt: the face under its own name, Windows' file in the case Windows
// writes it and in the upper case of copies from older Windows
// (simfang.ttf is 仿宋, the successor of 仿宋_GB2312 with the same design;
// SIMFANG.TTF of Windows XP was 仿宋_GB2312 itself), then the CESI faces
// that Kylin and UOS ship for government use.
var officialFiles = map[string][]string{
	"仿宋_GB2312": {"仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "simfang.ttf", "SIMFANG.TTF", "CESI_FS_GB2312.TTF"},
	"仿宋":        {"simfang.ttf", "SIMFANG.TTF", "仿宋.ttf", "CESI_FS_GB18030.TTF"},
	"宋体":        {"simsun.ttc", "SIMSUN.TTC", "CESI_SS_GB2312.TTF"},
	"黑体":        {"simhei.ttf", "SIMHEI.TTF", "CESI_HT_GB2312.TTF"},
	"楷体_GB2312": {"楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "simkai.ttf", "SIMKAI.TTF", "CESI_KT_GB2312.TTF"},
	"楷体":        {"simkai.ttf", "SIMKAI.TTF", "楷体.ttf", "CESI_KT_GB18030.TTF"},
	"方正小标宋简体":   {"FZXBSJW.TTF", "fzxbsjw.ttf", "方正小标宋简体.ttf", "CESI_XBS_GB2312.TTF"},
}

// OfficialNames returns the office face names that Find knows files for.
func OfficialNames() []string {
	return []string{"仿宋_GB2312", "仿宋", "宋体", "黑体", "楷体_GB2312", "楷体", "方正小标宋简体"}
}

// SystemDirs returns the folders where goos ("windows", "linux", "darwin",
// as runtime.GOOS) keeps installed fonts, the machine's before the user's,
// with getenv reading the environment (os.Getenv). Only these folders are
// searched, not their subfolders: on Linux they include the folders that
// Debian, Kylin and UOS packages of Chinese office faces use.
func SystemDirs(goos string, getenv func(string) string) []string {
	home := getenv("HOME")
	var dirs []string
	switch goos {
	case "windows":
		win := getenv("WINDIR")
		if win == "" {
			win = getenv("SystemRoot")
		}
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, strings.TrimRight(win, `\/`)+`\Fonts`)
		// Fonts a user installs without administrator rights (Windows 10
		// 1809 and later), common on locked-down office PCs.
		if local := getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, strings.TrimRight(local, `\/`)+`\Microsoft\Windows\Fonts`)
		}
		return dirs
	case "darwin":
		dirs = []string{"/Library/Fonts", "/System/Library/Fonts/Supplemental",
			"/Applications/Microsoft Word.app/Contents/Resources/DFonts"}
		if home != "" {
			dirs = append(dirs, home+"/Library/Fonts")
		}
		return dirs
	}
	for _, base := range []string{"/usr/share/fonts", "/usr/local/share/fonts"} {
		dirs = append(dirs, base)
		for _, sub := range linuxSubdirs {
			dirs = append(dirs, base+"/"+sub)
		}
	}
	data := getenv("XDG_DATA_HOME")
	if data == "" && home != "" {
		data = home + "/.local/share"
	}
	if data != "" {
		dirs = append(dirs, data+"/fonts")
	}
	if home != "" {
		dirs = append(dirs, home+"/.fonts")
	}
	return dirs
}

// linuxSubdirs are the folders under /usr/share/fonts where Chinese office
// faces are found on Linux desktops: the CESI faces of Kylin and UOS, fonts
// copied from Windows (the folder names the guides for Kylin and UOS
// suggest), and those WPS Office installs.
var linuxSubdirs = []string{
	"fonts-cesi", "cesi", "truetype/cesi", "truetype/fonts-cesi",
	"winfonts", "windows", "win", "truetype/windows", "truetype/winfonts", "chinese", "zh_CN", "truetype/chinese",
	"wps-office", "truetype/wps-office",
}

// Find looks for the named office faces (see OfficialNames; other names
// are skipped) in dirs, in order: the first folder that holds a known file
// of a face gives it. Only the known file names are tried (once each,
// where case does not matter on this system): no folder is listed, so a
// lookup that finds nothing costs a check of each folder and of each
// name in the folders that exist. stat is os.Stat, or a fake in tests.
// The files are not read: Load says whether a face can be used.
func Find(names, dirs []string, stat func(string) (fs.FileInfo, error)) map[string]Installed {
	if stat == nil {
		stat = os.Stat
	}
	var present []string
	for _, d := range dirs {
		if st, err := stat(d); err == nil && st.IsDir() {
			present = append(present, d)
		}
	}
	found := map[string]Installed{}
	exists := map[string]bool{} // by path, or by lower-case path
	for _, name := range names {
	dirs:
		for _, d := range present {
			for _, f := range officialFiles[name] {
				p := join(d, f)
				key := p
				if !caseSensitive {
					key = strings.ToLower(p)
				}
				ok, tried := exists[key]
				if !tried {
					st, err := stat(p)
					ok = err == nil && st.Mode().IsRegular()
					exists[key] = ok
				}
				if ok {
					found[name] = Installed{Name: name, Path: p}
					break dirs
				}
			}
		}
	}
	return found
}

// caseSensitive is whether file names differ by case: on Linux, not on
// Windows or (by default) macOS, where a name need be tried in one case
// only.
var caseSensitive = runtime.GOOS != "windows" && runtime.GOOS != "darwin"

// join joins a folder and a file name with the folder's own separator, so
// that Windows paths stay Windows paths whatever the system.
func join(dir, name string) string {
	if strings.Contains(dir, `\`) && !strings.Contains(dir, "/") {
		return strings.TrimRight(dir, `\`) + `\` + name
	}
	return filepath.Join(dir, name)
}
