// The installable, offline app shell, end to end on the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, openTab, waitForServiceWorker, axeViolations, screenshot, TABS } from './harness.mjs';

test('the app mounts, every tab opens, and nothing else is fetched from another origin', async () => {
  const app = await launch();
  try {
    await openApp(app.page, app.server.url);
    for (const tab of TABS) {
      await openTab(app.page, tab);
      const current = await app.page.locator('nav.tabbar a[aria-current=page]').innerText();
      assert.equal(current.trim(), tab);
      assert.equal(await app.page.title(), `${tab} - Loopwalk`);
    }
    const origin = new URL(app.server.url).origin;
    const foreign = app.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.deepEqual(app.errors, [], 'console errors or CSP violations');
  } finally {
    await app.close();
  }
});

test('a slow first load shows the Loopwalk splash, and the app replaces it once mounted', async () => {
  const app = await launch();
  try {
    // Hold the wasm back, as a slow network would: the splash must be readable meanwhile.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await app.page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await app.page.goto(app.server.url);
    const splash = app.page.locator('#splash');
    await splash.waitFor({ state: 'visible' });
    assert.match(await splash.innerText(), /Loopwalk[\s\S]*Getting your walk ready/);
    assert.equal(await app.page.locator('nav.tabbar').count(), 0, 'the app is not there yet');
    await screenshot(app.page, 'splash');
    const slow = app.page.locator('.splash-slow');
    assert.equal(await slow.isVisible(), false, 'no "still loading" note at first');
    await slow.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await slow.innerText(), /Still loading\? Check your connection/);
    release();
    await app.page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
    assert.equal(await splash.count(), 0, 'the splash is gone once the app has mounted');
    await app.page.getByRole('button', { name: /Start/ }).first().waitFor({ state: 'visible' });
    assert.deepEqual(app.errors, [], 'console errors or CSP violations');
  } finally {
    await app.close();
  }
});

test('Chromium reports the app installable and every manifest icon loads', async () => {
  const app = await launch();
  try {
    await openApp(app.page, app.server.url);
    await waitForServiceWorker(app.page);
    const cdp = await app.context.newCDPSession(app.page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'manifest parse errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'installability errors');
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.ok(parsed.shortcuts.some((s) => s.name === 'Start a walk'));
    assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
    const images = [...parsed.icons, ...parsed.screenshots, { src: 'icons/apple-touch-icon.png', sizes: '180x180' }];
    for (const icon of images) {
      const size = await app.page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return `${img.naturalWidth}x${img.naturalHeight}`;
      }, new URL(icon.src, manifest.url).href);
      if (icon.sizes !== 'any') assert.equal(size, icon.sizes, `${icon.src} size`);
    }
  } finally {
    await app.close();
  }
});

test('after the first visit the app works offline, with the server stopped', async () => {
  const app = await launch();
  try {
    await openApp(app.page, app.server.url);
    await waitForServiceWorker(app.page);
    await app.server.close();
    await app.context.setOffline(true);
    await app.page.reload();
    await app.page.waitForSelector('nav.tabbar a[aria-current=page]', { timeout: 20000 });
    for (const tab of TABS) await openTab(app.page, tab);
    // A deep link opens offline too.
    await app.page.goto(app.server.url + '#/milestones');
    await app.page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Milestones');
  } finally {
    await app.context.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no accessibility violations on any screen (${scheme})`, async () => {
    const app = await launch({ colorScheme: scheme });
    try {
      await openApp(app.page, app.server.url);
      for (const tab of TABS) {
        await openTab(app.page, tab);
        const violations = await axeViolations(app.page);
        assert.deepEqual(violations, [], `${tab} (${scheme})`);
        await screenshot(app.page, `${tab.toLowerCase()}-${scheme}`);
      }
    } finally {
      await app.close();
    }
  });
}

test('touch targets of the tab bar and buttons are at least 48 px', async () => {
  const app = await launch();
  try {
    await openApp(app.page, app.server.url);
    for (const tab of TABS) {
      await openTab(app.page, tab);
      const small = await app.page.evaluate(() =>
        [...document.querySelectorAll('nav a, button, .btn, label.switch, select')]
          .filter((e) => e.offsetParent !== null)
          .map((e) => ({ e: e.textContent.trim().slice(0, 30) || e.outerHTML.slice(0, 60), r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.height < 47.5 && r.width > 0)
          .map(({ e, r }) => `${e} ${Math.round(r.width)}x${Math.round(r.height)}`),
      );
      assert.deepEqual(small, [], `${tab}: small touch targets`);
    }
  } finally {
    await app.close();
  }
});
