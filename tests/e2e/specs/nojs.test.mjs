// Issue 12: the site is complete without scripts. A reader whose browser runs no
// JavaScript (or whose network never delivers the wasm) visits every page in both
// languages and finds its heading, every section heading, every figure with its value
// and a "Source and confidence" that links the source, every list the data package holds
// (sources, resources, glossary, timeline) in full, and every chart as a picture with a
// text alternative, its legend, its table (as many rows as the chart's published CSV)
// and its words. Nothing that needs a script shows (the theme switch), and the same page
// with scripts on says the same: its headings and figure values do not change when its
// islands wake.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import { distDir } from '../lib/dist.mjs';
import { VIEWPORTS, openPage, formatProblems } from '../lib/browser.mjs';
import { LOCALES, BROWSER_LOCALE, PAGES, CHARTS, pagePath, pageName, wakeCards } from '../lib/site.mjs';

/**
 * Glossary entries the package publishes that no page shows, as it was before the
 * static-first pages too (reported to the lead): the confidence scale explains the
 * levels in its own words, and the investment definitions are only in the data.
 */
const NOT_ON_PAGES = ['glossary-confidence-levels', 'glossary-investment-definitions'];

const json = (file) => JSON.parse(fs.readFileSync(path.join(distDir(), 'data', file), 'utf8'));

/** Data rows of a published CSV (RFC 4180: quoted fields may hold line breaks). */
function csvRows(text) {
  let rows = 0;
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      if (any) rows += 1;
      any = false;
    } else if (c !== '\r') any = true;
  }
  if (any) rows += 1;
  return rows - 1;
}

/** Everything a reader can see or open on the page, read from the document. */
async function readPage(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    // The park card holds the words of all five metrics and shows the first; the others
    // are their own chart pages without scripts (checked with the card below).
    const otherMetric = (el) => !!el.closest('.chart-card__top[hidden], .chart-card__more[hidden]');
    // Shown, or inside a <details> a reader can open (a closed one hides its content).
    const reachable = (el) => {
      for (let at = el; at && at !== document.body; at = at.parentElement) {
        if (at.hidden) return false;
        const style = getComputedStyle(at);
        if (style.display === 'none' && !(at.parentElement?.tagName === 'DETAILS' && !at.parentElement.open)) return false;
        if (style.visibility === 'hidden') return false;
      }
      return true;
    };
    return {
      lang: document.documentElement.lang,
      h1: [...document.querySelectorAll('h1')].map(text),
      headings: [...main.querySelectorAll('h2, h3')].filter((h) => !otherMetric(h)).map((h) => ({ text: text(h), reachable: reachable(h) })),
      figures: [...main.querySelectorAll('.figure')].filter((f) => !otherMetric(f)).map((f) => ({
        id: f.id,
        value: text(f.querySelector('.figure__value')),
        label: text(f.querySelector('.figure__label')),
        details: !!f.querySelector('details.figure__more > summary'),
        sources: [...f.querySelectorAll('details.figure__more a[href^="http"]')].length,
        reachable: reachable(f),
      })),
      sourced: [...main.querySelectorAll('details.sourced')].filter((d) => !otherMetric(d)).map((d) => ({
        text: text(d.querySelector('.sourced__text')),
        sources: d.querySelectorAll('.sourced__panel a[href^="http"]').length,
        reachable: reachable(d),
      })),
      sourceList: main.querySelectorAll('.source-list > li').length,
      sourceListLinks: main.querySelectorAll('.source-list > li > a[href^="http"]').length,
      resources: main.querySelectorAll('.resource').length,
      terms: [...main.querySelectorAll('dl.terms > dt')].map(text),
      all: text(main),
      timeline: main.querySelectorAll('ol.timeline > li').length,
      cards: [...main.querySelectorAll('.chart-card')].map((c) => c.id),
      themeToggle: [...document.querySelectorAll('[data-theme-toggle]')].map((b) => b.hidden || getComputedStyle(b).display === 'none'),
      reviewLine: text(document.querySelector('[data-review-line]')),
      footerLicence: /CC BY 4\.0/.test(text(document.querySelector('footer'))),
    };
  });
}

/** A card as a reader without scripts finds it. */
async function readCard(page, id) {
  return page.locator(`#chart-${id}`).evaluate((box, id) => {
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const shown = [...box.querySelectorAll('.chart-card__more[data-chart]')].filter((b) => !b.hidden);
    const more = shown[0] ?? null;
    const img = box.querySelector('.chart-card__static picture img');
    return {
      role: box.getAttribute('role'),
      labelledBy: text(document.getElementById(box.getAttribute('aria-labelledby'))),
      title: text(box.querySelector('.chart-card__top:not([hidden]) .chart-card__title')),
      img: img && {
        alt: img.alt,
        complete: img.complete,
        naturalWidth: img.naturalWidth,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        src: img.currentSrc,
        visible: img.getBoundingClientRect().width > 0,
      },
      sources: box.querySelectorAll('picture source[media]').length,
      legend: text(box.querySelector('.chart-legend')),
      blocks: shown.length,
      table: more && {
        details: !!more.querySelector('details.chart-card__table > summary'),
        id: more.querySelector('.chart-table')?.id,
        caption: text(more.querySelector('table caption')),
        rows: more.querySelectorAll('table tbody tr').length,
        unscoped: more.querySelectorAll('table th:not([scope])').length,
      },
      words: more ? more.querySelectorAll('details.chart-card__words p').length : 0,
      sourceLinks: more ? more.querySelectorAll('.chart-card__footer a[href^="http"]').length : 0,
      asOf: text(more?.querySelector('.chart-card__as-of')),
      downloads: more ? [...more.querySelectorAll('.chart-card__downloads a[download]')].map((a) => a.getAttribute('href')) : [],
      bootNotice: box.querySelector('[data-boot-failed-notice]')?.hidden ?? null,
      shareLinks: box.querySelectorAll('details.chart-share__menu a[href]').length,
      parkLinks: box.querySelectorAll('.chart-card__metric--static a[href]').length,
    };
  }, id);
}

describe('without JavaScript (issue 12): every page is complete', () => {
  const { site, test } = builtSiteSuite();

  const sources = () => json('sources.json');
  const glossary = () => json('glossary.json');
  const descriptor = () => json('datapackage.json');

  for (const locale of LOCALES) {
    for (const slug of PAGES) {
      const address = pagePath(locale, slug);
      test(`${address} with scripts off: heading, every section, figure, source and chart (picture, table, words)`, async () => {
        const { page, problems, requests, close } = await openPage(`${site.url}${address}`, {
          locale: BROWSER_LOCALE[locale],
          viewport: VIEWPORTS.desktop,
          javaScriptEnabled: false,
        });
        try {
          // With scripts off nothing is lazy: every image loads with the page.
          await page.waitForLoadState('networkidle');
          const s = await readPage(page);
          assert.equal(s.lang, locale, '<html lang>');
          assert.equal(s.h1.length, 1, `one h1: ${JSON.stringify(s.h1)}`);
          assert.ok(s.h1[0], 'the h1 has words');
          assert.ok(s.headings.length > 0 || slug === 'about', 'the page has section headings');
          for (const h of s.headings) {
            assert.ok(h.text, `a heading with no words on ${address}`);
            assert.ok(h.reachable, `the heading "${h.text}" is hidden without scripts`);
          }
          for (const f of s.figures) {
            assert.ok(f.value && f.label, `${f.id}: a value and what it measures (${JSON.stringify(f)})`);
            assert.ok(f.details, `${f.id}: "Source and confidence" opens natively (<details>)`);
            assert.ok(f.sources > 0, `${f.id}: its details link the source`);
            assert.ok(f.reachable, `${f.id}: shown without scripts`);
          }
          for (const v of s.sourced) {
            assert.ok(v.text, 'a sourced value has words');
            assert.ok(v.sources > 0, `the sourced value "${v.text}" links its source`);
            assert.ok(v.reachable, `the sourced value "${v.text}" is shown without scripts`);
          }
          assert.match(s.reviewLine, /\d{4}/, 'the review line says when the data was reviewed');
          assert.ok(s.footerLicence, 'the footer names the licence');
          assert.ok(s.themeToggle.every(Boolean), 'the theme switch, which needs a script, is hidden');

          // What each page must hold in full, counted from the data package.
          if (slug === '') assert.equal(s.figures.length, 5, 'the five key figures');
          if (slug === 'sources') {
            assert.equal(s.sourceList, sources().length, 'every source of the package is listed');
            assert.equal(s.sourceListLinks, sources().length, 'every listed source is a link');
            assert.ok(s.figures.length >= 4, 'the figures that disagree, side by side');
          }
          if (slug === 'data') assert.equal(s.resources, descriptor().resources.length, 'every resource of the package');
          if (slug === 'azerbaijan') assert.ok(s.timeline >= 5, 'the accession timeline');
          if (slug === 'initiative' || slug === 'nextgen' || slug === 'climate') {
            assert.ok(s.figures.length + s.sourced.length > 0, 'the page shows sourced figures');
          }

          const expected = CHARTS[slug] ?? [];
          assert.deepEqual(s.cards, expected.map((id) => `chart-${id}`), 'the chart cards of the page, in order');
          for (const id of expected) {
            const c = await readCard(page, id);
            assert.equal(c.role, 'group', `${id}: the card is a group`);
            assert.ok(c.title && c.labelledBy === c.title, `${id}: labelled by its title (${c.labelledBy})`);
            assert.ok(c.img, `${id}: the chart is a picture`);
            assert.ok(c.img.alt.length > 20, `${id}: the picture has a text alternative: ${JSON.stringify(c.img.alt)}`);
            assert.ok(c.img.complete && c.img.naturalWidth > 0 && c.img.visible, `${id}: the picture loaded and shows (${JSON.stringify(c.img)})`);
            assert.ok(Number(c.img.width) > 0 && Number(c.img.height) > 0, `${id}: the picture has its size, so nothing moves`);
            assert.match(c.img.src, new RegExp(`charts/body/${id}-${locale}-[sml]\\.svg$`), `${id}: the drawn body in ${locale}`);
            assert.ok(c.sources >= 1, `${id}: one picture per width (<source media>)`);
            assert.equal(c.blocks, 1, `${id}: the words of one chart are shown`);
            assert.ok(c.table?.details, `${id}: the table opens natively (<details>)`);
            assert.equal(c.table.id, `chart-${id}-table`);
            assert.ok(c.table.caption, `${id}: the table has a caption`);
            assert.equal(c.table.unscoped, 0, `${id}: every header has a scope`);
            const csv = fs.readFileSync(path.join(distDir(), 'charts', `${id}-${locale}.csv`), 'utf8');
            assert.equal(c.table.rows, csvRows(csv), `${id}: the table lists every value of the published CSV`);
            assert.ok(c.words > 0, `${id}: the chart in words`);
            assert.ok(c.sourceLinks > 0, `${id}: the chart's sources are links`);
            assert.ok(c.asOf, `${id}: the date the chart describes`);
            assert.deepEqual(
              c.downloads.map((href) => href.replace(/^(\.\.\/)+/, '')),
              ['png', 'svg', 'csv', 'json'].map((ext) => `charts/${id}-${locale}.${ext}`),
              `${id}: the published files as plain links`,
            );
            assert.equal(c.bootNotice, true, `${id}: no failure is claimed`);
            assert.equal(c.shareLinks, 2, `${id}: the share menu offers its two links`);
            if (id === 'park-residents') assert.equal(c.parkLinks, 4, 'the other park metrics are links to their chart pages');
          }
          // Every link the share menu and the park card offer exists.
          const hrefs = await page.locator('main a[href]:not([href^="http"]):not([href^="#"])').evaluateAll((as) => as.map((a) => a.href));
          for (const href of new Set(hrefs)) {
            const url = new URL(href);
            const file = path.join(distDir(), decodeURIComponent(url.pathname).replace(/\/$/, '/index.html'));
            assert.ok(fs.existsSync(file), `${address}: the link ${url.pathname} leads to a published file`);
          }
          assert.ok(!requests.some((u) => u.endsWith('.wasm')), 'no wasm is fetched');
          const real = problems.filter((p) => !(p.kind === 'requestfailed' && /\.js$/.test(p.url)));
          assert.deepEqual(real, [], formatProblems(real));
        } finally {
          await close();
        }
      });
    }
  }

  for (const locale of LOCALES) {
    test(`${locale}: with scripts on every page has the same headings, figures and glossary terms, also once its cards are live; every glossary term is explained somewhere`, async () => {
      const texts = [];
      for (const slug of PAGES) {
        const address = pagePath(locale, slug);
        const off = await openPage(`${site.url}${address}`, { locale: BROWSER_LOCALE[locale], javaScriptEnabled: false });
        let before;
        try {
          before = await readPage(off.page);
        } finally {
          await off.close();
        }
        const on = await openPage(`${site.url}${address}`, { locale: BROWSER_LOCALE[locale] });
        try {
          await wakeCards(on.page, CHARTS[slug] ?? []);
          const after = await readPage(on.page);
          assert.deepEqual(after.headings.map((h) => h.text), before.headings.map((h) => h.text), `${pageName(locale, slug)}: the same headings`);
          assert.deepEqual(after.figures.map((f) => f.value), before.figures.map((f) => f.value), `${pageName(locale, slug)}: the same figures`);
          assert.deepEqual(after.sourced.map((f) => f.text), before.sourced.map((f) => f.text), `${pageName(locale, slug)}: the same sourced values`);
          assert.deepEqual(after.terms, before.terms, `${pageName(locale, slug)}: the same glossary terms`);
          texts.push(before.all);
          assert.equal(after.themeToggle.every(Boolean), false, 'with scripts the theme switch shows');
          assert.deepEqual(on.problems, [], formatProblems(on.problems));
        } finally {
          await on.close();
        }
      }
      const squash = (t) => t.replace(/\s+/g, ' ').trim();
      const unexplained = glossary()
        .filter((entry) => !NOT_ON_PAGES.includes(entry.id))
        .filter((entry) => !texts.some((t) => t.includes(squash(entry.definition[locale]))))
        .map((entry) => entry.term[locale]);
      assert.deepEqual(unexplained, [], 'every glossary term is explained (its definition in full) on some page');
    });
  }
});
