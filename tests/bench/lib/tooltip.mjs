// An embed on a slow phone: from the reader's first pointer-over (which fetches the
// picture's value map) to the chart answering (its value map in, `data-values`; or, where
// the drawing code was asked for, live) and to its first tooltip, with
// Chromium's own throttling set to the numbers of Lighthouse's mobile profile.

import { MOBILE, SLOW_4G, sleep } from './browser.mjs';
import { hoverUntilTooltip } from './first-load.mjs';

/** In the page: when the first pointer-over came, the chart went live, the first tooltip showed. */
function recordMoments() {
  window.__moments = {};
  const mark = (name) => {
    window.__moments[name] ??= performance.now();
  };
  document.addEventListener('pointerover', () => mark('over'), { capture: true, passive: true });
  new MutationObserver(() => {
    if (document.querySelector('.chart-card[data-live], .chart-card[data-values=""]')) mark('live');
    if (document.querySelector('.chart-tooltip')) mark('tooltip');
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live', 'data-values'] });
}

/** `at`: where the unthrottled visit saw a tooltip, so the pointer rests on a value from
 * its first move and the tooltip waits only for the chart. */
export async function tooltipTimes(browser, origin, address, runs, at) {
  const out = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
    await context.addInitScript(recordMoments);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_4G.rttMs,
      downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
      uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
    await page.goto(origin + address, { waitUntil: 'load', timeout: 60_000 });
    await sleep(1_000);
    const shown = (await hoverUntilTooltip(page, { timeout: 90_000, at })) !== null;
    const moments = await page.evaluate(() => window.__moments);
    await context.close();
    out.push({
      tooltipShown: shown,
      liveMs: moments.live != null ? moments.live - moments.over : null,
      tooltipMs: moments.tooltip != null ? moments.tooltip - moments.over : null,
    });
  }
  return { throttling: SLOW_4G, runs: out };
}
