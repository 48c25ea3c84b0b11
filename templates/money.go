package templates

import (
	"math/big"
	"strconv"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Amounts are a project's three money cells as the form prints them.
type Amounts struct {
	Budget, Fiscal, Other string
}

// unitScale is each money unit in 元 hundredths (分): 元 = 100, 万元 = 1 000 000.
var unitScale = map[string]int64{"元": 100, "万元": 1000000}

// amounts converts a project's budget, fiscal and other funds from the
// filing's unit to the form's, with the form's decimals.
//
// Rounding: each value is rounded half away from zero. When the rounded
// parts (fiscal + other) would not add up to the rounded total, the part
// whose rounding moved it furthest is corrected by one step (largest
// remainder), so the printed parts always agree with the printed total. An
// omitted amount stays blank; conversion is exact integer arithmetic.
func (t *Template) amounts(f *budget.Filing, p *budget.Project) Amounts {
	from := unitScale[f.Department.MoneyUnit]
	to := unitScale[t.spec.Money.Unit]
	if from == 0 {
		from = 100
	}
	if to == 0 {
		to = from
	}
	decimals := t.spec.Money.Decimals
	if decimals <= 0 {
		decimals = 2
	}
	// Work in units of 10^-decimals of the target unit, from values in
	// hundredths of the source unit: v_fen = h * from / 100.
	den := int64(100) * to // value_target = h * from / den
	step := int64(1)
	for i := 0; i < decimals; i++ {
		step *= 10
	}
	conv := func(d budget.Decimal) (rounded, remainder int64) {
		// h × from × step overflows int64 for large amounts in 万元 (up to
		// 10^14 hundredths × 10^6 × 10^decimals): computed exactly in big
		// integers; the quotient and remainder fit again.
		num := new(big.Int).Mul(big.NewInt(d.Hundredths), big.NewInt(from*step))
		q, r := num.QuoRem(num, big.NewInt(den), new(big.Int))
		if 2*r.Int64() >= den {
			return q.Int64() + 1, r.Int64() - den
		}
		return q.Int64(), r.Int64()
	}
	total, _ := conv(p.Budget)
	fiscal, rf := conv(p.Fiscal)
	other, ro := conv(p.Other)
	if p.Fiscal.Set && p.Other.Set && p.Budget.Hundredths == p.Fiscal.Hundredths+p.Other.Hundredths {
		// A remainder is how far the exact value lay above its rounded
		// one: to raise a part, take the one rounded down the most; to
		// lower one, the one rounded up the most.
		switch diff := total - fiscal - other; {
		case diff > 0 && rf >= ro, diff < 0 && rf <= ro:
			fiscal += diff
		case diff != 0:
			other += diff
		}
	}
	format := func(d budget.Decimal, v int64) string {
		if !d.Set {
			return ""
		}
		return formatScaled(v, decimals)
	}
	return Amounts{Budget: format(p.Budget, total), Fiscal: format(p.Fiscal, fiscal), Other: format(p.Other, other)}
}

// formatScaled prints v / 10^decimals with exactly that many decimals.
func formatScaled(v int64, decimals int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := []byte(strconv.FormatInt(v, 10))
	for len(s) <= decimals {
		s = append([]byte{'0'}, s...)
	}
	return sign + string(s[:len(s)-decimals]) + "." + string(s[len(s)-decimals:])
}
