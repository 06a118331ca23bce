// Walk cues end to end on the release build: a real recording replayed
// through Chromium's own sensor path, with speechSynthesis and
// navigator.vibrate observed from the page. The cues come at the right
// moments, in order, once each; switched off, none come; where neither
// speech nor vibration exists the settings say so and the Walk screen shows
// the cue. Settings: "feel them", and "Remind me to walk" downloads an
// iCalendar file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, openTab, screenshot, recordingRows, replay, sleep, ROOT } from './harness.mjs';

const KEY = 'loopwalk.v2';
const RECORDING = 'user2_hand_1506421987098';
/** A short loop, so "loop done" comes within the recording. */
const LOOP_STEPS = 50;
/** Today's plan is 2 minutes (an entered baseline of 5 a week, 3 walks);
 * with 65 s walked earlier today, it is met after 55 s of this walk. */
const EARLIER_S = 65;
const PLAN_LEFT_S = 120 - EARLIER_S;

const loadRows = (seconds) => recordingRows(RECORDING, seconds).rows;

/** Observes speech and vibration from inside the page, with what the Walk screen showed at that moment. */
const OBSERVE = `
  window.__cues = [];
  const seen = (kind, extra) => window.__cues.push(Object.assign({
    kind,
    t: performance.now(),
    hidden: document.hidden,
    screen: document.querySelector('main')?.dataset.screen,
    steps: Number(document.querySelector('[data-walk-steps]')?.textContent ?? NaN),
    active: document.querySelector('[data-walk-active]')?.textContent ?? '',
  }, extra));
  const voice = { name: 'Test voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'test' };
  speechSynthesis.getVoices = () => [voice];
  speechSynthesis.speak = (u) => seen('speak', { text: u.text, lang: u.lang });
  speechSynthesis.cancel = () => seen('cancel', {});
  navigator.vibrate = (p) => { seen('vibrate', { pattern: Array.from(p) }); return true; };
`;

/** Lets the test hold back motion readings from the app ("readings stop
 * arriving"): Chromium keeps firing devicemotion, the app's listener stops
 * hearing it while window.__stall is true. */
const STALL = `
  window.__stall = false;
  const wrapped = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  window.addEventListener = function (type, listener, options) {
    if (type !== 'devicemotion' || typeof listener !== 'function') return add.call(this, type, listener, options);
    const gated = (e) => { if (!window.__stall) listener.call(this, e); };
    wrapped.set(listener, gated);
    return add.call(this, type, gated, options);
  };
  window.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, wrapped.get(listener) ?? listener, options);
  };
`;

/** The same page with neither speech nor vibration (an iPhone without voices, say). */
const NEITHER = `
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
  delete window.SpeechSynthesisUtterance;
  delete Navigator.prototype.vibrate;
`;

/** A store with one short loop (walked last time), an entered baseline and an earlier walk today. */
function seedStore(cues = {}) {
  const now = Date.now();
  return {
    version: 2,
    walks: [
      {
        id: 'earlier-today',
        started_at: new Date(now - 5000).toISOString(),
        utc_offset_min: -new Date().getTimezoneOffset(),
        duration_s: EARLIER_S,
        active_s: EARLIER_S,
        steps: 100,
        source: 'sensor',
        loop_id: null,
        rests: [],
        gaps: [],
        longest_nonstop_s: EARLIER_S,
        pain_before: null,
        pain_after: null,
        edited: false,
        note: null,
      },
    ],
    loops: [
      {
        id: 'loop-short',
        name: 'Round the block',
        length: { unit: 'steps', value: LOOP_STEPS },
        created_at: new Date(now - 86400000).toISOString(),
        archived: false,
        kind: 'loop',
      },
    ],
    settings: { pain_checkins: false, tips: true, safety_acknowledged: true, weekly_baseline_min: 5, last_loop: 'loop-short', cues },
    deleted: [],
  };
}

async function seed(page, url, store) {
  await openApp(page, url, '#/settings');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(store)]);
  await openApp(page, url, '#/walk');
  await page.reload();
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
}

async function startWalk(page, rows, cdp) {
  await cdp.send('Emulation.setSensorOverrideReadings', { type: 'accelerometer', reading: { xyz: { x: rows[0][1], y: rows[0][2], z: rows[0][3] } } });
  await page.locator('label.pick-row', { hasText: 'Round the block' }).click();
  await page.locator('button[data-action=start]').click();
  await page.waitForSelector('section.walk[data-stage=recording]');
  return page.evaluate(() => performance.now());
}

const cues = (page) => page.evaluate(() => window.__cues);
/** What was said (the empty utterance of the Start tap only unlocks speech on iOS). */
const spoken = async (page) => (await cues(page)).filter((c) => c.kind === 'speak' && c.text !== '');
const secondsOf = (clock) => clock.split(':').reduce((a, b) => a * 60 + Number(b), 0);

/** Fake page visibility, so "hidden" can be switched from the test. */
const VISIBILITY = `
  window.__vis = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => window.__vis });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__vis === 'hidden' });
`;
const setVisibility = (page, v) =>
  page.evaluate((v) => {
    window.__vis = v;
    document.dispatchEvent(new Event('visibilitychange'));
  }, v);

test('a replayed walk hears start, halfway, loop done and plan reached at their moments, once each; hidden is silent; counting paused and again', async () => {
  const rows = loadRows(64);
  const app = await launch({ sensors: true });
  const { page, cdp } = app;
  try {
    await app.context.addInitScript(OBSERVE + VISIBILITY + STALL);
    await seed(page, app.server.url, seedStore());
    const startMs = await startWalk(page, rows, cdp);
    await replay(cdp, rows);
    await screenshot(page, 'walk-cues-live-light');

    const said = await spoken(page);
    const texts = said.map((c) => c.text);
    console.log(`# cues: ${said.map((c) => `${((c.t - startMs) / 1000).toFixed(1)}s ${c.steps} steps ${c.active} "${c.text}"`).join(' | ')}`);
    assert.deepEqual(texts, [
      'Walk started. Have a good loop.',
      'Halfway round your loop.',
      'Whole loop done, well done.',
      "That's today's 2 minutes. You can head home whenever you like.",
    ]);
    assert.ok(said.every((c) => c.lang === 'en-GB' && !c.hidden));
    const unlock = (await cues(page)).filter((c) => c.kind === 'speak' && c.text === '');
    assert.equal(unlock.length, 1, 'speech unlocked once, by the Start tap');
    assert.ok(unlock[0].t <= startMs + 50, 'inside the tap');
    // At the right moments: the Walk screen showed the steps / time that make each due.
    const [start, half, done, plan] = said;
    assert.ok(start.t - startMs < 2500, `start after ${start.t - startMs} ms`);
    assert.ok(half.steps >= LOOP_STEPS / 2 && half.steps < LOOP_STEPS, `halfway at ${half.steps} steps`);
    assert.ok(done.steps >= LOOP_STEPS && done.steps < LOOP_STEPS + 15, `loop done at ${done.steps} steps`);
    const planAt = secondsOf(plan.active);
    assert.ok(planAt >= PLAN_LEFT_S - 1 && planAt <= PLAN_LEFT_S + 2, `plan reached at ${plan.active} active`);
    // One vibration per cue, each with its own pattern (whole loop: long, short, long).
    const buzz = (await cues(page)).filter((c) => c.kind === 'vibrate').map((c) => c.pattern.join(','));
    assert.deepEqual(buzz, ['150,150,400', '120,150,120', '500,200,150,200,500', '120,150,120,150,120']);
    // The walker who looks sees the last cue.
    assert.match(await page.locator('[data-last-cue=plan-reached]').innerText(), /today's 2 minutes/);

    // Hidden: nothing is said (queued speech cancelled); back on show: "Counting again", once.
    const before = (await cues(page)).length;
    await setVisibility(page, 'hidden');
    await sleep(3500);
    const whileHidden = (await cues(page)).slice(before);
    assert.ok(whileHidden.some((c) => c.kind === 'cancel'), 'queued speech cancelled on hide');
    assert.deepEqual(whileHidden.filter((c) => c.kind !== 'cancel'), [], 'nothing while hidden');
    await setVisibility(page, 'visible');
    await sleep(2500);
    let after = (await spoken(page)).map((c) => c.text).slice(4);
    assert.deepEqual(after, ['Counting again.']);

    // Readings stop arriving with the page on show: "Counting paused", then "Counting again".
    await page.evaluate(() => (window.__stall = true));
    await sleep(6000);
    after = (await spoken(page)).map((c) => c.text).slice(4);
    assert.deepEqual(after, ['Counting again.', 'Counting paused.']);
    await screenshot(page, 'walk-cues-paused-light');
    await page.evaluate(() => (window.__stall = false));
    await sleep(3000);
    after = (await spoken(page)).map((c) => c.text).slice(4);
    assert.deepEqual(after, ['Counting again.', 'Counting paused.', 'Counting again.']);

    // Stop and save: no cue after Stop, and the walk is kept as usual.
    const n = (await cues(page)).length;
    await page.locator('button[data-action=stop]').click();
    await page.waitForSelector('[data-summary-steps]');
    await sleep(2000);
    assert.deepEqual((await cues(page)).slice(n).filter((c) => c.kind !== 'cancel'), []);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('History opened mid-walk: the walk cues go on (halfway and whole loop said and buzzed on History)', async () => {
  const rows = loadRows(35);
  const app = await launch({ sensors: true });
  const { page, cdp } = app;
  try {
    await app.context.addInitScript(OBSERVE);
    await seed(page, app.server.url, seedStore());
    await startWalk(page, rows, cdp);
    await page.waitForFunction(() => window.__cues.some((c) => c.kind === 'speak' && c.text.startsWith('Walk started')));
    // The walker looks at History, and keeps walking.
    await openTab(page, 'History');
    await replay(cdp, rows);
    assert.equal(await page.locator('main').getAttribute('data-screen'), 'History');
    const said = (await spoken(page)).map((c) => [c.text, c.screen]);
    console.log(`# cues: ${said.map(([t, s]) => `"${t}" on ${s}`).join(' | ')}`);
    assert.deepEqual(said, [
      ['Walk started. Have a good loop.', 'Walk'],
      ['Halfway round your loop.', 'History'],
      ['Whole loop done, well done.', 'History'],
    ]);
    const buzz = (await cues(page)).filter((c) => c.kind === 'vibrate' && c.screen === 'History').map((c) => c.pattern.join(','));
    assert.deepEqual(buzz, ['120,150,120', '500,200,150,200,500']);
    assert.equal(await page.locator('[data-last-cue]').count(), 0, 'the last-cue line stays on the Walk screen');
    // Back on the Walk screen: the walk runs on and shows the last cue, said once.
    await openTab(page, 'Walk');
    assert.equal(await page.getAttribute('section.walk', 'data-stage'), 'recording');
    assert.match(await page.locator('[data-last-cue=loop-done]').innerText(), /Whole loop done/);
    await sleep(2500);
    assert.equal((await spoken(page)).length, 3, 'nothing said again on coming back');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('with walk cues switched off, a whole replayed walk says and buzzes nothing', async () => {
  const rows = loadRows(45);
  const app = await launch({ sensors: true });
  const { page, cdp } = app;
  try {
    await app.context.addInitScript(OBSERVE);
    await seed(page, app.server.url, seedStore({ on: false }));
    await startWalk(page, rows, cdp);
    await replay(cdp, rows);
    const steps = Number(await page.locator('[data-walk-steps]').innerText());
    assert.ok(steps >= LOOP_STEPS, `the loop was walked (${steps} steps)`);
    assert.deepEqual(await cues(page), [], 'not even the unlocking empty utterance');
    assert.equal(await page.locator('[data-last-cue]').count(), 0);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('without speech or vibration: the settings say so plainly and the Walk screen shows the cue', async () => {
  const rows = loadRows(6);
  const app = await launch({ sensors: true });
  const { page, cdp } = app;
  try {
    await app.context.addInitScript(NEITHER);
    await seed(page, app.server.url, seedStore());
    await startWalk(page, rows, cdp);
    await replay(cdp, rows);
    assert.match(await page.locator('[data-last-cue=start]').innerText(), /Walk started\. Have a good loop\./);
    // Pocket mode: the last cue stays readable over the black screen.
    await page.locator('button[data-action=pocket]').click();
    await page.waitForSelector('[data-pocket]');
    assert.ok(await page.locator('.walk-last-cue.over-pocket').isVisible());
    await screenshot(page, 'walk-cues-pocket');
  } finally {
    await app.close();
  }
  // Settings, on a fresh page.
  const second = await launch();
  try {
    await second.context.addInitScript(NEITHER);
    await openApp(second.page, second.server.url, '#/settings');
    const text = await second.page.locator('[data-cue-support]').innerText();
    assert.match(text, /neither speak nor vibrate/);
    assert.ok(await second.page.locator('button[data-action=feel-cues]').isDisabled());
  } finally {
    await second.close();
  }
});

test('cue settings: switches are kept, "feel them" plays every pattern, "Remind me to walk" downloads an iCalendar file', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await app.context.addInitScript(OBSERVE);
    await openApp(page, app.server.url, '#/settings');
    const section = page.locator('section.cue-settings');
    await section.scrollIntoViewIfNeeded();
    assert.equal(await page.locator('[data-cue-support]').count(), 0, 'speech and vibration both work here');
    await page.locator('input[data-setting=loop-done]').uncheck();
    await page.locator('button[data-action=feel-cues]').click();
    await page.waitForFunction(() => window.__cues.filter((c) => c.kind === 'vibrate').length === 7, null, { timeout: 20000 });
    const patterns = (await cues(page)).filter((c) => c.kind === 'vibrate').map((c) => c.pattern.join(','));
    assert.equal(new Set(patterns).size, 7, 'seven distinct patterns');
    assert.ok(patterns.includes('500,200,150,200,500'), 'whole loop: long, short, long');
    assert.ok(patterns.includes('120,150,120,150,120'), 'plan reached: three short');
    const settings = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).settings, KEY);
    assert.equal(settings.cues.loop_done, false);
    assert.equal(settings.cues.on, true);
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    await page.evaluate(() => document.querySelector('section.cue-settings').scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/settings-cues-light.png') });

    // The reminder: Tuesday and Thursday at 18:30, with a note.
    const days = page.locator('.reminder-days input');
    for (const n of [1, 3, 5]) await page.locator(`input[data-day="${n}"]`).uncheck();
    for (const n of [2, 4]) await page.locator(`input[data-day="${n}"]`).check();
    assert.equal(await days.count(), 7);
    await page.locator('input[data-reminder-time]').fill('18:30');
    await page.locator('input[data-reminder-time]').dispatchEvent('change');
    await page.locator('input[data-reminder-note]').fill('Evening loop, slowly; bring water');
    await page.locator('input[data-reminder-note]').dispatchEvent('change');
    await page.locator('section.reminder-settings').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-reminder-light');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action=remind]').click()]);
    assert.equal(download.suggestedFilename(), 'loopwalk-reminder.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'CRLF line endings only');
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    assert.ok(lines.includes('RRULE:FREQ=WEEKLY;BYDAY=TU,TH'), ics);
    assert.ok(lines.some((l) => /^DTSTART:\d{8}T183000$/.test(l)), 'floating local 18:30');
    assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:Evening loop\\, slowly\\; bring water\\n\\nOpen Loopwalk: http://127.0.0.1:')));
    assert.ok(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
    const kept = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).settings.reminder, KEY);
    assert.deepEqual(kept, { days: [2, 4], hour: 18, minute: 30, note: 'Evening loop, slowly; bring water' });
    assert.match(await page.locator('section.reminder-settings').innerText(), /Open it to add the walk to your calendar/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a loop can be out and back: chosen when adding it and kept', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await openApp(page, app.server.url, '#/milestones/loops');
    await page.locator('#new-loop-name').fill('To the bench and back');
    await page.locator('#new-loop-length').fill('1200');
    await page.locator('#new-loop-kind').selectOption('out_and_back');
    await page.getByRole('button', { name: 'Save loop' }).click();
    await page.waitForSelector('li.loop-card');
    assert.match(await page.locator('li.loop-card').first().innerText(), /out and back/);
    const loops = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).loops, KEY);
    assert.equal(loops[0].kind, 'out_and_back');
  } finally {
    await app.close();
  }
});
