package diag

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// entries pairs every English message (the catalog key) with its Chinese
// text. Each finding's Msg and Hint must be a key here; a test checks it.
var entries = [][2]string{
	{"error", "错误"},
	{"warning", "警告"},
	{"hint", "提示"},

	// Reading the file.
	{"cannot read the file: %v", "无法读取文件：%v"},
	{"check the path and that the file is readable", "请检查路径是否正确、文件是否可读"},
	{"TOML syntax error: %s", "TOML 语法错误：%s"},
	{"fix the syntax at this position; strings need straight double quotes and keys need =", "请修正此处语法：字符串须用英文双引号，键与值之间用英文等号"},
	{"unknown key %q", "未知的键“%s”"},
	{"did you mean %q?", "是否应为“%s”？"},
	{"remove the key or correct its spelling; the README lists every key", "请删除该键或更正拼写；README 列出了全部键名"},
	{"wrong type: %s", "类型错误：%s"},
	{"the file is %d bytes; the limit is %d bytes", "文件大小为%d字节，超过上限%d字节"},
	{"a filing is a few kilobytes; check that this is the right file", "一份申报文件通常只有几KB，请确认文件是否正确"},
	{"write the value in the type the README gives for this key", "请按 README 中该键的类型填写"},
}

func init() {
	for _, e := range entries {
		message.SetString(language.English, e[0], e[0])
		message.SetString(language.SimplifiedChinese, e[0], e[1])
	}
}
