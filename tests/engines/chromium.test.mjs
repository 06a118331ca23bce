// Chromium parts of issue 16 that need Chromium's own APIs: the
// beforeinstallprompt path of "Install Loopwalk" (Android), and the print
// colours of the chart legends. Playwright + Debian Chromium at 390x844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, openTab, screenshot } from '../e2e/harness.mjs';

const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

/** Chromium fires beforeinstallprompt when installable; headless never shows the prompt, so this one answers `outcome`. */
const FAKE_PROMPT = (outcome) => `(() => {
  const e = new Event('beforeinstallprompt', { cancelable: true });
  window.__prompted = 0;
  e.prompt = () => {
    window.__prompted++;
    if ('${outcome}' === 'accepted') setTimeout(() => dispatchEvent(new Event('appinstalled')), 50);
    return Promise.resolve();
  };
  e.userChoice = Promise.resolve({ outcome: '${outcome}', platform: 'web' });
  dispatchEvent(e);
})()`;

/** A first walk, saved as a walker would here (manual count: no sensor). */
async function saveManualWalk(page, steps) {
  await page.locator('button[data-action=start]').click();
  await page.waitForSelector('[data-problem]', { timeout: 15000 });
  await page.locator('button[data-action=manual]').click();
  await page.locator('button[data-action=stop]').click();
  await page.locator('input[data-manual-steps]').fill(steps);
  await page.locator('button[data-action=save]').click();
  await page.waitForSelector('section.walk[data-stage=ready]');
}

test('Android: "Install Loopwalk" shows the browser prompt, then says how to start a walk from the icon', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await page.addInitScript(`Object.defineProperty(navigator, 'userAgent', { get: () => ${JSON.stringify(ANDROID_UA)} });`);
    await openApp(page, app.server.url);
    await page.evaluate(FAKE_PROMPT('accepted'));
    await openTab(page, 'Settings');
    const section = page.locator('[data-install-section]');
    await section.getByRole('button', { name: 'Install Loopwalk' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'install-android');
    await section.getByRole('button', { name: 'Install Loopwalk' }).click();
    await page.waitForSelector('[data-install=done]');
    assert.equal(await page.evaluate(() => window.__prompted), 1, 'the browser prompt was shown once');
    assert.match(await page.locator('[data-install=done]').innerText(), /installed[\s\S]*home screen[\s\S]*Start walk/);
    await screenshot(page, 'install-android-done');
    // The Safari note is for iPhone only.
    assert.equal(await page.locator('[data-safari-storage]').count(), 0);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('Android: a dismissed prompt leaves the way open to install later', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/settings');
    await page.evaluate(FAKE_PROMPT('dismissed'));
    await page.locator('[data-install-section]').getByRole('button', { name: 'Install Loopwalk' }).click();
    await page.getByText('Not installed. You can install Loopwalk later').waitFor();
  } finally {
    await app.close();
  }
});

test('running from the home screen shows no install guidance, and no offer after the first walk', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await page.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      // As installed: the standalone display mode matches.
      window.matchMedia = (q) => real(q === '(display-mode: standalone)' ? '(min-width: 0px)' : q);
    });
    await openApp(page, app.server.url, '#/settings');
    await page.evaluate(FAKE_PROMPT('accepted'));
    await page.waitForSelector('#settings-data');
    assert.equal(await page.locator('[data-install-section]').count(), 0);
    await openTab(page, 'Walk');
    await saveManualWalk(page, '700');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-install-offer]').count(), 0);
  } finally {
    await app.close();
  }
});

test('once, after the first saved walk, the Walk screen offers to install; "Not now" and it never comes back', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url);
    await page.evaluate(FAKE_PROMPT('dismissed'));
    assert.equal(await page.locator('[data-install-offer]').count(), 0, 'no offer before any walk');
    await saveManualWalk(page, '900');
    await page.waitForSelector('[data-install-offer]');
    assert.match(await page.locator('[data-install-offer]').innerText(), /home screen/);
    await page.locator('[data-install-offer] button[data-action=install-later]').click();
    await page.waitForSelector('[data-install-offer]', { state: 'detached' });
    await page.reload();
    await page.waitForSelector('nav.tabbar a[aria-current=page]');
    await page.evaluate(FAKE_PROMPT('dismissed'));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-install-offer]').count(), 0, 'shown once only');
  } finally {
    await app.close();
  }
});

test('printed summary: the chart legend swatches keep their colour without "background graphics"', async () => {
  const app = await launch();
  try {
    const page = app.page;
    await openApp(page, app.server.url, '#/settings/report');
    await page.waitForSelector('.chart .key-done');
    await page.emulateMedia({ media: 'print' });
    const keys = await page.evaluate(() =>
      ['.key-done', '.key-met'].map((k) => {
        const s = getComputedStyle(document.querySelector(`.chart ${k}`));
        return { k, border: s.borderTopColor, width: s.borderTopWidth, adjust: s.printColorAdjust };
      }),
    );
    for (const { k, border, width, adjust } of keys) {
      // Borders are always printed; backgrounds are not.
      assert.ok(parseFloat(width) >= 4, `${k} drawn by its border (${width})`);
      assert.notEqual(border, 'rgba(0, 0, 0, 0)', `${k} border colour`);
      assert.notEqual(border, 'rgb(255, 255, 255)', `${k} border colour`);
      assert.equal(adjust, 'exact');
    }
    assert.notEqual(keys[0].border, keys[1].border, 'the two swatches stay distinguishable');
  } finally {
    await app.close();
  }
});

test('Chromium: a first visit fetches the wasm exactly once (page and service worker precache together)', async () => {
  const { site } = await import('./harness.mjs');
  const s = await site();
  const app = await launch({ server: s });
  try {
    await openApp(app.page, s.url);
    await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    await app.page.waitForTimeout(1000);
    console.log(`# chromium: first visit fetched ${s.hits.length} URLs, the wasm ${s.wasmHits()} time(s)`);
    assert.equal(s.wasmHits(), 1);
  } finally {
    await app.close();
  }
});
