package render

import (
	"cmp"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/templates"
)

// FontDirs returns the folders searched for installed office faces:
// extra (e.g. --font-dir) first, then this system's font folders (see
// fonts.SystemDirs), with getenv reading the environment.
func FontDirs(extra []string, getenv func(string) string) []string {
	return append(slices.Clone(extra), fonts.SystemDirs(runtime.GOOS, getenv)...)
}

// FontUse says which face draws one office face name (a DOCX font name,
// e.g. 仿宋_GB2312) in the PDF.
type FontUse struct {
	Office string // the name the DOCX writes
	Face   string // the face's own name, e.g. "FangSong" or "NotoSerifSC-Regular"
	File   string // the installed file used; "" for the embedded face
	// Found is the installed file that was found but could not be used
	// (Refused says why), or "" when none was found or it was used.
	Found   string
	Refused error
}

// useInstalledFaces points each font role that draws an embedded face at
// the office face of its DOCX name where one is installed in dirs and may
// be embedded (fonts.Load checks the licence, OS/2 fsType, and the file).
// Such a face has no bold of its own: bold text is thickened, as Word does
// with these faces. It returns what each office name ended up drawn with.
// Without dirs nothing is looked up and every role keeps its embedded face.
func useInstalledFaces(d *doc.Document, dirs []string) []FontUse {
	var names []string
	for _, f := range d.Fonts {
		if isEmbedded(f.PDF) && f.EastAsia != "" && !slices.Contains(names, f.EastAsia) {
			names = append(names, f.EastAsia)
		}
	}
	// In the order of fonts.OfficialNames (仿宋, 宋体, 黑体…), then others.
	rank := func(n string) int {
		if i := slices.Index(fonts.OfficialNames(), n); i >= 0 {
			return i
		}
		return len(fonts.OfficialNames())
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b)) })
	var found map[string]fonts.Installed
	if len(dirs) > 0 {
		found = fonts.Find(names, dirs, nil)
	}
	// The found files are read and checked side by side: the official
	// faces are large (simsun.ttc is 18 MB).
	uses := make([]FontUse, len(names))
	faces := make([]*fonts.Face, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		uses[i].Office = name
		in, ok := found[name]
		if !ok {
			continue
		}
		wg.Go(func() {
			face, err := fonts.Load(in.Path, 0)
			if err != nil {
				uses[i].Found, uses[i].Refused = in.Path, err
				return
			}
			faces[i], uses[i].File, uses[i].Face = face, in.Path, face.Name()
		})
	}
	wg.Wait()
	for _, role := range slices.Sorted(maps.Keys(d.Fonts)) {
		f := d.Fonts[role]
		i := slices.Index(names, f.EastAsia)
		if i < 0 {
			continue
		}
		if faces[i] != nil {
			f.PDF, f.PDFBold, f.Index = uses[i].File, "", 0
			d.Fonts[role] = f
		} else if uses[i].Face == "" {
			uses[i].Face = f.PDF
		}
	}
	d.Meta.Fonts = fontsMeta(uses)
	return uses
}

func isEmbedded(name string) bool { return slices.Contains(fonts.EmbeddedNames(), name) }

// fontsMeta is the PDF metadata's account of the faces: "仿宋_GB2312:
// FangSong (simfang.ttf); 黑体: NotoSansSC-Medium (embedded)". It names
// files without their folder, which may hold the user's name, and gives no
// reason for a fallback, so that a machine without the office faces writes
// the same bytes as --fonts embedded.
func fontsMeta(uses []FontUse) string {
	parts := make([]string, len(uses))
	for i, u := range uses {
		from := "embedded"
		if u.File != "" {
			from = baseName(u.File)
		}
		parts[i] = u.Office + ": " + u.Face + " (" + from + ")"
	}
	return strings.Join(parts, "; ")
}

// baseName is the file name of a path written on this system or Windows.
func baseName(path string) string {
	return filepath.Base(path[strings.LastIndex(path, `\`)+1:])
}

// FontNote is the line that tells the user which face each office name
// was drawn with in the PDF, and why an installed face was not used; ok
// is false when the Engine looked for no installed face (Options.FontDirs
// empty), as there is then nothing to tell.
func (r *Report) FontNote() (note diag.Text, ok bool) {
	if !r.lookedForFaces {
		return diag.Text{}, false
	}
	return r.fontNote(), true
}

func (r *Report) fontNote() diag.Text {
	if !slices.ContainsFunc(r.Fonts, func(u FontUse) bool { return u.File != "" || u.Refused != nil }) {
		names := make([]string, len(r.Fonts))
		for i, u := range r.Fonts {
			names[i] = u.Office
		}
		return diag.T("PDF fonts: the embedded faces; none of the office faces (%s) is installed here (--font-dir DIR names a folder that has them)", diag.Whole(strings.Join(names, "、")))
	}
	var list diag.Text
	for i, u := range r.Fonts {
		var t diag.Text
		switch {
		case u.File != "":
			t = diag.T("%s: %s (installed, %s)", u.Office, u.Face, diag.Whole(u.File))
		case u.Refused != nil:
			t = diag.T("%s: embedded %s (%s cannot be used: %v)", u.Office, u.Face, diag.Whole(u.Found), templates.FontProblem(u.Refused))
		default:
			t = diag.T("%s: embedded %s (not installed)", u.Office, u.Face)
		}
		if i == 0 {
			list = t
		} else {
			list = diag.T("%s; %s", list, t)
		}
	}
	return diag.T("PDF fonts: %s", list)
}
