// The browser half of `cargo xtask bench`: measures the built site as the plan says and
// writes the raw figures as one JSON file. Sizes, statistics, budgets and the report
// are `cargo xtask bench`'s.
//
//   node run.mjs ../../target/bench/plan.json
//
// The plan (written by xtask/src/bench.rs): dist, benchDist, out, lighthouseRuns,
// redraws, tooltipRuns, pages [{key, address, kind}], chartPages, interactionPage.
// Every section is measured on its own: one that fails is recorded as {error} and the
// others still run.

import fsp from 'node:fs/promises';
import path from 'node:path';
import { launch, withTimeout } from './lib/browser.mjs';
import { browserDecode } from './lib/decode.mjs';
import { chartPaints, longTasks, syntheticDraws } from './lib/draws.mjs';
import { embedLoad, portalLoad, serviceWorkerLoad } from './lib/first-load.mjs';
import { lighthouseRuns } from './lib/lighthouse.mjs';
import { serveDist } from './lib/server.mjs';
import { tooltipTimes } from './lib/tooltip.mjs';

const plan = JSON.parse(await fsp.readFile(process.argv[2], 'utf8'));
const SYNTHETIC_SIZES = [10_000, 100_000];
const INTERACTION_RUNS = 3;

/** Runs one section, at most `limitMs`; a failure or a time-out is its recorded error. */
async function section(name, work, limitMs = 180_000) {
  const started = Date.now();
  process.stdout.write(`    bench: ${name} ...`);
  try {
    const timedOut = Symbol('timed out');
    const value = await withTimeout(work(), limitMs, timedOut);
    if (value === timedOut) throw new Error(`did not finish within ${limitMs / 1000} s`);
    console.log(` ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return value;
  } catch (error) {
    console.log(` FAILED: ${error?.message ?? error}`);
    return { error: String(error?.stack ?? error) };
  }
}

const site = await serveDist(plan.dist);
const benchSite = await serveDist(plan.benchDist);
const chromium = await launch();
const { browser } = chromium;
const out = { chromium: chromium.version, node: process.version, pages: {}, lighthouse: {}, chartPaints: [], longTasks: [] };
const embed = plan.pages.find((p) => p.kind === 'embed');
// The service worker's install is the same from every portal page (it saves the site's
// root, the files it names and the data package): measured from the first.
const portal = plan.pages.find((p) => p.kind === 'portal');

try {
  for (const { key, address, kind } of plan.pages) {
    const load = kind === 'embed' ? embedLoad : portalLoad;
    out.pages[key] = await section(`first load of ${address}`, () => load(browser, site.origin, address));
  }
  if (portal) {
    out.serviceWorker = await section(`service worker installed from ${portal.address}`, () =>
      serviceWorkerLoad(browser, site.origin, portal.address),
    );
  }
  if (embed) {
    out.tooltip = await section(`${embed.address} on slow 4G: pointer-over to tooltip`, () =>
      tooltipTimes(browser, site.origin, embed.address, plan.tooltipRuns, out.pages[embed.key]?.tooltipAt ?? null),
    );
  }
  for (const address of plan.chartPages) {
    out.chartPaints.push(await section(`chart paints on ${address}`, () => chartPaints(browser, site.origin, address, plan.redraws)));
  }
  out.synthetic = await section('synthetic 10k and 100k point series', () =>
    syntheticDraws(browser, benchSite.origin, SYNTHETIC_SIZES, plan.redraws),
  );
  for (let run = 1; run <= INTERACTION_RUNS; run += 1) {
    out.longTasks.push(await section(`long tasks while interacting, run ${run}`, () => longTasks(browser, site.origin, plan.interactionPage)));
  }
  out.decode = await section('data package check in the browser', () => browserDecode(browser, benchSite.origin, site.origin, plan.redraws));
  await withTimeout(chromium.close(), 30_000);

  for (const { key, address } of plan.pages) {
    out.lighthouse[key] = await section(
      `lighthouse x${plan.lighthouseRuns} on ${address}`,
      () => lighthouseRuns(site.origin + address, plan.lighthouseRuns),
      plan.lighthouseRuns * 120_000,
    );
  }
} finally {
  await site.close();
  await benchSite.close();
}

await fsp.mkdir(path.dirname(plan.out), { recursive: true });
await fsp.writeFile(plan.out, `${JSON.stringify(out, null, 1)}\n`);
console.log(`    bench: wrote ${plan.out}`);
// A section that timed out may still hold a browser; nothing is left to wait for.
process.exit(0);
