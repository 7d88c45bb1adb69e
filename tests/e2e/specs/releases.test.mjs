// Releases a journalist can pin and follow: each release published whole under
// data/releases/<version>/ with the hashes it recorded; the data page lists the releases
// with their changelog; the Atom feeds parse as Atom in both languages and list every
// release; and an embed pinned to a release keeps showing that release's figures after
// a newer release changes one, saying so and linking to the latest. That last test builds
// a second site in a temporary folder with the real publisher and `cargo xtask pages`: the
// shipped package plus a release 9.0.0 that changes the jobs figure.

import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { builtSiteSuite } from '../lib/suite.mjs';
import { distDir, REPO_ROOT } from '../lib/dist.mjs';
import { serveStatic } from '../lib/server.mjs';
import { VIEWPORTS, openPage, checkA11y, formatViolations, formatProblems } from '../lib/browser.mjs';

const LOCALES = ['az', 'en'];
const CHART = 'initiative-metrics';
const JOBS = 'tic-2026-01-pre-az-jobs';
const NEW_VERSION = '9.0.0';

const sha256 = (bytes) => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;

/** `releases/<v>/`-style chart page of a release, as the core names it. */
const releaseChartPage = (version, chart, locale) => `chart-${chart}-${locale}-release-${version.replace(/\./g, '-')}.html`;

/** Parses an Atom feed in the page and returns what a reader of it needs. */
async function parseFeed(page, xml) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    const ns = 'http://www.w3.org/2005/Atom';
    const feed = doc.documentElement;
    const child = (el, name) => [...el.children].find((c) => c.namespaceURI === ns && c.localName === name);
    const entries = [...feed.children].filter((c) => c.namespaceURI === ns && c.localName === 'entry');
    return {
      error: error ? error.textContent : null,
      root: feed.localName,
      namespace: feed.namespaceURI,
      lang: feed.getAttribute('xml:lang'),
      feed: ['id', 'title', 'updated', 'author'].map((n) => Boolean(child(feed, n))),
      self: [...feed.children].some((c) => c.localName === 'link' && c.getAttribute('rel') === 'self'),
      entries: entries.map((e) => ({
        id: child(e, 'id')?.textContent,
        title: child(e, 'title')?.textContent,
        updated: child(e, 'updated')?.textContent,
        link: child(e, 'link')?.getAttribute('href'),
        content: child(e, 'content')?.textContent,
      })),
    };
  }, xml);
}

function assertAtom(parsed, locale) {
  assert.equal(parsed.error, null, `the feed parses: ${parsed.error}`);
  assert.equal(parsed.root, 'feed');
  assert.equal(parsed.namespace, 'http://www.w3.org/2005/Atom');
  assert.equal(parsed.lang, locale);
  assert.deepEqual(parsed.feed, [true, true, true, true], 'the feed has an id, a title, updated and an author');
  assert.ok(parsed.self, 'and a self link');
  for (const entry of parsed.entries) {
    assert.ok(entry.id && entry.id.startsWith('tag:'), `entry id ${entry.id}`);
    assert.ok(entry.title, 'entry title');
    assert.match(entry.updated ?? '', /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    assert.ok(entry.link, 'entry link');
  }
  assert.equal(new Set(parsed.entries.map((e) => e.id)).size, parsed.entries.length, 'entry ids are unique');
}

describe('releases', () => {
  const { site, test } = builtSiteSuite();
  const dist = distDir();
  const descriptor = () => JSON.parse(fs.readFileSync(path.join(dist, 'data', 'datapackage.json'), 'utf8'));

  test('every release is published whole with the hashes it recorded', async () => {
    const { releases, resources } = descriptor();
    assert.ok(releases.length >= 2, 'the package has more than one release');
    for (const release of releases) {
      const folder = `${site.url}data/releases/${release.version}/`;
      const frozen = await (await fetch(`${folder}datapackage.json`)).json();
      assert.equal(frozen.version, release.version, `${release.version}: its own descriptor`);
      for (const resource of resources) {
        const res = await fetch(`${folder}${resource.path}`);
        assert.equal(res.status, 200, `${folder}${resource.path}`);
        assert.equal(sha256(Buffer.from(await res.arrayBuffer())), release.hashes[resource.name], `${release.version}/${resource.path}`);
        const csv = await fetch(`${folder}csv/${resource.name}.csv`);
        assert.equal(csv.status, 200, `${release.version}: the CSV of ${resource.name}`);
      }
    }
  });

  test('the data page lists the releases with their changelog, figure ids linking to their pages', async () => {
    const { releases } = descriptor();
    for (const locale of LOCALES) {
      const { page, problems, close } = await openPage(`${site.url}${locale}/data/`, { viewport: VIEWPORTS.phone });
      try {
        for (const release of releases) {
          const section = page.locator(`section[id="release-${release.version}"]`);
          assert.equal(await section.count(), 1, `${locale}: release ${release.version}`);
          assert.equal(await section.locator('.release__changes > li').count(), release.changes.length);
          assert.equal(await section.locator(`a[href$="data/releases/${release.version}/datapackage.json"]`).count(), 1, 'its files');
        }
        const link = page.locator(`a[href$="figures/${JOBS}/"]`).first();
        assert.ok(await link.count(), 'a changed figure links its page');
        const feed = await page.locator('a.feed-link').getAttribute('href');
        assert.ok(feed.endsWith(`${locale}/feed.xml`), feed);
        assert.equal(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count(), 1, 'the head names the feed');
        const violations = await checkA11y(page);
        assert.deepEqual(violations, [], formatViolations(violations));
        assert.deepEqual(problems, [], formatProblems(problems));
      } finally {
        await close();
      }
    }
  });

  test('the feeds validate as Atom and list every release, in both languages', async () => {
    const { releases } = descriptor();
    const { page, close } = await openPage('about:blank', { goto: false });
    try {
      for (const locale of LOCALES) {
        const res = await fetch(`${site.url}${locale}/feed.xml`);
        assert.equal(res.status, 200);
        const parsed = await parseFeed(page, await res.text());
        assertAtom(parsed, locale);
        for (const release of releases) {
          assert.ok(parsed.entries.some((e) => e.link.endsWith(`data/#release-${release.version}`)), `${locale}: release ${release.version}`);
        }
        const corrections = releases.flatMap((r) => r.changes.filter((c) => c.kind === 'corrected'));
        assert.equal(parsed.entries.length, releases.length + corrections.length, 'one entry per release and per correction');
      }
    } finally {
      await close();
    }
  });

  test('a chart page of an older release shows that release, says newer data exists and links to it', async () => {
    const { releases } = descriptor();
    const older = releases[1].version;
    const { page, problems, close } = await openPage(`${site.url}${releaseChartPage(older, CHART, 'en')}`, { viewport: VIEWPORTS.phone });
    try {
      assert.ok((await page.locator('.embed__release').textContent()).includes(older));
      const notice = page.locator('[data-newer-release]');
      assert.equal(await notice.getAttribute('data-newer-release'), releases[0].version);
      assert.equal(await notice.getByRole('link').getAttribute('href'), `chart-${CHART}-en.html`);
      assert.equal(await page.locator('leptos-island').count(), 0, 'a release stays as the build wrote it');
      await page.locator('img').first().evaluate((img) => img.decode());
      assert.ok(await page.locator(`img[src^="releases/${older}/charts/body/"]`).count(), 'its own pictures');
      assert.deepEqual(problems, [], formatProblems(problems));
    } finally {
      await close();
    }
  });

  describe('a pinned embed after a newer release', () => {
    let work = null;
    let newSite = null;
    let article = null;

    before(async () => {
      work = await fsp.mkdtemp(path.join(os.tmpdir(), 'klaster-releases-'));
      const data = path.join(work, 'data');
      fs.cpSync(path.join(REPO_ROOT, 'public', 'data'), data, { recursive: true });
      // The jobs figure changes in a new release.
      const milestonesFile = path.join(data, 'milestones.json');
      const milestones = JSON.parse(fs.readFileSync(milestonesFile, 'utf8'));
      for (const milestone of milestones) {
        for (const figure of milestone.figures) if (figure.id === JOBS) figure.value = 4_700_000;
      }
      fs.writeFileSync(milestonesFile, `${JSON.stringify(milestones, null, 2)}\n`);
      const descriptorFile = path.join(data, 'datapackage.json');
      const next = JSON.parse(fs.readFileSync(descriptorFile, 'utf8'));
      next.version = NEW_VERSION;
      next.releases.unshift({
        version: NEW_VERSION,
        date: next.review.reviewed,
        changes: [{
          kind: 'corrected',
          text: { az: 'İş yerlərinin sayı düzəldilib.', en: 'The number of jobs was corrected.' },
          resources: ['milestones'],
          ids: [JOBS],
        }],
        hashes: {},
      });
      fs.writeFileSync(descriptorFile, `${JSON.stringify(next, null, 2)}\n`);
      const cargo = (args) => execFileSync('cargo', args, { cwd: REPO_ROOT, stdio: 'pipe', env: { CARGO_INCREMENTAL: '0', ...process.env } });
      cargo(['run', '-q', '-p', 'klaster-publish', '--', 'stamp', data]);
      // The built site and its frames, rendered again with the new package as a publisher
      // does (`cargo xtask pages`: charts, pages, hardening, compression).
      const siteDir = path.join(work, 'site');
      fs.cpSync(dist, siteDir, { recursive: true });
      fs.cpSync(`${dist}-frames`, `${siteDir}-frames`, { recursive: true });
      cargo(['xtask', 'pages', data, siteDir]);
      newSite = await serveStatic(siteDir);
    });

    after(async () => {
      await newSite?.close();
      await article?.close();
      if (work) await fsp.rm(work, { recursive: true, force: true });
    });

    test('it still shows the figure it was made with, says newer data exists, and the feed lists the release', async () => {
      const { releases } = descriptor();
      const pinnedVersion = releases[0].version;
      // Pinned before the new release: the Embed dialog of the site as it was.
      const { page, problems, close } = await openPage(`${site.url}en/initiative/`);
      let snippet;
      try {
        const card = page.locator(`#chart-${CHART}`);
        await card.scrollIntoViewIfNeeded();
        await card.locator('.chart-share__menu summary').click();
        const embed = card.locator('button[data-share="embed"]');
        await embed.waitFor({ state: 'visible', timeout: 20_000 });
        await embed.click();
        const dialog = page.getByRole('dialog', { name: 'Embed this chart' });
        await dialog.getByRole('checkbox', { name: `Keep the figures of release ${pinnedVersion}` }).check();
        snippet = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
        assert.deepEqual(problems.filter((p) => !/ERR_ABORTED/.test(p.text)), [], formatProblems(problems));
      } finally {
        await close();
      }
      const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      assert.ok(src.startsWith(site.url), src);
      const pinned = src.slice(site.url.length);
      assert.equal(pinned, releaseChartPage(pinnedVersion, CHART, 'en'));

      // After it: an article on another origin pastes the snippet, pointed at the new site.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body><h1>Article</h1>${snippet.split(site.url).join(newSite.url)}</body></html>`;
      const articleDir = path.join(work, 'article');
      fs.mkdirSync(articleDir);
      fs.writeFileSync(path.join(articleDir, 'index.html'), html);
      article = await serveStatic(articleDir);
      const reader = await openPage(article.url, { viewport: VIEWPORTS.phone });
      try {
        const frame = reader.page.frameLocator('iframe');
        const notice = frame.locator('[data-newer-release]');
        await notice.waitFor({ timeout: 20_000 });
        assert.equal(await notice.getAttribute('data-newer-release'), NEW_VERSION);
        assert.match(await notice.textContent(), new RegExp(`release ${NEW_VERSION.replace(/\./g, '\\.')}`));
        assert.equal(await notice.getByRole('link').getAttribute('href'), `chart-${CHART}-en.html`);
        const table = await frame.locator('.chart-card__table').textContent();
        assert.ok(table.includes('4.6 million'), 'the pinned embed shows the old value');
        assert.ok(!table.includes('4.7 million'), 'and not the new one');
        assert.ok((await frame.locator('.embed__release').textContent()).includes(pinnedVersion));
        assert.deepEqual(reader.problems, [], formatProblems(reader.problems));
      } finally {
        await reader.close();
      }

      // The latest chart page and the figure's page have the new value.
      const latest = await (await fetch(`${newSite.url}chart-${CHART}-en.html`)).text();
      assert.ok(latest.includes('4.7 million'), 'the current chart shows the new value');
      const figurePage = await (await fetch(`${newSite.url}en/figures/${JOBS}/`)).text();
      assert.ok(figurePage.includes('4.7 million jobs'), 'the figure page shows the new value');
      assert.ok(figurePage.includes(`release ${NEW_VERSION}`), 'and cites the new release');
      assert.ok(figurePage.includes('4.6 million jobs'), 'with the value of the earlier release in its history');

      // The feed lists the new release and its correction.
      const { page: parser, close: closeParser } = await openPage('about:blank', { goto: false });
      try {
        for (const locale of LOCALES) {
          const parsed = await parseFeed(parser, await (await fetch(`${newSite.url}${locale}/feed.xml`)).text());
          assertAtom(parsed, locale);
          const entries = parsed.entries.filter((e) => e.id.includes(`/release/${NEW_VERSION}`));
          assert.equal(entries.length, 2, `${locale}: the release and its correction`);
          assert.ok(parsed.entries[0].id.includes(`/release/${NEW_VERSION}`), 'newest first');
          assert.ok(entries.some((e) => e.content.includes(`figures/${JOBS}/`)), 'the correction links the figure');
        }
      } finally {
        await closeParser();
      }
    });
  });
});
