// The content of each page in both languages: the sections under their h2s, the facts
// each page is about (badges in words, timelines in date order, the value chain, figures
// that disagree), real tables (captions, scoped headers, scroll containers that a
// keyboard reaches), "Source and confidence" that opens natively by click and by keyboard
// and links the source, axe with details open, reflow at 320 px. Screenshots of every
// page (issue 12, item 3): both languages, phone (390×844) and desktop (1280×800),
// scripts on (cards woken) and off, as artifacts/page-<lang>-<page>-<viewport>-<js|nojs>.png.

import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { builtSiteSuite } from '../lib/suite.mjs';
import { VIEWPORTS, openPage, screenshot, checkA11y, formatViolations, formatProblems } from '../lib/browser.mjs';
import { LOCALES, BROWSER_LOCALE, PAGES, CHARTS, pagePath, pageName, wakeCards } from '../lib/site.mjs';

const UNVERIFIED = { az: 'təsdiqlənməyib', en: 'unverified' };

/** What each page must show beyond the common checks. */
const EXTRA = {
  initiative: async (page, locale) => {
    const badges = page.locator('main .badge[data-confidence="unverified"]');
    assert.ok((await badges.count()) > 0, 'the initiative page has unverified figures and badges them');
    assert.equal((await badges.first().textContent()).trim(), UNVERIFIED[locale], 'the badge says "unverified" in words');
    const headers = await page.locator('main .data-table--growth thead th').allTextContents();
    assert.equal(headers.filter((h) => /CO2/.test(h)).length, 2, `annual emissions and reduction potential are two columns: ${JSON.stringify(headers)}`);
    assert.equal(await page.locator('main .data-table--members tr.is-highlight').count(), 1, "Azerbaijan's cluster is highlighted once");
  },
  azerbaijan: async (page) => {
    const dates = await page.locator('main #azerbaijan-timeline ol.timeline time[datetime]').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    assert.ok(dates.length >= 5, 'the accession timeline lists its events');
    assert.deepEqual(dates, [...dates].sort(), 'the timeline is in date order');
    assert.ok((await page.locator('main .actor').count()) >= 5, 'the actors are listed with their roles');
  },
  nextgen: async (page) => {
    assert.ok((await page.locator('main .not-published .gap-list li').count()) > 0, 'the "not published" section lists the gaps');
    assert.ok((await page.locator('main .chain__step').count()) > 0, 'the value chain is shown');
    assert.ok((await page.locator('main .figure').count()) > 0, 'capacities and output are figure cards');
  },
  climate: async (page) => {
    assert.ok((await page.locator('main .disagreement .figure').count()) >= 2, 'figures that disagree are shown side by side');
    assert.ok((await page.locator('main .disagreement h3').count()) > 0, 'the disagreement is explained under its own heading');
  },
};

async function assertHeadings(page, locale, slug) {
  const s = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    sections: [...document.querySelectorAll('main section[aria-labelledby]')].map((section) => {
      const id = section.getAttribute('aria-labelledby');
      const heading = document.getElementById(id);
      return { id, tag: heading?.tagName ?? null, text: heading?.textContent.trim() ?? '' };
    }),
  }));
  assert.equal(s.lang, locale);
  assert.equal(s.h1s.length, 1, `exactly one h1, got ${JSON.stringify(s.h1s)}`);
  if (EXTRA[slug]) assert.ok(s.sections.length >= 3, 'the page is divided into sections');
  for (const section of s.sections) {
    assert.ok(['H2', 'H3'].includes(section.tag), `section ${section.id} is labelled by its heading (${section.tag})`);
    assert.ok(section.text, `the heading of ${section.id} has words`);
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
        return box ? { tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), label: box.getAttribute('aria-label') } : null;
      })(),
      wide: t.scrollWidth > (t.parentElement?.clientWidth ?? Infinity) + 1,
    })),
  );
  for (const table of tables) {
    assert.ok(table.caption, 'every table has a caption');
    assert.ok(table.scoped > 0 && table.unscoped === 0, `every header of "${table.caption}" has a scope`);
    if (table.scroller) {
      assert.equal(table.scroller.tabindex, '0', 'the scroll container is focusable');
      assert.equal(table.scroller.role, 'region');
      assert.ok(table.scroller.label, 'the scroll container has a label');
    }
  }
  return tables;
}

/**
 * Opens the first sourced value by click and the second by keyboard (native <details>),
 * of those in view: some sit in a folded block that opens first.
 */
async function assertDetailsOpen(page) {
  const toggles = page.locator('main details.sourced > summary:visible, main details.figure__more > summary:visible');
  assert.ok((await toggles.count()) >= 2, 'at least two sourced values');
  const first = toggles.first();
  const details = (i) => toggles.nth(i).locator('xpath=..');
  const panel = (i) => details(i).locator('.sourced__panel, .figure__details').first();
  assert.equal(await details(0).evaluate((d) => d.open), false, 'details are closed at first');
  assert.equal(await panel(0).isVisible(), false);
  await first.click();
  assert.ok(await panel(0).isVisible(), 'details open on click');
  assert.ok((await panel(0).locator('a[href^="http"]').count()) > 0, 'the details link to a source');
  assert.ok((await panel(0).locator('dt').count()) >= 2, 'the details name the confidence and the sources');
  await toggles.nth(1).focus();
  await page.keyboard.press('Enter');
  assert.ok(await panel(1).isVisible(), 'details open with the keyboard');
  await page.keyboard.press('Space');
  assert.equal(await panel(1).isVisible(), false, 'and close again');
}

describe('content pages', () => {
  const { site, test } = builtSiteSuite();

  for (const slug of PAGES) {
    for (const locale of LOCALES) {
      const address = pagePath(locale, slug);
      test(`${address} on desktop: sections, real tables, native sourced details with a source link, no axe violation with them open, no problem`, async () => {
        const { page, problems, close } = await openPage(`${site.url}${address}`, { locale: BROWSER_LOCALE[locale], viewport: VIEWPORTS.desktop });
        try {
          await assertHeadings(page, locale, slug);
          await assertTables(page);
          await EXTRA[slug]?.(page, locale);
          if (await page.locator('main details.sourced, main details.figure__more').count()) {
            await assertDetailsOpen(page);
            const opened = await checkA11y(page);
            assert.deepEqual(opened, [], `axe violations with details open on ${address}:\n${formatViolations(opened)}`);
          }
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });

      test(`${address} at 320 px: no sideways scrolling; a wide table scrolls in its own container`, async () => {
        const { page, problems, close } = await openPage(`${site.url}${address}`, { locale: BROWSER_LOCALE[locale], viewport: { width: 320, height: 720 } });
        try {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 320 px`);
          const tables = await assertTables(page);
          for (const table of tables.filter((t) => t.wide)) assert.ok(table.scroller, `the wide table "${table.caption}" scrolls inside its own container`);
          assert.deepEqual(problems, [], formatProblems(problems));
        } finally {
          await close();
        }
      });
    }
  }

  for (const locale of LOCALES) {
    for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
      for (const scripts of [true, false]) {
        test(`screenshots of every ${locale} page on a ${vpName}, scripts ${scripts ? 'on (cards woken)' : 'off'}`, async () => {
          const { page, problems, close } = await openPage(site.url, { locale: BROWSER_LOCALE[locale], viewport, goto: false, javaScriptEnabled: scripts, theme: 'light' });
          try {
            for (const slug of PAGES) {
              await page.goto(`${site.url}${pagePath(locale, slug)}`, { waitUntil: 'load' });
              if (scripts) {
                await wakeCards(page, CHARTS[slug] ?? []);
                await page.evaluate(() => window.scrollTo(0, 0));
              } else {
                await page.waitForLoadState('networkidle');
              }
              await screenshot(page, `page-${pageName(locale, slug)}-${vpName}-${scripts ? 'js' : 'nojs'}`);
            }
            const real = scripts ? problems : problems.filter((p) => !(p.kind === 'requestfailed' && p.url.endsWith('.js')));
            assert.deepEqual(real, [], formatProblems(real));
          } finally {
            await close();
          }
        });
      }
    }
  }
});
