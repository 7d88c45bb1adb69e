// The app shell: every page has the same landmarks, language, footer and
// licence; hash routing works from a sub-path, on reload and on first visit;
// the language switch keeps the page; unknown routes get a 404 page; and the
// home page has no axe violations.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import {
  VIEWPORTS,
  openPage,
  waitForApp,
  waitForRoute,
  screenshot,
  checkA11y,
  closeBrowser,
  formatViolations,
} from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const BROWSER_LOCALE = { az: 'az-AZ', en: 'en-US' };

/** What the shell of the current page looks like. */
async function readShell(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const h1s = [...document.querySelectorAll('h1')];
    return {
      hash: location.hash,
      pathname: location.pathname,
      lang: document.documentElement.lang,
      title: document.title,
      h1Count: h1s.length,
      h1: h1s[0]?.textContent.trim() ?? null,
      header: !!q('header'),
      nav: !!q('nav'),
      mainCount: document.querySelectorAll('main').length,
      footer: !!q('footer'),
      footerText: q('footer')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    };
  });
}

/** The shell assertions that hold for any page in `locale`. */
async function assertShell(page, locale) {
  const s = await readShell(page);
  assert.equal(s.lang, locale, `<html lang> should be "${locale}" on ${s.hash}`);
  assert.equal(s.h1Count, 1, `exactly one <h1> expected on ${s.hash}, found ${s.h1Count}`);
  assert.ok(s.h1, `the <h1> on ${s.hash} must not be empty`);
  assert.ok(s.header, `a <header> expected on ${s.hash}`);
  assert.ok(s.nav, `a <nav> expected on ${s.hash}`);
  assert.equal(s.mainCount, 1, `exactly one <main> expected on ${s.hash}, found ${s.mainCount}`);
  assert.ok(s.footer, `a <footer> expected on ${s.hash}`);
  const sourcesLinks = await page.locator(`footer a[href$="#/${locale}/sources"]`).count();
  assert.ok(sourcesLinks >= 1, `the footer on ${s.hash} should link to #/${locale}/sources`);
  assert.match(s.footerText, /CC BY 4\.0/, `the footer on ${s.hash} should name the licence CC BY 4.0`);
  return s;
}

describe('app shell', () => {
  let site; // dist served at /
  let subSite; // dist served under /portal/
  let setupError = null;

  before(async () => {
    try {
      const dist = requireBuiltSite(); // throws when the build is missing
      site = await serveStatic(dist);
      subSite = await serveStatic(dist, { base: '/portal/' });
    } catch (err) {
      setupError = err;
    }
  });

  // Every test fails (never skips, never "cancelled") when the site is missing.
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  after(async () => {
    await closeBrowser();
    await site?.close();
    await subSite?.close();
  });

  for (const locale of LOCALES) {
    for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
      test(`home #/${locale}/ on ${vpName} (${viewport.width}x${viewport.height}) has lang=${locale}, one h1, header/nav/main/footer, a footer link to sources, the CC BY 4.0 licence and no errors`, async () => {
        const { page, problems, close } = await openPage(`${site.url}#/${locale}/`, {
          locale: BROWSER_LOCALE[locale],
          viewport,
        });
        try {
          await waitForApp(page);
          const s = await assertShell(page, locale);
          assert.equal(s.hash, `#/${locale}/`, 'the home route must stay on its hash');
          await screenshot(page, `home-${locale}-${vpName}.png`);
          assert.deepEqual(problems, []);
        } finally {
          await close();
        }
      });
    }
  }

  for (const locale of LOCALES) {
    test(`home #/${locale}/ served under the sub-path /portal/ loads every asset from /portal/ and renders the same shell with no errors`, async () => {
      const { page, problems, requests, close } = await openPage(`${subSite.url}#/${locale}/`, {
        locale: BROWSER_LOCALE[locale],
      });
      try {
        await waitForApp(page);
        const s = await assertShell(page, locale);
        assert.equal(s.pathname, '/portal/', 'the app must not change the document path');
        assert.equal(s.hash, `#/${locale}/`);
        const outside = requests.filter(
          (u) => u.startsWith(subSite.origin) && !new URL(u).pathname.startsWith('/portal/'),
        );
        assert.deepEqual(outside, [], 'assets must be loaded relative to the page, not from the site root');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  for (const locale of LOCALES) {
    test(`reloading the deep route #/${locale}/sources shows the sources page again, not the home page`, async () => {
      // The home h1, read on its own (does not rely on another test's state).
      const home = await openPage(`${site.url}#/${locale}/`, { locale: BROWSER_LOCALE[locale] });
      let homeTitle;
      try {
        await waitForApp(home.page);
        homeTitle = (await readShell(home.page)).h1;
      } finally {
        await home.close();
      }

      const { page, problems, close } = await openPage(`${site.url}#/${locale}/sources`, {
        locale: BROWSER_LOCALE[locale],
      });
      try {
        await waitForApp(page);
        const first = await assertShell(page, locale);
        await page.reload({ waitUntil: 'load' });
        await waitForApp(page);
        const again = await assertShell(page, locale);
        assert.equal(again.hash, `#/${locale}/sources`, 'the reload must keep the route');
        assert.equal(again.h1, first.h1, 'the reloaded page must show the same h1 as before the reload');
        assert.notEqual(again.h1, homeTitle, 'the sources page h1 must differ from the home page h1');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  for (const [browserLocale, locale] of [
    ['az-AZ', 'az'],
    ['en-US', 'en'],
  ]) {
    test(`a first visit with no hash from a ${browserLocale} browser is redirected (location.replace) to #/${locale}/ with lang=${locale}`, async () => {
      // Control: how long is the history after opening the home route directly?
      const direct = await openPage(`${site.url}#/${locale}/`, { locale: browserLocale });
      let directHistoryLength;
      try {
        await waitForApp(direct.page);
        directHistoryLength = await direct.page.evaluate(() => history.length);
      } finally {
        await direct.close();
      }

      const { page, problems, close } = await openPage(site.url, { locale: browserLocale });
      try {
        await waitForRoute(page, `#/${locale}/`, { lang: locale });
        await assertShell(page, locale);
        const historyLength = await page.evaluate(() => history.length);
        assert.equal(
          historyLength,
          directHistoryLength,
          'the redirect must replace the history entry (location.replace), so Back does not bounce back to the redirect',
        );
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  test('the header language switch (hreflang) on #/en/sources leads to #/az/sources with lang=az, and back', async () => {
    const { page, problems, close } = await openPage(`${site.url}#/en/sources`, { locale: 'en-US' });
    try {
      await waitForApp(page);
      await assertShell(page, 'en');

      const toAz = page.locator('header [hreflang="az"]');
      assert.equal(await toAz.count(), 1, 'exactly one hreflang="az" switch expected in the header');
      const hrefAz = await toAz.getAttribute('href');
      assert.ok(hrefAz?.endsWith('#/az/sources'), `the switch should point at #/az/sources, got ${hrefAz}`);
      await toAz.click();
      await waitForRoute(page, '#/az/sources', { lang: 'az' });
      await assertShell(page, 'az');

      const toEn = page.locator('header [hreflang="en"]');
      assert.equal(await toEn.count(), 1, 'exactly one hreflang="en" switch expected in the header');
      await toEn.click();
      await waitForRoute(page, '#/en/sources', { lang: 'en' });
      await assertShell(page, 'en');

      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  for (const locale of LOCALES) {
    test(`the unknown route #/${locale}/no-such-page shows a 404 page with an h1, a link back to #/${locale}/ and "404" in the title`, async () => {
      const { page, problems, close } = await openPage(`${site.url}#/${locale}/no-such-page`, {
        locale: BROWSER_LOCALE[locale],
      });
      try {
        await waitForApp(page);
        const s = await assertShell(page, locale);
        assert.equal(s.hash, `#/${locale}/no-such-page`, 'the 404 page must not redirect away');
        assert.match(s.title, /404/, `document.title should contain "404", got ${JSON.stringify(s.title)}`);
        const backHome = await page.locator(`main a[href$="#/${locale}/"]`).count();
        assert.ok(backHome >= 1, `the 404 content (in <main>) should link back to #/${locale}/`);
        await screenshot(page, `404-${locale}-desktop.png`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  for (const locale of LOCALES) {
    test(`axe-core finds no WCAG 2.2 AA / best-practice violations on the home page #/${locale}/ (desktop)`, async () => {
      const { page, problems, close } = await openPage(`${site.url}#/${locale}/`, {
        locale: BROWSER_LOCALE[locale],
        viewport: VIEWPORTS.desktop,
      });
      try {
        await waitForApp(page);
        const violations = await checkA11y(page);
        assert.equal(violations.length, 0, `axe violations on #/${locale}/:\n${formatViolations(violations)}`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
});
