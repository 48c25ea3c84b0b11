package diag

// templateEntries are the messages about form templates, in the same
// English → Chinese form as entries.
var templateEntries = [][2]string{
	{"the template has no name", "模板缺少名称"},
	{"add name = \"…\" at the top of the file", "请在文件开头添加 name = \"…\""},
	{"font %q names no PDF face", "字体“%s”未指定PDF字体"},
	{"set pdf = to an embedded face (%s) or a .ttf/.ttc file", "请将 pdf = 设为内置字体（%s）或 .ttf/.ttc 字体文件"},
	{"style %q uses font %q, which is not defined", "样式“%s”使用的字体“%s”未定义"},
	{"define it under [fonts.%s] or use one of: %s", "请在 [fonts.%s] 中定义，或改用：%s"},
	{"style %q has no size", "样式“%s”未设置字号"},
	{"set size = in points, e.g. 16 for 三号", "请用 size = 设置磅值，如三号为16"},
	{"unknown alignment %q", "未知的对齐方式“%s”"},
	{"use left, center, right or justify", "请使用 left、center、right 或 justify"},
	{"use middle, top or bottom", "请使用 middle、top 或 bottom"},
	{"the page-number format must contain %%d once", "页码格式中须有且仅有一个 %%d"},
	{"write it like \"— %%d —\"", "请写作 \"— %%d —\""},
	{"the page size is missing", "未设置页面尺寸"},
	{"set width = 210 and height = 297 (mm) for A4", "A4 纸请设置 width = 210、height = 297（毫米）"},
	{"the margins leave no room for text", "页边距过大，版心没有空间"},
	{"make the margins smaller than the page", "请减小页边距"},
	{"category %q is not in taxonomy.categories", "一级指标“%s”不在 taxonomy.categories 中"},
	{"add it as [[taxonomy.categories]] or correct the name", "请以 [[taxonomy.categories]] 添加，或更正名称"},
	{"style %q is not defined", "样式“%s”未定义"},
	{"define it under [styles.%s] or use one of: %s", "请在 [styles.%s] 中定义，或改用：%s"},
	{"bad expression: %s", "表达式错误：%s"},
	{"expressions use Go template syntax, e.g. {{.Item.Name}}; see templates/README.md", "表达式使用 Go 模板语法，如 {{.Item.Name}}；详见 templates/README.md"},
	{"fields are those of the input schema, e.g. {{.Item.Name}}, {{.Row.Value}}, {{.Dept.Name}}; see templates/README.md", "可用字段即输入格式中的字段，如 {{.Item.Name}}、{{.Row.Value}}、{{.Dept.Name}}；详见 templates/README.md"},
	{"table %q is not defined", "表格“%s”未定义"},
	{"define it under [tables.%s]", "请在 [tables.%s] 中定义"},
	{"table %q repeats rows over indicators, so it must be inside an each over projects", "表格“%s”按指标重复行，须放在遍历项目（each over projects）的块中"},
	{"move the block into the projects loop", "请将该块移入项目循环"},
	{"cannot repeat over %q", "无法遍历“%s”"},
	{"use over = \"overall\" or over = \"projects\"", "请使用 over = \"overall\" 或 over = \"projects\""},
	{"each blocks cannot be nested", "each 块不能嵌套"},
	{"put the blocks directly in one each", "请把这些块直接放在同一个 each 中"},
	{"unknown block kind %q", "未知的块类型“%s”"},
	{"use heading, paragraph, toc, pagebreak, table or each", "请使用 heading、paragraph、toc、pagebreak、table 或 each"},
	{"table %q has no width in units", "表格“%s”未设置总宽度（units）"},
	{"set units = the sum of each row's cell widths, e.g. 28", "请设置 units = 每行单元格宽度之和，如 28"},
	{"table %q has no rows", "表格“%s”没有行"},
	{"add [[%s.rows]] entries", "请添加 [[%s.rows]]"},
	{"header_rows is %d but the table has %d row specs", "header_rows 为%d，但表格只有%d个行定义"},
	{"count only the leading rows to repeat", "只计入需要在每页重复的开头几行"},
	{"cannot repeat a row over %q", "无法按“%s”重复行"},
	{"use each = \"indicators\"", "请使用 each = \"indicators\""},
	{"a header row cannot repeat", "表头行不能重复"},
	{"lower header_rows or move the repeated row after the header", "请减小 header_rows，或把重复行放在表头之后"},
	{"unknown sort %q", "未知的排序方式“%s”"},
	{"use sort = \"taxonomy\" or \"input\"", "请使用 sort = \"taxonomy\" 或 \"input\""},
	{"cell %d has no width", "第%d个单元格未设置宽度"},
	{"give every cell width = in units", "请为每个单元格设置 width（单位数）"},
	{"cell %d: rows = and merge = do not fit this row", "第%d个单元格：rows 与 merge 不适用于此行"},
	{"static rows use rows = n; rows repeated over indicators use merge = true", "固定行用 rows = n 纵向合并；按指标重复的行用 merge = true"},
	{"cell %d spans %d rows but only %d follow", "第%d个单元格跨%d行，但其后只有%d行"},
	{"lower rows = or add the rows it should span", "请减小 rows，或补齐被跨越的行"},
	{"cell %d overlaps a cell spanning down from an earlier row", "第%d个单元格与上方纵向合并的单元格重叠"},
	{"leave out the cells that a rows = span covers, or narrow the cell", "被上方 rows 合并覆盖的位置不要再写单元格，或减小宽度"},
	{"the cells of this row add up to %g units, the table is %g", "此行单元格宽度合计%g，表格总宽为%g"},
	{"make the widths (plus any cells spanning down from above) add up to units = %g", "请使各单元格宽度（含上方纵向合并的单元格）之和等于 units = %g"},
}

func init() { register(templateEntries) }

// renderEntries are the messages about rendering a filing.
var renderEntries = [][2]string{
	{"no font can draw %q (U+%04X) in %s", "没有字体能显示字符“%s”（U+%04X），位于%s"},
	{"replace the character, or name a font that has it in the template's [fonts] (a .ttf or .ttc file)", "请替换该字符，或在模板的 [fonts] 中指定包含该字符的字体（.ttf 或 .ttc 文件）"},
}

func init() { register(renderEntries) }
