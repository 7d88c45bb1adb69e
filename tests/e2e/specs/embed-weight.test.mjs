// An embed costs an article's reader little (issue 13): its first view is HTML, CSS and the
// picture the build drew; its code loads at the first sign of intent (the pointer over the
// frame, focus, a touch), from the embeds' own build, with exactly the data files its chart
// reads (listed on the page's <main data-needs>), and never a file of another chart or page.
// A reader who points at the picture before the code has arrived sees the value there once
// it has, and nothing on the page moves.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { builtSiteSuite } from '../lib/suite.mjs';
import { openPage, screenshot } from '../lib/browser.mjs';
import { requireBuiltSite } from '../lib/dist.mjs';

const WAIT_MS = 30_000;

/** Every chart page of the build, as `chart-<id>-<lang>.html`. */
function chartPages() {
  return fs
    .readdirSync(requireBuiltSite())
    .filter((name) => /^chart-[a-z-]+-(az|en)\.html$/.test(name))
    .sort();
}

/** The path of a request below the site's root. */
const below = (url, base) => decodeURIComponent(url.startsWith(base) ? url.slice(base.length) : url);

/** What an embed of `chart` in `lang` may fetch, before and after a reader engages. */
function allowed(chart, lang, needs) {
  return {
    before: (file) =>
      file === `chart-${chart}-${lang}.html` ||
      /^boot-[A-Za-z0-9]+\.js$/.test(file) ||
      /^[a-z]+-[0-9a-f]+\.css$/.test(file) ||
      file === 'favicon.svg' ||
      new RegExp(`^charts/body/${chart}-${lang}-[sml]\\.svg$`).test(file),
    code: (file) => /^klaster-[0-9a-f]+(_bg\.wasm|\.js)$/.test(file),
    data: (file) => file === 'data/datapackage.json' || needs.includes(file.replace(/^data\//, '')),
  };
}

describe('an embed loads only what its chart needs, and only when a reader engages', () => {
  const { site, test } = builtSiteSuite();

  test('before engagement no code and no data; after a hover, the embeds build and its own files only', async () => {
    const pages = chartPages();
    assert.ok(pages.length >= 26, `only ${pages.length} chart pages`);
    for (const name of pages) {
      const [, chart, lang] = /^chart-([a-z-]+)-(az|en)\.html$/.exec(name);
      const { page, problems, requests, close } = await openPage(`${site.url}${name}`);
      try {
        await page.waitForLoadState('load');
        await page.waitForTimeout(1500);
        const needs = (await page.getAttribute('main', 'data-needs')).split(' ');
        const rules = allowed(chart, lang, needs);
        const before = requests.map((url) => below(url, site.url));
        const early = before.filter((file) => !rules.before(file));
        assert.deepEqual(early, [], `${name} fetched before a reader engaged`);

        const picture = await page.$('.chart-card__picture img');
        const box = await picture.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForSelector('.chart-card[data-live]', { timeout: WAIT_MS });
        const after = requests.map((url) => below(url, site.url)).slice(before.length);
        const code = after.filter(rules.code);
        assert.equal(code.length, 2, `${name}: the embeds' JS glue and wasm, once each: ${code}`);
        const stray = after.filter((file) => !rules.before(file) && !rules.code(file) && !rules.data(file));
        assert.deepEqual(stray, [], `${name} fetched files that are not its chart's`);
        for (const file of needs) assert.ok(after.includes(`data/${file}`), `${name} did not fetch ${file}`);
        // The embed's code is the embeds' own build, not the portal's.
        const portalApp = fs
          .readFileSync(`${requireBuiltSite()}/en/index.html`, 'utf8')
          .match(/klaster-[0-9a-f]+\.js/)?.[0];
        assert.ok(!code.includes(portalApp), `${name} loaded the portal's build`);
        assert.deepEqual(problems, [], `${name}: ${JSON.stringify(problems)}`);
      } finally {
        await close();
      }
    }
  });

  test('a reader pointing at the picture before the code arrives sees the tooltip once it has, and nothing moves', async () => {
    const { page, problems, close } = await openPage(`${site.url}chart-members-by-country-en.html`, { goto: false });
    try {
      // The wasm takes its time, as on a slow network.
      await page.route(/_bg\.wasm$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`${site.url}chart-members-by-country-en.html`);
      await page.evaluate(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const picture = await page.$('.chart-card__picture img');
      const box = await picture.boundingBox();
      // The middle of a bar chart's picture is on one of its rows.
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      assert.equal(await page.$('.chart-card[data-live]'), null, 'the code arrived too soon for this test');
      await page.waitForSelector('.chart-card[data-live]', { timeout: WAIT_MS });
      // No further movement: the value under the resting pointer shows by itself.
      await page.waitForSelector('.chart-tooltip', { state: 'visible', timeout: 5000 });
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__shifts), 0, 'the live chart moved the page');
      await screenshot(page, 'embed-hover-before-code');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
