// Charts embedded in someone else's article: a news page on another origin pastes the
// snippet of klaster_core::embed::snippet (a sandboxed iframe of dist/chart-<id>-<lang>.html
// and dist/embed.js) under a strict Content-Security-Policy of its own.
//
// - The real embeds (needs the built chart pages): each frame shows its chart at once in
//   the requested language (its picture, table and words are HTML) with its origin
//   opaque, and embed.js sizes each iframe to its document, so the frame never scrolls;
//   also after the article narrows. The chart's code loads only when a reader engages
//   (pointer over the frame): then it draws its canvas in the picture's place, and the
//   frame still fits. Each embed's bytes (brotli, as a host sends the precompressed files)
//   are logged before and after the hover; the first view stays within 60 KB. No console
//   error, CSP violation or failed request in the article or the frames. Screenshots:
//   artifacts/embed-article-{desktop,phone}[-live].png.
// - With JavaScript off: each frame shows its picture (loaded), its table and a link to
//   the portal. Screenshots: artifacts/embed-article-{desktop,phone}-nojs.png.
// - embed.js on its own (no build needed: public/embed.js beside fake chart pages that
//   answer a height request): it asks each embed for its height and applies it, clamped;
//   it ignores forged messages (wrong version, type, shape or height; from a frame on
//   another origin, from a portal frame that is not an embed, from the article itself);
//   a second include adds nothing; embeds added later are found; no embeds, no harm.
//
// The article's snippet is written here by hand, byte for byte the format of
// klaster_core::embed::snippet (crates/core/src/embed.rs); keep the two in step.

import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT, requireBuiltSite } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { VIEWPORTS, openPage, screenshot, closeBrowser, formatProblems } from '../lib/browser.mjs';
import { wakeCard, answeringCard } from '../lib/site.mjs';

/** Generous: on a busy two-core machine a frame's wasm may take seconds to start. */
const WAIT_MS = 30_000;
const POLL_MS = 100;

// The contract of klaster_core::embed.
const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
const DEFAULT_EMBED_HEIGHT = 600;
const MIN_HEIGHT = 100;
const MAX_HEIGHT = 5000;
const REQUEST_HEIGHT = '{"type":"klaster:request-height","version":1}';

/** The charts the article embeds, and the title each frame must show in its language. */
const EMBEDS = [
  { chart: 'initiative-growth', lang: 'en', title: 'How the Transitioning Industrial Clusters initiative grew' },
  { chart: 'emissions-targets', lang: 'az', title: 'Azərbaycanın istixana qazı emissiyaları və iqlim hədəfləri' },
];
const chartPage = ({ chart, lang }) => `chart-${chart}-${lang}.html`;

/** klaster_core::embed::escape_attribute. */
function escapeAttribute(text) {
  const entities = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };
  return text.replace(/[&"<>']/g, (c) => entities[c]);
}

/** klaster_core::embed::snippet, the same bytes. */
function snippet(src, title, resizerSrc) {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${DEFAULT_EMBED_HEIGHT}" ` +
    `style="border:0;width:100%;max-width:100%" loading="lazy" sandbox="${SANDBOX}" data-klaster-embed></iframe>\n` +
    `<script src="${escapeAttribute(resizerSrc)}" async></script>`
  );
}

/**
 * The article's own policy: nothing but the portal's script and frames (and its inline
 * styles, which the snippet's style attribute needs), and Trusted Types for scripts.
 */
function articlePolicy({ frames }) {
  return [
    "default-src 'none'",
    `script-src ${frames[0]}`,
    `frame-src ${frames.join(' ')}`,
    "style-src 'unsafe-inline'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

const PARAGRAPHS = [
  'This page is a test article of the klaster browser tests. It stands in for a news site that embeds charts from the portal; its words are filler.',
  'Industrial clusters bring together the plants of a region that share energy, pipelines and ports. Together they can plan cleaner power and fuels at a scale no single plant could, and report their progress in one place.',
  'The figures in the charts below come from the portal, with their sources and as-of dates. The article around them is written by the newsroom; the charts are drawn by the portal inside a sandboxed frame and cannot touch this page.',
  'Readers on a phone see the same chart, laid out for a narrow screen. When the chart grows or shrinks, the frame follows it, so there is no scrollbar inside the article.',
];

/** A news article (paragraphs of text) with `figures` (snippets or other HTML) between them. */
function articleHtml({ policy, title, figures }) {
  const body = [];
  PARAGRAPHS.forEach((text, i) => {
    body.push(`<p>${text}</p>`);
    if (figures[i]) body.push(`<figure>\n${figures[i]}\n</figure>`);
  });
  for (const extra of figures.slice(PARAGRAPHS.length)) body.push(`<figure>\n${extra}\n</figure>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<style>
  body { margin: 0; background: #fbfaf7; color: #1c1c1c; font: 18px/1.6 Georgia, 'Times New Roman', serif; }
  main { max-width: 44rem; margin: 0 auto; padding: 1rem 1rem 4rem; }
  h1 { font: 700 2rem/1.2 system-ui, sans-serif; margin: 1rem 0 0.5rem; }
  .byline { color: #555; font: 0.875rem/1.4 system-ui, sans-serif; margin: 0 0 1.5rem; }
  figure { margin: 2rem 0; }
</style>
</head>
<body>
<main>
<article>
<h1>${title}</h1>
<p class="byline">Test Newsroom · klaster browser tests</p>
${body.join('\n')}
</article>
</main>
</body>
</html>
`;
}

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#a33"/></svg>';

/** Writes `files` ({name: text}) into a new temporary folder and returns its path. */
async function folderWith(prefix, files) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) await fsp.writeFile(path.join(dir, name), text);
  return dir;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Frame inside the `index`-th iframe of the article, once it shows a document whose
 * address contains `file` (lazy iframes are scrolled to first).
 */
async function frameAt(page, index, file) {
  const iframe = page.locator('iframe').nth(index);
  await iframe.scrollIntoViewIfNeeded();
  const deadline = Date.now() + WAIT_MS;
  let last = 'no frame';
  while (Date.now() < deadline) {
    const frame = await (await iframe.elementHandle()).contentFrame();
    if (frame && frame.url().includes(file)) return frame;
    last = frame ? frame.url() : 'no frame';
    await pause(POLL_MS);
  }
  throw new Error(`iframe ${index} did not load ${file} within ${WAIT_MS} ms (it shows ${last})`);
}

/** How much empty space an embed may leave under its content (margins, padding), in px. */
const MAX_EMPTY_BELOW = 40;

/** The iframe's height as embed.js set it, and its frame document's heights and widths. */
async function measure(page, index, frame) {
  const outer = await page.locator('iframe').nth(index).evaluate((el) => ({
    style: el.style.height,
    attribute: el.getAttribute('height'),
    box: el.getBoundingClientRect().height,
  }));
  const inner = await frame.evaluate(() => {
    const root = document.documentElement;
    // Where the content ends, whatever the document's own min-height: the lowest box in it.
    let contentBottom = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.height > 0) contentBottom = Math.max(contentBottom, box.bottom + window.scrollY);
    }
    return {
      contentBottom: Math.ceil(contentBottom),
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
    };
  });
  return { ...outer, ...inner };
}

/** embed.js has set a height, the iframe is its document's height (±2 px), and nothing scrolls. */
const fits = (m) =>
  /^\d+px$/.test(m.style) &&
  Math.abs(m.box - m.scrollHeight) <= 2 &&
  m.scrollHeight <= m.clientHeight + 1;

/** Waits until the `index`-th iframe fits its document; returns the measurement. */
async function waitForFit(page, index, frame) {
  const deadline = Date.now() + WAIT_MS;
  let m;
  while (Date.now() < deadline) {
    m = await measure(page, index, frame);
    if (fits(m)) return m;
    await pause(POLL_MS);
  }
  throw new Error(
    `iframe ${index} did not come to fit its document within ${WAIT_MS} ms: ` +
      `style.height=${JSON.stringify(m.style)} height=${JSON.stringify(m.attribute)} box=${m.box} ` +
      `frame scrollHeight=${m.scrollHeight} clientHeight=${m.clientHeight}`,
  );
}

/**
 * A full-page screenshot with every embed painted. Chromium does not paint a
 * cross-process frame that is outside the viewport, and a full-page screenshot does not
 * wake it; so the viewport is made as tall as the article for the shot, and each frame
 * (when it runs scripts) is given two animation frames to paint.
 */
async function screenshotArticle(page, frames, name, { scripts = true } = {}) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height });
  try {
    if (scripts) {
      for (const frame of frames) {
        await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
    }
    return await screenshot(page, name);
  } finally {
    await page.setViewportSize(size);
  }
}

/**
 * A reader engages with the embed in `frame` (the pointer over its iframe, as a reader
 * about to use the chart): its code loads and the card comes to life.
 */
/** The first view of an embed may cost its reader at most this (issue 13's budget). */
const FIRST_VIEW_BYTES = 60 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Bytes of `urls` (each once) as a host serving the build's precompressed files sends
 * them: the `.br` copy where the build wrote one, else the file itself.
 */
function brotliBytes(dist, base, urls = []) {
  let total = 0;
  for (const url of new Set(urls)) {
    const file = path.join(dist, decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]) || 'index.html');
    if (fs.existsSync(`${file}.br`)) total += fs.statSync(`${file}.br`).size;
    else if (fs.existsSync(file) && fs.statSync(file).isFile()) total += fs.statSync(file).size;
  }
  return total;
}

async function engage(page, index, frame) {
  const iframe = page.locator('iframe').nth(index);
  await iframe.scrollIntoViewIfNeeded();
  const box = await iframe.boundingBox();
  // From outside the frame into it, so the frame's document sees the pointer arrive.
  await page.mouse.move(box.x + box.width / 2, Math.max(box.y - 10, 0));
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200), { steps: 5 });
  const id = await frame.evaluate(() => document.documentElement.dataset.embed);
  await answeringCard(frame, id);
}

describe('embeds in an article on another origin (built chart pages)', () => {
  let dist;
  let portal;
  let article;
  let articleDir;
  let setupError = null;

  before(async () => {
    try {
      dist = requireBuiltSite();
      const needed = ['embed.js', ...EMBEDS.map(chartPage)];
      const missing = needed.filter((name) => !fs.existsSync(path.join(dist, name)));
      if (missing.length > 0) {
        throw new Error(
          `${dist} has no ${missing.join(', ')}: the chart pages and embed.js are published by the ` +
            'release build with the embeds (issue 6). run the release build first: cargo xtask build',
        );
      }
      portal = await serveStatic(dist);
      const figures = EMBEDS.map((embed) => snippet(`${portal.url}${chartPage(embed)}`, embed.title, `${portal.url}embed.js`));
      articleDir = await folderWith('klaster-article-', {
        'favicon.svg': FAVICON,
        'article.html': articleHtml({
          policy: articlePolicy({ frames: [portal.origin] }),
          title: 'Azerbaijan and the industrial clusters, in two charts',
          figures: [figures[0], null, figures[1]],
        }),
      });
      article = await serveStatic(articleDir);
      assert.notEqual(article.origin, portal.origin, 'the article is on another origin');
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await closeBrowser();
    await portal?.close();
    await article?.close();
    if (articleDir) await fsp.rm(articleDir, { recursive: true, force: true });
  });

  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  test('the published embed.js is public/embed.js', () => {
    const published = fs.readFileSync(path.join(dist, 'embed.js'), 'utf8');
    const source = fs.readFileSync(path.join(REPO_ROOT, 'public', 'embed.js'), 'utf8');
    assert.equal(published, source);
  });

  test("the article's snippet is the one the portal publishes (oEmbed html, written by klaster_core::embed::snippet)", () => {
    const unescape = (text) =>
      text.replace(/&(amp|quot|lt|gt|#39);/g, (_, e) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[e]);
    for (const embed of EMBEDS) {
      const file = path.join(dist, 'oembed', `${embed.chart}-${embed.lang}.json`);
      assert.ok(fs.existsSync(file), `${file}: the chart's oEmbed file`);
      const { html } = JSON.parse(fs.readFileSync(file, 'utf8'));
      const src = unescape(/^<iframe src="([^"]*)"/.exec(html)?.[1] ?? '');
      assert.ok(src.endsWith(chartPage(embed)), `${file}: the snippet frames ${chartPage(embed)} (${src})`);
      const base = src.slice(0, -chartPage(embed).length);
      assert.equal(html, snippet(src, embed.title, `${base}embed.js`), `${file}: the same snippet, title included`);
    }
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: both embeds start in their language, sandboxed, sized to fit, with no problem; screenshot`, async () => {
      const { page, problems, close } = await openPage(`${article.url}article.html`, { viewport, goto: false });
      // Each embed's requests to the portal, by the chart page of the frame that made them
      // (the frame's own document counted with it).
      const fetchedBy = new Map();
      page.on('request', (request) => {
        if (!request.url().startsWith(portal.url)) return;
        const from = request.isNavigationRequest() ? request.url() : request.frame().url();
        if (!from.startsWith(portal.url)) return;
        const key = from.slice(portal.url.length).split('?')[0];
        fetchedBy.set(key, [...(fetchedBy.get(key) ?? []), request.url()]);
      });
      await page.goto(`${article.url}article.html`, { waitUntil: 'load' });
      try {
        const attributes = await page.locator('iframe').evaluateAll((list) =>
          list.map((f) => ({ sandbox: f.getAttribute('sandbox'), height: f.getAttribute('height'), marked: f.hasAttribute('data-klaster-embed') })),
        );
        assert.equal(attributes.length, EMBEDS.length);
        for (const a of attributes) {
          assert.equal(a.sandbox, SANDBOX, 'the snippet sandboxes the frame');
          assert.ok(!a.sandbox.includes('allow-same-origin'), 'never allow-same-origin');
          assert.equal(a.marked, true);
        }
        const html = await page.content();
        assert.ok(!html.includes('allow-same-origin'), 'nothing in the article allows same origin');

        const frames = [];
        for (const [index, embed] of EMBEDS.entries()) {
          const file = chartPage(embed);
          const frame = await frameAt(page, index, file);
          frames.push(frame);
          await frame.waitForLoadState('load');
          const inside = await frame.evaluate(() => ({
            lang: document.documentElement.lang,
            embed: document.documentElement.dataset.embed,
            origin: self.origin,
            picture: !!document.querySelector('.chart-card__static picture img'),
            code: performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')),
          }));
          assert.equal(inside.lang, embed.lang, `${file}: <html lang>`);
          assert.equal(inside.embed, embed.chart, `${file}: <html data-embed>`);
          assert.equal(inside.origin, 'null', `${file}: the sandbox makes the frame's origin opaque`);
          assert.equal(inside.picture, true, `${file}: the chart shows as its picture at once`);
          const heading = frame.getByRole('heading', { level: 1, name: embed.title, exact: true });
          await heading.waitFor({ state: 'visible', timeout: WAIT_MS });
          const m = await waitForFit(page, index, frame);
          assert.equal(m.attribute, String(parseInt(m.style, 10)), `${file}: the height attribute follows`);
          assert.notEqual(m.style, `${DEFAULT_EMBED_HEIGHT}px`, `${file}: the height changed from the snippet's ${DEFAULT_EMBED_HEIGHT}`);
          assert.ok(m.scrollWidth <= m.clientWidth + 1, `${file}: no sideways scrolling in the frame (${m.scrollWidth} > ${m.clientWidth})`);
          assert.ok(
            m.box - m.contentBottom <= MAX_EMPTY_BELOW,
            `${file}: the iframe (${m.box} px) is no more than ${MAX_EMPTY_BELOW} px taller than its content (${m.contentBottom} px): ` +
              'an embed must report its content height, which can be less than its viewport',
          );
          console.log(`embed ${size} ${file}: iframe ${m.style}, content ends at ${m.contentBottom} px`);
        }
        assert.ok(!(await Promise.all(frames.map((f) => f.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')))))).some(Boolean), 'no frame fetched the code before a reader engaged');
        await screenshotArticle(page, frames, `embed-article-${size}`);
        const before = new Map(EMBEDS.map((embed) => [chartPage(embed), brotliBytes(dist, portal.url, fetchedBy.get(chartPage(embed)))]));

        // A reader engages: the chart answers in place, and the frame still fits.
        for (const [index, frame] of frames.entries()) {
          await page.locator('iframe').nth(index).scrollIntoViewIfNeeded();
          await engage(page, index, frame);
          const m = await waitForFit(page, index, frame);
          assert.ok(m.box - m.contentBottom <= MAX_EMPTY_BELOW, `${chartPage(EMBEDS[index])}: live, the frame still fits its content`);
        }
        await page.mouse.move(0, 0);
        await screenshotArticle(page, frames, `embed-article-${size}-live`);
        // What each embed cost the article's reader, as a host serving the precompressed
        // files sends it: before a hover (the first view) and after (its value map).
        for (const embed of EMBEDS) {
          const file = chartPage(embed);
          const after = brotliBytes(dist, portal.url, fetchedBy.get(file));
          console.log(`embed ${size} ${file}: ${kb(before.get(file))} before a hover, ${kb(after)} after (brotli)`);
          assert.ok(before.get(file) > 0 && after > before.get(file), `${file}: the value map came with the hover`);
          assert.ok(before.get(file) <= FIRST_VIEW_BYTES, `${file}: the first view costs ${kb(before.get(file))}, more than ${kb(FIRST_VIEW_BYTES)}`);
        }
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    });
  }

  test('when the article narrows from desktop to phone, each embed fits again', async () => {
    const { page, problems, close } = await openPage(`${article.url}article.html`, { viewport: VIEWPORTS.desktop });
    try {
      const frames = [];
      for (const [index, embed] of EMBEDS.entries()) {
        const frame = await frameAt(page, index, chartPage(embed));
        await engage(page, index, frame);
        await waitForFit(page, index, frame);
        frames.push(frame);
      }
      await page.setViewportSize(VIEWPORTS.phone);
      for (const [index, frame] of frames.entries()) {
        await page.locator('iframe').nth(index).scrollIntoViewIfNeeded();
        const m = await waitForFit(page, index, frame);
        assert.ok(m.scrollWidth <= m.clientWidth + 1, `${chartPage(EMBEDS[index])}: no sideways scrolling at phone width`);
        assert.ok(m.box - m.contentBottom <= MAX_EMPTY_BELOW, `${chartPage(EMBEDS[index])}: no empty band under the content at phone width`);
      }
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  /** The chart's data version as klaster_core::embed::data_version computes it. */
  function dataVersion(resources) {
    const descriptor = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8'));
    const hash = crypto.createHash('sha256');
    for (const name of resources) {
      const resource = descriptor.resources.find((r) => r.name === name);
      hash.update(`${name}=${resource?.hash ?? ''}\n`);
    }
    return hash.digest('hex').slice(0, 12);
  }

  test('an embed pinned to older data says the data changed and links to the current version; a current pin says nothing', async () => {
    const current = dataVersion(['milestones', 'sources']);
    for (const [pin, expectNotice] of [['000000000000', true], [current, false]]) {
      const { page, problems, close } = await openPage(`${portal.url}chart-initiative-growth-en.html?data=${pin}`, { viewport: VIEWPORTS.phone });
      try {
        assert.equal(await page.locator('main').getAttribute('data-version'), current, 'the page names its data version');
        const notice = page.locator('[data-pinned-notice]');
        if (expectNotice) {
          assert.equal(await notice.isVisible(), true);
          assert.match(await notice.innerText(), /updated since it was embedded/);
          const href = await notice.locator('a').getAttribute('href');
          assert.equal(new URL(href, page.url()).href, `${portal.url}en/initiative/?chart=initiative-growth#chart-initiative-growth`);
        } else {
          assert.equal(await notice.isVisible(), false, `no notice when the pin (${pin}) is the current version`);
        }
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size} with JavaScript off: each frame shows its picture, its table and a link to the portal; screenshot`, async () => {
      const { page, problems, close } = await openPage(`${article.url}article.html`, { viewport, javaScriptEnabled: false });
      try {
        const frames = [];
        for (const [index, embed] of EMBEDS.entries()) {
          const file = chartPage(embed);
          const frame = await frameAt(page, index, file);
          frames.push(frame);
          await frame.waitForLoadState('load', { timeout: WAIT_MS });
          assert.equal(await frame.locator('html').getAttribute('lang'), embed.lang, `${file}: <html lang>`);
          const image = frame.locator('.chart-card__static picture img');
          const loaded = await image.evaluate((img) => ({ complete: img.complete, width: img.naturalWidth, src: img.currentSrc, alt: img.alt }));
          assert.ok(loaded.complete && loaded.width > 0, `${file}: the picture loaded (${JSON.stringify(loaded)})`);
          assert.ok(loaded.alt, `${file}: with its text alternative`);
          assert.ok(await image.isVisible(), `${file}: the picture is visible`);
          const rows = await frame.locator('details.chart-card__table table tbody tr').count();
          assert.ok(rows > 0, `${file}: the table has data rows`);
          const portalLinks = await frame.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
          assert.ok(portalLinks.some((href) => href.includes(`/${embed.lang}/`)), `${file}: a link to the portal`);
        }
        // Without scripts no one tells the article the height: the snippet's own stands.
        await screenshotArticle(page, frames, `embed-article-${size}-nojs`, { scripts: false });
        const real = problems.filter((p) => !(p.kind === 'requestfailed' && /\.js$/.test(p.url)));
        assert.deepEqual(real, [], formatProblems(real));
      } finally {
        await close();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// embed.js alone, against fake chart pages: no build and no wasm needed.

/** A stand-in for a chart page: answers a height request with the height in its address (?h=). */
const FAKE_EMBED_JS = `(function () {
  'use strict';
  var received = [];
  window.fakeEmbed = { received: received };
  var match = /[?&]h=(-?\\d+)/.exec(location.search);
  var height = match ? Number(match[1]) : 640;
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    received.push(event.data);
    if (event.data === ${JSON.stringify(REQUEST_HEIGHT)}) {
      window.parent.postMessage(JSON.stringify({ type: 'klaster:height', version: 1, chart: 'fake', height: height }), '*');
    }
  });
})();
`;

const FAKE_CHART_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A fake chart</title>
<script src="fake-embed.js"></script>
</head>
<body><p>A fake chart page that answers height requests.</p></body>
</html>
`;

/** A sandboxed iframe like the snippet's, with its own attributes. */
const plainFrame = (src, { marked = false, title = 'Not a chart' } = {}) =>
  `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${DEFAULT_EMBED_HEIGHT}" ` +
  `style="border:0;width:100%" sandbox="${SANDBOX}"${marked ? ' data-klaster-embed' : ''}></iframe>`;

describe('embed.js with fake chart pages (no build needed)', () => {
  let portal;
  let impostor;
  let article;
  const folders = [];
  let setupError = null;
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });

  const height = (page, selector) =>
    page.locator(selector).evaluate((el) => ({ style: el.style.height, attribute: el.getAttribute('height') }));

  async function waitForHeight(page, selector, px) {
    try {
      await page.waitForFunction(
        ([sel, h]) => {
          const el = document.querySelector(sel);
          return el && el.style.height === `${h}px` && el.getAttribute('height') === String(h);
        },
        [selector, px],
        { timeout: WAIT_MS, polling: 50 },
      );
    } catch (err) {
      throw new Error(`${selector} did not become ${px} px (it is ${JSON.stringify(await height(page, selector))})`, { cause: err });
    }
  }

  /** The frame of the iframe `selector`, once its fake chart page has run its script. */
  async function fakeFrame(page, selector) {
    const iframe = page.locator(selector);
    await iframe.scrollIntoViewIfNeeded();
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const frame = await (await iframe.elementHandle()).contentFrame();
      if (frame && (await frame.evaluate(() => !!window.fakeEmbed).catch(() => false))) return frame;
      await pause(POLL_MS);
    }
    throw new Error(`${selector} did not load its fake chart page within ${WAIT_MS} ms`);
  }

  /** Records every message the article receives, after embed.js's listener has seen it. */
  async function recordMessages(page) {
    await page.evaluate(() => {
      window.__seen = [];
      window.addEventListener('message', (event) => {
        window.__seen.push(typeof event.data === 'string' ? event.data : `object:${JSON.stringify(event.data)}`);
      });
    });
  }

  /**
   * Posts `data` to the article from `sender` (a frame inside it, or the article's own
   * frame) and waits until the article has received it. embed.js listened first, so by
   * then it has handled the message: no sleeping needed.
   */
  async function deliver(page, sender, data) {
    const key = typeof data === 'string' ? data : `object:${JSON.stringify(data)}`;
    await sender.evaluate((d) => (window.parent === window ? window : window.parent).postMessage(d, '*'), data);
    await page.waitForFunction((k) => window.__seen.includes(k), key, { timeout: WAIT_MS, polling: 20 });
  }

  before(async () => {
    try {
      await serveFakes();
    } catch (err) {
      setupError = err;
    }
  });

  async function serveFakes() {
    const fakeFiles = {
      'fake-embed.js': FAKE_EMBED_JS,
      'chart-fake-en.html': FAKE_CHART_PAGE,
      'chart-fake-az.html': FAKE_CHART_PAGE,
      'not-a-chart.html': FAKE_CHART_PAGE,
    };
    const portalDir = await folderWith('klaster-fake-portal-', {
      ...fakeFiles,
      'embed.js': await fsp.readFile(path.join(REPO_ROOT, 'public', 'embed.js'), 'utf8'),
    });
    const impostorDir = await folderWith('klaster-impostor-', fakeFiles);
    folders.push(portalDir, impostorDir);
    portal = await serveStatic(portalDir);
    impostor = await serveStatic(impostorDir);

    const resizer = `${portal.url}embed.js`;
    const policy = articlePolicy({ frames: [portal.origin, impostor.origin] });
    const articleDir = await folderWith('klaster-fake-article-', {
      'favicon.svg': FAVICON,
      'article.html': articleHtml({
        policy,
        title: 'An article with fake embeds',
        figures: [
          snippet(`${portal.url}chart-fake-en.html?h=731`, 'Fake chart (en)', resizer),
          snippet(`${portal.url}chart-fake-az.html?h=20`, 'Fake chart (az)', resizer),
          // Same file name and mark, but on another origin.
          plainFrame(`${impostor.url}chart-fake-en.html?h=777`, { marked: true, title: 'Impostor' }),
          // The portal's origin, but not a chart page and not marked.
          plainFrame(`${portal.url}not-a-chart.html?h=778`),
        ],
      }),
      'empty.html': articleHtml({
        policy,
        title: 'An article with the resizer and no embeds',
        figures: [`<script src="${escapeAttribute(resizer)}" async></script>`],
      }),
    });
    folders.push(articleDir);
    article = await serveStatic(articleDir);
    assert.equal(new Set([portal.origin, impostor.origin, article.origin]).size, 3, 'three origins');
  }
  after(async () => {
    await closeBrowser();
    await portal?.close();
    await impostor?.close();
    await article?.close();
    for (const dir of folders) await fsp.rm(dir, { recursive: true, force: true });
  });

  /** The article's iframes, by what they are. */
  const sel = {
    en: () => `iframe[src^="${portal.origin}/chart-fake-en.html"]`,
    az: () => `iframe[src^="${portal.origin}/chart-fake-az.html"]`,
    impostor: () => `iframe[src^="${impostor.origin}/"]`,
    notChart: () => `iframe[src^="${portal.origin}/not-a-chart.html"]`,
  };

  /** Opens the article, counting the message listeners the article's window gets. */
  async function openArticle(file) {
    const opened = await openPage(`${article.url}${file}`, { goto: false });
    await opened.context.addInitScript(() => {
      if (window.parent !== window) return;
      window.__messageListeners = 0;
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (type, listener, options) {
        if (this === window && type === 'message') window.__messageListeners += 1;
        return add.call(this, type, listener, options);
      };
    });
    await opened.page.goto(`${article.url}${file}`, { waitUntil: 'load' });
    return opened;
  }

  /** What embed.js sets for a height of `h`; `untouched` is the snippet's own. */
  const sized = (h) => ({ style: `${h}px`, attribute: String(h) });
  const untouched = { style: '', attribute: String(DEFAULT_EMBED_HEIGHT) };

  /** The article with its two fake embeds sized by their first answers (731, and 20 → 100). */
  async function openSizedArticle() {
    const opened = await openArticle('article.html');
    const en = await fakeFrame(opened.page, sel.en());
    await waitForHeight(opened.page, sel.en(), 731);
    await fakeFrame(opened.page, sel.az());
    await waitForHeight(opened.page, sel.az(), MIN_HEIGHT);
    return { ...opened, en };
  }

  test('the snippet is sandboxed without allow-same-origin, as klaster_core::embed::snippet writes it', () => {
    const html = snippet('https://x.test/chart-a-en.html?view=table&theme=dark', 'A "quoted" <title>', 'https://x.test/embed.js');
    assert.equal(
      html,
      '<iframe src="https://x.test/chart-a-en.html?view=table&amp;theme=dark" title="A &quot;quoted&quot; &lt;title&gt;" ' +
        'width="100%" height="600" style="border:0;width:100%;max-width:100%" loading="lazy" ' +
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-klaster-embed></iframe>\n' +
        '<script src="https://x.test/embed.js" async></script>',
    );
    assert.ok(!html.includes('allow-same-origin'));
  });

  test('asks each embed for its height and applies it (clamped); one resizer for two includes; no problem under a strict CSP', async () => {
    const { page, problems, close, en } = await openSizedArticle();
    try {
      assert.equal(await page.locator('script[src$="/embed.js"]').count(), 2, 'the article includes embed.js twice');
      const received = await en.evaluate(() => window.fakeEmbed.received);
      assert.ok(received.length >= 1, 'the embed was asked');
      assert.deepEqual([...new Set(received)], [REQUEST_HEIGHT], 'all it was sent is the height request');
      assert.equal(await page.evaluate(() => window.__messageListeners), 1, 'the second include adds no listener');
      // Neither the impostor nor the portal page that is no embed was asked (or resized).
      const impostor = await fakeFrame(page, sel.impostor());
      const notChart = await fakeFrame(page, sel.notChart());
      assert.deepEqual(await impostor.evaluate(() => window.fakeEmbed.received), []);
      assert.deepEqual(await notChart.evaluate(() => window.fakeEmbed.received), []);
      assert.deepEqual(await height(page, sel.impostor()), untouched);
      assert.deepEqual(await height(page, sel.notChart()), untouched);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('forged messages are ignored; a correct one resizes its own iframe, clamped to 100..5000', async () => {
    const { page, problems, close, en } = await openSizedArticle();
    try {
      await recordMessages(page);
      const unchanged = async (what) => {
        assert.deepEqual(await height(page, sel.en()), sized(731), what);
        assert.deepEqual(await height(page, sel.az()), sized(MIN_HEIGHT), what);
        assert.deepEqual(await height(page, sel.impostor()), untouched, what);
        assert.deepEqual(await height(page, sel.notChart()), untouched, what);
      };
      const valid = (h) => JSON.stringify({ type: 'klaster:height', version: 1, chart: 'fake', height: h });

      const forgeries = {
        'wrong version': '{"type":"klaster:height","version":2,"chart":"fake","height":901}',
        'version as a string': '{"type":"klaster:height","version":"1","chart":"fake","height":902}',
        'no version': '{"type":"klaster:height","chart":"fake","height":903}',
        'wrong type': '{"type":"klaster:size","version":1,"chart":"fake","height":904}',
        'a request, not a height': '{"type":"klaster:request-height","version":1}',
        'height as a string': '{"type":"klaster:height","version":1,"chart":"fake","height":"905"}',
        'height not an integer': '{"type":"klaster:height","version":1,"chart":"fake","height":906.5}',
        'height null': '{"type":"klaster:height","version":1,"chart":"fake","height":null}',
        'no height': '{"type":"klaster:height","version":1,"chart":"fake"}',
        'an extra field': '{"type":"klaster:height","version":1,"chart":"fake","height":907,"x":1}',
        'chart not an id': '{"type":"klaster:height","version":1,"chart":"<img src=x>","height":908}',
        'chart empty': '{"type":"klaster:height","version":1,"chart":"","height":909}',
        'chart too long': `{"type":"klaster:height","version":1,"chart":"${'a'.repeat(41)}","height":910}`,
        'an array': '["klaster:height",1,"fake",911]',
        'not JSON': 'klaster:height 912',
        'too long': `${valid(913)}${' '.repeat(1100)}`,
      };
      for (const [what, data] of Object.entries(forgeries)) {
        await deliver(page, en, data);
        await unchanged(what);
      }
      await deliver(page, en, { type: 'klaster:height', version: 1, chart: 'fake', height: 914 });
      await unchanged('an object, not a JSON string');

      await deliver(page, await fakeFrame(page, sel.impostor()), valid(921));
      await unchanged('from a frame on another origin (marked, same file name)');
      await deliver(page, await fakeFrame(page, sel.notChart()), valid(922));
      await unchanged('from a portal frame that is not an embed');
      await deliver(page, page.mainFrame(), valid(923));
      await unchanged('from the article window itself');

      await deliver(page, en, valid(1234));
      assert.deepEqual(await height(page, sel.en()), sized(1234), 'a correct message resizes');
      assert.deepEqual(await height(page, sel.az()), sized(MIN_HEIGHT), 'and only its own iframe');
      await deliver(page, en, valid(99999));
      assert.deepEqual(await height(page, sel.en()), sized(MAX_HEIGHT), 'clamped to the maximum');
      await deliver(page, en, valid(-5));
      assert.deepEqual(await height(page, sel.en()), sized(MIN_HEIGHT), 'clamped to the minimum');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  test('with no embeds it does no harm, and finds embeds added later (marked, or by file name; src set late)', async () => {
    const { page, problems, close } = await openArticle('empty.html');
    try {
      // The async embed.js has run: a script the parser found delays the load event.
      assert.equal(await page.locator('iframe').count(), 0);
      await page.evaluate(
        ({ portalUrl, sandbox }) => {
          const main = document.querySelector('article');
          const add = (id, src, marked) => {
            const iframe = document.createElement('iframe');
            iframe.id = id;
            iframe.title = id;
            iframe.setAttribute('sandbox', sandbox);
            iframe.setAttribute('height', '600');
            if (marked) iframe.setAttribute('data-klaster-embed', '');
            if (src) iframe.src = src;
            const figure = document.createElement('figure');
            figure.appendChild(iframe);
            main.appendChild(figure);
            return iframe;
          };
          add('by-name', `${portalUrl}chart-fake-en.html?h=432`, false);
          const late = add('src-late', null, true);
          add('not-a-chart', `${portalUrl}not-a-chart.html?h=434`, false);
          late.src = `${portalUrl}chart-fake-az.html?h=433`;
        },
        { portalUrl: portal.url, sandbox: SANDBOX },
      );
      await waitForHeight(page, '#by-name', 432);
      await waitForHeight(page, '#src-late', 433);
      const notChart = await fakeFrame(page, '#not-a-chart');
      assert.deepEqual(await notChart.evaluate(() => window.fakeEmbed.received), [], 'a portal page that is no chart is not asked');
      assert.deepEqual(await height(page, '#not-a-chart'), untouched);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});

describe("served with the host headers of dist/_headers: charts embed anywhere, the portal nowhere", () => {
  let portal;
  let article;
  let articleDir;
  let setupError = null;
  const EMBED = EMBEDS[0];

  before(async () => {
    try {
      const dist = requireBuiltSite();
      portal = await serveStatic(dist, { headersFile: true });
      const chart = snippet(`${portal.url}${chartPage(EMBED)}`, EMBED.title, `${portal.url}embed.js`);
      // The portal's own page, framed the same way a site might try to.
      const framedPortal = `<iframe src="${portal.url}en/" title="The portal" width="100%" height="400"></iframe>`;
      articleDir = await folderWith('klaster-headers-article-', {
        'favicon.svg': FAVICON,
        'article.html': articleHtml({
          policy: articlePolicy({ frames: [portal.origin] }),
          title: 'A chart, and an attempt to frame the portal',
          figures: [chart, framedPortal],
        }),
      });
      article = await serveStatic(articleDir);
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await closeBrowser();
    await portal?.close();
    await article?.close();
    if (articleDir) await fsp.rm(articleDir, { recursive: true, force: true });
  });

  nodeTest('the chart page starts under its header policy (frame-ancestors *); the portal page is refused (frame-ancestors none)', async () => {
    if (setupError) throw setupError;
    const { page, problems, close } = await openPage(`${article.url}article.html`, { viewport: VIEWPORTS.desktop });
    try {
      const frame = await frameAt(page, 0, chartPage(EMBED));
      await engage(page, 0, frame);
      const portalFrame = await (await page.locator('iframe').nth(1).elementHandle()).contentFrame();
      // Chromium replaces a refused frame with its error page.
      const deadline = Date.now() + WAIT_MS;
      while (!portalFrame.url().startsWith('chrome-error:') && Date.now() < deadline) await pause(POLL_MS);
      assert.match(portalFrame.url(), /^chrome-error:/, `the portal must not render inside another site (it shows ${portalFrame.url()})`);
      const refusals = problems.filter((p) => /frame-ancestors/.test(p.text));
      assert.ok(refusals.length > 0, 'the browser names frame-ancestors as the reason');
      const others = problems.filter((p) => !/frame-ancestors/.test(p.text) && !(p.url === `${portal.url}en/` && /ERR_BLOCKED_BY_RESPONSE/.test(p.text)));
      assert.deepEqual(others, [], formatProblems(others));
    } finally {
      await close();
    }
  });

  nodeTest('the portal itself works under the header policy, with no violation', async () => {
    if (setupError) throw setupError;
    const { page, problems, close } = await openPage(`${portal.url}en/initiative/`, { viewport: VIEWPORTS.desktop });
    try {
      for (const id of ['initiative-growth', 'initiative-metrics', 'member-map', 'members-by-country']) await wakeCard(page, id);
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });
});
