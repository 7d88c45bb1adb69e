// Headless Debian Chromium for the timing and size measurements (playwright-core),
// and the small in-page helpers they share.

import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KLASTER_CHROMIUM || '/usr/bin/chromium';

/** The flags the brief fixes for every benchmark browser (Lighthouse's too). */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's default mobile screen (Moto G Power), for the first-load pages. */
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

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

/** The number of chart cards, and whether each has painted (or shows its error). */
function chartState() {
  const root = document.documentElement;
  const started = root.dataset.appReady === 'true' || root.dataset.bootFailed === 'true';
  const cards = [...document.querySelectorAll('figure.chart-card')];
  const painted = cards.every(
    (card) =>
      Number(card.querySelector('.chart-card__canvas canvas')?.dataset.draws ?? 0) >= 1 ||
      card.querySelector('.status--error') !== null,
  );
  return { ready: started && painted, cards: cards.length };
}

/**
 * Waits until the page has settled: the app says it is ready (or its boot failed),
 * every chart card has painted once (or shows its error), the network has been idle,
 * and no new card has appeared since (pages add cards as their data arrives). Returns
 * whether that happened within `timeout`.
 */
export async function settle(page, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  let cards = -1;
  try {
    while (Date.now() < deadline) {
      const state = await page.evaluate(chartState).catch(() => null);
      if (!state?.ready) {
        await sleep(100);
        continue;
      }
      if (state.cards === cards) return true;
      cards = state.cards;
      await page.waitForLoadState('networkidle', { timeout: Math.max(1, deadline - Date.now()) });
      await sleep(300);
    }
    return false;
  } catch {
    return false;
  }
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

/** The app's JS module (its key in the page's import map), as an absolute URL. */
export function appModuleUrl(page) {
  return page.evaluate(() => {
    const map = document.querySelector('script[type="importmap"]');
    const key = map && Object.keys(JSON.parse(map.textContent).integrity ?? {})[0];
    return key ? new URL(key, location.href).href : null;
  });
}

/** The app's wasm memory, in bytes: the module's exports, reached through its init. */
export async function wasmMemoryBytes(page) {
  const url = await appModuleUrl(page);
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

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
