// Loopwalk service worker. The build stamps the version and the list of
// every built file (scripts/post-build.mjs); each build gets its own cache.
const VERSION = '__BUILD_VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = 'loopwalk-' + VERSION;
const SEED = 'loopwalk-seed';
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the app asks for it, so
  // it never swaps under a running walk.
  // What the page has just downloaded (the wasm, kept in SEED by the boot
  // script in index.html) is taken from there, not downloaded a second time.
  event.waitUntil(
    Promise.all([caches.open(CACHE), caches.open(SEED)])
      .then(([cache, seed]) =>
        Promise.all(
          PRECACHE.map(scoped).map((url) => seed.match(url).then((hit) => (hit ? cache.put(url, hit) : cache.add(url)))),
        ),
      )
      .then(() => caches.delete(SEED)),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('loopwalk-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.endsWith('/recover/index.html')) {
    // Every page of the app is the one index.html, served from the cache
    // (except the recovery page, a file of its own, served below).
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(scoped('./')).then((hit) => hit || fetch(request))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
