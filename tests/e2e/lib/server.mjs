// A tiny static file server for the built site (node:http only).
//
// - listens on 127.0.0.1, port 0 (the OS picks a free port);
// - can mount the folder under a sub-path (e.g. "/portal/") to prove the
//   site works when it is not deployed at the domain root;
// - directory -> its index.html; anything missing -> 404. There is NO SPA
//   fallback/rewrite on purpose: the app uses hash routes, so it must work on
//   a plain CDN that has no rewrites;
// - never serves anything outside the folder (no path traversal);
// - every response says Access-Control-Allow-Origin: *, as the portal's host
//   must: a chart embed is sandboxed without allow-same-origin, so its origin
//   is opaque ("null") and each file it loads (module JS, wasm, data, CSS and
//   scripts with integrity) is a cross-origin CORS request.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Normalise a mount path to "/" or "/something/". */
function normaliseBase(base) {
  let b = base ?? '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/** Is `child` the folder `parent` itself or somewhere inside it? */
function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Parses a Netlify / Cloudflare Pages `_headers` file: blocks of a path pattern (`*`
 * matches any run of characters) followed by indented `Name: value` lines.
 * @returns {{pattern: RegExp, headers: [string, string][]}[]}
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length > 0) {
      const at = line.indexOf(':');
      if (at > 0) rules[rules.length - 1].headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers the rules give `pathname` (relative to the mount, starting with "/"). */
export function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      // Hosts send every matching rule; two values of one header would both apply.
      if (out[name] !== undefined && out[name] !== value) throw new Error(`_headers gives ${pathname} two ${name} values`);
      out[name] = value;
    }
  }
  return out;
}

/**
 * Serve `root` over HTTP.
 * @param {string} root folder to serve (e.g. the built dist/)
 * @param {{base?: string, headersFile?: boolean}} [options] base: mount path, default "/";
 *   headersFile: also send what root/_headers says, as a static host would
 * @returns {Promise<{url: string, origin: string, base: string, close: () => Promise<void>}>}
 *   url is the full URL of the mount point, ending in "/".
 */
export async function serveStatic(root, { base = '/', headersFile = false } = {}) {
  const rootReal = await fsp.realpath(path.resolve(root));
  const rules = headersFile ? parseHeadersFile(await fsp.readFile(path.join(rootReal, '_headers'), 'utf8')) : [];
  const mount = normaliseBase(base);

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      ...headers,
    });
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');

      // "/portal" without the slash: redirect so relative asset URLs resolve.
      if (mount !== '/' && pathname === mount.slice(0, -1)) {
        send(res, 301, '', { Location: mount });
        return;
      }
      if (!pathname.startsWith(mount)) {
        send(res, 404, 'not found\n');
        return;
      }

      let rel;
      try {
        rel = decodeURIComponent(pathname.slice(mount.length));
      } catch {
        send(res, 400, 'bad request\n');
        return;
      }
      if (rel.includes('\0')) {
        send(res, 400, 'bad request\n');
        return;
      }

      let filePath = path.resolve(rootReal, `.${path.sep}${rel}`);
      if (!isInside(rootReal, filePath)) {
        send(res, 404, 'not found\n');
        return;
      }

      let stat;
      try {
        // realpath also defeats symlinks that point out of the folder.
        filePath = await fsp.realpath(filePath);
        if (!isInside(rootReal, filePath)) {
          send(res, 404, 'not found\n');
          return;
        }
        stat = await fsp.stat(filePath);
        if (stat.isDirectory()) {
          if (!pathname.endsWith('/')) {
            send(res, 301, '', { Location: `${pathname}/` });
            return;
          }
          filePath = path.join(filePath, 'index.html');
          stat = await fsp.stat(filePath);
        }
      } catch {
        send(res, 404, 'not found\n');
        return;
      }
      if (!stat.isFile()) {
        send(res, 404, 'not found\n');
        return;
      }

      res.writeHead(200, {
        'Content-Type': contentTypeFor(filePath),
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Access-Control-Allow-Origin': '*',
        ...headersFor(rules, `/${rel}`),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(filePath);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, `internal error: ${err?.message ?? err}\n`);
      else res.destroy();
    }
  });

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${mount}`,
    origin,
    base: mount,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
