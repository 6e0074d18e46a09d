// Serves the bench's pages and the built scripts on loopback, gzipped as a web server or CDN
// would send them, and remembers which scripts were served: what a reader really downloads.
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {gzipSync} from 'node:zlib';

export async function startBenchServer(pages) {
  /** The scripts served since the last `served.clear()`. */
  const served = new Set();
  /** Bodies gzipped once. */
  const compressed = new Map();
  const send = (req, res, type, key, body) => {
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip && !compressed.has(key)) compressed.set(key, gzipSync(body(), {level: 9}));
    res.writeHead(200, {'Content-Type': type, ...(gzip ? {'Content-Encoding': 'gzip'} : {})});
    res.end(gzip ? compressed.get(key) : body());
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (pages[path]) return send(req, res, 'text/html; charset=utf-8', path, () => pages[path]);
    // An empty module, for the floor of a script-built widget (see pages.mjs).
    if (path === '/empty.js') return send(req, res, 'text/javascript', path, () => 'export {};\n');
    if (/^\/dist\/(chunks\/)?[\w.-]+\.js$/.test(path)) {
      served.add(path.slice(1));
      return send(req, res, 'text/javascript', path, () => readFileSync(`.${path}`));
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {origin: `http://127.0.0.1:${server.address().port}`, served, close: () => server.close()};
}
