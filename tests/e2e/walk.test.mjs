// Walks end to end on the release build: real recordings replayed through
// Chromium's own sensor path, permission, no-sensor fallback, page gaps,
// kill-and-reopen, pocket mode, screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, cpSync, appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openApp, openTab, screenshot, setMotion, waitForServiceWorker, prime, recordingRows, replay, sleep, truthSteps, checkpoints, DIST, ROOT,
} from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

/** Seconds of each recording replayed (real time). */
const REPLAY_S = Number(process.env.LOOPWALK_REPLAY_S || 60);
const RECORDINGS = ['user2_hand_1506421987098', 'user2_frontpocket_1506422217391', 'user1_bag_1506423095164'];
const TMP = mkdtempSync(join(tmpdir(), 'loopwalk-walk-'));

function loadTrace(name, seconds) {
  const { header, rows } = recordingRows(name, seconds);
  const file = join(TMP, `${name}.csv`);
  writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return { rows, file, truth: truthSteps(name, seconds) };
}

function stepcount(file) {
  const out = execFileSync('cargo', ['run', '-q', '--release', '--example', 'stepcount', '--', '--hz', '60', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return Number(out.trim().split('\t').pop());
}

async function startWalk(page) {
  await page.locator('button[data-action=start]').click();
  await page.waitForSelector('section.walk[data-stage=recording]');
}

const liveSteps = async (page) => Number(await page.locator('[data-walk-steps]').innerText());

async function stopAndReadSteps(page) {
  await page.locator('button[data-action=stop]').click();
  await page.waitForSelector('[data-summary-steps]');
  return Number(await page.locator('[data-summary-steps]').innerText());
}

const storedWalks = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('loopwalk.v2') || '{"walks":[]}').walks);


/** A CDP session with the motion sensors overridden on `page` (before it navigates). */
async function sensorsOn(context, page) {
  const cdp = await context.newCDPSession(page);
  for (const type of ['accelerometer', 'linear-acceleration', 'gyroscope']) {
    await cdp.send('Emulation.setSensorOverrideEnabled', { enabled: true, type });
  }
  await setMotion(cdp, 0, 0, 9.81);
  return cdp;
}

/** Kills a page's renderer: no pagehide, no visibilitychange. */
async function kill(app, page) {
  const cdp = page === app.page ? app.cdp : await app.context.newCDPSession(page);
  await Promise.race([cdp.send('Page.crash').catch(() => {}), sleep(2000)]);
  await page.close().catch(() => {});
}

/** Records every devicemotion event the page receives (a second listener beside the app's). */
const CAPTURE = `
  window.__motion = [];
  addEventListener('devicemotion', (e) => {
    const a = e.accelerationIncludingGravity;
    if (a && a.x !== null && a.y !== null && a.z !== null) window.__motion.push([e.timeStamp / 1000, a.x, a.y, a.z]);
  });
`;

/** The samples the page received between two page times (ms), as a stepcount CSV. */
async function capturedCsv(page, name, fromMs, toMs) {
  const rows = await page.evaluate(([a, b]) => window.__motion.filter((r) => r[0] * 1000 >= a && r[0] * 1000 <= b), [fromMs, toMs]);
  const file = join(TMP, `${name}-as-delivered.csv`);
  writeFileSync(file, 't,x,y,z\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
  return { file, samples: rows.length };
}

function stepcountNative(file) {
  const out = execFileSync('cargo', ['run', '-q', '--release', '--example', 'stepcount', '--', file], { cwd: ROOT, encoding: 'utf8' });
  return Number(out.trim().split('\t')[1]);
}

for (const name of RECORDINGS) {
  test(`replayed ${name}: steps at Stop match the native detector and the ground truth`, async () => {
    const { rows, file, truth } = loadTrace(name, REPLAY_S);
    const expected = stepcount(file);
    const app = await launch({ sensors: true });
    try {
      await app.context.addInitScript(CAPTURE);
      await openApp(app.page, app.server.url);
      await prime(app.cdp, rows);
      const startMs = await app.page.evaluate(() => performance.now());
      await startWalk(app.page);
      await replay(app.cdp, rows);
      const stopMs = await app.page.evaluate(() => performance.now());
      const shown = await stopAndReadSteps(app.page);
      // 1. The same detector code: the samples Chromium actually delivered,
      //    counted natively, give the count the page shows.
      const delivered = await capturedCsv(app.page, name, startMs, stopMs);
      const native = stepcountNative(delivered.file);
      const tol = Math.max(2, Math.round(expected * 0.01));
      console.log(
        `# ${name} first ${REPLAY_S}s: app ${shown}, native on the ${delivered.samples} delivered samples ${native}, ` +
          `stepcount --hz 60 on the file ${expected}, truth ${truth}`,
      );
      assert.ok(Math.abs(shown - native) <= tol, `app ${shown} vs native on delivered samples ${native} (±${tol})`);
      // 2. Against the file resampled to an exact 60 Hz: real delivery
      //    (replayed in real time, with the browser's own timing) counts
      //    within max(2 steps, 1%) of the clean 60 Hz stream (issue 15).
      assert.ok(Math.abs(shown - expected) <= tol, `app ${shown} vs stepcount --hz 60 ${expected} (±${tol})`);
      // 3. And the ground truth, within the detector's accuracy on this data.
      assert.ok(Math.abs(shown - truth) <= Math.max(3, truth * 0.06), `app ${shown} vs truth ${truth}`);
      await app.page.locator('button[data-action=save]').click();
      await app.page.waitForSelector('section.walk[data-stage=ready]');
      const walks = await storedWalks(app.page);
      assert.equal(walks.length, 1);
      assert.equal(walks[0].steps, shown);
      assert.equal(walks[0].source, 'sensor');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

test('a killed tab: reopened ten minutes later, its walk is offered back ending at its last step', async () => {
  const { rows } = loadTrace(RECORDINGS[0], 30);
  const app = await launch({ sensors: true });
  try {
    await openApp(app.page, app.server.url);
    await startWalk(app.page);
    const history = [];
    await replay(app.cdp, rows, { onSecond: async (t) => history.push([t, await liveSteps(app.page)]) });
    const final = await liveSteps(app.page);
    const endT = history[history.length - 1][0];
    const floor = history.filter(([t]) => t <= endT - 5).pop()?.[1] ?? 0;
    const second = await app.context.newPage();
    await kill(app, app.page);
    // A new tab, ten minutes later: the dead tab's heartbeat is stale.
    await second.clock.install({ time: Date.now() + 10 * 60_000 });
    const cdp2 = await sensorsOn(app.context, second);
    await openApp(second, app.server.url);
    await second.waitForSelector('[data-resume-steps]');
    const offered = Number(await second.locator('[data-resume-steps]').innerText());
    console.log(`# reopened: offered ${offered}, shown at kill ${final}, 5 s before ${floor}`);
    assert.ok(offered >= floor && offered <= final, `offered ${offered}, expected ${floor}..${final}`);
    assert.match(await second.locator('[data-resume-ends]').innerText(), /ends at \d{2}:\d{2}, when you last walked/);
    await second.locator('button[data-action=continue]').click();
    await second.waitForSelector('section.walk[data-stage=recording]');
    assert.equal(await liveSteps(second), offered);
    await second.waitForSelector('[data-gap]');
    await replay(cdp2, rows.filter((r) => r[0] <= 8));
    await second.locator('button[data-action=stop]').click();
    await second.waitForSelector('[data-summary-gap]');
    await second.locator('button[data-action=save]').click();
    await second.waitForSelector('section.walk[data-stage=ready]');
    const walks = await storedWalks(second);
    assert.equal(walks.length, 1);
    assert.ok(walks[0].gaps.length >= 1, 'the time the page was closed is a gap');
    assert.ok(walks[0].gaps.some((g) => g.len_s >= 590), JSON.stringify(walks[0].gaps));
    assert.deepEqual(await checkpoints(second), {}, 'the dead tab\'s checkpoint is cleared once saved');
  } finally {
    await app.close();
  }
});

test('two tabs: a live walk elsewhere is not offered, saving in one tab keeps the other\'s checkpoint, a dead tab\'s walk is offered', async () => {
  const { rows } = loadTrace(RECORDINGS[0], 6);
  const app = await launch({ sensors: true });
  try {
    const a = app.page;
    await openApp(a, app.server.url);
    await startWalk(a);
    await replay(app.cdp, rows);
    const aWalk = Object.values(await checkpoints(a));
    assert.equal(aWalk.length, 1);
    // Tab B opens while A walks: nothing is offered.
    const b = await app.context.newPage();
    await openApp(b, app.server.url);
    await b.waitForSelector('section.walk[data-stage=ready]');
    assert.equal(await b.locator('[data-resume-steps]').count(), 0, 'A\'s live walk is not "unfinished"');
    // B records and saves its own (manual) walk.
    await b.locator('button[data-action=start]').click();
    const manual = b.locator('button[data-action=manual]');
    if (await manual.count()) await manual.click();
    await b.waitForSelector('section.walk[data-stage=recording]');
    await b.locator('button[data-action=stop]').click();
    const steps = b.locator('input[data-manual-steps]');
    if (await steps.count()) await steps.fill('120');
    await b.locator('button[data-action=save]').click();
    await b.waitForSelector('section.walk[data-stage=ready]');
    assert.deepEqual(Object.values(await checkpoints(b)), aWalk, 'B\'s save left A\'s checkpoint alone');
    assert.equal(await a.getAttribute('section.walk', 'data-stage'), 'recording');
    // A dies; a tab opened later is offered A's walk, and saves it.
    await kill(app, a);
    const c = await app.context.newPage();
    await c.clock.install({ time: Date.now() + 10 * 60_000 });
    await openApp(c, app.server.url);
    await c.waitForSelector('[data-resume-steps]');
    await c.locator('button[data-action=save-as-stood]').click();
    await c.waitForSelector('section.walk[data-stage=ready]');
    const walks = await storedWalks(c);
    assert.ok(walks.some((w) => w.id === aWalk[0]), 'A\'s walk is saved');
    assert.deepEqual(await checkpoints(c), {});
  } finally {
    await app.close();
  }
});

test('a wall clock set forward an hour mid-walk makes no rest and no gap', async () => {
  const { rows } = loadTrace(RECORDINGS[1], 16);
  const app = await launch({ sensors: true });
  try {
    await app.page.clock.install();
    await openApp(app.page, app.server.url);
    await prime(app.cdp, rows);
    await startWalk(app.page);
    await replay(app.cdp, rows.filter((r) => r[0] <= 8));
    await app.page.clock.setSystemTime(Date.now() + 3600_000);
    await replay(app.cdp, rows.filter((r) => r[0] > 8).map(([t, x, y, z]) => [t - 8, x, y, z]));
    assert.equal(await app.page.locator('[data-gap]').count(), 0, 'no "counting paused" notice');
    assert.notEqual(await app.page.getAttribute('[data-status]', 'data-status'), 'resting');
    const shown = await stopAndReadSteps(app.page);
    assert.equal(await app.page.locator('[data-summary-gap]').count(), 0);
    assert.equal(await app.page.locator('[data-summary-rests]').innerText(), '0');
    await app.page.locator('button[data-action=save]').click();
    await app.page.waitForSelector('section.walk[data-stage=ready]');
    const walks = await storedWalks(app.page);
    assert.equal(walks[0].steps, shown);
    assert.deepEqual(walks[0].gaps, []);
    assert.deepEqual(walks[0].rests, []);
    assert.ok(walks[0].duration_s < 30, `duration ${walks[0].duration_s}`);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a forgotten Stop: after 5 minutes without a step the walk pauses itself and ends at the last step', async () => {
  const { rows } = loadTrace(RECORDINGS[0], 10);
  const app = await launch({ sensors: true });
  try {
    await app.page.addInitScript(() => {
      window.__buzz = [];
      navigator.vibrate = (p) => (window.__buzz.push(p), true);
    });
    await app.page.clock.install();
    await openApp(app.page, app.server.url);
    await prime(app.cdp, rows);
    await startWalk(app.page);
    await replay(app.cdp, rows);
    await setMotion(app.cdp, 0, 0, 9.81);
    const walked = await liveSteps(app.page);
    assert.ok(walked > 5, `steps ${walked}`);
    await app.page.clock.fastForward('04:30');
    await sleep(300);
    assert.equal(await app.page.locator('[data-idle]').count(), 0, 'not before 5 minutes');
    await app.page.clock.fastForward('00:45');
    await app.page.waitForSelector('[data-idle]');
    assert.equal(await app.page.getAttribute('section.walk', 'data-stage'), 'idle');
    assert.ok((await app.page.evaluate(() => window.__buzz.length)) >= 1, 'vibrated');
    const end = app.page.locator('button[data-action=end-at-last-step]');
    assert.match(await end.innerText(), /End the walk at \d{2}:\d{2}, when you last walked/);
    await end.click();
    await app.page.waitForSelector('[data-summary-steps]');
    await app.page.locator('button[data-action=save]').click();
    await app.page.waitForSelector('section.walk[data-stage=ready]');
    const walks = await storedWalks(app.page);
    assert.equal(walks[0].steps, walked);
    assert.ok(walks[0].duration_s < 15, `ends at the last step: ${walks[0].duration_s} s`);
    assert.ok(walks[0].active_s < 15);
    assert.ok(walks[0].longest_nonstop_s < 15);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('an update applied in another tab never reloads a walk in progress; afterwards the offer reloads at once', async () => {
  // A private copy of the build, so a new version can be published mid-test.
  const dir = mkdtempSync(join(tmpdir(), 'loopwalk-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir, 0);
  const app = await launch({ sensors: true, server });
  try {
    const a = app.page;
    await openApp(a, server.url);
    await waitForServiceWorker(a);
    await a.evaluate(() => (window.__sameDocument = true));
    await startWalk(a);
    const b = await app.context.newPage();
    await openApp(b, server.url);
    await waitForServiceWorker(b);
    // A new version is published; tab B finds it and applies it.
    appendFileSync(join(dir, 'sw.js'), '\n// a new version\n');
    await b.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await b.waitForSelector('.banner');
    assert.equal(await a.locator('.banner').count(), 0, 'no reload offer mid-walk');
    await Promise.all([b.waitForEvent('load'), b.locator('.banner button').click()]);
    await sleep(2000);
    assert.equal(await a.evaluate(() => window.__sameDocument), true, 'the walking tab was not reloaded');
    assert.equal(await a.getAttribute('section.walk', 'data-stage'), 'recording');
    // The walk ends; the offer shows again and, the new version being in
    // charge already, reloads at once.
    await a.locator('button[data-action=stop]').click();
    await a.locator('button[data-action=discard]').click();
    await a.locator('button[data-action=confirm-discard]').click();
    await a.waitForSelector('.banner');
    await Promise.all([a.waitForEvent('load'), a.locator('.banner button').click()]);
    assert.equal(await a.evaluate(() => window.__sameDocument), undefined, 'reloaded');
  } finally {
    await app.close();
  }
});

for (const answer of ['granted', 'denied']) {
  test(`iOS-style motion permission ${answer}`, async () => {
    const app = await launch({ sensors: true });
    try {
      await app.page.addInitScript((a) => {
        window.__motionAnswer = a;
        window.__asked = 0;
        DeviceMotionEvent.requestPermission = () => {
          window.__asked++;
          return Promise.resolve(window.__motionAnswer);
        };
      }, answer);
      await openApp(app.page, app.server.url);
      await app.page.locator('button[data-action=start]').click();
      if (answer === 'granted') {
        await app.page.waitForSelector('section.walk[data-stage=recording]');
        await sleep(3000);
        assert.equal(await app.page.getAttribute('section.walk', 'data-stage'), 'recording', 'readings arrive');
      } else {
        await app.page.waitForSelector('[data-problem=Denied]');
        const text = await app.page.locator('[data-problem]').innerText();
        assert.match(text, /Motion & Orientation Access/);
        assert.match(text, /home screen/);
        await app.page.evaluate(() => (window.__motionAnswer = 'granted'));
        await app.page.locator('button[data-action=retry]').click();
        await app.page.waitForSelector('section.walk[data-stage=recording]');
      }
      assert.ok((await app.page.evaluate(() => window.__asked)) >= 1);
    } finally {
      await app.close();
    }
  });
}

test('no motion readings at all: a plain message and a manual-count walk', async () => {
  const app = await launch({ sensors: false });
  try {
    await openApp(app.page, app.server.url);
    await app.page.locator('button[data-action=start]').click();
    await app.page.waitForSelector('[data-problem=NoEvents]', { timeout: 8000 });
    assert.match(await app.page.locator('[data-problem]').innerText(), /desktop/);
    await app.page.locator('button[data-action=manual]').click();
    await app.page.waitForSelector('section.walk[data-stage=recording]');
    assert.equal(await app.page.locator('[data-walk-steps]').count(), 0, 'no step count without the sensor');
    await app.page.locator('button[data-action=stop]').click();
    await app.page.locator('input[data-manual-steps]').fill('640');
    await app.page.locator('button[data-action=save]').click();
    await app.page.waitForSelector('section.walk[data-stage=ready]');
    const walks = await storedWalks(app.page);
    assert.equal(walks.length, 1);
    assert.equal(walks[0].steps, 640);
    assert.equal(walks[0].source, 'manual');
  } finally {
    await app.close();
  }
});

test('a hidden page is a gap: said on return and in the summary, walk marked interrupted', async () => {
  const { rows } = loadTrace(RECORDINGS[1], 12);
  const app = await launch({ sensors: true });
  try {
    await app.page.addInitScript(() => {
      window.__vis = 'visible';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => window.__vis });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__vis === 'hidden' });
    });
    await openApp(app.page, app.server.url);
    await startWalk(app.page);
    await replay(app.cdp, rows);
    const setVis = (v) =>
      app.page.evaluate((v) => {
        window.__vis = v;
        document.dispatchEvent(new Event('visibilitychange'));
      }, v);
    await setVis('hidden');
    assert.equal(Object.keys(await checkpoints(app.page)).length, 1, 'checkpointed on hide');
    await sleep(4000);
    await setVis('visible');
    await app.page.waitForSelector('[data-gap]');
    assert.match(await app.page.locator('[data-gap]').innerText(), /Counting paused for \d+ s while the screen was off/);
    await app.page.locator('button[data-action=stop]').click();
    await app.page.waitForSelector('[data-summary-gap]');
    assert.match(await app.page.locator('[data-summary-gap]').innerText(), /interrupted/);
    await app.page.locator('button[data-action=save]').click();
    const walks = await storedWalks(app.page);
    assert.equal(walks[0].gaps.length, 1);
    assert.ok(walks[0].gaps[0].len_s >= 3.5, `gap ${walks[0].gaps[0].len_s}`);
  } finally {
    await app.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`walk screens, pocket mode and discard (${scheme}); screenshots`, async () => {
    const { rows } = loadTrace(RECORDINGS[0], 15);
    const app = await launch({ sensors: true, colorScheme: scheme });
    try {
      const page = app.page;
      await openApp(page, app.server.url);
      await screenshot(page, `walk-ready-${scheme}`);
      await startWalk(page);
      assert.equal(await openTab(page, 'History').then(() => true), true);
      await openTab(page, 'Walk');
      await replay(app.cdp, rows);
      assert.ok((await liveSteps(page)) > 5, 'counting continued across tabs');
      const size = await page.locator('[data-walk-steps]').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(size >= 48, `steps font ${size}px`);
      await screenshot(page, `walk-live-${scheme}`);
      await page.locator('button[data-action=pocket]').click();
      await page.waitForSelector('[data-pocket]');
      await screenshot(page, `walk-pocket-${scheme}`);
      // A stray tap where Stop was does nothing; a short press does not unlock.
      await page.mouse.click(300, 560);
      const box = await page.locator('button[data-action=unlock]').boundingBox();
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await sleep(300);
      await page.mouse.up();
      assert.equal(await page.locator('[data-pocket]').count(), 1, 'short press keeps the lock');
      assert.equal(await page.getAttribute('section.walk', 'data-stage'), 'recording');
      await page.mouse.down();
      await sleep(1300);
      await page.mouse.up();
      await page.waitForSelector('[data-pocket]', { state: 'detached' });
      await page.locator('button[data-action=pause]').click();
      await page.waitForSelector('[data-status=paused]');
      await page.locator('button[data-action=resume]').click();
      await page.locator('button[data-action=stop]').click();
      await page.waitForSelector('[data-summary-steps]');
      await screenshot(page, `walk-summary-${scheme}`);
      await page.locator('button[data-action=discard]').click();
      await page.waitForSelector('[role=alertdialog]');
      await screenshot(page, `walk-discard-${scheme}`);
      await page.locator('button[data-action=confirm-discard]').click();
      await page.waitForSelector('section.walk[data-stage=ready]');
      assert.equal((await storedWalks(page)).length, 0);
      assert.deepEqual(await checkpoints(page), {}, 'no checkpoint left');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
