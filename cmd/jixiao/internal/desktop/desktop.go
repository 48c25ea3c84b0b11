// Package desktop is what `jixiao serve` needs of the user's desktop:
// whether the program was started by a double-click (on Windows, a console
// of its own that no shell shares), the user's documents folder, and
// opening an address in the default browser with the platform's opener.
package desktop

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// DoubleClicked reports whether a program started with args was started
// from the desktop rather than a command line: with no arguments, on
// Windows, and alone on its console. Explorer gives a console program a
// new console whose only process it is; a program started from cmd.exe or
// PowerShell shares the shell's console (two processes or more). count
// returns the number of processes on the console (the platform's own;
// ConsoleProcesses on this machine).
func DoubleClicked(goos string, args []string, count func() (int, error)) bool {
	if len(args) > 0 || goos != "windows" {
		return false
	}
	n, err := count()
	return err == nil && n == 1
}

// OpenCommand is the platform's own command that opens url in the default
// browser.
func OpenCommand(goos, url string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin":
		return "open", []string{url}
	default: // Linux, Kylin, UOS and the BSDs: freedesktop.org's opener
		return "xdg-open", []string{url}
	}
}

// Starter starts a program without waiting for it.
type Starter func(name string, args ...string) error

// Start starts a program and reaps it when it ends.
func Start(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// OpenBrowser opens url in the default browser of this platform.
func OpenBrowser(url string, start Starter) error {
	name, args := OpenCommand(runtime.GOOS, url)
	return start(name, args...)
}

// DocumentsDir is the user's documents folder: on Windows
// %USERPROFILE%\Documents; elsewhere XDG_DOCUMENTS_DIR of
// ~/.config/user-dirs.dirs (a Chinese desktop names it ~/文档), else
// ~/Documents; the home folder when none of these exists. readFile and
// isDir reach the file system.
func DocumentsDir(goos, home string, getenv func(string) string, readFile func(string) ([]byte, error), isDir func(string) bool) string {
	var candidates []string
	if goos == "windows" {
		if p := getenv("USERPROFILE"); p != "" {
			home = p
		}
		candidates = append(candidates, filepath.Join(home, "Documents"))
	} else {
		config := getenv("XDG_CONFIG_HOME")
		if config == "" {
			config = filepath.Join(home, ".config")
		}
		if data, err := readFile(filepath.Join(config, "user-dirs.dirs")); err == nil {
			if dir := xdgDocuments(data, home); dir != "" {
				candidates = append(candidates, dir)
			}
		}
		candidates = append(candidates, filepath.Join(home, "Documents"), filepath.Join(home, "文档"))
	}
	for _, c := range candidates {
		if isDir(c) {
			return c
		}
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR="$HOME/文档" from user-dirs.dirs.
func xdgDocuments(data []byte, home string) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if filepath.IsAbs(v) {
			return filepath.Clean(v)
		}
	}
	return ""
}
