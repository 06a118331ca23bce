// Renders the app icons (PNG) from their SVG sources with headless Chromium.
// Usage: node scripts/icons.mjs   (needs npm ci and /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const out = new URL('../public/icons/', import.meta.url);
const jobs = [
  ['icon.svg', 'icon-192.png', 192, true],
  ['icon.svg', 'icon-512.png', 512, true],
  ['icon-maskable.svg', 'icon-maskable-192.png', 192, false],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512, false],
  // iOS draws its own rounded corners and shows transparency as black: full bleed.
  ['icon-maskable.svg', 'apple-touch-icon.png', 180, false],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [src, name, size, transparent] of jobs) {
  const svg = readFileSync(new URL(src, out), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">` +
      `<img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
  );
  await page.waitForFunction(() => document.images[0].complete);
  await page.screenshot({ path: new URL(name, out).pathname, omitBackground: transparent });
  console.log(`${name} ${size}x${size}`);
}
await browser.close();
