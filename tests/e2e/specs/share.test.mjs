// Permalinks, the share menu and the Embed dialog of chart cards:
// - a card's state (view, hidden series, park metric) is written into the address with
//   history.replaceState (no new history entry, no re-routing), nothing is written at
//   start, and a reload or a link restores it and scrolls to the card; a permalink pasted
//   into the address bar of the same page is followed too;
// - "Copy link" copies the absolute portal permalink, "Copy link with preview image" the
//   standalone chart page; the status line says so; without a clipboard the link is
//   offered selected in a field;
// - the Embed dialog is a modal with focus inside; its snippet is sandboxed without
//   allow-same-origin and follows language, theme, first view and the data pin; the
//   preview shows the same address; Esc and Close return focus to the Embed button; it
//   fits a 320 px phone; axe finds nothing with it open;
// - a published chart page (the embed) has no share menu and keeps its state in the query.
// No console, page or request problems anywhere.

import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { builtSiteSuite } from '../lib/suite.mjs';
import {
  VIEWPORTS,
  openPage,
  waitForApp,
  checkA11y,
  formatViolations,
  formatProblems,
  screenshot,
} from '../lib/browser.mjs';

const DATA_TIMEOUT_MS = 20_000;
// The contract of klaster_core::embed::snippet.
const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

const card = (page, id) => page.locator(`#chart-${id}`);

/** klaster_core::embed::escape_attribute. */
function escapeAttribute(text) {
  const entities = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };
  return text.replace(/[&"<>']/g, (c) => entities[c]);
}

/** The iframe's address in a snippet, unescaped. */
function snippetSrc(snippet) {
  const found = /<iframe src="([^"]*)"/.exec(snippet);
  assert.ok(found, `the snippet has an iframe with a src: ${snippet}`);
  return found[1].replaceAll('&amp;', '&');
}

function snippetTitle(snippet) {
  const found = / title="([^"]*)"/.exec(snippet);
  assert.ok(found, `the snippet's iframe has a title: ${snippet}`);
  return found[1];
}

/** Waits until every card of `ids` has drawn its canvas at least once. */
async function waitForCards(page, ids) {
  await page.waitForFunction(
    (list) =>
      list.every((id) => Number(document.querySelector(`#chart-${id} .chart-card__plot canvas`)?.dataset.draws) > 0) ||
      document.querySelector('main .status--error'),
    ids,
    { timeout: DATA_TIMEOUT_MS, polling: 50 },
  );
  const errors = await page.locator('main .status--error').allTextContents();
  assert.deepEqual(errors, [], 'no chart and no dataset may fail');
}

/** Waits until the card `id` shows its table. */
async function waitForTable(page, id) {
  await page.waitForFunction((id) => document.querySelector(`#chart-${id} table`), id, {
    timeout: DATA_TIMEOUT_MS,
    polling: 50,
  });
}

const hash = (page) => page.evaluate(() => location.hash);

describe('permalinks, share menu and embed dialog', () => {
  const { site, test } = builtSiteSuite();

  /** Opens `address` (relative to the site) in the light theme, with the clipboard when asked. */
  async function open(address, { viewport = VIEWPORTS.desktop, clipboard = false } = {}) {
    const opened = await openPage(site.url, { locale: 'en-US', viewport, goto: false });
    if (clipboard) {
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    }
    await opened.context.addInitScript(() => {
      // Also runs in the sandboxed preview frame, which has no storage.
      try {
        if (!localStorage.getItem('klaster-theme')) localStorage.setItem('klaster-theme', 'light');
      } catch {}
    });
    await opened.page.goto(`${site.url}${address}`);
    await waitForApp(opened.page);
    return opened;
  }

  /** Opens the share menu of card `id` (a <details>). */
  async function openShareMenu(page, id) {
    const menu = card(page, id).locator('.chart-share__menu');
    if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
    return menu;
  }

  test('a card keeps its view and hidden series in the address, replaced not pushed, and a reload restores them', async () => {
    const { page, problems, close } = await open('#/en/initiative');
    try {
      const id = 'initiative-growth';
      await waitForCards(page, [id]);
      assert.equal(await hash(page), '#/en/initiative', 'nothing is written at start');
      const entries = await page.evaluate(() => history.length);
      const box = card(page, id);

      const second = box.locator('.chart-legend__toggle').nth(1);
      await second.click();
      await page.waitForFunction(() => location.hash.includes('hide='), null, { timeout: 5_000 });
      await box.getByRole('button', { name: 'Table', exact: true }).click();
      await page.waitForFunction(() => location.hash.includes('view=table'), null, { timeout: 5_000 });
      const linked = await hash(page);
      assert.match(linked, /^#\/en\/initiative\?chart=initiative-growth&view=table&hide=\d+$/);
      assert.equal(await page.evaluate(() => history.length), entries, 'the address is replaced, not pushed');
      assert.ok(await box.locator('table').isVisible(), 'writing the address does not route the page again');
      const rows = await box.locator('table tbody tr').count();

      await page.reload();
      await waitForApp(page);
      await waitForTable(page, id);
      assert.equal(await hash(page), linked, 'the reload keeps the address');
      assert.equal(await box.getByRole('button', { name: 'Table', exact: true }).getAttribute('aria-pressed'), 'true');
      assert.equal(await box.locator('table tbody tr').count(), rows, 'the same rows: the series is still hidden');
      await box.getByRole('button', { name: 'Chart', exact: true }).click();
      assert.equal(await second.getAttribute('aria-pressed'), 'false', 'the legend shows the series hidden');
      await page.waitForFunction(() => !location.hash.includes('view=table'), null, { timeout: 5_000 });
      assert.match(await hash(page), /^#\/en\/initiative\?chart=initiative-growth&hide=\d+$/);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('a link to a card further down sets the park metric and view, scrolls to the card, and a pasted link is followed', async () => {
    const { page, problems, close } = await open('#/en/nextgen?chart=park-residents&metric=park-jobs&view=table');
    try {
      const id = 'park-residents';
      const box = card(page, id);
      await waitForTable(page, id);
      assert.equal(await box.locator('input[value="park-jobs"]').isChecked(), true, 'the linked metric');
      await page.waitForFunction(
        (id) => {
          const r = document.querySelector(`#chart-${id}`).getBoundingClientRect();
          return r.top > -2 && r.top < innerHeight && scrollY > 0;
        },
        id,
        { timeout: 5_000, polling: 50 },
      );
      assert.equal(await hash(page), '#/en/nextgen?chart=park-residents&metric=park-jobs&view=table', 'nothing is rewritten at start');

      // The same page with another state: only the hash changes, and the card follows it.
      await page.evaluate(() => { location.hash = '#/en/nextgen?chart=park-residents&metric=park-sales'; });
      await page.waitForFunction(
        (id) => document.querySelector(`#chart-${id} input[value="park-sales"]`)?.checked,
        id,
        { timeout: 5_000, polling: 50 },
      );
      await box.locator('.chart-card__plot').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await box.locator('table').count(), 0, 'back to the chart');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('Copy link copies the portal permalink, the preview link the chart page; without a clipboard the link is offered selected', async () => {
    const { page, problems, close } = await open('#/en/climate', { clipboard: true });
    try {
      const id = 'emissions-targets';
      await waitForCards(page, [id]);
      const box = card(page, id);
      await box.getByRole('button', { name: 'Table', exact: true }).click();
      await openShareMenu(page, id);

      await box.getByRole('button', { name: 'Copy link', exact: true }).click();
      await box.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
      const portal = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(portal, `${site.url}#/en/climate?chart=emissions-targets&view=table`);

      await box.getByRole('button', { name: 'Copy link with preview image', exact: true }).click();
      await page.waitForFunction(async (before) => (await navigator.clipboard.readText()) !== before, portal, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}chart-emissions-targets-en.html?view=table`);
      await box.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });

      // A browser without the clipboard API (or outside a secure context).
      await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }));
      await box.getByRole('button', { name: 'Copy link', exact: true }).click();
      await box.getByRole('status').filter({ hasText: 'could not be copied' }).waitFor({ timeout: 5_000 });
      const field = box.getByRole('textbox', { name: 'Link address' });
      await field.waitFor();
      // Focused and selected once it is in the page (an effect after the render).
      await page.waitForFunction(() => document.activeElement?.matches('.chart-share__manual input'), null, { timeout: 5_000 });
      const offered = await field.evaluate((input) => ({
        value: input.value,
        focused: document.activeElement === input,
        selected: input.selectionStart === 0 && input.selectionEnd === input.value.length,
        readOnly: input.readOnly,
      }));
      assert.deepEqual(offered, { value: portal, focused: true, selected: true, readOnly: true });
      const violations = await checkA11y(page);
      assert.deepEqual(violations, [], `axe violations with the share menu open:\n${formatViolations(violations)}`);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('the Embed dialog: modal with focus inside, a sandboxed snippet that follows its choices, a live preview, Esc and Close return focus', async () => {
    const { page, problems, close } = await open('#/en/climate', { clipboard: true });
    try {
      const id = 'emissions-targets';
      await waitForCards(page, [id]);
      const box = card(page, id);
      const enTitle = (await box.locator('.chart-card__title').textContent()).trim();
      await openShareMenu(page, id);
      const embedButton = box.getByRole('button', { name: 'Embed', exact: true });
      assert.equal(await page.locator('dialog').count(), 0, 'no dialog (and no preview) until asked');
      await embedButton.click();

      const dialog = page.getByRole('dialog', { name: 'Embed this chart' });
      await dialog.waitFor({ timeout: 5_000 });
      const opened = await dialog.evaluate((d) => ({ open: d.open, modal: d.matches(':modal'), focusInside: d.contains(document.activeElement) }));
      assert.deepEqual(opened, { open: true, modal: true, focusInside: true });

      const code = dialog.getByRole('textbox', { name: 'Embed code' });
      const preview = dialog.locator('iframe');
      let snippet = await code.inputValue();
      assert.ok(snippet.includes(`sandbox="${SANDBOX}"`), snippet);
      assert.ok(!snippet.includes('allow-same-origin'), 'the embed never shares the article\'s origin');
      assert.ok(snippet.includes('loading="lazy"') && snippet.includes('width="100%"'), snippet);
      assert.ok(snippet.includes(`<script src="${site.url}embed.js" async></script>`), snippet);
      assert.equal(snippetTitle(snippet), escapeAttribute(enTitle), 'the frame is titled with the chart');
      assert.match(snippetSrc(snippet), new RegExp(`^${site.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}chart-emissions-targets-en\\.html\\?data=[0-9a-f]{12}$`), 'pinned by default');
      assert.equal(await preview.getAttribute('sandbox'), SANDBOX, 'the preview has the same sandbox');
      assert.equal(await preview.getAttribute('src'), snippetSrc(snippet), 'the preview shows the snippet');
      assert.equal(await preview.getAttribute('title'), enTitle);

      await dialog.getByRole('radio', { name: 'Azerbaijani (Azərbaycanca)', exact: true }).check();
      await dialog.getByRole('radio', { name: 'Dark', exact: true }).check();
      await dialog.getByRole('radio', { name: 'Table', exact: true }).check();
      await dialog.getByRole('checkbox', { name: 'Warn readers when the data changes' }).uncheck();
      snippet = await code.inputValue();
      assert.equal(snippetSrc(snippet), `${site.url}chart-emissions-targets-az.html?view=table&theme=dark`);
      assert.ok(snippet.includes('?view=table&amp;theme=dark"'), 'the & is escaped in the attribute');
      const azTitle = snippetTitle(snippet);
      assert.notEqual(azTitle, escapeAttribute(enTitle), 'the title follows the language');
      await page.waitForFunction(
        (src) => document.querySelector('dialog iframe')?.getAttribute('src') === src,
        snippetSrc(snippet),
        { timeout: 5_000 },
      );
      assert.equal(escapeAttribute(await preview.getAttribute('title')), azTitle);

      const violations = await checkA11y(page);
      assert.deepEqual(violations, [], `axe violations with the Embed dialog open:\n${formatViolations(violations)}`);
      await screenshot(page, 'share-embed-dialog-en');

      await dialog.getByRole('button', { name: 'Copy code', exact: true }).click();
      await dialog.getByRole('status').filter({ hasText: 'Code copied' }).waitFor({ timeout: 5_000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await embedButton.evaluate((b) => b === document.activeElement), true, 'Esc returns focus to Embed');

      await embedButton.click();
      await dialog.waitFor({ timeout: 5_000 });
      assert.match(snippetSrc(await code.inputValue()), /chart-emissions-targets-en\.html\?data=/, 'a new dialog starts from the page again');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await embedButton.evaluate((b) => b === document.activeElement), true, 'Close returns focus to Embed');
      // Each choice reloads the preview and closing removes it, so a preview may be torn
      // down while it still fetches its wasm; the browser logs that abort. Nothing else may.
      const aborted = (p) => p.kind === 'console.error' && /\/chart-[a-z-]+-(az|en)\.html/.test(p.url) && /^Fetch API cannot load /.test(p.text);
      const real = problems.filter((p) => !aborted(p));
      assert.deepEqual(real, [], formatProblems(real));
    } finally {
      await close();
    }
  });

  test('the Embed dialog fits a 320 px phone and scrolls inside', async () => {
    const { page, problems, close } = await open('#/az/climate', { viewport: { width: 320, height: 640 } });
    try {
      const id = 'emissions-targets';
      await waitForCards(page, [id]);
      await openShareMenu(page, id);
      await card(page, id).locator('[data-share="embed"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: 5_000 });
      const fit = await dialog.evaluate((d) => {
        const r = d.getBoundingClientRect();
        return {
          inside: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,
          scrolls: d.scrollHeight > d.clientHeight,
          sideways: d.scrollWidth - d.clientWidth,
          page: document.documentElement.scrollWidth - innerWidth,
        };
      });
      assert.ok(fit.page <= 0, `the page scrolls sideways by ${fit.page}px`);
      delete fit.page;
      assert.deepEqual(fit, { inside: true, scrolls: true, sideways: 0 });
      await screenshot(page, 'share-embed-dialog-az-phone');
      await dialog.getByRole('button', { name: 'Bağla', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('a published chart page has no share menu and keeps its state in the query, with theme and data as they were', async () => {
    const { page, problems, close } = await open('chart-emissions-targets-en.html?view=table&theme=dark&data=0123456789ab');
    try {
      const id = 'emissions-targets';
      await waitForTable(page, id);
      assert.equal(await page.locator('.chart-share, [data-share]').count(), 0, 'no share menu in an embed');
      await card(page, id).getByRole('button', { name: 'Chart', exact: true }).click();
      await page.waitForFunction(() => !location.search.includes('view=table'), null, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => location.search), '?theme=dark&data=0123456789ab');
      assert.match(await page.evaluate(() => location.pathname), /chart-emissions-targets-en\.html$/);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
