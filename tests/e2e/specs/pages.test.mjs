// The four content pages (initiative, azerbaijan, nextgen, climate) in both languages:
// the data renders, there is one h1 and the right <html lang>, a sourced value opens its
// details (with a source link) by click and by keyboard, unverified figures carry their
// badge in words, tables are real tables, the page reflows at 320 px, axe finds nothing,
// and the language switch keeps the page.

import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { builtSiteSuite } from '../lib/suite.mjs';
import {
  VIEWPORTS,
  openPage,
  waitForApp,
  waitForRoute,
  screenshot,
  checkA11y,
  formatViolations,
  formatProblems,
} from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const BROWSER_LOCALE = { az: 'az-AZ', en: 'en-US' };
const UNVERIFIED = { az: 'təsdiqlənməyib', en: 'unverified' };
const DATA_TIMEOUT_MS = 20_000;

/** What each page must show beyond the common checks. */
const PAGES = {
  initiative: async (page, locale) => {
    const badges = page.locator('main .badge[data-confidence="unverified"]');
    assert.ok((await badges.count()) > 0, 'the initiative page has unverified figures and must badge them');
    assert.equal((await badges.first().textContent()).trim(), UNVERIFIED[locale], 'the badge says "unverified" in words');
    const headers = await page.locator('main .data-table--growth thead th').allTextContents();
    const co2 = headers.filter((h) => /CO2/.test(h));
    assert.equal(co2.length, 2, `annual emissions and reduction potential are two columns, got ${JSON.stringify(headers)}`);
    assert.equal(await page.locator('main .data-table--members tr.is-highlight').count(), 1, "Azerbaijan's cluster is highlighted once");
  },
  azerbaijan: async (page) => {
    const dates = await page.locator('main #azerbaijan-timeline ~ ol.timeline time[datetime]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('datetime')),
    );
    assert.ok(dates.length >= 5, 'the accession timeline lists its events');
    const sorted = [...dates].sort();
    assert.deepEqual(dates, sorted, 'the timeline is in date order');
    assert.ok((await page.locator('main .actor').count()) >= 5, 'the actors are listed with their roles');
  },
  nextgen: async (page) => {
    assert.ok((await page.locator('main .not-published .gap-list li').count()) > 0, 'the "not published" section lists the gaps');
    assert.ok((await page.locator('main .chain__step').count()) > 0, 'the value chain is shown');
    assert.ok((await page.locator('main .figure').count()) > 0, 'capacities and output are figure cards');
  },
  climate: async (page) => {
    const sides = await page.locator('main .disagreement .figure').count();
    assert.ok(sides >= 2, 'figures that disagree are shown side by side');
    assert.ok((await page.locator('main .disagreement h3').count()) > 0, 'the disagreement is explained under its own heading');
  },
};

/** Waits until every dataset of the page has rendered (no loading status, no error). */
async function waitForData(page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('main .status[role="status"]').length === 0 &&
      (document.querySelectorAll('main .status--error').length > 0 ||
        document.querySelectorAll('main .sourced__toggle').length > 0),
    null,
    { timeout: DATA_TIMEOUT_MS, polling: 50 },
  );
  const errors = await page.locator('main .status--error').allTextContents();
  assert.deepEqual(errors, [], 'no dataset may fail to load');
}

async function assertHeadings(page, locale) {
  const s = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    sections: [...document.querySelectorAll('main section')].map((section) => {
      const id = section.getAttribute('aria-labelledby');
      const heading = id && document.getElementById(id);
      return { id, tag: heading?.tagName ?? null, text: heading?.textContent.trim() ?? '' };
    }),
  }));
  assert.equal(s.lang, locale);
  assert.equal(s.h1s.length, 1, `exactly one h1, got ${JSON.stringify(s.h1s)}`);
  assert.ok(s.h1s[0], 'the h1 is not empty');
  assert.ok(s.sections.length >= 3, 'the page is divided into sections');
  for (const section of s.sections) {
    assert.equal(section.tag, 'H2', `section ${section.id} is labelled by an h2`);
    assert.ok(section.text, `the heading of ${section.id} is not empty`);
  }
}

async function assertTables(page) {
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll('main table')].map((t) => ({
      caption: t.querySelector('caption')?.textContent.trim() ?? '',
      scoped: t.querySelectorAll('th[scope]').length,
      unscoped: t.querySelectorAll('th:not([scope])').length,
      scroller: (() => {
        const box = t.closest('.table-scroll');
        return box
          ? { tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), label: box.getAttribute('aria-label') }
          : null;
      })(),
      wide: t.scrollWidth > (t.parentElement?.clientWidth ?? Infinity) + 1,
    })),
  );
  for (const table of tables) {
    assert.ok(table.caption, 'every table has a caption');
    assert.ok(table.scoped > 0 && table.unscoped === 0, 'every table header has a scope');
    if (table.scroller) {
      assert.equal(table.scroller.tabindex, '0', 'the scroll container is focusable');
      assert.equal(table.scroller.role, 'region');
      assert.ok(table.scroller.label, 'the scroll container has a label');
    }
  }
  return tables;
}

/** Opens the first compact sourced value by click and the second by keyboard. */
async function assertDetailsOpen(page) {
  const toggles = page.locator('main .sourced__toggle');
  assert.ok((await toggles.count()) >= 2, 'at least two sourced values');

  const first = toggles.first();
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  const panelId = await first.getAttribute('aria-controls');
  const panel = page.locator(`[id="${panelId}"]`);
  assert.equal(await panel.isVisible(), false, 'details are closed at first');
  await first.click();
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  assert.ok(await panel.isVisible(), 'details open on click');
  const links = panel.locator('a[href^="http"]');
  assert.ok((await links.count()) > 0, 'the details link to a source');
  assert.ok((await panel.locator('dt').count()) >= 2, 'the details name the confidence and the sources');

  const second = toggles.nth(1);
  const secondPanel = page.locator(`[id="${await second.getAttribute('aria-controls')}"]`);
  await second.focus();
  await page.keyboard.press('Enter');
  assert.ok(await secondPanel.isVisible(), 'details open with the keyboard');
  await page.keyboard.press('Space');
  assert.equal(await secondPanel.isVisible(), false, 'and close again');
  await first.click();
}

describe('content pages', () => {
  const { site, test } = builtSiteSuite();

  test('a dataset that fails shows its own error panel in the section that needs it, and its retry loads it', async () => {
    const { page, context, problems, close } = await openPage(`${site.url}#/en/initiative`, { goto: false });
    try {
      let blocked = true;
      await context.route('**/data/clusters.json', (route) => (blocked ? route.abort() : route.continue()));
      await page.goto(`${site.url}#/en/initiative`, { waitUntil: 'load' });
      await waitForApp(page);
      const members = page.locator('section[aria-labelledby="initiative-members"]');
      await members.locator('.status--error').waitFor({ timeout: DATA_TIMEOUT_MS });
      assert.equal(await page.locator('main .status--error').count(), 1, 'only the section that needs the dataset fails');
      await page.locator('main .data-table--growth').waitFor({ timeout: DATA_TIMEOUT_MS });

      blocked = false;
      await members.getByRole('button', { name: 'Try again' }).click();
      await members.locator('.data-table--members').waitFor({ timeout: DATA_TIMEOUT_MS });
      assert.equal(await page.locator('main .status--error').count(), 0, 'the retry replaced the error panel');
      const unexpected = problems.filter((p) => !(p.url.includes('clusters.json') || /ERR_FAILED|clusters\.json/.test(p.text)));
      assert.deepEqual(unexpected, [], formatProblems(unexpected));
    } finally {
      await close();
    }
  });

  for (const [slug, extra] of Object.entries(PAGES)) {
    for (const locale of LOCALES) {
      test(`#/${locale}/${slug} on desktop: data rendered, one h1, lang=${locale}, sourced details with a source link, real tables, no axe violations, no errors`, async () => {
        const { page, problems, close } = await openPage(`${site.url}#/${locale}/${slug}`, {
          locale: BROWSER_LOCALE[locale],
          viewport: VIEWPORTS.desktop,
        });
        try {
          await waitForApp(page);
          await waitForData(page);
          await assertHeadings(page, locale);
          await assertTables(page);
          await extra(page, locale);
          const violations = await checkA11y(page);
          assert.equal(violations.length, 0, `axe violations on #/${locale}/${slug}:\n${formatViolations(violations)}`);
          await screenshot(page, `${slug}-${locale}-desktop.png`);
          await assertDetailsOpen(page);
          const opened = await checkA11y(page);
          assert.equal(opened.length, 0, `axe violations with details open on #/${locale}/${slug}:\n${formatViolations(opened)}`);
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });

      test(`#/${locale}/${slug} on a phone: data rendered and the page reflows at 320 px without sideways scrolling`, async () => {
        const { page, problems, close } = await openPage(`${site.url}#/${locale}/${slug}`, {
          locale: BROWSER_LOCALE[locale],
          viewport: VIEWPORTS.phone,
        });
        try {
          await waitForApp(page);
          await waitForData(page);
          await assertHeadings(page, locale);
          await screenshot(page, `${slug}-${locale}-phone.png`);
          await page.setViewportSize({ width: 320, height: 720 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);
          const tables = await assertTables(page);
          for (const table of tables.filter((t) => t.wide)) {
            assert.ok(table.scroller, `the wide table "${table.caption}" scrolls inside its own container`);
          }
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });
    }

    test(`the language switch on #/en/${slug} leads to #/az/${slug} with its data, and back`, async () => {
      const { page, problems, close } = await openPage(`${site.url}#/en/${slug}`, { locale: 'en-US' });
      try {
        await waitForApp(page);
        await waitForData(page);
        const enTitle = (await page.locator('h1').textContent()).trim();
        await page.locator('header [hreflang="az"]').click();
        await waitForRoute(page, `#/az/${slug}`, { lang: 'az' });
        await waitForData(page);
        await assertHeadings(page, 'az');
        const azTitle = (await page.locator('h1').textContent()).trim();
        assert.notEqual(azTitle, enTitle, 'the h1 is now in Azerbaijani');
        await page.locator('header [hreflang="en"]').click();
        await waitForRoute(page, `#/en/${slug}`, { lang: 'en' });
        await waitForData(page);
        assert.equal((await page.locator('h1').textContent()).trim(), enTitle);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }
});
