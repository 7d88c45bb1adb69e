// The built site defends itself: a strict Content-Security-Policy in every page (no
// unsafe-inline; the theme script and each folder depth's import map allowed by hash),
// Subresource Integrity on the boot script, the stylesheets, the JS glue (import map) and
// the wasm, and Trusted Types. A wasm or JS glue that fails its check leaves every page
// complete: each chart card keeps its picture, table and words and says plainly that its
// interactive form could not start (`[data-boot-failed-notice]`,
// `<html data-boot-failed="true">`), never a blank page.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { openPage, screenshot, closeBrowser, formatProblems } from '../lib/browser.mjs';
import { CHARTS, CHART_PAGES, PAGES, LOCALES, pagePath, chartPage, card, wakeCard, answeringCard } from '../lib/site.mjs';

/**
 * A copy of dist/ with one byte flipped in every root file matching `pattern` (the
 * portal's and the embeds' builds alike).
 */
function tamperedCopy(dist, pattern) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'klaster-tampered-'));
  fs.cpSync(dist, copy, { recursive: true });
  const names = fs.readdirSync(copy).filter((file) => pattern.test(file));
  assert.ok(names.length > 0, `no file matching ${pattern} in dist`);
  for (const name of names) {
    const file = path.join(copy, name);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    fs.writeFileSync(file, bytes);
  }
  return copy;
}

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const cspHash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

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

  /** Every page the build wrote, below dist/. */
  const allPages = () => [
    'index.html',
    '404.html',
    ...LOCALES.flatMap((locale) => PAGES.map((slug) => `${pagePath(locale, slug)}index.html`)),
    ...LOCALES.flatMap((locale) => CHART_PAGES.map((id) => chartPage(id, locale))),
  ];

  test('every page carries a strict policy that allows exactly its inline scripts, and integrity on everything it loads', async () => {
    for (const file of allPages()) {
      const html = fs.readFileSync(path.join(dist, file), 'utf8');
      const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
      assert.ok(policy, `${file}: a CSP meta tag`);
      for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "require-trusted-types-for 'script'", 'trusted-types default']) {
        assert.ok(policy.includes(directive), `${file}: ${directive}`);
      }
      assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"), `${file}: no unsafe-inline or unsafe-eval`);
      // Every inline script is one the policy names by its hash; every external one has integrity.
      for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\ssrc=/.test(attrs)) {
          assert.match(attrs, /integrity="sha384-/, `${file}: <script${attrs}> has integrity`);
          const src = /src="([^"]+)"/.exec(attrs)[1];
          const bytes = fs.readFileSync(path.join(dist, path.dirname(file), src));
          assert.equal(/integrity="([^"]+)"/.exec(attrs)[1], sri(bytes), `${file}: ${src}'s integrity is its hash`);
        } else if (!/application\/ld\+json/.test(attrs)) {
          assert.ok(policy.includes(cspHash(body)), `${file}: the inline script ${body.slice(0, 40)}… is allowed by its hash`);
        }
      }
      for (const tag of html.match(/<link[^>]*rel="(stylesheet|modulepreload|preload)"[^>]*>/g) ?? []) {
        assert.match(tag, /integrity="sha384-/, `${file}: ${tag} has an integrity hash`);
      }
      // The import map pins the JS glue, and the boot script the wasm, by hash.
      const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html);
      if (map) {
        const integrity = JSON.parse(map[1]).integrity;
        for (const [src, hash] of Object.entries(integrity)) {
          assert.equal(hash, sri(fs.readFileSync(path.join(dist, path.dirname(file), src))), `${file}: the import map's hash of ${src}`);
        }
      }
    }
    const boot = fs.readdirSync(dist).find((f) => /^boot-.*\.js$/.test(f));
    const text = fs.readFileSync(path.join(dist, boot), 'utf8');
    // The wasm this boot script loads (the embeds' build has its own).
    const wasm = fs.readdirSync(dist).find((f) => f.endsWith('_bg.wasm') && text.includes(f));
    assert.ok(wasm, `${boot} names a wasm of dist/`);
    assert.ok(text.includes(sri(fs.readFileSync(path.join(dist, wasm)))), 'the boot script checks the wasm against its hash');
    const headers = fs.readFileSync(path.join(dist, '_headers'), 'utf8');
    assert.match(headers, /frame-ancestors 'none'/);
    assert.match(fs.readFileSync(path.join(dist, 'nginx', 'klaster.conf'), 'utf8'), /add_header Content-Security-Policy/);
  });

  for (const [what, pattern] of [
    ['wasm', /_bg\.wasm$/],
    ['JS glue', /^klaster-[0-9a-f]+\.js$/],
  ]) {
    test(`a flipped byte in the ${what}: the page stays complete and each card says its interactive form could not start`, async () => {
      const copy = tamperedCopy(dist, pattern);
      cleanups.push(() => fs.rmSync(copy, { recursive: true, force: true }));
      const site = await serve(copy);
      const { page, problems, messages, close } = await openPage(`${site.url}en/initiative/`);
      try {
        await card(page, CHARTS.initiative[0]).scrollIntoViewIfNeeded();
        await page.waitForFunction(() => document.documentElement.dataset.bootFailed === 'true', null, { timeout: 30_000 });
        for (const id of CHARTS.initiative) {
          const box = card(page, id);
          const notice = box.locator('[data-boot-failed-notice]');
          assert.equal(await notice.isVisible(), true, `${id}: the notice shows`);
          assert.ok((await notice.textContent()).trim().length > 10, `${id}: it says what happened`);
          assert.equal(await box.locator('.chart-card__static picture img').isVisible(), true, `${id}: the picture stays`);
          assert.equal(await box.locator('.chart-card__more:not([hidden]) table tbody tr').count() > 0, true, `${id}: the table stays`);
          assert.equal(await box.getAttribute('data-live'), null, `${id}: not live`);
        }
        assert.equal(await page.locator('h1').count(), 1, 'the page has its heading');
        assert.ok((await page.locator('main .figure, main details.sourced').count()) > 0, 'and its figures');
        assert.ok(messages.some((m) => m.type === 'warning' && /could not start/.test(m.text)), 'the console says why');
        // The refused file itself is the only problem: the browser's integrity error.
        const unexpected = problems.filter((p) => !/integrity|Failed to find a valid digest|SRI/i.test(p.text));
        assert.deepEqual(unexpected, [], formatProblems(unexpected));
        await screenshot(page, `boot-failed-${what.replace(' ', '-')}`);
      } finally {
        await close();
      }
    });
  }

  test('with the islands awake on every page with charts, and on a chart page, the policy reports no violation', async () => {
    const site = await serve(dist);
    const { page, problems, close } = await openPage(site.url, { goto: false });
    try {
      for (const [slug, ids] of Object.entries(CHARTS)) {
        await page.goto(`${site.url}${pagePath('en', slug)}`);
        for (const id of ids) await wakeCard(page, id);
      }
      // A chart page answering from its value map, then with its drawing code (an address
      // that hides a series).
      await page.goto(`${site.url}${chartPage('member-map', 'az')}`);
      await page.mouse.move(100, 100);
      await answeringCard(page, 'member-map');
      await page.goto(`${site.url}${chartPage('initiative-growth', 'az')}?hide=1`);
      await page.mouse.move(100, 100);
      await wakeCard(page, 'initiative-growth');
      const tt = await page.evaluate(() => !!window.trustedTypes?.defaultPolicy);
      assert.ok(tt, 'the Trusted Types default policy is in place');
      const refused = await page.evaluate(() => {
        try {
          document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1">');
          return false;
        } catch {
          return true;
        }
      });
      assert.ok(refused, 'markup with a handler is refused by the policy');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
