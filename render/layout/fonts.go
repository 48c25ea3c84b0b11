package layout

import (
	"fmt"
	"slices"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/doc"
)

// FontSet resolves a document's font roles to the faces of package fonts:
// the embedded faces, or the TrueType files a template names. Faces load
// on first use, so a report pays only for the faces it draws with (and
// package fonts keeps each face it parsed for the life of the process).
// The Result of a layout lists the faces it drew with, for a writer to
// embed.
type FontSet struct {
	roles map[string]doc.Font
	faces map[string]*fonts.Face // by face ID
}

// NewFontSet prepares the font roles of d.
func NewFontSet(d *doc.Document) *FontSet {
	return &FontSet{roles: d.Fonts, faces: map[string]*fonts.Face{}}
}

// fallback draws what a role's own face lacks (e.g. a symbol missing from a
// calligraphic face); it covers the whole embedded character set.
const fallback = fonts.SerifRegular

// Chain implements layout.Fonts: the role's face (its bold face when bold is
// asked and the role has one, else the regular face thickened), then the
// embedded serif as a fallback.
func (s *FontSet) Chain(role string, bold bool) ([]FaceRef, error) {
	f, ok := s.roles[role]
	if !ok {
		return nil, fmt.Errorf("no font is defined for role %q", role)
	}
	name, fake := f.PDF, bold
	if bold && f.PDFBold != "" {
		name, fake = f.PDFBold, false
	}
	primary, err := s.face(name, f.Index)
	if err != nil {
		return nil, err
	}
	chain := []FaceRef{primary.ref(fake)}
	if name != fallback {
		fb, err := s.face(fallback, 0)
		if err != nil {
			return nil, err
		}
		chain = append(chain, fb.ref(bold))
	}
	return chain, nil
}

type loaded struct {
	id   string
	face *fonts.Face
}

func (l loaded) ref(fakeBold bool) FaceRef {
	return FaceRef{ID: l.id, Face: l.face, FakeBold: fakeBold}
}

func (s *FontSet) face(name string, index int) (loaded, error) {
	id := name
	if index > 0 {
		id = fmt.Sprintf("%s#%d", name, index)
	}
	if f, ok := s.faces[id]; ok {
		return loaded{id, f}, nil
	}
	var (
		f   *fonts.Face
		err error
	)
	if slices.Contains(fonts.EmbeddedNames(), name) {
		f, err = fonts.Embedded(name)
	} else {
		f, err = fonts.Load(name, index)
	}
	if err != nil {
		return loaded{}, err
	}
	s.faces[id] = f
	return loaded{id, f}, nil
}
