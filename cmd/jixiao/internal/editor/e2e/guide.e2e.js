// The screenshots of the user guide (docs/用户手册.md), taken from the
// editor as it is so that they never go stale: `jixiao serve --no-browser`
// on a copy of the Hebei sample and its data workbook, in headless
// Chromium at a fixed window size, with fixed file dates. It walks the
// guide's path (open a filing, see a finding beside its field, fix it,
// see the preview, build), checking each step, and writes
// docs/images/guide-*.png.
//
// Run by `make e2e` after editor.e2e.js (JIXIAO_BIN names the binary),
// with the same playwright-core and Debian's Chromium (CHROMIUM, default
// /usr/bin/chromium); nothing downloads a browser.
"use strict";

const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { repo, bin, browserPath, sample, flags, serve, session } = require("./lib.js");

const images = path.join(repo, "docs/images");
// Text drawn the same way at every run.
const fontFlags = ["--font-render-hinting=none", "--force-color-profile=srgb"];
// The files the list shows, with the date it shows for them.
const filing = "网信办2024年绩效目标.toml";
const workbook = "网信办2024年填报.xlsx";
const fileDate = new Date("2024-12-20T09:30:00+08:00");

function step(msg) { console.log("guide: " + msg); }

// shoot saves the page (or one element of it) as docs/images/NAME.
async function shoot(page, name, element) {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(images, name);
  await (element || page).screenshot({ path: file, animations: "disabled", caret: "hide" });
  step("screenshot: " + path.relative(repo, file));
}

// below scrolls the element to the top of the window, below the sticky bar.
async function below(locator) {
  await locator.evaluate((el) => { el.scrollIntoView({ block: "start" }); window.scrollBy(0, -70); });
}

async function main() {
  if (!fs.existsSync(browserPath)) {
    console.log(`guide: SKIP: no Chromium at ${browserPath} (apt-get install chromium, or set CHROMIUM)`);
    return;
  }
  // A fixed folder, so that the list shows the same path at every run.
  const work = path.join(os.tmpdir(), "jixiao-guide");
  fs.rmSync(work, { recursive: true, force: true });
  const dir = path.join(work, "文档");
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(sample, path.join(dir, filing));
  const convert = spawnSync(bin, ["convert", sample, "-o", path.join(dir, workbook)], { encoding: "utf8" });
  assert.equal(convert.status, 0, "jixiao convert: " + convert.stderr);
  for (const f of [filing, workbook]) fs.utimesSync(path.join(dir, f), fileDate, fileDate);
  fs.mkdirSync(images, { recursive: true });

  const { proc, url } = await serve(dir, { TZ: "Asia/Shanghai" });
  const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: browserPath, headless: true, args: [...flags, ...fontFlags], acceptDownloads: true,
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "zh-CN", timezoneId: "Asia/Shanghai",
  });
  await session("guide", { context, proc, work }, async (page) => {
    page.setDefaultTimeout(15000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));

    step("the file list");
    await page.goto(url);
    await page.getByRole("button", { name: filing }).waitFor();
    await page.getByRole("button", { name: workbook }).waitFor();
    await page.getByText("修改于 2024-12-20 09:30").first().waitFor();
    await page.evaluate(() => { const n = document.getElementById("new-year"); n.value = "2025"; n.blur(); });
    await shoot(page, "guide-files.png");

    step("open the filing, change an amount: M1 beside the budget");
    await page.getByRole("button", { name: filing }).click();
    const budget = page.locator('[data-input="projects[1].budget"]');
    await budget.waitFor();
    await page.locator("#counts").getByText("错误 0 项").waitFor();
    await page.locator("#preview-pages img").first().waitFor();
    await budget.fill("120000.00");
    const finding = page.locator('[data-path="projects[1].budget"] .finding[data-code="M1"]');
    await finding.waitFor();
    assert.match(await finding.innerText(), /差额20000\.00元/);
    await budget.blur();
    await below(page.locator('[data-path="projects[1]"]'));
    await shoot(page, "guide-finding.png");

    step("fix it; the preview follows");
    await page.locator('[data-input="projects[1].other"]').fill("20000.00");
    await finding.waitFor({ state: "detached" });
    await page.locator("#counts").getByText("错误 0 项").waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll("#preview-pages img")].some((i) => i.alt.includes("20000.00")));
    // The page of the project edited, which shows the new amounts.
    await page.evaluate(() => {
      const img = [...document.querySelectorAll("#preview-pages img")].find((i) => i.alt.includes("20000.00"));
      img.scrollIntoView({ block: "start" });
      window.scrollBy(0, -70); // below the sticky bar
    });
    await shoot(page, "guide-preview.png");

    step("build the report");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存 " + filing).waitFor();
    await page.getByRole("button", { name: "生成报告" }).click();
    const pdfName = filing.replace(/\.toml$/, ".pdf");
    await page.getByRole("link", { name: "下载 " + pdfName }).waitFor();
    assert.ok(fs.existsSync(path.join(dir, pdfName)), "the PDF is in the folder");
    await page.locator("#outputs").evaluate((el) => el.scrollIntoView({ block: "end" }));
    await shoot(page, "guide-build.png");

    step("a workbook: its findings by sheet and cell");
    await page.getByRole("button", { name: "文件列表" }).click();
    await page.getByRole("button", { name: workbook }).click();
    await page.getByText("这是 Excel/WPS 工作簿").waitFor();
    await page.locator("#summary-list").getByText("（绩效指标!E2）").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "guide-workbook.png");

    assert.deepEqual(errors, [], "no script errors");
    step("passed");
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
