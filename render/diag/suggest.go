package diag

// Nearest returns the candidate that word most likely misspells, for a
// "did you mean" hint, or "" when none is close: at most two edits away
// (an edit is a character inserted, deleted, replaced, or two neighbours
// swapped) and fewer edits than half the candidate's characters. Of equally
// near candidates the first wins.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", 3
	for _, cand := range candidates {
		if d := distance(word, cand); d < bestDist && 2*d < len([]rune(cand)) {
			best, bestDist = cand, d
		}
	}
	return best
}

// distance is the number of edits (optimal string alignment: insertions,
// deletions, substitutions and swaps of neighbours) between a and b, in
// characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}
