// Shared set-up for the end-to-end tests: serves the RELEASE build in dist/
// on 127.0.0.1 and drives Debian's Chromium through playwright-core at a
// phone viewport (390x844).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
export { dataFile, recordingRows, truthSteps } from '../recordings.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
/** The release build under test: dist/, or $LOOPWALK_DIST (e.g. a private build folder). */
export const DIST = process.env.LOOPWALK_DIST || join(ROOT, 'dist');
/** Screenshots of every screen are written here (not committed): screenshots/, or $LOOPWALK_SHOTS. */
export const SHOTS = process.env.LOOPWALK_SHOTS || join(ROOT, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const TABS = ['Walk', 'History', 'Milestones', 'Settings'];

if (!existsSync(join(DIST, 'index.html'))) {
  throw new Error('dist/ is missing: run `trunk build --release` first (make test does)');
}

/**
 * Starts a server on dist/ and a persistent Chromium profile (a real,
 * non-incognito profile: installability and service workers behave as on a
 * phone). Returns { server, context, page, requests, errors, close }.
 * `sensors: true` enables DevTools sensor overrides before the first
 * navigation, so Chromium itself fires devicemotion from readings we set.
 */
export async function launch({ colorScheme = 'light', sensors = false, server, userDataDir } = {}) {
  server = server ?? (await serve(DIST, 0));
  userDataDir = userDataDir ?? mkdtempSync(join(tmpdir(), 'loopwalk-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    colorScheme,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  let cdp = null;
  if (sensors) {
    cdp = await context.newCDPSession(page);
    for (const type of ['accelerometer', 'linear-acceleration', 'gyroscope']) {
      await cdp.send('Emulation.setSensorOverrideEnabled', { enabled: true, type });
    }
    await setMotion(cdp, 0, 0, 9.81);
  }
  return {
    server,
    context,
    page,
    cdp,
    requests,
    errors,
    userDataDir,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Replays rows in real time at 60 Hz through Chromium's sensor override:
 * at each tick, the latest sample at or before it; `onSecond(t)` once a second. */
export async function replay(cdp, rows, { onSecond } = {}) {
  const t0 = performance.now();
  const end = rows[rows.length - 1][0];
  let i = 0;
  let lastSecond = -1;
  for (let tick = 0; ; tick++) {
    const target = tick / 60;
    if (target > end) break;
    const wait = t0 + target * 1000 - performance.now();
    if (wait > 0) await sleep(wait);
    const now = (performance.now() - t0) / 1000;
    while (i + 1 < rows.length && rows[i + 1][0] <= now) i++;
    const [, x, y, z] = rows[i];
    await cdp.send('Emulation.setSensorOverrideReadings', { type: 'accelerometer', reading: { xyz: { x, y, z } } });
    if (onSecond && Math.floor(now) !== lastSecond) {
      lastSecond = Math.floor(now);
      await onSecond(now);
    }
  }
}

/** Gives the sensor the recording's first reading, as a phone already in its carry position would. */
export const prime = (cdp, rows) =>
  cdp.send('Emulation.setSensorOverrideReadings', { type: 'accelerometer', reading: { xyz: { x: rows[0][1], y: rows[0][2], z: rows[0][3] } } });

/** Sets the readings Chromium reports in devicemotion (needs `sensors: true`). */
export async function setMotion(cdp, x, y, z) {
  await cdp.send('Emulation.setSensorOverrideReadings', { type: 'accelerometer', reading: { xyz: { x, y, z } } });
  await cdp.send('Emulation.setSensorOverrideReadings', { type: 'linear-acceleration', reading: { xyz: { x, y, z: z - 9.81 } } });
  await cdp.send('Emulation.setSensorOverrideReadings', { type: 'gyroscope', reading: { xyz: { x: 0, y: 0, z: 0 } } });
}

/** Opens the app and waits until it has mounted. */
export async function openApp(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
}

/** Taps a tab and waits for its screen. */
export async function openTab(page, label) {
  await page.locator('nav.tabbar a', { hasText: label }).click();
  await page.waitForFunction((l) => document.querySelector('h1')?.textContent === l, label);
}

/** Waits until a service worker controls the page (it has precached the build). */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA and best practices) and returns its violations. */
export async function axeViolations(page) {
  // Through the DevTools protocol, so the app's strict CSP stays in force.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** Saves a phone-size screenshot to screenshots/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const DAY_MS = 24 * 3600 * 1000;

/** A valid stored walk record (schema v2) starting `daysAgo` days ago at
 * local `hour`:15; `extra` overrides any field. */
export function walkRecord(id, daysAgo, hour, extra = {}) {
  const d = new Date(Date.now() - daysAgo * DAY_MS);
  d.setHours(hour, 15, 0, 0);
  return {
    id,
    started_at: d.toISOString(),
    utc_offset_min: -d.getTimezoneOffset(),
    duration_s: 1200,
    active_s: 900,
    steps: 1500,
    source: 'sensor',
    loop_id: 'l1',
    rests: [],
    gaps: [],
    longest_nonstop_s: 600,
    pain_before: null,
    pain_after: null,
    edited: false,
    note: null,
    ...extra,
  };
}

/** The walk checkpoints in storage, one per tab: { key: walk id }. */
export const checkpoints = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('loopwalk.current.'))
        .map((k) => [k, JSON.parse(localStorage.getItem(k)).checkpoint.id]),
    ),
  );
/** This tab's id (sessionStorage). */
export const tabId = (page) => page.evaluate(() => sessionStorage.getItem('loopwalk.tab'));
