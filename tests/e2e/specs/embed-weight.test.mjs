// An embed costs an article's reader little (issue 13): its first view is HTML, CSS, the
// boot script and the picture the build drew. At the first sign of intent (the pointer over
// the frame, focus, a touch) it imports the module that answers from value maps and fetches
// the picture's value map, a file of a few kilobytes the build wrote beside the picture
// (klaster_core::charts::values), and answers the pointer and keys from it. The drawing
// code (the embeds' own build of the islands) and the chart's data files (listed on the
// page's <main data-needs>) come only when the picture must change: a legend toggle
// pressed. Never a file of another chart or page. A reader who points at the picture
// before the map has arrived sees the value there once it has, and nothing moves.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import { openPage, screenshot, checkA11y, formatViolations, formatProblems, VIEWPORTS, ARTIFACTS_DIR } from '../lib/browser.mjs';
import { requireBuiltSite } from '../lib/dist.mjs';
import { answeringCard, wakeCard, card, pagePath, BROWSER_LOCALE } from '../lib/site.mjs';

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
    values: (file) => new RegExp(`^charts/values/${chart}-${lang}-[sml]\\.json$`).test(file),
    answers: (file) => /^values-[0-9a-f]{16}\.js$/.test(file),
    code: (file) => /^klaster-[0-9a-f]+(_bg\.wasm|\.js)$/.test(file),
    data: (file) => file === 'data/datapackage.json' || needs.includes(file.replace(/^data\//, '')),
  };
}

describe('an embed loads only what its chart needs, and only when a reader engages', () => {
  const { site, test } = builtSiteSuite();

  test('before engagement no code and no data; a hover brings one value map; a legend press the embeds build and its own data only', async () => {
    const pages = chartPages();
    assert.ok(pages.length >= 26, `only ${pages.length} chart pages`);
    let pressed = 0;
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
        await answeringCard(page, chart);
        const hovered = requests.map((url) => below(url, site.url)).slice(before.length);
        const fetched = hovered.filter((file) => !rules.before(file));
        assert.equal(fetched.length, 2, `${name}: after a hover, the answering module, one value map and nothing else: ${fetched}`);
        assert.equal(fetched.filter(rules.answers).length, 1, `${name}: the module that answers from value maps: ${fetched}`);
        assert.equal(fetched.filter(rules.values).length, 1, `${name}: its picture's value map: ${fetched}`);
        assert.equal(await page.$('.chart-card[data-live]'), null, `${name}: the drawing code came with a hover`);

        // A legend toggle changes the picture: now the drawing code comes, with the data.
        const toggle = page.locator('.chart-card__static .chart-legend__toggle--static[role="button"]').first();
        if ((await toggle.count()) > 0) {
          pressed += 1;
          await toggle.click();
          await page.waitForSelector('.chart-card[data-live]', { timeout: WAIT_MS });
          const after = requests.map((url) => below(url, site.url)).slice(before.length + hovered.length);
          const code = after.filter(rules.code);
          assert.equal(code.length, 2, `${name}: the embeds' JS glue and wasm, once each: ${code}`);
          const stray = after.filter((file) => !rules.before(file) && !rules.values(file) && !rules.answers(file) && !rules.code(file) && !rules.data(file));
          assert.deepEqual(stray, [], `${name} fetched files that are not its chart's`);
          for (const file of needs) assert.ok(after.includes(`data/${file}`), `${name} did not fetch ${file}`);
          // The embed's code is the embeds' own build, not the portal's.
          const portalApp = fs
            .readFileSync(`${requireBuiltSite()}/en/index.html`, 'utf8')
            .match(/klaster-[0-9a-f]+\.js/)?.[0];
          assert.ok(!code.includes(portalApp), `${name} loaded the portal's build`);
        }
        assert.deepEqual(problems, [], `${name}: ${JSON.stringify(problems)}`);
      } finally {
        await close();
      }
    }
    assert.ok(pressed >= 8, `only ${pressed} chart pages had legend toggles to press`);
  });

  test('a reader pointing at the picture before its value map arrives sees the tooltip once it has, and nothing moves', async () => {
    const { page, problems, close } = await openPage(`${site.url}chart-members-by-country-en.html`, { goto: false });
    try {
      // The value map takes its time, as on a slow network.
      await page.route(/\/charts\/values\//, async (route) => {
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
      assert.equal(await page.$('.chart-card[data-values=""]'), null, 'the value map arrived too soon for this test');
      await answeringCard(page, 'members-by-country');
      // No further movement: the value under the resting pointer shows by itself.
      await page.waitForSelector('.chart-tooltip', { state: 'visible', timeout: 5000 });
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__shifts), 0, 'answering the reader moved the page');
      // The viewport only: a full-page screenshot resizes the page, which Chromium
      // reports as the pointer leaving the picture.
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'embed-hover-before-code.png') });
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});

describe('an embed answers from its value map as the live card does', () => {
  const { site, test } = builtSiteSuite();

  /** The tooltip's paragraphs, or null when none shows. */
  const tooltip = (page) =>
    page.evaluate(() => {
      const tip = document.querySelector('.chart-tooltip');
      return tip ? [...tip.querySelectorAll('p')].map((p) => p.textContent) : null;
    });

  for (const [lang, size] of [['en', 'desktop'], ['az', 'phone']]) {
    test(`${lang}, ${size}: keys and the pointer show the values the portal's live card shows; axe; screenshot`, async () => {
      const viewport = VIEWPORTS[size];
      // The live card on the portal, woken, and its first two values by the keyboard.
      const portal = await openPage(`${site.url}${pagePath(lang, 'initiative')}`, { viewport, locale: BROWSER_LOCALE[lang] });
      let expected;
      try {
        await wakeCard(portal.page, 'initiative-growth');
        await card(portal.page, 'initiative-growth').locator('.chart-card__plot').focus();
        await portal.page.keyboard.press('ArrowRight');
        const first = await tooltip(portal.page);
        await portal.page.keyboard.press('ArrowDown');
        expected = { first, down: await tooltip(portal.page) };
      } finally {
        await portal.close();
      }
      assert.ok(expected.first?.length >= 3, `the live card's tooltip: ${expected.first}`);

      const { page, problems, requests, close } = await openPage(`${site.url}chart-initiative-growth-${lang}.html`, { viewport, locale: BROWSER_LOCALE[lang] });
      try {
        await page.waitForLoadState('load');
        const plot = page.locator('.chart-card__static .chart-card__plot');
        // The keyboard: Tab reaches the picture once the reader engaged (focus engages too).
        await plot.evaluate((el) => el.closest('.chart-card').querySelector('a, summary')?.focus());
        await answeringCard(page, 'initiative-growth');
        assert.equal(await plot.getAttribute('tabindex'), '0');
        assert.equal(await plot.getAttribute('role'), 'group');
        assert.ok((await plot.getAttribute('aria-label')).length > 5, 'the plot is named');
        await plot.focus();
        await page.keyboard.press('ArrowRight');
        assert.deepEqual(await tooltip(page), expected.first, 'ArrowRight: the first value, in the live card\'s words');
        const said = await page.locator('[data-values-said]').textContent();
        assert.ok(said.startsWith(expected.first[0]), `the live region reads the value out: ${said}`);
        await page.keyboard.press('ArrowDown');
        assert.deepEqual(await tooltip(page), expected.down, 'ArrowDown: the next series, as on the live card');
        const violations = await checkA11y(page);
        assert.deepEqual(violations, [], formatViolations(violations));
        await screenshot(page, `embed-values-keys-${lang}-${size}`);

        // The pointer on the ring's mark shows the same value; off the chart, nothing.
        const ring = await page.locator('.chart-focus-ring').boundingBox();
        await page.keyboard.press('Escape');
        assert.equal(await tooltip(page), null, 'Escape lets go');
        await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
        await page.waitForSelector('.chart-tooltip', { timeout: 5_000 });
        assert.deepEqual(await tooltip(page), expected.down, 'the pointer on a mark shows its value');
        await page.mouse.move(1, 1);
        await page.waitForFunction(() => !document.querySelector('.chart-tooltip'), null, { timeout: 5_000 });
        assert.ok(!requests.some((url) => /\.wasm$/.test(url)), 'no drawing code for hover and keys');

        // A legend toggle pressed with the keyboard: the drawing code comes, the series is
        // hidden in the live chart and the address, and the focus stays on that toggle.
        const toggle = page.locator('.chart-card__static .chart-legend__toggle--static[role="button"]').first();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        await toggle.focus();
        await page.keyboard.press('Enter');
        await wakeCard(page, 'initiative-growth');
        const live = page.locator('.chart-card__live .chart-legend__toggle').first();
        await page.waitForFunction(() => document.activeElement?.matches('.chart-card__live .chart-legend__toggle'), null, { timeout: 5_000 });
        assert.equal(await live.getAttribute('aria-pressed'), 'false', 'the pressed series is hidden');
        assert.match(await page.evaluate(() => location.search), /[?&]hide=0(&|$)/);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('a pinned release\'s chart page answers from its own release\'s value map', async () => {
    const name = fs.readdirSync(requireBuiltSite()).find((f) => /^chart-members-by-country-en-release-[0-9-]+\.html$/.test(f));
    assert.ok(name, 'a release chart page');
    const { page, problems, requests, close } = await openPage(`${site.url}${name}`);
    try {
      await page.waitForLoadState('load');
      const box = await page.locator('.chart-card__picture img').boundingBox();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await answeringCard(page, 'members-by-country');
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5 + 2);
      await page.waitForSelector('.chart-tooltip', { timeout: 5_000 });
      const maps = requests.map((url) => below(url, site.url)).filter((f) => f.includes('/values/'));
      assert.equal(maps.length, 1, `one value map: ${maps}`);
      assert.match(maps[0], /^releases\/[0-9.]+\/charts\/values\/members-by-country-en-[sml]\.json$/);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
