// Milestones, loops and back care, end to end on the release build:
// seeded history, loops, flare-ups, the safety note, urgent help, the
// printable summary, accessibility in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { launch, openApp, openTab, axeViolations, screenshot, SHOTS, ROOT } from './harness.mjs';

const KEY = 'loopwalk.v2';
const DAY = 86400000;

/** A history of 14 evening walks over the last 3 weeks, two loops. */
function seedStore({ acknowledged = true } = {}) {
  const now = Date.now();
  const walks = [];
  for (let i = 0; i < 14; i++) {
    const daysAgo = 20 - Math.round(i * 1.45);
    const start = new Date(now - daysAgo * DAY - 2 * 3600000);
    const minutes = 10 + i;
    const onLoop = i >= 4;
    const whole = onLoop && i >= 6;
    const nonStop = i === 11 || i === 13;
    walks.push({
      id: `w${String(i).padStart(2, '0')}`,
      started_at: start.toISOString(),
      utc_offset_min: 0,
      duration_s: minutes * 60 + 60,
      active_s: minutes * 60,
      steps: whole ? 1550 + i * 10 : 900 + i * 40,
      source: 'sensor',
      loop_id: onLoop ? 'loop-evening' : null,
      rests: nonStop ? [] : [{ at_s: 240, len_s: 30 }],
      gaps: [],
      longest_nonstop_s: nonStop ? minutes * 60 : Math.min(minutes * 60, 240 + i * 20),
      // Pain goes up and down, as it does: never falling on every walk.
      pain_before: [4, 5, 4, 3, 5, 4, 4, 3, 4, 5, 3, 4, 4, 3][i],
      pain_after: [4, 4, 5, 3, 4, 4, 3, 3, 5, 4, 3, 4, 3, 3][i],
      edited: false,
      note: i === 5 ? 'Left leg ached on the hill; rested on the bench' : null,
    });
  }
  return {
    version: 2,
    walks,
    loops: [
      {
        id: 'loop-evening',
        name: 'Evening loop',
        length: { unit: 'steps', value: 1500 },
        created_at: new Date(now - 25 * DAY).toISOString(),
        archived: false,
      },
    ],
    settings: { pain_checkins: true, tips: true, safety_acknowledged: acknowledged },
    deleted: [],
  };
}

async function seed(page, url, store) {
  await openApp(page, url, '#/milestones');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(store)]);
  await page.reload();
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
}

async function go(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForTimeout(150);
}

function stored(page) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
}

async function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main a.btn, main button, main .btn, main label.switch, main select, main .pick-row, .back-link')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ e: e.textContent.trim().slice(0, 30), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 47.5 && r.width > 0)
      .map(({ e, r }) => `${e} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

test('Milestones shows earned badges with dates, newest first, and the next ones with progress', async () => {
  const app = await launch();
  try {
    await seed(app.page, app.server.url, seedStore());
    const page = app.page;
    await page.waitForSelector('.earned-list li');
    const earned = await page.locator('.earned-section:not(.earlier-badges) .earned-list li').evaluateAll((els) =>
      els.map((e) => ({ id: e.dataset.milestone, date: e.querySelector('time').getAttribute('datetime') })),
    );
    assert.ok(earned.length >= 5, `earned: ${JSON.stringify(earned)}`);
    assert.ok(earned.some((e) => e.id === 'first-walk'));
    assert.ok(earned.some((e) => e.id === 'loop-1'));
    assert.ok(earned.some((e) => e.id === 'loop-non-stop'));
    const dates = earned.map((e) => e.date);
    assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
    assert.match(await page.locator('.earned-section:not(.earlier-badges) .earned-list').innerText(), /Earned \d{1,2} \w{3} \d{4}/);
    const next = page.locator('.next-list li');
    const shown = await next.count();
    assert.ok(shown >= 1 && shown <= 3, `next up shows at most 3: ${shown}`);
    assert.doesNotMatch(await page.locator('.next-list').innerText(), /days? in a row|days? running/);
    assert.match(await next.first().innerText(), /more/);
    const bar = next.first().locator('[role=progressbar]');
    assert.ok(Number(await bar.getAttribute('aria-valuenow')) > 0);
    // Badge art is drawn inline, locked ones muted.
    assert.ok((await page.locator('.next-list svg.badge-art.locked').count()) >= 1);
    assert.ok((await page.locator('.earned-section:not(.earlier-badges) .earned-list svg.badge-art.earned').count()) >= 5);
    await screenshot(page, 'care-milestones-light');
    await page.locator('.loops-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'care-milestones-light-lower');
    assert.deepEqual(await smallTargets(page), []);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('loops: stats and chart, create, rename and archive a loop', async () => {
  const app = await launch();
  try {
    await seed(app.page, app.server.url, seedStore());
    const page = app.page;
    await page.locator('.loops-summary a', { hasText: 'See and add loops' }).click();
    await page.waitForSelector('.loops-view');
    const card = page.locator('.loop-card[data-loop="loop-evening"]');
    const stats = await card.locator('.loop-stats').innerText();
    assert.match(stats, /Walked\s+10/);
    assert.match(stats, /All the way round\s+8/);
    assert.match(stats, /Without stopping\s+2/);
    assert.equal(await card.locator('svg.loop-chart rect.bar').count(), 10);
    await screenshot(page, 'care-loops-light');

    await page.fill('#new-loop-name', 'Round the park');
    await page.fill('#new-loop-length', '2000');
    await page.selectOption('#new-loop-unit', 'metres');
    await page.getByRole('button', { name: 'Save loop' }).click();
    await page.waitForSelector('.loop-card h3:text("Round the park")');
    let s = await stored(page);
    const park = s.loops.find((l) => l.name === 'Round the park');
    assert.deepEqual(park.length, { unit: 'metres', value: 2000 });

    const parkCard = page.locator(`.loop-card[data-loop="${park.id}"]`);
    await parkCard.getByRole('button', { name: 'Rename' }).click();
    await parkCard.locator('input').fill('Park and back');
    await parkCard.getByRole('button', { name: 'Save name' }).click();
    await page.waitForSelector('.loop-card h3:text("Park and back")');
    const renamed = page.locator(`.loop-card[data-loop="${park.id}"]`);
    await renamed.getByRole('button', { name: 'Archive' }).click();
    await page.waitForFunction(() => !!document.querySelector('.archived-loops'));
    s = await stored(page);
    assert.equal(s.loops.find((l) => l.id === park.id).archived, true);
    assert.equal(s.loops.find((l) => l.id === park.id).name, 'Park and back');
    assert.deepEqual(await smallTargets(page), []);
    // Back link returns to Milestones.
    await page.locator('.back-link').click();
    await page.waitForSelector('.earned-list');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('flare-up: one tap lowers the target and pauses streaks, and can be ended', async () => {
  const app = await launch();
  try {
    await seed(app.page, app.server.url, seedStore());
    const page = app.page;
    await go(page, '#/settings');
    await page.getByRole('button', { name: 'My back is bad today' }).click();
    await page.waitForSelector('.flare-on');
    assert.match(await page.locator('.flare-on').innerText(), /Taking it easy until/);
    let s = await stored(page);
    assert.ok(s.settings.flare_up_until, 'flare-up saved');
    await go(page, '#/milestones');
    await page.waitForSelector('.paused-note');
    assert.equal(await page.locator('.next-list [data-milestone^="streak"], .next-list [data-milestone^="week"], .next-list [data-milestone^="steady"]').count(), 0);
    // The calm tier shows while the flare-up is on.
    await go(page, '#/settings');
    assert.match(await page.locator('.flare .see-gp-card').innerText(), /physiotherapist if/);
    await go(page, '#/milestones');
    await go(page, '#/milestones/plan');
    await page.waitForSelector('.plan-view');
    assert.match(await page.locator('.weekly-target').innerText(), /lowered/);
    await screenshot(page, 'care-plan-flare-light');
    await go(page, '#/settings');
    await page.getByRole('button', { name: /My back feels better/ }).click();
    await page.waitForSelector('[data-action=start-flare]');
    s = await stored(page);
    assert.equal(s.settings.flare_up_until, undefined, 'a flare-up ended the same day leaves no trace');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the first-run safety note shows until acknowledged, then never again', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/settings');
    await page.waitForSelector('.safety-note');
    assert.match(await page.locator('.safety-note').innerText(), /not medical advice/);
    await page.getByRole('button', { name: 'I understand' }).click();
    await page.waitForFunction(() => !document.querySelector('.safety-note'));
    assert.equal((await stored(page)).settings.safety_acknowledged, true);
    await page.reload();
    await page.waitForSelector('.care-settings');
    assert.equal(await page.locator('.safety-note').count(), 0);
  } finally {
    await app.close();
  }
});

/** Emulates the phone's time zone (what the country guess reads). */
async function timeZone(page, tz) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: tz });
}

async function urgentPage(page, url, { tz, country } = {}) {
  if (tz) await timeZone(page, tz);
  await openApp(page, url, '#/settings');
  if (country) {
    await page.evaluate(([k, c]) => {
      const s = JSON.parse(localStorage.getItem(k) || '{"version":2,"walks":[],"loops":[],"settings":{},"deleted":[]}');
      s.settings.country = c;
      s.settings.safety_acknowledged = true;
      localStorage.setItem(k, JSON.stringify(s));
    }, [KEY, country]);
    await page.reload();
    await page.waitForSelector('.care-settings');
  }
  await page.locator('a[data-link=urgent]').click();
  await page.waitForSelector('.urgent [data-tier=emergency]');
}

const telLinks = (page) => page.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => [a.closest('[data-tier]')?.dataset.tier, a.textContent.trim(), a.getAttribute('href')]));

test('the UK shows 999 and 111, with the three tiers of NHS signs', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await urgentPage(page, app.server.url, { tz: 'Europe/London' });
    assert.equal(await page.getAttribute('[data-urgent-country]', 'data-urgent-country'), 'GB', 'guessed from the time zone');
    assert.match(await page.locator('.urgent-where').innerText(), /United Kingdom \(guessed from your time zone\)/);
    const emergency = await page.locator('[data-tier=emergency]').innerText();
    const urgent = await page.locator('[data-tier=urgent]').innerText();
    const gp = await page.locator('[data-tier=see-gp]').innerText();
    for (const re of [/Call 999 or go to A&E/, /genitals/, /toilet paper/, /erection/, /bladder or bowels/, /both legs/, /chest pain/, /serious accident, such as a car accident/]) {
      assert.match(emergency, re);
    }
    for (const re of [/urgent GP appointment or call 111/, /high temperature/, /lump or swelling/, /changed shape/, /worse at night/, /sneeze, cough or go to the toilet/, /between your shoulders/, /cancer/]) {
      assert.match(urgent, re);
    }
    assert.doesNotMatch(urgent, /chest|serious accident/);
    for (const re of [/GP or physiotherapist/, /few weeks/, /everyday things/, /very bad/]) assert.match(gp, re);
    assert.deepEqual(await telLinks(page), [
      ['emergency', 'Call 999', 'tel:999'],
      ['urgent', 'Call 111', 'tel:111'],
    ]);
    assert.equal(await page.locator('#settings-walking').isVisible(), false, 'other sections hidden');
    assert.equal(await page.locator('h1').innerText(), 'Settings');
    await screenshot(page, 'care-urgent-uk-light');
    await page.screenshot({ path: join(SHOTS, 'care-urgent-uk-full.png'), fullPage: true });
    assert.equal(await page.locator('.back-link').innerText(), 'Back to settings');
    await page.locator('.back-link').click();
    await page.waitForSelector('#settings-walking');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a walker in New Zealand never sees a "Call 111" less-urgent button', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await urgentPage(page, app.server.url, { tz: 'Pacific/Auckland' });
    assert.equal(await page.getAttribute('[data-urgent-country]', 'data-urgent-country'), 'NZ');
    const links = await telLinks(page);
    // 111 is New Zealand's emergency number: only the emergency tier dials it.
    assert.deepEqual(links, [
      ['emergency', 'Call 111', 'tel:111'],
      ['urgent', 'Call Healthline 0800 611 116', 'tel:0800611116'],
    ]);
    assert.equal(await page.locator('[data-tier=urgent] a[href="tel:111"]').count(), 0);
    assert.doesNotMatch(await page.locator('[data-tier=urgent]').innerText(), /\b111\b(?! 116)/);
    assert.doesNotMatch(await page.locator('.urgent').innerText(), /999|A&E/);
    await screenshot(page, 'care-urgent-nz-light');
    await page.screenshot({ path: join(SHOTS, 'care-urgent-nz-full.png'), fullPage: true });
    // The guess is confirmed with one tap and kept.
    await page.locator('.urgent [data-action=confirm-country]').click();
    await page.waitForFunction(() => !document.querySelector('.urgent [data-action=confirm-country]'));
    assert.equal((await stored(page)).settings.country, 'NZ');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the US shows 911 and no other number; choosing the country is kept', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await urgentPage(page, app.server.url, { tz: 'UTC' });
    assert.equal(await page.getAttribute('[data-urgent-country]', 'data-urgent-country'), 'OTHER', 'UTC says nothing about where you live');
    await page.locator('[data-action=change-country]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'country', 'the list is one tap away');
    await page.selectOption('.urgent #country', 'US');
    await page.waitForSelector('[data-urgent-country=US]');
    assert.deepEqual(await telLinks(page), [['emergency', 'Call 911', 'tel:911']]);
    assert.match(await page.locator('[data-tier=urgent]').innerText(), /See a doctor today/);
    assert.doesNotMatch(await page.locator('.urgent').innerText(), /999|A&E|\b111\b/);
    assert.equal((await stored(page)).settings.country, 'US');
    await page.reload();
    await page.waitForSelector('[data-urgent-country=US]');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('"Other" shows no tel: link and says to call the local emergency number', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await urgentPage(page, app.server.url, { country: 'OTHER' });
    assert.equal(await page.getAttribute('[data-urgent-country]', 'data-urgent-country'), 'OTHER');
    assert.equal(await page.locator('a[href^="tel:"]').count(), 0);
    assert.match(await page.locator('[data-tier=emergency]').innerText(), /local emergency number/);
    // Germany: 112 and the 116 117 on-call service; an EU country without a confirmed line: 112 only.
    await page.selectOption('.urgent #country', 'DE');
    await page.waitForSelector('[data-urgent-country=DE]');
    assert.deepEqual((await telLinks(page)).map((l) => l[2]), ['tel:112', 'tel:116117']);
    await page.selectOption('.urgent #country', 'FR');
    await page.waitForSelector('[data-urgent-country=FR]');
    assert.deepEqual((await telLinks(page)).map((l) => l[2]), ['tel:112']);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('opened from the Walk screen, the urgent page goes back to the walk', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await timeZone(page, 'Europe/London');
    await openApp(page, app.server.url, '#/walk');
    await page.locator('.walk-help a', { hasText: 'When to get help urgently' }).click();
    await page.waitForSelector('.urgent');
    assert.equal(await page.locator('.back-link').innerText(), 'Back to your walk');
    await page.locator('.back-link').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Walk');
    assert.match(await page.locator('.pain-checkin h2').first().innerText(), /back and legs/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('Settings: where you live is guessed from the time zone and can be confirmed or changed', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await timeZone(page, 'America/Toronto');
    await openApp(page, app.server.url, '#/settings');
    const section = page.locator('section.country-setting');
    await section.waitFor();
    assert.equal(await section.getAttribute('data-country'), 'CA');
    assert.match(await section.innerText(), /Guessed from your phone's time zone: Canada/);
    assert.equal((await stored(page))?.settings?.country ?? null, null, 'a guess is not saved until confirmed');
    await section.locator('[data-action=confirm-country]').click();
    await page.waitForFunction(() => !document.querySelector('section.country-setting [data-action=confirm-country]'));
    assert.equal((await stored(page)).settings.country, 'CA');
    await section.locator('select').selectOption('IE');
    await page.waitForFunction(() => document.querySelector('section.country-setting')?.dataset.country === 'IE');
    assert.equal((await stored(page)).settings.country, 'IE');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('Milestones for a new walker: nothing to lose, at most three goals within the plan', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/milestones');
    await page.waitForSelector('.milestones .empty');
    const next = await page.locator('.next-list li').evaluateAll((els) => els.map((e) => e.dataset.milestone));
    assert.ok(next.length >= 1 && next.length <= 3, JSON.stringify(next));
    for (const id of next) assert.doesNotMatch(id, /^(streak|felt-better|walkback-week|minutes-10|minutes-20|minutes-30|week-5)/, id);
    assert.doesNotMatch(await page.locator('.milestones').innerText(), /days? in a row|felt better|less pain/i);
    assert.match(await page.locator('.weekly-target').innerText(), /No need to catch up: if you miss it, the plan simply holds/);
    await screenshot(page, 'care-milestones-new-light');
    await page.screenshot({ path: join(SHOTS, 'care-milestones-new-full.png'), fullPage: true });
    await go(page, '#/milestones/plan');
    const how = await page.locator('.plan-view').innerText();
    assert.match(how, /recently recovered from an episode of low back pain/);
    assert.match(how, /physiotherapist/);
    assert.match(how, /starts a little below/);
    assert.doesNotMatch(how, /helps backs most/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('badges earned under the old rules stay, under "Earlier badges"', async () => {
  const app = await launch();
  try {
    const page = app.page;
    const store = seedStore();
    // Three walks before the change (late November 2026), pain lower after each.
    store.walks = store.walks.slice(0, 3).map((w, i) => ({
      ...w,
      loop_id: null,
      started_at: `2026-11-${String(16 + i).padStart(2, '0')}T17:00:00Z`,
      pain_before: 5,
      pain_after: 4,
    }));
    await seed(page, app.server.url, store);
    await page.waitForSelector('.earlier-badges');
    const earlier = await page.locator('.earlier-badges li').evaluateAll((els) => els.map((e) => e.dataset.milestone));
    assert.deepEqual(earlier.sort(), ['felt-better-1', 'felt-better-3', 'streak-3']);
    assert.equal(await page.locator('.earned-section:not(.earlier-badges) [data-milestone^="felt-better"]').count(), 0);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

/** The first seconds of a real walking recording (Oxford data set), 60 Hz rows [t, x, y, z]. */
function walkingRows(seconds) {
  const name = 'user2_hand_1506421987098.csv.gz';
  // The shared data set has the whole recording; the in-repo sample is shorter.
  const file = [join(ROOT, '../shared/stepdata/oxford/validation', name), join(ROOT, 'tests/data/stepdata/oxford/validation', name)].find(existsSync);
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
  return lines.map((l) => l.split(',').map(Number)).filter((r) => r.length === 4 && r.every(Number.isFinite) && r[0] <= seconds);
}

test('the summary after Stop shows at most four figures in plain words; pain of 7 or more after shows the right tier', async () => {
  const rows = walkingRows(40);
  const app = await launch({ sensors: true });
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/walk');
    await page.locator('.pain-checkin button[data-pain="3"]').first().click();
    await page.locator('button[data-action=start]').click();
    await page.waitForSelector('section.walk[data-stage=recording]');
    const t0 = Date.now();
    let i = 0;
    for (let tick = 0; tick / 60 <= rows[rows.length - 1][0]; tick++) {
      const wait = t0 + (tick / 60) * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const now = (Date.now() - t0) / 1000;
      while (i + 1 < rows.length && rows[i + 1][0] <= now) i++;
      const [, x, y, z] = rows[i];
      await app.cdp.send('Emulation.setSensorOverrideReadings', { type: 'accelerometer', reading: { xyz: { x, y, z } } });
    }
    const live = await page.locator('.walk-live').innerText();
    assert.match(live, /walking time/);
    assert.match(live, /about \d+ m/);
    assert.doesNotMatch(live, /steps \/ min|–|active time/);
    await page.locator('button[data-action=stop]').click();
    await page.waitForSelector('[data-summary-steps]');
    const figures = await page.locator('.walk-summary .stat .label').allInnerTexts();
    assert.deepEqual(figures, ['walking time', 'total time', 'stops to rest']);
    assert.match(await page.locator('[data-summary-distance]').innerText(), /^steps, about \d+ m$/);
    const text = await page.locator('.walk-summary').innerText();
    assert.doesNotMatch(text, /start to stop|rests \(15 s\+\)|steps \/ min|active time|–/);
    assert.match(text, /back and legs now/);
    await screenshot(page, 'care-walk-summary-light');
    // Pain of 8 after the walk: the see-a-GP tier and the way to the urgent signs.
    await timeZone(page, 'Europe/London');
    await page.locator('.walk-summary .pain-checkin button[data-pain="8"]').click();
    await page.waitForSelector('.overdo .see-gp-card');
    assert.match(await page.locator('.overdo').innerText(), /See a GP or physiotherapist if/);
    await page.locator('.overdo a.urgent-link').click();
    await page.waitForSelector('.urgent');
    assert.equal(await page.locator('.back-link').innerText(), 'Back to your walk');
    await page.locator('.back-link').click();
    await page.waitForSelector('[data-summary-steps]');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('pain of 8 picked before a walk: the see-a-GP advice shows right there, before Start, and goes with a lower score', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await timeZone(page, 'Europe/London');
    await openApp(page, app.server.url, '#/walk');
    await page.locator('.pain-checkin button[data-pain="8"]').click();
    const advice = page.locator('[data-pain-advice=before]');
    await advice.waitFor();
    await advice.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await screenshot(page, 'care-pain-before-advice-light');
    assert.match(await page.locator('.pain-noted').innerText(), /before this walk: 8\/10/);
    const text = await advice.innerText();
    assert.match(text, /That sounds hard\. Go gently, and rest if you need to\./);
    assert.match(text, /See a GP or physiotherapist if:/);
    assert.match(text, /the pain is very bad, or it keeps getting worse/);
    // Neither praise nor blame, and no call button for this calm tier; the way to the urgent signs.
    assert.doesNotMatch(text, /well done|great|should not|must not|don't walk|too much/i);
    assert.equal(await advice.locator('a[href^="tel:"]').count(), 0);
    assert.equal(await advice.locator('a.urgent-link').count(), 1);
    assert.ok(await advice.isVisible());
    assert.ok(await page.locator('button[data-action=start]').isEnabled(), 'Start is still there to tap');
    // A lower score instead: the advice goes.
    await page.locator('.pain-noted button', { hasText: 'Change' }).click();
    await page.locator('.pain-checkin button[data-pain="4"]').click();
    await advice.waitFor({ state: 'detached' });
    // And it is in the saved walk as picked.
    await page.locator('.pain-noted button', { hasText: 'Change' }).click();
    await page.locator('.pain-checkin button[data-pain="7"]').click();
    await advice.waitFor();
    await page.locator('button[data-action=start]').click();
    await page.waitForSelector('[data-problem=NoEvents]', { timeout: 8000 });
    await page.locator('button[data-action=manual]').click();
    await page.waitForSelector('section.walk[data-stage=recording]');
    await page.locator('button[data-action=stop]').click();
    await page.locator('input[data-manual-steps]').fill('200');
    await page.locator('button[data-action=save]').click();
    await page.waitForSelector('section.walk[data-stage=ready]');
    assert.equal((await stored(page)).walks[0].pain_before, 7);
    // The next walk is asked afresh: the question is back, the advice gone.
    await page.locator('.pain-checkin button[data-pain="2"]').waitFor();
    assert.equal(await advice.count(), 0);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the printable summary renders for print: chart, table, no app chrome', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await seed(page, app.server.url, seedStore());
    await go(page, '#/settings');
    await page.locator('a[data-link=report]').click();
    await page.waitForSelector('.report-table');
    assert.ok((await page.locator('.report-table tbody tr').count()) >= 8);
    await page.getByRole('button', { name: '8 weeks' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.report-table tbody tr').length === 14);
    assert.ok(await page.locator('.report .plan-chart svg').isVisible());
    assert.ok(await page.locator('.report .pain-chart svg').isVisible());
    const report = await page.locator('.report').innerText();
    assert.match(report, /Average back or leg pain around walks/);
    assert.match(report, /Back or leg pain \(0 to 10\)/);
    assert.match(report, /Left leg ached on the hill; rested on the bench/);
    assert.match(report, /No flare-ups were noted in this period|Flare-up/);
    await screenshot(page, 'care-report-screen-light');
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.tabbar').isVisible(), false);
    assert.equal(await page.locator('[data-action=print]').isVisible(), false);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(255, 255, 255)');
    await page.screenshot({ path: join(SHOTS, 'care-report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await app.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the milestones, loops and care screens (${scheme})`, async () => {
    const app = await launch({ colorScheme: scheme });
    try {
      const page = app.page;
      await seed(page, app.server.url, seedStore({ acknowledged: false }));
      for (const [hash, name, ready] of [
        ['#/milestones', 'milestones', '.earned-list'],
        ['#/milestones/loops', 'loops', '.loops-view'],
        ['#/milestones/plan', 'plan', '.plan-view'],
        ['#/settings', 'settings', '.care-settings'],
        ['#/settings/urgent', 'urgent', '.urgent'],
        ['#/settings/report', 'report', '.report-table'],
      ]) {
        await go(page, hash);
        await page.waitForSelector(ready);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${hash} (${scheme})`);
        assert.deepEqual(await smallTargets(page), [], `${hash}: small touch targets`);
        await screenshot(page, `care-${name}-${scheme}`);
        await page.screenshot({ path: join(SHOTS, `care-${name}-${scheme}-full.png`), fullPage: true });
      }
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
