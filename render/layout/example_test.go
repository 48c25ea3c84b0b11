package layout_test

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// square is a toy face: every character is one em wide, except ASCII.
type square struct{}

func (square) Has(r rune) bool { return true }
func (square) Advance(r rune) float64 {
	if r < 0x80 {
		return 500
	}
	return 1000
}
func (square) Ascent() float64  { return 880 }
func (square) Descent() float64 { return 120 }

type oneFace struct{}

func (oneFace) Chain(role string, bold bool) ([]layout.FaceRef, error) {
	return []layout.FaceRef{{ID: role, Face: square{}, FakeBold: bold}}, nil
}

func ExampleLayout() {
	d := &doc.Document{
		Page: doc.Page{Width: 52, Height: 60, MarginTop: 10, MarginBottom: 10, MarginLeft: 10, MarginRight: 10},
		Styles: map[string]doc.Style{
			"body": {Font: "song", Size: 18, Align: doc.AlignLeft}, // 5 characters to a 32 mm line
		},
		Blocks: []doc.Block{&doc.Paragraph{Text: "一二三四五，六七八九十。", Style: "body"}},
	}
	r, err := layout.Layout(d, oneFace{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(layout.Dump(r))
	// Output:
	// page 1 number 1
	//   text 10.0 16.5 18pt song "一二三四"
	//   text 10.0 24.8 18pt song "五，六七八"
	//   text 10.0 33.1 18pt song "九十。"
	// outline
	// anchors
}
