// History that is never lost, end to end on the release build: the History
// screen (grouping, detail, edit, delete + undo, charts), Settings > Your
// data (export, import with preview, hostile files), and storage trouble
// (unreadable data at start-up, storage full, two windows at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, openTab, axeViolations, screenshot, walkRecord } from './harness.mjs';

const KEY = 'loopwalk.v2';

/** A valid walk record starting `daysAgo` days ago at local `hour`. */
const walk = walkRecord;

/** About two weeks of walks: most days one, some two, a few skipped;
 * rests, a counting pause, pain scores and a note here and there. */
function twoWeeks() {
  const walks = [];
  for (let d = 13; d >= 0; d--) {
    if (d === 4 || d === 9) continue;
    walks.push(
      walk(`w${d}a`, d, 9, {
        steps: 1200 + ((d * 337) % 1500),
        active_s: 600 + ((d * 97) % 900),
        duration_s: 1700,
        pain_before: d % 3 === 0 ? null : 4 + (d % 3),
        pain_after: d % 3 === 0 ? null : 3 + (d % 2),
        rests: d % 4 === 0 ? [{ at_s: 320, len_s: 45 }] : [],
        gaps: d === 2 ? [{ at_s: 720, len_s: 130 }] : [],
        note: d === 1 ? 'Felt loose after the first lap.' : null,
      }),
    );
    if (d % 5 === 1) walks.push(walk(`w${d}b`, d, 17, { steps: 800, active_s: 420, loop_id: null }));
  }
  walks.sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
  return walks;
}

function store(walks) {
  return {
    version: 2,
    walks,
    loops: [{ id: 'l1', name: 'Park loop', length: { unit: 'steps', value: 1200 }, created_at: '2026-01-01T08:00:00Z', archived: false }],
    settings: {},
    deleted: [],
  };
}

/** Writes a store straight into localStorage and reloads the app. */
async function seed(page, url, data, hash = '#/history') {
  await page.goto(url + '#/settings');
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(data)]);
  await openApp(page, url, hash);
  await page.reload();
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** The stored text once the app has made its one deferred start-up write:
 * with walks saved and the persistence question not yet answered, it asks
 * the browser a moment after start-up and keeps the answer (see
 * `ui/history/persist.rs`). A baseline taken before that write would see
 * the app's own re-save as a change. */
async function settledStored(page) {
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || '{}')?.settings?.persist_granted != null, KEY, { timeout: 20000 });
  return stored(page);
}
const storedIds = async (page) => JSON.parse(await stored(page)).walks.map((w) => w.id).sort();

async function chooseFile(page, name, text) {
  await page.locator('input[type=file][name=import]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function exportBackup(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('History groups walks by week and day, opens a walk, edits it (marked edited), deletes it and undoes', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const walks = twoWeeks();
    await seed(page, app.server.url, store(walks));
    await page.waitForSelector('a.walk-row');
    assert.equal(await page.locator('a.walk-row').count(), walks.length);
    const weeks = page.locator('section.week');
    assert.ok((await weeks.count()) >= 2, 'at least two weeks');
    const firstWeek = await weeks.first().locator('.week-totals').innerText();
    assert.match(firstWeek, /steps · \d+ min active · \d+ walks?/);
    assert.equal(await page.locator('h3.day-heading', { hasText: 'Today' }).count(), 1);
    // Plain-words markers.
    assert.equal(await page.locator('.tag.paused', { hasText: 'Counting paused 2 min' }).count(), 1);
    await screenshot(page, 'history-walks-top-light');

    // Detail of today's walk.
    await page.locator('a.walk-row[data-walk="w0a"]').click();
    await page.waitForSelector('#walk-detail-title');
    assert.match(page.url(), /#\/history\/walk\/w0a$/);
    const facts = await page.locator('.walk-detail .facts').innerText();
    for (const label of ['Steps', 'Active time', 'Whole walk', 'Loop', 'Pain before', 'Pain after']) assert.ok(facts.includes(label), label);
    assert.ok(facts.includes('Park loop'));
    assert.ok(facts.includes('Rest') || (await page.locator('.walk-detail').innerText()).includes('Rest'));

    // The interrupted walk lists its pause in plain words.
    await page.goto(app.server.url + '#/history/walk/w2a');
    await page.waitForSelector('.walk-detail');
    const interrupted = await page.locator('.walk-detail').innerText();
    assert.ok(interrupted.includes('Counting paused 2 min, after 12:00'), interrupted);
    assert.ok(interrupted.includes('No steps were guessed'));
    await screenshot(page, 'history-detail-light');

    // Edit: correct the steps and the pain after; the walk is marked edited.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('input[name=steps]').fill('2,345');
    await page.locator('select[name=pain_after]').selectOption('2');
    await page.locator('textarea[name=note]').fill('Phone was in my bag for a bit.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForSelector('.walk-detail .tag.edited');
    const after = await page.locator('.walk-detail').innerText();
    assert.ok(after.includes('2,345 steps') && after.includes('2 out of 10') && after.includes('in my bag'), after);
    const savedW2 = JSON.parse(await stored(page)).walks.find((w) => w.id === 'w2a');
    assert.equal(savedW2.steps, 2345);
    assert.equal(savedW2.edited, true);
    // A bad step count is refused with a message and changes nothing.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('input[name=steps]').fill('lots');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForSelector('.edit-walk .error');
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(JSON.parse(await stored(page)).walks.find((w) => w.id === 'w2a').steps, 2345);

    // Back to the list: the row shows Edited.
    await page.getByRole('link', { name: 'All walks' }).click();
    await page.waitForSelector('a.walk-row[data-walk="w2a"] .tag.edited');

    // Delete, then undo.
    await page.locator('a.walk-row[data-walk="w3a"]').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('.snackbar');
    assert.match(page.url(), /#\/history$/);
    assert.equal(await page.locator('a.walk-row[data-walk="w3a"]').count(), 0);
    assert.ok(!(await storedIds(page)).includes('w3a'), 'deleted in storage');
    await screenshot(page, 'history-undo-light');
    await page.locator('.snackbar').getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('a.walk-row[data-walk="w3a"]');
    assert.ok((await storedIds(page)).includes('w3a'), 'restored in storage');
    assert.equal(await page.locator('.snackbar').count(), 0);

    // Delete without undo: the offer goes away by itself after ~8 s.
    await page.locator('a.walk-row[data-walk="w5a"]').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('.snackbar');
    await page.waitForSelector('.snackbar', { state: 'detached', timeout: 12000 });
    assert.ok(!(await storedIds(page)).includes('w5a'));
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`History, charts and Your data with walks in them: axe clean, 48 px targets, screenshots (${scheme})`, async () => {
    const app = await launch({ colorScheme: scheme });
    const { page } = app;
    try {
      await seed(page, app.server.url, store(twoWeeks()));
      await page.waitForSelector('a.walk-row');
      const views = [
        ['history-walks', '#/history', 'a.walk-row', '.history'],
        ['history-detail', '#/history/walk/w1a', '.walk-detail', '.history'],
        ['history-trends', '#/history/trends', '#chart-steps', '.history'],
        ['settings-data', '#/settings', '.data-settings', '.data-settings'],
      ];
      for (const [name, hash, ready, root] of views) {
        await page.goto(app.server.url + hash);
        await page.waitForSelector(ready);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${name} (${scheme})`);
        // Touch targets of this part (other sections have their own tests).
        const small = await page.evaluate((r) =>
          [...document.querySelectorAll(`${r} a, ${r} button, ${r} .btn, ${r} summary, ${r} select, ${r} input:not([type=file])`)]
            .filter((e) => e.offsetParent !== null && !e.closest('.visually-hidden'))
            .map((e) => ({ e: e.textContent.trim().slice(0, 30) || e.outerHTML.slice(0, 60), r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.height < 47.5 && r.width > 0)
            .map(({ e, r }) => `${e} ${Math.round(r.width)}x${Math.round(r.height)}`),
        root);
        assert.deepEqual(small, [], `${name}: small touch targets`);
        await screenshot(page, `${name}-${scheme}`);
      }
      // Each chart, and its text alternative.
      await page.goto(app.server.url + '#/history/trends');
      for (const id of ['chart-steps', 'chart-minutes', 'chart-pain']) {
        const chart = page.locator(`#${id}`);
        await chart.scrollIntoViewIfNeeded();
        await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'start' }), id);
        await screenshot(page, `${id}-${scheme}`);
        const svg = chart.locator('svg[role=img]');
        assert.ok((await svg.getAttribute('aria-labelledby')) && (await svg.getAttribute('aria-describedby')));
        assert.ok((await chart.locator('figcaption').innerText()).length > 20);
        assert.ok((await chart.locator('details table tbody tr').count()) > 0);
      }
      assert.equal(await page.locator('#chart-steps tbody tr').count(), 30);
      const minutes = await page.locator('#chart-minutes').innerText();
      assert.ok(minutes.includes('Weekly target') && minutes.includes('Aim (150 min)'), minutes);
      // Settings > Your data on a big text size still fits the phone.
      await page.goto(app.server.url + '#/settings');
      await page.waitForSelector('.data-settings');
      await page.locator('.data-settings').scrollIntoViewIfNeeded();
      await screenshot(page, `settings-data-scrolled-${scheme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'no sideways scrolling');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

test('with no walks, History says so and offers a walk', async () => {
  const app = await launch();
  try {
    await openApp(app.page, app.server.url, '#/history');
    await app.page.waitForSelector('.history .empty');
    assert.ok((await app.page.locator('.history').innerText()).includes('No walks yet'));
    await app.page.goto(app.server.url + '#/history/trends');
    await app.page.waitForSelector('.history .empty');
  } finally {
    await app.close();
  }
});

test('a long history lists the last 8 weeks first, then older ones on request', async () => {
  const app = await launch();
  try {
    const walks = Array.from({ length: 12 }, (_, i) => walk(`wk${i}`, 7 * (11 - i), 10));
    await seed(app.page, app.server.url, store(walks));
    await app.page.waitForSelector('section.week');
    assert.equal(await app.page.locator('section.week').count(), 8);
    await app.page.getByRole('button', { name: /Show older weeks \(4 more\)/ }).click();
    await app.page.waitForFunction(() => document.querySelectorAll('section.week').length === 12);
    assert.equal(await app.page.locator('button', { hasText: 'Show older weeks' }).count(), 0);
  } finally {
    await app.close();
  }
});

test('any month of a long history is two taps away: open "Go to month", pick the month', async () => {
  const app = await launch();
  const { page } = app;
  try {
    // Two and a half years of walks, one every three days.
    const walks = Array.from({ length: 300 }, (_, i) => walk(`lh${i}`, 3 * (299 - i) + 1, 10));
    await seed(page, app.server.url, store(walks));
    await page.waitForSelector('select#history-month');
    // The month the oldest walk fell in (local time, as the app groups).
    const oldest = new Date(walks[0].started_at);
    const label = oldest.toLocaleString('en-GB', { month: 'long', year: 'numeric' });
    const ym = `${oldest.getFullYear()}-${String(oldest.getMonth() + 1).padStart(2, '0')}`;
    // Tap 1 opens the list, tap 2 picks the month (a select's native picker).
    await page.selectOption('select#history-month', { label });
    await page.waitForFunction((ym) => location.hash === `#/history/month/${ym}`, ym);
    await page.waitForSelector(`a.walk-row[data-walk=lh0]`);
    const shown = await page.locator('a.walk-row').evaluateAll((rows) => rows.map((r) => r.dataset.walk));
    assert.ok(shown.length > 0 && shown.length <= 16, `a month's weeks, not the whole history: ${shown.length}`);
    // Every walk of that month is listed.
    const inMonth = walks.filter((w) => {
      const d = new Date(w.started_at);
      return d.getFullYear() === oldest.getFullYear() && d.getMonth() === oldest.getMonth();
    });
    for (const w of inMonth) assert.ok(shown.includes(w.id), `${w.id} listed`);
    assert.equal(await page.locator('select#history-month').inputValue(), `#/history/month/${ym}`);
    // And back to the latest walks.
    await page.getByRole('link', { name: 'Back to your latest walks' }).click();
    await page.waitForSelector('a.walk-row[data-walk=lh299]');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('unreadable data at start-up is kept as it is, the walker is told and offered an export', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const raw = JSON.stringify(store(twoWeeks())).slice(0, 700); // cut off mid-way
    await openApp(page, app.server.url, '#/history');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
    await page.reload();
    await page.waitForSelector('.notice');
    const notice = await page.locator('.notice').innerText();
    assert.ok(notice.includes('could not be read') && notice.includes('cut off'), notice);
    assert.equal(await stored(page), raw, 'main key untouched');
    const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('loopwalk.backup.')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(backups, [raw], 'one backup copy');
    // Export the unreadable text exactly.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the data' }).click()]);
    assert.equal(readFileSync(await download.path(), 'utf8'), raw);
    // Changing anything (here: an import) still does not overwrite it.
    await page.goto(app.server.url + '#/settings');
    await chooseFile(page, 'b.json', JSON.stringify(store([walk('x1', 1, 9)])));
    await page.getByRole('button', { name: 'Apply' }).click();
    assert.equal(await stored(page), raw, 'still untouched after an import');
    await screenshot(page, 'unreadable-light');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('storage full: a failed save is reported and nothing leaves the screen', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const walks = twoWeeks();
    await seed(page, app.server.url, store(walks));
    await page.waitForSelector('a.walk-row');
    const before = await settledStored(page);
    // Fill localStorage until it refuses even one more character.
    const filled = await page.evaluate(() => {
      let i = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`fill.${i++}`, chunk);
          } catch {
            break;
          }
        }
      }
      return i;
    });
    assert.ok(filled > 1);
    // Edit a walk: the save fails.
    await page.goto(app.server.url + '#/history/walk/w1a');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('textarea[name=note]').fill('A much longer note than before, which needs more room to be saved.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForSelector('.notice[role=alert]');
    const notice = await page.locator('.notice[role=alert]').innerText();
    assert.ok(notice.includes('not saved') && notice.includes('full'), notice);
    assert.ok((await page.locator('.walk-detail').innerText()).includes('A much longer note'), 'the edit stays on screen');
    // Import a file with a new walk: also kept in memory, with a clear message.
    await page.goto(app.server.url + '#/settings');
    await chooseFile(page, 'more.json', JSON.stringify(store([walk('extra', 0, 6)])));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForSelector('.import-result.unsaved');
    assert.ok((await page.locator('.import-result').innerText()).includes('could not be saved'));
    await page.goto(app.server.url + '#/history');
    await page.waitForSelector('a.walk-row');
    assert.equal(await page.locator('a.walk-row').count(), walks.length + 1, 'every walk still listed');
    assert.equal(await stored(page), before, 'stored data intact');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'storage-full-light');
    // Export still works, and frees the walker to make room.
    const backup = await exportBackup(page);
    assert.equal(JSON.parse(backup.text).store.walks.length, walks.length + 1);
  } finally {
    await app.close();
  }
});

test('two windows at once: walks added in either appear in both and neither overwrites the other', async () => {
  const app = await launch();
  try {
    const a = app.page;
    await seed(a, app.server.url, store([walk('base', 3, 9)]));
    const b = await app.context.newPage();
    await openApp(b, app.server.url, '#/history');
    await b.waitForSelector('a.walk-row[data-walk="base"]');

    // A walk written by one window shows up in the other.
    await a.evaluate(([k, w]) => {
      const s = JSON.parse(localStorage.getItem(k));
      s.walks.push(w);
      localStorage.setItem(k, JSON.stringify(s));
    }, [KEY, walk('from-a-raw', 2, 9)]);
    await b.waitForSelector('a.walk-row[data-walk="from-a-raw"]');

    // Both windows add walks (through import), one after the other.
    await a.goto(app.server.url + '#/settings');
    await chooseFile(a, 'a.json', JSON.stringify(store([walk('from-a', 1, 9)])));
    await a.getByRole('button', { name: 'Apply' }).click();
    await b.goto(app.server.url + '#/settings');
    await chooseFile(b, 'b.json', JSON.stringify(store([walk('from-b', 1, 17)])));
    await b.getByRole('button', { name: 'Apply' }).click();
    // And each edits a different walk.
    await a.goto(app.server.url + '#/history/walk/base');
    await a.getByRole('button', { name: 'Edit' }).click();
    await a.locator('textarea[name=note]').fill('edited in A');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await b.goto(app.server.url + '#/history/walk/from-b');
    await b.getByRole('button', { name: 'Edit' }).click();
    await b.locator('textarea[name=note]').fill('edited in B');
    await b.getByRole('button', { name: 'Save changes' }).click();

    const all = ['base', 'from-a', 'from-a-raw', 'from-b'];
    assert.deepEqual(await storedIds(a), all);
    for (const p of [a, b]) {
      await p.goto(app.server.url + '#/history');
      for (const id of all) await p.waitForSelector(`a.walk-row[data-walk="${id}"]`);
    }
    const saved = JSON.parse(await stored(a)).walks;
    assert.equal(saved.find((w) => w.id === 'base').note, 'edited in A');
    assert.equal(saved.find((w) => w.id === 'from-b').note, 'edited in B');
  } finally {
    await app.close();
  }
});

test('export, then import into a fresh profile, gives the same history', async () => {
  const first = await launch();
  let exported;
  try {
    await seed(first.page, first.server.url, store(twoWeeks()));
    await first.page.goto(first.server.url + '#/history/walk/w1a');
    await first.page.getByRole('button', { name: 'Edit' }).click();
    await first.page.locator('input[name=steps]').fill('999');
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await first.page.waitForSelector('.walk-detail .tag.edited');
    await first.page.goto(first.server.url + '#/settings');
    await first.page.waitForSelector('.data-settings');
    exported = await exportBackup(first.page);
    assert.match(exported.name, /^loopwalk-backup-\d{4}-\d{2}-\d{2}\.json$/);
    // The CSV too.
    const [csv] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Export walks as CSV' }).click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    assert.match(csv.suggestedFilename(), /^loopwalk-walks-.*\.csv$/);
    assert.equal(csvText.trim().split('\r\n').length, twoWeeks().length + 1);
    // The export hint is gone once a backup was made.
    assert.equal(await first.page.locator('.data-settings .hint').count(), 0);
  } finally {
    await first.close();
  }

  const second = await launch();
  try {
    const { page } = second;
    await openApp(page, second.server.url, '#/settings');
    await page.waitForSelector('.data-settings');
    await chooseFile(page, exported.name, exported.text);
    await page.waitForSelector('.import-preview');
    const counts = await page.locator('.import-counts').innerText();
    assert.ok(counts.includes(`${twoWeeks().length} walks to add`) && counts.includes('0 already here') && counts.includes('0 invalid'), counts);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForSelector('.import-result.done');
    const again = await exportBackup(page);
    const strip = (t) => {
      const s = JSON.parse(t).store;
      delete s.settings.persist_granted; // a per-browser answer
      return s;
    };
    assert.deepEqual(strip(again.text), strip(exported.text));
    // Importing the same file twice changes nothing.
    await chooseFile(page, exported.name, exported.text);
    await page.waitForSelector('.import-preview');
    assert.ok((await page.locator('.import-counts').innerText()).includes('0 walks to add'));
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(second.errors, []);
  } finally {
    await second.close();
  }
});

test('a truncated or hostile file is refused with a clear error and changes nothing', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const walks = twoWeeks();
    await seed(page, app.server.url, store(walks), '#/settings');
    await page.waitForSelector('.data-settings');
    const before = await settledStored(page);
    const good = JSON.stringify({ app: 'loopwalk', kind: 'backup', exported_at: new Date().toISOString(), store: store(walks) });
    const files = [
      ['cut.json', good.slice(0, Math.floor(good.length / 2)), 'cut off'],
      ['deep.json', '['.repeat(100000) + ']'.repeat(100000), 'not valid JSON'],
      ['other.json', JSON.stringify({ app: 'stepper', kind: 'backup', store: {} }), 'not Loopwalk data'],
      ['future.json', JSON.stringify({ version: 99, walks: [] }), 'newer version'],
      ['huge.json', ' '.repeat(5 * 1024 * 1024), 'too large'],
      ['empty.json', '', 'empty'],
      ['binary.json', '\u0000\u0001\u0002PNG', 'JSON'],
    ];
    for (const [name, text, expected] of files) {
      await chooseFile(page, name, text);
      await page.waitForSelector('.import-result.failed');
      const msg = await page.locator('.import-result.failed').innerText();
      assert.ok(msg.includes("can't be imported") && msg.includes('Nothing was changed'), `${name}: ${msg}`);
      assert.ok(msg.toLowerCase().includes(expected.toLowerCase()), `${name}: ${msg}`);
      assert.equal(await page.locator('button', { hasText: 'Apply' }).count(), 0);
      assert.equal(await stored(page), before, `${name}: stored data unchanged`);
    }
    await page.locator('.import-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-refused-light');
    // A file with some bad records: they are counted and skipped.
    const mixed = store([walk('ok1', 30, 9), walk('bad', 31, 9, { steps: 900000 }), walk('bad2', 32, 9, { pain_after: 40 }), walk('<img src=x onerror=alert(1)>', 33, 9)]);
    await chooseFile(page, 'mixed.json', JSON.stringify(mixed));
    await page.waitForSelector('.import-preview');
    const counts = await page.locator('.import-counts').innerText();
    assert.ok(counts.includes('2 walks to add') && counts.includes('2 invalid'), counts);
    await page.locator('.import-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-preview-light');
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await stored(page), before, 'cancel changes nothing');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
