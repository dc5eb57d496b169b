// Keeps the citizens' counter pages usable without a network (a kiosk tablet, a phone that lost its signal).
// The page's script stores the page it is on and its assets in the "suara-pages-v1" cache; here, a counter
// page is fetched from the network first and from that cache when there is none, and hashed assets (which
// never change) come from the cache first. Ratings themselves wait in the page's own queue, not here.
const PAGES = "suara-pages-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(PAGES).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }
  if (request.mode === "navigate" && url.pathname.startsWith("/l/")) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(PAGES).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(request).then((hit) => hit || caches.match(url.pathname)).then((hit) => hit || Response.error()),
        ),
    );
  }
});
