// Updates reach returning readers (issue 17). A reader visits with the service worker;
// the publisher corrects a figure (a new data release, stamped) and rebuilds the pages;
// then:
// - a page the reader left open says newer data is published, and its reload link shows
//   the new value;
// - a page the reader opens again shows the new value at once, with no such notice (it is
//   of the new release), and no console error;
// - the device keeps one release: the old cache is gone, and the new one holds the pages
//   the reader had, fetched again, with the app's files they name;
// - offline after that, the pages read come from this device with the new value and the
//   "saved on this device" notice.
// The rebuild is `cargo xtask pages` on a copy of the built site and its frames, which is
// how a publisher re-renders after a data change without building the app again.

import { describe, before, after, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT, requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { openPage, closeBrowser, formatProblems, screenshot } from '../lib/browser.mjs';

const FIGURE = 'ezda-2024-02-residents';
const PAGE = 'en/nextgen/';
const OTHER_PAGE = 'en/initiative/';

/** The figure's value as the nextgen page writes it (the sourced value's text). */
const valueText = (value) => `${value} companies`;

/** The published package with FIGURE corrected to `value` as a new release, stamped. */
function correctFigure(packageDir, value) {
  const file = path.join(packageDir, 'nextgen.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  let found = 0;
  for (const partner of data.partners) {
    for (const figure of partner.figures) {
      if (figure.id === FIGURE) {
        figure.value = value;
        found += 1;
      }
    }
  }
  assert.equal(found, 1, `${FIGURE} is in nextgen.json once`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  const descriptorFile = path.join(packageDir, 'datapackage.json');
  const descriptor = JSON.parse(fs.readFileSync(descriptorFile, 'utf8'));
  const [major, minor] = descriptor.version.split('.').map(Number);
  descriptor.version = `${major}.${minor + 1}.0`;
  descriptor.releases.unshift({
    version: descriptor.version,
    date: descriptor.releases[0].date,
    changes: [
      {
        kind: 'corrected',
        text: {
          az: 'Sınaq üçün: İZİA zonalarındakı rezidentlərin sayı düzəldilib.',
          en: 'For a test: the number of residents in EZDA zones is corrected.',
        },
        resources: ['nextgen'],
        ids: [FIGURE],
      },
    ],
  });
  fs.writeFileSync(descriptorFile, JSON.stringify(descriptor, null, 2));
  execFileSync('cargo', ['run', '-q', '-p', 'klaster-publish', '--', 'stamp', packageDir], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** The names of this origin's klaster caches and the addresses each holds. */
const savedFiles = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      if (name.startsWith('klaster-')) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return out;
  });

const sourcedValues = (page) => page.locator('main .sourced__text').allTextContents();

describe('a new data release reaches a returning reader; offline they keep the latest', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'klaster-update-'));
  const dist = path.join(work, 'dist');
  const packageDir = path.join(work, 'package');
  let site = null;
  let setupError = null;

  before(() => {
    try {
      const built = requireBuiltSite();
      const frames = `${built}-frames`;
      assert.ok(fs.existsSync(path.join(frames, 'portal.html')), `${frames} holds the pages' frames (cargo xtask build)`);
      fs.cpSync(built, dist, { recursive: true });
      fs.cpSync(frames, `${dist}-frames`, { recursive: true });
      fs.cpSync(path.join(REPO_ROOT, 'public', 'data'), packageDir, { recursive: true });
    } catch (error) {
      setupError = error;
    }
  });
  after(async () => {
    await closeBrowser();
    await site?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  test('visit, publish a corrected figure, revisit: the open page says so, a new visit shows it, offline keeps it', async () => {
    site = await serveStatic(dist);
    const { page, context, problems, close } = await openPage(`${site.url}${PAGE}`, { serviceWorkers: 'allow' });
    try {
      // First visit: the worker installs and takes the page; a second page is read too.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
      await page.reload();
      const old = fs.readFileSync(path.join(packageDir, 'nextgen.json'), 'utf8');
      const oldValue = JSON.parse(old).partners.flatMap((p) => p.figures).find((f) => f.id === FIGURE).value;
      const newValue = oldValue + 1;
      assert.ok((await sourcedValues(page)).includes(valueText(oldValue)), `the page shows ${valueText(oldValue)}`);
      const other = await context.newPage();
      await other.goto(`${site.url}${OTHER_PAGE}`);
      await other.close();
      const before = await savedFiles(page);
      assert.equal(Object.keys(before).length, 1, `one release saved: ${Object.keys(before)}`);
      const oldRelease = await page.getAttribute('html', 'data-release');
      assert.ok(oldRelease && Object.keys(before)[0] === `klaster-${oldRelease}`, 'the page names the release its worker saves under');

      // The publisher corrects the figure and renders the pages again.
      correctFigure(packageDir, newValue);
      execFileSync('cargo', ['xtask', 'pages', packageDir, dist], { cwd: REPO_ROOT, stdio: 'pipe' });
      const newRelease = /RELEASE = '([0-9a-f]+)'/.exec(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'))?.[1];
      assert.ok(newRelease && newRelease !== oldRelease, 'the rebuild is a new release');

      // The reader opens the page again in a new tab; the page left open learns of it.
      const again = await context.newPage();
      const againProblems = [];
      again.on('console', (m) => m.type() === 'error' && againProblems.push(m.text()));
      again.on('pageerror', (e) => againProblems.push(String(e)));
      await again.goto(`${site.url}${PAGE}`);
      assert.ok((await sourcedValues(again)).includes(valueText(newValue)), `a new visit shows ${valueText(newValue)}`);
      assert.equal(await again.getAttribute('html', 'data-release'), newRelease);
      await page.waitForSelector('[data-update-notice]:not([hidden])', { timeout: 20_000 });
      assert.match(await page.locator('[data-update-notice]').textContent(), /Newer data has been published/);
      assert.ok((await sourcedValues(page)).includes(valueText(oldValue)), 'the open page still shows what it was opened with');
      await screenshot(page, 'update-notice-en');
      assert.ok(await again.locator('[data-update-notice]').isHidden(), 'a page of the new release has no update notice');
      await Promise.all([page.waitForNavigation(), page.locator('[data-update-notice] [data-reload]').click()]);
      assert.ok((await sourcedValues(page)).includes(valueText(newValue)), 'after one reload the open page shows the new value');
      assert.deepEqual(againProblems, []);

      // One release on the device, with the reader's pages fetched again and their files.
      const after = await savedFiles(page);
      assert.deepEqual(Object.keys(after), [`klaster-${newRelease}`], 'the old release is deleted');
      const files = after[`klaster-${newRelease}`];
      for (const address of [PAGE, OTHER_PAGE]) {
        assert.ok(files.includes(`${site.url}${address}`), `${address} is saved under the new release: ${files.join(' ')}`);
      }
      const css = fs.readFileSync(path.join(dist, PAGE, 'index.html'), 'utf8').match(/main-[0-9a-f]+\.css/)[0];
      assert.ok(files.some((u) => u.endsWith(css)), `the pages' stylesheet ${css} is saved`);

      // Offline: the pages read come from this device, new value and notice.
      await context.setOffline(true);
      for (const address of [PAGE, OTHER_PAGE]) {
        await page.goto(`${site.url}${address}`);
        await page.waitForSelector('[data-saved-notice]:not([hidden])', { timeout: 10_000 });
        assert.equal(await page.getAttribute('html', 'data-release'), newRelease, `${address} offline is the new release`);
        const styled = await page.evaluate(() =>
          [...document.styleSheets].some((sheet) => /main-[0-9a-f]+\.css$/.test(sheet.href || '') && sheet.cssRules.length > 0),
        );
        assert.ok(styled, `${address} offline has its stylesheets`);
      }
      await page.goto(`${site.url}${PAGE}`);
      assert.ok((await sourcedValues(page)).includes(valueText(newValue)), 'offline, the page shows the latest value');
      await screenshot(page, 'update-offline-en');
      const real = problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(p.text));
      assert.deepEqual(real, [], formatProblems(real));
    } finally {
      await close();
    }
  });
});
