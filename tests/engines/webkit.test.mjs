// WebKitGTK (Debian `webkit2gtk-driver`, MiniBrowser under Xvfb), the engine
// family of iPhone Safari: the walker's checks of tests/engines/scenarios.mjs
// at 390x844, with an iPhone user agent for the install guidance.
import { scenarios } from './scenarios.mjs';
import { webkit, webkitConsoleAtLoad, IPHONE_UA } from './harness.mjs';

scenarios({
  engine: 'webkit',
  open: (opts) => webkit(opts),
  // WebDriver classic has no console: MiniBrowser alone prints it at load.
  consoleAtLoad: webkitConsoleAtLoad,
  // No DeviceMotionEvent in WebKitGTK: the stand-in class carries the events.
  standInMotion: true,
  iphone: { userAgent: IPHONE_UA, screenshot: 'install-iphone' },
});
