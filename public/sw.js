// DDI Atlas service worker: the site keeps working offline after one visit.
// Install precaches the shell (home, index pages, the search indexes, the scripts and styles); every
// page fetched later is cached as it is seen. Pages: network first (always fresh online), cache when
// offline. Hashed assets never change: cache first.
const CACHE = 'ddi-atlas-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch('/offline-manifest.json', { cache: 'no-store' });
      const manifest = await response.json();
      const cache = await caches.open(CACHE);
      await cache.put('/offline-manifest.json', new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }));
      await cache.addAll(manifest.shell);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

const IMMUTABLE = /^\/(_astro\/|pagefind\/(?!pagefind\.js$|pagefind-entry\.json$))/;

// pagefind asks for pagefind-entry.json?ts=<now> to dodge HTTP caches: store and look up search files by
// path alone, or the offline copy would never match the next request.
function cacheKey(request) {
  const url = new URL(request.url);
  return url.pathname.startsWith('/pagefind/') ? url.origin + url.pathname : request;
}

async function cacheFirst(request) {
  const cached = await caches.match(cacheKey(request));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(cacheKey(request), response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') (await caches.open(CACHE)).put(cacheKey(request), response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(cacheKey(request));
    if (cached) return cached;
    if (request.mode === 'navigate') {
      const fallback = await caches.match('/offline/');
      if (fallback) return fallback;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
