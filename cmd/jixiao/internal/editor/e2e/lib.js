// What the browser scripts of `make e2e` share: where the repository, the
// binary (JIXIAO_BIN) and Debian's Chromium (CHROMIUM) are, Chromium's
// flags (nothing downloads a browser, nothing reaches the network), and
// starting `jixiao serve --no-browser` on a folder.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");

const repo = path.resolve(__dirname, "../../../../..");
const bin = path.resolve(repo, process.env.JIXIAO_BIN || "bin/jixiao");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const sample = path.join(repo, "data/hebei/shanhaiguan-wxb-2024.toml");
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// serve starts the editor on dir (with env added to this process's) and
// resolves to the process and the address it prints.
function serve(dir, env) {
  const proc = spawn(bin, ["serve", "--no-browser", dir], {
    stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout });
    lines.once("line", (url) => resolve({ proc, url }));
    proc.once("exit", (code) => reject(new Error("jixiao serve exited with " + code)));
  });
}

// session runs body on the browser's page, then closes the browser, stops
// the editor and removes the work folder; on a failure it first saves the
// whole page as $TMPDIR/jixiao-NAME-failure.png.
async function session(name, { context, proc, work }, body) {
  try {
    await body(context.pages()[0] || await context.newPage());
  } catch (e) {
    const shot = path.join(os.tmpdir(), `jixiao-${name}-failure.png`);
    await context.pages()[0].screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.error(`${name}: the page at the failure: ${shot}`);
    throw e;
  } finally {
    await context.close();
    proc.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { repo, bin, browserPath, sample, flags, serve, session };
