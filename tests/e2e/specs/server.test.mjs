// Self-test of the harness's static server (lib/server.mjs): it must behave
// like a plain CDN (no rewrites), so the shell tests mean what they say.
// Needs no build and no browser: it serves a temporary folder it makes.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { serveStatic } from '../lib/server.mjs';

/** A raw GET that does not normalise the path (so "../" reaches the server). */
function rawGet(origin, rawPath) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server (harness self-test)', () => {
  let tmp;
  let root;
  let atRoot;
  let underPortal;

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'klaster-e2e-server-'));
    root = path.join(tmp, 'site');
    await fs.mkdir(path.join(root, 'sub'), { recursive: true });
    await fs.writeFile(path.join(tmp, 'secret.txt'), 'outside the served folder');
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>root</title>');
    await fs.writeFile(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
    const files = {
      'app_bg.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
      'app.js': 'export {};',
      'style.css': 'body{}',
      'data.json': '{}',
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'robots.txt': 'User-agent: *',
      'table.csv': 'a,b\n1,2\n',
      'favicon.ico': Buffer.from([0, 0, 1, 0]),
      'site.webmanifest': '{}',
      'app.js.map': '{}',
      'name with space.txt': 'spaced',
    };
    for (const [name, body] of Object.entries(files)) await fs.writeFile(path.join(root, name), body);
    await fs.symlink(path.join(tmp, 'secret.txt'), path.join(root, 'escape.txt'));
    atRoot = await serveStatic(root);
    underPortal = await serveStatic(root, { base: '/portal/' });
  });

  after(async () => {
    await atRoot?.close();
    await underPortal?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 with an OS-chosen port and returns the mount URL', () => {
    assert.match(atRoot.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(underPortal.url, /^http:\/\/127\.0\.0\.1:\d+\/portal\/$/);
    assert.notEqual(atRoot.url, underPortal.url.replace('/portal/', '/'));
  });

  test('serves each file type with its Content-Type (.wasm as application/wasm)', async () => {
    const expected = {
      'app_bg.wasm': 'application/wasm',
      'app.js': 'text/javascript',
      'style.css': 'text/css',
      'data.json': 'application/json',
      'logo.svg': 'image/svg+xml',
      'logo.png': 'image/png',
      'index.html': 'text/html',
      'robots.txt': 'text/plain',
      'table.csv': 'text/csv',
      'favicon.ico': 'image/x-icon',
      'site.webmanifest': 'application/manifest+json',
      'app.js.map': 'application/json',
    };
    for (const [name, type] of Object.entries(expected)) {
      const res = await fetch(`${atRoot.url}${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('content-type').split(';')[0], type, name);
      await res.arrayBuffer();
    }
  });

  test('a directory serves its index.html; a folder without the trailing slash redirects to it', async () => {
    const home = await fetch(atRoot.url);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<title>root<\/title>/);
    const sub = await fetch(`${atRoot.url}sub/`);
    assert.match(await sub.text(), /<title>sub<\/title>/);
    const noSlash = await rawGet(atRoot.origin, '/sub');
    assert.equal(noSlash.status, 301);
    assert.equal(noSlash.headers.location, '/sub/');
  });

  test('percent-encoded names are decoded', async () => {
    const res = await fetch(`${atRoot.url}name%20with%20space.txt`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'spaced');
  });

  test('anything missing is a 404, with no SPA fallback to index.html', async () => {
    for (const p of ['/missing.js', '/en/sources', '/sub/missing/', '/index.html/x']) {
      const res = await rawGet(atRoot.origin, p);
      assert.equal(res.status, 404, p);
      assert.doesNotMatch(res.body, /<title>/, p);
    }
  });

  test('never serves files outside the folder (../, encoded dots and slashes, symlinks)', async () => {
    for (const p of [
      '/../secret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/sub/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/escape.txt',
      '/%00index.html',
    ]) {
      const res = await rawGet(atRoot.origin, p);
      assert.notEqual(res.status, 200, p);
      assert.doesNotMatch(res.body, /outside the served folder/, p);
    }
  });

  test('under a sub-path, files are served below it and nothing outside it', async () => {
    const wasm = await fetch(`${underPortal.url}app_bg.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    await wasm.arrayBuffer();
    const index = await fetch(underPortal.url);
    assert.match(await index.text(), /<title>root<\/title>/);
    for (const p of ['/', '/app.js', '/index.html', '/portalx/app.js']) {
      const res = await rawGet(underPortal.origin, p);
      assert.equal(res.status, 404, p);
    }
    const bare = await rawGet(underPortal.origin, '/portal');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/portal/');
  });

  test('every GET and HEAD answer allows any origin (a sandboxed embed fetches from origin "null")', async () => {
    const cases = [
      [atRoot.url, 'app_bg.wasm', 'GET', 200],
      [atRoot.url, 'app.js', 'GET', 200],
      [atRoot.url, 'data.json', 'HEAD', 200],
      [atRoot.url, '', 'GET', 200],
      [atRoot.url, 'missing.json', 'GET', 404],
      [underPortal.url, 'style.css', 'GET', 200],
    ];
    for (const [base, name, method, status] of cases) {
      const res = await fetch(`${base}${name}`, { method, headers: { Origin: 'null' } });
      assert.equal(res.status, status, `${method} ${base}${name}`);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', `${method} ${base}${name}`);
      await res.arrayBuffer();
    }
  });

  test('only GET and HEAD are allowed; HEAD sends headers without a body', async () => {
    const head = await fetch(`${atRoot.url}app.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String('export {};'.length));
    const post = await fetch(`${atRoot.url}app.js`, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
  });
});

test('_headers rules: patterns with *, every matching rule applies, two values of one header are an error', async () => {
  const { parseHeadersFile, headersFor } = await import('../lib/server.mjs');
  const rules = parseHeadersFile('/*\n  A: 1\n\n/\n  B: portal\n/chart-*\n  B: chart\n# comment\n/*.wasm\n  Content-Type: application/wasm\n');
  assert.deepEqual(headersFor(rules, '/'), { A: '1', B: 'portal' });
  assert.deepEqual(headersFor(rules, '/chart-a-en.html'), { A: '1', B: 'chart' });
  assert.deepEqual(headersFor(rules, '/x.wasm'), { A: '1', 'Content-Type': 'application/wasm' });
  assert.deepEqual(headersFor(rules, '/index.html'), { A: '1' });
  const clash = parseHeadersFile('/*\n  B: one\n/\n  B: two\n');
  assert.throws(() => headersFor(clash, '/'), /two B values/);
});
