// Phone-size screenshots for the README and the manifest, of the release
// build in dist/ with a demo history (three weeks of evening walks, one loop).
// Usage: node scripts/screenshots.mjs   (after `make build`)
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, ROOT } from '../tests/e2e/harness.mjs';

const OUT = join(ROOT, 'docs/screenshots');
const DAY = 86400000;

function demoStore() {
  const now = Date.now();
  const walks = [];
  for (let i = 0; i < 16; i++) {
    const daysAgo = 22 - Math.round(i * 1.4);
    const minutes = 9 + i;
    const whole = i >= 6;
    const nonStop = i >= 12;
    walks.push({
      id: `demo-${i}`,
      // An evening walk (18:30 UTC, the walks' offset is 0), whatever the hour now.
      started_at: new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY + 18.5 * 3600000).toISOString(),
      utc_offset_min: 0,
      duration_s: minutes * 60 + 90,
      active_s: minutes * 60,
      steps: whole ? 1560 + i * 12 : 800 + i * 90,
      source: 'sensor',
      loop_id: i >= 3 ? 'demo-loop' : null,
      rests: nonStop ? [] : [{ at_s: 250, len_s: 25 }],
      gaps: i === 9 ? [{ at_s: 400, len_s: 95 }] : [],
      longest_nonstop_s: nonStop ? minutes * 60 : 250,
      // Pain goes up and down as it does; it does not fall on every walk.
      pain_before: [5, 4, 5, 4, 4, 5, 3, 4, 4, 5, 4, 3, 4, 4, 3, 4][i],
      pain_after: [5, 5, 4, 4, 5, 4, 3, 4, 5, 4, 4, 3, 3, 4, 4, 3][i],
      edited: false,
      note: null,
    });
  }
  return {
    version: 2,
    walks,
    loops: [{ id: 'demo-loop', name: 'Evening loop', length: { unit: 'steps', value: 1550 }, created_at: new Date(now - 25 * DAY).toISOString(), archived: false }],
    settings: { safety_acknowledged: true, last_loop: 'demo-loop', height_cm: 170, country: 'GB' },
    deleted: [],
  };
}

mkdirSync(OUT, { recursive: true });
for (const scheme of ['light', 'dark']) {
  const app = await launch({ colorScheme: scheme });
  try {
    // The splash a slow first visit shows while the wasm downloads (held back here).
    await app.page.route('**/*.wasm', () => {});
    await app.page.goto(app.server.url);
    await app.page.locator('#splash').waitFor({ state: 'visible' });
    await app.page.screenshot({ path: join(OUT, `splash-${scheme}.png`) });
    console.log(`docs/screenshots/splash-${scheme}.png`);
    await app.page.unroute('**/*.wasm');
    await openApp(app.page, app.server.url);
    await app.page.evaluate((s) => localStorage.setItem('loopwalk.v2', s), JSON.stringify(demoStore()));
    // A returning walker: the once-only install offer was shown on an
    // earlier visit (it has its own screenshots, install-*.png).
    await app.page.evaluate(() => localStorage.setItem('loopwalk.install_offered', '1'));
    for (const [name, hash] of [['walk', '#/walk'], ['history', '#/history'], ['trends', '#/history/trends'], ['milestones', '#/milestones'], ['settings', '#/settings']]) {
      await app.page.goto(app.server.url + hash);
      await app.page.reload();
      await app.page.waitForSelector('nav.tabbar a[aria-current=page]');
      await app.page.waitForTimeout(300);
      await app.page.screenshot({ path: join(OUT, `${name}-${scheme}.png`) });
      console.log(`docs/screenshots/${name}-${scheme}.png`);
    }
  } finally {
    await app.close();
  }
}
// The urgent-help page for the UK and for New Zealand (where 111 is the
// emergency number), and Milestones for a new walker.
{
  const app = await launch();
  try {
    await openApp(app.page, app.server.url);
    for (const [name, hash, settings] of [
      ['urgent-uk', '#/settings/urgent', { safety_acknowledged: true, country: 'GB' }],
      ['urgent-nz', '#/settings/urgent', { safety_acknowledged: true, country: 'NZ' }],
      ['milestones-new', '#/milestones', { safety_acknowledged: true, country: 'GB' }],
    ]) {
      const store = { version: 2, walks: [], loops: [], settings, deleted: [] };
      await app.page.evaluate((s) => localStorage.setItem('loopwalk.v2', s), JSON.stringify(store));
      await app.page.goto(app.server.url + hash);
      await app.page.reload();
      await app.page.waitForSelector('nav.tabbar a[aria-current=page]');
      await app.page.waitForTimeout(300);
      await app.page.screenshot({ path: join(OUT, `${name}-light.png`) });
      console.log(`docs/screenshots/${name}-light.png`);
    }
  } finally {
    await app.close();
  }
}
copyFileSync(join(OUT, 'walk-light.png'), join(ROOT, 'public/icons/screenshot-walk.png'));
console.log('public/icons/screenshot-walk.png (manifest screenshot)');
