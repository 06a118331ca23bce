// Firefox ESR (Debian `firefox-esr`) over WebDriver BiDi with puppeteer-core:
// the walker's checks of tests/engines/scenarios.mjs at 390x844.
import { scenarios } from './scenarios.mjs';
import { firefox } from './harness.mjs';

scenarios({
  engine: 'firefox',
  open: (opts) => firefox(opts),
  // Firefox has a DeviceMotionEvent (desktop: no readings ever arrive).
  standInMotion: false,
});
