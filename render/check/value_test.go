package check

import "testing"

func TestParseValue(t *testing.T) {
	for v, want := range map[string]valueForm{
		"≥95%": quantitative, "100%": quantitative, "≥2次": quantitative, "≤10个工作日": quantitative,
		"=1元/人": quantitative, "≧90%": quantitative, "≦5天": quantitative, "≥1元/人·月": quantitative,
		">= 95 %": quantitative, "≥-5%": quantitative, "12月底到位": quantitative,
		"90%-95%": rangeValue, "90-95%": rangeValue, "5天至10天": rangeValue,
		"优": qualitative, "有效提升": qualitative,
		"≥%": noNumber, "≥": noNumber, "≥优": noNumber,
		"2021年1月-12月": freeForm, "逐步提高到90%": freeForm,
		"95%abc!": malformed, "abc": malformed, "": malformed, "??": malformed,
	} {
		if got := parseValue(v).form; got != want {
			t.Errorf("%q: form %d, want %d", v, got, want)
		}
	}
}

func TestUsualForm(t *testing.T) {
	for v, want := range map[string]string{
		"≥95%": "≥95%", ">=95%": "≥95%", "<= 10天": "≤10天", "=1元/人": "＝1元/人", "≥95％": "≥95%", "≧95%": "≧95%",
	} {
		if got := parseValue(v).usual(); got != want {
			t.Errorf("%q: usual %q, want %q", v, got, want)
		}
	}
}

func TestKnownUnit(t *testing.T) {
	for unit, want := range map[string]bool{
		"%": true, "个工作日": true, "元/人·月": true, "万人次": true, "亿元": true, "元/平方米": true,
		"坨": false, "": false, "月底到位": false, "kg": false,
	} {
		if knownUnit(unit) != want {
			t.Errorf("knownUnit(%q) = %v", unit, !want)
		}
	}
}
