// Site-wide behaviour beyond the shell: both themes pass axe on the shell pages, the theme
// choice persists, the head follows the language, figures open their sources, the data page
// offers JSON and CSV whose hashes match, and the methodology shows figures that disagree.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { builtSiteSuite } from '../lib/suite.mjs';
import {
  VIEWPORTS,
  openPage,
  waitForApp,
  screenshot,
  checkA11y,
  formatViolations,
  formatProblems,
} from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const PAGES = ['', 'initiative', 'azerbaijan', 'nextgen', 'climate', 'data', 'sources', 'about', 'no-such-page'];
const THEMES = ['light', 'dark'];

describe('site', () => {
  const { site, test } = builtSiteSuite();

  /** Opens a route with the theme chosen through the app's own toggle storage. */
  async function open(hash, { theme, viewport = VIEWPORTS.desktop } = {}) {
    const opened = await openPage(site.url, { viewport, goto: false });
    if (theme) {
      // Only a first visit gets the starting theme; a reload keeps what the page stored.
      await opened.context.addInitScript((t) => {
        if (!localStorage.getItem('klaster-theme')) localStorage.setItem('klaster-theme', t);
      }, theme);
    }
    await opened.page.goto(`${site.url}${hash}`);
    await waitForApp(opened.page);
    return opened;
  }

  /** Waits until the page's loading states are gone (data rendered or failed). */
  async function settled(page) {
    await page.waitForFunction(() => !document.querySelector('.status[role=status]'), null, { timeout: 20_000 });
  }

  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      for (const slug of PAGES) {
        const hash = `#/${locale}/${slug}`;
        test(`axe finds no violations on ${hash} in the ${theme} theme`, async () => {
          const { page, problems, close } = await open(hash, { theme });
          try {
            await settled(page);
            assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
            const violations = await checkA11y(page);
            assert.deepEqual(violations, [], `axe violations on ${hash} (${theme}):\n${formatViolations(violations)}`);
            assert.deepEqual(problems, [], formatProblems(problems));
            if (slug !== 'no-such-page') {
              await screenshot(page, `${slug || 'home'}-${locale}-desktop-${theme}`);
              await page.setViewportSize(VIEWPORTS.phone);
              await screenshot(page, `${slug || 'home'}-${locale}-phone-${theme}`);
            }
          } finally {
            await close();
          }
        });
      }
    }
  }

  for (const locale of LOCALES) {
    test(`every page reflows at 320 px without horizontal scrolling (${locale})`, async () => {
      for (const slug of PAGES) {
        const { page, close } = await open(`#/${locale}/${slug}`, { viewport: { width: 320, height: 640 } });
        try {
          await settled(page);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 320, `#/${locale}/${slug} is ${width}px wide at a 320px viewport`);
        } finally {
          await close();
        }
      }
    });

    // Node ships full ICU; Debian's Chromium has no Azerbaijani number or date data (it
    // formats az as root: "1,234,567.5", "2026 M01 23"), which is why the app formats
    // with its own CLDR rules. This pins them to ICU's output.
    test(`numbers and dates shown match CLDR as ICU formats them (${locale})`, async () => {
      const { page, close } = await open(`#/${locale}/data`);
      try {
        await settled(page);
        const sizes = await page.evaluate(() =>
          [...document.querySelectorAll('.resource__meta dd:nth-of-type(1)')].map((dd) => dd.textContent.trim().split(' ')[0]),
        );
        assert.ok(sizes.length >= 9, 'one size per resource');
        const format = new Intl.NumberFormat(locale);
        for (const shown of sizes) {
          assert.equal(shown, format.format(Number(shown.replace(/[^0-9]/g, ''))));
        }
        await page.goto(`${site.url}#/${locale}/`);
        await waitForApp(page);
        await settled(page);
        await page.locator('.figure button.figure__toggle').first().click();
        const asOf = (await page.locator('.figure__details dd').first().textContent()).trim();
        const dates = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
        assert.equal(asOf, dates.format(new Date(2026, 0, 15)), 'the 40-cluster figure is as of January 2026');
      } finally {
        await close();
      }
    });
  }

  test('a server error is retried and the data then shows', async () => {
    const { page, context, close } = await openPage(site.url, { goto: false });
    try {
      let calls = 0;
      await context.route('**/data/sources.json', async (route) => {
        calls += 1;
        if (calls === 1) await route.fulfill({ status: 503, body: 'busy' });
        else await route.continue();
      });
      await page.goto(`${site.url}#/en/sources`);
      await waitForApp(page);
      await settled(page);
      assert.equal(calls, 2, 'one failure, one retry');
      assert.ok((await page.locator('.source-list li').count()) >= 50);
      assert.equal(await page.locator('.status--error').count(), 0);
    } finally {
      await close();
    }
  });

  test('a missing file is not retried: a bilingual error panel offers to try again', async () => {
    const { page, context, close } = await openPage(site.url, { goto: false });
    try {
      let calls = 0;
      let missing = true;
      await context.route('**/data/datapackage.json', async (route) => {
        calls += 1;
        if (missing) await route.fulfill({ status: 404, body: 'gone' });
        else await route.continue();
      });
      await page.goto(`${site.url}#/az/data`);
      await waitForApp(page);
      await settled(page);
      assert.equal(calls, 1, 'a 404 is final');
      const panel = page.locator('.status--error').first();
      assert.match(await panel.textContent(), /HTTP 404/);
      assert.match(await panel.textContent(), /alınmadı/);
      assert.equal(await page.locator('h1').count(), 1, 'the rest of the page still renders');
      missing = false;
      await panel.locator('button').click();
      await page.locator('.resource').first().waitFor();
      assert.equal(await page.locator('.status--error').count(), 0);
    } finally {
      await close();
    }
  });

  test('switching language keeps the page and what the reader opened', async () => {
    const { page, problems, close } = await open('#/en/');
    try {
      await settled(page);
      const toggle = page.locator('.figure button.figure__toggle').first();
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.click('header a[hreflang="az"]');
      await page.waitForFunction(() => document.documentElement.lang === 'az');
      assert.equal(await page.evaluate(() => location.hash), '#/az/');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the open details stay open');
      assert.match(await toggle.textContent(), /Mənbə/);
      assert.match(await page.locator('.figure__details').first().textContent(), /Tarix/);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('print shows every figure with its sources and hides the navigation', async () => {
    const { page, close } = await open('#/en/initiative');
    try {
      await settled(page);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('nav').first().isVisible(), false, 'navigation is not printed');
      assert.equal(await page.locator('header .theme-toggle').isVisible(), false);
      const panels = page.locator('.sourced__panel, .figure__details');
      const count = await panels.count();
      assert.ok(count > 10);
      for (let i = 0; i < count; i += 1) {
        assert.equal(await panels.nth(i).isVisible(), true, `details ${i} are printed`);
      }
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    } finally {
      await close();
    }
  });

  test('the theme toggle switches to dark and the choice survives a reload', async () => {
    const { page, close } = await open('#/en/', { theme: 'light' });
    try {
      const toggle = page.locator('header button.theme-toggle');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), background);
      assert.notEqual(background, 'rgb(251, 250, 247)', 'the dark theme must change the page background');
    } finally {
      await close();
    }
  });

  test('the meta description and hreflang alternates follow the language and page', async () => {
    const { page, close } = await open('#/az/sources');
    try {
      const head = () =>
        page.evaluate(() => ({
          description: document.querySelector('meta[name=description]')?.content,
          alternates: Object.fromEntries(
            [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.hreflang, l.href]),
          ),
        }));
      const az = await head();
      assert.match(az.description, /mənbələr/i);
      assert.match(az.alternates.az, /#\/az\/sources$/);
      assert.match(az.alternates.en, /#\/en\/sources$/);
      assert.match(az.alternates['x-default'], /#\/en\/sources$/);
      await page.click('header a[hreflang="en"]');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await head();
      assert.notEqual(en.description, az.description);
      assert.match(en.description, /source/i);
    } finally {
      await close();
    }
  });

  for (const viewport of ['phone', 'desktop']) {
    test(`a key figure on the home page opens its source, date and confidence (${viewport})`, async () => {
      const { page, problems, close } = await open('#/en/', { viewport: VIEWPORTS[viewport] });
      try {
        await settled(page);
        const card = page.locator('.figure').first();
        const details = card.locator('.figure__details');
        assert.equal(await details.isVisible(), false);
        await card.locator('button.figure__toggle').focus();
        await page.keyboard.press('Enter');
        assert.equal(await details.isVisible(), true);
        assert.equal(await card.locator('button.figure__toggle').getAttribute('aria-expanded'), 'true');
        const link = details.locator('a[href^="http"]').first();
        assert.ok(await link.count(), 'the details list a linked source');
        assert.match(await details.textContent(), /As of/);
        assert.match(await details.textContent(), /Confidence/);
        const unverified = await page.locator('.figure .badge[data-confidence=unverified]').count();
        assert.ok(unverified >= 1, 'the unverified pre-accession figures are marked in words');
        await screenshot(page, `home-en-${viewport}-figure-open`);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('the data page offers JSON and CSV downloads whose published hashes match', async () => {
    const { page, problems, close } = await open('#/en/data');
    try {
      await settled(page);
      const resources = page.locator('.resource');
      const listed = await page.evaluate(async () => (await (await fetch('data/datapackage.json')).json()).resources.length);
      assert.equal(await resources.count(), listed);
      assert.ok(listed >= 9, 'every resource of the package is listed');
      for (let i = 0; i < listed; i += 1) {
        const resource = resources.nth(i);
        const json = await resource.locator('a[href$=".json"][download]').getAttribute('href');
        const csv = await resource.locator('a[href$=".csv"][download]').getAttribute('href');
        const shown = (await resource.locator('code.hash').textContent()).trim();
        const body = await page.evaluate(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer()), json);
        const digest = crypto.createHash('sha256').update(Buffer.from(Object.values(body))).digest('hex');
        assert.equal(shown, digest, `${json}: the page shows the file's real SHA-256`);
        const text = await page.evaluate(async (u) => (await fetch(u)).text(), csv);
        const lines = text.split('\r\n').filter(Boolean);
        assert.ok(lines.length >= 2, `${csv} has a header and rows`);
        assert.match(await resource.locator('.citation').textContent(), /version 1\.0\.0, sha256:/);
      }
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('the methodology shows each pair of figures that disagree, side by side', async () => {
    const { page, problems, close } = await open('#/en/sources');
    try {
      await settled(page);
      const pairs = page.locator('.conflict-pair');
      assert.ok((await pairs.count()) >= 2, 'the package has at least two conflicting pairs');
      assert.equal(await pairs.first().locator('.figure').count(), 2);
      assert.ok((await page.locator('.source-list li').count()) >= 50, 'every source is listed');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
