// Headless Debian Chromium driven by playwright-core, plus the helpers the
// specs share: openPage (with a `problems` collector and every console message),
// screenshot and checkA11y (axe-core).
//
// Never call `npx playwright install`: this machine cannot download browser
// builds; we drive the system Chromium instead.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Folder for screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(here, '..', 'artifacts');

export const CHROMIUM_PATH = process.env.KLASTER_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

let browserPromise = null;
let userDataRoot = null;

/**
 * The shared browser of this test file (launched on first use).
 * Each launch gets a fresh temporary profile folder, removed by closeBrowser();
 * every openPage() additionally gets its own fresh (incognito-like) context.
 */
export function getBrowser() {
  if (!browserPromise) {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package ` +
          '(apt-get install chromium) or set KLASTER_CHROMIUM',
      );
    }
    browserPromise = (async () => {
      userDataRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-e2e-'));
      return chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        // Playwright makes its own profile dir under TMPDIR; keep it in ours.
        env: { ...process.env, TMPDIR: userDataRoot },
        timeout: 60_000,
      });
    })();
  }
  return browserPromise;
}

/** Close the shared browser and delete its temporary profile folder. */
export async function closeBrowser() {
  if (!browserPromise) return;
  const p = browserPromise;
  browserPromise = null;
  try {
    const browser = await p;
    await browser.close();
  } catch {
    // launch failed; nothing to close
  }
  if (userDataRoot) {
    await fsp.rm(userDataRoot, { recursive: true, force: true });
    userDataRoot = null;
  }
}

/**
 * Open `url` in a new browser context and return the page.
 *
 * `problems` collects, from the moment the page exists:
 *   - every console message of type "error",
 *   - every uncaught exception (`pageerror`),
 *   - every failed request (`requestfailed`),
 *   - every response with status >= 400,
 * each as {kind, url, text}; a test asserts `assert.deepEqual(problems, [])`.
 * `messages` lists every console message of any type as {type, text, url}, for tests
 * that also refuse warnings (hydration). `requests` lists the URL of every request the
 * page made.
 *
 * @param {string} url
 * @param {{locale?: string, viewport?: {width:number,height:number}, goto?: boolean,
 *          bypassCSP?: boolean, deviceScaleFactor?: number, serviceWorkers?: 'block' | 'allow',
 *          javaScriptEnabled?: boolean, theme?: 'light' | 'dark'}} [options]
 *   locale: the browser's locale (navigator.language(s), Accept-Language), default "en-US";
 *   goto: false to get the page without navigating;
 *   deviceScaleFactor: the screen's devicePixelRatio, default 1;
 *   serviceWorkers: 'allow' only for the offline test; the default 'block' keeps a worker
 *   from one test out of the others;
 *   javaScriptEnabled: false for a reader without scripts (the page's own scripts do not
 *   run; the test's evaluate calls still do);
 *   theme: the reader's saved choice (localStorage klaster-theme) on a first visit, which
 *   the page's head script applies before the first paint.
 * @returns {Promise<{page: import('playwright-core').Page,
 *   context: import('playwright-core').BrowserContext,
 *   problems: {kind: string, url: string, text: string}[],
 *   messages: {type: string, url: string, text: string}[],
 *   requests: string[], close: () => Promise<void>}>}
 */
export async function openPage(url, { locale = 'en-US', viewport = VIEWPORTS.desktop, goto = true, bypassCSP = false, deviceScaleFactor = 1, serviceWorkers = 'block', javaScriptEnabled = true, theme = null, touch = false } = {}) {
  const browser = await getBrowser();
  const context = await browser.newContext({
    locale,
    viewport,
    bypassCSP,
    deviceScaleFactor,
    serviceWorkers,
    javaScriptEnabled,
    // A phone: taps are touches, and the page is laid out as a phone's browser does.
    hasTouch: touch,
    isMobile: touch,
  });
  if (theme) {
    // Only a first visit gets the starting theme; a reload keeps what the page stored.
    // (A sandboxed frame has no storage: it keeps its own.)
    await context.addInitScript((t) => {
      try {
        if (!localStorage.getItem('klaster-theme')) localStorage.setItem('klaster-theme', t);
      } catch {}
    }, theme);
  }
  // Every Content-Security-Policy violation becomes a console error, so it is a problem.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile || 'document'}:${event.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  const messages = [];
  const requests = [];

  page.on('console', (msg) => {
    const where = msg.location();
    messages.push({ type: msg.type(), url: where?.url ?? page.url(), text: msg.text() });
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    problems.push({
      kind: 'console.error',
      url: loc?.url ? `${loc.url}${loc.lineNumber ? `:${loc.lineNumber}` : ''}` : page.url(),
      text: msg.text(),
    });
  });
  page.on('pageerror', (err) => {
    problems.push({
      kind: 'pageerror',
      url: page.url(),
      text: err?.stack || String(err),
    });
  });
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => {
    problems.push({
      kind: 'requestfailed',
      url: req.url(),
      text: req.failure()?.errorText ?? 'request failed',
    });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      problems.push({
        kind: 'http',
        url: res.url(),
        text: `${res.status()} ${res.statusText()}`.trim(),
      });
    }
  });

  if (goto) await page.goto(url, { waitUntil: 'load' });
  return { page, context, problems, messages, requests, close: () => context.close() };
}

/** Save a full-page PNG as tests/e2e/artifacts/<name>(.png); returns its path. */
export async function screenshot(page, name) {
  await fsp.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource = null;
function getAxeSource() {
  if (axeSource == null) {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/**
 * Run axe-core on the page and return its violations in a readable form:
 * [{id, impact, help, helpUrl, targets: [css selector, ...]}].
 *
 * axe is injected with page.evaluate (DevTools evaluation), which the page's
 * Content-Security-Policy does not block, unlike a <script> tag.
 */
export async function checkA11y(page, { tags = AXE_TAGS } = {}) {
  const script =
    `${getAxeSource()}\n;` +
    `(async () => {
       const r = await axe.run(document, {
         runOnly: { type: 'tag', values: ${JSON.stringify(tags)} },
         resultTypes: ['violations'],
       });
       return r.violations.map((v) => ({
         id: v.id,
         impact: v.impact,
         help: v.help,
         helpUrl: v.helpUrl,
         targets: v.nodes.map((n) => (Array.isArray(n.target) ? n.target.flat(Infinity).join(' ') : String(n.target))),
       }));
     })()`;
  return page.evaluate(script);
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}\n    ${v.helpUrl}`)
    .join('\n');
}

/** One line per problem, for assertion messages. */
export function formatProblems(problems) {
  return problems.map((p) => `- ${p.kind} ${p.url}: ${p.text}`).join('\n');
}
