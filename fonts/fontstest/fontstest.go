// Package fontstest makes stand-ins for the office faces (仿宋_GB2312,
// 宋体, 黑体, 楷体_GB2312, 方正小标宋简体), which cannot be installed where the
// tests run: the embedded faces renamed with fontTools, written under the
// official file names with a chosen OS/2 fsType. It is for tests only.
package fontstest

import (
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/fonts"
)

//go:embed standin.py
var script string

// StandIn is one stand-in file: its official file name, and the embedded
// face (fonts.SerifRegular…) and family name of each face in it.
type StandIn struct {
	File  string
	Faces [][2]string // {source file, family name}
}

// Office are the stand-ins of the faces the built-in templates name, under
// the file names Windows uses; simsun.ttc is a collection of two faces, as
// Windows' is.
var Office = []StandIn{
	{"simfang.ttf", [][2]string{{fonts.SerifRegular, "FangSong"}}},
	{"simsun.ttc", [][2]string{{fonts.SerifRegular, "SimSun"}, {fonts.SerifBold, "NSimSun"}}},
	{"simhei.ttf", [][2]string{{fonts.SansMedium, "SimHei"}}},
	{"simkai.ttf", [][2]string{{fonts.KaiRegular, "KaiTi"}}},
	{"FZXBSJW.TTF", [][2]string{{fonts.SerifBold, "FZXiaoBiaoSong-B05S"}}},
}

// Python returns a Python with fontTools, or skips the test (fails it in
// CI, which installs one).
func Python(tb testing.TB) string {
	tb.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import fontTools").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("python3 with fontTools is required in CI (.ci/run installs python3-fonttools)")
	}
	tb.Skip("python3 with fontTools not installed: no stand-in office fonts")
	return ""
}

// Write writes the stand-ins into dir with OS/2 fsType fsType.
func Write(tb testing.TB, dir string, fsType int, standIns ...StandIn) {
	tb.Helper()
	py := Python(tb)
	src := tb.TempDir()
	args := []string{"-", strconv.Itoa(fsType)}
	for _, s := range standIns {
		arg := filepath.Join(dir, s.File)
		for _, f := range s.Faces {
			path := filepath.Join(src, f[0]+".ttf")
			if _, err := os.Stat(path); err != nil {
				face, err := fonts.Embedded(f[0])
				if err != nil {
					tb.Fatal(err)
				}
				if err := os.WriteFile(path, face.Data(), 0o644); err != nil {
					tb.Fatal(err)
				}
			}
			arg += "|" + path + "|" + f[1]
		}
		args = append(args, arg)
	}
	cmd := exec.Command(py, args...)
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("stand-in fonts: %v\n%s", err, out)
	}
}
