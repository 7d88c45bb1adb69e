// Headless Debian Chromium for the benchmark (playwright-core), and the in-page helpers
// the sections share: waiting for a page's islands, waking every chart, memory.

import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KLASTER_CHROMIUM || '/usr/bin/chromium';

/** The flags of every benchmark browser (Lighthouse's too). */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's default mobile screen (Moto G Power), for first loads. */
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

/** Lighthouse 12's mobile "slow 4G" (constants.js `throttling.mobileSlow4G`): 150 ms
 * round trip, 1.6 Mbps down, 750 kbps up, a 4x slower CPU. */
export const SLOW_4G = { rttMs: 150, downloadKbps: 1.6 * 1024, uploadKbps: 750, cpuSlowdown: 4 };

/** Launches Chromium with its own fresh profile folder; `close()` removes it. */
export async function launch() {
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-bench-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // performance.memory without rounding and bucketing.
    args: [...CHROME_FLAGS.filter((f) => f !== '--headless'), '--enable-precise-memory-info'],
    env: { ...process.env, TMPDIR: profile },
    timeout: 60_000,
  });
  return {
    browser,
    version: browser.version(),
    close: async () => {
      await browser.close();
      await fsp.rm(profile, { recursive: true, force: true });
    },
  };
}

/** In the page: how many chart islands have woken, and how many of those are done
 * (their card is live, or shows why not). */
function chartIslands() {
  const failed = document.documentElement.dataset.bootFailed === 'true';
  const cards = [...document.querySelectorAll('.chart-card')];
  const woken = cards.filter((card) => card.querySelector('leptos-island[data-awake][data-component^="ChartIsland"]'));
  const done = woken.filter((card) => failed || card.hasAttribute('data-live') || card.querySelector('.status--error'));
  return { cards: cards.length, woken: woken.length, done: done.length };
}

/**
 * Waits until the page has settled as a reader gets it: loaded, every chart island that
 * woke by itself (on the portal, those within 400 px of the viewport) live, and the
 * network idle. Returns the islands' count.
 */
export async function settle(page, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  let state = null;
  while (Date.now() < deadline) {
    await page.waitForLoadState('networkidle', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
    state = await page.evaluate(chartIslands).catch(() => null);
    if (state && state.done === state.woken) {
      await sleep(500);
      const again = await page.evaluate(chartIslands).catch(() => null);
      if (again && again.woken === state.woken && again.done === again.woken) return again;
    }
    await sleep(100);
  }
  return { ...state, timedOut: true };
}

/** Scrolls to every chart card in turn, waits until each is live, then settles. */
export async function wakeEveryChart(page, { timeout = 30_000 } = {}) {
  const count = await page.locator('.chart-card').count();
  for (let i = 0; i < count; i += 1) {
    await page.locator('.chart-card').nth(i).scrollIntoViewIfNeeded();
    await page
      .waitForFunction(
        (n) => {
          const card = document.querySelectorAll('.chart-card')[n];
          return card.hasAttribute('data-live') || card.querySelector('.status--error') !== null;
        },
        i,
        { timeout, polling: 50 },
      )
      .catch(() => {});
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  return settle(page, { timeout });
}

/** `promise`, or `fallback` when it has not settled within `ms`. */
export function withTimeout(promise, ms, fallback = null) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]);
}

/** The islands' JS module (its key in the page's import map), as an absolute URL. */
export function appModuleUrl(page) {
  return page.evaluate(() => {
    const map = document.querySelector('script[type="importmap"]');
    const key = map && Object.keys(JSON.parse(map.textContent).integrity ?? {}).find((k) => k.endsWith('.js') && !/boot/.test(k));
    return key ? new URL(key, location.href).href : null;
  });
}

/** The bench build's page: its JS module initialised with its wasm. Returns nothing;
 * `window.__bench` holds the module's exports. */
export async function openBenchModule(browser, benchOrigin) {
  const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${benchOrigin}/`, { waitUntil: 'load' });
  await page.evaluate(async () => {
    const meta = document.querySelector('meta[name="klaster-boot"]');
    const app = await import(new URL(meta.dataset.js, location.href).href);
    await app.default({ module_or_path: new URL(meta.dataset.wasm, location.href).href });
    window.__bench = app;
  });
  return { context, page };
}

/** The islands' wasm memory in bytes, or null when the page never loaded the wasm. */
export async function wasmMemoryBytes(page) {
  const woken = await page.evaluate(() => document.querySelector('leptos-island[data-awake]') !== null);
  const url = woken ? await appModuleUrl(page) : null;
  if (!url) return null;
  return page.evaluate(async (moduleUrl) => {
    const app = await import(moduleUrl);
    // Initialised already by the boot script, so this returns the instance's exports.
    const exports = await app.default();
    return exports.memory.buffer.byteLength;
  }, url);
}

/** The JS heap in use after a full garbage collection, in bytes. */
export async function jsHeapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const used = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await cdp.detach();
  return used;
}

export async function memory(page) {
  return {
    jsHeapBytes: await withTimeout(jsHeapBytes(page).catch(() => null), 10_000),
    wasmMemoryBytes: await withTimeout(wasmMemoryBytes(page).catch(() => null), 10_000),
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
