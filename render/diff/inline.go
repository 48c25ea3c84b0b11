package diff

import "strings"

// step is one element of an alignment of two sequences: old[old] and
// new[new] are equal, or one of them is -1 for an element only the other
// has.
type step struct{ old, new int }

// maxCells bounds the table of a longest-common-subsequence alignment
// (about 4 MB); a longer pair of sequences is aligned only by its common
// start and end, the rest counted as replaced.
const maxCells = 1 << 20

// align aligns two sequences along a longest common subsequence, after
// their common start and end. Removed elements come before the added ones
// they sit beside, so that a replaced element reads as removed then added.
func align[T comparable](a, b []T) []step {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []step
	for i := range pre {
		out = append(out, step{i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if (len(ma)+1)*(len(mb)+1) <= maxCells {
		out = append(out, lcs(ma, mb, pre)...)
	} else {
		for i := range ma {
			out = append(out, step{pre + i, -1})
		}
		for j := range mb {
			out = append(out, step{-1, pre + j})
		}
	}
	for k := suf; k > 0; k-- {
		out = append(out, step{len(a) - k, len(b) - k})
	}
	return out
}

// lcs aligns a and b (offset by off in the whole sequences) along a
// longest common subsequence, by dynamic programming.
func lcs[T comparable](a, b []T, off int) []step {
	n, m := len(a), len(b)
	// length[i*(m+1)+j] is the LCS length of a[i:] and b[j:].
	length := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				length[i*(m+1)+j] = length[(i+1)*(m+1)+j+1] + 1
			} else {
				length[i*(m+1)+j] = max(length[(i+1)*(m+1)+j], length[i*(m+1)+j+1])
			}
		}
	}
	var out, added []step
	flush := func() { out, added = append(out, added...), added[:0] }
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			out = append(out, step{off + i, off + j})
			i++
			j++
		case j < m && (i == n || length[i*(m+1)+j+1] >= length[(i+1)*(m+1)+j]):
			added = append(added, step{-1, off + j})
			j++
		default:
			out = append(out, step{off + i, -1})
			i++
		}
	}
	flush()
	return out
}

// contextRunes is how many characters of unchanged text Inline shows around
// each change.
const contextRunes = 8

// Inline shows how text a became text b, character by character: deleted
// text in [-…-], inserted text in {+…+}, with a few unchanged characters
// around each change and "…" for the rest. Equal runs of one or two
// characters between changes are folded into them, so that a rewritten
// phrase reads as one replacement rather than a scatter of single
// characters.
func Inline(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	steps := align(ra, rb)
	// Runs of equal, deleted and inserted text, in order.
	type run struct {
		equal    bool
		del, ins []rune
	}
	var runs []run
	for _, s := range steps {
		if s.old >= 0 && s.new >= 0 {
			if len(runs) == 0 || !runs[len(runs)-1].equal {
				runs = append(runs, run{equal: true})
			}
			r := &runs[len(runs)-1]
			r.del = append(r.del, ra[s.old])
			continue
		}
		if len(runs) == 0 || runs[len(runs)-1].equal {
			runs = append(runs, run{})
		}
		r := &runs[len(runs)-1]
		if s.old >= 0 {
			r.del = append(r.del, ra[s.old])
		} else {
			r.ins = append(r.ins, rb[s.new])
		}
	}
	// Fold short equal runs between two changes into one change.
	var merged []run
	for i, r := range runs {
		if r.equal && len(r.del) <= 2 && i > 0 && i < len(runs)-1 {
			prev := &merged[len(merged)-1]
			prev.del = append(prev.del, r.del...)
			prev.ins = append(prev.ins, r.del...)
			continue
		}
		if !r.equal && len(merged) > 0 && !merged[len(merged)-1].equal {
			prev := &merged[len(merged)-1]
			prev.del = append(prev.del, r.del...)
			prev.ins = append(prev.ins, r.ins...)
			continue
		}
		merged = append(merged, r)
	}
	var out strings.Builder
	for i, r := range merged {
		if !r.equal {
			if len(r.del) > 0 {
				out.WriteString("[-" + string(r.del) + "-]")
			}
			if len(r.ins) > 0 {
				out.WriteString("{+" + string(r.ins) + "+}")
			}
			continue
		}
		text := r.del
		first, last := i == 0, i == len(merged)-1
		switch {
		case first && last:
			out.WriteString(string(text))
		case first && len(text) > contextRunes:
			out.WriteString("…" + string(text[len(text)-contextRunes:]))
		case last && len(text) > contextRunes:
			out.WriteString(string(text[:contextRunes]) + "…")
		case !first && !last && len(text) > 2*contextRunes:
			out.WriteString(string(text[:contextRunes]) + "…" + string(text[len(text)-contextRunes:]))
		default:
			out.WriteString(string(text))
		}
	}
	return out.String()
}
