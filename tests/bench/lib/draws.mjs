// Chart paint times in the page, from the canvases' `data-draw-ms` (set by the card
// after each paint): the first paint, then one repaint per window resize. The synthetic
// series go through the bench build's `klaster_bench_draw` (the card's own layout and
// paint). Long tasks are recorded while a reader hovers, uses the keyboard and switches
// the language.

import { DESKTOP, appModuleUrl, settle, sleep } from './browser.mjs';

/** Logs every paint of every chart canvas: {id, ms, at}. */
function recordPaints() {
  window.__paints = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const canvas = record.target;
      window.__paints.push({
        id: canvas.closest('figure.chart-card')?.id ?? 'canvas',
        ms: Number(canvas.getAttribute('data-draw-ms')),
        at: performance.now(),
        // Set by the long-task recorder while a reader interacts.
        phase: window.__phase ?? null,
      });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draw-ms'] });
}

/** Logs every long task with the phase it fell in. */
function recordLongTasks() {
  window.__phase = 'load';
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push({ phase: window.__phase, start: entry.startTime, ms: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

async function openDesktop(browser, url) {
  const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  await context.addInitScript(recordPaints);
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const settled = await settle(page);
  await sleep(300);
  return { context, page, settled };
}

const paints = (page) => page.evaluate(() => window.__paints.slice());

/** Widths the window alternates between; both change the width of the cards. */
const RESIZE_WIDTHS = [1024, 1280];

/**
 * For every chart card of `hash`: its first paint, and its paints after `redraws`
 * window resizes (all the paints one resize causes, and how many there were).
 */
export async function chartPaints(browser, origin, hash, redraws) {
  const { context, page, settled } = await openDesktop(browser, `${origin}/${hash}`);
  const load = await paints(page);
  const ids = [...new Set(load.map((p) => p.id))];
  const charts = ids.map((id) => ({
    id,
    firstMs: load.find((p) => p.id === id).ms,
    loadPaints: load.filter((p) => p.id === id).length,
    repaints: [],
    paintsPerResize: [],
  }));
  for (let i = 0; i < redraws; i += 1) {
    const before = (await paints(page)).length;
    const width = RESIZE_WIDTHS[i % RESIZE_WIDTHS.length];
    await page.setViewportSize({ width, height: DESKTOP.viewport.height });
    // Every card repaints at least once; then give a second repaint time to come.
    await page
      .waitForFunction(
        ([n, wanted]) => new Set(window.__paints.slice(n).map((p) => p.id)).size >= wanted,
        [before, ids.length],
        { timeout: 10_000, polling: 20 },
      )
      .catch(() => {});
    await sleep(150);
    const after = (await paints(page)).slice(before);
    for (const chart of charts) {
      const mine = after.filter((p) => p.id === chart.id);
      chart.repaints.push(...mine.map((p) => p.ms));
      chart.paintsPerResize.push(mine.length);
    }
  }
  await context.close();
  return { hash, settled, charts };
}

/**
 * The synthetic line series of `sizes` points, each laid out and painted `redraws`
 * times at alternating widths (after one first draw), one animation frame apart.
 */
export async function syntheticDraws(browser, benchOrigin, sizes, redraws) {
  const { context, page, settled } = await openDesktop(browser, `${benchOrigin}/#/en/about`);
  const moduleUrl = await appModuleUrl(page);
  const result = await page.evaluate(
    async ([url, counts, rounds]) => {
      const app = await import(url);
      if (typeof app.klaster_bench_draw !== 'function') throw new Error('this build has no klaster_bench_draw');
      const holder = document.createElement('div');
      holder.style.cssText = 'position:fixed;left:0;top:0;width:900px;z-index:9';
      const canvas = document.createElement('canvas');
      holder.append(canvas);
      document.body.append(holder);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const out = {};
      for (const count of counts) {
        const first = app.klaster_bench_draw(canvas, count, 800);
        await frame();
        const layout = [];
        const paint = [];
        for (let i = 0; i < rounds; i += 1) {
          const [l, p] = app.klaster_bench_draw(canvas, count, i % 2 ? 800 : 760);
          layout.push(l);
          paint.push(p);
          await frame();
        }
        out[count] = { first: { layoutMs: first[0], paintMs: first[1] }, layoutMs: layout, paintMs: paint };
      }
      holder.remove();
      return out;
    },
    [moduleUrl, sizes, redraws],
  );
  await context.close();
  return { settled, series: result };
}

/**
 * Long tasks on a chart page: while loading, then while a reader hovers across every
 * chart, steps through the first one with the keyboard, and switches the language.
 */
export async function longTasks(browser, origin, hash, otherLanguageHash) {
  const { context, page, settled } = await openDesktop(browser, `${origin}/${hash}`);
  const phases = ['load'];
  const phase = (name) => {
    phases.push(name);
    return page.evaluate((n) => { window.__phase = n; }, name);
  };

  for (const card of await page.locator('figure.chart-card').all()) {
    const canvas = card.locator('.chart-card__canvas canvas');
    await canvas.scrollIntoViewIfNeeded();
    await phase(`hover ${await card.getAttribute('id')}`);
    const box = await canvas.boundingBox();
    if (!box) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.move(box.x + box.width - 2, y, { steps: 24 });
    await page.mouse.move(box.x + box.width / 2, box.y + 2, { steps: 6 });
  }
  await page.mouse.move(0, 0);
  await sleep(200);

  await phase('keyboard');
  const plot = page.locator('.chart-card__plot').first();
  await plot.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'End', 'Home', 'Escape']) {
    await page.keyboard.press(key);
    await sleep(30);
  }
  await sleep(200);

  await phase('language');
  const lang = otherLanguageHash.split('/')[1];
  await page.locator(`header a[hreflang="${lang}"]`).first().click();
  await page.waitForFunction((h) => location.hash === h, otherLanguageHash, { timeout: 20_000 });
  await settle(page);
  await sleep(300);

  const tasks = await page.evaluate(() => window.__longTasks.slice());
  // Chart paints per phase, to tell how much of a long task is painting.
  const paintsByPhase = await page.evaluate(() => window.__paints.map((p) => ({ phase: p.phase, ms: p.ms })));
  await context.close();
  return { hash, settled, phases, tasks, paints: paintsByPhase };
}
