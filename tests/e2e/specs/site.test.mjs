// Site-wide behaviour: every page passes axe in both themes (screenshots of each), the
// theme choice persists, print shows every figure with its sources and hides the
// navigation, numbers and dates are ICU's (CLDR), the data page's files match their
// published hashes, the methodology shows figures that disagree; and issue 14: every page
// and every chart page says when the data was reviewed, in its language; an Azerbaijani
// page has no English words and no decimal point outside elements marked lang="en".

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import { distDir } from '../lib/dist.mjs';
import { VIEWPORTS, openPage, screenshot, checkA11y, formatViolations, formatProblems } from '../lib/browser.mjs';
import { LOCALES, BROWSER_LOCALE, PAGES, CHARTS, CHART_PAGES, pagePath, pageName, chartPage, wakeCards } from '../lib/site.mjs';

const THEMES = ['light', 'dark'];
/** The CLDR locale each language's pages follow: the English pages are British (og:locale en_GB). */
const ICU_LOCALE = { az: 'az', en: 'en-GB' };

/** The review line's words before the date, in each language. */
const REVIEWED = { az: /^Məlumatların yoxlanma tarixi: /, en: /^Data reviewed on / };

/**
 * English words that have no business in Azerbaijani text: function words (which no
 * name or term needs) and the interface words an untranslated string would show.
 * Azerbaijani has none of them as a word ("on" is Azerbaijani for ten, so it is not here).
 */
const ENGLISH_WORDS = /(?<![\p{L}\p{N}])(the|and|of|with|from|for|is|are|this|that|by|to|Source|Sources|Download|Table|Chart|Data|Share|Copy|Embed|Close|Reviewed|Updated)(?![\p{L}\p{N}])/u;

/**
 * Names that are legitimately in Latin script, in their own form, on Azerbaijani pages
 * and that would otherwise trip the checks below; each is removed from the text first.
 * Names with none of the words above and no number (SOCAR Polymer, NextGen, Klaster,
 * World Economic Forum, Report.az…) need no entry. Kept short: a new entry must be a
 * proper name or a licence, never a sentence.
 */
const LATIN_NAMES = [
  // The data licence, by its name and its SPDX id, which are never translated.
  'CC BY 4.0',
  'CC-BY-4.0',
  // A foreign body that has no Azerbaijani name, cited as it names itself.
  'National Institute for Environmental Studies (NIES), Environmental Information Center',
  // The name of the data package format.
  'Frictionless Data Package',
];

/**
 * Text a reader meets on the page that is not marked as another language: every text
 * node of the body (also in closed <details>, which a reader opens), and the alt and
 * aria-label words a screen reader says, each with where it is.
 */
async function azText(page) {
  return page.evaluate(() => {
    const out = [];
    const where = (el) => {
      const parts = [];
      for (let at = el; at && at !== document.body && parts.length < 4; at = at.parentElement) {
        parts.unshift(at.id ? `${at.tagName.toLowerCase()}#${at.id}` : at.className && typeof at.className === 'string' ? `${at.tagName.toLowerCase()}.${at.className.split(' ')[0]}` : at.tagName.toLowerCase());
      }
      return parts.join(' > ');
    };
    const inAz = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? '') === 'az';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, template, noscript, code')) continue;
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      if (text && inAz(el)) out.push({ text, where: where(el) });
    }
    for (const el of document.body.querySelectorAll('[alt], [aria-label], [title]')) {
      if (!inAz(el)) continue;
      for (const name of ['alt', 'aria-label', 'title']) {
        const text = el.getAttribute(name)?.trim();
        if (text) out.push({ text, where: `${where(el)}[${name}]` });
      }
    }
    return out;
  });
}

/**
 * What the checks below find in the pages today and the data cannot fix yet, each text as
 * it stands in the page. A new finding fails the test, and so does a finding that is gone
 * (then take it off this list). Empty since publishers' names carry their own language
 * (the language of the source they published, `title_language` in sources.json): keep it so, and fix the page or the data instead.
 */
const KNOWN_ENGLISH = [];
const KNOWN_DECIMALS = [];

function withoutNames(text) {
  let rest = text;
  for (const name of LATIN_NAMES) rest = rest.split(name).join(' ');
  return rest;
}

/** English words in Azerbaijani text, after the allowed names. */
function englishIn(items) {
  return items
    .map(({ text, where }) => ({ text, where, words: withoutNames(text).match(new RegExp(ENGLISH_WORDS.source, 'gu')) }))
    .filter(({ words }) => words)
    .map(({ text, where, words }) => `${where}: [${[...new Set(words)].join(' ')}] ${text}`);
}

/**
 * A decimal point in a number: a digit, a dot, a digit, unless it is a thousands
 * grouping (1.234 or 12.345.678, which Azerbaijani writes with dots), a version
 * (1.0.0), or inside a name (CC BY 4.0).
 */
function decimalPointsIn(items) {
  const found = [];
  for (const { text, where } of items) {
    const rest = withoutNames(text)
      .replace(/\b\d+\.\d+\.\d+\b/g, ' ') // versions
      .replace(/\b\d{1,3}(?:\.\d{3})+(?!\.?\d)/g, ' '); // dot-thousands grouping
    if (/\d\.\d/.test(rest)) found.push(`${where}: ${text}`);
  }
  return found;
}

describe('site', () => {
  const { site, test } = builtSiteSuite();

  const open = (address, { theme, viewport = VIEWPORTS.desktop, locale = 'en-US', javaScriptEnabled = true } = {}) =>
    openPage(`${site.url}${address}`, { theme, viewport, locale, javaScriptEnabled });

  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      for (const slug of PAGES) {
        const address = pagePath(locale, slug);
        test(`axe finds no violations on ${address} in the ${theme} theme (cards live); screenshots`, async () => {
          const { page, problems, close } = await open(address, { theme, locale: BROWSER_LOCALE[locale] });
          try {
            assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
            await wakeCards(page, CHARTS[slug] ?? []);
            const violations = await checkA11y(page);
            assert.deepEqual(violations, [], `axe violations on ${address} (${theme}):\n${formatViolations(violations)}`);
            assert.deepEqual(problems, [], formatProblems(problems));
            await page.evaluate(() => window.scrollTo(0, 0));
            await screenshot(page, `${pageName(locale, slug)}-desktop-${theme}`);
          } finally {
            await close();
          }
        });
      }
    }
  }

  for (const theme of THEMES) {
    test(`axe finds no violations on the landing page, the 404 page and a chart page in the ${theme} theme`, async () => {
      // The landing page stays put under a fragment that is no old route (axe needs scripts).
      for (const address of ['index.html#stay', '404.html', chartPage('emissions-targets', 'az')]) {
        const { page, problems, close } = await open(address, { theme });
        try {
          const violations = await checkA11y(page);
          assert.deepEqual(violations, [], `axe violations on ${address} (${theme}):\n${formatViolations(violations)}`);
          assert.deepEqual(problems.filter((p) => !(p.kind === 'requestfailed' && p.url.endsWith('.js'))), [], formatProblems(problems));
        } finally {
          await close();
        }
      }
    });
  }

  for (const locale of LOCALES) {
    test(`every page and chart page reflows at 320 px without sideways scrolling (${locale})`, async () => {
      const { page, close } = await open('', { viewport: { width: 320, height: 640 }, locale: BROWSER_LOCALE[locale] });
      try {
        for (const address of [...PAGES.map((slug) => pagePath(locale, slug)), ...CHART_PAGES.map((id) => chartPage(id, locale))]) {
          await page.goto(`${site.url}${address}`, { waitUntil: 'load' });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 320, `${address} is ${width} px wide at a 320 px viewport`);
        }
      } finally {
        await close();
      }
    });

    // Node ships full ICU; Debian's Chromium has no Azerbaijani number or date data (it
    // formats az as root: "1,234,567.5", "2026 M01 23"), which is why the build formats
    // with its own CLDR rules. This pins them to ICU's output, computed here in Node.
    test(`numbers and dates shown match CLDR as ICU formats them (${locale})`, async () => {
      const { page, close } = await open(pagePath(locale, 'data'), { javaScriptEnabled: false });
      try {
        const sizes = await page.evaluate(() =>
          [...document.querySelectorAll('.resource__meta dd:nth-of-type(1)')].map((dd) => dd.textContent.trim().split(' ')[0]),
        );
        const descriptor = JSON.parse(fs.readFileSync(path.join(distDir(), 'data', 'datapackage.json'), 'utf8'));
        assert.equal(sizes.length, descriptor.resources.length, 'one size per resource');
        const numbers = new Intl.NumberFormat(ICU_LOCALE[locale]);
        assert.deepEqual(sizes, descriptor.resources.map((r) => numbers.format(r.bytes)), 'the sizes in bytes');
        await page.goto(`${site.url}${pagePath(locale, '')}`);
        const asOf = (await page.locator('.figure .figure__details dd').first().textContent()).trim();
        const months = new Intl.DateTimeFormat(ICU_LOCALE[locale], { month: 'long', year: 'numeric' });
        assert.equal(asOf, months.format(new Date(2026, 0, 15)), 'the 40-cluster figure is as of January 2026');
        const reviewed = descriptor.review.reviewed.split('-').map(Number);
        const day = new Intl.DateTimeFormat(ICU_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(reviewed[0], reviewed[1] - 1, reviewed[2]));
        const line = (await page.locator('footer [data-review-line]').textContent()).trim();
        assert.ok(line.includes(day), `the review line names the day as ICU writes it (${day}): ${line}`);
      } finally {
        await close();
      }
    });
  }

  test('issue 14: every page and every chart page says when the data was reviewed, in its language', async () => {
    const { page, problems, close } = await open('', { javaScriptEnabled: false });
    try {
      for (const locale of LOCALES) {
        for (const address of [...PAGES.map((slug) => pagePath(locale, slug)), ...CHART_PAGES.map((id) => chartPage(id, locale))]) {
          await page.goto(`${site.url}${address}`);
          const lines = await page.locator('[data-review-line]').evaluateAll((els) =>
            els.map((el) => ({ text: el.textContent.replace(/\s+/g, ' ').trim(), visible: el.getBoundingClientRect().height > 0, lang: el.closest('[lang]').lang })),
          );
          assert.equal(lines.length, 1, `${address}: one review line`);
          assert.ok(lines[0].visible, `${address}: the review line is shown`);
          assert.equal(lines[0].lang, locale, `${address}: in its language`);
          assert.match(lines[0].text, REVIEWED[locale], `${address}: ${lines[0].text}`);
          assert.match(lines[0].text, /2026/, `${address}: with the date`);
        }
      }
      // The home page has the review's whole note.
      for (const locale of LOCALES) {
        await page.goto(`${site.url}${pagePath(locale, '')}`);
        const descriptor = JSON.parse(fs.readFileSync(path.join(distDir(), 'data', 'datapackage.json'), 'utf8'));
        const note = await page.locator('main .review-note').textContent();
        assert.ok(note.replace(/\s+/g, ' ').includes(descriptor.review.note[locale].replace(/\s+/g, ' ')), `${locale}: the home page has the review note`);
      }
      assert.deepEqual(problems.filter((p) => !(p.kind === 'requestfailed' && p.url.endsWith('.js'))), []);
    } finally {
      await close();
    }
  });

  test('issue 14: no Azerbaijani page or chart page has English words or a decimal point outside lang="en" (page text, alt and labels; cards static and live)', async () => {
    const english = [];
    const decimals = [];
    for (const scripts of [false, true]) {
      const { page, problems, close } = await open('', { javaScriptEnabled: scripts, locale: 'az-AZ' });
      try {
        const addresses = [...PAGES.map((slug) => pagePath('az', slug)), ...(scripts ? [] : CHART_PAGES.map((id) => chartPage(id, 'az')))];
        for (const address of addresses) {
          await page.goto(`${site.url}${address}`);
          const slug = address.split('/')[1];
          if (scripts) await wakeCards(page, CHARTS[slug] ?? []);
          const items = await azText(page);
          assert.ok(items.length > 10, `${address}: the page has Azerbaijani text`);
          const tag = `${address}${scripts ? ' (live)' : ''}`;
          english.push(...englishIn(items).map((line) => `${tag} ${line}`));
          decimals.push(...decimalPointsIn(items).map((line) => `${tag} ${line}`));
        }
        assert.deepEqual(problems.filter((p) => !(p.kind === 'requestfailed' && p.url.endsWith('.js'))), [], formatProblems(problems));
      } finally {
        await close();
      }
    }
    // Each finding counts once, by the known text it contains (if any).
    const triage = (found, known) => {
      const seen = new Set();
      const unexpected = [];
      for (const line of found) {
        const match = known.find((k) => line.includes(k));
        if (match) seen.add(match);
        else unexpected.push(line);
      }
      return { unexpected: [...new Set(unexpected)], gone: known.filter((k) => !seen.has(k)) };
    };
    const words = triage(english, KNOWN_ENGLISH);
    const points = triage(decimals, KNOWN_DECIMALS);
    assert.deepEqual(words.unexpected, [], 'English words on Azerbaijani pages (mark the element lang="en", or translate it)');
    assert.deepEqual(points.unexpected, [], 'decimal points in numbers on Azerbaijani pages (Azerbaijani writes a decimal comma)');
    assert.deepEqual([...words.gone, ...points.gone], [], 'known findings that are fixed: take them off the lists');
  });

  test('the theme switch turns the page dark and the choice survives a reload and carries to the next page', async () => {
    const { page, problems, close } = await open('en/', { theme: 'light' });
    try {
      const toggle = page.locator('header [data-theme-toggle]');
      assert.equal(await toggle.isVisible(), true, 'with scripts the switch shows');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(dark, light, 'the dark theme changes the page background');
      await page.reload();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
      await page.locator('header nav a[href$="climate/"]').click();
      await page.waitForURL(/\/en\/climate\/$/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the next page starts dark');
      assert.equal(await page.locator('header [data-theme-toggle]').getAttribute('aria-pressed'), 'true');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('without a saved choice the page follows the system (dark), with no script needed', async () => {
    const { page, close } = await openPage(site.url, { goto: false, javaScriptEnabled: false });
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${site.url}en/`);
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(dark, light);
    } finally {
      await close();
    }
  });

  test('print shows every figure with its sources and every chart with its table, and hides the navigation and the buttons', async () => {
    const { page, close } = await open('en/initiative/');
    try {
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header nav').first().isVisible(), false, 'the navigation is not printed');
      assert.equal(await page.locator('header [data-theme-toggle]').isVisible(), false);
      const panels = page.locator('.figure__details, .sourced__panel');
      const count = await panels.count();
      assert.ok(count > 10, `the page has many sourced figures (${count})`);
      const hidden = [];
      for (let i = 0; i < count; i += 1) if (!(await panels.nth(i).isVisible())) hidden.push(i);
      assert.deepEqual(hidden, [], `${hidden.length} of ${count} figures' sources are not printed`);
      for (const id of CHARTS.initiative) {
        assert.ok(await page.locator(`#chart-${id} .chart-card__static picture img, #chart-${id} .chart-card__canvas canvas`).first().isVisible(), `${id}: its chart is printed`);
      }
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    } finally {
      await close();
    }
  });

  for (const viewport of ['phone', 'desktop']) {
    test(`a key figure on the home page opens its source, date and confidence (${viewport})`, async () => {
      const { page, problems, close } = await open('en/', { viewport: VIEWPORTS[viewport] });
      try {
        const figure = page.locator('.figure').first();
        const details = figure.locator('.figure__details');
        assert.equal(await details.isVisible(), false);
        await figure.locator('summary').focus();
        await page.keyboard.press('Enter');
        assert.equal(await details.isVisible(), true);
        assert.equal(await figure.locator('details').evaluate((d) => d.open), true);
        assert.ok(await details.locator('a[href^="http"]').count(), 'the details list a linked source');
        assert.match(await details.textContent(), /As of/);
        assert.match(await details.textContent(), /Confidence/);
        assert.ok((await page.locator('.figure .badge[data-confidence=unverified]').count()) >= 1, 'unverified figures are marked in words');
        await screenshot(page, `en-home-${viewport}-figure-open`);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('the data page offers JSON and CSV downloads whose published hashes match', async () => {
    const { page, problems, close } = await open('en/data/');
    try {
      const descriptor = JSON.parse(fs.readFileSync(path.join(distDir(), 'data', 'datapackage.json'), 'utf8'));
      const resources = page.locator('.resource');
      assert.equal(await resources.count(), descriptor.resources.length, 'every resource of the package is listed');
      for (let i = 0; i < descriptor.resources.length; i += 1) {
        const resource = resources.nth(i);
        const json = await resource.locator('a[href$=".json"][download]').evaluate((a) => a.href);
        const csv = await resource.locator('a[href$=".csv"][download]').evaluate((a) => a.href);
        const shown = (await resource.locator('code.hash').textContent()).trim();
        const body = await (await page.request.get(json)).body();
        assert.equal(shown, crypto.createHash('sha256').update(body).digest('hex'), `${json}: the page shows the file's real SHA-256`);
        const lines = (await (await page.request.get(csv)).text()).split('\r\n').filter(Boolean);
        assert.ok(lines.length >= 2, `${csv} has a header and rows`);
        assert.match(await resource.locator('.citation').textContent(), new RegExp(`version ${descriptor.version.replace(/\./g, '\\.')}, sha256:`));
      }
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('the methodology shows each pair of figures that disagree, side by side', async () => {
    const { page, problems, close } = await open('en/sources/');
    try {
      const pairs = page.locator('.conflict-pair');
      assert.ok((await pairs.count()) >= 2, 'the package has at least two conflicting pairs');
      assert.equal(await pairs.first().locator('.figure').count(), 2);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
