// A hostile world: data files full of markup and script, a network that fails in every way
// we know, and a reader who comes back offline.
//
// - XSS: every text of every resource carries a payload and every address is `javascript:`;
//   on every page in both languages nothing runs, no element is injected, and the payload
//   shows as text.
// - Chaos: milestones.json (the home page's key figures) offline, missing, failing then
//   recovering, slow past the 10 s timeout, truncated, of the wrong shape, BOM-prefixed, or
//   not matching its published hash: each ends with the data shown or a bilingual error panel
//   with a retry button, and the rest of the page still works.
// - Offline: after one visit the service worker serves the page and its data with no
//   network, and the page says the data came from this device and when it was saved.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { openPage, waitForApp, closeBrowser, formatProblems } from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const PAGES = ['', 'initiative', 'azerbaijan', 'nextgen', 'climate', 'data', 'sources', 'about'];

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '</title><script>window.__xss=1</script>',
  "'\"><iframe srcdoc=\"<script>parent.__xss=1</script>\">",
];
const JS_URL = 'javascript:window.__xss=1';

/** Fields whose plain strings are free text (ids, dates, enums and paths must stay valid). */
const FREE_TEXT = new Set([
  'title', 'publisher', 'description', 'note', 'name_en', 'source', 'attribution', 'summary',
  'term', 'definition', 'label', 'role', 'sector', 'location', 'topic', 'input', 'output',
  'role_in_cluster',
]);
const URL_FIELDS = new Set(['url', 'source_url']);

/** Puts a payload into every text and `javascript:` into every address of a parsed file. */
function poison(value, key = null, counter = { n: 0 }) {
  const payload = () => PAYLOADS[counter.n++ % PAYLOADS.length];
  if (Array.isArray(value)) return value.map((item) => poison(item, null, counter));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const isText = keys.length === 2 && typeof value.az === 'string' && typeof value.en === 'string';
    if (isText) return { az: `${payload()} ${value.az}`, en: `${payload()} ${value.en}` };
    return Object.fromEntries(keys.map((k) => [k, poison(value[k], k, counter)]));
  }
  if (typeof value === 'string' && URL_FIELDS.has(key)) return JS_URL;
  if (typeof value === 'string' && FREE_TEXT.has(key)) return `${payload()} ${value}`;
  return value;
}

const sha256 = (bytes) => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;

/**
 * A copy of the built site whose data package is poisoned and re-stamped (sizes and
 * hashes written the way `klaster-publish stamp` writes them, so the app verifies the
 * poisoned files; the publisher itself would refuse to validate them).
 */
async function poisonedSite(dist) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-xss-'));
  await fsp.cp(dist, dir, { recursive: true });
  const data = path.join(dir, 'data');
  const descriptorPath = path.join(data, 'datapackage.json');
  const descriptor = JSON.parse(await fsp.readFile(descriptorPath, 'utf8'));
  for (const resource of descriptor.resources) {
    const file = path.join(data, resource.path);
    const poisoned = Buffer.from(`${JSON.stringify(poison(JSON.parse(await fsp.readFile(file, 'utf8'))), null, 2)}\n`);
    await fsp.writeFile(file, poisoned);
    resource.bytes = poisoned.length;
    resource.hash = sha256(poisoned);
  }
  const stamped = poison(descriptor);
  stamped.resources.forEach((resource, i) => {
    resource.bytes = descriptor.resources[i].bytes;
    resource.hash = descriptor.resources[i].hash;
  });
  await fsp.writeFile(descriptorPath, `${JSON.stringify(stamped, null, 2)}\n`);
  return dir;
}

/** Waits until no dataset is loading any more (shown, or failed with its panel). */
async function settled(page, timeout = 30_000) {
  await page.waitForFunction(() => !document.querySelector('.status[role=status]'), null, { timeout });
}

describe('hostile', () => {
  let dist;
  let site;
  let setupError = null;

  before(async () => {
    try {
      dist = requireBuiltSite();
      site = await serveStatic(dist);
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await site?.close();
    await closeBrowser();
  });

  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  test('markup and script in every text and address of the data never run or inject elements', async () => {
    const dir = await poisonedSite(dist);
    const poisoned = await serveStatic(dir);
    const { page, problems, close } = await openPage(poisoned.url, { goto: false });
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      for (const locale of LOCALES) {
        for (const slug of PAGES) {
          const hash = `#/${locale}/${slug}`;
          await page.goto(`${poisoned.url}${hash}`);
          await waitForApp(page);
          await settled(page);
          // Open a few figures and sourced cells, so their sources and notes render too.
          const toggles = page.locator('button[aria-expanded="false"]');
          const count = Math.min(await toggles.count(), 4);
          for (let i = 0; i < count; i += 1) await toggles.nth(0).click();
          // A `javascript:` source must not even be a link; click one if it were.
          const jsLinks = page.locator('a[href^="javascript:" i]');
          assert.equal(await jsLinks.count(), 0, `${hash}: a javascript: address became a link`);
          await page.waitForTimeout(100);
          const state = await page.evaluate(() => ({
            xss: window.__xss,
            injectedImages: document.querySelectorAll('img[src="x"], svg[onload], iframe').length,
            scripts: [...document.scripts].map((s) => s.src || `inline:${s.type}`),
            handlers: [...document.querySelectorAll('*')].flatMap((el) =>
              [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
            ),
            errorPanels: document.querySelectorAll('.status--error').length,
          }));
          assert.equal(state.xss, undefined, `${hash}: a payload ran`);
          assert.equal(state.injectedImages, 0, `${hash}: a payload became an element`);
          assert.deepEqual(state.handlers, [], `${hash}: event handler attributes in the page`);
          assert.ok(
            state.scripts.every((s) => !s.startsWith('inline:') || s === 'inline:importmap'),
            `${hash}: unexpected scripts ${state.scripts.join(', ')}`,
          );
          assert.equal(state.errorPanels, 0, `${hash}: the poisoned (but well-formed) data must still load`);
          if (!['about'].includes(slug)) {
            assert.ok(
              (await page.getByText('<img src=x', { exact: false }).count()) +
                (await page.getByText('<script>window.__xss', { exact: false }).count()) > 0,
              `${hash}: the payload is shown as text`,
            );
          }
        }
      }
      assert.deepEqual(dialogs, [], 'no dialog opened');
      const unexpected = problems.filter((p) => !(p.kind === 'http' && p.url.endsWith('/x')));
      assert.deepEqual(unexpected, [], formatProblems(unexpected));
    } finally {
      await close();
      await poisoned.close();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  /** Opens the home page with milestones.json answered by `handle(route, call)`. */
  async function homeWith(handle, { locale = 'en', settleTimeout } = {}) {
    const opened = await openPage(site.url, { goto: false });
    let calls = 0;
    await opened.context.route('**/data/milestones.json', async (route) => {
      calls += 1;
      await handle(route, calls);
    });
    await opened.page.goto(`${site.url}#/${locale}/`);
    await waitForApp(opened.page);
    await settled(opened.page, settleTimeout);
    return { ...opened, calls: () => calls };
  }

  /** The page still works around a failed or shown dataset: heading, navigation, other sections. */
  async function assertShell(page) {
    assert.equal(await page.locator('h1').count(), 1, 'the page heading is there');
    assert.ok((await page.locator('header nav a').count()) >= 8, 'the navigation is there');
    assert.equal(await page.locator('#how-to-read').count(), 1, 'the section without data is there');
  }

  /** A per-dataset error panel with a retry button, in the page's language. */
  async function assertPanel(page, pattern, { locale = 'en' } = {}) {
    const panel = page.locator('.status--error').first();
    await panel.waitFor();
    const text = await panel.textContent();
    assert.match(text, locale === 'en' ? /could not be loaded/ : /yükləmək alınmadı/);
    assert.match(text, pattern);
    assert.equal(await panel.locator('button').count(), 1, 'the panel offers to try again');
    assert.equal(await page.locator('#key-figures ~ .figure-grid .figure, .figure-grid .figure').count(), 0);
    await assertShell(page);
    return panel;
  }

  async function assertShown(page) {
    assert.ok((await page.locator('.figure-grid .figure').count()) >= 3, 'the key figures are shown');
    assert.equal(await page.locator('.status--error').count(), 0);
    await assertShell(page);
  }

  const realBody = () => fsp.readFile(path.join(dist, 'data', 'milestones.json'));

  test('chaos: offline, the panel says so and a retry after reconnecting shows the data', async () => {
    let offline = true;
    const { page, close, calls } = await homeWith(async (route) => {
      if (offline) await route.abort('internetdisconnected');
      else await route.continue();
    });
    try {
      const panel = await assertPanel(page, /Network error/);
      assert.equal(calls(), 3, 'one try and two retries');
      offline = false;
      await panel.locator('button').click();
      await page.locator('.figure-grid .figure').first().waitFor();
      await assertShown(page);
    } finally {
      await close();
    }
  });

  for (const locale of LOCALES) {
    test(`chaos: a missing file is final, with a panel in ${locale}`, async () => {
      const { page, close, calls } = await homeWith((route) => route.fulfill({ status: 404, body: 'gone' }), { locale });
      try {
        await assertPanel(page, locale === 'en' ? /HTTP 404/ : /alınmadı \(HTTP 404\)/, { locale });
        assert.equal(calls(), 1, 'a 404 is not retried');
      } finally {
        await close();
      }
    });
  }

  for (const status of [500, 429]) {
    test(`chaos: ${status} then success shows the data`, async () => {
      const { page, close, calls } = await homeWith(async (route, call) => {
        if (call === 1) await route.fulfill({ status, body: 'busy' });
        else await route.continue();
      });
      try {
        await assertShown(page);
        assert.equal(calls(), 2);
      } finally {
        await close();
      }
    });
  }

  test('chaos: an answer slower than the 10 s timeout is abandoned and retried', async () => {
    const started = Date.now();
    const { page, close, calls } = await homeWith(
      async (route, call) => {
        if (call === 1) {
          await new Promise((resolve) => setTimeout(resolve, 12_000));
          await route.fulfill({ status: 200, contentType: 'application/json', body: await realBody() }).catch(() => {});
        } else {
          await route.continue();
        }
      },
      { settleTimeout: 30_000 },
    );
    try {
      await assertShown(page);
      assert.equal(calls(), 2);
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds >= 10 && seconds < 20, `took ${seconds} s`);
    } finally {
      await close();
    }
  });

  const broken = [
    ['a truncated file', async () => (await realBody()).subarray(0, 5000), /not valid/],
    [
      'a file of the wrong shape (an unknown field)',
      async () => {
        const items = JSON.parse(await realBody());
        items[0].colour = 'red';
        return JSON.stringify(items);
      },
      /unknown field `colour`/,
    ],
    ['a file with a byte order mark', async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await realBody()]), /byte order mark/],
  ];
  for (const [name, body, pattern] of broken) {
    test(`chaos: ${name} is refused with a panel and not retried`, async () => {
      const payload = await body();
      const { page, close, calls } = await homeWith((route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: payload }),
      );
      try {
        await assertPanel(page, pattern);
        assert.equal(calls(), 1);
      } finally {
        await close();
      }
    });
  }

  test('chaos: a valid file that differs from its published hash is shown with a warning', async () => {
    const respaced = `${JSON.stringify(JSON.parse(await realBody()))}\n`;
    const { page, close } = await homeWith((route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: respaced }),
    );
    try {
      assert.ok((await page.locator('.figure-grid .figure').count()) >= 3);
      const warning = page.locator('#key-figures ~ .status--warning, .status--warning').first();
      assert.match(await warning.textContent(), /does not match its published SHA-256 hash/);
      assert.match(await warning.textContent(), /not presented as verified/);
      await page.click('header a[hreflang="az"]');
      await page.waitForFunction(() => document.documentElement.lang === 'az');
      assert.match(await page.locator('.status--warning').first().textContent(), /SHA-256 xeşinə uyğun gəlmir/);
      await assertShell(page);
    } finally {
      await close();
    }
  });

  test('offline: a repeat visit shows the saved page and data, and says when they were saved', async () => {
    const own = await serveStatic(dist);
    const { page, context, problems, close } = await openPage(own.url, { goto: false, serviceWorkers: 'allow' });
    try {
      await page.goto(`${own.url}#/en/`);
      await waitForApp(page);
      await settled(page);
      assert.equal(await page.locator('.cached-data').count(), 0, 'online, nothing is from the cache');
      // Installed means the page, its files and the data package are saved.
      const installed = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
        ]),
      );
      assert.ok(installed, 'the service worker installed (is sw.js in dist, and does the Trusted Types policy admit it?)');
      const saved = await page.evaluate(async () => (await (await caches.open('klaster-v1')).keys()).map((r) => r.url));
      assert.ok(saved.some((u) => u.endsWith('.wasm')), `the wasm is saved: ${saved.join(', ')}`);
      assert.ok(saved.some((u) => u.endsWith('data/milestones.json')), 'the data is saved');

      await context.setOffline(true);
      await own.close();
      await page.reload();
      await waitForApp(page);
      await settled(page);
      assert.ok((await page.locator('.figure-grid .figure').count()) >= 3, 'the key figures are shown offline');
      const notice = page.locator('.cached-data');
      assert.match(await notice.textContent(), /saved on this device.*Saved: \d{1,2} \w+ \d{4}, \d\d:\d\d UTC/);
      await page.click('header a[hreflang="az"]');
      await page.waitForFunction(() => document.documentElement.lang === 'az');
      assert.match(await notice.textContent(), /bu cihazda saxlanmış.*Saxlanma vaxtı: /);
      const real = problems.filter((p) => !['requestfailed', 'console.error'].includes(p.kind) || !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(p.text));
      assert.deepEqual(real, [], formatProblems(real));
    } finally {
      await close();
      await own.close().catch(() => {});
    }
  });
});
