// Every figure citable: each figure of the package has its own page in both languages,
// reached from where the portal shows it; the page names its sources and gives citations
// that name the release; the finder lists every figure with no script and, with one,
// filters as the reader types (Azerbaijani typed without its special letters too), by
// confidence, from the header's search box, keeps the filter in the address and
// downloads what it shows; and both pages stay within their first-load budgets.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import { distDir } from '../lib/dist.mjs';
import {
  VIEWPORTS,
  getBrowser,
  openPage,
  checkA11y,
  formatViolations,
  formatProblems,
  screenshot,
} from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const PAGES = ['', 'initiative', 'azerbaijan', 'nextgen', 'climate', 'data', 'sources', 'about'];
const JOBS = 'tic-2026-01-pre-az-jobs';
/** First-load budgets, brotli bytes: the issue's. */
const FIGURE_PAGE_BUDGET = 50 * 1024;
const FINDER_BUDGET = 100 * 1024;

/** Every figure of the package as published: objects with a figure's fields, anywhere. */
function packageFigures(dist) {
  const descriptor = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8'));
  const figures = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if (typeof value.id === 'string' && typeof value.value === 'number' && value.unit && value.as_of && value.confidence) {
        figures.push(value);
      }
      Object.values(value).forEach(walk);
    }
  };
  for (const resource of descriptor.resources) {
    walk(JSON.parse(fs.readFileSync(path.join(dist, 'data', resource.path), 'utf8')));
  }
  return { descriptor, figures };
}

/** The figure ids a page's HTML links to (`figures/<id>/`). */
function linkedFigures(html) {
  return new Set([...html.matchAll(/href="[^"]*figures\/([a-z0-9-]+)\/"/g)].map((m) => m[1]));
}

/** Text of an element as the HTML writes it, entities decoded. */
function decode(html) {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

async function text(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `${url}: HTTP ${res.status}`);
  return res.text();
}

/** The brotli size of every file a page load fetched from the site (raw where there is no copy). */
function brotliBytes(dist, base, requests) {
  let total = 0;
  const seen = new Set();
  for (const url of requests) {
    if (!url.startsWith(base) || seen.has(url)) continue;
    seen.add(url);
    let p = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
    if (p === '' || p.endsWith('/')) p += 'index.html';
    const file = path.join(dist, p);
    if (fs.existsSync(`${file}.br`)) total += fs.statSync(`${file}.br`).size;
    else if (fs.existsSync(file)) total += fs.statSync(file).size;
  }
  return total;
}

describe('figures', () => {
  const { site, test } = builtSiteSuite();
  const dist = distDir();

  test('every figure has a page in both languages, linked from where the portal shows it and from the finder', async () => {
    const { figures } = packageFigures(dist);
    assert.ok(figures.length > 100, `the package has its figures (${figures.length})`);
    const ids = new Set(figures.map((f) => f.id));
    assert.equal(ids.size, figures.length, 'figure ids are unique');
    for (const locale of LOCALES) {
      const finder = linkedFigures(await text(`${site.url}${locale}/figures/`));
      const missing = [...ids].filter((id) => !finder.has(id));
      assert.deepEqual(missing, [], `${locale}: the finder links every figure`);
      const shown = new Set();
      for (const page of PAGES) {
        const html = await text(`${site.url}${locale}/${page ? `${page}/` : ''}`);
        for (const id of linkedFigures(html)) shown.add(id);
        // A figure card or a sourced cell of a figure always carries its page's link.
        for (const match of html.matchAll(/id="figure-([a-z0-9-]+)"/g)) {
          assert.ok(linkedFigures(html).has(match[1]), `${locale}/${page}: the card of ${match[1]} links its page`);
        }
      }
      assert.ok(shown.size > 30, `${locale}: the portal's pages link many figures (${shown.size})`);
      for (const figure of figures) {
        const html = await text(`${site.url}${locale}/figures/${figure.id}/`);
        assert.ok(html.includes(`<html lang="${locale}"`), `${figure.id}: the page is in ${locale}`);
        assert.ok(html.includes(`<code>${figure.id}</code>`), `${figure.id}: the page names its figure`);
        const title = decode(html.match(/<h1>([^<]*)<\/h1>/)?.[1] ?? '');
        assert.equal(title, figure.label[locale], `${figure.id}: its label is the title`);
        if (shown.has(figure.id)) assert.ok(html.includes('data-uses="pages"'), `${figure.id}: shown on a page, and says where`);
      }
    }
  });

  test('a figure card opens to a link to its page, which shows the same value', async () => {
    const { page, problems, close } = await openPage(`${site.url}en/`, { viewport: VIEWPORTS.phone });
    try {
      const card = page.locator(`#figure-${JOBS}`);
      const value = (await card.locator('.figure__value').textContent()).trim();
      await card.locator('summary').click();
      await card.getByRole('link', { name: "This figure's page" }).click();
      await page.waitForURL(`**/en/figures/${JOBS}/`);
      assert.equal((await page.locator('.figure-page__value').textContent()).includes(value), true, `the page shows ${value}`);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('a figure page names its sources and gives citations that name the release, in both languages', async () => {
    const { descriptor } = packageFigures(dist);
    const version = descriptor.version;
    const sources = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'sources.json'), 'utf8'));
    for (const locale of LOCALES) {
      const { page, context, problems, close } = await openPage(`${site.url}${locale}/figures/${JOBS}/`, { viewport: VIEWPORTS.phone });
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
        const links = await page.locator('.figure-page__sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(links.length >= 1, 'at least one source');
        for (const href of links) assert.ok(sources.some((s) => s.url === href), `${href} is a source of the package`);
        const meta = await page.locator('.figure-page__sources .source-list__meta').first().textContent();
        assert.match(meta, locale === 'en' ? /accessed \d+ \w+ \d{4}/ : /müraciət tarixi \d+ \S+ \d{4}/, 'the access date is given');
        const plain = await page.locator('pre[data-cite="text"]').textContent();
        assert.ok(plain.includes(locale === 'en' ? `release ${version}` : `${version} buraxılışı`), plain);
        assert.ok(plain.includes(`${new URL(site.url).origin}`), 'the citation carries the page\'s absolute address');
        assert.match(plain, locale === 'en' ? /Accessed \d+ \w+ \d{4}\.$/ : /Müraciət tarixi: \d+ \S+ \d{4}\.$/, 'the day the reader looked');
        const bibtex = await page.locator('pre[data-cite="bibtex"]').textContent();
        assert.match(bibtex, /^@misc\{klaster-/);
        assert.ok(bibtex.includes(`version = {${version}}`), bibtex);
        assert.match(bibtex, /urldate = \{\d{4}-\d{2}-\d{2}\}/);
        const csl = JSON.parse(await page.locator('pre[data-cite="csl"]').textContent());
        assert.equal(csl[0].type, 'dataset');
        assert.equal(csl[0].version, version);
        assert.equal(csl[0].language, locale);
        await page.locator('button[data-copy="cite-text"]').click();
        await page.locator('.citation__status').filter({ hasText: locale === 'en' ? 'Copied' : 'Kopyalandı' }).waitFor({ timeout: 5_000 });
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), plain);
        const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
        assert.equal(ld['@type'], 'Dataset');
        assert.equal(ld.version, version);
        assert.equal(ld.variableMeasured['@type'], 'PropertyValue');
        const violations = await checkA11y(page);
        assert.deepEqual(violations, [], formatViolations(violations));
        await screenshot(page, `figure-${locale}`);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });

  test('figures that disagree are side by side on each other\'s page', async () => {
    const html = await text(`${site.url}en/figures/az-ghg-1990-ssc/`);
    assert.ok(html.includes('id="figure-conflicts"'));
    assert.ok(linkedFigures(html).has('az-ghg-1990-derived'), 'the other figure links its page');
  });

  test('the finder filters as the reader types, Azerbaijani without its special letters too, and by confidence', async () => {
    const { figures } = packageFigures(dist);
    const { page, problems, close } = await openPage(`${site.url}az/figures/`, { viewport: VIEWPORTS.phone, locale: 'az-AZ' });
    try {
      const shown = () => page.locator('.finder__row:not([hidden])');
      const words = page.getByRole('searchbox', { name: 'Söz və ya rəqəm' });
      await words.waitFor();
      assert.equal(await shown().count(), figures.length, 'every figure at first');

      await words.pressSequentially('istixana qazi');
      const plain = await shown().count();
      assert.ok(plain > 0 && plain < figures.length, `"istixana qazi" finds some figures (${plain})`);
      const labels = await shown().locator('.finder__label').allTextContents();
      assert.ok(labels.every((label) => /İstixana qazı/i.test(label)), `each one says "İstixana qazı": ${labels.join(' | ')}`);
      await words.fill('');
      await words.pressSequentially('İSTİXANA QAZI');
      assert.equal(await shown().count(), plain, 'capitals with İ find the same figures');
      await words.fill('azerbaycandan');
      const folded = await shown().count();
      await words.fill('Azərbaycandan');
      assert.equal(await shown().count(), folded, '"azerbaycandan" finds what "Azərbaycandan" finds');
      assert.ok(folded > 0);
      assert.match(await page.locator('.finder__count').textContent(), new RegExp(`${figures.length} rəqəmdən ${folded} rəqəm`));

      await words.fill('iş yerləri');
      const marked = await shown().count();
      await words.fill('IS YERLERI');
      assert.equal(await shown().count(), marked, '"IS YERLERI" finds what "iş yerləri" finds');
      assert.ok(marked > 0);

      await words.fill('');
      await page.getByRole('combobox', { name: 'Etibarlılıq' }).selectOption('unverified');
      const unverified = figures.filter((f) => f.confidence === 'unverified').length;
      assert.equal(await shown().count(), unverified, 'only the unverified figures');
      assert.ok(await shown().evaluateAll((rows) => rows.every((r) => r.dataset.confidence === 'unverified')));
      assert.match(page.url(), /[?&]confidence=unverified/, 'the address keeps the filter');

      await page.reload();
      await page.waitForFunction(() => document.querySelectorAll('.finder__row:not([hidden])').length < 100);
      assert.equal(await shown().count(), unverified, 'a reload keeps it');

      const download = page.waitForEvent('download');
      await page.locator('button[data-download="csv"]').click();
      const file = await (await download).path();
      const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
      assert.equal(lines.length, unverified + 1, 'the CSV holds the figures shown');
      assert.match(lines[0], /^id,topic,label,value,unit/);
      const jsonDownload = page.waitForEvent('download');
      await page.locator('button[data-download="json"]').click();
      const json = JSON.parse(fs.readFileSync(await (await jsonDownload).path(), 'utf8'));
      assert.equal(json.figures.length, unverified);
      assert.ok(json.figures.every((f) => f.confidence === 'unverified' && typeof f.value === 'number'));

      const violations = await checkA11y(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      await screenshot(page, 'finder-az');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('the header search box reaches the finder with the words typed', async () => {
    const { page, problems, close } = await openPage(`${site.url}en/climate/`);
    try {
      await page.getByRole('searchbox', { name: 'Find a figure' }).fill('ghg 1990');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL('**/en/figures/?q=ghg+1990');
      await page.waitForFunction(() => document.querySelectorAll('.finder__row:not([hidden])').length < 10);
      const ids = await page.locator('.finder__row:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.id));
      assert.ok(ids.includes('az-ghg-1990-ssc') && ids.includes('az-ghg-1990-derived'), ids.join(' '));
      assert.ok(ids.length < 10, `a short list (${ids.length})`);
      assert.equal(await page.getByRole('searchbox', { name: 'Words or a number' }).inputValue(), 'ghg 1990');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('with scripts off, the finder lists every figure', async () => {
    const { figures } = packageFigures(dist);
    const browser = await getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    try {
      const page = await context.newPage();
      for (const locale of LOCALES) {
        await page.goto(`${site.url}${locale}/figures/?q=zzz`);
        assert.equal(await page.locator('.finder__row').count(), figures.length);
        assert.equal(await page.locator('.finder__row:visible').count(), figures.length, 'all of them visible');
        assert.equal(await page.locator('.finder__filter').isVisible(), false, 'no filter that cannot work');
        assert.match(await page.locator(`.finder__row[data-id="${JOBS}"] a`).getAttribute('href'), new RegExp(`${locale}/figures/${JOBS}/$`));
      }
    } finally {
      await context.close();
    }
  });

  test('a figure page and the finder stay within their first-load budgets', async () => {
    for (const [address, budget] of [[`en/figures/${JOBS}/`, FIGURE_PAGE_BUDGET], ['az/figures/', FINDER_BUDGET]]) {
      const { page, requests, problems, close } = await openPage(`${site.url}${address}`, { viewport: VIEWPORTS.phone });
      try {
        await page.waitForLoadState('networkidle');
        const bytes = brotliBytes(dist, site.url, requests);
        console.log(`first load of ${address}: ${bytes} bytes brotli (budget ${budget})`);
        assert.ok(bytes <= budget, `${address}: ${bytes} > ${budget}`);
        assert.ok(!requests.some((url) => url.endsWith('.wasm')), `${address} loads no wasm`);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });
});
