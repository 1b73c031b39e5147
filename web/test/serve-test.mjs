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
//   - the network's states are not coloured by the API's blocs of the year, or it has no legend;
//   - Enter on a tie of the triangle's table (after an arrow key) does not open `explain` for that
//     pair and year, with the API's relation, or Escape does not close it and give focus back; the
//     same for the second tie of the network's table;
//   - a scenario built in the editor (two shocks chosen from the lists, an ensemble and dynamics)
//     does not show what the command line answers for the same scenario (`entente scenario FILE
//     --format json`, FILE the TOML of the body the page posted), or its link does not show it again,
//     or a shock the server refuses does not show the server's message beside the button;
//   - Tab does not reach every control, or a focused control shows no outline;
//   - text has a contrast ratio below 4.5:1 against its background (WCAG 2 AA);
//   - the URL does not hold the year, focus, triangle and scenario.
// With --screenshots DIR it writes DIR/serve.png (the whole page, at 1280 pixels wide) and
// DIR/serve-network.png, serve-explain.png and serve-scenario.png.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

// A scenario's JSON body as the TOML of a scenario file: the same keys and tables (what the server
// does with a JSON body, written out here so the command line can read it).
function tomlValue(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(tomlValue).join(', ') + ']';
  throw new Error(`no TOML for ${JSON.stringify(v)}`);
}
function toToml(body) {
  const lines = [];
  const scalars = (obj) => Object.entries(obj).filter(([, v]) => typeof v !== 'object' || Array.isArray(v) && !v.some((x) => x && typeof x === 'object' && !Array.isArray(x)));
  for (const [k, v] of scalars(body)) lines.push(`${k} = ${tomlValue(v)}`);
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v) && v.some((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      for (const item of v) { lines.push(`[[${k}]]`); for (const [ik, iv] of scalars(item)) lines.push(`${ik} = ${tomlValue(iv)}`); }
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      lines.push(`[${k}]`);
      for (const [ik, iv] of scalars(v)) lines.push(`${ik} = ${tomlValue(iv)}`);
    }
  }
  return lines.join('\n') + '\n';
}

// WCAG 2 contrast of every visible text against what is behind it, computed in the page: HTML
// text against the first opaque background up its ancestors, chart (SVG) text against the white
// the charts sit on. Returns the texts below `minimum`.
async function lowContrast(page, minimum) {
  return page.evaluate((min) => {
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c || '');
      if (!m) return null;
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const lum = (c) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                     b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const background = (el) => {
      const layers = [];
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
      }
      let c = { r: 255, g: 255, b: 255, a: 1 };
      for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
      return c;
    };
    const white = { r: 255, g: 255, b: 255, a: 1 };
    const bad = [];
    let checked = 0;
    for (const el of document.querySelectorAll('body *')) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'OPTGROUP', 'TITLE'].includes(el.tagName)) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const svg = el instanceof SVGElement;
      const fg = parse(svg ? style.fill : style.color);
      if (!fg) continue;
      const bg = svg ? white : background(el);
      const fgOpacity = svg ? fg.a * Number(style.fillOpacity || 1) : fg.a;
      const text = over({ ...fg, a: fgOpacity }, bg);
      const l1 = lum(text);
      const l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      checked += 1;
      if (ratio < min) bad.push(`"${el.textContent.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}): ${ratio.toFixed(2)}:1`);
    }
    return { checked, bad };
  }, minimum);
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
    let refusalExpected = false;  // the one request the test makes to be refused
    // Chromium logs a refused request as a console error; the refusal the test asks for is no fault.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(refusalExpected && /status of 400/.test(msg.text()))) fail(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (e) => fail(`page error: ${e.message}`));
    page.on('requestfailed', (r) => fail(`failed to load ${r.url()}: ${(r.failure() || {}).errorText}`));
    page.on('response', (r) => { if (r.status() >= 400 && !(refusalExpected && r.url().includes('/api/scenario'))) fail(`${r.url()}: HTTP ${r.status()}`); });

    await page.goto(`${base}/?year=2012&focus=USA`, { waitUntil: 'load' });
    await waitForYear(page, 2012);
    const at2012 = await seen(page);
    const want2012 = await expected(base, 2012, 'USA');
    if (at2012.mapRows !== want2012.toFocus) fail(`2012: the map's table has ${at2012.mapRows} rows, the API ${want2012.toFocus}`);
    if (at2012.edges !== want2012.edges) fail(`2012: the network has ${at2012.edges} edges, the API ${want2012.edges}`);
    if (at2012.mapPaths < 100) fail(`2012: the map draws ${at2012.mapPaths} shapes`);
    if (at2012.networkPaths < want2012.edges) fail(`2012: the network draws ${at2012.networkPaths} paths for ${want2012.edges} edges`);
    // Blocs as colours: every state of the network in its bloc's colour, as the API has them.
    const blocsSeen = await page.evaluate(() => {
      const fills = [...document.querySelectorAll('#network svg .mark-symbol.role-mark path')].map((p) => p.getAttribute('fill'));
      const legend = [...document.querySelectorAll('#network svg .role-legend text')].map((t) => t.textContent);
      return { fills, legend };
    });
    {
      const blocs = await apiJson(base, '/api/blocs?from=2012&to=2012');
      const rel = await apiJson(base, '/api/relations?year=2012');
      const of = {};
      blocs.periods[0].blocs.forEach((b) => b.members.forEach((m) => { of[m] = b.bloc; }));
      const nodes = new Set();
      rel.rows.filter((r) => Math.abs(r.weight) >= 0.5).forEach((r) => { nodes.add(r.abbrev1); nodes.add(r.abbrev2); });
      const want = { 1: 0, 2: 0, none: 0 };
      nodes.forEach((s) => { want[of[s] || 'none'] += 1; });
      const colours = { '#1f5fa8': 1, '#9a4a00': 2, '#5f6b76': 'none' };
      const got = { 1: 0, 2: 0, none: 0 };
      blocsSeen.fills.forEach((f) => { if (f in colours) got[colours[f]] += 1; else fail(`a state of the network is ${f}, no bloc's colour`); });
      if (JSON.stringify(got) !== JSON.stringify(want))
        fail(`the network's bloc colours ${JSON.stringify(got)} are not the API's blocs ${JSON.stringify(want)}`);
      if (!blocsSeen.legend.includes('bloc in 2012') || !blocsSeen.legend.includes('bloc 1'))
        fail(`the network has no legend of its blocs: ${blocsSeen.legend.join(', ')}`);
      if (opts.screenshots) {
        fs.mkdirSync(opts.screenshots, { recursive: true });
        await page.locator('#network-view').screenshot({ path: path.join(opts.screenshots, 'serve-network.png') });
      }
    }

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

    // explain behind a tie: the first tie of the table, one row down by keyboard, then Enter.
    const firstTie = page.locator('#triangle-table button.tie[tabindex="0"]');
    await firstTie.focus();
    const start = await firstTie.evaluate((b) => ({ a: b.dataset.a, b: b.dataset.b, year: Number(b.dataset.year) }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#explain[open][data-ready="true"]', { timeout: opts.timeout * 1000 });
    const shown = await page.evaluate(() => ({ ...document.getElementById('explain').dataset,
                                               evidence: document.querySelectorAll('#explain-evidence li').length }));
    const wantExplain = await apiJson(base, `/api/explain?a=${start.a}&b=${start.b}&year=${start.year + 1}`);
    if (shown.a !== start.a || shown.b !== start.b || Number(shown.year) !== start.year + 1)
      fail(`explain shows ${shown.a}-${shown.b} ${shown.year}, not the tie below ${start.a}-${start.b} ${start.year}`);
    if (shown.relation !== wantExplain.relation) fail(`explain says ${shown.relation}, the API ${wantExplain.relation}`);
    if (shown.evidence !== wantExplain.evidence.length) fail(`explain lists ${shown.evidence} lines of evidence, the API ${wantExplain.evidence.length}`);
    if (opts.screenshots) await page.screenshot({ path: path.join(opts.screenshots, 'serve-explain.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#explain:not([open])', { state: 'attached' });
    const back = await page.evaluate(() => document.activeElement && document.activeElement.dataset.year);
    if (Number(back) !== start.year + 1) fail(`closing explain leaves focus on ${back}, not the tie it opened from`);

    // explain from the network's table, opened by keyboard (Enter on its "Data"), in 1946.
    await page.focus('#network-view summary');
    await page.keyboard.press('Enter');
    const netTie = page.locator('#network-table button.tie[tabindex="0"]');
    await netTie.focus();
    const netStart = await netTie.evaluate((b) => ({ a: b.dataset.a, b: b.dataset.b, year: Number(b.dataset.year) }));
    await page.keyboard.press('ArrowDown');
    const netNext = await page.evaluate(() => ({ ...document.activeElement.dataset }));
    await page.keyboard.press('Enter');
    await page.waitForSelector(`dialog#explain[open][data-ready="true"][data-a="${netNext.a}"][data-b="${netNext.b}"]`, { timeout: opts.timeout * 1000 });
    const netShown = await page.evaluate(() => ({ ...document.getElementById('explain').dataset }));
    const netWant = await apiJson(base, `/api/explain?a=${netNext.a}&b=${netNext.b}&year=${netNext.year}`);
    if (Number(netShown.year) !== 1946 || netStart.year !== 1946 || netShown.relation !== netWant.relation ||
        `${netShown.a}-${netShown.b}` === `${netStart.a}-${netStart.b}`)
      fail(`explain from the network's second tie shows ${netShown.a}-${netShown.b} ${netShown.year} ${netShown.relation}, ` +
           `the API ${netWant.relation} (first tie ${netStart.a}-${netStart.b})`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#explain:not([open])', { state: 'attached' });

    // A scenario from the editor: the focus, a second shock from the lists, an ensemble, dynamics.
    await page.selectOption('#sc-focus', 'RUS');
    await page.click('#sc-add');
    const second = page.locator('#sc-shocks li').nth(1);
    await second.locator('select[name="kind"]').selectOption('add_treaty');
    await second.locator('select[name="a"]').selectOption('CHN');
    await second.locator('select[name="b"]').selectOption('PAK');
    await second.locator('select[name="type"]').selectOption('defense');
    await page.fill('#sc-triangles', 'RUS-CHN-IND, USA-CHN-PAK');
    await page.fill('#sc-members', '20');
    await page.fill('#sc-runs', '10');
    await page.fill('#sc-seed', '1962');
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/api/scenario')),
      page.waitForResponse((r) => r.url().includes('/api/scenario')),
      page.click('#sc-run'),
    ]);
    await page.waitForSelector('#scenario-result[data-ready="true"]', { timeout: opts.timeout * 1000 });
    const posted = JSON.parse(request.postData());
    const query = new URL(request.url()).searchParams;
    const answer = await response.json();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
    const file = path.join(work, 'scenario.toml');
    fs.writeFileSync(file, toToml(posted));
    const cliScenario = JSON.parse(execFileSync(opts.binary, ['scenario', file, '--format', 'json', '--members', query.get('members'),
      '--runs', query.get('runs'), '--seed', query.get('seed'), '--profile', query.get('profile')], { maxBuffer: 64 << 20 }).toString());
    fs.rmSync(work, { recursive: true });
    if (posted.shock.length !== 2 || posted.shock[1].kind !== 'add_treaty' || posted.base.focus !== 'RUS')
      fail(`the editor posted ${JSON.stringify(posted)}`);
    if (JSON.stringify(answer) !== JSON.stringify(cliScenario)) fail('the scenario the page was answered is not the command line\'s');
    const sc = await page.evaluate(() => {
      const rows = (id) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => [...tr.cells].map((c) => c.textContent));
      return { changes: rows('sc-changes-table'), focus: rows('sc-focus-table'), relations: rows('sc-relations-table'),
               figures: rows('sc-figures-table'), dynamics: rows('sc-dynamics-table'), ensemble: rows('sc-ensemble-table') };
    });
    const wantChanges = cliScenario.rows.map((r) => [String(r.rank), String(r.tier), r.kind, r.change]);
    if (JSON.stringify(sc.changes) !== JSON.stringify(wantChanges)) fail(`the scenario's changes (${sc.changes.length}) are not the CLI's (${wantChanges.length})`);
    const wantFocus = cliScenario.focus_rows.map((r) => [r.measure, String(r.before), String(r.after), r.changed ? 'yes' : '']);
    if (JSON.stringify(sc.focus) !== JSON.stringify(wantFocus)) fail('the focus before and after is not the CLI\'s');
    const wantRelations = cliScenario.rows.filter((r) => r.kind === 'relation').map((r) => r.change.split(':')[0]);
    if (JSON.stringify(sc.relations.map((r) => r[0] + '-' + r[1])) !== JSON.stringify(wantRelations))
      fail(`the relations that changed (${sc.relations.map((r) => r[0] + '-' + r[1])}) are not the CLI's (${wantRelations})`);
    const frustration = sc.figures.find((r) => r[0] === 'frustration index');
    if (!frustration || frustration[1] !== String(cliScenario.before.frustration.value) || frustration[2] !== String(cliScenario.after.frustration.value))
      fail(`the frustration index before and after (${frustration}) is not the CLI's`);
    const triangleType = sc.figures.filter((r) => / type$/.test(r[0])).map((r) => r[1] + ' ' + r[2]);
    const wantTypes = cliScenario.before.triangles.map((t, i) => t.type + ' ' + cliScenario.after.triangles[i].type);
    if (wantTypes.length !== 2 || JSON.stringify(triangleType) !== JSON.stringify(wantTypes))
      fail(`the triangles before and after (${triangleType}) are not the CLI's two (${wantTypes})`);
    const wantDynamics = ['local_triad_dynamics', 'continuous', 'landscape_myopic_moves']
      .flatMap((d) => (cliScenario.dynamics[d] ? cliScenario.dynamics[d].result.end_states : []).map((e) => String(e.share)));
    if (!wantDynamics.length || JSON.stringify(sc.dynamics.map((r) => r[1])) !== JSON.stringify(wantDynamics))
      fail(`the dynamics' end states (${sc.dynamics.map((r) => r[1])}) are not the CLI's (${wantDynamics})`);
    const meanFrustration = sc.ensemble.find((r) => r[0] === 'frustration index, mean');
    if (!meanFrustration || meanFrustration[1] !== String(cliScenario.ensemble.frustration.before.mean) ||
        meanFrustration[2] !== String(cliScenario.ensemble.frustration.after.mean))
      fail(`the ensemble's mean frustration (${meanFrustration}) is not the CLI's`);
    if (!page.url().includes('scenario=')) fail(`the URL does not hold the scenario: ${page.url()}`);
    if (opts.screenshots) await page.locator('#scenario-view').screenshot({ path: path.join(opts.screenshots, 'serve-scenario.png') });

    // A shock the server refuses: its message, the command line's, shows beside the button.
    const scenarioUrl = page.url();
    refusalExpected = true;
    const kindOfFirst = page.locator('#sc-shocks li').nth(0).locator('select[name="kind"]');
    await kindOfFirst.selectOption('add_actor');
    await page.locator('#sc-shocks li').nth(0).locator('select[name="actor"]').selectOption('CHN');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/scenario')), page.click('#sc-run')]);
    await page.waitForSelector('#scenario-result[data-ready="error"]', { timeout: opts.timeout * 1000 });
    const refusal = await refused.json();
    const shownError = await page.textContent('#sc-error');
    if (refused.status() !== 400 || !shownError.includes(refusal.error))
      fail(`a refused scenario (HTTP ${refused.status()}: ${refusal.error}) shows "${shownError}"`);
    refusalExpected = false;

    // The scenario's link, opened again, shows the same answer.
    const shared = await context.newPage();
    shared.on('console', (msg) => { if (msg.type() === 'error') fail(`console error (shared link): ${msg.text()}`); });
    shared.on('pageerror', (e) => fail(`page error (shared link): ${e.message}`));
    await shared.goto(scenarioUrl, { waitUntil: 'load' });
    await shared.waitForSelector('#scenario-result[data-ready="true"]', { timeout: opts.timeout * 1000 });
    const sharedChanges = await shared.evaluate(() => [...document.querySelectorAll('#sc-changes-table tbody tr')].map((tr) => tr.textContent));
    if (sharedChanges.length !== wantChanges.length) fail(`the scenario's link shows ${sharedChanges.length} changes, not ${wantChanges.length}`);
    const sharedShocks = await shared.evaluate(() => document.querySelectorAll('#sc-shocks li').length);
    if (sharedShocks !== 2) fail(`the scenario's link shows ${sharedShocks} shocks in the editor, not 2`);
    await shared.close();

    // Keyboard: Tab reaches every control, and each shows its focus.
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex]')];
      return all.filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && !e.closest('dialog:not([open])') &&
                               !e.closest('details:not([open]) > :not(summary)')).length;
    });
    await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
    const reached = new Set();
    let unlit = 0;
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        if (!e.dataset.tabmark) e.dataset.tabmark = String(Math.random());
        const s = getComputedStyle(e);
        return { mark: e.dataset.tabmark, tag: e.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
      });
      if (!f) continue;
      reached.add(f.mark);
      if (!f.outline) unlit += 1;
    }
    if (reached.size < controls) fail(`Tab reaches ${reached.size} of ${controls} controls`);
    if (unlit) fail(`${unlit} controls show no focus outline`);

    // Contrast of every text.
    const contrast = await lowContrast(page, 4.5);
    if (contrast.checked < 100) fail(`the contrast check saw only ${contrast.checked} texts`);
    for (const b of contrast.bad.slice(0, 20)) fail(`contrast below 4.5:1: ${b}`);

    if (opts.screenshots) {
      fs.mkdirSync(opts.screenshots, { recursive: true });
      await page.focus('#year');
      await page.keyboard.press('End');
      await waitForYear(page, 2012);
      // The refused shock back to the war, so that the picture shows an answer.
      await kindOfFirst.selectOption('start_war');
      await page.locator('#sc-shocks li').nth(0).locator('select[name="a"]').selectOption('CHN');
      await page.locator('#sc-shocks li').nth(0).locator('select[name="b"]').selectOption('IND');
      await page.click('#sc-run');
      await page.waitForSelector('#scenario-result[data-ready="true"]', { timeout: opts.timeout * 1000 });
      await page.screenshot({ path: path.join(opts.screenshots, 'serve.png'), fullPage: true });
    }
    console.log(`serve-test: 2012: ${at2012.mapRows} relations to USA, ${at2012.edges} edges; 1946: ${at1946.mapRows}, ` +
                `${at1946.edges}; triangle ${tri.join('-')}: ${table.length} years; explain ${shown.a}-${shown.b} ${shown.year}: ` +
                `${shown.relation}; scenario: ${sc.changes.length} changes, as the CLI; refused: "${refusal.error}"; Tab reached ${reached.size} of ${controls} ` +
                `controls; contrast checked on ${contrast.checked} texts`);
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
