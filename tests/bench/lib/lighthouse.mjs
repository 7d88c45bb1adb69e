// Lighthouse 12.2.3 with its defaults: mobile (Moto G Power screen), simulated throttling
// (slow 4G: 150 ms RTT, 1.6 Mbps down; 4x CPU slowdown), performance category only. Each
// run gets a fresh Chromium with a fresh profile.

import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, CHROMIUM_PATH } from './browser.mjs';

const AUDITS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
  interactiveMs: 'interactive',
  totalByteWeight: 'total-byte-weight',
  mainThreadMs: 'mainthread-work-breakdown',
  bootupMs: 'bootup-time',
};

/** Lighthouse's long tasks (on the simulated phone): script URL and duration. */
function longTasks(lhr) {
  return (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: t.url, startMs: t.startTime, ms: t.duration }));
}

/** Audits that could not run, with why (deduplicated by message). */
function auditErrors(lhr) {
  const byMessage = new Map();
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.scoreDisplayMode !== 'error') continue;
    const message = audit.errorMessage ?? 'error';
    byMessage.set(message, [...(byMessage.get(message) ?? []), id]);
  }
  return [...byMessage].map(([message, audits]) => ({ message, audits }));
}

/** The LCP element's selector and text, when Lighthouse names it. */
function lcpElement(lhr) {
  const items = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = items.flatMap((item) => item.items ?? [item]).find((i) => i.node)?.node;
  return node ? { selector: node.selector ?? null, snippet: node.snippet ?? null } : null;
}

/** The LCP's phases (time to first byte, load delay, load time, render delay), in ms. */
function lcpPhases(lhr) {
  const items = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const table = items.find((i) => i.type === 'table' && i.items?.some((row) => row.phase));
  return table ? Object.fromEntries(table.items.map((row) => [row.phase, row.timing])) : null;
}

export async function lighthouseRun(url) {
  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const lhr = result.lhr;
    const run = {
      score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
      runtimeError: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings ?? [],
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      lcpElement: lcpElement(lhr),
      lcpPhases: lcpPhases(lhr),
      longTasks: longTasks(lhr),
      auditErrors: auditErrors(lhr),
      lighthouseVersion: lhr.lighthouseVersion,
      settings: {
        formFactor: lhr.configSettings.formFactor,
        throttlingMethod: lhr.configSettings.throttlingMethod,
        throttling: lhr.configSettings.throttling,
        screen: lhr.configSettings.screenEmulation,
      },
    };
    for (const [key, audit] of Object.entries(AUDITS)) run[key] = lhr.audits[audit]?.numericValue ?? null;
    return run;
  } finally {
    await chrome.kill();
    await fsp.rm(userDataDir, { recursive: true, force: true });
  }
}

export async function lighthouseRuns(url, runs) {
  const out = [];
  for (let i = 0; i < runs; i += 1) {
    try {
      out.push(await lighthouseRun(url));
    } catch (error) {
      out.push({ runtimeError: String(error?.message ?? error) });
    }
  }
  return out;
}
