package pdf

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/layout"
)

// mark is one bookmark: its title, its depth from 0, and where it points.
type mark struct {
	title string
	level int
	page  int
	y     float64 // mm from the page top
}

// outlineMarks lists the bookmarks of r in order, leaving out headings that
// did not land anywhere. Levels are made to step down one at a time from 0,
// as a bookmark tree needs a parent for every child.
func outlineMarks(r *layout.Result) []mark {
	var marks []mark
	prev := -1
	for _, o := range r.Outline {
		a, ok := r.Anchors[o.Bookmark]
		if !ok {
			continue
		}
		level := min(max(o.Level-1, 0), prev+1)
		prev = level
		marks = append(marks, mark{o.Title, level, a.Page, a.Y})
	}
	return marks
}

// writeOutline writes the bookmark tree, every entry open, and returns the
// number of its root, or 0 if there are no bookmarks.
func writeOutline(f *file, marks []mark, dest func(page int, y float64) string) int {
	if len(marks) == 0 {
		return 0
	}
	root := f.alloc()
	objs := make([]int, len(marks))
	for i := range objs {
		objs[i] = f.alloc()
	}
	// parent[i] is the index of mark i's parent, -1 for the root; children
	// lists each node's children, the root's at the end.
	parent := make([]int, len(marks))
	children := make([][]int, len(marks)+1)
	var stack []int // the open ancestors, by level
	for i, m := range marks {
		stack = stack[:m.level]
		parent[i] = -1
		p := len(marks)
		if m.level > 0 {
			parent[i], p = stack[m.level-1], stack[m.level-1]
		}
		children[p] = append(children[p], i)
		stack = append(stack, i)
	}
	// descendants[i] counts every entry below mark i: the /Count of an
	// open entry. Children come after their parents, so go backwards.
	descendants := make([]int, len(marks))
	for i := len(marks) - 1; i >= 0; i-- {
		if parent[i] >= 0 {
			descendants[parent[i]] += 1 + descendants[i]
		}
	}
	firstLast := func(kids []int) string {
		if len(kids) == 0 {
			return ""
		}
		return fmt.Sprintf(" /First %s /Last %s", ref(objs[kids[0]]), ref(objs[kids[len(kids)-1]]))
	}
	for _, kids := range children {
		for j, i := range kids {
			m := marks[i]
			up := root
			if parent[i] >= 0 {
				up = objs[parent[i]]
			}
			siblings := ""
			if j > 0 {
				siblings += " /Prev " + ref(objs[kids[j-1]])
			}
			if j < len(kids)-1 {
				siblings += " /Next " + ref(objs[kids[j+1]])
			}
			count := ""
			if descendants[i] > 0 {
				count = fmt.Sprintf(" /Count %d", descendants[i])
			}
			f.object(objs[i], fmt.Sprintf("<</Title %s /Parent %s%s%s%s /Dest %s>>",
				text(m.title), ref(up), siblings, firstLast(children[i]), count, dest(m.page, m.y)))
		}
	}
	f.object(root, fmt.Sprintf("<</Type /Outlines%s /Count %d>>", firstLast(children[len(marks)]), len(marks)))
	return root
}
