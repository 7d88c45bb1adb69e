// Permalinks, the share menu and the Embed dialog of chart cards:
// - a card's state (hidden series, the table open, the park metric) is written into the
//   address of its page (`?chart=…&hide=…&view=table#chart-…`) with
//   history.replaceState (no new history entry) only when the reader changes it, never
//   when the card wakes; a reload or a link restores it and scrolls to the card;
// - the share menu (an island of its own) reads the state from there: "Copy link"
//   copies the absolute permalink, "Copy link with preview image" the chart's own page;
//   the status line says so; without a clipboard the link is offered selected in a field;
//   with no script the menu still opens with both links;
// - the Embed dialog is a modal with focus inside; its snippet is sandboxed without
//   allow-same-origin and follows language, theme, first view and the data pin; the
//   preview shows the same address; Esc and Close return focus to the Embed button; it
//   fits a 320 px phone; axe finds nothing with it open;
// - a chart page (the embed) has no share menu, opens its table and theme from its query,
//   says when it was pinned to older data, and keeps its state in its query.
// No console, page or request problems anywhere.

import { describe } from 'node:test';
import assert from 'node:assert/strict';

import { builtSiteSuite } from '../lib/suite.mjs';
import { VIEWPORTS, openPage, checkA11y, formatViolations, formatProblems, screenshot } from '../lib/browser.mjs';
import { CHARTS, wakeCard, wakeCards, answeringCard } from '../lib/site.mjs';

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

/** The part of the address a card writes: query and fragment. */
const address = (page) => page.evaluate(() => location.search + location.hash);

/** The table of the chart the card shows (the park card has one per metric). */
const shownTable = (page, id) => card(page, id).locator('.chart-card__more:not([hidden]) details.chart-card__table');

describe('permalinks, share menu and embed dialog', () => {
  const { site, test } = builtSiteSuite();

  /** Opens `where` (relative to the site) in the light theme, with the clipboard when asked. */
  async function open(where, { viewport = VIEWPORTS.desktop, clipboard = false, locale = 'en-US' } = {}) {
    const opened = await openPage(site.url, { locale, viewport, goto: false, theme: 'light' });
    if (clipboard) {
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    }
    await opened.page.goto(`${site.url}${where}`);
    return opened;
  }

  /** Opens the share menu of card `id` (a <details>) once its island is awake. */
  async function openShareMenu(page, id) {
    const menu = card(page, id).locator('.chart-share__menu');
    await menu.scrollIntoViewIfNeeded();
    await card(page, id).locator('.chart-share__actions:not([hidden])').waitFor({ state: 'attached', timeout: 30_000 });
    if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
    return menu;
  }

  for (const [slug, ids] of Object.entries(CHARTS)) {
    test(`waking the cards of en/${slug}/ writes nothing into the address and adds no history entry`, async () => {
      const { page, problems, close } = await open(`en/${slug}/#main`);
      try {
        const entries = await page.evaluate(() => history.length);
        await wakeCards(page, ids);
        await page.waitForTimeout(300);
        assert.equal(await address(page), '#main', 'the address is the reader\'s until the reader changes a card');
        assert.equal(await page.evaluate(() => history.length), entries);
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('a card keeps its hidden series and open table in the address, replaced not pushed, and a reload restores them', async () => {
    const { page, problems, close } = await open('en/initiative/');
    try {
      const id = 'initiative-growth';
      await wakeCard(page, id);
      const entries = await page.evaluate(() => history.length);
      const box = card(page, id);
      const second = box.locator('button.chart-legend__toggle').nth(1);
      await second.click();
      await page.waitForFunction(() => location.search.includes('hide='), null, { timeout: 5_000 });
      await shownTable(page, id).locator('summary').click();
      await page.waitForFunction(() => location.search.includes('view=table'), null, { timeout: 5_000 });
      const linked = await address(page);
      assert.match(linked, /^\?chart=initiative-growth&view=table&hide=\d+#chart-initiative-growth$/);
      assert.equal(await page.evaluate(() => history.length), entries, 'the address is replaced, not pushed');

      await page.reload();
      await wakeCard(page, id);
      assert.equal(await second.getAttribute('aria-pressed'), 'false', 'the legend shows the series hidden');
      assert.equal(await shownTable(page, id).evaluate((d) => d.open), true, 'the table stays open');
      // The other cards of the page wake too, and must leave the link alone.
      await wakeCards(page, CHARTS.initiative);
      assert.equal(await address(page), linked, 'the reload keeps the address');
      await shownTable(page, id).locator('summary').click();
      await page.waitForFunction(() => !location.search.includes('view=table'), null, { timeout: 5_000 });
      assert.match(await address(page), /^\?chart=initiative-growth&hide=\d+#chart-initiative-growth$/);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('a permalink to a card further down sets the park metric and the table, and scrolls to the card', async () => {
    const link = '?chart=park-residents&metric=park-jobs&view=table#chart-park-residents';
    const { page, problems, close } = await open(`en/nextgen/${link}`);
    try {
      const id = 'park-residents';
      const top = await card(page, id).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(Math.abs(top) < 2 && (await page.evaluate(() => scrollY)) > 0, `the page opens at the card (top ${top})`);
      await wakeCard(page, id);
      assert.equal(await card(page, id).locator('input[value="park-jobs"]').isChecked(), true, 'the linked metric');
      assert.equal(await shownTable(page, id).evaluate((d) => d.open), true, 'its table is open');
      assert.equal(await shownTable(page, id).evaluate((d) => d.closest('[data-chart]').dataset.chart), 'park-jobs');
      assert.equal(await address(page), link, 'nothing is rewritten at start');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('without scripts the share menu opens and offers the card\'s link and its chart page', async () => {
    const { page, close } = await openPage(`${site.url}en/climate/`, { javaScriptEnabled: false });
    try {
      const menu = card(page, 'emissions-targets').locator('.chart-share__menu');
      await menu.locator('summary').click();
      const links = await menu.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
      assert.deepEqual(links, [`${site.url}en/climate/?chart=emissions-targets#chart-emissions-targets`, `${site.url}chart-emissions-targets-en.html`]);
      assert.equal(await menu.locator('.chart-share__actions').isVisible(), false, 'the buttons wait for the script');
    } finally {
      await close();
    }
  });

  test('Copy link copies the portal permalink, the preview link the chart page; without a clipboard the link is offered selected', async () => {
    const { page, problems, close } = await open('en/climate/', { clipboard: true });
    try {
      const id = 'emissions-targets';
      await wakeCard(page, id);
      const box = card(page, id);
      await shownTable(page, id).locator('summary').click();
      await page.waitForFunction(() => location.search.includes('view=table'), null, { timeout: 5_000 });
      await openShareMenu(page, id);

      await box.getByRole('button', { name: 'Copy link', exact: true }).click();
      await box.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
      const portal = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(portal, `${site.url}en/climate/?chart=emissions-targets&view=table#chart-emissions-targets`);

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
    const { page, problems, close } = await open('en/climate/', { clipboard: true });
    try {
      const id = 'emissions-targets';
      await wakeCard(page, id);
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
    const { page, problems, close } = await open('az/climate/', { viewport: { width: 320, height: 640 }, locale: 'az-AZ' });
    try {
      const id = 'emissions-targets';
      await wakeCard(page, id);
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

  test('a chart page has no share menu, opens its table and theme from its query, says it was pinned to older data, and keeps its state in the query', async () => {
    const { page, problems, close } = await open('chart-emissions-targets-en.html?view=table&theme=dark&data=0123456789ab');
    try {
      const id = 'emissions-targets';
      assert.equal(await page.locator('.chart-share, [data-share]').count(), 0, 'no share menu in an embed');
      assert.equal(await shownTable(page, id).evaluate((d) => d.open), true, 'view=table opens the table');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'theme=dark');
      const notice = page.locator('[data-pinned-notice]');
      assert.equal(await notice.isVisible(), true, 'pinned to another data version: the notice shows');
      assert.match(await notice.innerText(), /updated since it was embedded/);
      const current = await page.locator('main[data-version]').getAttribute('data-version');
      assert.match(current, /^[0-9a-f]{12}$/);
      // The reader engages: the embed answers from its value map and keeps the table's
      // state in the address, as the live card does.
      await page.mouse.move(200, 200);
      await answeringCard(page, id);
      await shownTable(page, id).locator('summary').click();
      await page.waitForFunction(() => !location.search.includes('view=table'), null, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => location.search), '?theme=dark&data=0123456789ab');
      assert.match(await page.evaluate(() => location.pathname), /chart-emissions-targets-en\.html$/);
      await page.goto(`${site.url}chart-emissions-targets-en.html?data=${current}`);
      assert.equal(await page.locator('[data-pinned-notice]').isVisible(), false, 'pinned to the current data: no notice');
      assert.equal(await shownTable(page, id).evaluate((d) => d.open), false);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
