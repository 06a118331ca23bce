// The walker's checks, once, for any engine driver (see harness.mjs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  site,
  openApp,
  openTab,
  waitFor,
  waitForSelector,
  waitForServiceWorker,
  storedWalks,
  text,
  loadTrace,
  stepcount,
  REPLAY_IN_PAGE,
  STAND_IN_MOTION_EVENT,
  TABS,
  closeDisplay,
  sleep,
} from './harness.mjs';

/** Seconds of the recording replayed as devicemotion events. */
const REPLAY_S = Number(process.env.LOOPWALK_REPLAY_S || 60);
const RECORDING = 'user2_hand_1506421987098';

/**
 * Registers the scenarios for one engine.
 * `open(opts)` returns a driver; `consoleAtLoad(url, until)` (optional)
 * returns the console lines of a first load for engines whose driver can't
 * see the console from the very start.
 * `standInMotion`: the engine has no DeviceMotionEvent, use the stand-in.
 */
export function scenarios({ engine, open, consoleAtLoad, standInMotion, iphone }) {
  after(() => closeDisplay());

  const withApp = async (opts, body) => {
    const s = await site();
    const d = await open(opts);
    try {
      await body(d, s);
    } finally {
      await d.close();
      await s.close();
    }
  };

  test(`${engine}: first visit loads with no console errors or CSP violations, and fetches the wasm exactly once`, async () => {
    if (consoleAtLoad) {
      const s = await site();
      try {
        const { ok, lines } = await consoleAtLoad(s.url, () => s.hits.includes('/sw.js'));
        assert.ok(ok, 'the app mounted and registered its service worker');
        const bad = lines.filter((l) => /ERROR|Refused|Unrecognized|Content-Security-Policy/i.test(l));
        assert.deepEqual(bad, [], 'console errors or CSP messages at load');
      } finally {
        await s.close();
      }
    }
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      await waitForServiceWorker(d);
      // Let the worker's precache finish too: it must reuse the download.
      await sleep(1000);
      console.log(`# ${engine} ${d.version}: first visit fetched ${s.hits.length} URLs, the wasm ${s.wasmHits()} time(s)`);
      assert.equal(s.wasmHits(), 1, `wasm downloads on a first visit: ${s.hits.filter((p) => p.endsWith('.wasm')).join(', ')}`);
      assert.deepEqual(await d.errors(), []);
    });
  });

  test(`${engine}: the four tabs and the urgent page`, async () => {
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      for (const tab of TABS) {
        await openTab(d, tab);
        assert.equal(await d.eval(`() => document.title`), `${tab} - Loopwalk`);
      }
      await d.click('a[data-link=urgent]');
      await waitForSelector(d, '.urgent');
      assert.match(await text(d, '.urgent'), /999|emergency/i);
      assert.deepEqual(await d.errors(), []);
    });
  });

  test(`${engine}: a manual walk is saved and still there after a reload`, async () => {
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      await d.click('button[data-action=start]');
      // No motion here: the app says so plainly and offers a manual count.
      await waitForSelector(d, '[data-problem]', { timeout: 15000 });
      await d.click('button[data-action=manual]');
      await waitForSelector(d, 'section.walk[data-stage=recording]');
      await d.click('button[data-action=stop]');
      await waitForSelector(d, 'input[data-manual-steps]');
      await d.fill('input[data-manual-steps]', 640);
      await d.click('button[data-action=save]');
      await waitForSelector(d, 'section.walk[data-stage=ready]');
      await d.reload();
      await waitForSelector(d, 'nav.tabbar a[aria-current=page]');
      const walks = await storedWalks(d);
      assert.equal(walks.length, 1);
      assert.equal(walks[0].steps, 640);
      assert.equal(walks[0].source, 'manual');
      await openTab(d, 'History');
      assert.match(await text(d, 'main'), /640/);
    });
  });

  test(`${engine}: a page holds its tab id's Web Lock, so a duplicated tab (sessionStorage copied) would take an id of its own; a reload keeps the id`, async () => {
    // The claim behind the duplicated-tab fix (src/platform/checkpoint.rs)
    // needs Web Locks that a live page holds for its whole life. A copy of
    // the tab asks for the same lock with ifAvailable and must be refused.
    const claim = `async () => {
      const id = sessionStorage.getItem('loopwalk.tab');
      if (!id || !navigator.locks) return { id, locks: !!navigator.locks };
      const name = 'loopwalk.tab.' + id;
      const held = (await navigator.locks.query()).held.map((l) => l.name);
      const copyGot = await navigator.locks.request(name, { ifAvailable: true }, (lock) => lock !== null);
      return { id, locks: true, held: held.includes(name), copyGot };
    }`;
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      const now = await d.eval(claim);
      assert.ok(now.id, 'the page has a tab id');
      assert.deepEqual(now, { id: now.id, locks: true, held: true, copyGot: false });
      await d.reload();
      await waitForSelector(d, 'nav.tabbar a[aria-current=page]');
      // The app mounts only once its id is settled and held.
      const again = await d.eval(claim);
      assert.deepEqual(again, { id: now.id, locks: true, held: true, copyGot: false }, 'a reload keeps its tab id and holds it');
    });
  });

  test(`${engine}: after the first visit every tab reloads offline through the service worker`, async () => {
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      await waitForServiceWorker(d);
      await s.stop();
      for (const tab of TABS) {
        await d.goto(`${s.url}#/${tab.toLowerCase()}`);
        await d.reload();
        await waitFor(d, `(l) => document.querySelector('h1')?.textContent === l`, { args: [tab], what: `${tab} offline` });
      }
      await openTab(d, 'Walk');
    });
  });

  test(`${engine}: a new version is offered, and Reload switches to it`, async () => {
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      await waitForServiceWorker(d);
      const version = () =>
        d.eval(`() => new Promise((ok) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = (e) => ok(e.data);
          navigator.serviceWorker.controller.postMessage({ type: 'VERSION' }, [ch.port2]);
        })`);
      const before = await version();
      const next = s.publishUpdate();
      await d.eval(`() => navigator.serviceWorker.getRegistration().then((r) => r.update())`);
      await waitFor(d, `() => document.querySelector('.banner')?.innerText.includes('New version ready')`, { what: 'the update banner' });
      await d.click('.banner button');
      await waitFor(d, `() => !document.querySelector('.banner') && !!document.querySelector('nav.tabbar')`, { what: 'the reload' });
      await waitForServiceWorker(d);
      const now = await waitFor(d, `() => new Promise((ok) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = (e) => ok(e.data);
          navigator.serviceWorker.controller.postMessage({ type: 'VERSION' }, [ch.port2]);
        })`);
      assert.notEqual(before, next);
      assert.equal(now, next, 'the new version runs after Reload');
    });
  });

  test(`${engine}: a recording replayed as devicemotion events counts as stepcount --hz 60 on the delivered samples`, async () => {
    const { rows, truth } = loadTrace(RECORDING, REPLAY_S);
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      if (standInMotion) assert.equal(await d.eval(STAND_IN_MOTION_EVENT), true, 'no DeviceMotionEvent here, stand-in installed');
      else assert.equal(await d.eval(`() => typeof DeviceMotionEvent`), 'function');
      // Give the sensor a first reading as the walk starts (a phone sends them continuously).
      await d.eval(`() => { window.__prime = setInterval(() => dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: ${rows[0][1]}, y: ${rows[0][2]}, z: ${rows[0][3]} }, interval: 16 })), 16); }`);
      await d.click('button[data-action=start]');
      await waitForSelector(d, 'section.walk[data-stage=recording]');
      await d.eval(`() => clearInterval(window.__prime)`);
      const sent = await d.eval(REPLAY_IN_PAGE, rows);
      await d.click('button[data-action=stop]');
      await waitForSelector(d, '[data-summary-steps]');
      const shown = Number(await text(d, '[data-summary-steps]'));
      const delivered = await d.eval(`() => window.__delivered`);
      const hz60 = stepcount(`${engine}-${RECORDING}-delivered`, delivered, 60);
      const native = stepcount(`${engine}-${RECORDING}-delivered`, delivered);
      console.log(
        `# ${engine}: ${RECORDING} first ${REPLAY_S}s as ${sent} events: app ${shown}, stepcount --hz 60 on the delivered samples ${hz60}, ` +
          `without resampling ${native}, ground truth ${truth}`,
      );
      // The same detector on the same samples: the same count.
      assert.ok(Math.abs(shown - native) <= 1, `app ${shown} vs stepcount on the delivered samples ${native}`);
      // Resampled to an exact 60 Hz grid first (as the CLI does with --hz 60),
      // the engine's timer jitter moves a count by a step or two (measured:
      // Firefox 100 vs 98, WebKit 100 vs 100).
      const tol = Math.max(3, Math.round(hz60 * 0.03));
      assert.ok(Math.abs(shown - hz60) <= tol, `app ${shown} vs stepcount --hz 60 ${hz60} (±${tol})`);
      assert.ok(Math.abs(shown - truth) <= Math.max(3, truth * 0.06), `app ${shown} vs truth ${truth}`);
      await d.click('button[data-action=save]');
      await waitForSelector(d, 'section.walk[data-stage=ready]');
      const walks = await storedWalks(d);
      assert.equal(walks.length, 1);
      assert.equal(walks[0].steps, shown);
      assert.equal(walks[0].source, 'sensor');
      assert.deepEqual(await d.errors(), []);
    });
  });

  test(`${engine}: iOS motion permission: granted, denied, then allowed on Try again`, async () => {
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      if (standInMotion) await d.eval(STAND_IN_MOTION_EVENT);
      await d.eval(`() => {
        window.__answer = 'denied';
        window.__asked = 0;
        DeviceMotionEvent.requestPermission = () => { window.__asked++; return Promise.resolve(window.__answer); };
      }`);
      await d.click('button[data-action=start]');
      await waitForSelector(d, '[data-problem=Denied]');
      const msg = await text(d, '[data-problem]');
      assert.match(msg, /Motion & Orientation Access/);
      await d.eval(`() => { window.__answer = 'granted'; }`);
      await d.click('button[data-action=retry]');
      await waitForSelector(d, 'section.walk[data-stage=recording]');
      assert.equal(await d.eval(`() => window.__asked`), 2, 'asked once per tap');
    });
    await withApp({}, async (d, s) => {
      await openApp(d, s.url);
      if (standInMotion) await d.eval(STAND_IN_MOTION_EVENT);
      await d.eval(`() => { DeviceMotionEvent.requestPermission = () => Promise.resolve('granted'); }`);
      await d.click('button[data-action=start]');
      await waitForSelector(d, 'section.walk[data-stage=recording]');
    });
  });

  test(`${engine}: install guidance shows in a browser tab and is hidden when installed`, async () => {
    await withApp({ userAgent: iphone ? iphone.userAgent : undefined }, async (d, s) => {
      await openApp(d, s.url);
      await openTab(d, 'Settings');
      await waitForSelector(d, '[data-install-section]');
      const section = await text(d, '[data-install-section]');
      assert.match(section, /Install Loopwalk/);
      if (iphone) {
        assert.match(section, /Tap Share[\s\S]*Tap Add to Home Screen/);
        assert.equal(await d.eval(`() => document.querySelectorAll('[data-install=apple-steps] svg').length`), 2, 'a picture for each step');
        const note = await text(d, '[data-safari-storage]');
        assert.match(note, /Safari deletes[\s\S]*7 days[\s\S]*Home Screen/);
        assert.match(note, /export a backup/i);
        await d.eval(`() => { document.querySelector('[data-install-section]').scrollIntoView(); scrollBy(0, -72); }`);
        await d.screenshot(iphone.screenshot);
      } else {
        assert.match(section, /Add to Home screen|Install app/);
        assert.equal(await d.eval(`() => !!document.querySelector('[data-safari-storage]')`), false, 'the Safari note is for iPhone Safari only');
      }
      // Running from the home screen: nothing of it shows.
      await d.eval(`() => {
        Object.defineProperty(navigator, 'standalone', { configurable: true, get: () => true });
        dispatchEvent(new Event('loopwalk-installable'));
      }`);
      await waitFor(d, `() => !document.querySelector('[data-install-section]') && !document.querySelector('[data-safari-storage]')`, {
        what: 'the guidance hidden when standalone',
      });
    });
  });
}
