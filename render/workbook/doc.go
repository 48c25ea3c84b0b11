// Package workbook reads and writes the officer's data workbook (.xlsx):
// the same filing as the TOML input, laid out for Excel and WPS as the
// sheets 说明, 单位信息, 部门整体目标, 项目 (one row per project) and 绩效指标
// (one row per indicator, keyed by 项目编码).
//
// Read gives the budget.Filing that the TOML form of the same data gives,
// with the sheet and cell of every value as its position, so that every
// finding names its cell (my.xlsx:项目!E5). It reads what real workbooks
// hold: amounts stored as doubles become exact hundredths (or a finding,
// never a rounding), numbers stored as text go through the TOML rules,
// per-cent cells are read as per cents, merged cells give every covered
// cell their value, headers are found by their labels in any order, and
// formulas are read by the value Excel or WPS stored with them.
//
// Write writes a filing (or, with no projects, the blank workbook to fill
// in) with drop-down lists from the form's own taxonomy; Read reads it back
// to the same values.
//
// Open and Book.Update edit an officer's workbook for the editor: the
// form's values are written into the cells that changed, rows added,
// removed and moved, and everything else of the workbook kept (update.go,
// updater.go); a change to a formula cell is X9, a value the workbook
// cannot hold as given X10.
//
// Its findings: X1 the file is not a readable .xlsx workbook (an .xls,
// .et or .ods, a password, a damaged file), X2 a sheet it does not read,
// X3 a column or row it does not read or a sheet without a header row,
// X4 a formula without a stored value, X5 a cell showing an error value,
// X6 an indicator whose project code matches no project, X7 a line break
// joined in a one-line field, X8 an amount column whose header names a
// money unit other than the workbook's; S3 a year that is not a whole number, F6 a
// file over MaxFileSize.
package workbook
