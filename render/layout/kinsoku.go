package layout

// Chinese tailoring of the UAX #14 break opportunities (避头尾): the
// GB/T 15834-2011 §5.1 rules plus Word's default kinsoku lists for
// Simplified Chinese (typography.md §7).

// noStart reports characters that must not start a line. Besides Word's
// list it holds the em dash, so that —— (two of them) never starts a line,
// as …… never does.
func noStart(r rune) bool {
	switch r {
	case '!', '%', ')', ',', '.', ':', ';', '>', '?', ']', '}',
		'¢', '¨', '°', '·', 'ˇ', 'ˉ', '—', '―', '‖', '’', '”', '…', '‰', '′', '″', '›', '℃', '∶',
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
	case brk == breakNo && latinBreak(before, a, b):
		return breakCan
	}
	return brk
}

// latinBreak reports the break points inside a long Latin run that UAX #14
// does not give: after a slash of a path or URL (not inside "//"), and
// after a hyphen or full stop followed by a letter (www.hebei.gov.cn,
// ZFXT-2024-ABC). Between digits nothing breaks: 99.9, 22239-2019,
// 2024/03/05.
func latinBreak(before, a, b rune) bool {
	switch a {
	case '/':
		return before != ':' && before != '/' && alnum(b) && !(digit(before) && digit(b))
	case '-', '.', '_', '?', '&', '=':
		return alnum(before) && letter(b)
	}
	return false
}

func letter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func digit(r rune) bool  { return r >= '0' && r <= '9' }
func alnum(r rune) bool  { return letter(r) || digit(r) }
