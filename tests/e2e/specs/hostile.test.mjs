// A hostile world: data files full of markup and script, a network that fails in every way
// we know, and a reader who loses the network. Pages no longer fetch data (their text is
// written at build time); only the chart islands do, so this is where hostile files and
// networks reach the reader.
//
// - XSS: every text of every resource carries a payload and every address is `javascript:`
//   (re-stamped, so the hashes match); on every page with charts and on chart pages, in
//   both languages, with every card awake and its tooltip shown, nothing runs, no element
//   is injected, and the payload shows as text.
// - Chaos: climate.json (the emissions card's data) offline, missing, failing then
//   recovering, slower than the 10 s timeout, truncated, of the wrong shape, BOM-prefixed,
//   or not matching its published hash: each ends with the card live (a warning for the
//   hash) or its error status in the page's language with a retry that works, and the
//   card's picture, table and words still there.
// - Offline: after a visit the service worker has saved the page, the code and the data;
//   when the network goes, the page comes back from the device, and a card that wakes
//   then is drawn from the saved files and says so.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { openPage, closeBrowser, formatProblems, screenshot } from '../lib/browser.mjs';
import { LOCALES, BROWSER_LOCALE, CHARTS, pagePath, chartPage, card, cardState, wakeCard, answeringCard, WAKE_MS } from '../lib/site.mjs';

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
  // The build's value maps, which an embed answers from, carry the data's words too.
  const values = path.join(dir, 'charts', 'values');
  let n = 0;
  for (const name of (await fsp.readdir(values)).filter((f) => f.endsWith('.json'))) {
    const map = JSON.parse(await fsp.readFile(path.join(values, name), 'utf8'));
    for (const value of map.values) {
      value.lines.forEach((line) => { line.text = `${PAYLOADS[n++ % PAYLOADS.length]} ${line.text}`; });
      value.sentence = `${PAYLOADS[n++ % PAYLOADS.length]} ${value.sentence}`;
    }
    await fsp.writeFile(path.join(values, name), JSON.stringify(map));
  }
  return dir;
}

/**
 * Steps to a value of card `id` with the keys (the live region says it), then points at
 * it (the tooltip shows it, with its source's publisher), so the data's words render.
 */
async function showValues(page, id) {
  const box = card(page, id);
  await box.locator('.chart-card__plot[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const ring = await box.locator('.chart-focus-ring').boundingBox();
  assert.ok(ring, `${id}: a value is highlighted`);
  await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
  await box.locator('.chart-tooltip').waitFor({ state: 'visible', timeout: 5_000 });
}

/** Waits until card `id` is live or shows its error status. */
async function settledCard(page, id, timeout = WAKE_MS) {
  await card(page, id).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (id) => {
      const el = document.getElementById(`chart-${id}`);
      return el.hasAttribute('data-live') || !!el.querySelector('.chart-card__status .status--error');
    },
    id,
    { timeout, polling: 50 },
  );
  return cardState(page, id);
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

  test('markup and script in every text and address of the data never run or inject elements: every card awake, its values shown', async () => {
    const dir = await poisonedSite(dist);
    const poisoned = await serveStatic(dir);
    const { page, problems, close } = await openPage(poisoned.url, { goto: false });
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      const visits = [
        ...LOCALES.flatMap((locale) => Object.entries(CHARTS).map(([slug, ids]) => [pagePath(locale, slug), ids])),
        ...LOCALES.map((locale) => [chartPage('park-jobs', locale), ['park-jobs']]),
      ];
      for (const [where, ids] of visits) {
        await page.goto(`${poisoned.url}${where}`);
        if (where.startsWith('chart-')) await page.mouse.move(50, 50);
        let shownAsText = 0;
        for (const id of ids) {
          // A chart page answers from its value map, in its static card.
          const embed = where.startsWith('chart-');
          if (embed) await answeringCard(page, id);
          else await wakeCard(page, id);
          await showValues(page, id);
          shownAsText += await card(page, id).evaluate((el, embed) => {
            const live = el.querySelector(embed ? '.chart-card__static' : '.chart-card__live');
            const words = `${live.textContent} ${[...live.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')}`;
            const said = el.querySelector('[data-values-said]')?.textContent ?? '';
            return ['<img src=x', '<script>', '<svg onload', '<iframe srcdoc', '</title><script>'].filter((p) => `${words} ${said}`.includes(p)).length;
          }, embed);
        }
        assert.ok(shownAsText > 0, `${where}: the payload is shown as text in the live cards`);
        await page.waitForTimeout(100);
        const state = await page.evaluate(() => ({
          xss: window.__xss,
          injected: document.querySelectorAll('img[src="x"], svg[onload], iframe').length,
          scripts: [...document.scripts].map((s) => s.src || `inline:${s.type}`),
          handlers: [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
          ),
          jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
          errors: [...document.querySelectorAll('.chart-card__status .status--error')].map((e) => e.textContent),
        }));
        assert.equal(state.xss, undefined, `${where}: a payload ran`);
        assert.equal(state.injected, 0, `${where}: a payload became an element`);
        assert.deepEqual(state.handlers, [], `${where}: event handler attributes in the page`);
        assert.equal(state.jsLinks, 0, `${where}: a javascript: address became a link`);
        assert.ok(
          state.scripts.every((s) => !s.startsWith('inline:') || ['inline:', 'inline:importmap', 'inline:application/ld+json'].includes(s)),
          `${where}: unexpected scripts ${state.scripts.join(', ')}`,
        );
        assert.deepEqual(state.errors, [], `${where}: the poisoned (but well-formed) data must still load`);
      }
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
      await poisoned.close();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  const ID = 'emissions-targets';
  const FILE = 'climate.json';
  const realBody = () => fsp.readFile(path.join(dist, 'data', FILE));

  /** Opens the climate page with climate.json answered by `handle(route, call)`, and wakes the card. */
  async function climateWith(handle, { locale = 'en', timeout } = {}) {
    const opened = await openPage(site.url, { goto: false, locale: BROWSER_LOCALE[locale] });
    let calls = 0;
    await opened.context.route(`**/data/${FILE}`, async (route) => {
      calls += 1;
      await handle(route, calls);
    });
    await opened.page.goto(`${site.url}${pagePath(locale, 'climate')}`);
    const state = await settledCard(opened.page, ID, timeout);
    return { ...opened, state, calls: () => calls };
  }

  /** The card around a failed or shown chart still has its picture (or canvas), table and words. */
  async function assertCardComplete(page) {
    const box = card(page, ID);
    assert.equal(await box.locator('.chart-card__picture img, .chart-card__canvas canvas').first().isVisible(), true, 'the chart is still shown');
    assert.ok((await box.locator('.chart-card__more:not([hidden]) table tbody tr').count()) > 0, 'the table is still there');
    assert.ok((await box.locator('.chart-card__more:not([hidden]) details.chart-card__words p').count()) > 0, 'and the words');
    assert.equal(await page.locator('h1').count(), 1, 'the page heading is there');
    assert.ok((await page.locator('main .figure').count()) > 0, 'the page\'s figures are there');
  }

  /** The card's error status, in the page's language, with a retry; the picture stays. */
  async function assertFailed(page, pattern, { locale = 'en' } = {}) {
    const status = card(page, ID).locator('.chart-card__status .status--error');
    await status.waitFor();
    assert.equal(await status.getAttribute('role'), 'alert');
    const text = await status.textContent();
    assert.match(text, locale === 'en' ? /The data could not be loaded/ : /Məlumatları yükləmək alınmadı/);
    assert.match(text, pattern);
    assert.equal(await status.locator('button').count(), 1, 'the status offers to try again');
    assert.equal(await card(page, ID).locator('.chart-card__picture img').isVisible(), true, 'the picture stays');
    assert.equal(await card(page, ID).getAttribute('data-live'), null);
    await assertCardComplete(page);
    return status;
  }

  async function assertLive(page) {
    const state = await cardState(page, ID);
    assert.ok(state.live && state.draws > 0 && !state.error, `the card is live: ${JSON.stringify(state)}`);
    await assertCardComplete(page);
  }

  /** Only the file under test may fail. */
  const others = (problems) => problems.filter((p) => !p.url.includes(`/data/${FILE}`) && !/climate\.json/.test(p.text));

  test('chaos: offline, the card says so and a retry after reconnecting brings it to life', async () => {
    let offline = true;
    const { page, problems, close, calls } = await climateWith(async (route) => {
      if (offline) await route.abort('internetdisconnected');
      else await route.continue();
    });
    try {
      const status = await assertFailed(page, /Network error/);
      assert.equal(calls(), 3, 'one try and two retries');
      await screenshot(page, 'chaos-offline-card-en');
      offline = false;
      await status.locator('button').click();
      await page.waitForFunction((id) => document.getElementById(`chart-${id}`).hasAttribute('data-live'), ID, { timeout: WAKE_MS });
      await assertLive(page);
      assert.equal(await card(page, ID).locator('.chart-card__status .status--error').count(), 0, 'the status is gone');
      assert.deepEqual(others(problems), [], formatProblems(others(problems)));
    } finally {
      await close();
    }
  });

  for (const locale of LOCALES) {
    test(`chaos: a missing file is final, with the card's status in ${locale}`, async () => {
      const { page, problems, close, calls } = await climateWith((route) => route.fulfill({ status: 404, body: 'gone' }), { locale });
      try {
        await assertFailed(page, locale === 'en' ? /could not be fetched \(HTTP 404\)/ : /alınmadı \(HTTP 404\)/, { locale });
        assert.equal(calls(), 1, 'a 404 is not retried');
        assert.deepEqual(others(problems), [], formatProblems(others(problems)));
      } finally {
        await close();
      }
    });
  }

  for (const status of [500, 429]) {
    test(`chaos: ${status} then success brings the card to life`, async () => {
      const { page, problems, close, calls } = await climateWith(async (route, call) => {
        if (call === 1) await route.fulfill({ status, body: 'busy' });
        else await route.continue();
      });
      try {
        await assertLive(page);
        assert.equal(calls(), 2);
        assert.deepEqual(others(problems), [], formatProblems(others(problems)));
      } finally {
        await close();
      }
    });
  }

  test('chaos: an answer slower than the 10 s timeout is abandoned and retried', async () => {
    const started = Date.now();
    const { page, close, calls } = await climateWith(
      async (route, call) => {
        if (call === 1) {
          await new Promise((resolve) => setTimeout(resolve, 12_000));
          await route.fulfill({ status: 200, contentType: 'application/json', body: await realBody() }).catch(() => {});
        } else {
          await route.continue();
        }
      },
      { timeout: 40_000 },
    );
    try {
      await assertLive(page);
      assert.equal(calls(), 2);
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds >= 10 && seconds < 25, `took ${seconds} s`);
    } finally {
      await close();
    }
  });

  const broken = [
    ['a truncated file', async () => (await realBody()).subarray(0, 500), /not valid/],
    [
      'a file of the wrong shape (an unknown field)',
      async () => {
        const value = JSON.parse(await realBody());
        value.colour = 'red';
        return JSON.stringify(value);
      },
      /unknown field `colour`/,
    ],
    ['a file with a byte order mark', async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await realBody()]), /byte order mark/],
  ];
  for (const [name, body, pattern] of broken) {
    test(`chaos: ${name} is refused with the card's status and not retried`, async () => {
      const payload = await body();
      const { page, problems, close, calls } = await climateWith((route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: payload }),
      );
      try {
        await assertFailed(page, pattern);
        assert.equal(calls(), 1);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  for (const locale of LOCALES) {
    test(`chaos: a valid file that differs from its published hash is drawn with a warning (${locale})`, async () => {
      const respaced = `${JSON.stringify(JSON.parse(await realBody()))}\n`;
      const { page, problems, close } = await climateWith(
        (route) => route.fulfill({ status: 200, contentType: 'application/json', body: respaced }),
        { locale },
      );
      try {
        await assertLive(page);
        const warning = card(page, ID).locator('.chart-card__status .status--warning');
        const text = await warning.textContent();
        if (locale === 'en') {
          assert.match(text, /does not match its published SHA-256 hash/);
          assert.match(text, /not presented as verified/);
        } else {
          assert.match(text, /SHA-256 heşinə uyğun gəlmir/);
        }
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('offline: after a visit the page, code and data come from this device, and a card that wakes says its data is saved', async () => {
    const own = await serveStatic(dist);
    const { page, context, problems, close } = await openPage(`${own.url}en/nextgen/`, { serviceWorkers: 'allow' });
    try {
      const installed = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
        ]),
      );
      assert.ok(installed, 'the service worker installed (is sw.js in dist, and does the Trusted Types policy admit it?)');
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
      // The reader comes back and reads the page: its cards wake as they come near.
      await page.reload();
      await wakeCard(page, 'nextgen-capacities');
      await wakeCard(page, 'park-residents');
      assert.equal(await page.locator('.cached-data').count(), 0, 'online, nothing is from the cache');
      const saved = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((name) => name.startsWith('klaster-'));
        const lists = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)));
        return lists.flat();
      });
      assert.ok(saved.some((u) => u.endsWith('en/nextgen/')), `the page is saved: ${saved.join(', ')}`);
      assert.ok(saved.some((u) => u.endsWith('data/park.json')), `the data is saved: ${saved.join(', ')}`);

      // The reader leaves, the network goes, and they come back to the page they read.
      await context.setOffline(true);
      await own.close();
      await page.reload();
      const id = 'park-residents';
      await wakeCard(page, id);
      const notice = card(page, id).locator('.cached-data');
      assert.match(await notice.textContent(), /saved on this device.*Saved: \d{1,2} \w+ \d{4}, \d\d:\d\d UTC/);
      const real = problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(p.text));
      assert.deepEqual(real, [], formatProblems(real));
    } finally {
      await close();
      await own.close().catch(() => {});
    }
  });
});
