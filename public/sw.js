// Klaster's service worker: repeat visits work offline, and a new release reaches readers.
//
// - Pages and the data package: network first, so a reader online always gets the
//   published files; when the network fails, the copy saved on this device. A page
//   served that way carries `data-saved-at` on <html> (the boot script shows the "saved
//   on this device" notice), a data file the header x-klaster-saved-at (the chart card
//   says so).
// - Files with a hash in their name (the app's .js, .wasm, .css): the saved copy first;
//   their names change with their content.
// - Everything saved belongs to one release of the site: RELEASE is stamped by the build
//   from the app's and the data's hashes, so a new build is a new worker. Installing it
//   opens a new cache, and activating it deletes every older one, so old and new files
//   never mix, and the worker tells open pages of an older release that newer data is
//   there. What the reader had saved comes along, fetched again (see carryOver).
// - The cache is bounded: at most MAX_ENTRIES responses, the oldest dropped first.
'use strict';

const RELEASE = '__KLASTER_RELEASE__';
const CACHE = `klaster-${RELEASE}`;
const MAX_ENTRIES = 120;
const SAVED_AT = 'x-klaster-saved-at';
const ROOT = new URL('./', self.registration.scope).href;
const HASHED = /-[0-9a-zA-Z]{12,}(?:_bg)?\.(?:js|wasm|css)$/;

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

/** Saves a good response, then drops the oldest entries beyond the bound. */
async function save(url, response) {
  if (!response.ok || response.type !== 'basic') return;
  const cache = await caches.open(CACHE);
  await cache.put(url, await stamped(response));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(old);
}

/** A saved page, marked on <html> with when it was saved, for the notice. */
async function savedPage(saved) {
  const when = saved.headers.get(SAVED_AT) || '';
  const html = (await saved.text()).replace(/<html\b/, `<html data-saved-at="${when.replace(/[^0-9TZ:.\-]/g, '')}"`);
  const headers = new Headers(saved.headers);
  headers.delete('content-length');
  return new Response(html, { status: saved.status, statusText: saved.statusText, headers });
}

/** Network first; the saved copy when the network fails. */
async function networkFirst(request, key, isPage) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      save(key, response.clone()).catch(() => {});
      return response;
    }
    if (response.status < 500 && response.status !== 429) return response;
    const saved = await caches.match(key, { cacheName: CACHE });
    if (!saved) return response;
    return isPage ? savedPage(saved) : saved;
  } catch (error) {
    const saved = await caches.match(key, { cacheName: CACHE });
    if (saved) return isPage ? savedPage(saved) : saved;
    throw error;
  }
}

/** The saved copy of a hashed file, stripped of the saved-at mark; else the network. */
async function savedFirst(request) {
  const saved = await caches.match(request.url, { cacheName: CACHE });
  if (saved) {
    const headers = new Headers(saved.headers);
    headers.delete(SAVED_AT);
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
  const response = await fetch(request);
  save(request.url, response.clone()).catch(() => {});
  return response;
}

/**
 * What a reader had saved, brought into the new release's cache: the pages and data
 * fetched again from the network (so old and new never mix), and the hashed files the
 * fresh pages name, with their wasm (a hashed file's content never changes, whichever
 * release saved it).
 * Without this, activating deletes the old cache and the page just read is gone offline.
 */
async function carryOver(cache) {
  const older = (await caches.keys()).filter((name) => name.startsWith('klaster-') && name !== CACHE);
  const hashed = new Map();
  const plain = new Set();
  for (const name of older) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (HASHED.test(new URL(request.url).pathname)) hashed.set(request.url, old);
      else plain.add(request.url);
    }
  }
  const pages = [];
  let fetched = 0;
  await Promise.all([...plain].map(async (url) => {
    try {
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok || response.type !== 'basic') return;
      if ((response.headers.get('content-type') || '').startsWith('text/html')) pages.push(await response.clone().text());
      await cache.put(url, await stamped(response));
      fetched += 1;
    } catch (error) { /* that file waits for the reader's next visit */ }
  }));
  // No network after all: keep the old worker and its files rather than lose them.
  if (plain.size && !fetched) throw new Error('klaster: could not fetch the new release');
  const named = pages.join('\n');
  for (const [url, old] of hashed) {
    // A page names its app's JS glue; the wasm goes with it.
    const file = url.slice(url.lastIndexOf('/') + 1).replace(/_bg\.wasm$/, '.js');
    if (!named.includes(file)) continue;
    const saved = await old.match(url);
    if (saved) await cache.put(url, saved);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(carryOver).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith('klaster-') && name !== CACHE);
    await Promise.all(older.map((name) => caches.delete(name)));
    await self.clients.claim();
    // Pages opened under an older release learn that newer files are published.
    if (older.length) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ type: 'klaster:updated', release: RELEASE });
      }
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT)) return;
  const url = new URL(request.url);
  const key = `${url.origin}${url.pathname}`;
  if (url.pathname.endsWith('/sw.js')) return;
  if (request.mode === 'navigate') {
    // A page under any query string is the one saved page.
    event.respondWith(networkFirst(request, key, true));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(savedFirst(request));
  } else {
    event.respondWith(networkFirst(request, key, false));
  }
});
