// A first visit on a phone-sized screen with an empty cache: every request the page
// makes, what the service worker fetches in the background, the largest paints and
// layout shifts, then the memory the page holds.

import { MOBILE, jsHeapBytes, settle, sleep, wasmMemoryBytes, withTimeout } from './browser.mjs';

/** One request as the report needs it: the dist path is resolved by `cargo xtask bench`. */
async function describe(request, origin, phase) {
  const response = await withTimeout(request.response().catch(() => null), 5_000);
  const sizes = await withTimeout(request.sizes().catch(() => null), 5_000);
  const url = new URL(request.url());
  return {
    url: url.href,
    path: url.origin === origin ? url.pathname : null,
    type: request.resourceType(),
    status: response?.status() ?? null,
    contentType: (await withTimeout(response?.headerValue('content-type').catch(() => null), 5_000)) ?? null,
    contentEncoding: (await withTimeout(response?.headerValue('content-encoding').catch(() => null), 5_000)) ?? null,
    transferBytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : null,
    bodyBytes: sizes?.responseBodySize ?? null,
    phase,
  };
}

/**
 * Records, from the first byte, every largest-contentful-paint candidate and every
 * layout shift with the elements involved (Lighthouse 12.2.3 cannot name them with this
 * Chromium: its RootCauses gatherer fails).
 */
function recordPaintEntries() {
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? `#${node.nodeName.toLowerCase()}` : null;
    const id = node.id ? `#${node.id}` : '';
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    const words = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 70);
    const inFallback = node.closest?.('#static-fallback') ? ' (static HTML)' : '';
    return `${node.nodeName.toLowerCase()}${id}${cls}${inFallback}${words ? ` "${words}"` : ''}`;
  };
  window.__lcp = [];
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__lcp.push({ ms: e.startTime, size: e.size, element: describe(e.element) });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ ms: e.startTime, value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

export async function firstLoad(browser, origin, target) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  await context.addInitScript(recordPaintEntries);
  const page = await context.newPage();
  // The page's own requests, whenever made, are its first load; the service worker's
  // (its script and its install) are background.
  const phaseOf = (request) => (request.serviceWorker() ? 'service-worker' : 'page');
  const pending = [];
  context.on('requestfinished', (request) => pending.push(describe(request, origin, phaseOf(request))));
  context.on('requestfailed', (request) => {
    pending.push(
      describe(request, origin, phaseOf(request)).then((r) => ({
        ...r,
        failed: request.failure()?.errorText ?? 'failed',
      })),
    );
  });
  const started = Date.now();
  await page.goto(origin + target, { waitUntil: 'load' });
  const settled = await settle(page);
  const settledMs = Date.now() - started;
  // Then the service worker's install, after the page is usable.
  const worker = await page
    .evaluate(
      () =>
        navigator.serviceWorker
          ? Promise.race([
              navigator.serviceWorker.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => true) : false)),
              new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
            ])
          : false,
    )
    .catch(() => false);
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
  await sleep(500);
  const paints = await withTimeout(page.evaluate(() => ({ lcp: window.__lcp, shifts: window.__shifts })).catch(() => null), 10_000);
  const memory = {
    jsHeapBytes: await withTimeout(jsHeapBytes(page).catch(() => null), 10_000),
    wasmMemoryBytes: await withTimeout(wasmMemoryBytes(page).catch(() => null), 10_000),
  };
  const requests = await Promise.all(pending);
  await context.close();
  return { target, settled, settledMs, serviceWorkerInstalled: worker, requests, memory, ...paints };
}
