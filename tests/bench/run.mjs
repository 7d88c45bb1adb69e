// The browser half of `cargo xtask bench`: measures the built site and writes the raw
// figures as one JSON file. Statistics, budgets and the report are `cargo xtask bench`'s.
//
//   node run.mjs --dist ../../dist --bench-dist ../../target/bench/dist \
//                --out ../../target/bench/browser.json [--lighthouse-runs 5] [--redraws 20]
//
// Every section is measured on its own: one that fails is recorded as {error} and the
// others still run.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, withTimeout } from './lib/browser.mjs';
import { browserDecode } from './lib/decode.mjs';
import { chartPaints, longTasks, syntheticDraws } from './lib/draws.mjs';
import { firstLoad } from './lib/first-load.mjs';
import { lighthouseRuns } from './lib/lighthouse.mjs';
import { serveDist } from './lib/server.mjs';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    'bench-dist': { type: 'string' },
    out: { type: 'string' },
    'lighthouse-runs': { type: 'string', default: '5' },
    redraws: { type: 'string', default: '20' },
  },
});
for (const required of ['dist', 'bench-dist', 'out']) {
  if (!options[required]) throw new Error(`--${required} is required`);
}
const lighthouseRunCount = Number(options['lighthouse-runs']);
const redraws = Number(options.redraws);

/** The embed the lead's build writes at the dist root; measured when present. */
const EMBED_FILE = 'chart-initiative-growth-en.html';

const PAGES = [
  { key: 'home', target: '/#/en/' },
  { key: 'chart', target: '/#/en/initiative' },
  { key: 'embed', target: `/${EMBED_FILE}`, file: EMBED_FILE },
];

/** Every page with chart cards, for the paint times. */
const CHART_PAGES = ['#/en/initiative', '#/en/nextgen', '#/en/climate', '#/en/azerbaijan'];

const SYNTHETIC_SIZES = [10_000, 100_000];

/** The interaction is repeated: one run's longest task is at the mercy of a busy machine. */
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

const site = await serveDist(options.dist);
const benchSite = await serveDist(options['bench-dist']);
const chromium = await launch();
const out = {
  chromium: chromium.version,
  node: process.version,
  redraws,
  lighthouseRuns: lighthouseRunCount,
  pages: {},
  lighthouse: {},
};

try {
  for (const page of PAGES) {
    const present = !page.file || fs.existsSync(path.join(options.dist, page.file));
    out.pages[page.key] = present
      ? await section(`first load of ${page.target}`, () => firstLoad(chromium.browser, site.origin, page.target))
      : { target: page.target, absent: true };
  }
  out.chartPaints = [];
  for (const hash of CHART_PAGES) {
    const paints = await section(`chart paints on ${hash}`, () => chartPaints(chromium.browser, site.origin, hash, redraws));
    out.chartPaints.push({ hash, ...paints });
  }
  out.synthetic = await section('synthetic 10k and 100k point series', () =>
    syntheticDraws(chromium.browser, benchSite.origin, SYNTHETIC_SIZES, redraws),
  );
  out.longTasks = [];
  for (let run = 1; run <= INTERACTION_RUNS; run += 1) {
    out.longTasks.push(
      await section(`long tasks while interacting, run ${run}`, () =>
        longTasks(chromium.browser, site.origin, '#/en/initiative', '#/az/initiative'),
      ),
    );
  }
  out.decode = await section('data package check in the browser', () => browserDecode(chromium.browser, benchSite.origin, redraws));
  await withTimeout(chromium.close(), 30_000);

  for (const page of PAGES) {
    if (out.pages[page.key]?.absent) continue;
    out.lighthouse[page.key] = await section(
      `lighthouse x${lighthouseRunCount} on ${page.target}`,
      () => lighthouseRuns(site.origin + page.target, lighthouseRunCount),
      lighthouseRunCount * 120_000,
    );
  }
} finally {
  await site.close();
  await benchSite.close();
}

await fsp.mkdir(path.dirname(options.out), { recursive: true });
await fsp.writeFile(options.out, `${JSON.stringify(out, null, 1)}\n`);
console.log(`    bench: wrote ${options.out}`);
// A section that timed out may still hold a browser; nothing is left to wait for.
process.exit(0);
