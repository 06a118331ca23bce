// "Never lose a walk" (issue 12), end to end on the release build: import
// that cannot delete or overwrite, Undo across two windows, a stored walk
// with an impossible date, CSV formula cells, and the recovery page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, walkRecord, checkpoints, tabId } from './harness.mjs';

const KEY = 'loopwalk.v2';

/** A stored walk of 1,001 steps, `daysAgo` days ago at 09:15. */
function walk(id, daysAgo, extra = {}) {
  return walkRecord(id, daysAgo, 9, { steps: 1001, ...extra });
}

function store(walks, extra = {}) {
  return {
    version: 2,
    walks,
    loops: [{ id: 'l1', name: 'Park loop', length: { unit: 'steps', value: 1200 }, created_at: '2026-01-01T08:00:00Z', archived: false }],
    settings: { height_cm: 170 },
    deleted: [],
    ...extra,
  };
}

const five = () => [4, 3, 2, 1, 0].map((d) => walk(`w${d}`, d));

async function seed(page, url, data, hash = '#/settings') {
  await page.goto(url + '#/settings');
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(data)]);
  await openApp(page, url, hash);
  await page.reload();
  await page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
}

const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
const storedIds = async (page) => (await stored(page)).walks.map((w) => w.id).sort();

async function importText(page, name, text) {
  await page.locator('input[type=file][name=import]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('.import-preview');
  return page.locator('.import-counts').innerText();
}

async function apply(page) {
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForSelector('.import-result');
}

test('a 61-byte file listing deletions deletes nothing, and the preview says so', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await seed(page, app.server.url, store(five()));
    await page.waitForSelector('.data-settings');
    const counts = await importText(page, 'evil.json', '{"version":2,"deleted":["w0","w1","w2","w3","w4"]}');
    assert.ok(counts.includes('5 walks listed as deleted in the file: ignored'), counts);
    await apply(page);
    assert.deepEqual(await storedIds(page), ['w0', 'w1', 'w2', 'w3', 'w4']);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('an edited copy in a file never overwrites the walk here (1,001 steps stay 1,001)', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await seed(page, app.server.url, store(five()));
    const hostile = store([walk('w0', 0, { steps: 42, edited: true })], { edited_at: { w0: '2099-01-01T00:00:00Z' } });
    const counts = await importText(page, 'edit.json', JSON.stringify(hostile));
    assert.ok(counts.includes('1 walk skipped: already here with different details'), counts);
    await apply(page);
    assert.equal((await stored(page)).walks.find((w) => w.id === 'w0').steps, 1001);
  } finally {
    await app.close();
  }
});

test('delete, export, Undo, then import that backup: the walk stays', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await seed(page, app.server.url, store(five()), '#/history/walk/w2');
    await page.waitForSelector('.walk-detail');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('.snackbar');
    // Export while the deletion stands (the file lists it as deleted).
    const backup = await page.evaluate((k) => JSON.stringify({ app: 'loopwalk', kind: 'backup', exported_at: new Date().toISOString(), store: JSON.parse(localStorage.getItem(k)) }), KEY);
    assert.ok(JSON.parse(backup).store.deleted.includes('w2'));
    await page.locator('.snackbar').getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('a.walk-row[data-walk="w2"]');
    await page.goto(app.server.url + '#/settings');
    await page.waitForSelector('.data-settings');
    const counts = await importText(page, 'mine.json', backup);
    assert.ok(counts.includes('1 walk listed as deleted in the file: ignored'), counts);
    await apply(page);
    assert.ok((await storedIds(page)).includes('w2'));
    // And a walk deleted here comes back from a backup that holds it.
    const full = JSON.stringify(store(five()));
    await page.goto(app.server.url + '#/history/walk/w3');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForSelector('.snackbar');
    await page.goto(app.server.url + '#/settings');
    await page.waitForSelector('.data-settings');
    const back = await importText(page, 'full.json', full);
    assert.ok(back.includes('1 walk you deleted here, brought back'), back);
    await apply(page);
    assert.deepEqual(await storedIds(page), ['w0', 'w1', 'w2', 'w3', 'w4']);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('two windows: an Undo in one wins over the deletion the other still holds', async () => {
  const app = await launch();
  try {
    const a = app.page;
    await seed(a, app.server.url, store(five()), '#/history');
    const b = await app.context.newPage();
    await openApp(b, app.server.url, '#/history');
    await b.waitForSelector('a.walk-row[data-walk="w1"]');
    // A deletes w1; B sees it go.
    await a.goto(app.server.url + '#/history/walk/w1');
    await a.getByRole('button', { name: 'Delete' }).click();
    await a.waitForSelector('.snackbar');
    await b.waitForSelector('a.walk-row[data-walk="w1"]', { state: 'detached' });
    const deletion = await stored(a);
    assert.ok(deletion.deleted_at && deletion.deleted_at.w1, 'the deletion carries its time');
    // A undoes.
    await a.locator('.snackbar').getByRole('button', { name: 'Undo' }).click();
    await a.waitForSelector('a.walk-row[data-walk="w1"]');
    // B, which held the deletion, saves a change of its own.
    await b.goto(app.server.url + '#/history/walk/w4');
    await b.getByRole('button', { name: 'Edit' }).click();
    await b.locator('textarea[name=note]').fill('edited in B');
    await b.getByRole('button', { name: 'Save changes' }).click();
    await b.waitForSelector('.walk-detail .tag.edited');
    assert.ok((await storedIds(a)).includes('w1'), 'B did not merge the deletion back');
    for (const p of [a, b]) {
      await p.goto(app.server.url + '#/history');
      await p.waitForSelector('a.walk-row[data-walk="w1"]');
    }
    assert.equal((await stored(a)).walks.find((w) => w.id === 'w4').note, 'edited in B');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a stored walk dated year +262142 no longer stops the app: it is set aside and shown', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const far = walk('far', 0, { started_at: '+262142-01-01T00:00:00Z' });
    const off = walk('off', 0, { utc_offset_min: -2147483648 });
    await seed(page, app.server.url, store([...five(), far, off]), '#/history');
    await page.waitForSelector('a.walk-row[data-walk="w0"]');
    assert.equal(await page.locator('a.walk-row').count(), 5);
    for (const tab of ['#/milestones', '#/walk', '#/history/trends', '#/settings']) {
      await page.goto(app.server.url + tab);
      await page.waitForSelector('nav.tabbar a[aria-current=page]');
    }
    await page.waitForSelector('.data-settings [data-quarantined="2"]');
    const text = await page.locator('.data-settings .quarantine').innerText();
    assert.ok(text.includes('2 saved records could not be shown'), text);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the records set aside' }).click()]);
    const aside = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(aside.map((r) => r.id).sort(), ['far', 'off']);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('CSV export neutralises formula cells; a 10,000-character loop name is cut to 60', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await seed(page, app.server.url, store([walk('w0', 0, { note: '=HYPERLINK("http://evil","x")' })]));
    const long = store([walk('w9', 9, { loop_id: 'l2' })]);
    long.loops = [{ id: 'l2', name: 'n'.repeat(10000), length: { unit: 'steps', value: 1200 }, created_at: '2026-01-01T08:00:00Z', archived: false }];
    await importText(page, 'long.json', JSON.stringify(long));
    await apply(page);
    const loops = (await stored(page)).loops;
    assert.equal(loops.find((l) => l.id === 'l2').name.length, 60);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export walks as CSV' }).click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), text);
    assert.ok(!/(^|,)=HYPERLINK/m.test(text));
  } finally {
    await app.close();
  }
});

test('storage 80% full: the walker is warned while saving still works', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await seed(page, app.server.url, store(five()), '#/walk');
    await page.evaluate(() => localStorage.setItem('other.site.data', 'x'.repeat(Math.floor(5 * 1024 * 1024 * 0.85))));
    await page.reload();
    await page.waitForSelector('.notice.space-warning');
    const text = await page.locator('.notice.space-warning').innerText();
    assert.ok(text.includes('Storage nearly full') && text.includes('Export a backup'), text);
    // Saving still works.
    await page.goto(app.server.url + '#/history/walk/w1');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('textarea[name=note]').fill('still saved');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForSelector('.walk-detail .tag.edited');
    assert.equal((await stored(page)).walks.find((w) => w.id === 'w1').note, 'still saved');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the preview lists settings a file would change before they are adopted', async () => {
  const app = await launch();
  const { page } = app;
  try {
    await openApp(page, app.server.url, '#/settings');
    await page.waitForSelector('.data-settings');
    const counts = await importText(page, 'settings.json', JSON.stringify(store([], { settings: { height_cm: 150, tips: false } })));
    assert.ok(counts.includes('Settings from the file replace the defaults here: height, tips'), counts);
  } finally {
    await app.close();
  }
});

test('the recovery page exports the raw stored data without the app', async () => {
  const app = await launch();
  const { page } = app;
  try {
    const raw = '{"version":9,"walks":[{"id":"x"'; // unreadable by this version, cut off
    await openApp(page, app.server.url, '#/walk');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
    // The splash's "Still loading?" note links to it.
    const index = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8');
    assert.ok(index.includes('href="recover/index.html"'));
    await page.goto(app.server.url + 'recover/index.html');
    await page.waitForSelector('#save-history:not([hidden])');
    assert.ok((await page.locator('#keys').innerText()).includes('loopwalk.v2'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-history').click()]);
    assert.equal(readFileSync(await download.path(), 'utf8'), raw);
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator('#save-all').click()]);
    assert.equal(JSON.parse(readFileSync(await all.path(), 'utf8')).items[KEY], raw);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});


/** Starts a hand-counted walk (headless Chromium has no motion readings). */
async function startManualWalk(page) {
  await page.locator('button[data-action=start]').click();
  await page.locator('button[data-action=manual]').click({ timeout: 8000 });
  await page.waitForSelector('section.walk[data-stage=recording]');
}

async function stopAndSave(page, steps) {
  await page.locator('button[data-action=stop]').click();
  await page.locator('input[data-manual-steps]').fill(String(steps));
  await page.locator('button[data-action=save]').click();
  await page.waitForSelector('section.walk[data-stage=ready]');
}

test('a duplicated tab (its sessionStorage copied) walks under its own id: saving in one keeps the other\'s walk, both are saved', async () => {
  const app = await launch();
  try {
    const a = app.page;
    await openApp(a, app.server.url);
    await startManualWalk(a);
    await a.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('loopwalk.current.')), null, { timeout: 10000 });
    const aId = await tabId(a);
    const aWalk = Object.values(await checkpoints(a));
    assert.equal(aWalk.length, 1);
    // "Duplicate tab": a second page that starts with A's sessionStorage (its tab id).
    const b = await app.context.newPage();
    b.on('pageerror', (e) => app.errors.push(`pageerror (B): ${e.message}`));
    await b.addInitScript((id) => {
      if (!sessionStorage.getItem('e2e.duplicated')) {
        sessionStorage.setItem('e2e.duplicated', '1');
        sessionStorage.setItem('loopwalk.tab', id);
      }
    }, aId);
    await openApp(b, app.server.url);
    await b.waitForSelector('section.walk');
    assert.equal(await b.getAttribute('section.walk', 'data-stage'), 'ready', 'A\'s live walk is not offered to the copy as its own');
    const bId = await tabId(b);
    assert.notEqual(bId, aId, 'the copy took an id of its own');
    assert.equal(await tabId(a), aId);
    await startManualWalk(b);
    await b.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('loopwalk.current.')).length === 2, null, { timeout: 10000 });
    const both = await checkpoints(b);
    assert.equal(both[`loopwalk.current.${aId}`], aWalk[0], 'A\'s checkpoint was not overwritten by B');
    const bWalk = both[`loopwalk.current.${bId}`];
    assert.ok(bWalk && bWalk !== aWalk[0]);
    // A saves: B's walk and checkpoint are untouched.
    await stopAndSave(a, 300);
    assert.deepEqual(await checkpoints(a), { [`loopwalk.current.${bId}`]: bWalk }, 'A\'s save cleared only A\'s checkpoint');
    assert.equal(await b.getAttribute('section.walk', 'data-stage'), 'recording');
    // A reload of B is not a copy: it keeps B's id and offers B's walk back.
    await b.reload();
    await b.waitForSelector('button[data-action=continue]', { timeout: 20000 });
    assert.equal(await tabId(b), bId, 'a reload keeps the tab id');
    await b.locator('button[data-action=continue]').click();
    await b.waitForSelector('section.walk[data-stage=recording]');
    await stopAndSave(b, 500);
    const walks = (await stored(b)).walks;
    assert.deepEqual(walks.map((w) => w.id).sort(), [aWalk[0], bWalk].sort(), 'both walks are saved');
    assert.deepEqual(walks.map((w) => w.steps).sort(), [300, 500]);
    assert.deepEqual(await checkpoints(b), {});
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
