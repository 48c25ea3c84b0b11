package diag

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var verb = regexp.MustCompile(`%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// verbs lists the formatting verbs of a catalog text; %q and %s are the
// same argument (Chinese puts “” around %s instead).
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, strings.Replace(v, "q", "s", 1))
		}
	}
	return out
}

// CheckEntries returns what is wrong with catalog entries (English key,
// Chinese text), for the tests of a package that registers its own: a key
// listed twice, a missing Chinese text, verbs that differ between the two,
// a % that is not a verb, a text that does not compile.
func CheckEntries(entries [][2]string) []error {
	var errs []error
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e[0]] {
			errs = append(errs, fmt.Errorf("duplicate key %q", e[0]))
		}
		seen[e[0]] = true
		if e[1] == "" {
			errs = append(errs, fmt.Errorf("%q has no Chinese text", e[0]))
		}
		if en, zh := verbs(e[0]), verbs(e[1]); !slices.Equal(en, zh) {
			errs = append(errs, fmt.Errorf("%q: verbs %v, Chinese %q has %v", e[0], en, e[1], zh))
		}
		// A Printer compiles an entry when it is first printed; every one
		// must compile.
		if err := message.SetString(language.SimplifiedChinese, e[0], e[1]); err != nil {
			errs = append(errs, fmt.Errorf("%q: %v", e[0], err))
		}
		for _, text := range e {
			if strings.Count(text, "%")-2*strings.Count(text, "%%") != len(verbs(text)) {
				errs = append(errs, fmt.Errorf("%q: a %% that is not a verb; write %%%% for a percent sign", text))
			}
		}
	}
	return errs
}
