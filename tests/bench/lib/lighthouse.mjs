// Lighthouse 12.2.3 with its defaults: mobile (Moto G Power screen), simulated throttling
// (slow 4G: 150 ms RTT, 1.6 Mbps down; 4x CPU slowdown), performance category only. Each
// run gets a fresh Chromium with a fresh profile.

import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, CHROMIUM_PATH } from './browser.mjs';

/** The figures kept, by Lighthouse's audit id; the score's five metrics first. */
const AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  bytes: 'total-byte-weight',
};

async function lighthouseRun(url) {
  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: 'silent' });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const score = lhr.categories.performance.score;
    const run = {
      version: lhr.lighthouseVersion,
      error: lhr.runtimeError?.message ?? null,
      score: score == null ? null : Math.round(score * 100),
      metricScores: {},
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: t.url, ms: t.duration })),
      throttling: lhr.configSettings.throttling,
    };
    for (const [key, audit] of Object.entries(AUDITS)) {
      run[key] = lhr.audits[audit]?.numericValue ?? null;
      if (key !== 'bytes') run.metricScores[key] = lhr.audits[audit]?.score ?? null;
    }
    return run;
  } finally {
    await chrome.kill();
    await fsp.rm(userDataDir, { recursive: true, force: true });
  }
}

export async function lighthouseRuns(url, runs) {
  const out = [];
  for (let i = 0; i < runs; i += 1) out.push(await lighthouseRun(url).catch((error) => ({ error: String(error?.message ?? error) })));
  return out;
}
