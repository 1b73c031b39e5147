#!/usr/bin/env node
// Browser test of the web app of `entente serve` (docs/serve.md).
//
//   node web/test/serve-test.mjs ENTENTE_BINARY [--screenshots DIR] [--timeout SECONDS]
//
// Starts ENTENTE_BINARY serve on a free loopback port (the bundled default world), opens the app
// in Debian's Chromium, headless ($CHROMIUM, or /usr/bin/chromium), through playwright-core, and
// fails (exit status 1) when:
//   - the console reports an error, the page throws, a request fails or leaves the server;
//   - the map's table and the network's edges for the first year are not the API's;
//   - moving the year slider by keyboard (Home: 1946) does not redraw the map and the network
//     with 1946's data (checked against the API), or leaves them as they were;
//   - a triangle typed into the explorer does not show, year by year, the types the command line
//     (`entente triangle A B C --from 1946 --to 2012 --format json`) gives;
//   - the URL does not hold the year, focus and triangle.
// With --screenshots DIR it writes DIR/serve.png (the whole page, at 1280 pixels wide).

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function usage(message) {
  if (message) console.error(`serve-test: ${message}`);
  console.error('usage: node web/test/serve-test.mjs ENTENTE_BINARY [--screenshots DIR] [--timeout SECONDS]');
  process.exit(2);
}

const opts = { binary: null, screenshots: null, timeout: 90 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--screenshots') opts.screenshots = path.resolve(argv[++i] || usage('--screenshots needs a directory'));
  else if (argv[i] === '--timeout') opts.timeout = Number(argv[++i]);
  else if (argv[i].startsWith('-')) usage(`unknown option ${argv[i]}`);
  else if (!opts.binary) opts.binary = path.resolve(argv[i]);
  else usage(`unexpected argument ${argv[i]}`);
}
if (!opts.binary) usage('ENTENTE_BINARY is required');
if (!(opts.timeout > 0)) usage('--timeout needs a number of seconds');

const failures = [];
const fail = (m) => failures.push(m);

// The server, on a port the system chooses; it says which on stderr.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.binary, ['serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`entente serve exited (${code}): ${err}`)));
  });
}

async function apiJson(base, route) {
  const r = await fetch(base + route);
  if (!r.ok) throw new Error(`${route}: HTTP ${r.status}`);
  return r.json();
}

// What the page must show for `year`, computed here from the API.
async function expected(base, year, focus) {
  const rel = await apiJson(base, `/api/relations?year=${year}`);
  const toFocus = rel.rows.filter((r) => r.abbrev1 === focus || r.abbrev2 === focus).length;
  const edges = rel.rows.filter((r) => Math.abs(r.weight) >= 0.5).length;
  return { toFocus, edges };
}

async function waitForYear(page, year) {
  await page.waitForSelector(`body[data-ready="true"][data-year="${year}"]`, { timeout: opts.timeout * 1000 });
}

async function seen(page) {
  return page.evaluate(() => ({
    mapRows: document.querySelectorAll('#map-table tbody tr').length,
    mapPaths: document.querySelectorAll('#map svg path').length,
    edges: Number(document.getElementById('network').dataset.edges),
    networkPaths: document.querySelectorAll('#network svg path').length,
    firstMapRow: (document.querySelector('#map-table tbody tr') || {}).textContent || '',
  }));
}

async function main() {
  const { child, base } = await startServer();
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    child.kill('SIGTERM');
    console.error(`serve-test: FAIL: no Chromium at ${executablePath} (set CHROMIUM, or run scripts/install-deps)`);
    process.exit(1);
  }
  const browser = await chromium.launch({ executablePath, headless: true,
                                          args: ['--disable-background-networking', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      fail(`request leaves the server: ${url}`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error') fail(`console error: ${msg.text()}`); });
    page.on('pageerror', (e) => fail(`page error: ${e.message}`));
    page.on('requestfailed', (r) => fail(`failed to load ${r.url()}: ${(r.failure() || {}).errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) fail(`${r.url()}: HTTP ${r.status()}`); });

    await page.goto(`${base}/?year=2012&focus=USA`, { waitUntil: 'load' });
    await waitForYear(page, 2012);
    const at2012 = await seen(page);
    const want2012 = await expected(base, 2012, 'USA');
    if (at2012.mapRows !== want2012.toFocus) fail(`2012: the map's table has ${at2012.mapRows} rows, the API ${want2012.toFocus}`);
    if (at2012.edges !== want2012.edges) fail(`2012: the network has ${at2012.edges} edges, the API ${want2012.edges}`);
    if (at2012.mapPaths < 100) fail(`2012: the map draws ${at2012.mapPaths} shapes`);
    if (at2012.networkPaths < want2012.edges) fail(`2012: the network draws ${at2012.networkPaths} paths for ${want2012.edges} edges`);

    // The slider, by keyboard: Home is its first year.
    await page.focus('#year');
    await page.keyboard.press('Home');
    await waitForYear(page, 1946);
    const at1946 = await seen(page);
    const want1946 = await expected(base, 1946, 'USA');
    if (at1946.mapRows !== want1946.toFocus) fail(`1946: the map's table has ${at1946.mapRows} rows, the API ${want1946.toFocus}`);
    if (at1946.edges !== want1946.edges) fail(`1946: the network has ${at1946.edges} edges, the API ${want1946.edges}`);
    if (at1946.mapRows === at2012.mapRows && at1946.edges === at2012.edges && at1946.firstMapRow === at2012.firstMapRow)
      fail('moving the slider from 2012 to 1946 changed neither the map nor the network');
    if (!page.url().includes('year=1946')) fail(`the URL does not hold the year: ${page.url()}`);

    // A triangle typed in, against the command line.
    const tri = ['USA', 'CHN', 'IND'];
    await page.fill('#tri-a', tri[0]);
    await page.fill('#tri-b', tri[1]);
    await page.fill('#tri-c', tri[2]);
    await page.press('#tri-c', 'Enter');
    await page.waitForFunction((t) => {
      const head = document.querySelectorAll('#triangle-table thead th');
      return document.body.dataset.ready === 'true' && head.length > 2 && head[2].textContent === t;
    }, tri[0], { timeout: opts.timeout * 1000 });
    const table = await page.evaluate(() => [...document.querySelectorAll('#triangle-table tbody tr')].map((tr) => ({
      year: Number(tr.cells[0].textContent), type: tr.cells[1].textContent })));
    const cli = JSON.parse(execFileSync(opts.binary, ['triangle', ...tri, '--from', '1946', '--to', '2012', '--format', 'json'],
                                        { maxBuffer: 64 << 20 }).toString());
    const want = cli.rows.map((r) => ({ year: r.year, type: r.type }));
    if (JSON.stringify(table) !== JSON.stringify(want))
      fail(`the triangle's timeline (${table.length} years) is not the CLI's (${want.length} years)`);
    if (!page.url().includes('triangle=' + tri.join('%2C'))) fail(`the URL does not hold the triangle: ${page.url()}`);

    if (opts.screenshots) {
      fs.mkdirSync(opts.screenshots, { recursive: true });
      await page.focus('#year');
      await page.keyboard.press('End');
      await waitForYear(page, 2012);
      await page.screenshot({ path: path.join(opts.screenshots, 'serve.png'), fullPage: true });
    }
    console.log(`serve-test: 2012: ${at2012.mapRows} relations to USA, ${at2012.edges} edges; 1946: ${at1946.mapRows}, ` +
                `${at1946.edges}; triangle ${tri.join('-')}: ${table.length} years`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  if (failures.length) {
    for (const f of failures) console.error(`serve-test: FAIL: ${f}`);
    process.exit(1);
  }
  console.log('serve-test: PASS');
}

main().catch((e) => {
  console.error(`serve-test: FAIL: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
