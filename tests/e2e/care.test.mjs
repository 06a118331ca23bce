// Milestones, loops and back care, end to end on the release build:
// seeded history, loops, flare-ups, the safety note, urgent help, the
// printable summary, accessibility in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openApp, openTab, axeViolations, screenshot, SHOTS } from './harness.mjs';

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
      pain_before: 6 - Math.floor(i / 4),
      pain_after: 5 - Math.floor(i / 4),
      edited: false,
      note: null,
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
    const earned = await page.locator('.earned-list li').evaluateAll((els) =>
      els.map((e) => ({ id: e.dataset.milestone, date: e.querySelector('time').getAttribute('datetime') })),
    );
    assert.ok(earned.length >= 5, `earned: ${JSON.stringify(earned)}`);
    assert.ok(earned.some((e) => e.id === 'first-walk'));
    assert.ok(earned.some((e) => e.id === 'loop-1'));
    assert.ok(earned.some((e) => e.id === 'loop-non-stop'));
    const dates = earned.map((e) => e.date);
    assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
    assert.match(await page.locator('.earned-list').innerText(), /Earned \d{1,2} \w{3} \d{4}/);
    const next = page.locator('.next-list li');
    assert.ok((await next.count()) >= 3);
    assert.match(await next.first().innerText(), /more/);
    const bar = next.first().locator('[role=progressbar]');
    assert.ok(Number(await bar.getAttribute('aria-valuenow')) > 0);
    // Badge art is drawn inline, locked ones muted.
    assert.ok((await page.locator('.next-list svg.badge-art.locked').count()) >= 3);
    assert.ok((await page.locator('.earned-list svg.badge-art.earned').count()) >= 5);
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
    assert.equal(await page.locator('.next-list [data-milestone^="streak"], .next-list [data-milestone^="week"]').count(), 0);
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

test('"When to get help urgently" is reachable from Settings and lists the red flags', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/settings');
    await page.locator('a[data-link=urgent]').click();
    await page.waitForSelector('.urgent');
    const text = await page.locator('.urgent').innerText();
    for (const re of [/999/, /A&E/, /111/, /genitals/, /bladder or bowels/, /both legs/, /unsteady/, /high temperature/, /cancer/, /can't sleep/, /local emergency number/]) {
      assert.match(text, re);
    }
    // One tap calls: 999 for the first list, 111 for the second.
    assert.equal(await page.getByRole('link', { name: 'Call 999' }).getAttribute('href'), 'tel:999');
    assert.equal(await page.getByRole('link', { name: 'Call 111' }).getAttribute('href'), 'tel:111');
    assert.equal(await page.locator('#settings-walking').isVisible(), false, 'other sections hidden');
    assert.equal(await page.locator('h1').innerText(), 'Settings');
    await screenshot(page, 'care-urgent-light');
    await page.locator('.back-link').click();
    await page.waitForSelector('#settings-walking');
    // Also one tap away on the Walk screen.
    await openTab(page, 'Walk');
    await page.locator('.walk-help a', { hasText: 'When to get help urgently' }).click();
    await page.waitForSelector('.urgent');
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
    assert.match(await page.locator('.report').innerText(), /Average pain around walks/);
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
