// The static server the benchmark loads pages from: like a CDN in front of dist/, it
// keeps connections alive, sends the real Content-Type (application/wasm for .wasm),
// answers with the precompressed `.br` or `.gz` copy the build wrote when the request
// accepts it (Content-Encoding, Vary: Accept-Encoding), so transfer sizes are realistic,
// and sends validators (ETag, Last-Modified) with `Cache-Control: no-cache`.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor } from '../../e2e/lib/server.mjs';

const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
];

/**
 * The encodings an Accept-Encoding header allows, best first: by q-value, then brotli
 * before gzip. `identity` is always possible and not listed.
 */
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  return ENCODINGS.map((e, order) => ({ ...e, order, q: q.get(e.token) ?? q.get('*') ?? 0 }))
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function fileAt(root, pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  let file = path.resolve(root, `.${path.sep}${rel}`);
  if (!isInside(root, file)) return null;
  try {
    file = await fsp.realpath(file);
    if (!isInside(root, file)) return null;
    let stat = await fsp.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fsp.stat(file);
    }
    return stat.isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Serves `root` on 127.0.0.1 (a free port). Returns {origin, close}. */
export async function serveDist(root) {
  const rootReal = await fsp.realpath(path.resolve(root));
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = req.method === 'GET' || req.method === 'HEAD' ? await fileAt(rootReal, pathname) : null;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const headers = {
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      // As the portal's host must: sandboxed chart embeds load every file with CORS.
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
    };
    let body = file;
    for (const encoding of acceptedEncodings(req.headers['accept-encoding'])) {
      if (fs.existsSync(file + encoding.suffix)) {
        body = file + encoding.suffix;
        headers['Content-Encoding'] = encoding.token;
        break;
      }
    }
    // Validators, as a CDN sends them: the service worker's `cache: 'no-cache'` fetches
    // then revalidate (304) instead of downloading the app a second time.
    const stat = await fsp.stat(body);
    headers.ETag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    headers['Last-Modified'] = stat.mtime.toUTCString();
    if (req.headers['if-none-match'] === headers.ETag) {
      delete headers['Content-Type'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = stat.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(body).on('error', () => res.destroy()).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
