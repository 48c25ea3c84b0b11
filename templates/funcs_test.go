package templates

import "testing"

func TestNumbered(t *testing.T) {
	got := numbered([]string{"完成监测", " 2、已编号", "三．中文编号", "10.十号", "1一、混合", "四", "2024年目标", "(1) 括号", "3.5亿元资金到位", "2. 已编号"})
	// "3.5亿元…" starts with an amount, not a number (it was taken as one).
	want := "1、完成监测\n 2、已编号\n三．中文编号\n10.十号\n5、1一、混合\n6、四\n7、2024年目标\n(1) 括号\n9、3.5亿元资金到位\n2. 已编号"
	if got != want {
		t.Errorf("numbered =\n%s\nwant\n%s", got, want)
	}
}
