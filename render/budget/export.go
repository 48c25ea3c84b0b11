package budget

import "github.com/jixiao-dev/jixiao/render/diag"

// DecodeError turns an error of the TOML decoder on src into a finding with
// its position, for other TOML files the tool reads (form templates).
func DecodeError(name, src string, err error) diag.Diagnostic {
	return decodeError(name, src, err)
}
