package layout

// Chinese tailoring of the UAX #14 break opportunities (避头尾): the
// GB/T 15834-2011 §5.1 rules plus Word's default kinsoku lists for
// Simplified Chinese (typography.md §7).

// noStart reports characters that must not start a line.
func noStart(r rune) bool {
	switch r {
	case '!', '%', ')', ',', '.', ':', ';', '>', '?', ']', '}',
		'¢', '¨', '°', '·', 'ˇ', 'ˉ', '―', '‖', '’', '”', '…', '‰', '′', '″', '›', '℃', '∶',
		'、', '。', '〃', '〉', '》', '」', '』', '】', '〕', '〗', '〙', '〛', '〞',
		'︶', '︺', '︾', '﹀', '﹄', '﹚', '﹜', '﹞',
		'！', '＂', '％', '＇', '）', '，', '．', '：', '；', '？', '］', '｀', '｜', '｝', '～', '￠':
		return true
	}
	return false
}

// noEnd reports characters that must not end a line.
func noEnd(r rune) bool {
	switch r {
	case '$', '(', '[', '{', '£', '¥', '·', '‘', '“',
		'〈', '《', '「', '『', '【', '〔', '〖', '〘', '〚', '〝', '﹙', '﹛', '﹝',
		'＄', '（', '．', '［', '｛', '￡', '￥':
		return true
	}
	return false
}

// Curly quotes are class QU in UAX #14 and glue to both neighbours; next to
// Chinese text they are opening and closing marks.
func openQuote(r rune) bool  { return r == '“' || r == '‘' }
func closeQuote(r rune) bool { return r == '”' || r == '’' }

// pairedMark reports the two-character marks that never split: —— and ……
func pairedMark(r rune) bool { return r == '—' || r == '…' }

func fullDigit(r rune) bool { return r >= '０' && r <= '９' }

func fullAlnum(r rune) bool {
	return fullDigit(r) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// fullNumberSep reports full-width separators that stay inside a number
// written in full-width digits: １２３，４５６ and １２．５.
func fullNumberSep(r rune) bool { return r == '，' || r == '．' || r == '：' }

// keepTogether reports whether the tailoring forbids a break between a and
// b; before is the character in front of a (0 if none).
func keepTogether(before, a, b rune) bool {
	return noEnd(a) || noStart(b) ||
		a == b && pairedMark(a) ||
		fullAlnum(a) && fullAlnum(b) ||
		fullNumberSep(a) && fullDigit(before) && fullDigit(b)
}

// tailor adjusts the UAX #14 decision brk for the boundary between clusters
// starting with a and b. wideA and wideB say whether the clusters are
// Chinese-like (full width), which opens the quotes to breaks.
func tailor(brk uint8, before, a, b rune, wideA, wideB bool) uint8 {
	switch {
	case brk == breakMust:
		return brk
	case keepTogether(before, a, b):
		return breakNo
	case brk == breakNo && (openQuote(b) && wideA || closeQuote(a) && wideB):
		return breakCan
	}
	return brk
}
