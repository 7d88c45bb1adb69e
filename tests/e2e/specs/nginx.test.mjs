// The built site served by a real web server: Debian's nginx with the repository's own
// configuration (dist/nginx/klaster.conf at a domain's root, dist/nginx/klaster-subpath.conf
// under /portal/ of another site), as docs/hosting.md tells publishers to run it.
//
// - `nginx -t` passes without a warning.
// - Every file of dist/ (found by walking it, so new pages need no change here), asked for
//   with brotli, with gzip only and with neither: the precompressed copy the request
//   accepts, Vary: Accept-Encoding, its Content-Type, the cache rule of its kind (a year and
//   immutable for the content-hashed files index.html names; revalidated, with a
//   validator, for everything else), the security headers every file gets, and on pages the
//   policy of their meta tag plus `frame-ancestors` ('none' on the portal, * on chart pages)
//   exactly once. dist/_headers gives each file the same rules.
// - Folders: with a slash their index.html, without one a redirect to it, never a listing;
//   unknown paths are 404s with the 404 page; the host files are not served.
// - In Chromium: every page and chart page loads with no console error, failed request or
//   CSP violation; a chart page starts inside a sandboxed iframe of an article on another
//   origin and the portal refuses to be framed there; the portal works under /portal/.
//
// nginx is stopped in the `after` hook, also when a test or the set-up failed.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { requireBuiltSite } from '../lib/dist.mjs';
import { CONTENT_TYPES, headersFor, parseHeadersFile, serveStatic } from '../lib/server.mjs';
import { startNginx, SUBPATH } from '../lib/nginx.mjs';
import { openPage, closeBrowser, formatProblems } from '../lib/browser.mjs';
import { wakeCard, answeringCard } from '../lib/site.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Published data releases never change: cached like the hashed files. */
const RELEASES = '/data/releases/';
const WAIT_MS = 30_000;
const EMBED_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

/** A GET that sends exactly `headers` and keeps the body as bytes. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        // Every value of each header, as sent (a repeated header stays visible).
        const all = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          (all[name] ??= []).push(res.rawHeaders[i + 1]);
        }
        resolve({ status: res.statusCode, headers: res.headers, all, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The URL paths of the files nginx serves: all of dist/ but the copies and host files. */
function servedPaths(dist) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(`/${path.relative(dist, full).split(path.sep).join('/')}`);
    }
  };
  walk(dist);
  return found
    .filter((p) => !/\.(br|gz)$/.test(p) && p !== '/_headers' && !/^\/(nginx|caddy)\//.test(p))
    .sort();
}

/**
 * The content-hashed files, as the pages name them (not by a pattern, so the server's
 * pattern is checked against what the build really wrote): every `./x.js|wasm|css`
 * (or `../`, `/`) that a page or a boot script it loads names and that sits at the root.
 */
function hashedFiles(dist, paths) {
  const atRoot = new Set(paths.filter((p) => p.lastIndexOf('/') === 0));
  const names = new Set();
  // A page names them from its folder (`../../x.css`); the boot script from the site's
  // root, bare (`siteUrl('klaster-….wasm')`).
  const collect = (text, from, bare = false) => {
    const pattern = bare ? /["']((?:\.{1,2}\/|\/)?[\w./-]*?[\w.-]+\.(?:js|wasm|css))["']/g : /["']((?:\.{1,2}\/|\/)[\w./-]*?[\w.-]+\.(?:js|wasm|css))["']/g;
    for (const m of text.matchAll(pattern)) {
      const name = new URL(m[1], `http://site${from}`).pathname;
      if (atRoot.has(name)) names.add(name);
    }
  };
  for (const page of paths.filter((p) => p.endsWith('.html'))) collect(fs.readFileSync(path.join(dist, page), 'utf8'), page);
  for (const boot of [...names].filter((n) => /^\/boot-.*\.js$/.test(n))) collect(fs.readFileSync(path.join(dist, boot), 'utf8'), boot, true);
  // The boot script names the service worker too, whose name never changes: revalidated.
  names.delete('/sw.js');
  return names;
}

/** The page kinds: chart pages are embeds; every other HTML page is the portal's. */
function pageKind(p) {
  if (/^\/chart-[^/]+\.html$/.test(p)) return 'chart';
  if (p.endsWith('.html')) return 'portal';
  return null;
}

/** The address a reader uses for a page: its folder for an index.html. */
function addressOf(p) {
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

/** The meta tag's policy of an HTML file. */
function metaPolicy(html) {
  return html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
}

/** What a browser's Content-Type check needs: the media type (and UTF-8 for text). */
function expectedType(p) {
  return (CONTENT_TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream').split(';')[0];
}

const one = (res, name) => {
  const values = res.all[name.toLowerCase()] ?? [];
  assert.ok(values.length <= 1, `${name} sent ${values.length} times: ${values.join(' | ')}`);
  return values[0];
};

/**
 * Checks every header rule for the file at `p` (a URL path below the site's base) and the
 * three encodings. Returns the brotli response's headers for the _headers comparison.
 */
async function checkFile({ base, dist, p, hashed }) {
  const file = path.join(dist, ...p.split('/'));
  const url = `${base}${addressOf(p).slice(1)}`;
  const raw = fs.readFileSync(file);
  const br = fs.existsSync(`${file}.br`) ? fs.readFileSync(`${file}.br`) : null;
  const gz = fs.existsSync(`${file}.gz`) ? fs.readFileSync(`${file}.gz`) : null;

  const res = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(res.status, 200, `${url}: status`);
  const where = `${url}`;
  const immutable = hashed.has(p) || p.startsWith(RELEASES);
  assert.equal(one(res, 'Cache-Control'), immutable ? IMMUTABLE : REVALIDATE, `${where}: Cache-Control`);
  if (!immutable) assert.ok(one(res, 'ETag') && one(res, 'Last-Modified'), `${where}: a validator to revalidate with`);
  assert.equal(one(res, 'X-Content-Type-Options'), 'nosniff', where);
  assert.equal(one(res, 'Referrer-Policy'), 'strict-origin-when-cross-origin', where);
  assert.equal(one(res, 'Access-Control-Allow-Origin'), '*', `${where}: sandboxed embeds load every file with CORS`);
  assert.equal((one(res, 'Content-Type') ?? '').split(';')[0].trim(), expectedType(p), `${where}: Content-Type`);
  const kind = pageKind(p);
  const csp = one(res, 'Content-Security-Policy');
  if (kind) {
    assert.match(one(res, 'Content-Type'), /charset=utf-8/i, where);
    const policy = metaPolicy(raw.toString('utf8'));
    assert.ok(policy, `${p} has a CSP meta tag`);
    const ancestors = kind === 'chart' ? '*' : "'none'";
    assert.equal(csp, `${policy}; frame-ancestors ${ancestors}`, `${where}: Content-Security-Policy`);
    assert.equal(one(res, 'X-Frame-Options'), kind === 'portal' ? 'DENY' : undefined, `${where}: X-Frame-Options`);
    assert.equal(one(res, 'Cross-Origin-Opener-Policy'), kind === 'portal' ? 'same-origin' : undefined, `${where}: COOP`);
  } else {
    assert.equal(csp, undefined, `${where}: a policy only on pages`);
  }

  const vary = /accept-encoding/i;
  if (br) {
    assert.equal(one(res, 'Content-Encoding'), 'br', `${where}: the .br copy when brotli is accepted`);
    assert.ok(res.body.equals(br), `${where}: the body is the .br copy`);
  } else if (gz) {
    assert.equal(one(res, 'Content-Encoding'), 'gzip', where);
  }
  if (br || gz) assert.match(one(res, 'Vary') ?? '', vary, `${where}: Vary: Accept-Encoding`);

  if (gz) {
    const gzip = await get(url, { 'Accept-Encoding': 'gzip' });
    assert.equal(one(gzip, 'Content-Encoding'), 'gzip', `${where}: the .gz copy when only gzip is accepted`);
    assert.ok(gzip.body.equals(gz), `${where}: the body is the .gz copy`);
    assert.match(one(gzip, 'Vary') ?? '', vary, where);
  }
  const plain = await get(url);
  assert.equal(plain.status, 200, where);
  assert.equal(one(plain, 'Content-Encoding'), undefined, `${where}: no encoding when none is accepted`);
  assert.ok(plain.body.equals(raw), `${where}: the file itself`);
  if (br || gz) assert.match(one(plain, 'Vary') ?? '', vary, `${where}: Vary also on the plain answer, for caches`);
  return res;
}

/**
 * Waits until a page's chart cards (if any) have come to life: each is scrolled to and
 * must draw its canvas; a chart page is engaged with the pointer, as a reader would, and
 * must answer from its value map. A failed start fails.
 */
async function waitForPage(page, what) {
  const cards = await page.locator('.chart-card[id]').evaluateAll((els) => els.map((el) => el.id.replace(/^chart-/, '')));
  if (cards.length === 0) return;
  const chartPage = await page.evaluate(() => document.documentElement.hasAttribute('data-embed'));
  if (chartPage) await page.mouse.move(100, 100);
  for (const id of cards) {
    try {
      if (chartPage) await answeringCard(page, id, { timeout: WAIT_MS });
      else await wakeCard(page, id, { timeout: WAIT_MS });
    } catch (err) {
      throw new Error(`${what}: ${err.message}`, { cause: err });
    }
  }
}

/**
 * Starts nginx on the folder `makeSite()` returns before the first test and stops it after
 * the last, also when the set-up failed; `test` runs only when the set-up worked.
 */
function nginxSuite(makeSite, { temporary = false } = {}) {
  const state = { paths: [], hashed: new Set() };
  let setupError = null;
  before(async () => {
    try {
      state.dist = await makeSite();
      state.paths = servedPaths(state.dist);
      state.hashed = hashedFiles(state.dist, state.paths);
      state.nginx = await startNginx(state.dist);
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await closeBrowser();
    await state.nginx?.stop();
    if (temporary && state.dist) await fsp.rm(state.dist, { recursive: true, force: true });
  });
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });
  return { state, test };
}

/** The answers a site gives over HTTP, for every file it has and some it has not. */
function httpChecks(state, test) {
  test('every file: cache rule of its kind, security headers, policy on pages, precompressed copies', async () => {
    const { nginx, dist, paths, hashed } = state;
    for (const p of paths) await checkFile({ base: nginx.url, dist, p, hashed });
  });

  test('dist/_headers gives every file the same policy and cache rule as nginx', async () => {
    const { nginx, dist, paths } = state;
    const rules = parseHeadersFile(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
    for (const p of paths) {
      const address = addressOf(p);
      const fromFile = headersFor(rules, address);
      const res = await get(`${nginx.url}${address.slice(1)}`);
      for (const name of ['Content-Security-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy', 'X-Content-Type-Options', 'Access-Control-Allow-Origin', 'Referrer-Policy']) {
        assert.equal(fromFile[name], res.headers[name.toLowerCase()], `${address}: ${name}`);
      }
      // No rule: the host's default, which revalidates, as nginx's no-cache does.
      assert.equal(fromFile['Cache-Control'] ?? REVALIDATE, res.headers['cache-control'], `${address}: Cache-Control`);
    }
  });

  test('a folder without its slash redirects to it; one without index.html is not listed', async () => {
    const { nginx, dist, paths } = state;
    for (const p of paths.filter((x) => x.endsWith('/index.html') && x !== '/index.html')) {
      const folder = addressOf(p);
      const res = await get(`${nginx.url}${folder.slice(1, -1)}`);
      assert.equal(res.status, 301, folder);
      assert.equal(res.headers.location, folder);
    }
    const folders = [...new Set(paths.map((p) => p.slice(0, p.lastIndexOf('/') + 1)))].filter(
      (f) => f !== '/' && !paths.includes(`${f}index.html`),
    );
    assert.ok(folders.length > 0, 'dist/ has folders without an index.html (data/, charts/)');
    for (const folder of folders) {
      const res = await get(`${nginx.url}${folder.slice(1)}`);
      assert.equal(res.status, 404, `${folder} is not found`);
      assert.doesNotMatch(res.body.toString('utf8'), /Index of/i, `${folder} is never listed`);
      const bare = await get(`${nginx.url}${folder.slice(1, -1)}`);
      assert.equal(bare.status, 301, folder.slice(0, -1));
      assert.equal(bare.headers.location, folder);
    }
  });

  test('unknown paths are 404s with the 404 page and the portal policy; host files are not served', async () => {
    const { nginx, dist } = state;
    const notFoundPage = path.join(dist, '404.html');
    const expected = fs.existsSync(notFoundPage) ? fs.readFileSync(notFoundPage) : null;
    const policy = metaPolicy(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
    for (const p of ['/no-such-page/', '/en/no-such-page', '/no-such.js', '/data/no-such.json', '/chart-no-such-en.html', '/_headers', '/nginx/klaster.conf', '/caddy/Caddyfile']) {
      const res = await get(`${nginx.url}${p.slice(1)}`);
      assert.equal(res.status, 404, p);
      if (expected) assert.ok(res.body.equals(expected), `${p}: the body is dist/404.html`);
      assert.equal(res.headers['content-security-policy'], `${policy}; frame-ancestors 'none'`, `${p}: the portal's policy`);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', p);
      assert.equal(res.headers['cache-control'], REVALIDATE, p);
    }
    for (const p of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/data/..%2f..%2f..%2fetc/passwd']) {
      const res = await get(`${nginx.url}${p.slice(1)}`);
      assert.notEqual(res.status, 200, p);
      assert.doesNotMatch(res.body.toString('utf8'), /root:/, p);
    }
  });

  test("nginx's error log has no error", () => {
    const { nginx } = state;
    const serious = nginx.errorLog().split('\n').filter((line) => /\[(error|crit|alert|emerg)\]/.test(line));
    assert.deepEqual(serious, []);
  });
}

describe('served by nginx with the repository configuration', () => {
  const { state, test } = nginxSuite(async () => requireBuiltSite());

  test('nginx -t accepts the configuration without a warning', () => {
    const { nginx } = state;
    assert.equal(nginx.configTest.status, 0, nginx.configTest.output);
    assert.match(nginx.configTest.output, /test is successful/);
    assert.doesNotMatch(nginx.configTest.output, /\[(warn|error|crit|alert|emerg)\]/, nginx.configTest.output);
  });

  test('the build has the files this test reasons about', () => {
    const { dist, paths, hashed } = state;
    assert.ok(hashed.size >= 3, `the pages name the hashed app files: ${[...hashed].join(', ')}`);
    for (const name of hashed) assert.ok(paths.includes(name), `${name} is in dist/`);
    assert.ok([...hashed].some((n) => n.endsWith('.wasm')), 'the wasm is among them');
    assert.ok(paths.some((p) => pageKind(p) === 'chart'), 'chart pages');
  });


  httpChecks(state, test);

  test('the .wasm is application/wasm, compressed with brotli when asked', async () => {
    const { nginx, hashed } = state;
    const wasm = [...hashed].find((n) => n.endsWith('.wasm'));
    const res = await get(`${nginx.url}${wasm.slice(1)}`, { 'Accept-Encoding': 'br' });
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
  });

  test('a revalidated file answers a conditional request with 304', async () => {
    const { nginx } = state;
    for (const p of ['/index.html', '/data/datapackage.json', '/sw.js']) {
      const first = await get(`${nginx.url}${p.slice(1)}`, { 'Accept-Encoding': 'br' });
      const again = await get(`${nginx.url}${p.slice(1)}`, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag });
      assert.equal(again.status, 304, p);
    }
  });

  test('every page and chart page loads in Chromium with no error, failed request or CSP violation', async () => {
    const { nginx, paths } = state;
    const pages = paths.filter((p) => pageKind(p)).map(addressOf);
    assert.ok(pages.length > 0);
    const { page, problems, close } = await openPage(nginx.url, { goto: false });
    try {
      // One context, as a reader clicking through: the second page on uses the cache.
      for (const address of pages) {
        problems.length = 0;
        await page.goto(`${nginx.url}${address.slice(1)}`, { waitUntil: 'load' });
        await waitForPage(page, address);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(problems, [], `${address}:\n${formatProblems(problems)}`);
      }
    } finally {
      await close();
    }
  });

  test('a chart page starts in a sandboxed iframe on another origin; the portal refuses to be framed', async () => {
    const { nginx, paths } = state;
    const chart = paths.find((p) => pageKind(p) === 'chart' && !p.includes('-release-'));
    const articleDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-nginx-article-'));
    let article;
    try {
      await fsp.writeFile(
        path.join(articleDir, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,"></head><body>
<iframe id="chart" src="${nginx.url}${chart.slice(1)}" sandbox="${EMBED_SANDBOX}" width="600" height="600" title="chart"></iframe>
<iframe id="portal" src="${nginx.url}en/" width="600" height="400" title="portal"></iframe>
</body></html>`,
      );
      article = await serveStatic(articleDir);
      assert.notEqual(new URL(article.url).origin, new URL(nginx.url).origin);
      const { page, problems, close } = await openPage(article.url);
      try {
        const chartFrame = await (await page.$('#chart')).contentFrame();
        await chartFrame.waitForLoadState('load');
        const box = await page.locator('#chart').boundingBox();
        await page.mouse.move(box.x + 100, box.y + 100);
        await answeringCard(chartFrame, chartFrame.url().match(/chart-(.+)-(az|en)\.html/)[1], { timeout: WAIT_MS });
        assert.equal(await chartFrame.evaluate(() => origin), 'null', 'the frame has an opaque origin');
        const portalFrame = await (await page.$('#portal')).contentFrame();
        const deadline = Date.now() + WAIT_MS;
        while (!portalFrame.url().startsWith('chrome-error:') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        assert.match(portalFrame.url(), /^chrome-error:/, 'the portal does not render inside another site');
        assert.ok(problems.some((p) => /frame-ancestors/.test(p.text)), 'the browser names frame-ancestors');
        // The refusal itself is the only problem: its console message and its blocked load.
        const refusal = (p) => /frame-ancestors/.test(p.text) || (p.url === `${nginx.url}en/` && /ERR_BLOCKED_BY_RESPONSE/.test(p.text));
        const others = problems.filter((p) => !refusal(p));
        assert.deepEqual(others, [], formatProblems(others));
      } finally {
        await close();
      }
    } finally {
      await article?.close();
      await fsp.rm(articleDir, { recursive: true, force: true });
    }
  });

  test(`under the sub-path ${SUBPATH}: every file keeps its rules, and pages load`, async () => {
    const { nginx, dist, paths, hashed } = state;
    const bare = await get(nginx.subpathUrl.slice(0, -1));
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, SUBPATH);
    for (const p of paths) await checkFile({ base: nginx.subpathUrl, dist, p, hashed });
    const missing = await get(`${nginx.subpathUrl}no-such-page/`);
    assert.equal(missing.status, 404);
    const chart = paths.find((p) => pageKind(p) === 'chart');
    for (const address of ['/', '/az/nextgen/', chart]) {
      const { page, problems, close } = await openPage(`${nginx.subpathUrl}${address.slice(1)}`);
      try {
        await waitForPage(page, `${SUBPATH}${address.slice(1)}`);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });

});

/**
 * A copy of dist/ with what the static-first layout adds: pages in folders, the 404 page
 * and a data release (each a copy of a built file, with its .br and .gz), so the rules for
 * them are proven before the pages exist.
 */
async function layoutSite() {
  const dist = requireBuiltSite();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-layout-'));
  await fsp.cp(dist, dir, { recursive: true });
  const copy = async (from, to) => {
    await fsp.mkdir(path.dirname(path.join(dir, to)), { recursive: true });
    for (const suffix of ['', '.br', '.gz']) {
      if (fs.existsSync(path.join(dist, `${from}${suffix}`))) await fsp.copyFile(path.join(dist, `${from}${suffix}`), path.join(dir, `${to}${suffix}`));
    }
  };
  for (const page of ['en/index.html', 'az/nextgen/index.html', 'en/figures/park-jobs/index.html', '404.html']) await copy('index.html', page);
  await copy('data/datapackage.json', `${RELEASES.slice(1)}2026-01/datapackage.json`);
  return dir;
}

describe('the static-first layout on nginx: pages in folders, the 404 page, a data release', () => {
  const { state, test } = nginxSuite(layoutSite, { temporary: true });

  test('the copy has the new kinds of path', () => {
    for (const p of ['/en/index.html', '/az/nextgen/index.html', '/404.html', `${RELEASES}2026-01/datapackage.json`]) {
      assert.ok(state.paths.includes(p), p);
    }
  });

  httpChecks(state, test);
});
