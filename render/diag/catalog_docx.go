package diag

// docxEntries are the messages of reading a Word report (docximport) and
// of the summary workbook.
var docxEntries = [][2]string{
	{"this is a Word 97–2003 document (.doc), which jixiao does not read", "这是 Word 97–2003 文档（.doc），jixiao 不能读取"},
	{"open it in Word or WPS, choose 另存为 (Save As) and the type Word 文档 (*.docx), then convert the .docx", "请用 Word 或 WPS 打开，选择“另存为”，文件类型选“Word 文档（*.docx）”，再转换保存的 .docx 文件"},
	{"cannot read the Word document: %v", "无法读取该 Word 文档：%v"},
	{"open it in Word or WPS and save it again as .docx (Word 文档)", "请用 Word 或 WPS 打开后重新另存为 .docx（Word 文档）"},
	{"found neither the sections of 第一部分 nor a project table", "既未找到第一部分的各节，也未找到项目绩效目标表"},
	{"the report should have the seed's form: 第一部分 with headings 一、二、三、 and 第二部分 with a table per project labelled 项目编码, 预算数 …", "报告应为标准表式：第一部分含“一、二、三、”各节标题，第二部分每个项目一张表，含“项目编码”“预算数”等栏目"},
	{"the report names no budget year", "报告中未写明预算年度"},
	{"set year in the filing", "请在申报文件中填写 year（预算年度）"},
	{"table %d, row %d: %s %q cannot be read as a number", "第%d张表第%d行：%s“%s”无法读作数字"},
	{"correct it in the filing written; the value is kept as it was", "请在转换生成的申报文件中更正；该值按原文保留"},
	{"%d amounts of the summary have more than the 15 significant digits a spreadsheet keeps, and show rounded there", "汇总表中有%d个金额超过电子表格可保存的15位有效数字，表中显示为舍入后的值"},
	{"the filings are exact; for totals this large choose the other unit with --unit", "申报文件中的金额是精确的；金额这么大时请用 --unit 改选另一种金额单位"},
}
