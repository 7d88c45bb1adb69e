// Klaster's service worker: a repeat visit works offline.
//
// - The page (index.html) and the data package: network first, so a reader online always
//   gets the published files; when the network fails, the copy saved on this device, with
//   the header x-klaster-saved-at saying when it was saved (the app shows that notice).
// - The app's hashed files (.js, .wasm, .css): their names change with their content, so
//   the saved copy is used first.
// Installing saves the page, every file it names and every file of the data package; each
// fresh copy of the page drops saved app files it no longer names.
'use strict';

const CACHE = 'klaster-v1';
const SAVED_AT = 'x-klaster-saved-at';
const PAGE = new URL('./', self.registration.scope).href;
const DATA = new URL('data/', self.registration.scope).href;
const ASSET = /^[\w.-]+\.(?:js|wasm|css)$/;

/** The app files a page names (`./klaster-….js`, `./main-….css`, …), as absolute URLs. */
function assetsOf(html) {
  const names = new Set();
  for (const match of html.matchAll(/["']\.\/([\w.-]+\.(?:js|wasm|css))["']/g)) names.add(match[1]);
  return [...names].map((name) => new URL(name, PAGE).href);
}

/** A copy of `response` marked with when it was saved. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  return new Response(await response.arrayBuffer(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function save(cache, url, response) {
  if (response.ok && response.type === 'basic') await cache.put(url, await stamped(response));
}

/** Saves a fresh page and the app files it names, and forgets app files it does not. */
async function savePage(cache, response) {
  const html = await response.clone().text();
  await save(cache, PAGE, response);
  const wanted = new Set(assetsOf(html));
  for (const request of await cache.keys()) {
    const name = request.url.slice(PAGE.length);
    if (request.url.startsWith(PAGE) && ASSET.test(name) && !wanted.has(request.url)) {
      await cache.delete(request);
    }
  }
  for (const url of wanted) {
    if (!(await cache.match(url))) await save(cache, url, await fetch(url, { cache: 'no-cache' }));
  }
}

async function install() {
  const cache = await caches.open(CACHE);
  await savePage(cache, await fetch(PAGE, { cache: 'no-cache' }));
  const descriptor = await fetch(`${DATA}datapackage.json`, { cache: 'no-cache' });
  const files = (await descriptor.clone().json()).resources.map((r) => `${DATA}${r.path}`);
  await save(cache, `${DATA}datapackage.json`, descriptor);
  await Promise.all(files.map(async (url) => save(cache, url, await fetch(url, { cache: 'no-cache' }))));
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Network first; the saved copy (which carries x-klaster-saved-at) when the network fails. */
async function networkFirst(request, key, onFresh) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      onFresh(cache, copy).catch(() => {});
      return response;
    }
    if (response.status < 500 && response.status !== 429) return response;
    return (await cache.match(key)) || response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) return saved;
    throw error;
  }
}

/** The saved copy of an app file, stripped of the saved-at mark; else the network. */
async function savedFirst(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request.url);
  if (saved) {
    const headers = new Headers(saved.headers);
    headers.delete(SAVED_AT);
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
  const response = await fetch(request);
  save(cache, request.url, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(PAGE)) return;
  const url = new URL(request.url);
  const path = `${url.origin}${url.pathname}`;
  if (request.mode === 'navigate' && (path === PAGE || path === `${PAGE}index.html`)) {
    // The page under either address and any query string is the one saved page.
    event.respondWith(networkFirst(request, PAGE, (cache, copy) => savePage(cache, copy)));
  } else if (path.startsWith(DATA) && path.endsWith('.json')) {
    event.respondWith(networkFirst(request, path, (cache, copy) => save(cache, path, copy)));
  } else if (ASSET.test(path.slice(PAGE.length))) {
    event.respondWith(savedFirst(request));
  }
});
