// Interactive chart cards, drawn on a canvas by the core's drawing function: every card
// draws something, in the palette of the theme (and the high-contrast one under forced
// colours); pointer and keyboard find values, and the live region says them; the legend
// toggles series; the park chart switches metric; the table view is a real table with as
// many rows as the CSV; every download is a valid file named <chart>-<locale>.<ext>; axe
// finds nothing in either theme; no console, page or request problems. Screenshots of each
// card are saved as artifacts/chart-<id>-<locale>.png, and redraw times are logged.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import {
  ARTIFACTS_DIR,
  VIEWPORTS,
  openPage,
  waitForApp,
  checkA11y,
  formatViolations,
  formatProblems,
} from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const BROWSER_LOCALE = { az: 'az-AZ', en: 'en-US' };
const THEMES = ['light', 'dark'];
const DATA_TIMEOUT_MS = 20_000;

/** The cards of each page, by the chart id they open with. */
const PAGES = {
  initiative: ['initiative-growth', 'initiative-metrics', 'member-map', 'members-by-country'],
  azerbaijan: ['accession-timeline'],
  nextgen: ['nextgen-capacities', 'polymer-output', 'park-residents'],
  climate: ['emissions-targets'],
};

/** The core's palette backgrounds (charts/theme.rs), as a canvas reads them. */
const BACKGROUND = { light: [255, 255, 255], dark: [0x12, 0x14, 0x17], 'high-contrast': [0, 0, 0] };

const card = (page, id) => page.locator(`#chart-${id}`);

/** Waits until every card of `ids` has drawn its canvas at least once. */
async function waitForCards(page, ids) {
  await page.waitForFunction(
    (list) =>
      list.every((id) => {
        const canvas = document.querySelector(`#chart-${id} .chart-card__plot canvas`);
        return canvas && Number(canvas.dataset.draws) > 0;
      }) || document.querySelector('main .status--error'),
    ids,
    { timeout: DATA_TIMEOUT_MS, polling: 50 },
  );
  const errors = await page.locator('main .status--error').allTextContents();
  assert.deepEqual(errors, [], 'no chart and no dataset may fail');
}

/** What the canvas of a card holds: how many colours, and the colour of its top-left pixel. */
async function canvasPixels(page, id) {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`#chart-${id} .chart-card__plot canvas`);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return {
      colours: colours.size,
      corner: [data[0], data[1], data[2]],
      backing: [canvas.width, canvas.height],
      css: [canvas.getBoundingClientRect().width, canvas.getBoundingClientRect().height],
      draws: Number(canvas.dataset.draws),
    };
  }, id);
}

async function draws(page, id) {
  return page.evaluate((id) => Number(document.querySelector(`#chart-${id} .chart-card__plot canvas`).dataset.draws), id);
}

async function waitForRedraw(page, id, before) {
  await page.waitForFunction(
    ([id, before]) => Number(document.querySelector(`#chart-${id} .chart-card__plot canvas`).dataset.draws) > before,
    [id, before],
    { timeout: 5_000, polling: 20 },
  );
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page, id, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    card(page, id).locator(`.chart-card__downloads button[data-format="${format}"]`).click(),
  ]);
  const bytes = await fs.readFile(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

/**
 * Parses an SVG document with the browser's DOMParser, in a blank page of its own: the
 * portal's Trusted Types policy rightly refuses markup from a string. The page is closed
 * again at once, as a page in the background gets its animation frames throttled.
 */
async function parseSvg(context, text) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.nodeName, texts: doc.querySelectorAll('text').length };
    }, text);
  } finally {
    await blank.close();
  }
}

describe('chart cards', () => {
  const { site, test } = builtSiteSuite();

  /** Opens `#/<locale>/<slug>` with a starting theme and waits for its cards. */
  async function open(locale, slug, { theme = 'light', viewport = VIEWPORTS.desktop } = {}) {
    const opened = await openPage(site.url, { locale: BROWSER_LOCALE[locale], viewport, goto: false });
    await opened.context.addInitScript((t) => {
      if (!localStorage.getItem('klaster-theme')) localStorage.setItem('klaster-theme', t);
    }, theme);
    await opened.page.goto(`${site.url}#/${locale}/${slug}`);
    await waitForApp(opened.page);
    await waitForCards(opened.page, PAGES[slug]);
    return opened;
  }

  for (const [slug, ids] of Object.entries(PAGES)) {
    for (const locale of LOCALES) {
      test(`#/${locale}/${slug}: every card draws, sharp, in the light palette, with its words; axe finds nothing; screenshots`, async () => {
        const { page, problems, close } = await open(locale, slug);
        try {
          for (const id of ids) {
            const pixels = await canvasPixels(page, id);
            assert.ok(pixels.colours > 2, `${id}: the canvas is not one colour (${pixels.colours} colours)`);
            assert.deepEqual(pixels.corner, BACKGROUND.light, `${id}: the light palette's background`);
            const ratio = await page.evaluate(() => devicePixelRatio);
            assert.equal(pixels.backing[0], Math.round(pixels.css[0] * ratio), `${id}: backing store = CSS width × DPR`);
            const words = await card(page, id).evaluate((el) => ({
              title: el.querySelector('.chart-card__title')?.textContent.trim(),
              canvasRole: el.querySelector('.chart-card__plot canvas').getAttribute('role'),
              canvasLabel: el.querySelector('.chart-card__plot canvas').getAttribute('aria-label'),
              tabindex: el.querySelector('.chart-card__plot').getAttribute('tabindex'),
              sources: el.querySelectorAll('.chart-card__footer a[href^="http"]').length,
              asOf: el.querySelector('.chart-card__as-of')?.textContent.trim(),
              live: el.querySelectorAll('[aria-live="polite"]').length,
              words: el.querySelectorAll('.chart-card__words p').length,
            }));
            assert.ok(words.title, `${id}: a title`);
            assert.equal(words.canvasRole, 'img');
            assert.ok(words.canvasLabel.startsWith(words.title), `${id}: the canvas is labelled with its title`);
            assert.equal(words.tabindex, '0', `${id}: the chart is focusable`);
            assert.ok(words.sources > 0, `${id}: linked sources`);
            assert.ok(words.asOf, `${id}: an as-of date`);
            assert.equal(words.live, 1, `${id}: one live region`);
            assert.ok(words.words > 0, `${id}: the chart in words`);
            await page.mouse.move(0, 0);
            await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
            await card(page, id).screenshot({ path: path.join(ARTIFACTS_DIR, `chart-${id}-${locale}.png`) });
          }
          const violations = await checkA11y(page);
          assert.deepEqual(violations, [], `axe violations on #/${locale}/${slug}:\n${formatViolations(violations)}`);
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });

      test(`#/${locale}/${slug} in the dark theme: the dark palette, no axe violations`, async () => {
        const { page, problems, close } = await open(locale, slug, { theme: 'dark' });
        try {
          for (const id of ids) {
            const pixels = await canvasPixels(page, id);
            assert.deepEqual(pixels.corner, BACKGROUND.dark, `${id}: the dark palette's background`);
            assert.ok(pixels.colours > 2, `${id}: the canvas is not one colour`);
            if (locale === 'en') {
              await card(page, id).screenshot({ path: path.join(ARTIFACTS_DIR, `chart-${id}-${locale}-dark.png`) });
            }
          }
          const violations = await checkA11y(page);
          assert.deepEqual(violations, [], `axe violations on #/${locale}/${slug} (dark):\n${formatViolations(violations)}`);
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });
    }

    test(`#/en/${slug}: keyboard, live region, tooltip, table view and every download of each card`, async () => {
      const { page, context, problems, close } = await open('en', slug);
      try {
        for (const id of ids) {
          const box = card(page, id);
          const plot = box.locator('.chart-card__plot');
          const live = box.locator('[aria-live="polite"]');

          // The keyboard: the first value, then the next; each is said in the live region.
          await plot.focus();
          await page.keyboard.press('ArrowRight');
          const first = (await live.textContent()).trim();
          assert.ok(first, `${id}: ArrowRight says the first value`);
          await box.locator('.chart-tooltip').waitFor({ state: 'visible', timeout: 2_000 });
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('End');
          const last = (await live.textContent()).trim();
          assert.notEqual(last, first, `${id}: Down and End move to another value and say it`);
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('Home');
          assert.equal((await live.textContent()).trim(), first, `${id}: Up and Home go back to the first value`);

          // The pointer: hovering where the keyboard put the ring shows the same value's tooltip.
          const ring = await box.locator('.chart-focus-ring').boundingBox();
          assert.ok(ring, `${id}: the highlighted value has a ring`);
          await page.keyboard.press('Escape');
          assert.equal(await box.locator('.chart-tooltip').count(), 0, `${id}: Escape lets go`);
          await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
          const tooltip = box.locator('.chart-tooltip');
          await tooltip.waitFor({ state: 'visible', timeout: 2_000 });
          const tip = (await tooltip.textContent()).trim();
          assert.ok(tip.includes('Source'), `${id}: the tooltip names the source: ${tip}`);
          await page.mouse.move(0, 0);
          await tooltip.waitFor({ state: 'detached', timeout: 2_000 });

          // A tap: the tooltip stays when the finger lifts (and the pointer leaves).
          const touch = { pointerType: 'touch', clientX: ring.x + ring.width / 2, clientY: ring.y + ring.height / 2, bubbles: true };
          await plot.dispatchEvent('pointerdown', touch);
          await plot.dispatchEvent('pointerleave', touch);
          await tooltip.waitFor({ state: 'visible', timeout: 2_000 });
          await page.mouse.move(touch.clientX, touch.clientY);
          await page.mouse.move(0, 0);
          await tooltip.waitFor({ state: 'detached', timeout: 2_000 });

          // The downloads.
          const png = await download(page, id, 'png');
          assert.equal(png.name, `${id}-en.png`);
          assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id}: a PNG`);
          assert.ok(png.bytes.length > 2_000, `${id}: the PNG holds a drawing`);
          const svg = await download(page, id, 'svg');
          assert.equal(svg.name, `${id}-en.svg`);
          const parsed = await parseSvg(context, svg.bytes.toString('utf8'));
          await page.bringToFront();
          assert.deepEqual([parsed.error, parsed.root], [false, 'svg'], `${id}: the SVG parses`);
          assert.ok(parsed.texts > 3, `${id}: the SVG keeps its words as text`);
          const json = await download(page, id, 'json');
          assert.equal(json.name, `${id}-en.json`);
          const data = JSON.parse(json.bytes.toString('utf8'));
          assert.equal(data.chart, id);
          assert.ok(data.series.length > 0 && data.series.every((s) => s.values.every((v) => v.figure_ids.length > 0 && 'sources' in v)), `${id}: values carry figure ids and sources`);
          const csv = await download(page, id, 'csv');
          assert.equal(csv.name, `${id}-en.csv`);
          const csvRows = csv.bytes.toString('utf8').split('\r\n').filter((line) => line !== '').length - 1;

          // The table view: a real table with the CSV's rows, and back to the chart.
          await box.getByRole('button', { name: 'Table', exact: true }).click();
          const table = box.locator('table');
          await table.waitFor();
          assert.equal(await box.locator('.chart-card__plot').isVisible(), false, `${id}: the table replaces the chart`);
          const shape = await table.evaluate((t) => ({
            caption: t.querySelector('caption')?.textContent.trim(),
            rows: t.querySelectorAll('tbody tr').length,
            unscoped: t.querySelectorAll('th:not([scope])').length,
          }));
          assert.ok(shape.caption, `${id}: the table has a caption`);
          assert.equal(shape.unscoped, 0, `${id}: every header has a scope`);
          assert.equal(shape.rows, csvRows, `${id}: the table and the CSV list the same values`);
          assert.equal(shape.rows, data.series.reduce((n, s) => n + s.values.length, 0), `${id}: and so does the JSON`);
          const violations = await checkA11y(page);
          assert.deepEqual(violations, [], `axe violations with the table of ${id} shown:\n${formatViolations(violations)}`);
          await box.getByRole('button', { name: 'Chart', exact: true }).click();
          await box.locator('.chart-card__plot').waitFor({ state: 'visible' });
          assert.equal(await table.count(), 0);
        }
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('the legend toggles a series: the button is pressed or not, the chart redraws and the table loses its rows', async () => {
    const { page, problems, close } = await open('en', 'initiative');
    try {
      const id = 'initiative-growth';
      const box = card(page, id);
      const toggles = box.locator('.chart-legend__toggle');
      assert.ok((await toggles.count()) >= 2, 'a toggle per series');
      const countRows = async () => {
        await box.getByRole('button', { name: 'Table', exact: true }).click();
        const rows = await box.locator('table tbody tr').count();
        await box.getByRole('button', { name: 'Chart', exact: true }).click();
        return rows;
      };
      const all = await countRows();
      const before = await draws(page, id);
      const second = toggles.nth(1);
      assert.equal(await second.getAttribute('aria-pressed'), 'true');
      await second.click();
      assert.equal(await second.getAttribute('aria-pressed'), 'false');
      await waitForRedraw(page, id, before);
      assert.ok((await countRows()) < all, 'the hidden series leaves the table');
      assert.equal(await toggles.nth(0).isDisabled(), true, 'the last series shown cannot be hidden');
      await second.click();
      assert.equal(await second.getAttribute('aria-pressed'), 'true');
      assert.equal(await countRows(), all);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('the park chart switches metric: title, canvas and file names follow', async () => {
    const { page, problems, close } = await open('en', 'nextgen');
    try {
      const box = card(page, 'park-residents');
      const title = async () => (await box.locator('.chart-card__title').textContent()).trim();
      const residents = await title();
      const radios = box.locator('input[type="radio"]');
      assert.equal(await radios.count(), 5, 'residents, investment, jobs, sales, exports');
      for (const metric of ['investment', 'jobs', 'sales', 'exports']) {
        const before = await draws(page, 'park-residents');
        await box.locator(`input[value="park-${metric}"]`).check();
        await waitForRedraw(page, 'park-residents', before);
        assert.notEqual(await title(), residents, `${metric}: a new title`);
        const csv = await download(page, 'park-residents', 'csv');
        assert.equal(csv.name, `park-${metric}-en.csv`);
        await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
        await page.mouse.move(0, 0);
        await box.screenshot({ path: path.join(ARTIFACTS_DIR, `chart-park-${metric}-en.png`) });
      }
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('a card follows the language, the theme toggle and forced colours, and is sharp on a 2× screen', async () => {
    const opened = await openPage(site.url, { locale: 'en-US', viewport: VIEWPORTS.desktop, goto: false });
    const { page, problems, close } = opened;
    try {
      await opened.context.addInitScript(() => localStorage.setItem('klaster-theme', 'light'));
      await page.goto(`${site.url}#/en/climate`);
      await waitForApp(page);
      const id = 'emissions-targets';
      await waitForCards(page, [id]);
      const enTitle = (await card(page, id).locator('.chart-card__title').textContent()).trim();

      let before = await draws(page, id);
      await page.locator('header [hreflang="az"]').click();
      await waitForRedraw(page, id, before);
      assert.notEqual((await card(page, id).locator('.chart-card__title').textContent()).trim(), enTitle, 'the title is now in Azerbaijani');

      before = await draws(page, id);
      await page.locator('header button.theme-toggle').click();
      await waitForRedraw(page, id, before);
      assert.deepEqual((await canvasPixels(page, id)).corner, BACKGROUND.dark, 'the theme toggle redraws in the dark palette');

      before = await draws(page, id);
      await page.emulateMedia({ forcedColors: 'active' });
      await waitForRedraw(page, id, before);
      assert.deepEqual((await canvasPixels(page, id)).corner, BACKGROUND['high-contrast'], 'forced colours take the high-contrast palette');
      await page.emulateMedia({ forcedColors: 'none' });
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }

    const hidpi = await openPage(site.url, { locale: 'en-US', viewport: VIEWPORTS.desktop, goto: false, deviceScaleFactor: 2 });
    try {
      await hidpi.page.goto(`${site.url}#/en/climate`);
      await waitForApp(hidpi.page);
      await waitForCards(hidpi.page, ['emissions-targets']);
      const pixels = await canvasPixels(hidpi.page, 'emissions-targets');
      assert.equal(await hidpi.page.evaluate(() => devicePixelRatio), 2);
      assert.deepEqual(pixels.backing, pixels.css.map((v) => Math.round(v * 2)), 'a 2× backing store');
      await hidpi.page.locator('#chart-emissions-targets').screenshot({ path: path.join(ARTIFACTS_DIR, 'chart-emissions-targets-en-2x.png') });
      assert.deepEqual(hidpi.problems, [], formatProblems(hidpi.problems));
    } finally {
      await hidpi.close();
    }
  });

  test('redraw time after a resize (logged, not asserted), and the chart follows the width of its box', async () => {
    const { page, problems, close } = await open('en', 'initiative');
    try {
      const times = {};
      for (const id of PAGES.initiative) {
        const measured = await page.evaluate(async (id) => {
          const figure = document.querySelector(`#chart-${id}`);
          const canvas = figure.querySelector('.chart-card__plot canvas');
          const before = Number(canvas.dataset.draws);
          const width = canvas.getBoundingClientRect().width;
          const started = performance.now();
          figure.style.maxWidth = `${Math.round(width * 0.6)}px`;
          while (Number(canvas.dataset.draws) === before) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            if (performance.now() - started > 5_000) throw new Error(`${id} did not redraw`);
          }
          const total = performance.now() - started;
          const after = canvas.getBoundingClientRect().width;
          figure.style.maxWidth = '';
          return { total, paint: Number(canvas.dataset.drawMs), before: width, after };
        }, id);
        assert.ok(measured.after < measured.before, `${id}: the canvas shrank with its box`);
        times[id] = `${measured.total.toFixed(1)} ms to the next frame, ${measured.paint.toFixed(1)} ms painting`;
      }
      console.log('redraw after a resize:', times);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('on a 320 px phone every card fits without sideways scrolling', async () => {
    for (const [slug, ids] of Object.entries(PAGES)) {
      const { page, problems, close } = await open('az', slug, { viewport: { width: 320, height: 720 } });
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `#/az/${slug} scrolls sideways by ${overflow}px`);
        for (const id of ids) {
          const pixels = await canvasPixels(page, id);
          assert.ok(pixels.colours > 2, `${id} draws at 320 px`);
          assert.ok(pixels.css[0] <= 320, `${id} is ${pixels.css[0]}px wide`);
        }
        await card(page, ids[0]).screenshot({ path: path.join(ARTIFACTS_DIR, `chart-${ids[0]}-az-phone.png`) });
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });
});
