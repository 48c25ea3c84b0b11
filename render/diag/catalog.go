package diag

// entries pairs the English messages (the catalog keys) of the loader and
// the validator with their Chinese texts. The messages of templates and
// rendering are in catalog_template.go, a front end's own are added with
// Register; every finding's Msg and Hint is a key of one of them, and tests
// check it.
var entries = [][2]string{
	{"error", "错误"},
	{"the number %q must be written with digits and one decimal point only: no thousands separators, spaces or units", "数字“%s”只能由数字和一个小数点组成，不能有千位分隔符、空格或单位"},
	{"write e.g. budget = 100000.00; the unit comes from department.money_unit", "请写作 budget = 100000.00 这样的形式；金额单位由 department.money_unit 指定"},
	{"the number on this line is not written correctly", "此行的数字写法不正确"},
	{"write digits with at most one decimal point and no leading zeros, e.g. 100000.00 or 0.5", "请只写数字，最多一个小数点，不要以0开头，如 100000.00 或 0.5"},
	{"warning", "警告"},
	{"hint", "提示"},
	{"%d errors, %d warnings", "%d 个错误，%d 个警告"},

	// Reading the file (codes F0, F5, F6, F8).
	{"cannot read the file: %v", "无法读取文件：%v"},
	{"check the path and that the file is readable", "请检查路径是否正确、文件是否可读"},
	{"the file does not exist", "文件不存在"},
	{"no permission to read the file", "没有读取该文件的权限"},
	{"check the file's permissions, or copy it somewhere you can read", "请检查文件权限，或将文件复制到有读取权限的位置"},
	{"this is a folder, not a file", "这是文件夹，不是文件"},
	{"give the path of the filing's .toml file", "请给出申报文件（.toml）的路径"},
	{"the file is %d bytes; the limit is %d bytes", "文件大小为%d字节，超过上限%d字节"},
	{"a filing is a few kilobytes; check that this is the right file", "一份申报文件通常只有几KB，请确认文件是否正确"},
	{"the file is UTF-16; save it as UTF-8", "文件为 UTF-16 编码，请另存为 UTF-8 编码"},
	{"in Notepad choose Save as and the encoding UTF-8; other editors name it in their save dialog", "在记事本中选择“另存为”，编码选“UTF-8”；其他编辑器一般在保存对话框中选择编码"},
	{"the file contains a NUL byte", "文件中含有空字节（NUL）"},
	{"the file may be damaged or not a text file; open it in a text editor and save it again as UTF-8", "文件可能已损坏或不是文本文件，请用文本编辑器打开后重新保存为 UTF-8 编码"},
	{"the file is not UTF-8; it was read as GB18030 (GBK)", "文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取"},
	{"check the Chinese text in the report, and save the file as UTF-8 (in Notepad: Save as, encoding UTF-8)", "请核对报告中的中文是否正确，并将文件另存为 UTF-8 编码（记事本：另存为，编码选“UTF-8”）"},
	{"the file is not valid UTF-8: byte %s cannot be read", "文件不是有效的 UTF-8 编码：无法识别字节%s"},
	{"save the file as UTF-8 and check the text at this position", "请将文件另存为 UTF-8 编码，并检查此处文字"},

	// TOML syntax (S1, S4, S5).
	{"TOML syntax error: %s", "TOML 语法错误：%s"},
	{"fix the syntax at this position; strings need straight double quotes and keys need =", "请修正此处语法：字符串须用英文双引号，键与值之间用英文等号"},
	{"curly quote %s: TOML text needs straight double quotes", "使用了中文引号 %s：TOML 中的文本须用英文双引号 \" 括起"},
	{"word processors turn \" into “ ”; write the text as key = \"…\" in a plain-text editor", "文字处理软件会把 \" 自动替换为中文引号“ ”，请在纯文本编辑器中改为 key = \"…\""},
	{"full-width %q where TOML needs the half-width %q", "此处使用了全角符号“%s”，TOML 要求半角“%s”"},
	{"TOML's own punctuation (= , [ ] { } # and quotes) must be half-width: switch the input method to English punctuation for it", "TOML 的语法符号（= , [ ] { } # 和引号）必须是半角，输入时请将输入法切换为英文标点"},
	{"the text %q is not in quotes", "文本“%s”没有加引号"},
	{"write text values in straight double quotes, e.g. name = \"网络舆情综合管理\"", "文本值须用英文双引号括起，如 name = \"网络舆情综合管理\""},
	{"expected = after the key, found %q", "键名后应为等号，此处却是“%s”"},
	{"keys are English words such as name or budget, followed by = and the value; a key has no Chinese characters or spaces", "键名是 name、budget 等英文单词，后接等号和值；键名中不能有中文或空格"},
	{"the text is not closed", "文本缺少结尾的引号"},
	{"end it with \" on the same line; for text over several lines use \"\"\" … \"\"\"", "请在同一行用 \" 结束；多行文本请用 \"\"\" … \"\"\" 括起"},
	{"the value after = is missing", "等号后缺少值"},
	{"write a value after =, e.g. budget = 100000.00 or name = \"…\"", "请在等号后填写值，如 budget = 100000.00 或 name = \"…\""},
	{"the list is not closed, or a comma is missing", "数组缺少逗号或结尾的 ]"},
	{"separate the items with half-width commas and close the list with ], e.g. [25, 60, 90, 100]", "数组各项用半角逗号分隔，并以 ] 结束，如 [25, 60, 90, 100]"},
	{"the inline table is not closed, or a comma is missing", "内联表缺少逗号或结尾的 }"},
	{"write an inline table as {key = value, key = value}", "内联表应写作 {键 = 值, 键 = 值}"},
	{"unexpected text after the value", "值后面有多余的内容"},
	{"write one key = value per line; a comment starts with #", "每行只写一个“键 = 值”；注释以 # 开头"},
	{"the table header is not closed", "表头缺少结尾的 ]"},
	{"write table headers as [department] or [[projects]]", "表头应写作 [department] 或 [[projects]]"},
	{"the number is too large", "数字超出范围"},
	{"check the number of digits", "请检查数字的位数"},
	{"a backslash escape in the text is not valid", "文本中的反斜杠转义无效"},
	{"write \\\\ for a backslash, or put text with backslashes in single quotes '…'", "反斜杠请写作 \\\\，或将含反斜杠的文本改用单引号 '…' 括起"},
	{"the file contains an invisible control character", "文件中含有不可见的控制字符"},
	{"delete it; it usually comes with text copied from another program", "请删除该字符，它通常是从其他程序复制文本时带入的"},
	{"key %q is defined twice", "键“%s”重复定义"},
	{"key %q is defined twice; the first is on line %d", "键“%s”重复定义（首次定义在第%d行）"},
	{"keep one; several projects or indicators each start with [[projects]] or [[projects.indicators]], with double brackets", "请只保留一处；多个项目或指标须各以双中括号 [[projects]] 或 [[projects.indicators]] 开头"},
	{"the file is nested more than %d levels deep", "文件嵌套超过%d层"},
	{"a filing needs only a few levels; check the brackets and the dots in key names", "申报文件只需少数几层，请检查括号以及键名中的点号"},

	// Keys and types (S2, S3).
	{"unknown key %q", "未知的键“%s”"},
	{"did you mean %q?", "是否应为“%s”？"},
	{"keys are case-sensitive: write %q", "键名区分大小写，请写作“%s”"},
	{"%q belongs in %s", "“%s”应写在 %s 下"},
	{"remove the key or correct its spelling; the README lists every key", "请删除该键或更正拼写；README 列出了全部键名"},
	{"%d more unknown keys are not listed", "另有%d个未知的键未列出"},
	{"check that this is a filing; the README lists every key", "请确认这是申报文件；README 列出了全部键名"},
	{"wrong type: %s", "类型错误：%s"},
	{"%s should be %s, not %s", "“%s”应为%s，而不是%s"},
	{"write the value in the type the README gives for this key", "请按 README 中该键的类型填写"},
	{"text in double quotes", "用英文双引号括起的文本"},
	{"a whole number such as 2024", "整数（如 2024）"},
	{"a number such as 100000.00", "数字（如 100000.00）"},
	{"a list of numbers such as [25, 60, 90, 100]", "数字数组（如 [25, 60, 90, 100]）"},
	{"a list of texts such as [\"…\"]", "文本数组（如 [\"…\"]）"},
	{"a table written […]", "表（以 […] 开头）"},
	{"a list of tables written [[…]]", "表数组（以 [[…]] 开头）"},
	{"text", "文本"},
	{"a whole number", "整数"},
	{"a decimal number", "小数"},
	{"true or false", "布尔值（true/false）"},
	{"a list", "数组"},
	{"a list of tables", "表数组"},
	{"a table", "表"},
	{"a date or time", "日期时间"},

	// Field names, used as arguments.
	{"template", "模板"},
	{"year", "年度"},
	{"date", "日期"},
	{"department code", "单位编码"},
	{"department name", "单位名称"},
	{"short name", "单位简称"},
	{"money unit", "金额单位"},
	{"supervisor", "主管部门"},
	{"supervisor code", "主管部门代码"},
	{"filler", "填报单位"},
	{"section title", "部分标题"},
	{"section subtitle", "部分副标题"},
	{"section text", "部分正文"},
	{"project code", "项目编码"},
	{"project name", "项目名称"},
	{"budget", "预算数"},
	{"fiscal funds", "财政资金"},
	{"other funds", "其他资金"},
	{"purpose", "资金用途"},
	{"performance goal", "绩效目标"},
	{"implementer", "实施单位"},
	{"project kind", "项目属性"},
	{"project period", "项目期"},
	{"level-1 indicator", "一级指标"},
	{"level-2 indicator", "二级指标"},
	{"indicator name", "三级指标"},
	{"indicator description", "绩效指标描述"},
	{"indicator value", "指标值"},
	{"value basis", "指标值确定依据"},
	{"the spending plan", "资金支出计划"},
	{"part one (overall)", "第一部分（部门整体绩效目标）"},

	// Required fields, any family.
	{"%s is missing", "缺少%s"},
	{"%s is empty", "%s不能为空"},
	{"fill in %s (key %s)", "请填写%s（键名 %s）"},

	// Money (M).
	{"budget %s must equal fiscal funds %s plus other funds %s (difference %s)", "预算数%s应等于财政资金%s与其他资金%s之和（差额%s）"},
	{"correct the amounts so that budget = fiscal funds + other funds; omitted other funds count as 0", "请核对金额，使预算数 = 财政资金 + 其他资金；未填写的其他资金按0计"},
	{"%s must not be negative: %s", "%s不能为负数（当前为%s）"},
	{"enter the amount without a minus sign", "请填写不带负号的金额"},
	{"%s has more than two decimal places: %s", "%s最多保留两位小数（当前为%s）"},
	{"round the amount to two decimal places", "请将金额保留到两位小数（分）"},
	{"%s is not a number: %q", "%s不是有效的数字：“%s”"},
	{"write digits with an optional decimal point, e.g. 100000.00", "请只填写数字和小数点，如 100000.00"},
	{"remove the thousands separators: write 100000.00, not 100,000.00", "请去掉千分位逗号：写作 100000.00，而不是 100,000.00"},
	{"%s is out of range: %s", "%s金额超出范围（当前为%s）"},
	{"amounts may not exceed 999999999999.99; check the digits and the money unit", "金额不能超过999999999999.99，请检查位数和金额单位"},
	{"the project budget is 0", "项目预算数为0"},
	{"check whether this project needs performance targets", "请确认是否需要填报绩效目标"},
	{"fiscal funds are 0 and other funds %s", "财政资金为0，其他资金为%s"},
	{"check the source of the funds", "请确认资金来源"},
	{"the money unit is not given; this form accepts %s", "未填写金额单位，本表可用：%s"},
	{"money unit %q is not one this form accepts (%s)", "金额单位“%s”不符合本表要求（可用：%s）"},
	{"set money_unit under [department] to one of them", "请将 [department] 下的 money_unit 改为其中之一"},
	{"set money_unit under [department] to one of them: the form prints amounts in %s and converts them from that unit", "请将 [department] 下的 money_unit 改为其中之一：本表金额以%s列示，须由所填单位换算"},

	// Spending plan (P).
	{"the spending plan needs %d values (%s); it has %d", "资金支出计划须填写%d个节点（%s），当前为%d个"},
	{"give the cumulative percentage spent by each checkpoint, e.g. [25, 60, 90, 100]", "请按节点依次填写累计支出百分比，如 [25, 60, 90, 100]"},
	{"%s spending must be between 0 and 100, here %s", "%s支出进度应在0至100之间（当前为%s）"},
	{"write the cumulative percentage of the budget spent by this checkpoint", "请填写截至该节点累计支出占预算的百分比"},
	{"%s spending is not a number: %q", "%s支出进度不是有效的数字：“%s”"},
	{"write the percentage as a number without %%, e.g. 25 or 25.5", "请填写不带%%的数字，如 25 或 25.5"},
	{"%s spending has more than two decimal places: %s", "%s支出进度最多保留两位小数（当前为%s）"},
	{"round the percentage to two decimal places", "请将百分比保留两位小数"},
	{"the plan is cumulative: %s (%s) must not be less than %s (%s)", "资金支出计划为累计进度，%s（%s）不应小于%s（%s）"},
	{"give for each checkpoint the total spent since the start of the year", "每个节点应填写自年初起的累计支出进度"},
	{"%s cumulative spending is usually 100%%, here %s", "%s累计支出进度通常应为100%%，当前为%s"},
	{"less than 100 means funds are carried over; check that this is intended", "低于100表示有结转资金，请确认"},
	{"the spending plan is all 0", "资金支出计划全部为0"},
	{"the filing has %d projects; one report holds at most %d", "申报文件有%d个项目，一份报告最多%d个"},
	{"split the filing into several files, e.g. one per subordinate unit", "请将申报文件拆分为多个文件，如每个下属单位一个"},
	{"the spending plan looks like fractions: every value is at most 1", "资金支出计划像是小数：各值均不超过1"},
	{"the values are percentages: did you mean [%s]?", "各值为百分数：是否应为 [%s]？"},
	{"the budget %s is very small for a project", "项目预算数%s偏小"},
	{"the amounts are in %s (money_unit); if they are in 万元, set money_unit = \"万元\" or write them in 元 (%s)", "金额单位为%s（money_unit）；如实为万元，请设置 money_unit = \"万元\"，或按元填写（%s）"},
	{"check the amount and the money unit (money_unit)", "请核对金额及金额单位（money_unit）"},
	{"the year %d is not a budget year from %d to %d", "年度%d不是%d至%d之间的预算年度"},
	{"check the digits of the budget year, e.g. year = 2024", "请核对预算年度的数字，如 year = 2024"},
	{"the year %d is more than %d years away from this year (%d)", "年度%d与今年相差超过%d年（今年为%d年）"},
	{"check the budget year; an archived filing keeps its own year", "请核对预算年度；归档的申报文件保留其原年度"},
	{"the first %d checkpoints are all 0: spending is bunched at the end of the year", "前%d个节点均为0，支出进度过于集中在年末"},
	{"check the timing of the spending", "请核实支出计划"},
	{"this form does not print %s", "本表不打印%s"},
	{"remove it, or check that the filing names the right template", "可删除此项，或检查文件中的模板是否正确"},

	// Indicators (I).
	{"project %q has no indicators", "项目“%s”未设置绩效指标"},
	{"add [[projects.indicators]] tables under the project", "请在该项目下添加 [[projects.indicators]] 指标"},
	{"project %q lacks %s", "项目“%s”缺少%s"},
	{"add at least one indicator with level1 = %q", "请至少添加一个 level1 = \"%s\" 的指标"},
	{"project %q has no %s", "项目“%s”未设置%s"},
	{"consider adding an indicator with level1 = %q", "建议添加 level1 = \"%s\" 的指标"},
	{"project %q has %d indicators; check the count", "项目“%s”绩效指标数量为%d，请核实"},
	{"most projects have between 3 and 30 indicators", "项目的绩效指标一般为3至30个"},
	{"indicator %q appears twice in this project (rows %d and %d)", "三级指标“%s”重复（第%d、%d行）"},
	{"merge the rows, or name each indicator differently", "请合并这两行，或使用不同的指标名称"},
	{"row %d: %s is empty", "第%d行%s不能为空"},
	{"row %d: %s is not filled in", "第%d行未填写%s"},
	{"row %d: the basis %q does not name a standard", "第%d行指标值确定依据“%s”未注明标准类型"},
	{"start it with 计划标准, 行业标准, 历史标准, 预算支出标准 or 其他, e.g. 计划标准：《2024年工作要点》", "请以计划标准、行业标准、历史标准、预算支出标准或其他开头，如“计划标准：《2024年工作要点》”"},
	{"indicator name %q ends with a full stop", "三级指标“%s”以句号结尾"},
	{"an indicator name is a short title; remove the 。", "三级指标是简短的名称，建议删除句末的“。”"},
	{"%s %q is not on this form", "%s“%s”不在本表的指标体系中"},
	{"use one of: %s", "请使用以下之一：%s"},
	{"on this form %q is a level-2 indicator under %q", "本表中“%s”是“%s”下的二级指标"},
	{"level-2 indicator %q does not belong to level-1 indicator %q", "二级指标“%s”不属于一级指标“%s”"},
	{"on this form it is under %s", "本表中它属于%s"},
	{"indicator value %q is malformed; write e.g. ≥95%%, ≤10天 or a short phrase such as 达标", "指标值“%s”格式不规范，应为“≥95%%”“≤10天”或定性表述（如“达标”）"},
	{"a value is an optional comparator, a number and a unit, or a few Chinese characters", "指标值由比较符（可省略）、数值和单位组成，或为简短的中文定性表述"},
	{"indicator value %q has a comparator but no number", "指标值“%s”有比较符但缺少数值"},
	{"write the number after the comparator, e.g. ≥95%%", "请在比较符后填写数值，如“≥95%%”"},
	{"indicator value %q is not in a usual form", "指标值“%s”不是常见格式，请确认"},
	{"usual forms are ≥95%%, ≤10天, 100%% or a short phrase such as 达标; check that the target can be assessed", "常见格式为“≥95%%”“≤10天”“100%%”或“达标”等定性表述；请确认该目标可以考核"},
	{"indicator %q looks quantitative but its value %q has no number", "三级指标“%s”像是定量指标，但指标值“%s”不含数值"},
	{"give a number as the target, e.g. ≥95%%", "请填写数值目标，如“≥95%%”"},
	{"indicator value %q is a range", "指标值“%s”为区间值，请确认"},
	{"a target is usually one value with a comparator, e.g. ≥90%%", "指标值通常为带比较符的单个数值，如“≥90%%”"},
	{"indicator value %q is negative", "指标值“%s”不能为负数"},
	{"a target is a number of 0 or more", "指标值应为不小于0的数"},
	{"indicator value %q has the unusual unit %q", "指标值“%s”的计量单位“%s”不常见"},
	{"check the unit; common ones are 个, 次, 天, 个工作日, 元, 万元 and the percent sign", "请核对单位；常用单位有个、次、天、个工作日、元、万元和百分号"},
	{"indicator value %q has no comparator (≥, ≤ or ＝)", "指标值“%s”未写比较符（≥、≤或＝）"},
	{"write ≥%s for a minimum, ≤%s for a maximum or ＝%s for an exact target", "最低目标写作“≥%s”，最高限写作“≤%s”，确切目标写作“＝%s”"},
	{"indicator %q is a rate, but its value %q has no percent sign", "三级指标“%s”是比率，但指标值“%s”没有百分号"},
	{"write the target as a percentage, e.g. %s", "请写成百分比，如“%s”"},
	{"indicator value %q is usually written %q", "指标值“%s”建议写作“%s”"},
	{"the report prints the value exactly as written", "报告按原样打印指标值"},
	{"indicator value %q has more than two decimal places", "指标值“%s”超过两位小数"},
	{"round the target to two decimal places", "请保留两位小数"},
	{"satisfaction target %q must not exceed 100%%", "满意度指标值“%s”不能超过100%%"},
	{"a satisfaction rate is between 0 and 100 percent", "满意度应在0至100%%之间"},
	{"indicator value %q exceeds 100%%", "指标值“%s”超过100%%"},
	{"check the target; a rate above 100 percent is unusual", "请核实：比率超过100%%并不常见"},
	{"satisfaction target %q is below 80%%", "满意度指标值“%s”低于80%%"},
	{"satisfaction targets are usually 80 percent or more; check the value", "满意度目标一般不低于80%%，请核实"},

	// Identity and the whole filing (C, F).
	{"the filing has no projects", "未填写预算项目"},
	{"add a [[projects]] table for each budget project", "请为每个预算项目添加一个 [[projects]]"},
	{"the year %d is not a four-digit year", "年度“%d”应为4位数字"},
	{"write the budget year, e.g. year = 2024", "请填写预算年度，如 year = 2024"},
	{"the date %q is not a date written YYYY-MM-DD", "日期“%s”不是 YYYY-MM-DD 格式的有效日期"},
	{"write the report date as date = \"2024-03-01\", or leave it out", "请写作 date = \"2024-03-01\"，或删除此项"},
	{"the department code %q is not 6 digits", "单位编码“%s”应为6位数字"},
	{"check the code against the budget system, e.g. 224002", "请与预算系统核对单位编码，如 224002"},
	{"project code %q is used twice (projects %d and %d)", "项目编码“%s”重复（第%d、%d个项目）"},
	{"each project has its own code; check it against the budget system", "每个项目的编码应唯一，请与预算系统核对"},
	{"project code %q differs from the usual format", "项目编码“%s”格式与常见格式不一致"},
	{"the usual format is 3 digits-4 digits-3 capital letters-4 capitals or digits, e.g. 224-0501-JBN-BOVO; check it against the budget system", "常见格式为“3位数字-4位数字-3位大写字母-4位大写字母或数字”，如 224-0501-JBN-BOVO；请与预算系统核对"},
	{"project code %q does not start with %q, the first digits of the department code", "项目编码“%s”的前缀与单位编码前3位“%s”不一致"},
	{"check the project code and the department code", "请核对项目编码和单位编码"},
	{"project name %q is used twice (projects %d and %d)", "项目名称“%s”重复（第%d、%d个项目）"},
	{"check whether the projects are the same; give each its own name", "请确认是否为同一项目；不同项目请使用不同名称"},
	{"this form requires %s", "本表需要填写%s"},
	{"the form requires %s, which filings do not have", "本表要求的“%s”不是申报文件中的字段"},
	{"the template is wrong; tell whoever maintains it", "模板有误，请告知模板维护人员"},

	// Text (T).
	{"part one lacks the section %q", "第一部分缺少“%s”"},
	{"add an [[overall]] table with title = %q; the sections of this form are %s", "请添加 title = \"%s\" 的 [[overall]]；本表的部分依次为%s"},
	{"section %q is not on this form", "“%s”不是本表的部分"},
	{"the sections of this form are %s", "本表的部分依次为%s"},
	{"section %q appears twice", "“%s”部分重复"},
	{"merge the two sections", "请合并这两部分"},
	{"section %q has no text", "“%s”内容不能为空"},
	{"write the text of the section under text = \"\"\" … \"\"\"", "请在 text = \"\"\" … \"\"\" 中填写该部分的内容"},
	{"section %q is out of order; the order is %s", "“%s”顺序有误，应依次为%s"},
	{"move the [[overall]] tables into the form's order", "请按本表顺序排列 [[overall]]"},
	{"goal %d is numbered %q; the report keeps numbers as written and numbers the other goals by their position", "第%d条绩效目标编号为“%s”；报告保留原编号，其余目标按位置自动编号"},
	{"project %q: %d of %d indicators have no value basis (rows %s)", "项目“%s”有%d/%d行未填写指标值确定依据（第%s行）"},
	{"fill in basis, e.g. 计划标准：《2024年工作要点》; the report leaves the cell blank", "请填写指标值确定依据（键名 basis），如“计划标准：《2024年工作要点》”；未填写时表中留空"},
	{"%s still holds the placeholder %q", "%s仍是待填写的占位内容“%s”"},
	{"replace it with the real text", "请替换为实际内容"},
	{"remove the number and let the report number the goals, or correct it", "请删除该编号由报告自动编号，或更正编号"},
	{"%s has half-width punctuation between Chinese characters (%d in all); the first, %q, is character %d", "%s中有%d处在中文之间使用了半角标点，第一处为“%s”（第%d个字符）"},
	{"use the full-width %q; the report prints the text as written", "建议改为全角“%s”；报告按原文打印"},
	{"%s is %d characters long and may not fit the layout (limit %d)", "%s长度%d字，可能影响排版（建议不超过%d字）"},
	{"shorten the text, or check the layout of the report", "请精简文字，或检查报告排版"},
	{"%s contains control characters (%d in all); the first, %s, is character %d", "%s含有%d个控制字符，第一个为%s（第%d个字符）"},
	{"delete them: they are invisible and cannot be printed", "请删除：控制字符不可见，也无法打印"},
	{"%s contains characters that are not text (%d in all); the first, %s, is character %d", "%s含有%d个非文本字符，第一个为%s（第%d个字符）"},
	{"delete them: noncharacters such as U+FFFF cannot be stored in a DOCX or shown by any font; they come with text copied from other programs", "请删除：U+FFFF 等非字符无法存入 DOCX，也没有字体能显示，通常是从其他程序复制文本时带入的"},
	{"%s contains a tab or line break", "%s含有制表符或换行符"},
	{"use a space instead; the report prints the text as written", "请改用空格；报告按原文打印"},
	{"%s begins or ends with blanks", "%s首尾有空白字符"},
	{"remove them; the report prints the text as written", "请删除首尾空白；报告按原文打印"},
	{"project name %q ends with 绩效目标表, which the caption adds itself", "项目名称“%s”以“绩效目标表”结尾，而表题会自动加上“绩效目标表”"},
	{"remove 绩效目标表 from the name", "请从项目名称中删去“绩效目标表”"},
}

// catalogs are the entry lists, searched in turn by chinese.
var catalogs = [][][2]string{entries, templateEntries, renderEntries, workbookEntries, docxEntries, diffEntries, ruleEntries}

// Register adds a front end's messages (English key, Chinese text) to the
// catalog, for its Printer to translate. It is meant for a package's
// initialisation, before anything is printed; CheckEntries tests them.
func Register(messages [][2]string) { catalogs = append(catalogs, messages) }

// chinese returns the Chinese text of the message key. It searches the
// lists one entry after another: a run looks up a few messages, or none,
// and a map of all of them took longer to build at every start than the
// searches take.
func chinese(key string) (string, bool) {
	for _, list := range catalogs {
		for _, e := range list {
			if e[0] == key {
				return e[1], true
			}
		}
	}
	return "", false
}

// InCatalog reports whether key is a catalog entry with a Chinese text.
func InCatalog(key string) bool {
	zh, ok := chinese(key)
	return ok && zh != ""
}

// Text is a catalog key with the arguments that fill it in: the message or
// the hint of a finding.
type Text struct {
	Key  string
	Args []any
}

// T returns the Text of key and args. Callers pass key as a string literal,
// so that a test can find every key in the source and check the catalog.
func T(key string, args ...any) Text { return Text{key, args} }

// Say returns d with its message and hint set.
func (d Diagnostic) Say(msg, hint Text) Diagnostic {
	d.Msg, d.Args, d.Hint, d.HintArgs = msg.Key, msg.Args, hint.Key, hint.Args
	return d
}
