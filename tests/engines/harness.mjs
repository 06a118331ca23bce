// Cross-engine layer: the same walker's checks in Firefox (puppeteer-core
// over WebDriver BiDi) and WebKitGTK (a small W3C WebDriver client, below),
// on the RELEASE build at a phone viewport (390x844).
//
// Each engine is one `Driver` with the same few verbs (goto, eval, click,
// fill, waitFor, screenshot, close), so tests/engines/scenarios.mjs holds the
// checks once. Selectors are ids, data-attributes and visible text that the
// app already uses and other changes are unlikely to rename.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { recordingRows, truthSteps } from '../recordings.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = process.env.LOOPWALK_DIST || join(ROOT, 'dist');
export const SHOTS = process.env.LOOPWALK_SHOTS || join(ROOT, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const TABS = ['Walk', 'History', 'Milestones', 'Settings'];
export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error('dist/ is missing: run `trunk build --release` first (make test does)');
}

/**
 * Serves a private copy of dist/ (so a test can publish a "new version" of
 * sw.js) through a counting proxy in front of scripts/serve.mjs: `hits`
 * lists every path asked for. `stop()` takes the site offline.
 */
export async function site() {
  const dir = mkdtempSync(join(tmpdir(), 'loopwalk-engines-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const inner = await serve(dir, 0);
  const innerUrl = new URL(inner.url);
  const hits = [];
  const proxy = createServer((req, res) => {
    hits.push(new URL(req.url, 'http://x').pathname);
    const up = httpRequest(
      { host: innerUrl.hostname, port: innerUrl.port, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${proxy.address().port}/`;
  let stopped = false;
  return {
    url,
    dir,
    hits,
    wasmHits: () => hits.filter((p) => p.endsWith('.wasm')).length,
    /** Publishes a new version: sw.js gets a new build version. */
    publishUpdate() {
      const p = join(dir, 'sw.js');
      const sw = readFileSync(p, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'");
      writeFileSync(p, sw);
      return /const VERSION = '([^']+)'/.exec(sw)[1];
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      proxy.closeAllConnections();
      await new Promise((ok) => proxy.close(ok));
      await inner.close();
    },
    async close() {
      await this.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- recordings

const TMP = mkdtempSync(join(tmpdir(), 'loopwalk-engines-'));

/** The first `seconds` of a recording: rows [t, x, y, z] and the ground-truth step count. */
export function loadTrace(name, seconds) {
  return { rows: recordingRows(name, seconds).rows, truth: truthSteps(name, seconds) };
}

/** `stepcount [--hz N]` (examples/stepcount.rs, the app's own detector) on rows [t, x, y, z]. */
export function stepcount(name, rows, hz) {
  const file = join(TMP, `${name}.csv`);
  writeFileSync(file, 't,x,y,z\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
  const args = ['run', '-q', '--release', '--example', 'stepcount', '--', ...(hz ? ['--hz', String(hz)] : []), file];
  const out = execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8' });
  return Number(out.trim().split('\t').pop());
}

/**
 * In the page: replays rows as `devicemotion` events at 60 Hz (the latest
 * sample at each tick, as a browser delivers), records what was delivered in
 * window.__delivered, and resolves when done. Runs inside the page, so the
 * timing is the page's own, as with a real sensor.
 */
export const REPLAY_IN_PAGE = `async (rows) => {
  window.__delivered = [];
  const Ctor = window.DeviceMotionEvent;
  const t0 = performance.now();
  const end = rows[rows.length - 1][0];
  let i = 0;
  for (let tick = 0; ; tick++) {
    const target = tick / 60;
    if (target > end) break;
    const wait = t0 + target * 1000 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const now = (performance.now() - t0) / 1000;
    while (i + 1 < rows.length && rows[i + 1][0] <= now) i++;
    const [, x, y, z] = rows[i];
    const e = new Ctor('devicemotion', { accelerationIncludingGravity: { x, y, z }, acceleration: null, rotationRate: null, interval: 16 });
    window.__delivered.push([e.timeStamp / 1000, x, y, z]);
    window.dispatchEvent(e);
  }
  return window.__delivered.length;
}`;

/**
 * WebKitGTK has no DeviceMotionEvent. This stand-in (an Event with the
 * fields a phone's event carries) is what the tests dispatch there, and its
 * presence is how the app's iPhone sensor path (requestPermission, then
 * listening) is exercised. Installed after load: WebDriver classic has no
 * init scripts.
 */
export const STAND_IN_MOTION_EVENT = `() => {
  if (window.DeviceMotionEvent) return false;
  class DeviceMotionEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      this.accelerationIncludingGravity = init.accelerationIncludingGravity ?? null;
      this.acceleration = init.acceleration ?? null;
      this.rotationRate = init.rotationRate ?? null;
      this.interval = init.interval ?? 16;
    }
  }
  window.DeviceMotionEvent = DeviceMotionEvent;
  return true;
}`;

/** Collects errors and CSP violations from now on (for engines without a console API). */
export const ERROR_HOOK = `() => {
  if (window.__errors) return;
  window.__errors = [];
  const orig = console.error.bind(console);
  console.error = (...a) => { window.__errors.push('console: ' + a.map(String).join(' ')); orig(...a); };
  addEventListener('error', (e) => window.__errors.push('pageerror: ' + e.message));
  addEventListener('unhandledrejection', (e) => window.__errors.push('unhandledrejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) => window.__errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
}`;

export function shotPath(name) {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}

// ------------------------------------------------------------- WebKit driver

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'].find(existsSync);

let display = null;
/** One Xvfb for the whole run (WebKitGTK has no headless mode). */
export async function xDisplay() {
  if (process.env.LOOPWALK_DISPLAY) return process.env.LOOPWALK_DISPLAY;
  if (display) return display.name;
  // -displayfd: Xvfb picks a free display number and writes it on fd 3
  // (other test runs on the machine may have displays of their own).
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${PHONE.width}x${PHONE.height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((ok, fail) => {
    let buf = '';
    proc.stdio[3].on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) ok(buf.trim());
    });
    proc.once('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
  const name = `:${number}`;
  display = { name, proc };
  process.on('exit', () => proc.kill());
  return name;
}

/** Kills the shared Xvfb (call once at the end of a test file). */
export function closeDisplay() {
  display?.proc.kill();
  display = null;
}

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * MiniBrowser alone, writing the console to stdout (WebDriver classic has no
 * log endpoint): opens `url`, waits until `until()` is true (e.g. the
 * service worker script was fetched, so the app has mounted), then returns
 * the console lines.
 */
export async function webkitConsoleAtLoad(url, until, { timeout = 30000 } = {}) {
  const DISPLAY = await xDisplay();
  const proc = spawn(MINIBROWSER, ['--enable-write-console-messages-to-stdout=true', url], {
    env: { ...process.env, DISPLAY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const t0 = Date.now();
  while (!until() && Date.now() - t0 < timeout) await sleep(100);
  const ok = until();
  await sleep(1500);
  proc.kill();
  await new Promise((r) => proc.once('exit', r));
  return { ok, lines: out.split('\n').filter((l) => /CONSOLE/.test(l)) };
}

/** A W3C WebDriver classic client over fetch, for WebKitWebDriver + MiniBrowser. */
export async function webkit({ userAgent } = {}) {
  const DISPLAY = await xDisplay();
  const port = await freePort();
  const wd = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json();
    if (json.value && json.value.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await fetch(base + '/status');
      break;
    } catch (e) {
      if (i > 50) throw e;
      await sleep(100);
    }
  }
  const args = ['--automation', '--full-screen'];
  if (userAgent) args.push(`--user-agent=${userAgent}`);
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } } },
  });
  const s = `/session/${session.sessionId}`;
  await call('POST', `${s}/window/rect`, { width: PHONE.width, height: PHONE.height });
  // A 60 s replay runs as one async script.
  await call('POST', `${s}/timeouts`, { script: 300000 });
  const el = async (selector) => {
    const v = await call('POST', `${s}/element`, { using: 'css selector', value: selector });
    return Object.values(v)[0];
  };
  const driver = {
    engine: 'webkit',
    version: session.capabilities.browserVersion,
    async goto(url) {
      await call('POST', `${s}/url`, { url });
    },
    /** Runs `fn` (source of a function) with `args` in the page; awaits promises. */
    async eval(fn, ...args) {
      return call('POST', `${s}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          Promise.resolve((${fn})(...Array.prototype.slice.call(arguments, 0, -1)))
            .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`,
        args,
      }).then((r) => {
        if (r && 'err' in r) throw new Error(r.err);
        return r?.ok;
      });
    },
    async click(selector) {
      // Under the fixed tab bar a click is "intercepted" unless the target is centred.
      await driver.eval(`(s) => document.querySelector(s).scrollIntoView({ block: 'center' })`, selector);
      await call('POST', `${s}/element/${await el(selector)}/click`, {});
    },
    async fill(selector, text) {
      const id = await el(selector);
      await call('POST', `${s}/element/${id}/clear`, {});
      await call('POST', `${s}/element/${id}/value`, { text: String(text) });
    },
    async reload() {
      await call('POST', `${s}/refresh`, {});
    },
    async screenshot(name) {
      // Two animation frames, so the last change is painted.
      await driver.eval(`() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
      writeFileSync(shotPath(name), Buffer.from(await call('GET', `${s}/screenshot`), 'base64'));
    },
    /** Errors seen since the hook went in (after load: no init scripts here). */
    async errors() {
      return (await driver.eval(`() => window.__errors || []`)) ?? [];
    },
    async afterLoad() {
      await driver.eval(ERROR_HOOK);
    },
    async close() {
      await call('DELETE', s).catch(() => {});
      wd.kill();
    },
  };
  return driver;
}

// ------------------------------------------------------------ Firefox driver

/** Firefox ESR through puppeteer-core over WebDriver BiDi, headless. */
export async function firefox({ userAgent, initScripts = [] } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const prefs = {
    // Pinned light scheme (the headless default may follow the host).
    'layout.css.prefers-color-scheme.content-override': 1,
  };
  if (userAgent) prefs['general.useragent.override'] = userAgent;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: prefs,
    args: [`--width=${PHONE.width}`, `--height=${PHONE.height}`],
  });
  const page = await browser.newPage();
  await page.setViewport(PHONE);
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  for (const script of initScripts) await page.evaluateOnNewDocument(script);
  const driver = {
    engine: 'firefox',
    version: await browser.version(),
    page,
    async goto(url) {
      await page.goto(url);
    },
    async eval(fn, ...args) {
      return page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
    },
    async click(selector) {
      await page.$eval(selector, (e) => e.scrollIntoView({ block: 'center' }));
      await page.click(selector);
    },
    async fill(selector, text) {
      await page.$eval(selector, (e) => (e.value = ''));
      await page.type(selector, String(text));
    },
    async reload() {
      await page.reload();
    },
    async screenshot(name) {
      await driver.eval(`() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
      await page.screenshot({ path: shotPath(name) });
    },
    async errors() {
      return errors.slice();
    },
    async afterLoad() {},
    async close() {
      await browser.close();
    },
  };
  return driver;
}

// ------------------------------------------------------------------- helpers

/** Polls `fn` (page function source) until it returns a truthy value. */
export async function waitFor(d, fn, { timeout = 20000, what = fn, args = [] } = {}) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    try {
      last = await d.eval(fn, ...args);
      if (last) return last;
    } catch (e) {
      // A navigation in progress: the page may not answer for a moment.
      last = e.message;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const waitForSelector = (d, selector, opts = {}) =>
  waitFor(d, `(s) => !!document.querySelector(s)`, { ...opts, args: [selector], what: selector });

/** Opens the app at `url` and waits until it has mounted. */
export async function openApp(d, url) {
  await d.goto(url);
  await waitForSelector(d, 'nav.tabbar a[aria-current=page]');
  await d.afterLoad();
}

/** Taps a tab by its visible label and waits for its screen. */
export async function openTab(d, label) {
  await d.click(`nav.tabbar a[data-tab="${label}"]`);
  await waitFor(d, `(l) => document.querySelector('h1')?.textContent === l`, { args: [label], what: `screen ${label}` });
}

/** The text of the first element matching `selector` ('' when absent). */
export const text = (d, selector) => d.eval(`(s) => document.querySelector(s)?.innerText ?? ''`, selector);

/** Waits until a service worker controls the page (the build is precached). */
export const waitForServiceWorker = (d) =>
  waitFor(d, `() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`, {
    what: 'a controlling service worker',
    timeout: 30000,
  });

/** Walks saved in localStorage. */
export const storedWalks = (d) => d.eval(`() => JSON.parse(localStorage.getItem('loopwalk.v2') || '{"walks":[]}').walks`);
