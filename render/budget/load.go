package budget

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// MaxFileSize is the largest filing accepted, refused before parsing.
const MaxFileSize = 4 << 20

// Load reads and decodes a filing. The returned list holds every problem
// found while reading; when it has errors the filing is nil.
func Load(path string) (*Filing, diag.List) {
	st, err := os.Stat(path)
	if err == nil && st.Size() > MaxFileSize {
		return nil, diag.List{tooLarge(path, st.Size())}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.List{{File: path, Severity: diag.Error, Code: "F0",
			Msg: "cannot read the file: %v", Args: []any{err},
			Hint: "check the path and that the file is readable"}}
	}
	return Parse(path, data)
}

// Parse decodes a filing from data; name is used in messages.
func Parse(name string, data []byte) (*Filing, diag.List) {
	if len(data) > MaxFileSize {
		return nil, diag.List{tooLarge(name, int64(len(data)))}
	}
	src, notes := decodeText(name, data)
	if notes.HasErrors() {
		return nil, notes
	}
	var f Filing
	md, err := toml.Decode(src, &f)
	if err != nil {
		return nil, append(notes, decodeError(name, src, err))
	}
	f.File = name
	f.Positions = IndexPositions(src)
	for _, k := range md.Undecoded() {
		notes = append(notes, unknownKey(name, f.Positions, k))
	}
	if notes.HasErrors() {
		notes.Sort()
		return nil, notes
	}
	return &f, notes
}

func tooLarge(name string, size int64) diag.Diagnostic {
	return diag.Diagnostic{File: name, Severity: diag.Error, Code: "F1",
		Msg:  "the file is %d bytes; the limit is %d bytes",
		Args: []any{size, MaxFileSize},
		Hint: "a filing is a few kilobytes; check that this is the right file"}
}

// decodeText turns the file's bytes into the TOML text: it drops a UTF-8
// byte-order mark and refuses text that is not UTF-8.
func decodeText(name string, data []byte) (string, diag.List) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return string(data), nil
}

var typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// decodeError turns a TOML library error into a finding with a position.
func decodeError(name, src string, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: name, Severity: diag.Error, Code: "S1"}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d.Line, d.Col = pe.Position.Line, pe.Position.Col
		d.Path = pe.LastKey
		d.Msg, d.Args = "TOML syntax error: %s", []any{pe.Message}
		d.Hint = "fix the syntax at this position; strings need straight double quotes and keys need ="
		return d
	}
	if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		d.Path = m[2]
		d.Msg, d.Args = "wrong type: %s", []any{m[3]}
		d.Hint = "write the value in the type the README gives for this key"
		return d
	}
	d.Msg, d.Args = "TOML syntax error: %s", []any{strings.TrimPrefix(err.Error(), "toml: ")}
	d.Hint = "fix the syntax at this position; strings need straight double quotes and keys need ="
	return d
}

func unknownKey(name string, pos Positions, k toml.Key) diag.Diagnostic {
	path := strings.Join(k, ".")
	d := diag.Diagnostic{File: name, Severity: diag.Error, Code: "S2", Path: path,
		Msg: "unknown key %q", Args: []any{k[len(k)-1]}}
	for p, at := range pos {
		if stripIndices(p) == path && (d.Line == 0 || at.Line < d.Line) {
			d.Line, d.Col, d.Path = at.Line, at.Col, p
		}
	}
	if s := suggestKey(k); s != "" {
		d.Hint, d.HintArgs = "did you mean %q?", []any{s}
	} else {
		d.Hint = "remove the key or correct its spelling; the README lists every key"
	}
	return d
}
