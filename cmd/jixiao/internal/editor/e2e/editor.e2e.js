// End-to-end test of `jixiao serve` in headless Chromium, walking the path
// of an officer who never used a terminal: open the sample, see a seeded
// error beside its field, fix it by following the message, add an
// indicator from the drop-downs, save, build and download the PDF.
//
// Run by `make e2e` (JIXIAO_BIN names the binary). It uses Debian's
// Chromium (CHROMIUM, default /usr/bin/chromium) through playwright-core;
// nothing downloads a browser. It writes the screenshot the user guide
// uses to docs/images/editor-finding.png.
"use strict";

const assert = require("node:assert/strict");
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");
const { chromium } = require("playwright-core");

const repo = path.resolve(__dirname, "../../../../..");
const bin = path.resolve(repo, process.env.JIXIAO_BIN || "bin/jixiao");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const sample = path.join(repo, "data/hebei/shanhaiguan-wxb-2024.toml");
const screenshot = path.join(repo, "docs/images/editor-finding.png");
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function step(msg) { console.log("e2e: " + msg); }

// serve starts the editor on dir and resolves to its address.
function serve(dir) {
  const proc = spawn(bin, ["serve", "--no-browser", dir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout });
    lines.once("line", (url) => resolve({ proc, url }));
    proc.once("exit", (code) => reject(new Error("jixiao serve exited with " + code)));
  });
}

async function main() {
  if (!fs.existsSync(browserPath)) {
    console.log(`e2e: SKIP: no Chromium at ${browserPath} (apt-get install chromium, or set CHROMIUM)`);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-"));
  const dir = path.join(work, "文件");
  fs.mkdirSync(dir);
  const file = path.join(dir, "shanhaiguan-wxb-2024.toml");
  fs.copyFileSync(sample, file);
  const original = fs.readFileSync(file, "utf8");
  const { proc, url } = await serve(dir);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/, "the address line");
  const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: browserPath, headless: true, args: flags, acceptDownloads: true,
    viewport: { width: 1280, height: 900 }, locale: "zh-CN",
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(15000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => { if (!r.url().startsWith(url.slice(0, url.indexOf("/?")))) errors.push("request outside the editor: " + r.url()); });

    step("open the sample from the list");
    await page.goto(url);
    assert.ok(!page.url().includes("token="), "the token is removed from the address bar");
    await page.getByText("关闭启动它的黑色命令窗口").waitFor();
    await page.getByRole("button", { name: "shanhaiguan-wxb-2024.toml" }).click();
    const budget = page.locator('[data-input="projects[1].budget"]');
    await budget.waitFor();
    assert.equal(await budget.inputValue(), "100000.00");
    await page.locator("#counts").getByText("错误 0 项").waitFor();

    await page.locator("#preview-pages img").first().waitFor();
    await page.evaluate(() => { window.previewText = () => [...document.querySelectorAll("#preview-pages img")].map((i) => i.alt).join("\n"); });
    const before = await page.evaluate(() => previewText());
    assert.match(before, /项目支出绩效目标申报表|绩效目标/, "the preview shows the report's pages");
    assert.equal(await page.locator("#preview-pages img").count(), 5, "the sample's five pages");
    assert.ok(!(await page.locator("#preview-note").isVisible()), "no draft note on a filing without errors");

    step("focus a field of project 2: the preview scrolls to the page where its table starts");
    // Where item starts in the preview (the first of its places, which the
    // page has from the server), and whether the pane shows that spot.
    await page.evaluate(() => {
      window.shown = (item) => {
        const pane = document.querySelector("#preview-pages");
        const b = preview.data.places[item][0];
        const s = pane.querySelectorAll(".sheet")[b.page];
        const y = s.offsetTop + s.offsetHeight * b.y / preview.data.height;
        return { followed: pane.dataset.item, page: s.dataset.page, alt: s.querySelector("img") && s.querySelector("img").alt, scroll: pane.scrollTop,
          visible: y >= pane.scrollTop && y + 20 <= pane.scrollTop + pane.clientHeight };
      };
    });
    let at = await page.evaluate(() => shown("projects[2]"));
    assert.ok(at.scroll === 0 && !at.visible, "the preview starts at the first page, project 2 out of view");
    await page.locator('[data-input="projects[2].name"]').focus();
    at = await page.evaluate(() => shown("projects[2]"));
    assert.equal(at.followed, "projects[2]");
    assert.equal(at.page, "5", "project 2's table starts on page 5 (its printed page 4)");
    assert.match(at.alt, /2、网络阵地建设和内容管理绩效目标表/);
    assert.equal(await page.locator("#preview-pages .focus").count(), 1, "the name's cell is outlined");
    assert.ok(at.visible, "the pane shows where project 2 starts");
    await page.locator('[data-input="overall[2].text"]').focus();
    at = await page.evaluate(() => shown("overall[2]"));
    assert.equal(at.followed, "overall[2]");
    assert.equal(at.page, "2", "section 2 (分项绩效目标) starts on page 2");
    assert.ok(at.visible, "the pane shows where section 2 starts");

    step("change an amount so that M1 fires, and see the message beside the field");
    await budget.fill("120000.00");
    const finding = page.locator('[data-path="projects[1].budget"] .finding[data-code="M1"]');
    await finding.waitFor();
    const text = await finding.innerText();
    assert.match(text, /错误\[M1\]：预算数120000\.00元应等于财政资金100000\.00元与其他资金0\.00元之和（差额20000\.00元）/);
    assert.match(text, /提示：请核对金额，使预算数 = 财政资金 \+ 其他资金/);
    assert.match(await page.locator("#counts").innerText(), /错误 1 项/);

    step("the preview of a filing with an error: a draft, marked where the error is");
    await page.locator("#preview-note").getByText("有错误，此预览仅供参考，不能生成报告").waitFor();
    const mark = page.locator('#preview-pages .mark[data-code="M1"]');
    await mark.first().waitFor();
    assert.equal(await mark.first().getAttribute("data-item"), "projects[1].budget", "the mark is on the budget's cell");
    assert.match(await mark.first().getAttribute("title"), /错误\[M1\]/);
    assert.equal(await mark.first().evaluate((m) => m.closest(".sheet").dataset.page), "4", "marked on project 1's page");
    await page.waitForFunction(() => previewText().includes("120000.00"), null, { timeout: 5000 });
    step("a click on the mark leads to the field; a click on the finding in the list too");
    await page.locator('[data-input="department.name"]').focus();
    await mark.first().click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.input), "projects[1].budget");
    await page.locator('[data-input="department.name"]').focus();
    await page.locator("#summary-list li").filter({ hasText: "M1" }).click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.input), "projects[1].budget");
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.evaluate(async () => {
      document.querySelector('[data-path="projects[1]"]').scrollIntoView({ block: "start" });
      window.scrollBy(0, -70); // below the sticky bar
      await document.fonts.ready;
    });
    await page.screenshot({ path: screenshot });
    step("screenshot: " + path.relative(repo, screenshot));

    step("fix it as the message says: the difference goes into 其他资金");
    const diff = text.match(/差额([\d.]+)元/)[1];
    await page.locator('[data-input="projects[1].other"]').fill(diff);
    await finding.waitFor({ state: "detached" });
    await page.locator("#counts").getByText("错误 0 项").waitFor();

    step("the preview follows: its pages' text changes with the amounts");
    await page.waitForFunction((old) => previewText() !== old, before);
    await page.locator("#preview-note").waitFor({ state: "hidden" });
    assert.equal(await mark.count(), 0, "no marks once fixed");
    const previewShot = path.join(repo, "docs/images/editor-preview.png");
    await page.locator('[data-input="projects[1].other"]').focus();
    await page.evaluate(async () => {
      document.querySelector('[data-path="projects[1]"]').scrollIntoView({ block: "start" });
      window.scrollBy(0, -70); // below the sticky bar
      await document.fonts.ready;
    });
    await page.screenshot({ path: previewShot });
    step("screenshot: " + path.relative(repo, previewShot));

    step("add an indicator from the drop-downs");
    const project = page.locator('[data-path="projects[1]"]');
    await project.getByRole("button", { name: "添加指标" }).click();
    const row = page.locator('[data-path="projects[1].indicators[4]"]');
    await row.locator('[data-input="projects[1].indicators[4].level1"]').selectOption("产出指标");
    const level2 = row.locator('[data-input="projects[1].indicators[4].level2"]');
    const options = await level2.locator("option").allInnerTexts();
    assert.deepEqual(options, ["（请选择）", "数量指标", "质量指标", "时效指标", "成本指标"], "二级 choices follow 一级");
    await level2.selectOption("数量指标");
    await row.locator('[data-input="projects[1].indicators[4].name"]').fill("舆情专报数量");
    await row.locator('[data-input="projects[1].indicators[4].description"]').fill("全年编发舆情专报。");
    await row.locator('[data-input="projects[1].indicators[4].value"]').fill("≥12期");
    await page.locator("#counts").getByText("错误 0 项").waitFor();

    step("save, and read the file back");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存 shanhaiguan-wxb-2024.toml").waitFor();
    const saved = fs.readFileSync(file, "utf8");
    assert.equal(fs.readFileSync(file + ".bak", "utf8"), original, "the previous version is kept as .bak");
    const expected = original
      .replace("budget = 100000.00          # 预算数", "budget = 120000.00          # 预算数")
      .replace(/(goals = \["弘扬主旋律[^\n]*\n)/, "$1other = 20000.00\n")
      .replace(/(  name = "广大群众满意度"[\s\S]*?# basis = [^\n]*\n)/,
        "$1\n  [[projects.indicators]]\n  level1 = \"产出指标\"\n  level2 = \"数量指标\"\n  name = \"舆情专报数量\"\n  description = \"全年编发舆情专报。\"\n  value = \"≥12期\"\n");
    assert.equal(saved, expected, "the saved file is the original with exactly the edits, comments kept");
    const check = spawnSync(bin, ["check", file], { encoding: "utf8" });
    assert.equal(check.status, 0, "jixiao check of the saved file: " + check.stderr);

    step("build the report and download the PDF");
    await page.getByRole("button", { name: "生成报告" }).click();
    const link = page.getByRole("link", { name: "下载 shanhaiguan-wxb-2024.pdf" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const pdf = path.join(work, "downloaded.pdf");
    await download.saveAs(pdf);
    assert.equal(download.suggestedFilename(), "shanhaiguan-wxb-2024.pdf");
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
    const pdftotext = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    if (pdftotext.error) {
      step("pdftotext missing: the PDF's text is not read back");
    } else {
      const words = pdftotext.stdout.replace(/\s+/g, "");
      for (const w of ["舆情专报数量", "≥12期", "120000.00", "20000.00"]) {
        assert.ok(words.includes(w), `the PDF shows ${w}`);
      }
    }
    step("move the first project down and save: the projects swap with their comments");
    await page.locator('[data-path="projects[1]"] .item-head').getByTitle("下移").click();
    await page.locator('[data-path="projects[1]"] h3').getByText("项目1：网络阵地建设和内容管理").waitFor();
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存 shanhaiguan-wxb-2024.toml").waitFor();
    const i1 = saved.indexOf("[[projects]]"), i2 = saved.indexOf("[[projects]]", i1 + 1);
    const first = saved.slice(i1, i2).replace(/\n+$/, "\n");
    const gap = saved.slice(i1 + first.length, i2);
    assert.equal(fs.readFileSync(file, "utf8"), saved.slice(0, i1) + saved.slice(i2) + gap + first);
    assert.equal(spawnSync(bin, ["check", file]).status, 0, "jixiao check of the reordered file");
    step("a workbook: opened with its findings by sheet and cell, an amount changed and saved into its cell");
    const workbook = path.join(dir, "填报.xlsx");
    const convert = spawnSync(bin, ["convert", sample, "-o", workbook], { encoding: "utf8" });
    assert.equal(convert.status, 0, "jixiao convert: " + convert.stderr);
    const workbookWas = fs.readFileSync(workbook);
    await page.getByRole("button", { name: "文件列表" }).click();
    await page.getByRole("button", { name: "填报.xlsx" }).click();
    await page.getByText("这是 Excel/WPS 工作簿").waitFor();
    await page.locator("#summary-list").getByText("（绩效指标!E2）").waitFor();
    const wbBudget = page.locator('[data-input="projects[2].budget"]');
    assert.ok(await wbBudget.isEditable(), "a workbook's fields are editable");
    await wbBudget.fill("999999999999.99");
    const m1 = page.locator('[data-path="projects[2].budget"] .finding[data-code="M1"]');
    await m1.waitFor();
    await page.locator("#summary-list").getByText("（项目!C3）").waitFor();
    await page.locator('[data-input="projects[2].fiscal"]').fill("999999999999.99");
    await m1.waitFor({ state: "detached" });
    await page.locator("#counts").getByText("错误 0 项").waitFor();
    const workbookShot = path.join(repo, "docs/images/editor-workbook.png");
    await page.evaluate(async () => {
      document.querySelector('[data-path="projects[2]"]').scrollIntoView({ block: "start" });
      window.scrollBy(0, -120); // below the sticky bar and the message
      await document.fonts.ready;
    });
    await page.screenshot({ path: workbookShot });
    step("screenshot: " + path.relative(repo, workbookShot));
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存 填报.xlsx").waitFor();
    assert.ok(fs.readFileSync(workbook + ".bak").equals(workbookWas), "the previous workbook is kept as .bak");
    const back = path.join(work, "back.toml");
    const readBack = spawnSync(bin, ["convert", workbook, "-o", back], { encoding: "utf8" });
    assert.equal(readBack.status, 0, "jixiao convert of the saved workbook: " + readBack.stderr);
    const backText = fs.readFileSync(back, "utf8");
    const second = backText.slice(backText.lastIndexOf("[[projects]]"));
    assert.match(second, /\nbudget = 999999999999\.99\n/, "the saved workbook holds the new budget");
    assert.match(second, /\nfiscal = 999999999999\.99\n/, "the saved workbook holds the new fiscal amount");
    assert.equal(spawnSync(bin, ["check", workbook]).status, 0, "jixiao check of the saved workbook");
    await page.getByRole("button", { name: "生成报告" }).click();
    await page.getByRole("link", { name: "下载 填报.pdf" }).waitFor();
    assert.ok(fs.existsSync(path.join(dir, "填报.pdf")), "the workbook's report is in the folder");

    step("a filing of 60 projects: the pages far from the view are drawn as they come into view");
    const start = original.indexOf("[[projects]]");
    const block = original.slice(start, original.indexOf("[[projects]]", start + 1));
    let many = original.slice(0, start);
    for (let i = 1; i <= 60; i++) {
      many += block.replace('code = "224-0501-JBN-BOVO"', `code = "224-0501-JBN-${String(i).padStart(4, "0")}"`)
        .replace('name = "网络舆情综合管理"', `name = "网络舆情综合管理第${i}项"`) + "\n";
    }
    fs.writeFileSync(path.join(dir, "六十个项目.toml"), many);
    await page.getByRole("button", { name: "文件列表" }).click();
    await page.getByRole("button", { name: "六十个项目.toml" }).click();
    await page.locator("#preview-pages .sheet").nth(20).waitFor({ state: "attached" });
    const pages = await page.locator("#preview-pages .sheet").count();
    assert.ok(pages > 60, `${pages} pages`);
    assert.ok(await page.locator("#preview-pages .sheet.lazy").count() > 40, "the pages far from the view wait to be drawn");
    await page.locator('[data-input="projects[50].name"]').focus();
    at = await page.evaluate(() => shown("projects[50]"));
    assert.ok(at.visible && at.followed === "projects[50]", "the pane shows project 50");
    await page.waitForFunction((n) => {
      const s = document.querySelectorAll("#preview-pages .sheet")[n - 1];
      return s && s.querySelector("img") && s.querySelector("img").alt.includes("网络舆情综合管理第50项");
    }, Number(at.page));
    const bigShot = path.join(os.tmpdir(), "jixiao-e2e-sixty.png");
    await page.screenshot({ path: bigShot });
    step("screenshot: " + bigShot);
    assert.deepEqual(errors, [], "no script errors and no request outside the editor");
    step("passed");
  } catch (e) {
    const shot = path.join(os.tmpdir(), "jixiao-e2e-failure.png");
    await context.pages()[0].screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.error("e2e: the page at the failure: " + shot);
    throw e;
  } finally {
    await context.close();
    proc.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
