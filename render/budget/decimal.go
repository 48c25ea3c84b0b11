package budget

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Decimal is an exact amount with two decimal places, stored as an integer
// count of hundredths (分 for money, 0.01 for percentages). It accepts a TOML
// number or a decimal string. Decoding never fails: a malformed value is kept
// with its error so the validator can report it with its position.
type Decimal struct {
	Hundredths int64
	Set        bool   // the key was present
	Raw        string // the value as written (numbers in their shortest form)
	Err        error  // why Raw is not a valid two-decimal amount
}

// Errors a Decimal may carry.
var (
	ErrDecimalSyntax   = errors.New("budget: not a decimal number")
	ErrDecimalPlaces   = errors.New("budget: more than two decimal places")
	ErrDecimalRange    = errors.New("budget: amount out of range")
	ErrDecimalNegative = errors.New("budget: negative amount")
)

// MaxHundredths is the largest accepted amount, 999 999 999 999.99.
const MaxHundredths = 99999999999999

// UnmarshalTOML implements toml.Unmarshaler.
func (d *Decimal) UnmarshalTOML(v any) error {
	*d = Decimal{Set: true}
	switch x := v.(type) {
	case int64:
		d.Raw = strconv.FormatInt(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			d.Raw = fmt.Sprint(x)
			d.Err = ErrDecimalSyntax
			return nil
		}
		d.Raw = strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		d.Raw = x
	case map[string]any:
		d.Raw, d.Err = "{…}", ErrDecimalSyntax // a table where a number belongs
		return nil
	case []any:
		d.Raw, d.Err = "[…]", ErrDecimalSyntax // a list where a number belongs
		return nil
	default:
		d.Raw = fmt.Sprint(x)
		d.Err = ErrDecimalSyntax
		return nil
	}
	d.Hundredths, d.Err = ParseDecimal(d.Raw)
	return nil
}

// ParseDecimal parses "123", "123.4" or "123.45" (optionally signed) into
// hundredths. Negative values parse, so the validator can say "negative"
// rather than "malformed".
func ParseDecimal(s string) (int64, error) {
	t := strings.TrimSpace(s)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+")
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" || !allDigits(whole) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, ErrDecimalSyntax
	}
	if len(strings.TrimRight(frac, "0")) > 2 {
		return 0, ErrDecimalPlaces
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 12 {
		return 0, ErrDecimalRange
	}
	frac = (frac + "00")[:2]
	n, _ := strconv.ParseInt(whole+frac, 10, 64) // at most 14 digits: cannot overflow
	if n > MaxHundredths {
		return 0, ErrDecimalRange
	}
	if neg && n != 0 {
		return -n, ErrDecimalNegative
	}
	return n, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Format prints the value with two decimals and no grouping ("100000.00").
// An unset value prints as the empty string.
func (d Decimal) Format() string {
	if !d.Set || d.Err != nil && !errors.Is(d.Err, ErrDecimalNegative) {
		return d.Raw
	}
	return FormatFixed(d.Hundredths, 2)
}
