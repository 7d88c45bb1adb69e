// What the specs know about the built site: its pages in both languages, the chart cards
// on each, and the helpers that wake a card's island and read it.
//
// Every page is a real document written ahead of time (`dist/<lang>/<page>/index.html`);
// a chart card (`#chart-<id>`) is complete HTML (title, picture, legend, table, words,
// sources, downloads) and comes to life when the boot script hydrates its island: the
// card gets `data-live`, its canvas `data-draws`.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distDir } from './dist.mjs';

export const LOCALES = ['az', 'en'];
/** The browser locale of a reader of each language. */
export const BROWSER_LOCALE = { az: 'az-AZ', en: 'en-US' };
/** Every portal page by its slug ('' is the home page). */
export const PAGES = ['', 'initiative', 'azerbaijan', 'nextgen', 'climate', 'data', 'sources', 'about'];
/**
 * The core's chart catalog as the publisher wrote it (`charts/catalog.json`): one row per
 * chart with its card, page, section and resources. The specs keep no list of their own.
 */
export const CATALOG = readCatalog();
/** The chart cards of each page with charts, by the chart they open with, in page order. */
export const CHARTS = CATALOG.filter((row) => row.card === row.id).reduce((pages, row) => {
  (pages[row.page] ??= []).push(row.id);
  return pages;
}, {});
/** Every chart with a page of its own (`chart-<id>-<lang>.html`): the cards and the park metrics. */
export const CHART_PAGES = CATALOG.map((row) => row.id);
/** The charts of the park card, whose metric switch shows one at a time. */
export const PARK_METRICS = CATALOG.filter((row) => row.card === 'park-residents').map((row) => row.id);

function readCatalog() {
  const file = path.join(distDir(), 'charts', 'catalog.json');
  if (!fs.existsSync(file)) {
    throw new Error(`No chart catalog: ${file} does not exist. Run the release build first: cargo xtask build`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')).charts;
}

/** How long a card may take to wake on a busy two-core machine (wasm, data, first draw). */
export const WAKE_MS = 30_000;

/** A page's address below the site's root: `en/climate/`, `az/`. */
export const pagePath = (locale, slug) => `${locale}/${slug ? `${slug}/` : ''}`;
/** A page's short name for test titles and screenshot files: `en-climate`, `az-home`. */
export const pageName = (locale, slug) => `${locale}-${slug || 'home'}`;
/** A chart page's file: `chart-emissions-targets-en.html`. */
export const chartPage = (id, locale) => `chart-${id}-${locale}.html`;

export const card = (page, id) => page.locator(`#chart-${id}`);

/** The state of card `id`: live, drawn, failed (its status), or the boot failed. */
export async function cardState(page, id) {
  return page.evaluate((id) => {
    const box = document.getElementById(`chart-${id}`);
    const canvas = box?.querySelector('.chart-card__canvas canvas');
    return {
      present: !!box,
      live: !!box?.hasAttribute('data-live'),
      draws: Number(canvas?.dataset.draws ?? 0),
      error: box?.querySelector('.chart-card__status .status--error')?.textContent.trim() ?? null,
      bootFailed: document.documentElement.dataset.bootFailed === 'true',
      picture: !!box?.querySelector('.chart-card__static picture img'),
    };
  }, id);
}

/**
 * Scrolls card `id` into view and waits until its island is live and has drawn (or has
 * failed, which is then an assertion error naming the card's status).
 */
export async function wakeCard(page, id, { timeout = WAKE_MS } = {}) {
  const box = card(page, id);
  assert.equal(await box.count(), 1, `exactly one card #chart-${id}`);
  await box.scrollIntoViewIfNeeded();
  try {
    await page.waitForFunction(
      (id) => {
        const el = document.getElementById(`chart-${id}`);
        return (
          (el.hasAttribute('data-live') && Number(el.querySelector('.chart-card__canvas canvas')?.dataset.draws) > 0) ||
          !!el.querySelector('.chart-card__status .status--error') ||
          document.documentElement.dataset.bootFailed === 'true'
        );
      },
      id,
      { timeout, polling: 50 },
    );
  } catch (err) {
    throw new Error(`#chart-${id} did not come to life within ${timeout} ms: ${JSON.stringify(await cardState(page, id))}`, { cause: err });
  }
  const state = await cardState(page, id);
  assert.equal(state.bootFailed, false, `#chart-${id}: the islands could not start (data-boot-failed)`);
  assert.equal(state.error, null, `#chart-${id}: the card failed: ${state.error}`);
  return state;
}

/** Wakes every card of `ids`, one after the other, as a reader scrolling down would. */
export async function wakeCards(page, ids, options) {
  for (const id of ids) await wakeCard(page, id, options);
}

/**
 * Engagement in an embed: waits until card `id` answers the pointer and keys from its
 * picture's value map (`data-values` empty: the map is in), without the drawing code.
 */
export async function answeringCard(page, id, { timeout = WAKE_MS } = {}) {
  try {
    await page.waitForFunction(
      (id) => {
        const el = document.getElementById(`chart-${id}`);
        return el.getAttribute('data-values') === '' || document.documentElement.dataset.bootFailed === 'true';
      },
      id,
      { timeout, polling: 50 },
    );
  } catch (err) {
    throw new Error(`#chart-${id} did not answer from its value map within ${timeout} ms`, { cause: err });
  }
  const failed = await page.evaluate(() => document.documentElement.dataset.bootFailed === 'true');
  assert.equal(failed, false, `#chart-${id}: its value map could not be loaded (data-boot-failed)`);
}

/** How many times card `id`'s canvas has drawn. */
export async function draws(page, id) {
  return page.evaluate((id) => Number(document.querySelector(`#chart-${id} .chart-card__canvas canvas`)?.dataset.draws ?? 0), id);
}

/** Waits until card `id` has drawn again after `before` draws. */
export async function waitForRedraw(page, id, before, { timeout = 5_000 } = {}) {
  await page.waitForFunction(
    ([id, before]) => Number(document.querySelector(`#chart-${id} .chart-card__canvas canvas`)?.dataset.draws) > before,
    [id, before],
    { timeout, polling: 20 },
  );
}

/** Visible text of `root` (default `main`), whitespace collapsed. */
export async function visibleText(page, selector = 'main') {
  return page.locator(selector).first().evaluate((el) => el.innerText.replace(/\s+/g, ' ').trim());
}
