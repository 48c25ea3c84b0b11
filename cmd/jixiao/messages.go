package main

import "github.com/jixiao-dev/jixiao/render/diag"

// The command's own messages join the catalog of diag, in which the
// pipeline's findings are, so that one printer speaks both.
func init() { diag.Register(messages) }

// messages pairs the command line's English messages (the catalog keys)
// with their Chinese texts.
var messages = [][2]string{
	{"unknown command %q", "未知命令“%s”"},
	{"permission denied (is the file open in another program, or the folder read-only?)", "没有写入权限（文件是否正被其他程序打开，或文件夹为只读？）"},
	{"the folder does not exist", "文件夹不存在"},
	{"a file or folder of that name is in the way", "已有同名的文件或文件夹"},
	{"the disk is full", "磁盘已满"},
	{"unknown language %q: use zh or en", "未知的语言“%s”：请使用 zh 或 en"},
	{"name a command: build, check, new, convert, summary, templates, serve or help", "请指定命令：build、check、new、convert、summary、templates、serve 或 help"},
	{"the workbook to write, e.g. 汇总.xlsx", "要写入的工作簿，如 汇总.xlsx"},
	{"money unit of the summary: 元 or 万元", "汇总表的金额单位：元 或 万元"},
	{"name the filings and the workbook to write: jixiao summary FILE|FOLDER… -o 汇总.xlsx", "请指定申报文件和要写入的工作簿：jixiao summary 文件|文件夹… -o 汇总.xlsx"},
	{"the output %s is one of the inputs; name another file", "输出文件 %s 是输入文件之一；请另选文件名"},
	{"some filings have errors: the workbook lists them in its 说明 column; run jixiao check on them", "部分申报文件有错误：已列在工作簿的“说明”栏；请用 jixiao check 检查这些文件"},
	{"address to listen on (default: loopback, a free port)", "监听地址（默认：本机回环地址，任一空闲端口）"},
	{"do not open the browser", "不自动打开浏览器"},
	{"allow an --addr other than loopback (anyone who has the address with its token can edit the files)", "允许 --addr 使用本机回环以外的地址（任何拿到地址和令牌的人都能修改文件）"},
	{"name one folder: jixiao serve [DIR]", "请只指定一个文件夹：jixiao serve [文件夹]"},
	{"press Enter to close this window", "按回车键关闭此窗口"},
	{"%s is not a loopback address; add --public to serve the network (anyone who has the address with its token can edit the files)", "%s 不是本机回环地址；如确需向网络提供服务，请加 --public（任何拿到地址和令牌的人都能修改文件）"},
	{"cannot listen on %s: %v", "无法在 %s 上监听：%v"},
	{"--addr %s names no address: give the address the others will open, e.g. --addr 192.168.1.5:8080", "--addr %s 没有指明地址：请给出别人访问时使用的地址，如 --addr 192.168.1.5:8080"},
	{"warning: serving %s to the network; anyone who has the address with its token can read and change the filings in %s", "警告：正在向网络提供 %s；任何拿到地址和令牌的人都能读取和修改 %s 中的申报文件"},
	{"cannot open the folder %s: %v", "无法打开文件夹 %s：%v"},
	{"the editor is open in your browser at the address above (folder %s); close this window or press Ctrl+C to stop it", "编辑器已在浏览器中打开，地址见上一行（文件夹 %s）；关闭此窗口或按 Ctrl+C 即可停止"},
	{"cannot open the browser (%v): open the address above in it", "无法打开浏览器（%v）：请手动在浏览器中打开上面的地址"},
	{"the editor stopped: %v", "编辑器已停止：%v"},
	{"the editor has stopped; the files it saved are in %s", "编辑器已停止；保存的文件在 %s"},
	{"run jixiao %s -h for its options", "运行 jixiao %s -h 查看可用选项"},
	{"unknown option %s", "未知的选项 %s"},
	{"option %s: invalid value %q", "选项 %s 的值“%s”无效"},
	{"option %s needs a value", "选项 %s 需要一个值"},
	{"options of jixiao %s:", "jixiao %s 的选项："},
	{"jixiao %s takes no arguments, got %q", "jixiao %s 不接受参数，却收到“%s”"},
	{"two filings would both be written to %s; build them into different folders", "两个申报文件会写入同一个输出 %s；请分别输出到不同的文件夹"},
	{"message language: zh or en (default from LANG, else zh)", "提示信息语言：zh 或 en（默认按 LANG，否则为中文）"},
	{"folder of extra form templates (also JIXIAO_TEMPLATES)", "附加表式模板所在文件夹（也可用环境变量 JIXIAO_TEMPLATES）"},
	{"name at least one filing: jixiao %s FILE.toml", "请至少指定一个申报文件：jixiao %s 文件.toml"},
	{"output folder (default: beside each input); - writes one file to standard output", "输出文件夹（默认与输入文件相同）；- 表示写到标准输出"},
	{"-o - writes to standard output: name one filing and one format, e.g. --format pdf", "-o - 表示写到标准输出：只能指定一个申报文件和一种格式，如 --format pdf"},
	{"output formats, comma-separated: pdf, docx, xlsx", "输出格式，逗号分隔：pdf、docx、xlsx"},
	{"unknown format %q: use pdf, docx, xlsx or a list such as pdf,docx", "未知的输出格式“%s”：请使用 pdf、docx、xlsx，或如 pdf,docx 的列表"},
	{"make Word update the DOCX's table of contents when it opens the file (it asks first)", "让 Word 打开 DOCX 时更新目录等域（会先询问用户）"},
	{"cannot create the output folder: %v", "无法创建输出文件夹：%v"},
	{"--format names no format: use pdf, docx, xlsx or a list such as pdf,docx", "--format 未指定输出格式：请使用 pdf、docx、xlsx，或如 pdf,docx 的列表"},
	{"SOURCE_DATE_EPOCH=%s is not a time from 1980 to 9999 in seconds since 1970-01-01 UTC; unset it or correct it", "SOURCE_DATE_EPOCH=%s 不是1980年至9999年之间的时间（自1970-01-01 UTC起的秒数），请删除或更正该环境变量"},
	{"the output %s would replace the input %s; rename the input or write elsewhere with -o DIR", "输出文件 %s 将覆盖输入文件 %s，请重命名输入文件，或用 -o DIR 输出到其他文件夹"},
	{"another jixiao run is writing the same file now; wait for it to finish, then run again", "另一个 jixiao 正在写入同一文件，请等其完成后再运行"},
	{"stopped by %v: %d unfinished output files removed; files written before are unchanged", "已被 %v 中止：已删除%d个未写完的输出文件，此前的文件未改动"},
	{"%s: cannot render: %v", "%s：无法生成：%v"},
	{"%s: cannot write %s: %v", "%s：无法写入 %s：%v"},
	{"form template of the new filing", "新申报文件使用的表式模板"},
	{"budget year", "预算年度"},
	{"write the PDF as PDF/A-3b, for archiving", "将 PDF 生成为 PDF/A-3b 归档格式"},
	{"toml or xlsx (default: from the extension of -o, else toml)", "toml 或 xlsx（默认按 -o 文件的扩展名，否则为 toml）"},
	{"the file to write (default: standard output, for toml only)", "要写入的文件（默认写到标准输出，仅限 toml）"},
	{"replace the output file if it exists", "输出文件已存在时覆盖它"},
	{"unknown format %q: a filing is written as .toml or .xlsx", "未知的格式“%s”：申报文件可写为 .toml 或 .xlsx"},
	{"a workbook is written to a file: add -o FILE.xlsx", "工作簿须写入文件：请加上 -o 文件.xlsx"},
	{"%s exists; it is not replaced (add --force to replace it)", "%s 已存在，未覆盖（如需覆盖请加 --force）"},
	{"the file to write: FILE.toml or FILE.xlsx", "要写入的文件：文件.toml 或 文件.xlsx"},
	{"name one filing and the file to write: jixiao convert IN -o OUT (.toml or .xlsx)", "请指定一份申报文件和要写入的文件：jixiao convert 输入 -o 输出（.toml 或 .xlsx）"},
	{"the output %s is the input; name another file", "输出文件 %s 就是输入文件，请换一个文件名"},
	{"PDF faces: auto (the office faces installed, else the embedded ones) or embedded (the same bytes on every machine; also JIXIAO_FONTS)", "PDF字体：auto（优先使用本机安装的公文字体，否则用内置字体）或 embedded（只用内置字体，各机器输出完全相同；也可用环境变量 JIXIAO_FONTS）"},
	{"folder searched first for the office faces (仿宋_GB2312.ttf, simhei.ttf…)", "优先查找公文字体（仿宋_GB2312.ttf、simhei.ttf 等）的文件夹"},
	{"two-sided printing: the body and each part start on a right-hand page (default: the template's)", "双面打印：正文和每一部分都从右手页（奇数页）开始（默认按模板设置）"},
	{"--font-dir has no effect with --fonts embedded; drop one of them", "--font-dir 与 --fonts embedded 不能同时使用；请去掉其中一个"},
	{"%s: unknown value %q: use auto or embedded", "%s：未知的取值“%s”：请使用 auto 或 embedded"},
	{"--font-dir %s: not a folder", "--font-dir %s：不是文件夹"},
	{"filings built at once (default: the number of CPUs)", "同时生成的申报文件数（默认为 CPU 核数）"},
	{"no filing found in %s (looked for %s files)", "在 %s 中没有找到申报文件（查找的是 %s 文件）"},
	{"cannot search the folder %s: %v", "无法查找文件夹 %s：%v"},
	{"[%d/%d] building %s", "[%d/%d] 正在生成 %s"},
	{"built", "已生成"},
	{"failed", "失败"},
	{"%d filings: %d built, %d failed", "共 %d 份申报文件：%d 份已生成，%d 份失败"},
	// jixiao diff.
	{"output format: text or xlsx (the change table)", "输出格式：text（文本）或 xlsx（调整对照表）"},
	{"output file (default: standard output; xlsx needs a file)", "输出文件（默认输出到屏幕；xlsx 须指定文件）"},
	{"name two filings: jixiao diff OLD.toml NEW.toml", "请指定两份申报文件：jixiao diff 调整前.toml 调整后.toml"},
	{"unknown format %q: use text or xlsx", "未知的输出格式“%s”：请使用 text 或 xlsx"},
	{"--format xlsx writes a workbook: name it with -o FILE.xlsx", "--format xlsx 生成工作簿：请用 -o 文件.xlsx 指定文件名"},
	{"cannot write %s: %v", "无法写入 %s：%v"},

	// jixiao archive and verify.
	{"archive folder: each year goes into DIR/<year>/", "归档文件夹：每个年度存入 目录/<年度>/"},
	{"name the archive folder and the filings: jixiao archive -o DIR FILE.toml|FOLDER...", "请指定归档文件夹和申报文件：jixiao archive -o 目录 文件.toml|文件夹..."},
	{"cannot read %s: %v", "无法读取 %s：%v"},
	{"no filings (%s) found in %s", "没有找到申报文件（%s）：%s"},
	{"%s: archived files changed since the manifest, so nothing was written: %s; run jixiao verify %s", "%s：已归档的文件与清单不符，未写入任何内容：%s；请运行 jixiao verify %s 核查"},
	{"%s and %s are the same department and year (%s); archive one of them", "%s 与 %s 是同一单位同一年度（%s），请只归档其中一份"},
	{"%s: the manifest cannot be read (%v); the folder is left as it is", "%s：无法读取归档清单（%v），文件夹保持原样"},
	{"cannot write the archive: %v", "无法写入归档：%v"},
	{"nothing was archived: correct the filings above and run again", "未归档任何文件：请修正上述申报文件后重新运行"},
	{"also rebuild every PDF and DOCX from its archived source and compare the bytes", "同时用归档的源文件重新生成每份 PDF 和 DOCX，并逐字节比对"},
	{"name an archived year: jixiao verify DIR/2024", "请指定归档年度文件夹：jixiao verify 目录/2024"},
	{"%s was archived by jixiao %s and is rebuilt by %s: a difference may come from the version", "%s 由 jixiao %s 归档，现用 %s 重新生成：如有差异，可能来自版本不同"},
	{"added: %s (not in the manifest)", "多出：%s（清单中没有）"},
	{"missing: %s", "缺少：%s"},
	{"changed: %s (manifest: %s bytes, SHA-256 %s; now: %s bytes, SHA-256 %s)", "已改动：%s（清单记录 %s 字节，SHA-256 %s；现为 %s 字节，SHA-256 %s）"},
	{"rebuilt differently: %s", "重新生成的结果不同：%s"},
	{"cannot rebuild from %s: %v", "无法用 %s 重新生成：%v"},
	{"%s: problems found: %s", "%s：共发现 %s 处问题"},
	{"%s has no %s: name the folder of one archived year, e.g. DIR/2024", "%s 中没有 %s：请指定归档中某一年度的文件夹，如 目录/2024"},
	{"%s: all %s files as archived; %s reports rebuilt to the same bytes", "%s：%s 个文件均与归档时一致；%s 份报告重新生成后逐字节相同"},
	{"%s: all %s files as archived", "%s：%s 个文件均与归档时一致"},
	{"archives use only the fonts inside jixiao; template %s draws with %s", "归档只能使用 jixiao 内置字体；模板 %s 使用了字体 %s"},
	{usageText, usageTextZH},
}

// usageText is the command line's help text (its catalog key).
const usageText = `jixiao: budget performance report generator (部门整体绩效目标 / 预算项目绩效目标)

usage:
  jixiao new --template NAME [--year Y] -o my.xlsx          write the workbook to fill in for a form (-o my.toml: a TOML starter)
  jixiao check FILE|FOLDER...                               validate filings (.xlsx or .toml), print every finding
  jixiao build [-o DIR|-] [--format pdf,docx] [-j N] FILE|FOLDER...
                                                            render each filing to PDF and DOCX; a folder's filings
                                                            are built into the same tree under DIR, N at a time
                                                            (default: the number of CPUs; -o -: one file to stdout)
  jixiao convert IN -o OUT                                  convert a filing between .toml and .xlsx
  jixiao templates                                          list the form templates
  jixiao summary FILE|FOLDER... -o 汇总.xlsx [--unit 元|万元]
                                                            a bureau's summary workbook of many filings
  jixiao serve [--addr A] [--no-browser] [DIR]              edit the filings of DIR in the browser (local, offline)
  jixiao diff [--format xlsx -o FILE] OLD NEW               what changed between two versions of a filing
  jixiao archive -o DIR FILE|FOLDER...                      keep each filing in DIR/<year>/ (source, PDF/A, DOCX, manifest)
  jixiao verify [--rebuild] DIR/<year>...                   check an archived year against its manifest

options of build:
  --fonts auto|embedded  PDF faces: the office faces installed here (仿宋_GB2312, 黑体…) where their
                         licence allows, else the embedded ones; embedded: the same bytes on every
                         machine (also JIXIAO_FONTS=embedded)
  --font-dir DIR         a folder searched first for the office faces
  --duplex               two-sided printing: the body and each part start on a right-hand page
  --format xlsx          also the report's tables as a workbook, FILE-绩效目标表.xlsx
  --pdfa                 write the PDF as PDF/A-3b, for archiving
  --update-fields        have Word update the table of contents when it opens the DOCX

a filing may also be last year's Word report (.docx), e.g. jixiao convert report.docx -o my.xlsx

options (every command):
  --lang zh|en       message language (default: from LC_ALL, LC_MESSAGES or LANG, else Chinese)
  --templates DIR    folder of extra or overriding form templates (also JIXIAO_TEMPLATES)
  -h                 the options of one command, e.g. jixiao build -h

exit codes: 0 success (warnings allowed), 1 the filing has errors, 2 usage or I/O problem
  (diff: 0 the same, 1 different, 2 a filing cannot be read; verify: 1 files changed, 2 no manifest)

example:
  jixiao new --template hebei -o my.xlsx      (fill it in in Excel or WPS, then)
  jixiao build my.xlsx
  jixiao build -o out filings/                (every filing under filings/, into out/filings/…)
`

const usageTextZH = `jixiao：预算绩效目标报告生成工具（部门整体绩效目标 / 预算项目绩效目标）

用法：
  jixiao new --template 名称 [--year 年度] -o 填报.xlsx     生成某表式的填报工作簿（-o 文件.toml：TOML 样板）
  jixiao check 文件|文件夹...                               校验申报文件（.xlsx 或 .toml），列出全部问题
  jixiao build [-o 目录|-] [--format pdf,docx] [-j N] 文件|文件夹...
                                                            将每份申报文件生成 PDF 和 DOCX；文件夹中的申报文件按原有
                                                            目录结构输出到“目录”下，同时生成 N 份（默认为 CPU 核数；
                                                            -o - 输出到标准输出）
  jixiao convert 输入 -o 输出                               在 .toml 与 .xlsx 之间转换申报文件
  jixiao templates                                          列出可用的表式模板
  jixiao summary 文件|文件夹... -o 汇总.xlsx [--unit 元|万元]
                                                            将多份申报文件汇总为一个工作簿
  jixiao serve [--addr 地址] [--no-browser] [文件夹]        在浏览器中编辑文件夹中的申报文件（本机、离线）
  jixiao diff [--format xlsx -o 文件] 调整前 调整后         比较申报文件两个版本的变动（调整对照表）
  jixiao archive -o 目录 文件|文件夹...                     按年度归档到 目录/<年度>/（源文件、PDF/A、DOCX、清单）
  jixiao verify [--rebuild] 目录/<年度>...                  按清单核验已归档的年度

build 的选项：
  --fonts auto|embedded  PDF字体：优先使用本机安装且授权允许嵌入的公文字体（仿宋_GB2312、黑体等），
                         否则用内置字体；embedded：只用内置字体，各机器输出完全相同
                         （也可用 JIXIAO_FONTS=embedded）
  --font-dir 目录        优先查找公文字体的文件夹
  --duplex               双面打印：正文和每一部分都从右手页（奇数页）开始
  --format xlsx          另将报告中的表格输出为工作簿“文件-绩效目标表.xlsx”
  --pdfa                 将 PDF 生成为 PDF/A-3b 归档格式
  --update-fields        让 Word 打开 DOCX 时更新目录

申报文件也可以是上年的 Word 报告（.docx），如 jixiao convert 报告.docx -o 填报.xlsx

通用选项：
  --lang zh|en       提示信息语言（默认按 LC_ALL、LC_MESSAGES 或 LANG 环境变量，否则为中文）
  --templates 目录   附加或覆盖表式模板的文件夹（也可用 JIXIAO_TEMPLATES）
  -h                 查看某个命令的选项，如 jixiao build -h

退出码：0 成功（可有警告），1 申报文件有错误，2 用法错误或文件读写问题
  （diff：0 相同，1 有变动，2 无法读取申报文件；verify：1 文件有改动，2 没有清单）

示例：
  jixiao new --template hebei -o 填报.xlsx    （在 Excel 或 WPS 中填写后）
  jixiao build 填报.xlsx
  jixiao build -o out 申报文件/               （申报文件/ 下的全部申报文件，输出到 out/申报文件/…）
`
