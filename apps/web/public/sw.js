// The installable app's service worker (scope `/`, served with Cache-Control: no-cache so a new
// build replaces it on the next visit).
// - App shell: index.html and every built asset are cached at install, so the app starts without
//   a connection. Hashed assets are answered from the cache; pages are fetched network-first (a
//   new build shows on the next visit) and the last good copy is used when the network fails. The API is never cached here: a view must never be silently old.
// - Background queue: a liaison's submissions made offline are kept by the page (the outbox) with
//   their Idempotency-Key. The page registers a Background Sync; when the browser sees the
//   connection return it wakes this worker, which asks the open pages to send what waits — the
//   sign-in lives in the tab, never here — and keeps the sync pending until nothing waits, so the
//   browser tries again later. The page's own replay (online event, start, timer) is the fallback
//   where Background Sync is missing; both go through one replay, so each key is sent once at a time.
// The build (apps/web/scripts/build-web.mjs) replaces the two values below.
const VERSION = 'dev';
const SHELL_FILES = ['/', '/manifest.webmanifest', '/icon.svg', '/icon-192.png'];
const SHELL = `ctp-shell-${VERSION}`;
const SYNC_TAG = 'ctp-outbox';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ctp-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || /^\/(api|health)(\/|$)/.test(url.pathname)) return;
  // Hashed assets never change under their name: the cached copy answers without a network round trip.
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(event.request).then((hit) => hit || fetchAndKeep(event, event.request)));
    return;
  }
  const key = event.request.mode === 'navigate' ? '/' : event.request;
  event.respondWith(fetchAndKeep(event, key).catch(() => caches.match(key).then((hit) => hit || Response.error())));
});

/** The network's answer, kept in the shell cache under `key` when it is good. */
function fetchAndKeep(event, key) {
  return fetch(event.request).then((res) => {
    if (res.ok) {
      const copy = res.clone();
      event.waitUntil(caches.open(SHELL).then((c) => c.put(key, copy)));
    }
    return res;
  });
}

/** Asks one page to send its outbox; answers how many submissions still wait (Infinity: no answer). */
function askToReplay(client) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(Infinity), 60_000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(Number(e.data?.waiting ?? Infinity));
    };
    client.postMessage({ type: 'outbox-replay' }, [channel.port2]);
  });
}

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then(async (pages) => {
      // No open page holds a sign-in: the submissions wait for the next start, which sends them.
      if (pages.length === 0) throw new Error('no open page to send the outbox');
      // One page is enough (they share the outbox and take turns); the next answers if it does not.
      for (const page of pages) if ((await askToReplay(page)) === 0) return;
      throw new Error('submissions still waiting');
    }),
  );
});
