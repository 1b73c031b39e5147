#!/usr/bin/env node
// Browser test of a report folder written by `entente report --out DIR` (docs/report.md).
//
//   node web/test/report-test.mjs REPORT_DIR [--screenshots DIR] [--timeout SECONDS] [--expect-section ID]...
//
// Opens file://REPORT_DIR/index.html in Debian's Chromium, headless (the executable is $CHROMIUM,
// or /usr/bin/chromium), through playwright-core, and fails (exit status 1) when:
//   - any request leaves the page for anything but file:, data: or blob: (it is blocked, and named);
//   - the console reports an error, the page throws, or a script or other file fails to load;
//   - <body data-rendered> is not "true" within the timeout ("error" shows the page's own message);
//   - a section present in data.js is not on the page, or lacks one of its charts;
//   - a chart (.chart) has no SVG, or an SVG in which a mark has no items (empty data);
//   - a table of the data is not on the page, or a table on the page has no rows;
//   - a CSV link points to a file that does not exist in REPORT_DIR (or data/report.json is absent);
//   - a section named by --expect-section (e.g. bargaining, for a report made with --bargain) is not
//     in data.js, or has no tables (so nothing of it is charted).
// With --screenshots DIR it writes DIR/report.png (the full page) and DIR/report-<id>.png for each
// section, at a 1280-pixel-wide viewport. Exit status 2 is a usage error.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

// The charts each section must show (data-chart names, as web/report/report.js draws them).
const EXPECTED_CHARTS = {
  relations: ['relations-map', 'relations-matrix'],
  triangle: ['triangle-types', 'triangle-ties'],
  balancers: ['balancers-ranking'],
  blocs: ['blocs-frustration', 'blocs-membership'],
  landscape: ['landscape-basins', 'landscape-sides'],
  scenario: ['scenario-measures'],
  bargaining: ['bargaining-rounds'],
};
const ALLOWED_PROTOCOLS = new Set(['file:', 'data:', 'blob:']);
const VIEWPORT = { width: 1280, height: 900 };

function usage(message) {
  if (message) console.error(`report-test: ${message}`);
  console.error('usage: node web/test/report-test.mjs REPORT_DIR [--screenshots DIR] [--timeout SECONDS] [--expect-section ID]...');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: null, screenshots: null, timeout: 60, expectSections: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') {
      if (i + 1 >= argv.length) usage('--screenshots needs a directory');
      opts.screenshots = path.resolve(argv[++i]);
    } else if (a === '--timeout') {
      const t = Number(argv[++i]);
      if (!(t > 0)) usage('--timeout needs a number of seconds');
      opts.timeout = t;
    } else if (a === '--expect-section') {
      if (i + 1 >= argv.length) usage('--expect-section needs a section id');
      opts.expectSections.push(argv[++i]);
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (opts.dir === null) {
      opts.dir = path.resolve(a);
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (opts.dir === null) usage('REPORT_DIR is required');
  return opts;
}

// The data, read straight from data.js (not through the page), is what the page must show.
function readData(dir) {
  const file = path.join(dir, 'data.js');
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  const report = sandbox.window.ENTENTE_REPORT;
  if (!report || typeof report !== 'object') throw new Error('data.js does not define window.ENTENTE_REPORT');
  if (!Array.isArray(report.sections)) throw new Error('window.ENTENTE_REPORT.sections is not an array');
  return report;
}

// What the page shows, collected in the browser.
function inspectPage() {
  const markTags = ['path', 'rect', 'circle', 'line', 'text', 'image', 'polygon'];
  const sections = [...document.querySelectorAll('section[id]')].map((s) => ({
    id: s.id,
    heading: (s.querySelector('h2') || {}).textContent || '',
    charts: [...s.querySelectorAll('.chart')].map((c) => c.dataset.chart || ''),
  }));
  const charts = [...document.querySelectorAll('.chart')].map((c) => {
    const svg = c.querySelector('svg');
    const section = c.closest('section[id]');
    const info = { name: c.dataset.chart || '(unnamed)', section: section ? section.id : null, svg: !!svg, groups: [], marks: 0 };
    if (!svg) return info;
    for (const g of svg.querySelectorAll('g.role-mark')) {
      const items = [...g.children].filter((x) => markTags.includes(x.tagName.toLowerCase()));
      const kind = [...g.classList].find((k) => k.startsWith('mark-')) || 'mark';
      info.groups.push({ kind, items: items.length });
      info.marks += items.length;
    }
    return info;
  });
  const tables = [...document.querySelectorAll('table')].map((t) => {
    const holder = t.closest('[data-table]');
    const section = t.closest('section[id]');
    return {
      name: holder ? holder.dataset.table : (t.className ? `table.${t.className}` : 'table'),
      section: section ? section.id : null,
      rows: t.querySelectorAll('tbody tr').length,
      columns: t.querySelectorAll('thead th').length,
    };
  });
  const dataTables = [...document.querySelectorAll('[data-table]')].map((d) => ({
    name: d.dataset.table,
    section: (d.closest('section[id]') || {}).id || null,
    csv: [...d.querySelectorAll('a')].filter((a) => a.textContent.trim() === 'CSV').map((a) => a.href),
  }));
  const csvLinks = [...document.querySelectorAll('a[href]')]
    .filter((a) => /\.csv(?:[?#].*)?$/i.test(a.getAttribute('href')) || a.textContent.trim() === 'CSV')
    .map((a) => ({ href: a.href, raw: a.getAttribute('href') }));
  const err = document.getElementById('report-error');
  return {
    rendered: document.body.dataset.rendered || null,
    errorText: err && !err.hidden ? err.innerText.trim().replace(/\s*\n\s*/g, ' | ') : '',
    sections, charts, tables, dataTables, csvLinks,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const failures = [];
  const notes = [];
  const fail = (m) => failures.push(m);

  const indexFile = path.join(opts.dir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    console.error(`report-test: FAIL: ${indexFile} does not exist`);
    process.exit(1);
  }
  let report = null;
  try {
    report = readData(opts.dir);
  } catch (e) {
    fail(`data.js: ${e.message}`);
  }
  if (!fs.existsSync(path.join(opts.dir, 'data', 'report.json'))) fail('data/report.json does not exist');

  const rel = (u) => {
    try {
      const url = new URL(u);
      if (url.protocol === 'file:') return path.relative(opts.dir, fileURLToPath(url)) || u;
    } catch { /* not a URL */ }
    return u.length > 120 ? u.slice(0, 117) + '...' : u;
  };

  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    console.error(`report-test: FAIL: no Chromium at ${executablePath} (set CHROMIUM, or run scripts/install-deps)`);
    process.exit(1);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // Belt and braces: even a request the routes below missed could not resolve a host.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking', '--no-first-run'],
  });
  let requests = 0;
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: 'block' });
    const blocked = new Set();
    const offPage = (url) => {
      let protocol;
      try { protocol = new URL(url).protocol; } catch { protocol = '?'; }
      return !ALLOWED_PROTOCOLS.has(protocol);
    };
    const blockOnce = (url, how) => {
      if (blocked.has(url)) return;
      blocked.add(url);
      fail(`request leaves the page (${how}): ${rel(url)}`);
    };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (offPage(url)) {
        blockOnce(url, route.request().resourceType());
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('request', (req) => {
      requests++;
      if (offPage(req.url())) blockOnce(req.url(), req.resourceType());
    });
    page.on('websocket', (ws) => blockOnce(ws.url(), 'websocket'));
    page.on('requestfailed', (req) => {
      if (blocked.has(req.url())) return;
      fail(`failed to load ${rel(req.url())}: ${(req.failure() || {}).errorText || 'unknown error'}`);
    });
    page.on('response', (resp) => {
      if (resp.status() >= 400) fail(`failed to load ${rel(resp.url())}: HTTP ${resp.status()}`);
    });
    page.on('console', (msg) => {
      const where = msg.location() && msg.location().url ? ` (${rel(msg.location().url)}:${msg.location().lineNumber})` : '';
      if (msg.type() === 'error') fail(`console error: ${msg.text()}${where}`);
      else if (msg.type() === 'warning') notes.push(`console warning: ${msg.text()}${where}`);
    });
    page.on('pageerror', (err) => fail(`page error: ${err.message}`));
    page.on('crash', () => fail('the page crashed'));

    const url = pathToFileURL(indexFile).href;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: opts.timeout * 1000 });
    } catch (e) {
      fail(`could not open ${url}: ${e.message.split('\n')[0]}`);
    }
    try {
      await page.waitForFunction(
        () => document.body && ['true', 'error'].includes(document.body.dataset.rendered),
        null, { timeout: opts.timeout * 1000, polling: 100 });
    } catch {
      const now = await page.evaluate(() => document.body && document.body.dataset.rendered).catch(() => undefined);
      fail(`data-rendered is not "true" after ${opts.timeout} s (it is ${now === undefined || now === null ? 'unset' : JSON.stringify(now)})`);
    }
    // Let late errors (a tooltip handler, a resize) surface before judging.
    await page.waitForTimeout(300);

    const seen = await page.evaluate(inspectPage);
    if (seen.rendered === 'error') fail(`the page reports an error: ${seen.errorText || '(no message shown)'}`);
    else if (seen.rendered === 'true' && seen.errorText) fail(`data-rendered is "true" but an error is shown: ${seen.errorText}`);

    // Sections and their charts.
    const expected = report ? report.sections.filter((s) => s && s.id !== undefined && s.id !== null) : [];
    // The sections the report was asked for must be there with their numbers (the loop below then
    // checks that the page shows them, their charts and their tables).
    for (const id of opts.expectSections) {
      const s = expected.find((x) => String(x.id) === id);
      if (!s) fail(`section "${id}" was expected but is not in data.js`);
      else if (!Array.isArray(s.tables) || s.tables.length === 0) fail(`section "${id}" was expected with tables but has none`);
    }
    for (const s of expected) {
      const id = String(s.id);
      const onPage = seen.sections.find((x) => x.id === id);
      if (!onPage) { fail(`section "${id}" is in data.js but not on the page`); continue; }
      if (!onPage.heading.trim()) fail(`section "${id}" has no heading`);
        // "triangle-2" is a second triangle; a section without tables has nothing to chart (docs/report.md).
      const kind = id.replace(/-[0-9]+$/, '');
      const charted = Array.isArray(s.tables) && s.tables.length > 0;
      for (const name of charted ? EXPECTED_CHARTS[kind] || [] : []) {
        if (!onPage.charts.includes(name)) fail(`section "${id}": chart "${name}" is missing`);
      }
      for (const t of s.tables || []) {
        if (!seen.dataTables.some((d) => d.name === t.name && d.section === id)) fail(`section "${id}": table "${t.name}" is not on the page`);
      }
    }
    for (const c of seen.charts) {
      const label = `chart "${c.name}"${c.section ? ` in section "${c.section}"` : ''}`;
      if (!c.svg) { fail(`${label} has no SVG`); continue; }
      if (c.groups.length === 0) { fail(`${label}: the SVG has no marks`); continue; }
      const empty = c.groups.filter((g) => g.items === 0);
      if (empty.length > 0) fail(`${label}: ${empty.length} of ${c.groups.length} mark(s) drew nothing (${empty.map((g) => g.kind).join(', ')}): empty data`);
    }

    // Tables and their CSV files.
    for (const t of seen.tables) {
      if (t.rows === 0) fail(`table "${t.name}"${t.section ? ` in section "${t.section}"` : ''} has no rows`);
    }
    for (const d of seen.dataTables) {
      if (d.csv.length === 0) fail(`table "${d.name}" has no CSV link`);
    }
    for (const link of seen.csvLinks) {
      let file = null;
      try {
        const u = new URL(link.href);
        if (u.protocol === 'file:') file = fileURLToPath(u);
      } catch { /* reported below */ }
      if (!file) { fail(`CSV link "${link.raw}" is not a file in the report`); continue; }
      const inside = path.relative(opts.dir, file);
      if (inside.startsWith('..') || path.isAbsolute(inside)) fail(`CSV link "${link.raw}" points outside the report folder`);
      else if (!fs.existsSync(file)) fail(`CSV link "${link.raw}": ${inside} does not exist`);
    }

    if (opts.screenshots) {
      fs.mkdirSync(opts.screenshots, { recursive: true });
      await page.evaluate(() => document.fonts && document.fonts.ready);
      const shots = [path.join(opts.screenshots, 'report.png')];
      await page.screenshot({ path: shots[0], fullPage: true });
      for (const s of seen.sections) {
        const file = path.join(opts.screenshots, `report-${s.id.replace(/[^A-Za-z0-9_-]/g, '_')}.png`);
        await page.locator(`section[id="${s.id.replace(/["\\]/g, '\\$&')}"]`).screenshot({ path: file });
        shots.push(file);
      }
      notes.push(`screenshots: ${shots.join(', ')}`);
    }

    for (const n of notes) console.log(`report-test: note: ${n}`);
    const marks = seen.charts.reduce((a, c) => a + c.marks, 0);
    console.log(`report-test: ${seen.sections.length} section(s), ${seen.charts.length} chart(s) with ${marks} marks, ` +
      `${seen.tables.length} table(s), ${seen.csvLinks.length} CSV link(s), ${requests} request(s)`);
  } finally {
    await browser.close();
  }

  if (failures.length > 0) {
    for (const f of failures) console.error(`report-test: FAIL: ${f}`);
    console.error(`report-test: FAILED (${failures.length} problem(s)) on ${opts.dir}`);
    process.exit(1);
  }
  console.log(`report-test: PASS on ${opts.dir}`);
}

main().catch((e) => {
  console.error(`report-test: FAIL: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
