package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// node is a parsed XML element, for looking at the written parts.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []*node    `xml:",any"`
	Text    string     `xml:",chardata"`
}

func parseXML(t *testing.T, name string, data []byte) *node {
	t.Helper()
	var n node
	if err := xml.Unmarshal(data, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &n
}

// name is the element's local name.
func (n *node) name() string { return n.XMLName.Local }

// attr returns the attribute with the local name, or "".
func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with the local name, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.Nodes {
		if c.name() == local {
			return c
		}
	}
	return nil
}

// path follows a chain of first children.
func (n *node) path(locals ...string) *node {
	for _, l := range locals {
		if n == nil {
			return nil
		}
		n = n.child(l)
	}
	return n
}

// children returns the children with the local name.
func (n *node) children(local string) []*node {
	var out []*node
	for _, c := range n.Nodes {
		if c.name() == local {
			out = append(out, c)
		}
	}
	return out
}

// all returns every descendant (n included) with the local name, in
// document order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.name() == local {
			out = append(out, m)
		}
		for _, c := range m.Nodes {
			walk(c)
		}
	}
	walk(n)
	return out
}

// text is the concatenated w:t text below n.
func (n *node) text() string {
	var b strings.Builder
	for _, t := range n.all("t") {
		b.WriteString(t.Text)
	}
	return b.String()
}

// build writes d and returns the bytes.
func build(t testing.TB, d *doc.Document, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pkg is an unzipped package: part names in order and their contents.
type pkg struct {
	names []string
	parts map[string][]byte
	files []*zip.File
}

func unzip(t *testing.T, data []byte) pkg {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	p := pkg{parts: map[string][]byte{}, files: z.File}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		p.names = append(p.names, f.Name)
		p.parts[f.Name] = b
	}
	return p
}

func (p pkg) xml(t *testing.T, name string) *node {
	t.Helper()
	data, ok := p.parts[name]
	if !ok {
		t.Fatalf("package has no %s", name)
	}
	return parseXML(t, name, data)
}
