package budget

import (
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

// knownKeys lists the keys allowed at each table path (without indices),
// read from the struct tags of the schema.
var knownKeys = func() map[string][]string {
	m := map[string][]string{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := f.Tag.Get("toml")
			if name == "" || name == "-" {
				continue
			}
			m[prefix] = append(m[prefix], name)
			ft := f.Type
			if ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(Decimal{}) {
				walk(strings.TrimPrefix(prefix+"."+name, "."), ft)
			}
		}
	}
	walk("", reflect.TypeOf(Filing{}))
	return m
}()

// suggestKey returns the known key nearest to the last part of k, if it is
// close enough to be a likely typo.
func suggestKey(k toml.Key) string {
	table := strings.Join(k[:len(k)-1], ".")
	bad := k[len(k)-1]
	best, bestDist := "", 3
	for _, cand := range knownKeys[table] {
		if d := editDistance(bad, cand); d < bestDist {
			best, bestDist = cand, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
