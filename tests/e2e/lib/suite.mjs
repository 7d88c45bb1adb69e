// The set-up the specs against the built site share: dist/ served once per suite, the
// browser closed after it, and every test failing (never skipping) with the reason when
// the site is not built, since a test that cannot fail is no test.

import { test as nodeTest, before, after } from 'node:test';
import { requireBuiltSite } from './dist.mjs';
import { serveStatic } from './server.mjs';
import { closeBrowser } from './browser.mjs';

/**
 * Call inside `describe`. `site` is filled in before the first test with what
 * `serveStatic` returns (`url`, `origin`, `close`); `test` runs a test only when the
 * set-up worked.
 */
export function builtSiteSuite() {
  const site = {};
  let setupError = null;
  before(async () => {
    try {
      Object.assign(site, await serveStatic(requireBuiltSite()));
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    await closeBrowser();
    await site.close?.();
  });
  const test = (name, fn) =>
    nodeTest(name, async () => {
      if (setupError) throw setupError;
      await fn();
    });
  return { site, test };
}
