// First loads on Lighthouse's phone screen and its 4x slower CPU, with an empty cache and
// no network throttling: every request, tagged with the phase it was made in, and the
// layout shifts and largest paints as a phone sees them. Sizes are `cargo xtask bench`'s.
//
// - A portal page: `load` (loaded and settled, no scrolling; the islands within 400 px of
//   the first viewport wake by design), then `more` (scrolled to every chart until each
//   is live). Service workers are blocked, so every request is the page's own.
// - Its service worker, in a second visit that allows it: what it fetches to install.
// - An embed: `load` (5 s after the load event, no interaction), then `more` (the first
//   hover: the picture's value map and the first tooltip; the drawing code waits for a
//   legend press).

import { MOBILE, SLOW_4G, memory, settle, sleep, wakeEveryChart, withTimeout } from './browser.mjs';

/** One request as the accounting needs it; the file under dist/ is resolved in Rust. */
async function describe(request, origin, phase) {
  const response = await withTimeout(request.response().catch(() => null), 5_000);
  const sizes = await withTimeout(request.sizes().catch(() => null), 5_000);
  const url = new URL(request.url());
  const failure = request.failure();
  return {
    url: url.href,
    path: url.origin === origin ? url.pathname : null,
    type: request.resourceType(),
    status: response?.status() ?? null,
    failed: failure ? failure.errorText : null,
    transferBytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : null,
    phase,
  };
}

/** In the page, from the first byte: the largest paints and the layout shifts, with
 * the elements involved (the evidence for a missed LCP or CLS budget). */
function recordPaintEntries() {
  const name = (node) => {
    if (!node || node.nodeType !== 1) return null;
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    return `${node.nodeName.toLowerCase()}${cls}`;
  };
  window.__lcp = [];
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push({ ms: e.startTime, element: name(e.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // Each element that moved: grown or shrunk, else how far it moved.
  const moved = ({ node, previousRect: a, currentRect: b }) =>
    a.height !== b.height
      ? `${name(node)} ${Math.round(a.height)} → ${Math.round(b.height)} px high`
      : `${name(node)} ${b.y > a.y ? 'down' : 'up'} ${Math.round(Math.abs(b.y - a.y))} px`;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.__shifts.push({ ms: e.startTime, value: e.value, sources: (e.sources ?? []).map(moved) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** A fresh phone-sized context whose requests are recorded with `phase.now`. */
async function open(browser, origin, serviceWorkers) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers });
  await context.addInitScript(recordPaintEntries);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
  const phase = { now: 'load' };
  const started = new Map();
  const pending = [];
  context.on('request', (request) => started.set(request, request.serviceWorker() ? 'service-worker' : phase.now));
  const done = (request) => pending.push(describe(request, origin, started.get(request) ?? phase.now));
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return { context, page, phase, requests: () => Promise.all(pending) };
}

const islands = (page) =>
  page.evaluate(() => ({
    cards: document.querySelectorAll('.chart-card').length,
    woken: document.querySelectorAll('leptos-island[data-awake]').length,
  }));

const paintEntries = (page) =>
  withTimeout(page.evaluate(() => ({ lcp: window.__lcp, shifts: window.__shifts })).catch(() => ({})), 10_000, {});

export async function portalLoad(browser, origin, address) {
  const { context, page, phase, requests } = await open(browser, origin, 'block');
  const started = Date.now();
  await page.goto(origin + address, { waitUntil: 'load' });
  const settled = await settle(page);
  const settledMs = Date.now() - started;
  const atLoad = await islands(page);
  const paints = await paintEntries(page);
  phase.now = 'more';
  await wakeEveryChart(page);
  const result = { address, settledMs, settled: !settled.timedOut, islands: atLoad, ...paints, memory: await memory(page) };
  await context.close();
  return { ...result, requests: await requests() };
}

/** What the page's service worker fetches to install, after a first visit. */
export async function serviceWorkerLoad(browser, origin, address) {
  const { context, page, requests } = await open(browser, origin, 'allow');
  await page.goto(origin + address, { waitUntil: 'load' });
  await settle(page);
  const installed = await withTimeout(
    page.evaluate(() => navigator.serviceWorker?.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => true) : false)) ?? false),
    20_000,
    false,
  );
  await page.waitForLoadState('networkidle').catch(() => {});
  await sleep(500);
  await context.close();
  return { address, installed, requests: (await requests()).filter((r) => r.phase === 'service-worker') };
}

export async function embedLoad(browser, origin, address) {
  const { context, page, phase, requests } = await open(browser, origin, 'block');
  await page.goto(origin + address, { waitUntil: 'load' });
  await sleep(5_000);
  const atLoad = await islands(page);
  const paints = await paintEntries(page);
  phase.now = 'more';
  const tooltipAt = await hoverUntilTooltip(page);
  await page.waitForLoadState('networkidle').catch(() => {});
  const result = { address, islands: atLoad, tooltipAt, ...paints, memory: await memory(page) };
  await context.close();
  return { ...result, requests: await requests() };
}

/**
 * Moves the pointer over the first chart as a reader does, row after row across its
 * plot, until a tooltip shows or `timeout` passes. The first move is the pointer-over
 * that wakes an embed. Returns where the tooltip showed (fractions of the plot's box),
 * or null. Given `at`, the pointer stays there, moving a pixel to and fro.
 */
export async function hoverUntilTooltip(page, { timeout = 60_000, at = null } = {}) {
  const island = page.locator('.chart-card leptos-island').first();
  await island.scrollIntoViewIfNeeded();
  const box = await island.boundingBox();
  if (!box) return null;
  // A tooltip shows only while the pointer is on a value: watched for, not looked for.
  await page.evaluate(() => {
    window.__tooltipSeen = false;
    new MutationObserver((_, observer) => {
      if (document.querySelector('.chart-tooltip')) {
        window.__tooltipSeen = true;
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  const rows = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];
  const columns = Array.from({ length: 40 }, (_, i) => 0.01 + (0.98 * i) / 39);
  const spots = at ? [at, { x: at.x + 1 / box.width, y: at.y }] : rows.flatMap((y) => columns.map((x) => ({ x, y })));
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const spot of spots) {
      await page.mouse.move(box.x + box.width * spot.x, box.y + box.height * spot.y);
      if (await page.evaluate(() => window.__tooltipSeen)) return spot;
      if (at) await sleep(50);
    }
  }
  return null;
}
