// On a desktop screen without throttling, after scrolling to every chart until it is
// live: chart paint times from the canvases' `data-draw-ms` (the first paint, then the
// repaints a window resize causes), the synthetic 10k/100k series through the bench
// build's `klaster_bench_draw`, and the long tasks while a reader hovers every chart,
// uses the keyboard and switches the theme.

import { DESKTOP, openBenchModule, settle, sleep, wakeEveryChart } from './browser.mjs';

/** Logs every paint of every chart canvas: {id, ms, phase}. */
function recordPaints() {
  window.__phase = 'load';
  window.__paints = [];
  window.__longTasks = [];
  new MutationObserver((records) => {
    for (const record of records) {
      window.__paints.push({
        id: record.target.closest('.chart-card')?.id ?? 'canvas',
        ms: Number(record.target.getAttribute('data-draw-ms')),
        phase: window.__phase,
      });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draw-ms'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ phase: window.__phase, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** A desktop page with every chart live. */
async function openAwake(browser, url) {
  const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  await context.addInitScript(recordPaints);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const woken = await wakeEveryChart(page);
  await sleep(300);
  return { context, page, woken };
}

const paints = (page) => page.evaluate(() => window.__paints.slice());
const setPhase = (page, name) => page.evaluate((n) => { window.__phase = n; }, name);

/** Widths the window alternates between; both change the width of the cards. */
const RESIZE_WIDTHS = [1024, 1280];

/** Per chart card of `address`: its first paint, and its repaints over `redraws` resizes. */
export async function chartPaints(browser, origin, address, redraws) {
  const { context, page, woken } = await openAwake(browser, origin + address);
  const load = await paints(page);
  const charts = [...new Set(load.map((p) => p.id))].map((id) => ({ id, firstMs: load.find((p) => p.id === id).ms, repaintsMs: [] }));
  for (let i = 0; i < redraws; i += 1) {
    const before = (await paints(page)).length;
    await page.setViewportSize({ width: RESIZE_WIDTHS[i % 2], height: DESKTOP.viewport.height });
    await page
      .waitForFunction(([n, wanted]) => new Set(window.__paints.slice(n).map((p) => p.id)).size >= wanted, [before, charts.length], {
        timeout: 10_000,
        polling: 20,
      })
      .catch(() => {});
    await sleep(150);
    const after = (await paints(page)).slice(before);
    for (const chart of charts) chart.repaintsMs.push(...after.filter((p) => p.id === chart.id).map((p) => p.ms));
  }
  await context.close();
  return { address, cards: woken.cards, charts };
}

/** The synthetic line series of `sizes` points, each laid out and painted `redraws` times
 * at alternating widths (after one first draw), one animation frame apart, by the bench
 * build's module on a page of its own. */
export async function syntheticDraws(browser, benchOrigin, sizes, redraws) {
  const { context, page } = await openBenchModule(browser, benchOrigin);
  const series = await page.evaluate(
    async ([counts, rounds]) => {
      const app = window.__bench;
      if (typeof app.klaster_bench_draw !== 'function') throw new Error('this build has no klaster_bench_draw');
      const holder = document.createElement('div');
      holder.style.cssText = 'position:fixed;left:0;top:0;width:900px;z-index:9';
      const canvas = document.createElement('canvas');
      holder.append(canvas);
      document.body.append(holder);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const out = {};
      for (const count of counts) {
        const [firstLayoutMs, firstPaintMs] = app.klaster_bench_draw(canvas, count, 800);
        await frame();
        const redrawMs = [];
        for (let i = 0; i < rounds; i += 1) {
          const [layout, paint] = app.klaster_bench_draw(canvas, count, i % 2 ? 800 : 760);
          redrawMs.push(layout + paint);
          await frame();
        }
        out[count] = { firstMs: firstLayoutMs + firstPaintMs, redrawMs };
      }
      holder.remove();
      return out;
    },
    [sizes, redraws],
  );
  await context.close();
  return series;
}

/** Long tasks on `address` once every chart is live: hovering across each chart, the
 * keyboard on the first, the theme switched to dark and back. */
export async function longTasks(browser, origin, address) {
  const { context, page } = await openAwake(browser, origin + address);
  const phases = [];
  const phase = (name) => {
    phases.push(name);
    return setPhase(page, name);
  };
  for (const card of await page.locator('.chart-card').all()) {
    const plot = card.locator('.chart-card__plot');
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) continue;
    await phase(`hover ${await card.getAttribute('id')}`);
    for (const row of [0.3, 0.5, 0.7]) {
      await page.mouse.move(box.x + 2, box.y + box.height * row);
      await page.mouse.move(box.x + box.width - 2, box.y + box.height * row, { steps: 24 });
    }
  }
  await setPhase(page, 'between');
  await page.mouse.move(0, 0);
  await sleep(200);

  const plot = page.locator('.chart-card__plot').first();
  await plot.scrollIntoViewIfNeeded();
  await phase('keys');
  await plot.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'End', 'Home', 'Escape']) {
    await page.keyboard.press(key);
    await sleep(30);
  }
  await sleep(200);

  await phase('theme');
  const toggle = page.locator('[data-theme-toggle]').first();
  for (let i = 0; i < 2; i += 1) {
    await toggle.click();
    await sleep(400);
  }
  await setPhase(page, 'end');
  const tasks = await page.evaluate(() => window.__longTasks.slice());
  await context.close();
  return { address, phases, tasks };
}
