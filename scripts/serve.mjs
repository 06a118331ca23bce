// A small static server for dist/ with the right MIME types (wasm,
// webmanifest) and no caching of sw.js/index.html, so updates are seen.
// CLI: node scripts/serve.mjs [dir=dist] [port=8080] [host=127.0.0.1]
// Module: import { serve } from './serve.mjs'; const s = await serve('dist', 0);
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serve(dir = 'dist', port = 8080, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const name = file.slice(root.length + 1);
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' };
      headers['Cache-Control'] = name === 'sw.js' || name === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable';
      // Compress text and wasm as any static host does.
      let out = body;
      if (!/\.png$/.test(name) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        out = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : out);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const { port: actual } = server.address();
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const s = await serve(dir, Number(port), host);
  console.log(`Loopwalk served from ${dir}/ at ${s.url} (Ctrl-C to stop)`);
}
