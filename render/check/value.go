package check

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The 指标值 grammar of indicators.md §4, extended as it asks with ≧ ≦ and
// compound units with a middle dot (元/人·月). Values are compared in NFC
// with blanks trimmed; the report prints them exactly as written.

// valueForm is the shape of an indicator value.
type valueForm int

const (
	quantitative valueForm = iota // [comparator] number [unit]: ≥95%, 100%, ≤10天
	rangeValue                    // number[unit] - number[unit]: 90%-95%
	qualitative                   // 1–20 Han characters: 优, 有效提升
	freeForm                      // other text with Han characters: 2021年1月-12月
	noNumber                      // a comparator without a number: ≥%
	malformed                     // anything else: 95%abc!
)

// indicatorValue is a parsed 指标值.
type indicatorValue struct {
	text       string // the value as compared: NFC, trimmed
	form       valueForm
	comparator string   // as written
	negative   bool     // a minus sign before the number
	numbers    []string // the number, or both ends of a range
	units      []string // the unit after each number, "" if none
}

const (
	comparators = `>=|<=|≥|≤|≧|≦|=|＝|>|＞|<|＜`
	number      = `(\d+(?:\.\d+)?)`
	unit        = `(%|％|‰|[\p{Han}a-zA-Z/²³·]{1,6})?`
)

// patterns are the regular expressions of the checks, compiled when first
// needed.
type patterns struct {
	quant, rangeValue, qual, compare *regexp.Regexp // 指标值 forms
	projectCode, unitCode            *regexp.Regexp // 项目编码, 单位编码
	goalNumber                       *regexp.Regexp // a goal already numbered: 1、 1. 1) (1) 一、 三．
}

var compiled = sync.OnceValue(func() *patterns {
	return &patterns{
		quant:       regexp.MustCompile(`^(` + comparators + `)?\s*([-－]?)\s*` + number + `\s*` + unit + `$`),
		rangeValue:  regexp.MustCompile(`^` + number + `\s*` + unit + `\s*[-－～~—至到]\s*` + number + `\s*` + unit + `$`),
		qual:        regexp.MustCompile(`^\p{Han}{1,20}$`),
		compare:     regexp.MustCompile(`^(?:` + comparators + `)\D*$`),
		projectCode: regexp.MustCompile(`^\d{3}-\d{4}-[A-Z]{3}-[0-9A-Z]{4}$`),
		unitCode:    regexp.MustCompile(`^\d{6}$`),
		goalNumber:  regexp.MustCompile(`^\s*(\d+[、.．)）]|[(（]\d+[)）]|[一二三四五六七八九十]+[、.．])(.?)`),
	}
})

// GoalNumber returns the number a goal starts with, as written ("1、",
// "2.", "(3)", "四、"), or "" if it has none. A decimal is no number:
// "3.5亿元…" starts with an amount.
func GoalNumber(goal string) string {
	m := compiled().goalNumber.FindStringSubmatch(goal)
	if m == nil {
		return ""
	}
	num, next := m[1], []rune(m[2])
	if (strings.HasSuffix(num, ".") || strings.HasSuffix(num, "．")) && len(next) == 1 && unicode.IsDigit(next[0]) {
		return "" // 3.5亿元: a decimal, not a number
	}
	return num
}

func parseValue(s string) indicatorValue {
	v := norm.NFC.String(strings.TrimSpace(s))
	iv := indicatorValue{text: v, form: malformed}
	re := compiled()
	if m := re.quant.FindStringSubmatch(v); m != nil {
		iv.form, iv.comparator, iv.negative = quantitative, m[1], m[2] != ""
		iv.numbers, iv.units = []string{m[3]}, []string{m[4]}
		return iv
	}
	if m := re.rangeValue.FindStringSubmatch(v); m != nil {
		iv.form, iv.numbers, iv.units = rangeValue, []string{m[1], m[3]}, []string{m[2], m[4]}
		return iv
	}
	switch {
	case re.qual.MatchString(v):
		iv.form = qualitative
	case re.compare.MatchString(v):
		iv.form = noNumber
	case strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		iv.form = freeForm
	}
	return iv
}

// usual returns the value in the usual notation: ≥ ≤ ＝ ＞ ＜ rather than
// their ASCII spellings, % rather than ％, and no blanks.
func (iv indicatorValue) usual() string {
	cmp := map[string]string{">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜"}[iv.comparator]
	if cmp == "" {
		cmp = iv.comparator
	}
	sign := ""
	if iv.negative {
		sign = "-"
	}
	return cmp + sign + iv.numbers[0] + strings.ReplaceAll(iv.units[0], "％", "%")
}

// percent reports whether unit is a percent sign.
func percent(unit string) bool { return unit == "%" || unit == "％" }

// decimals returns the number of decimal places of a number as written.
func decimals(n string) int {
	if _, frac, ok := strings.Cut(n, "."); ok {
		return len(frac)
	}
	return 0
}

// numberValue returns the value of a number as written by the grammar.
func numberValue(n string) float64 {
	f, _ := strconv.ParseFloat(n, 64) // the grammar admits only digits and one dot
	return f
}

// commonUnits are the units of indicators.md §4.
var commonUnits = strings.Fields(`% ％ ‰ 个 次 项 件 篇 条 场 期 份 人 人次 户 家 台 套 处 所 天 日 个工作日 工作日 小时 月 年 元 万元 亿元 平方米 公里 亩 分`)

// knownUnit reports whether unit is common, a multiple of one such as
// 万人次, or a compound such as 元/人 or 元/人·月.
func knownUnit(unit string) bool {
	for _, part := range strings.FieldsFunc(unit, func(r rune) bool { return r == '/' || r == '·' }) {
		if !slices.Contains(commonUnits, part) && !slices.Contains(commonUnits, strings.TrimLeft(part, "十百千万亿")) {
			return false
		}
	}
	return unit != ""
}
