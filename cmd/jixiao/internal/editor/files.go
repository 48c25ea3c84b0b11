package editor

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// folder is the one folder the editor reads and writes. Every access goes
// through an os.Root, so no name, symbolic link or .. reaches outside it.
type folder struct {
	root *os.Root
	path string     // absolute, for the page
	mu   sync.Mutex // serialises writes: a save reads, compares and replaces
}

func openFolder(dir string) (*folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	path, err := filepath.Abs(dir)
	if err != nil {
		path = dir
	}
	return &folder{root: root, path: path}, nil
}

// ownTemplateDirs are the folders inside DIR whose templates the editor
// offers besides the built-in ones.
var ownTemplateDirs = []string{"模板", "templates"}

// templateDir returns DIR's own template folder, or "".
func (d *folder) templateDir() string {
	for _, name := range ownTemplateDirs {
		if st, err := d.root.Stat(name); err == nil && st.IsDir() {
			return filepath.Join(d.path, name)
		}
	}
	return ""
}

// The kinds of file the editor reads and writes: filings in TOML and
// data workbooks, which it edits, and the reports.
var (
	filingExts   = []string{".toml"}
	workbookExts = []string{".xlsx", ".xlsm"}
	inputExts    = append(slices.Clone(filingExts), workbookExts...)
	outputExts   = []string{".pdf", ".docx"}
)

// errName is a file name the editor refuses.
type errName struct{ msg string }

func (e errName) Error() string { return e.msg }

// checkName accepts a plain file name in DIR with one of exts: no folder
// part, no .., no absolute path or drive, no hidden file, nothing a
// Windows file name cannot hold.
func checkName(name string, exts []string) error {
	switch {
	case name == "":
		return errName{"没有给出文件名。"}
	case len(name) > 200:
		return errName{"文件名太长。"}
	case strings.ContainsAny(name, `/\:*?"<>|`) || filepath.IsAbs(name):
		return errName{fmt.Sprintf("文件名“%s”不能含有路径或符号 / \\ : * ? \" < > |：只能打开本文件夹中的文件。", name)}
	case strings.HasPrefix(name, "."):
		return errName{fmt.Sprintf("文件名“%s”不能以点开头。", name)}
	case strings.ContainsFunc(name, unicode.IsControl):
		return errName{"文件名含有控制字符。"}
	case reservedName(name):
		return errName{fmt.Sprintf("“%s”是 Windows 保留的设备名，不能用作文件名。", name)}
	case !slices.Contains(exts, strings.ToLower(filepath.Ext(name))):
		return errName{fmt.Sprintf("文件“%s”的类型不对：应为 %s 文件。", name, strings.Join(exts, "、"))}
	}
	return nil
}

// reservedName reports a name Windows keeps for a device (NUL, CON, COM1…),
// with any extension: opening it reaches the device, not a file.
func reservedName(name string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(name), ".")
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) &&
		base[3] >= '1' && base[3] <= '9'
}

// FileInfo is a filing in the list.
type FileInfo struct {
	Name     string `json:"name"`
	Size     int64  `json:"size"`
	Modified string `json:"modified"` // local time, YYYY-MM-DD HH:MM
}

// list returns the filings of DIR, by name.
func (d *folder) list() ([]FileInfo, error) {
	f, err := d.root.Open(".")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	var out []FileInfo
	for _, e := range entries {
		if checkName(e.Name(), inputExts) != nil {
			continue
		}
		info, err := d.root.Stat(e.Name()) // follows a link, if it stays inside
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		out = append(out, FileInfo{Name: e.Name(), Size: info.Size(), Modified: info.ModTime().Format("2006-01-02 15:04")})
	}
	slices.SortFunc(out, func(a, b FileInfo) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// read returns a file's bytes, at most the pipeline's limit for its format.
func (d *folder) read(name string, exts []string) ([]byte, error) {
	if err := checkName(name, exts); err != nil {
		return nil, err
	}
	f, err := d.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, errName{fmt.Sprintf("“%s”不是普通文件。", name)}
	}
	limit := maxSize(name)
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = errName{fmt.Sprintf("文件“%s”超过 %d 字节，不像是绩效目标文件。", name, limit)}
	}
	return data, err
}

// openOutput opens a built report for download.
func (d *folder) openOutput(name string) (*os.File, error) {
	if err := checkName(name, outputExts); err != nil {
		return nil, err
	}
	f, err := d.root.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, errName{fmt.Sprintf("“%s”不是普通文件。", name)}
	}
	return f, nil
}

// hash names a version of a file's content.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// errStale is a save over a file that changed since it was opened.
var errStale = errors.New("stale")

// replace writes data as name if the file still holds the version was,
// keeping that version as name.bak. Both writes are atomic.
func (d *folder) replace(name, was string, data []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	cur, err := d.read(name, inputExts)
	if err != nil {
		return err
	}
	if hash(cur) != was {
		return errStale
	}
	if err := d.writeAtomic(name+".bak", func(w io.Writer) error { _, err := w.Write(cur); return err }); err != nil {
		return err
	}
	return d.writeAtomic(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// create writes a new file, never over an existing one.
func (d *folder) create(name string, data []byte) error {
	if err := checkName(name, filingExts); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	f, err := d.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		d.root.Remove(name)
	}
	return err
}

// writeAtomic creates or replaces name with what fill writes: into a
// temporary file beside it, synced, then renamed over it, so that a failed
// write leaves the previous file as it was.
func (d *folder) writeAtomic(name string, fill func(io.Writer) error) (err error) {
	suffix := make([]byte, 6)
	rand.Read(suffix)
	tmp := "." + name + "." + hex.EncodeToString(suffix) + ".tmp"
	f, err := d.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			d.root.Remove(tmp)
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return d.root.Rename(tmp, name)
}

// baseCache keeps the versions of files the editor has opened, read for
// editing, by hash: every check patches the form's values into the
// version the form was opened on.
type baseCache struct {
	mu   sync.Mutex
	data map[string]base
	used map[string]time.Time
}

const maxBases = 32

func newBaseCache() *baseCache {
	return &baseCache{data: map[string]base{}, used: map[string]time.Time{}}
}

// put keeps src, read from data, and returns its hash.
func (c *baseCache) put(data []byte, src base) string {
	h := hash(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.data) >= maxBases {
		var oldest string
		for k, t := range c.used {
			if oldest == "" || t.Before(c.used[oldest]) {
				oldest = k
			}
		}
		delete(c.data, oldest)
		delete(c.used, oldest)
	}
	c.data[h] = src
	c.used[h] = time.Now()
	return h
}

func (c *baseCache) get(h string) (base, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	src, ok := c.data[h]
	if ok {
		c.used[h] = time.Now()
	}
	return src, ok
}

// osMessage says in Chinese why a file could not be read or written.
func osMessage(err error) string {
	var n errName
	switch {
	case errors.As(err, &n):
		return n.msg
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在（可能已被移动或删除）。"
	case errors.Is(err, fs.ErrExist):
		return "同名文件已经存在，请换一个文件名。"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限：文件可能正在其他程序（如 WPS、Word、PDF 阅读器）中打开，或文件夹是只读的。"
	case strings.Contains(err.Error(), "path escapes") || strings.Contains(err.Error(), "escapes from parent"):
		return "只能打开本文件夹中的文件。"
	}
	return "文件读写失败：" + err.Error()
}
