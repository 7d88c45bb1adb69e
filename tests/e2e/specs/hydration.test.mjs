// Issue 12: the islands hydrate the HTML the build wrote without a mismatch. Leptos
// reports a mismatch (and other hydration trouble) only in a debug build, so this spec
// serves the debug build of the islands that `cargo xtask test` makes
// (target/debug-islands/dist, passed as KLASTER_DIST_DEBUG): every page with charts in
// both languages, and every chart page, with every island awake (the chart cards and
// their share menus), must log no error and no warning at all, and no message that
// mentions hydration or a mismatch, whatever its level.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serveStatic } from '../lib/server.mjs';
import { openPage, closeBrowser, formatProblems } from '../lib/browser.mjs';
import { LOCALES, BROWSER_LOCALE, CHARTS, CHART_PAGES, pagePath, chartPage, wakeCard } from '../lib/site.mjs';

/** Playwright's own word when the harness blocks the service worker (serviceWorkers: 'block'). */
const HARNESS = /^Service Worker registration blocked by Playwright$/;
const HYDRATION = /hydrat|mismatch/i;

/** The debug build, or an error that says how to make it (never a skip). */
function debugDist() {
  const dir = process.env.KLASTER_DIST_DEBUG;
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `No debug build of the islands at ${dir || '$KLASTER_DIST_DEBUG (unset)'}: ` +
        'run cargo xtask test, which builds it into target/debug-islands/dist and sets KLASTER_DIST_DEBUG, ' +
        'or point KLASTER_DIST_DEBUG at such a build',
    );
  }
  const boot = fs.readdirSync(dir).find((f) => /^boot-.*\.js$/.test(f));
  const wasm = fs.readdirSync(dir).find((f) => f.endsWith('.wasm'));
  if (!boot || !wasm) throw new Error(`${dir} has no boot script or wasm`);
  return dir;
}

/** Messages that fail the test: errors and warnings, and anything about hydration. */
function complaints(messages) {
  return messages.filter(
    (m) => !HARNESS.test(m.text) && (m.type === 'error' || m.type === 'warning' || HYDRATION.test(m.text)),
  );
}

const formatMessages = (list) => list.map((m) => `- console.${m.type} ${m.url}: ${m.text}`).join('\n');

describe('hydration in the debug build of the islands', () => {
  let site;
  let setupError = null;
  before(async () => {
    try {
      site = await serveStatic(debugDist());
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await closeBrowser();
    await site?.close();
  });
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  test('the debug build is a debug build: its wasm is larger than the release one and keeps its names', () => {
    const dir = debugDist();
    const wasm = fs.readdirSync(dir).find((f) => f.endsWith('.wasm'));
    const size = fs.statSync(path.join(dir, wasm)).size;
    assert.ok(size > 4 * 1024 * 1024, `a debug wasm is several MiB (${size} bytes)`);
  });

  for (const locale of LOCALES) {
    for (const [slug, ids] of Object.entries(CHARTS)) {
      const address = pagePath(locale, slug);
      test(`${address}: every island hydrates without a warning or an error`, async () => {
        const { page, problems, messages, close } = await openPage(`${site.url}${address}`, { locale: BROWSER_LOCALE[locale] });
        try {
          for (const id of ids) {
            await wakeCard(page, id, { timeout: 60_000 });
            // The share menu is an island of its own, at the card's foot: awake once its
            // buttons show.
            await page.locator(`#chart-${id} .chart-share`).scrollIntoViewIfNeeded();
            await page.locator(`#chart-${id} .chart-share__actions:not([hidden])`).waitFor({ state: 'attached', timeout: 60_000 });
          }
          await page.waitForLoadState('networkidle');
          const found = complaints(messages);
          assert.deepEqual(found, [], `console messages on ${address}:\n${formatMessages(found)}`);
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });
    }
  }

  // An embed answers hover and keys from its value map; its island (the drawing code)
  // wakes when the picture must change, as when its address hides a series.
  test('every chart page in both languages hydrates without a warning or an error once a reader engages with it hiding a series', async () => {
    const { page, problems, messages, close } = await openPage(site.url, { goto: false });
    try {
      for (const locale of LOCALES) {
        for (const id of CHART_PAGES) {
          messages.length = 0;
          problems.length = 0;
          await page.goto(`${site.url}${chartPage(id, locale)}?hide=0`, { waitUntil: 'load' });
          await page.mouse.move(10, 10);
          await page.mouse.move(200, 200);
          await wakeCard(page, id, { timeout: 60_000 });
          const found = complaints(messages);
          assert.deepEqual(found, [], `console messages on ${chartPage(id, locale)}:\n${formatMessages(found)}`);
          assert.deepEqual(problems, [], formatProblems(problems));
        }
      }
    } finally {
      await close();
    }
  });
});
