// Command jixiao turns a department's budget-performance filing (TOML) into
// the formal report 部门整体绩效目标 / 预算项目绩效目标 as PDF and DOCX, and
// checks filings against the budget rules.
//
// Usage:
//
//	jixiao build [-o DIR|-] [--format pdf,docx] FILE.toml...
//	jixiao check FILE.toml...
//	jixiao templates
//	jixiao new --template NAME [--year Y]
//
// Exit codes: 0 success (warnings allowed), 1 the filing has errors,
// 2 usage or I/O problem.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
