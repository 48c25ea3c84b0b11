package diag

import "golang.org/x/text/language"

//go:generate go run ./internal/rulesgen

// Rule is one rule as its user reads about it: the code every finding of
// the rule carries, the severity of its findings, what it checks and what
// to do about a finding, in English and Chinese. Rules is the one list of
// them: the user guide's rule section (docs/用户手册.md) and the summary
// table of docs/rules.md are generated from it (go generate ./render/diag),
// and a test checks that every code the source can report is in it.
type Rule struct {
	Code string
	// Severity is "E" (an error: no report is made), "W" (a warning: the
	// report is made) or "E/W" (some findings are errors, some warnings).
	Severity string
	// Checks and Fix are catalog keys (English), each with its Chinese
	// text in the catalog: what the rule checks, and what to do.
	Checks, Fix string
}

// Rules returns every rule, in the order the guide lists them: by family
// (F, S, M, P, I, C, T, X, D, G, Z, TPL), then by number.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		out[i] = Rule{Code: r.code, Severity: r.sev, Checks: r.checks[0], Fix: r.fix[0]}
	}
	return out
}

// Words returns what the rule checks and what to do, in lang.
func (r Rule) Words(lang language.Tag) (checks, fix string) {
	p := NewPrinter(lang)
	return p.Sprintf(r.Checks), p.Sprintf(r.Fix)
}

// RuleOf returns the rule with the code, if there is one.
func RuleOf(code string) (Rule, bool) {
	for _, r := range Rules() {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}

// rule is an entry of rules: the code, the severity, and the texts of
// what it checks and what to do, each as English and Chinese.
type rule struct {
	code, sev   string
	checks, fix [2]string
}

// ruleEntries are the catalog entries of the rules' texts.
var ruleEntries = func() [][2]string {
	var out [][2]string
	for _, r := range rules {
		out = append(out, r.checks, r.fix)
	}
	return out
}()

var rules = []rule{
	// The file and the filing as a whole.
	{"F0", "E", [2]string{"the file can be read: it exists, is a file and may be read", "文件能够读取：文件存在、是文件而不是文件夹、有读取权限"},
		[2]string{"check the file's name and folder; copy it to a folder of your own if it cannot be read", "核对文件名和所在文件夹；没有读取权限时，把文件复制到自己的文件夹再用"}},
	{"F1", "E", [2]string{"the filing has at least one project", "申报文件至少有一个项目"},
		[2]string{"fill in the projects (the sheet 项目 of the workbook)", "填写预算项目（工作簿的“项目”表）"}},
	{"F3", "E", [2]string{"the budget year has four digits, from 2000 to 2100", "预算年度为4位数字，在2000至2100之间"},
		[2]string{"write the year as four digits, e.g. 2025", "年度写成4位数字，如 2025"}},
	{"F5", "W", [2]string{"a text file not saved as UTF-8 was read as GB18030 (GBK)", "文本文件不是 UTF-8 编码，已按 GB18030（GBK）读取"},
		[2]string{"check the Chinese text of the report; save the file as UTF-8 next time", "请核对报告中的中文；以后把文件另存为 UTF-8 编码"}},
	{"F6", "E", [2]string{"the file is not larger than a filing can be (8 MB for a TOML file, 16 MB for a workbook)", "文件大小不超过上限（TOML 文件8MB，工作簿16MB）"},
		[2]string{"check that this is the right file; a filing is far smaller", "请确认文件是否选对；一份申报文件远小于这个大小"}},
	{"F7", "W", [2]string{"data the form does not print, such as a spending plan on a form without one", "填写了本表样不打印的内容，如表样中没有的资金支出计划"},
		[2]string{"nothing to do if it was meant for another form; otherwise check the form (表样)", "如是为其他表样准备的可不处理；否则请核对所选表样"}},
	{"F8", "E", [2]string{"a text file is UTF-8: not UTF-16, no NUL bytes, no bytes that are not text", "文本文件为 UTF-8 编码：不是 UTF-16，不含空字节或无法识别的字节"},
		[2]string{"open the file in a text editor and save it as UTF-8", "用文本编辑器打开文件，另存为 UTF-8 编码"}},
	{"F9", "E", [2]string{"the report date is a real date written YYYY-MM-DD", "报告日期是写成“年-月-日”（如2025-01-15）的真实日期"},
		[2]string{"write the date as e.g. 2025-01-15, or leave it empty", "日期写成 2025-01-15 这样的格式，或者不填"}},
	{"F10", "E", [2]string{"the form (template) the filing names is one jixiao knows", "申报文件所选的表样（模板）是 jixiao 认识的"},
		[2]string{"choose a form that jixiao templates lists (hebei, national)", "选择 jixiao templates 列出的表样（如 hebei、national）"}},
	{"F11", "W", [2]string{"jixiao check only: the year is at most two years from this year", "仅 jixiao check：年度与今年相差不超过2年"},
		[2]string{"check the year; nothing to do if it is right", "请核对年度；确实无误可不处理"}},
	{"F12", "E", [2]string{"a filing has at most 5,000 projects", "一份申报文件最多5000个项目"},
		[2]string{"split the filing into several, e.g. one per department", "把申报文件拆成几份，如每个单位一份"}},

	// The text of a TOML file.
	{"S1", "E", [2]string{"TOML syntax (only in a .toml file): half-width = , [ ] and straight quotes, text in quotes, closed lists and headers", "TOML 语法（仅 .toml 文件）：等号、逗号、方括号和引号用半角，文本加引号，数组和表头完整"},
		[2]string{"fix the line the message names; the hint says how", "按提示修改所指的行"}},
	{"S2", "E", [2]string{"every key is one a filing has, spelt exactly (only in a .toml file)", "每个键名都是申报文件中的键，拼写和大小写完全一致（仅 .toml 文件）"},
		[2]string{"correct the spelling the hint suggests, or delete the key", "按提示更正拼写，或删除这个键"}},
	{"S3", "E", [2]string{"every value has the right kind: a year is a whole number, a list is a list of texts, and so on", "每个值的类型正确：年度是整数，目标是文本列表，等等"},
		[2]string{"write the value of the kind the hint names", "按提示的类型填写"}},
	{"S4", "E", [2]string{"no key or table is written twice (only in a .toml file)", "同一个键或表没有重复定义（仅 .toml 文件）"},
		[2]string{"keep one of the two; the message names the line of the first", "保留其中一处；提示中给出了首次定义所在的行"}},
	{"S5", "E", [2]string{"brackets and braces are nested at most 16 levels deep (only in a .toml file)", "括号嵌套不超过16层（仅 .toml 文件）"},
		[2]string{"check that this is a filing and that its brackets are closed", "请确认这是申报文件，并检查括号是否配对"}},

	// Amounts.
	{"M1", "E", [2]string{"budget = fiscal funds + other funds, exact to the fen (empty other funds count as 0)", "预算数 = 财政资金 + 其他资金，精确到分（其他资金未填按0计）"},
		[2]string{"correct the amounts; the message gives the difference", "核对金额；提示中给出了差额"}},
	{"M2", "E", [2]string{"amounts are not negative", "金额不能为负数"},
		[2]string{"write the amount without a minus sign", "去掉负号"}},
	{"M3", "E", [2]string{"amounts are numbers with at most two decimals: no thousands separators, spaces or units", "金额是最多两位小数的数字：不带千位分隔符、空格或单位"},
		[2]string{"write e.g. 100000.00, not 100,000.00 or 10万元", "写成 100000.00，不要写成 100,000.00 或 10万元"}},
	{"M4", "W", [2]string{"a project's budget is not 0", "项目预算数不为0"},
		[2]string{"fill in the budget, or check that the project belongs in the filing", "填写预算数，或确认该项目是否应当申报"}},
	{"M5", "W", [2]string{"fiscal funds are not 0 while other funds are given", "有其他资金时，财政资金不为0"},
		[2]string{"check that the two amounts are not swapped", "核对两项金额是否填反"}},
	{"M6", "E", [2]string{"amounts are at most 999,999,999,999.99", "金额不超过999999999999.99"},
		[2]string{"check the number of digits and the money unit", "核对数字位数和金额单位"}},
	{"M7", "E/W", [2]string{"the money unit is one the form accepts (元 or 万元)", "金额单位是本表样可用的（元或万元）"},
		[2]string{"choose 元 or 万元 as the money unit (金额单位)", "金额单位选“元”或“万元”"}},
	{"M8", "E", [2]string{"budget and fiscal funds are filled in", "预算数和财政资金已填写"},
		[2]string{"fill in both amounts (0 if there are none)", "填写这两项金额（没有时填0）"}},
	{"M9", "W", [2]string{"a project's budget is plausible for the money unit (42 meant as 42 万元 on a form in 元)", "项目预算数与金额单位相称（如本想填42万元，却在以元为单位的表中填了42）"},
		[2]string{"check the amount and the money unit", "核对金额和金额单位"}},

	// The spending plan.
	{"P1", "E", [2]string{"the spending plan has one value per checkpoint of the form (e.g. 3月底, 6月底, 10月底, 12月底)", "资金支出计划每个节点（如3月底、6月底、10月底、12月底）各有一个值"},
		[2]string{"fill in every checkpoint", "每个节点都填写"}},
	{"P2", "E", [2]string{"each plan value is a number from 0 to 100", "每个支出进度是0至100之间的数"},
		[2]string{"write a per cent from 0 to 100, e.g. 25 (or 25%% in a workbook cell)", "填0至100之间的百分数，如 25（工作簿单元格中也可填 25%%）"}},
	{"P3", "E", [2]string{"the plan is cumulative: no value is less than the one before", "支出计划是累计进度：后一个节点不小于前一个"},
		[2]string{"write the total spent by each checkpoint, not the amount of each period", "填写截至各节点的累计进度，而不是各时段的进度"}},
	{"P4", "W", [2]string{"the last value is usually 100", "最后一个节点通常为100"},
		[2]string{"check the plan; nothing to do if the money is really not all spent", "核对计划；确实不能全部支出可不处理"}},
	{"P5", "E", [2]string{"plan values have at most two decimals", "支出进度最多两位小数"},
		[2]string{"round the value to two decimals yourself", "自行保留两位小数"}},
	{"P6", "W", [2]string{"the spending is not all at the end of the year (all values before the last 0)", "支出不全部集中在年末（最后一个节点之前不全为0）"},
		[2]string{"fill in the plan; nothing to do if the spending is really at the year's end", "填写支出计划；确实集中在年末支出可不处理"}},
	{"P7", "W", [2]string{"the plan is written as per cents, not as fractions (0.25 for 25%%)", "支出计划写成百分数，而不是小数（如把25%%写成0.25）"},
		[2]string{"write the per cents the hint gives, e.g. 25 instead of 0.25", "按提示改为百分数，如把0.25改为25"}},

	// Indicators.
	{"I1", "E", [2]string{"each project has indicators", "每个项目都设置了绩效指标"},
		[2]string{"add the project's indicators (the sheet 绩效指标 of the workbook)", "添加该项目的绩效指标（工作簿的“绩效指标”表）"}},
	{"I2", "E", [2]string{"一级 and 二级 indicator names are the form's own, each 二级 under its 一级", "一级、二级指标名称是本表样指标体系中的，二级指标属于所在的一级指标"},
		[2]string{"choose the names from the drop-down list; the hint suggests the right one", "从下拉列表中选择；提示中给出了建议的名称"}},
	{"I3", "E", [2]string{"each project has the 一级 indicators the form requires (e.g. 产出指标)", "每个项目都有本表样要求的一级指标（如产出指标）"},
		[2]string{"add at least one indicator under the missing 一级", "在缺少的一级指标下至少添加一个指标"}},
	{"I4", "W", [2]string{"each project has satisfaction indicators (满意度指标)", "每个项目都设置了满意度指标"},
		[2]string{"add a satisfaction indicator, e.g. 服务对象满意度 ≥90%%", "添加满意度指标，如“服务对象满意度 ≥90%%”"}},
	{"I5", "W", [2]string{"each project has the other 一级 the form recommends (e.g. 成本指标)", "每个项目都设置了本表样建议的其他一级指标（如成本指标）"},
		[2]string{"add the indicator, or ignore the warning if it does not apply", "添加该指标；不适用时可不处理"}},
	{"I6", "E", [2]string{"each indicator has a name (三级指标) and a value (指标值)", "每个指标都填写了三级指标和指标值"},
		[2]string{"fill in both, or delete the empty row", "两项都填写，或删除空行"}},
	{"I7", "E/W", [2]string{"指标值 is written as the rules for indicator values say: ≥95%%, ≤10天, ＝100%% or a short phrase such as 达标", "指标值的写法符合规范：≥95%%、≤10天、＝100%%，或“达标”等简短定性表述"},
		[2]string{"write the value as the hint shows", "按提示的写法修改"}},
	{"I8", "E/W", [2]string{"satisfaction targets are at most 100%% (error) and usually 80%% or more (warning)", "满意度指标值不超过100%%（错误），通常不低于80%%（警告）"},
		[2]string{"check the target", "核对指标值"}},
	{"I9", "W", [2]string{"no 三级指标 appears twice in a project", "同一项目中三级指标不重复"},
		[2]string{"merge the two rows or name them apart", "合并两行，或分别命名"}},
	{"I10", "W", [2]string{"each indicator has a description (绩效指标描述)", "每个指标都填写了绩效指标描述"},
		[2]string{"describe what the indicator measures", "写明该指标衡量什么"}},
	{"I11", "W", [2]string{"each indicator's value basis (指标值确定依据) is given and names a standard: 计划标准, 行业标准, 历史标准, 预算支出标准 or 其他", "每个指标都填写了指标值确定依据，并注明标准类型：计划标准、行业标准、历史标准、预算支出标准或其他"},
		[2]string{"start the basis with its kind, e.g. 计划标准：…", "在依据开头写明类型，如“计划标准：……”"}},
	{"I12", "W", [2]string{"a project has 3 to 30 indicators", "每个项目有3至30个指标"},
		[2]string{"check the number of indicators", "核对指标个数"}},
	{"I14", "W", [2]string{"a 三级指标 does not end with 。", "三级指标末尾没有句号"},
		[2]string{"delete the full stop", "删去句号"}},

	// Codes and names.
	{"C1", "E", [2]string{"each project has a project code, used once", "每个项目都有项目编码，且不重复"},
		[2]string{"fill in the code from the budget system; give each project its own", "按预算系统填写项目编码，每个项目各不相同"}},
	{"C2", "W", [2]string{"project names are not used twice", "项目名称不重复"},
		[2]string{"check whether one project was entered twice", "检查是否把同一项目填了两次"}},
	{"C3", "W", [2]string{"a project code has the usual form 999-9999-AAA-XXXX", "项目编码符合常见格式 999-9999-AAA-XXXX"},
		[2]string{"copy the code exactly from the budget system (upper-case letters)", "从预算系统原样复制编码（字母大写）"}},
	{"C4", "W", [2]string{"the department code (单位编码) is six digits", "单位编码为6位数字"},
		[2]string{"fill in the six-digit code", "填写6位单位编码"}},
	{"C5", "W", [2]string{"a project code starts with the first three digits of the department code", "项目编码前3位与单位编码前3位一致"},
		[2]string{"compare the project code with the department code", "对照单位编码核对项目编码"}},
	{"C6", "E", [2]string{"the department name and every project name are filled in", "单位名称和每个项目名称都已填写"},
		[2]string{"fill in the name", "填写名称"}},
	{"C7", "E", [2]string{"the fields this form prints are filled in (e.g. 项目属性 on the national form)", "本表样要打印的栏目都已填写（如全国表样的项目属性）"},
		[2]string{"fill in the field the message names", "填写提示所指的栏目"}},

	// Texts.
	{"T1", "E", [2]string{"part one (第一部分) has the form's sections, in order, each with text", "第一部分有本表样的各节，顺序正确，每节都有内容"},
		[2]string{"add the missing section, or correct its title as the hint suggests", "补上缺少的一节，或按提示更正标题"}},
	{"T2", "E", [2]string{"资金用途 and the 绩效目标 are filled in", "资金用途和绩效目标已填写"},
		[2]string{"fill in the text", "填写内容"}},
	{"T3", "W", [2]string{"a goal's own number matches its place (the report numbers goals 1、2、… itself)", "绩效目标自带的编号与其位置一致（报告会自动编号1、2、……）"},
		[2]string{"delete the numbers you typed before the goals", "删去目标前手工输入的编号"}},
	{"T4", "W", [2]string{"no half-width , ; : ( ) between Chinese characters", "中文之间没有使用半角的 , ; : ( ) 等标点"},
		[2]string{"use the full-width ，；：（）; the report prints the text as written", "改用全角标点，；：（）；报告按原文打印"}},
	{"T5", "W", [2]string{"texts are not longer than the form holds well (project name 40, 三级指标 40, 指标值 20, description 200, 资金用途 500, a goal 300 characters)", "文字长度不超过表格容纳的限度（项目名称40字、三级指标40字、指标值20字、指标描述200字、资金用途500字、每条目标300字）"},
		[2]string{"shorten the text", "精简文字"}},
	{"T6", "E/W", [2]string{"no invisible characters (error); no tabs or line breaks in one-line fields and no blanks around a text (warnings)", "不含不可见的控制字符（错误）；单行栏目中没有制表符或换行，文字首尾没有空白（警告）"},
		[2]string{"delete them; they usually come with text copied from other programs", "删除这些字符；它们通常是从其他程序复制文字时带入的"}},
	{"T7", "W", [2]string{"a project name does not end with 绩效目标表 (the caption adds it)", "项目名称不以“绩效目标表”结尾（表题会自动加上）"},
		[2]string{"delete 绩效目标表 from the name", "从项目名称中删去“绩效目标表”"}},
	{"T8", "E", [2]string{"no field still holds the placeholder （请填写）", "没有仍是占位内容“（请填写）”的栏目"},
		[2]string{"replace （请填写） with the real text", "把“（请填写）”换成实际内容"}},

	// The data workbook.
	{"X1", "E", [2]string{"the workbook is an .xlsx that can be opened: not .xls, .et or .ods, not password-protected, not damaged", "工作簿是能打开的 .xlsx 文件：不是 .xls、.et 或 .ods，没有打开密码，没有损坏"},
		[2]string{"open it in Excel or WPS and save it as Excel workbook (*.xlsx)", "用 Excel 或 WPS 打开，另存为“Excel 工作簿(*.xlsx)”"}},
	{"X2", "W", [2]string{"every sheet with data is one jixiao reads (单位信息, 部门整体目标, 项目, 绩效指标)", "有数据的工作表都是 jixiao 读取的表（单位信息、部门整体目标、项目、绩效指标）"},
		[2]string{"move the data to those sheets, or ignore the warning", "把数据移到这几个表中，或不处理"}},
	{"X3", "E/W", [2]string{"each sheet has its header row (error); every column header is one jixiao knows, once (warning)", "每个表都有表头行（错误）；每个列名都是 jixiao 认识的，且不重复（警告）"},
		[2]string{"keep the headers of the workbook jixiao new writes", "保留 jixiao new 生成的工作簿的表头"}},
	{"X4", "E", [2]string{"a formula has the value Excel or WPS computed and saved with it", "公式单元格保存有 Excel 或 WPS 计算出的结果"},
		[2]string{"open the workbook in Excel or WPS and save it again", "用 Excel 或 WPS 打开后重新保存"}},
	{"X5", "E", [2]string{"no cell shows an error value such as #REF! or #DIV/0!", "单元格没有显示 #REF!、#DIV/0! 等错误值"},
		[2]string{"correct the formula or type the value", "修正公式，或直接填写数值"}},
	{"X6", "E", [2]string{"each indicator row's 项目编码 is that of a project on the sheet 项目", "“绩效指标”表每行的项目编码都能在“项目”表中找到"},
		[2]string{"copy the code from the sheet 项目", "从“项目”表复制项目编码"}},
	{"X7", "W", [2]string{"a line break typed in a one-line field (项目名称, 三级指标 …) was joined", "单行栏目（项目名称、三级指标等）中的换行已合并为一行"},
		[2]string{"check the joined text; delete the line break (Alt+Enter) in the cell", "核对合并后的文字；删除单元格中的换行（Alt+Enter）"}},
	{"X8", "E", [2]string{"a column header that names a money unit, such as 预算数（万元）, agrees with the 金额单位 of 单位信息", "列名中的金额单位（如“预算数（万元）”）与“单位信息”表中的金额单位一致"},
		[2]string{"make the two units the same, or remove the unit from the header", "使两处单位一致，或从列名中去掉单位"}},
	{"X9", "E", [2]string{"(saving a workbook from the editor) a field held by a formula is not changed; the formulas whose inputs changed are recalculated", "（在编辑器中保存工作簿时）由公式计算的栏目不能修改；公式所引用的数值改变后重新计算"},
		[2]string{"change the cells the formula adds up, or change the formula in Excel or WPS", "请修改公式所引用的单元格，或在 Excel、WPS 中修改公式"}},
	{"X10", "E", [2]string{"(saving a workbook from the editor) the workbook can hold every value and reads back as exactly the form's values", "（在编辑器中保存工作簿时）工作簿能容纳每个值，读回后与表单完全一致"},
		[2]string{"add the missing column in Excel or WPS, or remove the line break from a one-line field", "请在 Excel、WPS 中补上缺少的列，或删除单行栏目中的换行"}},

	// A Word report read as a filing.
	{"D1", "E", [2]string{"a Word report is a .docx that can be read (not .doc or .wps, not damaged)", "Word 报告是能读取的 .docx 文件（不是 .doc 或 .wps，没有损坏）"},
		[2]string{"open it in Word or WPS and save it as .docx", "用 Word 或 WPS 打开，另存为 .docx"}},
	{"D2", "W", [2]string{"an amount or per cent of a Word report reads as a number; the report names its year", "Word 报告中的金额、百分数能读作数字，报告标题中有年度"},
		[2]string{"check the value in the converted filing", "在转换后的申报文件中核对该值"}},
	{"D3", "E", [2]string{"a Word report has the sections of 第一部分 or a project table", "Word 报告中有第一部分的各节或项目绩效目标表"},
		[2]string{"check that this is a budget performance report", "请确认这是预算绩效目标报告"}},

	// Laying the report out.
	{"G1", "E", [2]string{"every character can be printed by a font (the built-in fonts cover the 通用规范汉字表 and GB2312)", "每个字符都有字体能够打印（内置字体覆盖《通用规范汉字表》和 GB2312）"},
		[2]string{"check the character; replace a rare or garbled one", "核对该字符；替换生僻字或乱码"}},
	{"G2", "E", [2]string{"every number, code and 指标值 fits its column whole, even in the smallest type the form allows", "每个数字、编码和指标值即使缩到表样允许的最小字号，也能完整放进所在栏"},
		[2]string{"shorten the value, or check the amount's digits", "缩短内容，或核对金额位数"}},
	{"G3", "E", [2]string{"each row of a form fits on one page: no text is so long that its cell would run past a page", "表中每一行都能在一页内排下：没有哪项内容长到单元格超出一页"},
		[2]string{"shorten the text the message names", "缩短提示中指出的内容"}},

	// A finance bureau's summary.
	{"Z1", "W", [2]string{"every amount of a summary fits the 15 significant digits a spreadsheet keeps", "汇总表的每个金额不超过电子表格能保存的15位有效数字"},
		[2]string{"use the unit 万元 for the summary, or check the amounts", "汇总时改用万元为单位，或核对金额"}},

	// A form template of one's own.
	{"TPL", "E", [2]string{"a form template of one's own (--templates) is complete and consistent", "自定义的表样模板（--templates）完整、一致"},
		[2]string{"give the message to whoever wrote the template", "把提示信息交给编写模板的人员"}},
	{"TPL0", "E", [2]string{"a form template of one's own can be read", "自定义的表样模板文件能够读取"},
		[2]string{"check the template's file name and folder", "核对模板文件的名称和所在文件夹"}},
}
