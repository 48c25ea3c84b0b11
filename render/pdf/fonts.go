package pdf

import (
	"fmt"
	"slices"
	"sort"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// FontSet resolves the document's font roles to faces for the layout
// engine and remembers them for embedding. Faces load on first use, so a
// report pays only for the faces it draws with.
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
func (s *FontSet) Chain(role string, bold bool) ([]layout.FaceRef, error) {
	f, ok := s.roles[role]
	if !ok {
		return nil, fmt.Errorf("pdf: font role %q is not defined", role)
	}
	name, fake := f.PDF, bold
	if bold && f.PDFBold != "" {
		name, fake = f.PDFBold, false
	}
	primary, err := s.face(name, f.Index)
	if err != nil {
		return nil, err
	}
	chain := []layout.FaceRef{primary.ref(fake)}
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

func (l loaded) ref(fakeBold bool) layout.FaceRef {
	return layout.FaceRef{ID: l.id, Face: l.face, FakeBold: fakeBold}
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

// ids lists the loaded face IDs in a stable order.
func (s *FontSet) ids() []string {
	ids := make([]string, 0, len(s.faces))
	for id := range s.faces {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
