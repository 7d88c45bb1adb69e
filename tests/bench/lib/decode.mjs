// The data package checked in the browser by the bench build's `klaster_bench_decode`:
// the SHA-256 of every file and the core's `validate_package`, compiled to wasm. The
// files come from the published site (served with CORS, as to embeds).

import { openBenchModule } from './browser.mjs';

export async function browserDecode(browser, benchOrigin, siteOrigin, rounds) {
  const { context, page } = await openBenchModule(browser, benchOrigin);
  const result = await page.evaluate(
    async ([site, n]) => {
      const app = window.__bench;
      if (typeof app.klaster_bench_decode !== 'function') throw new Error('this build has no klaster_bench_decode');
      const fetchBytes = async (file) => new Uint8Array(await (await fetch(`${site}/data/${file}`)).arrayBuffer());
      const files = { 'datapackage.json': await fetchBytes('datapackage.json') };
      const descriptor = JSON.parse(new TextDecoder().decode(files['datapackage.json']));
      for (const resource of descriptor.resources) files[resource.path] = await fetchBytes(resource.path);
      const bytes = Object.values(files).reduce((sum, b) => sum + b.length, 0);
      app.klaster_bench_decode(files); // warm-up
      const hashMs = [];
      const validateMs = [];
      for (let i = 0; i < n; i += 1) {
        const [hash, validate] = app.klaster_bench_decode(files);
        hashMs.push(hash);
        validateMs.push(validate);
      }
      return { files: Object.keys(files).length, bytes, hashMs, validateMs };
    },
    [siteOrigin, rounds],
  );
  await context.close();
  return result;
}
