// The editor page: the list of filings, and one filing as a form whose
// findings (from the same checks as `jixiao check`) appear beside their
// fields as the user types. Plain browser JavaScript, no libraries.
"use strict";

const $ = (id) => document.getElementById(id);

const state = {
  doc: null,        // {file, hash, values, form, findings}
  templates: [],
  dirty: false,
  seq: 0,           // number of the latest check; older answers are dropped
  timer: 0,
};

const CHECK_DELAY = 300; // ms after the last keystroke

// PLACEHOLDER marks a value still to be filled in (budget.Placeholder): a
// new filing has it in every field. Such a field is shown empty with the
// mark as its placeholder, and keeps it until the user types.
const PLACEHOLDER = "（请填写）";

// show puts a value into an input, a placeholder mark as the input's
// placeholder text.
function show(input, value) {
  if (value === PLACEHOLDER && input.tagName !== "SELECT") {
    input.value = "";
    input.placeholder = PLACEHOLDER;
  } else {
    input.value = value || "";
  }
}

// h builds an element: h("div", {class: "x", onclick: f}, child, "text").
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c);
  }
  return el;
}

async function api(method, path, body) {
  const opt = { method, headers: {} };
  if (body !== undefined) {
    opt.headers["Content-Type"] = "application/json";
    opt.body = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch(path, opt);
  } catch (e) {
    return { ok: false, status: 0, data: { error: "连接不到编辑器：启动它的命令窗口可能已关闭。请重新启动 jixiao。" } };
  }
  let data = null;
  try { data = await r.json(); } catch (e) { data = { error: await r.text().catch(() => "") || ("错误 " + r.status) }; }
  return { ok: r.ok, status: r.status, data };
}

function say(text, bad) {
  const m = $("message");
  m.textContent = text;
  m.className = bad ? "bad" : "";
  m.hidden = !text;
}

// ---- the model: a budget.Table as JSON ----

function table(t) {
  t.values = t.values || {};
  t.lists = t.lists || {};
  t.tables = t.tables || {};
  t.arrays = t.arrays || {};
  return t;
}

function sub(t, key) {
  table(t);
  if (!t.tables[key]) t.tables[key] = {};
  return table(t.tables[key]);
}

function arr(t, key) {
  table(t);
  if (!t.arrays[key]) t.arrays[key] = [];
  return t.arrays[key];
}

function changed() {
  state.dirty = true;
  $("save-button").disabled = false;
  $("filename").textContent = state.doc.file + "（未保存）";
  clearTimeout(state.timer);
  state.timer = setTimeout(runCheck, CHECK_DELAY);
}

async function runCheck() {
  const doc = state.doc;
  const my = ++state.seq;
  const sheets = [...document.querySelectorAll("#preview-pages .sheet")];
  const have = sheets.map((s) => s.dataset.key);
  const r = await api("POST", "/api/check", { file: doc.file, hash: doc.hash, values: doc.values, have, view: inView(sheets) });
  if (my !== state.seq || doc !== state.doc) return;
  if (!r.ok) { say(r.data.error, true); return; }
  doc.findings = r.data.findings;
  showFindings();
  showFormulas(r.data.formulas);
  showPreview(r.data.preview);
}

// ---- preview ----

// The preview beside the form: the report's pages as the PDF prints them
// (SVG drawn by the server from the same layout), each image's alternative
// text the page's text. The server sends only the pages the page does not
// show already (by key). A filing with errors gets a draft, marked; one
// that cannot be read keeps the last pages, marked as old.
const preview = {
  data: null,   // the last preview: {draft, width, height, pages, places}
  item: "",     // the item the preview last scrolled to
  lazy: null,   // watches the pages not drawn yet (IntersectionObserver)
};

function showPreview(p) {
  const note = $("preview-note");
  if (!p) {
    if (preview.data) {
      note.textContent = "文件有无法读取的错误，预览未更新（下面是上一次的预览），不能生成报告。";
      note.hidden = false;
      $("preview-pages").classList.add("stale");
    }
    return;
  }
  const old = new Map();
  let missing = false;
  for (const s of document.querySelectorAll("#preview-pages .sheet")) old.set(s.dataset.key, s);
  const sheets = p.pages.map((pg, i) => {
    let s = old.get(pg.key);
    if (s) old.delete(pg.key);
    else if (pg.svg === undefined) {
      s = document.querySelector(`#preview-pages .sheet[data-key="${CSS.escape(pg.key)}"]`);
      s = s && s.cloneNode(true);
      if (s && s.classList.contains("lazy")) preview.lazy.observe(s);
    }
    if (s) {
      s.querySelectorAll(".mark, .focus").forEach((m) => m.remove());
    } else if (pg.lazy) {
      s = h("div", { class: "sheet lazy", "data-key": pg.key });
      preview.lazy.observe(s);
    } else if (pg.svg === undefined) {
      missing = true;
      return null;
    } else {
      s = h("div", { class: "sheet", "data-key": pg.key }, pageImage(pg));
    }
    s.dataset.page = String(i + 1);
    s.style.aspectRatio = `${p.width} / ${p.height}`; // its height before the image is decoded
    return s;
  });
  if (missing) { // a page the server took as shown is not: draw them all
    $("preview-pages").replaceChildren();
    runCheck();
    return;
  }
  for (const s of old.values()) preview.lazy.unobserve(s);
  $("preview-pages").replaceChildren(...sheets);
  $("preview-pages").classList.remove("stale");
  for (const k of Object.keys(p.places)) p.places[k] = p.places[k].map(([page, x, y, w, hh]) => ({ page, x, y, w, h: hh }));
  preview.data = p;
  note.textContent = "有错误，此预览仅供参考，不能生成报告。";
  note.hidden = !p.draft;
  $("preview").hidden = false;
  markPreview();
  const f = document.activeElement;
  if (f && f.dataset && f.dataset.input) followField(f.dataset.input, false);
}

function pageImage(pg) {
  return h("img", { class: "page", alt: pg.text, src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(pg.svg) });
}

// inView is the first and last page (0-based) the preview pane shows.
function inView(sheets) {
  const pane = $("preview-pages");
  const shown = sheets.map((s, i) => [s, i]).filter(([s]) =>
    s.offsetTop + s.offsetHeight > pane.scrollTop && s.offsetTop < pane.scrollTop + pane.clientHeight);
  return shown.length ? [shown[0][1], shown[shown.length - 1][1]] : undefined;
}

// drawLazy fetches the pages that came into view and were not drawn with
// the check (far from the view then).
async function drawLazy(entries) {
  for (const e of entries) {
    const s = e.target;
    if (!e.isIntersecting || !s.classList.contains("lazy") || s.dataset.loading) continue;
    s.dataset.loading = "1";
    const r = await api("GET", "/api/page?key=" + encodeURIComponent(s.dataset.key));
    delete s.dataset.loading;
    if (!r.ok || !s.isConnected) continue;
    s.classList.remove("lazy");
    preview.lazy.unobserve(s);
    s.prepend(pageImage(r.data));
  }
}

// placeOf is where the preview shows the field path: the table cells
// showing it, else (or, with items, always) the nearest enclosing
// indicator, project or section, whose paths end in "]".
function placeOf(path, items) {
  const places = preview.data ? preview.data.places : {};
  for (let p = path; p; p = parentPath(p)) {
    if (places[p] && (!items || p.endsWith("]"))) return { item: p, boxes: places[p] };
  }
  return null;
}

// box positions an element over a page at a box in mm.
function overPage(el, b) {
  const d = preview.data;
  Object.assign(el.style, {
    left: (100 * b.x / d.width) + "%", top: (100 * b.y / d.height) + "%",
    width: (100 * b.w / d.width) + "%", height: (100 * b.h / d.height) + "%",
  });
  return el;
}

// markPreview outlines on the pages the items that hold an error, each
// mark naming the findings and leading to the field on a click.
function markPreview() {
  document.querySelectorAll("#preview-pages .mark").forEach((m) => m.remove());
  const sheets = document.querySelectorAll("#preview-pages .sheet");
  const marks = new Map(); // item → its findings
  for (const f of (state.doc.findings || [])) {
    if (f.severity !== "error") continue;
    const pl = placeOf(f.path);
    if (!pl) continue;
    if (!marks.has(pl.item)) marks.set(pl.item, { boxes: pl.boxes, findings: [] });
    marks.get(pl.item).findings.push(f);
  }
  for (const [item, m] of marks) {
    const title = m.findings.map(findingText).join("\n");
    for (const b of m.boxes) {
      const sheet = sheets[b.page];
      if (!sheet) continue;
      sheet.append(overPage(h("div", { class: "mark", title, "data-item": item, "data-code": m.findings[0].code,
        onclick: (e) => { e.stopPropagation(); jump(m.findings[0].path); } }), b));
    }
  }
}

// followField scrolls the preview to where the item holding the field
// path starts, when it is another item than last time or out of view.
function followField(path, always) {
  showFocus(path);
  const pl = placeOf(path, true);
  if (!pl) return;
  const b = pl.boxes[0];
  const sheet = document.querySelectorAll("#preview-pages .sheet")[b.page];
  const pane = $("preview-pages");
  if (!sheet) return;
  const top = sheet.offsetTop + sheet.offsetHeight * b.y / preview.data.height;
  const bottom = top + sheet.offsetHeight * b.h / preview.data.height;
  const visible = top >= pane.scrollTop && Math.min(bottom, top + pane.clientHeight / 2) <= pane.scrollTop + pane.clientHeight;
  if ((always && pl.item !== preview.item) || !visible) {
    pane.scrollTo({ top: Math.max(0, top - 16), behavior: "instant" });
  }
  preview.item = pl.item;
  pane.dataset.item = pl.item;
}

// showFocus outlines on the pages the cells that show the field path.
function showFocus(path) {
  document.querySelectorAll("#preview-pages .focus").forEach((m) => m.remove());
  const pl = placeOf(path);
  if (!pl || pl.item !== path) return; // no cell shows the field itself
  const sheets = document.querySelectorAll("#preview-pages .sheet");
  for (const b of pl.boxes) {
    if (sheets[b.page]) sheets[b.page].append(overPage(h("div", { class: "focus" }), b));
  }
}

// A click on a page leads to the field of the item drawn there.
function clickPage(e) {
  const sheet = e.target.closest(".sheet");
  if (!sheet || !preview.data) return;
  const r = sheet.getBoundingClientRect();
  const x = (e.clientX - r.left) / r.width * preview.data.width;
  const y = (e.clientY - r.top) / r.height * preview.data.height;
  const page = Number(sheet.dataset.page) - 1;
  let best = null;
  for (const [item, boxes] of Object.entries(preview.data.places)) {
    for (const b of boxes) {
      if (b.page === page && x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h && (!best || item.length > best.length)) best = item;
    }
  }
  if (best) jump(best);
}

// ---- fields ----

const needs = (key) => (state.doc.form && state.doc.form.needs || []).includes(key);
const unprinted = (key) => (state.doc.form && state.doc.form.unprinted || []).includes(key);

// field is one labelled input bound to t.values[key]; path is its field
// path in findings (projects[1].budget).
function field(label, t, key, path, opts = {}) {
  let input;
  const set = () => { t.values[key] = input.value; changed(); if (opts.after) opts.after(input.value); };
  if (opts.choices) {
    input = h("select", { id: "f-" + path, "data-input": path, onchange: set });
    const cur = t.values[key] || "";
    const choices = [...opts.choices];
    if (cur && !choices.includes(cur)) choices.unshift(cur);
    input.append(h("option", { value: "" }, "（请选择）"));
    for (const c of choices) input.append(h("option", { value: c }, c));
    input.value = cur;
  } else if (opts.multiline) {
    input = h("textarea", { id: "f-" + path, "data-input": path, oninput: set, rows: opts.rows || 3 });
    show(input, t.values[key]);
  } else {
    input = h("input", { id: "f-" + path, "data-input": path, oninput: set, class: opts.amount ? "amount" : null,
      inputmode: opts.numeric ? "decimal" : null, placeholder: opts.placeholder, list: opts.list });
    show(input, t.values[key]);
  }
  return h("div", { class: "field " + (opts.size || ""), "data-path": path },
    h("label", { for: "f-" + path }, label, lock(input, t, key)), input);
}

// listField is one element of the list t.lists[key].
function listField(label, t, key, i, path, opts = {}) {
  const list = t.lists[key] = t.lists[key] || [];
  let input;
  const set = () => {
    while (list.length <= i) list.push("");
    list[i] = input.value;
    while (list.length && list[list.length - 1] === "" && opts.trim) list.pop();
    changed();
  };
  if (opts.multiline) {
    input = h("textarea", { id: "f-" + path, "data-input": path, oninput: set, rows: 2 });
  } else {
    input = h("input", { id: "f-" + path, "data-input": path, oninput: set, class: "amount", inputmode: "decimal" });
  }
  show(input, list[i]);
  return h("div", { class: "field", "data-path": path }, h("label", { for: "f-" + path }, label, lock(input, t, `${key}[${i + 1}]`, key)), input);
}

// ---- formula cells of a workbook ----

// locked maps a table of the values (an object of doc.values) to its
// fields held by a workbook's formulas, by key (key[n] for an element of
// a list): {path, cell, formula}. It follows an element that is moved.
let locked = new WeakMap();

function lockFormulas(doc) {
  locked = new WeakMap();
  for (const ro of doc.readOnly || []) {
    const parts = ro.path.split(".");
    const last = parts.pop();
    let t = doc.values;
    for (const part of parts) {
      const m = part.match(/^(.+)\[(\d+)\]$/);
      t = t && (m ? ((t.arrays || {})[m[1]] || [])[m[2] - 1] : (t.tables || {})[part]);
    }
    if (!t) continue;
    if (!locked.has(t)) locked.set(t, {});
    locked.get(t)[last] = ro;
  }
}

// showFormulas shows the values a workbook's formulas take with the
// form's values (the server recalculates them). They are shown, not put
// into the values: the formula cells are not written.
function showFormulas(list) {
  for (const f of list || []) {
    const input = document.querySelector(`[data-input="${CSS.escape(f.path)}"].formula`);
    if (input) input.value = f.value;
  }
}

// lock makes an input read-only when the first of keys held by a formula
// in t is, and returns the note its label shows.
function lock(input, t, ...keys) {
  const ro = keys.map((k) => (locked.get(t) || {})[k]).find(Boolean);
  if (!ro) return null;
  if (input.tagName === "SELECT") input.disabled = true; else input.readOnly = true;
  input.classList.add("formula");
  input.title = `${ro.cell} 是公式单元格（=${ro.formula}），在这里只读：它随所引用的单元格自动计算；要改公式，请在 Excel 或 WPS 中修改。`;
  return h("span", { class: "formula-note" }, `（公式 =${ro.formula}，只读）`);
}

// moveButtons reorder, and remove, element i of list.
function itemButtons(list, i, what) {
  const move = (d) => () => {
    const j = i + d;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    renderForm(); changed();
  };
  return [
    h("button", { type: "button", class: "small", title: "上移", onclick: move(-1), disabled: i === 0 }, "↑"),
    h("button", { type: "button", class: "small", title: "下移", onclick: move(1), disabled: i === list.length - 1 }, "↓"),
    h("button", { type: "button", class: "small", title: "删除" + what, onclick: () => {
      if (!confirm("确定删除这个" + what + "吗？")) return;
      list.splice(i, 1); renderForm(); changed();
    } }, "删除"),
  ];
}

// ---- the form ----

function renderForm() {
  const doc = state.doc, v = table(doc.values), form = doc.form || {};
  const f = $("form");
  f.replaceChildren();
  const ids = state.templates.map((t) => t.id);
  const names = state.templates.map((t) => formName(t.id));
  f.append(h("section", { class: "card" }, h("h2", {}, "基本信息"),
    h("div", { class: "row" },
      field("表样", v, "template", "template", { choices: [...new Set([...names, ...ids])], size: "narrow", after: refreshForm }),
      field("预算年度", v, "year", "year", { numeric: true, size: "narrow", after: refreshForm }),
      field("文档日期（可不填，格式 2025-01-15）", v, "date", "date", { size: "narrow" })),
    form.description ? h("p", { class: "muted" }, "表样说明：" + form.description) : null));

  const d = sub(v, "department");
  const unit = d.values.money_unit || "元";
  const deptFields = [
    field("单位编码", d, "code", "department.code", { size: "narrow" }),
    field("单位名称", d, "name", "department.name"),
    field("单位简称", d, "short_name", "department.short_name", { size: "narrow" }),
    field("金额单位", d, "money_unit", "department.money_unit", { choices: form.moneyUnits || ["元", "万元"], size: "narrow", after: renderForm }),
  ];
  for (const [key, label] of [["supervisor", "主管部门"], ["supervisor_code", "主管部门代码"], ["filler", "填报单位"]]) {
    if (needs("department." + key) || d.values[key]) deptFields.push(field(label, d, key, "department." + key));
  }
  f.append(h("section", { class: "card", "data-path": "department" }, h("h2", {}, "单位信息"), h("div", { class: "row" }, deptFields)));

  const overall = arr(v, "overall");
  if ((form.sections || []).length || overall.length) {
    const sec = h("section", { class: "card", "data-path": "overall" }, h("h2", {}, "第一部分 部门整体绩效目标"));
    const dl = h("datalist", { id: "section-titles" }, (form.sections || []).map((s) => h("option", { value: s })));
    sec.append(dl);
    overall.forEach((o, i) => {
      table(o);
      const p = `overall[${i + 1}]`;
      sec.append(h("div", { class: "item", "data-path": p },
        h("div", { class: "item-head" }, h("h3", {}, `第${i + 1}节`), itemButtons(overall, i, "节")),
        h("div", { class: "row" },
          field("标题", o, "title", p + ".title", { list: "section-titles" }),
          field("副标题", o, "subtitle", p + ".subtitle"),
          field("内容", o, "text", p + ".text", { multiline: true, rows: 5, size: "wide" }))));
    });
    sec.append(h("button", { type: "button", onclick: () => { overall.push({ values: {} }); renderForm(); changed(); } }, "添加一节"));
    f.append(sec);
  }

  const projects = arr(v, "projects");
  const part = h("section", { class: "card", "data-path": "projects" }, h("h2", {}, "第二部分 预算项目绩效目标"));
  projects.forEach((pr, i) => part.append(projectCard(projects, pr, i, unit, form)));
  part.append(h("button", { type: "button", id: "add-project", onclick: () => {
    projects.push({ values: {}, lists: { goals: [""] }, arrays: { indicators: [] } });
    renderForm(); changed();
  } }, "添加项目"));
  f.append(part);
  showFindings();
}

function projectCard(projects, pr, i, unit, form) {
  table(pr);
  const p = `projects[${i + 1}]`;
  const card = h("div", { class: "item project", "data-path": p },
    h("div", { class: "item-head" }, h("h3", {}, `项目${i + 1}：${pr.values.name || "（未命名）"}`), itemButtons(projects, i, "项目")));
  const rows = [
    field("项目编码", pr, "code", p + ".code", { size: "narrow" }),
    field("项目名称", pr, "name", p + ".name"),
  ];
  if (needs("projects.kind") || pr.values.kind) rows.push(field("项目属性", pr, "kind", p + ".kind", { choices: ["新增项目", "延续项目"], size: "narrow" }));
  if (needs("projects.period") || pr.values.period) rows.push(field("项目期", pr, "period", p + ".period", { size: "narrow" }));
  if (needs("projects.implementer") || pr.values.implementer) rows.push(field("实施单位", pr, "implementer", p + ".implementer"));
  card.append(h("div", { class: "row" }, rows));
  card.append(h("div", { class: "row" },
    field(`预算数（${unit}）`, pr, "budget", p + ".budget", { amount: true, numeric: true }),
    field(`其中：财政资金（${unit}）`, pr, "fiscal", p + ".fiscal", { amount: true, numeric: true }),
    field(`其他资金（${unit}，可不填）`, pr, "other", p + ".other", { amount: true, numeric: true })));
  if (!unprinted("projects.purpose") || pr.values.purpose) {
    card.append(h("div", { class: "row" }, field("资金用途", pr, "purpose", p + ".purpose", { multiline: true, size: "wide" })));
  }
  const checkpoints = form.checkpoints || [];
  const plan = pr.lists.spending_plan || [];
  if (checkpoints.length || plan.length) {
    const n = Math.max(checkpoints.length, plan.length);
    const cells = [];
    for (let j = 0; j < n; j++) {
      cells.push(listField((checkpoints[j] || `第${j + 1}项`) + "（%）", pr, "spending_plan", j, `${p}.spending_plan[${j + 1}]`, { trim: true }));
    }
    card.append(h("div", { class: "field wide", "data-path": p + ".spending_plan" },
      h("label", {}, "资金支出计划（累计百分比）"), h("div", { class: "plan" }, cells)));
  }
  const goals = pr.lists.goals = pr.lists.goals || [];
  const goalBox = h("div", { class: "field wide", "data-path": p + ".goals" }, h("label", {}, "绩效目标"));
  goals.forEach((g, j) => {
    goalBox.append(h("div", { class: "goal" }, listField(`${j + 1}、`, pr, "goals", j, `${p}.goals[${j + 1}]`, { multiline: true }),
      h("button", { type: "button", class: "small", onclick: () => { goals.splice(j, 1); renderForm(); changed(); } }, "删除")));
  });
  goalBox.append(h("div", {}, h("button", { type: "button", class: "small", onclick: () => { goals.push(""); renderForm(); changed(); } }, "添加一条目标")));
  card.append(goalBox);
  card.append(indicatorTable(pr, p, form));
  return card;
}

function indicatorTable(pr, p, form) {
  const list = arr(pr, "indicators");
  const cats = form.categories || [];
  const box = h("div", { class: "field wide", "data-path": p + ".indicators" }, h("label", {}, "绩效指标"));
  // A column the form does not print is shown only while a row has a value in it.
  const shown = (key) => !unprinted("projects.indicators." + key) || list.some((ind) => ind.values && ind.values[key]);
  const cols = [["level1", "一级指标"], ["level2", "二级指标"], ["name", "三级指标"], ["description", "绩效指标描述"],
    ["value", "指标值"], ["basis", "指标值确定依据"]].filter(([key]) => shown(key));
  const tbl = h("table", { class: "indicators" },
    h("thead", {}, h("tr", {}, [...cols.map(([, label]) => label), ""].map((t) => h("th", {}, t)))));
  const body = h("tbody");
  list.forEach((ind, k) => {
    table(ind);
    const q = `${p}.indicators[${k + 1}]`;
    const cat = cats.find((c) => c.name === ind.values.level1);
    const subs = cat ? cat.subs : [...new Set(cats.flatMap((c) => c.subs))];
    const cells = {
      level1: () => field("一级指标", ind, "level1", q + ".level1", { choices: cats.map((c) => c.name), after: renderForm }),
      level2: () => field("二级指标", ind, "level2", q + ".level2", { choices: subs }),
      name: () => field("三级指标", ind, "name", q + ".name", { multiline: true, rows: 2 }),
      description: () => field("绩效指标描述", ind, "description", q + ".description", { multiline: true, rows: 2 }),
      value: () => field("指标值", ind, "value", q + ".value", { placeholder: "如 ≥95%" }),
      basis: () => field("指标值确定依据", ind, "basis", q + ".basis", { multiline: true, rows: 2 }),
    };
    body.append(h("tr", { "data-path": q }, cols.map(([key]) => h("td", {}, cells[key]())), h("td", {}, itemButtons(list, k, "指标"))));
  });
  tbl.append(body);
  box.append(tbl, h("div", {}, h("button", { type: "button", class: "small add-indicator", onclick: () => {
    list.push({ values: {} }); renderForm(); changed();
    const last = document.querySelectorAll(`[data-path="${p}.indicators[${list.length}]"] select`)[0];
    if (last) last.focus();
  } }, "添加指标")));
  return box;
}

// refreshForm fetches the form's description after the template or the
// year changed (a form's version follows the year).
async function refreshForm() {
  const v = state.doc.values.values;
  const r = await api("GET", `/api/form?template=${encodeURIComponent(v.template || "")}&year=${encodeURIComponent(v.year || "")}`);
  const had = JSON.stringify(state.doc.form);
  state.doc.form = r.ok ? r.data : null;
  if (JSON.stringify(state.doc.form) !== had) {
    const focused = document.activeElement && document.activeElement.id;
    renderForm();
    if (focused && $(focused)) $(focused).focus();
  }
}

// ---- findings ----

function parentPath(p) {
  if (p.endsWith("]")) return p.slice(0, p.lastIndexOf("["));
  const i = p.lastIndexOf(".");
  return i < 0 ? "" : p.slice(0, i);
}

function targetOf(path) {
  for (let p = path; p; p = parentPath(p)) {
    const el = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}

function findingText(f) {
  return `${f.severity === "error" ? "错误" : "警告"}[${f.code}]：${f.message}`;
}

function showFindings() {
  const list = state.doc.findings || [];
  document.querySelectorAll("#form .finding").forEach((e) => e.remove());
  document.querySelectorAll("#form .invalid, #form .doubtful").forEach((e) => e.classList.remove("invalid", "doubtful"));
  const summary = $("summary-list");
  summary.replaceChildren();
  for (const f of list) {
    const el = targetOf(f.path);
    const note = h("div", { class: "finding " + f.severity, role: "alert", "data-code": f.code, "data-for": f.path },
      findingText(f), f.hint ? h("span", { class: "hint" }, "提示：" + f.hint) : null);
    if (el) {
      const input = el.matches(".field") ? el.querySelector("[data-input]") : null;
      if (input) input.classList.add(f.severity === "error" ? "invalid" : "doubtful");
      if (el.matches("tr")) el.lastElementChild.append(note);
      else if (el.matches(".item")) el.querySelector(".item-head").after(note);
      else el.append(note);
    }
    summary.append(h("li", { class: f.severity, onclick: () => jump(f.path) },
      findingText(f), place(f)));
  }
  const errors = list.filter((f) => f.severity === "error").length;
  const warnings = list.length - errors;
  const counts = $("counts");
  counts.replaceChildren(errors || warnings
    ? h("span", {}, h("span", { class: "e" }, `错误 ${errors} 项`), "，", h("span", { class: "w" }, `警告 ${warnings} 项`))
    : h("span", { class: "ok" }, "检查通过，没有发现问题"));
  $("summary").hidden = list.length === 0;
  $("build-button").disabled = errors > 0;
  $("build-button").title = errors > 0 ? "请先改正所有错误" : "";
}

// place says where a finding is in the file: a workbook's sheet!cell, or
// the line of a TOML file.
function place(f) {
  if (f.where && f.where.includes("!")) return `（${f.where}）`;
  if (f.line) return `（第${f.line}行）`;
  return "";
}

function jump(path) {
  const el = targetOf(path);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  const input = el.querySelector("[data-input]");
  if (input) input.focus();
}

// ---- files ----

// formName is the name of a form without its version: national@2021 → national.
const formName = (id) => id.split("@")[0];

async function showHome() {
  if (state.dirty && !confirm("有未保存的修改，确定离开吗？")) return;
  state.doc = null; state.dirty = false;
  history.replaceState(null, "", "/");
  $("editor").hidden = true; $("home").hidden = false;
  for (const id of ["home-button", "save-button", "build-button"]) $(id).hidden = true;
  $("filename").textContent = ""; $("counts").replaceChildren();
  const r = await api("GET", "/api/files");
  if (!r.ok) { say(r.data.error, true); return; }
  $("dir").textContent = r.data.dir;
  state.templates = r.data.templates || [];
  const ul = $("files");
  ul.replaceChildren(...(r.data.files || []).map((f) =>
    h("li", {}, h("button", { type: "button", onclick: () => openFile(f.name) }, f.name), h("span", { class: "muted" }, `　修改于 ${f.modified}`))));
  $("no-files").hidden = (r.data.files || []).length > 0;
  const sel = $("new-template");
  sel.replaceChildren(...[...new Set(state.templates.map((t) => formName(t.id)))].map((n) => {
    const t = state.templates.filter((x) => formName(x.id) === n).pop();
    return h("option", { value: n }, `${n} — ${t.description}`);
  }));
  if (!$("new-year").value) $("new-year").value = String(new Date().getFullYear() + 1);
}

function showDoc(doc) {
  state.doc = doc; state.dirty = false;
  history.replaceState(null, "", "#file=" + encodeURIComponent(doc.file));
  $("home").hidden = true; $("editor").hidden = false; $("outputs").hidden = true;
  for (const id of ["home-button", "save-button", "build-button"]) $(id).hidden = false;
  $("save-button").disabled = true;
  $("filename").textContent = doc.file;
  lockFormulas(doc);
  if (doc.workbook) {
    say("这是 Excel/WPS 工作簿：保存时只把改动的内容写回各单元格，其他工作表、格式、批注和公式保持不变。" +
      ((doc.readOnly || []).length ? "标有“公式”的栏目由工作簿中的公式计算，在这里只读。" : ""));
  }
  $("preview").hidden = true;
  $("preview-pages").replaceChildren();
  preview.data = null; preview.item = "";
  renderForm();
  runCheck(); // for the preview
}

async function openFile(name) {
  say("");
  if (!state.templates.length) {
    const r = await api("GET", "/api/files");
    if (r.ok) state.templates = r.data.templates || [];
  }
  const r = await api("GET", "/api/open?file=" + encodeURIComponent(name));
  if (!r.ok) { say(r.data.error, true); return; }
  showDoc(r.data);
}

async function newFile() {
  const name = $("new-name").value.trim();
  if (!name) { say("请填写文件名。", true); return; }
  const r = await api("POST", "/api/new", { name, template: $("new-template").value, year: parseInt($("new-year").value, 10) || 0 });
  if (!r.ok) { say(r.data.error, true); return; }
  say(`已新建 ${r.data.file}：把每个“（请填写）”换成实际内容。`);
  showDoc(r.data);
}

async function save() {
  const doc = state.doc;
  if (!doc) return false;
  clearTimeout(state.timer);
  state.seq++;
  const r = await api("POST", "/api/save", { file: doc.file, hash: doc.hash, values: doc.values });
  if (r.data && r.data.findings && !r.ok) { doc.findings = r.data.findings; showFindings(); }
  if (!r.ok) { say(r.data.error, true); return false; }
  showDoc(r.data);
  say(`已保存 ${r.data.file}（上一版本保存为 ${r.data.file}.bak）。`);
  return true;
}

async function build() {
  if (state.dirty && !(await save())) return;
  say("正在生成报告……");
  const doc = state.doc;
  const r = await api("POST", "/api/build", { file: doc.file, hash: doc.hash });
  if (r.data && r.data.findings) { doc.findings = r.data.findings; showFindings(); }
  if (!r.ok) { say(r.data.error, true); return; }
  say("报告已生成，可以下载。");
  $("output-list").replaceChildren(...r.data.outputs.map((o) =>
    h("li", {}, h("a", { href: o.url, download: o.name }, "下载 " + o.name), h("span", { class: "muted" }, "（也已保存在文件夹中）"))));
  $("outputs").hidden = false;
  $("outputs").scrollIntoView({ block: "nearest" });
}

window.addEventListener("DOMContentLoaded", () => {
  $("home-button").addEventListener("click", showHome);
  $("save-button").addEventListener("click", save);
  $("build-button").addEventListener("click", build);
  $("new-button").addEventListener("click", newFile);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s" && state.doc) { e.preventDefault(); save(); }
  });
  preview.lazy = new IntersectionObserver(drawLazy, { root: $("preview-pages"), rootMargin: "100% 0px" });
  $("form").addEventListener("focusin", (e) => { if (e.target.dataset.input) followField(e.target.dataset.input, true); });
  $("preview-pages").addEventListener("click", clickPage);
  window.addEventListener("beforeunload", (e) => { if (state.dirty) { e.preventDefault(); e.returnValue = ""; } });
  const m = location.hash.match(/^#file=(.+)$/);
  if (m) { showHome().then(() => openFile(decodeURIComponent(m[1]))); } else { showHome(); }
});
