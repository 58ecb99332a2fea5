// Keeps pages a person has visited readable offline. Nothing is downloaded ahead of time:
// people pay for their data.
const PAGES = 'pages-v2';
const ASSETS = 'assets-v1';
const LANG_ROUTE = /^\/([a-z]{2,3}(?:-simple)?)\/(.*)$/;
// Pages with personal data or live answers are never stored on the device.
const ONLINE_ONLY = /^\/(api|language|dev)\/|^\/[^/]+\/(book|manage|staff|desk|admin)\//;
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/language/')) return event.respondWith(switchLanguage(request, url));
    if (!ONLINE_ONLY.test(url.pathname) && LANG_ROUTE.test(url.pathname)) return event.respondWith(page(request, url));
    return;
  }
  if (url.pathname.startsWith('/pagefind/') || url.pathname.startsWith('/_astro/') || /\.(svg|webmanifest|js)$/.test(url.pathname)) {
    event.respondWith(asset(request));
  }
});

async function page(request, url) {
  const cache = await caches.open(PAGES);
  const key = url.origin + url.pathname;
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      await cache.put(key, response.clone());
      const lang = LANG_ROUTE.exec(url.pathname)?.[1];
      if (lang) keepOfflinePage(cache, url.origin + '/' + lang + '/offline/');
    }
    return response;
  } catch {
    return (await cache.match(key)) || offline(cache, url);
  }
}

async function keepOfflinePage(cache, offlineUrl) {
  if (await cache.match(offlineUrl)) return;
  try {
    const response = await fetch(offlineUrl);
    if (response.ok) await cache.put(offlineUrl, response);
  } catch {
    // Retried on the next page visit.
  }
}

async function offline(cache, url) {
  const lang = LANG_ROUTE.exec(url.pathname)?.[1] || 'de';
  return (
    (await cache.match(url.origin + '/' + lang + '/offline/')) ||
    new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  );
}

async function switchLanguage(request, url) {
  try {
    return await fetch(request);
  } catch {
    const code = url.pathname.split('/')[2] || 'de';
    const next = url.searchParams.get('next') || '';
    const cache = await caches.open(PAGES);
    const target = new URL('/' + code + '/' + next, url.origin);
    return (await cache.match(target.href)) || offline(cache, target);
  }
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  const fresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    fresh.catch(() => {});
    return cached;
  }
  return fresh;
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
