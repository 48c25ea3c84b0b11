package budget

import (
	"strconv"
	"strings"
)

// MoneyUnit is the unit a filing's amounts are written in
// (department.money_unit), as written: 元 or 万元, or any text a form
// prints without converting. It is the one place that knows what a unit
// is worth: a form that prints amounts in a unit of its own converts them
// with Fen, and refuses a filing whose unit Fen does not know.
type MoneyUnit string

// The units amounts can be converted between.
const (
	Yuan    MoneyUnit = "元"
	WanYuan MoneyUnit = "万元"
)

// Fen is what one of the unit is worth in 分 (元 = 100, 万元 = 1,000,000),
// or 0 for a unit that cannot be converted.
func (u MoneyUnit) Fen() int64 {
	switch u {
	case Yuan:
		return 100
	case WanYuan:
		return 1000000
	}
	return 0
}

// FormatFixed prints v / 10^decimals with exactly that many decimals and
// no grouping: FormatFixed(10000000, 2) is "100000.00". It is the one
// decimal formatter: amounts in hundredths, and amounts converted to a
// form's unit and decimals.
func FormatFixed(v int64, decimals int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := strconv.FormatInt(v, 10)
	if len(s) <= decimals {
		s = strings.Repeat("0", decimals-len(s)+1) + s
	}
	if decimals <= 0 {
		return sign + s
	}
	return sign + s[:len(s)-decimals] + "." + s[len(s)-decimals:]
}
