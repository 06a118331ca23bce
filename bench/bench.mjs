// Loopwalk benchmark: every figure in one table, also written to
// bench-results/latest.json, checked against bench/budgets.json.
// Run through `make bench` (which builds the release and the detector figures first).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'bench-results');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = Number(process.env.BENCH_RUNS || 5);
mkdirSync(OUT, { recursive: true });
const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'));
const results = { date: new Date().toISOString(), machine: `${cpus().length} cores (${cpus()[0]?.model?.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB` };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const kb = (n) => Math.round((n / 1024) * 10) / 10;

// ---- 1. What a phone downloads on first visit ----
function sizes() {
  const files = readdirSync(DIST, { recursive: true }).filter((f) => statSync(join(DIST, f)).isFile());
  const kind = (f) => {
    const e = extname(f);
    if (f === 'sw.js') return 'service worker';
    return { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' }[e] || null;
  };
  const rows = {};
  for (const f of files) {
    const k = kind(f);
    if (!k) continue; // icons and manifest are fetched later/lazily, not for first render
    const buf = readFileSync(join(DIST, f));
    const r = (rows[k] ??= { raw: 0, gzip: 0, brotli: 0 });
    r.raw += buf.length;
    r.gzip += gzipSync(buf, { level: 9 }).length;
    r.brotli += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of Object.values(rows)) for (const k of Object.keys(total)) total[k] += r[k];
  rows.total = total;
  // What must arrive before Start works: the page, its styles, the JS glue
  // and the wasm (the service worker only matters for the next visit).
  const critical = { raw: 0, gzip: 0, brotli: 0 };
  for (const k of ['html', 'css', 'js', 'wasm']) for (const c of Object.keys(critical)) critical[c] += rows[k]?.[c] ?? 0;
  rows['critical path: before Start works'] = critical;
  return rows;
}

// ---- 2. Lighthouse, first and repeat visit ----
// Async: the server runs in this process, so the event loop must stay free.
async function lighthouse(url, profile, repeat) {
  const out = join(OUT, `lighthouse-${repeat ? 'repeat' : 'first'}.json`);
  const flags = [...FLAGS, `--user-data-dir=${profile}`].join(' ');
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=${flags}`, '--max-wait-for-load=30000'];
  if (repeat) args.push('--disable-storage-reset');
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/lighthouse'), args, { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 2 ** 20 });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  const ms = (a) => Math.round(r.audits[a]?.numericValue ?? NaN);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    fcp_ms: ms('first-contentful-paint'),
    lcp_ms: ms('largest-contentful-paint'),
    tbt_ms: ms('total-blocking-time'),
  };
}

async function browser(profile) {
  return chromium.launchPersistentContext(profile ?? mkdtempSync(join(tmpdir(), 'loopwalk-bench-')), {
    executablePath: CHROME, args: FLAGS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  });
}

// Records when the Start button is first in the DOM and enabled (ms since navigation start),
// marks first run as done so no first-run note covers the button, and keeps the wasm memory.
const INIT = `
  try { const k='loopwalk.v2'; const s=JSON.parse(localStorage.getItem(k)||'null');
        if (!s) localStorage.setItem(k, JSON.stringify({version:2,walks:[],loops:[],settings:{safety_acknowledged:true},deleted:[]})); } catch {}
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  new MutationObserver((_, obs) => {
    const b = document.querySelector('[data-action=start]');
    if (b && !b.disabled) { window.__startReady = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function timeToStart(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__startReady !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__startReady);
}

async function startTimes() {
  const server = await serve(DIST, 0);
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser();
    const page = ctx.pages()[0];
    await ctx.addInitScript(INIT);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    cold.push(await timeToStart(page, server.url));
    await ctx.close();
  }
  // Repeat visits, offline, from the service worker's cache.
  const ctx = await browser();
  const page = ctx.pages()[0];
  await ctx.addInitScript(INIT);
  await timeToStart(page, server.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.close();
  await ctx.setOffline(true);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await timeToStart(page, server.url));
  await ctx.close();
  return { cold_ms: Math.round(median(cold)), repeat_offline_ms: Math.round(median(warm)), runs: RUNS };
}

// ---- 3. History with 2,000 walks ----
function seededStore(n) {
  const walks = [];
  // One walk a day for n days, the newest yesterday evening (so the
  // History screen's recent weeks are full, as for a long-time user).
  const start = Date.now() - n * 86400000 - ((Date.now() % 86400000) - 17.5 * 3600000);
  for (let i = 0; i < n; i++) {
    const steps = 1500 + ((i * 7919) % 3000);
    const active = Math.round(steps / 1.6);
    walks.push({
      id: `w${start + i * 86400000}-${i}`, started_at: new Date(start + i * 86400000).toISOString(), utc_offset_min: 60,
      duration_s: active + 60, active_s: active, steps, source: 'sensor', loop_id: null,
      rests: i % 5 ? [] : [{ at_s: 300, len_s: 25 }], gaps: i % 11 ? [] : [{ at_s: 500, len_s: 70 }],
      longest_nonstop_s: i % 5 ? active : 300, pain_before: i % 3 ? 5 : null, pain_after: i % 3 ? 4 : null, edited: false, note: null,
    });
  }
  return { version: 2, walks, loops: [], settings: { safety_acknowledged: true }, deleted: [] };
}

async function historyLoad() {
  const server = await serve(DIST, 0);
  const store = JSON.stringify(seededStore(2000));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser();
    const page = ctx.pages()[0];
    await page.goto(server.url);
    await page.evaluate((s) => localStorage.setItem('loopwalk.v2', s), store);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.url + '#/history');
    // A hash change is not a navigation: reload so the app starts on the stored history.
    await page.reload();
    // Rendered: the History screen shows walk rows (any element naming a walk).
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'History' &&
      document.querySelectorAll('[data-walk]').length > 0, null, { timeout: 60000 });
    times.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
  await server.close();
  return { walks: 2000, load_and_render_ms: Math.round(median(times)), bytes_per_walk: Math.round(store.length / 2000), store_kb: kb(store.length) };
}

// ---- 3b. A long history: start, Milestones, History tab, saving ----
// The store is put in localStorage before the app's first script runs, so
// each run is a cold start (fresh profile) on that history.
const seedInit = (store) => `
  try { if (!localStorage.getItem('loopwalk.v2')) localStorage.setItem('loopwalk.v2', ${JSON.stringify(store)}); } catch {}
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
`;

// Median ms from navigation to `ready()` first being true (checked on every
// DOM change), cold, at 4x slowdown.
async function coldUntil(url, init, ready) {
  const watch = `new MutationObserver((_, obs) => {
    if ((${ready.toString()})()) { window.__readyAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true });`;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser();
    const page = ctx.pages()[0];
    await ctx.addInitScript(init + watch);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__readyAt));
    await ctx.close();
  }
  return Math.round(median(times));
}

async function longHistory() {
  const server = await serve(DIST, 0);
  const big = seedInit(JSON.stringify(seededStore(5000)));
  const startReady = () => { const b = document.querySelector('[data-action=start]'); return b && !b.disabled; };
  const start5000 = await coldUntil(server.url + '#/walk', big, startReady);
  const milestones5000 = await coldUntil(server.url + '#/milestones', big,
    () => document.querySelectorAll('.earned-list li').length > 0);

  // History tab with 2,000 walks: from the tap on the tab to its first rows
  // (the app already running, as when the walker switches screens).
  const two = seedInit(JSON.stringify(seededStore(2000)));
  const tab = [];
  const save = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser();
    const page = ctx.pages()[0];
    await ctx.addInitScript(two);
    await page.goto(server.url + '#/walk');
    await page.waitForFunction(startReady, null, { timeout: 60000 });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    tab.push(await page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-walk]')) { obs.disconnect(); done(performance.now() - t0); }
      }).observe(document, { childList: true, subtree: true });
      document.querySelector('[data-tab=History]').click();
    })));
    // Saving a walk: record a short one, stop, then time Save until the
    // Walk screen is back (the store merged, written and read back, the
    // milestones checked for new ones, the screen redrawn).
    await page.evaluate(() => { location.hash = '#/walk'; });
    await page.waitForFunction(startReady, null, { timeout: 60000 });
    await page.click('[data-action=start]');
    await page.waitForSelector('section.walk[data-stage=recording]');
    await page.evaluate(() => {
      for (let i = 0; i < 1200; i++) {
        const ph = (i / 60) * 2 * Math.PI * 0.9;
        const z = 9.81 + 2.5 * Math.sin(2 * ph) + 0.8 * Math.sin(6 * ph);
        dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: 0.3 * Math.sin(ph), y: 0.2, z }, interval: 16 }));
      }
    });
    await page.click('[data-action=stop]');
    await page.waitForSelector('[data-action=save]');
    save.push(await page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      new MutationObserver((_, obs) => {
        if (document.querySelector('section.walk[data-stage=ready]')) { obs.disconnect(); done(performance.now() - t0); }
      }).observe(document, { childList: true, subtree: true, attributes: true });
      document.querySelector('[data-action=save]').click();
    })));
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('loopwalk.v2')).walks.length);
    if (saved !== 2001) throw new Error(`save: ${saved} walks stored, expected 2001`);
    await ctx.close();
  }
  await server.close();
  return {
    start_5000_ms: start5000,
    milestones_5000_ms: milestones5000,
    history_tab_2000_ms: Math.round(median(tab)),
    save_2000_ms: Math.round(median(save)),
    runs: RUNS,
  };
}

// ---- 4. Memory over a 60-minute walk's worth of samples ----
async function memory() {
  const server = await serve(DIST, 0);
  const ctx = await browser();
  const page = ctx.pages()[0];
  await ctx.addInitScript(INIT);
  await page.goto(server.url + '#/walk');
  await page.waitForFunction(() => window.__startReady !== undefined && window.__wasmMemory);
  await page.click('[data-action=start]');
  await page.waitForTimeout(500);
  const cdp = await ctx.newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
    return { js_heap: usedSize, wasm };
  };
  const before = await measure();
  const total = 216000;
  for (let sent = 0; sent < total; sent += 7200) {
    await page.evaluate(([from, n]) => {
      for (let i = from; i < from + n; i++) {
        const ph = (i / 60) * 2 * Math.PI * 0.9; // 1.8 steps/s walking-like signal
        const z = 9.81 + 2.5 * Math.sin(2 * ph) + 0.8 * Math.sin(6 * ph);
        dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: 0.3 * Math.sin(ph), y: 0.2, z }, interval: 16 }));
      }
    }, [sent, Math.min(7200, total - sent)]);
  }
  const after = await measure();
  await ctx.close();
  await server.close();
  return {
    samples: total,
    js_heap_start_kb: kb(before.js_heap), js_heap_end_kb: kb(after.js_heap),
    wasm_start_kb: kb(before.wasm), wasm_end_kb: kb(after.wasm),
    wasm_growth_mb: Math.round(((after.wasm - before.wasm) / 2 ** 20) * 100) / 100,
  };
}

// BENCH_ONLY=history,memory runs just those parts (for working on one figure).
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
async function step(name, f) {
  if (ONLY && !ONLY.some((o) => name.startsWith(o))) {
    results[name] = { error: 'skipped (BENCH_ONLY)' };
    return;
  }
  try { results[name] = await f(); } catch (e) { results[name] = { error: String(e.message || e).split('\n')[0] }; }
}

results.download = sizes();
const lhServer = await serve(DIST, 0);
const lhProfile = mkdtempSync(join(tmpdir(), 'loopwalk-lh-'));
await step('lighthouse_first', () => lighthouse(lhServer.url, lhProfile, false));
await step('lighthouse_repeat', () => lighthouse(lhServer.url, lhProfile, true));
await lhServer.close();
await step('start', startTimes);
await step('history', historyLoad);
await step('long_history', longHistory);
await step('memory', memory);
for (const [key, file] of [['steps_accuracy', 'steps-accuracy.json']]) {
  if (existsSync(join(OUT, file))) results[key] = JSON.parse(readFileSync(join(OUT, file), 'utf8'));
}
if (existsSync(join(OUT, 'steps-throughput.txt'))) results.steps_throughput = readFileSync(join(OUT, 'steps-throughput.txt'), 'utf8').trim();

// ---- Budgets ----
const broken = [];
const check = (ok, what) => { if (!ok) broken.push(what); };
const d = results.download.total;
check(kb(d.gzip) <= budgets.total_gzip_kb_ceiling, `total gzip download ${kb(d.gzip)} KB > ceiling ${budgets.total_gzip_kb_ceiling} KB`);
const lh = results.long_history;
if (budgets.long_history) {
  check(!lh.error, `long_history: ${lh.error}`);
  for (const [k, max] of Object.entries(budgets.long_history)) {
    if (!lh.error) check(lh[k] <= max, `${k} ${lh[k]} > ${max}`);
  }
}
for (const lh of ['lighthouse_first', 'lighthouse_repeat']) {
  const r = results[lh];
  check(!r.error, `${lh}: ${r.error}`);
  if (r.error) continue;
  check(r.performance >= budgets.lighthouse_performance_min, `${lh} performance ${r.performance} < ${budgets.lighthouse_performance_min}`);
  check(r.accessibility >= budgets.lighthouse_accessibility_min, `${lh} accessibility ${r.accessibility} < ${budgets.lighthouse_accessibility_min}`);
  check(r.best_practices >= budgets.lighthouse_best_practices_min, `${lh} best-practices ${r.best_practices} < ${budgets.lighthouse_best_practices_min}`);
}
check(!results.start.error && results.start.repeat_offline_ms <= budgets.repeat_start_offline_ms_max,
  `repeat-visit offline start ${results.start.repeat_offline_ms ?? results.start.error} ms > ${budgets.repeat_start_offline_ms_max} ms`);
check(!results.memory.error && results.memory.wasm_growth_mb <= budgets.wasm_memory_growth_mb_max,
  `wasm memory growth ${results.memory.wasm_growth_mb ?? results.memory.error} MB > ${budgets.wasm_memory_growth_mb_max} MB`);
results.budgets_broken = broken;
writeFileSync(join(OUT, 'latest.json'), JSON.stringify(results, null, 2));

// ---- Table ----
const lines = [`Loopwalk benchmark, ${results.date.slice(0, 10)}, ${results.machine}`, '', '| figure | value |', '|---|---|'];
for (const [k, r] of Object.entries(results.download)) lines.push(`| download ${k} (raw / gzip / brotli) | ${kb(r.raw)} / ${kb(r.gzip)} / ${kb(r.brotli)} KB |`);
for (const lh of ['lighthouse_first', 'lighthouse_repeat']) {
  const r = results[lh];
  lines.push(r.error ? `| ${lh} | error: ${r.error} |` : `| ${lh.replace('_', ' ')}: perf / a11y / best practices | ${r.performance} / ${r.accessibility} / ${r.best_practices} |`,
    ...(r.error ? [] : [`| ${lh.replace('_', ' ')}: FCP / LCP / TBT | ${r.fcp_ms} / ${r.lcp_ms} / ${r.tbt_ms} ms |`]));
}
const s = results.start;
lines.push(s.error ? `| start button usable | error: ${s.error} |` : `| start button usable, 4x CPU slowdown, median of ${s.runs}: cold / repeat offline | ${s.cold_ms} / ${s.repeat_offline_ms} ms |`);
const h = results.history;
lines.push(h.error ? `| history 2,000 walks | error: ${h.error} |` : `| history with 2,000 walks: load and render (4x slowdown) / bytes per walk | ${h.load_and_render_ms} ms / ${h.bytes_per_walk} B |`);
const L = results.long_history;
lines.push(L.error ? `| long history | error: ${L.error} |` :
  `| 5,000 walks, cold, 4x slowdown, median of ${L.runs}: Start usable / Milestones shown | ${L.start_5000_ms} / ${L.milestones_5000_ms} ms |`,
  ...(L.error ? [] : [`| 2,000 walks, 4x slowdown: History tab tap to rows / Save tap to Walk screen | ${L.history_tab_2000_ms} / ${L.save_2000_ms} ms |`]));
const m = results.memory;
lines.push(m.error ? `| memory over 216,000 samples | error: ${m.error} |` : `| 216,000 motion samples: JS heap start / end | ${m.js_heap_start_kb} / ${m.js_heap_end_kb} KB |`,
  ...(m.error ? [] : [`| 216,000 motion samples: wasm memory start / end (growth) | ${m.wasm_start_kb} / ${m.wasm_end_kb} KB (${m.wasm_growth_mb} MB) |`]));
if (results.steps_throughput) lines.push(`| step detector throughput | ${results.steps_throughput.split('\n').slice(-1)[0]} |`);
console.log(lines.join('\n'));
if (existsSync(join(OUT, 'steps-accuracy.md'))) console.log('\nStep detector accuracy:\n\n' + readFileSync(join(OUT, 'steps-accuracy.md'), 'utf8'));
// The ceiling may only go down: say when the build has room to lower it.
if (kb(d.gzip) < budgets.total_gzip_kb_ceiling - 2) console.log(`\nThe total download (${kb(d.gzip)} KB gzip) is under its ceiling: lower total_gzip_kb_ceiling in bench/budgets.json to ${Math.ceil(kb(d.gzip))}.`);
console.log(broken.length ? `\nBUDGETS BROKEN:\n- ${broken.join('\n- ')}` : '\nAll budgets met.');
process.exit(broken.length ? 1 : 0);
