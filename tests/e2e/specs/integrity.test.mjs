// The built site defends itself: a strict Content-Security-Policy, and Subresource
// Integrity on the boot script, the JS and the wasm. A file that fails its check leaves
// the static fallback on screen with a plain message, never a blank page.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { getBrowser, openPage, waitForApp, screenshot, closeBrowser, formatProblems } from '../lib/browser.mjs';

/** A copy of dist/ with one byte of the first file matching `pattern` flipped. */
function tamperedCopy(dist, pattern) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'klaster-tampered-'));
  fs.cpSync(dist, copy, { recursive: true });
  const name = fs.readdirSync(copy).find((file) => pattern.test(file));
  assert.ok(name, `no file matching ${pattern} in dist`);
  const file = path.join(copy, name);
  const bytes = fs.readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] ^= 0x01;
  fs.writeFileSync(file, bytes);
  return copy;
}

describe('integrity and content security', () => {
  let dist;
  let setupError = null;
  const cleanups = [];

  before(() => {
    try {
      dist = requireBuiltSite();
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    await closeBrowser();
  });

  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  async function serve(folder) {
    const site = await serveStatic(folder);
    cleanups.push(() => site.close());
    return site;
  }

  test('index.html carries a strict policy and no inline bootstrap', async () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(policy, 'a CSP meta tag');
    for (const directive of [
      "default-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      assert.ok(policy.includes(directive), directive);
    }
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"));
    assert.ok(!/<script type="module">/.test(html), 'no inline module bootstrap');
    for (const tag of html.match(/<script[^>]*\ssrc=[^>]*>/g) ?? []) {
      assert.match(tag, /integrity="sha384-/, `${tag} has an integrity hash`);
    }
    for (const tag of html.match(/<link[^>]*rel="(stylesheet|modulepreload|preload)"[^>]*>/g) ?? []) {
      assert.match(tag, /integrity="sha384-/, `${tag} has an integrity hash`);
    }
    const headers = fs.readFileSync(path.join(dist, '_headers'), 'utf8');
    assert.match(headers, /frame-ancestors 'none'/);
    assert.match(fs.readFileSync(path.join(dist, 'nginx', 'klaster.conf'), 'utf8'), /add_header Content-Security-Policy/);
  });

  for (const [what, pattern] of [
    ['wasm', /_bg\.wasm$/],
    ['JS glue', /^klaster-[0-9a-f]+\.js$/],
  ]) {
    test(`a flipped byte in the ${what} leaves the static fallback and a plain message`, async () => {
      const copy = tamperedCopy(dist, pattern);
      cleanups.push(() => fs.rmSync(copy, { recursive: true, force: true }));
      const site = await serve(copy);
      const { page, close } = await openPage(`${site.url}#/en/`);
      try {
        await page.waitForFunction(() => document.documentElement.dataset.bootFailed === 'true', null, { timeout: 20_000 });
        assert.equal(await page.evaluate(() => document.documentElement.dataset.appReady), undefined);
        const status = page.locator('#boot-status');
        assert.equal(await status.isVisible(), true);
        assert.equal(await status.getAttribute('role'), 'alert');
        assert.match(await status.textContent(), /could not start/);
        assert.equal(await page.locator('h1').count() >= 1, true, 'the fallback has a heading');
        assert.ok(await page.locator('a[href="data/datapackage.json"]').first().isVisible(), 'the data stays reachable');
        await screenshot(page, `fallback-tampered-${what.replace(' ', '-')}`);
      } finally {
        await close();
      }
    });
  }

  test('with JavaScript off, the fallback and the data links show', async () => {
    const site = await serve(dist);
    const browser = await getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}`);
      assert.ok(await page.locator('#static-fallback h1').isVisible());
      assert.equal(await page.locator('#boot-status').isVisible(), false, 'no failure is claimed');
      assert.match(await page.locator('noscript').first().innerHTML(), /needs JavaScript/);
      assert.ok(await page.locator('a[href="data/csv/sources.csv"]').first().isVisible());
    } finally {
      await context.close();
    }
  });

  test('the app replaces the fallback and the policy reports no violation', async () => {
    const site = await serve(dist);
    const { page, problems, close } = await openPage(`${site.url}#/en/initiative`);
    try {
      await waitForApp(page);
      assert.equal(await page.locator('#static-fallback').count(), 0);
      assert.equal(await page.locator('h1').count(), 1);
      await page.waitForTimeout(500);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
