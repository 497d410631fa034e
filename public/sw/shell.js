// App shell: offline reading, pages network-first with the last good copy per URL (imported by public/sw.js; shares its global scope)
"use strict";

//
// Goal: a reload while offline shows the last copy of the page that was read, marked read only.
// - Page navigations: network first; a good answer (200, not redirected) is kept per URL in PAGES_CACHE.
//   Offline, the kept copy is served with a banner put in the HTML (no script: it works under the CSP and
//   before hydration; React 19 skips an unexpected element at the top of <body>). No copy: a short notice.
// - /_next/static/*: content-hashed, so cache first (a name never changes content).
// - /icons/*, the manifest: stale-while-revalidate.
// - Never cached: /api/* (personal data and actions), RSC fetches (client navigations; offline they fall
//   back to a full page load, which lands here), anything not GET or of another origin.
// - A navigation that ends on /signin (signed out or session gone) empties PAGES_CACHE: the pages of one
//   member must not be shown offline to whoever signs in next on this device. So does the message
//   "pinit:forget-pages", which the page sends when it signs out and on reaching /signin or /signup, whether
//   or not this worker controls it (components/pwa/offline-pages.ts; the page empties the cache itself too).
//   A page fetched before that moment is never kept after it (pagesGeneration): its fetch may still be
//   under way with the last member's cookie.
// Bump SHELL_VERSION when this section changes what it stores; activation removes the older caches.

const SHELL_VERSION = 1;
const CACHE_PREFIX = "pinit-";
const PAGES_CACHE = `${CACHE_PREFIX}pages-v${SHELL_VERSION}`;
const STATIC_CACHE = `${CACHE_PREFIX}static-v${SHELL_VERSION}`;
const SHELL_CACHES = [PAGES_CACHE, STATIC_CACHE];
/** the paths that need no sign-in; every other page is personal */
const SIGN_IN_PATHS = ["/signin", "/signup"];
const OFFLINE_BANNER_ID = "pinit-offline-banner";

/** counts the times the kept pages were forgotten; a page is kept only if none happened since its fetch began */
let pagesGeneration = 0;

function forgetPages() {
  pagesGeneration++;
  return caches.delete(PAGES_CACHE);
}

/** keeps `response` as the copy of `key`, unless the kept pages were forgotten since `generation` */
async function keepPage(/** @type {string} */ key, /** @type {Response} */ response, /** @type {number} */ generation) {
  if (generation !== pagesGeneration) return;
  const cache = await caches.open(PAGES_CACHE);
  // forgetting deletes the cache after counting, so a put that passes this check is deleted with it
  if (generation === pagesGeneration) await cache.put(key, response);
}

async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && !SHELL_CACHES.includes(name))
      .map((name) => caches.delete(name)),
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(pageNetworkFirst(request, url));
  } else if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(staticCacheFirst(request));
  } else if (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(staleWhileRevalidate(request));
  }
  // anything else (RSC fetches, images, …) goes to the network as if there were no worker
});

/** a page's cache key: its path and query, without the fragment */
function pageKey(/** @type {URL} */ url) {
  return `${url.pathname}${url.search}`;
}

/** @param {Request} request @param {URL} url */
async function pageNetworkFirst(request, url) {
  const generation = pagesGeneration;
  try {
    const response = await fetch(request);
    const landed = new URL(response.url || request.url);
    if (SIGN_IN_PATHS.includes(landed.pathname)) {
      await forgetPages();
    } else if (
      response.ok &&
      !response.redirected &&
      response.type === "basic" &&
      !SIGN_IN_PATHS.includes(url.pathname)
    ) {
      await keepPage(pageKey(url), response.clone(), generation);
    }
    return response;
  } catch {
    const cached = await (await caches.open(PAGES_CACHE)).match(pageKey(url));
    return cached ? withOfflineBanner(cached) : offlineNotice();
  }
}

/**
 * the cached page with the read-only banner as the first thing in <body>, in the flow of the page: above the
 * navigation, never over it (a sticky banner covered the nav bar as the page scrolled, issue 20.12)
 */
async function withOfflineBanner(/** @type {Response} */ cached) {
  const html = await cached.text();
  const text = SHELL_TEXTS[language()];
  const banner =
    `<div id="${OFFLINE_BANNER_ID}" role="status" ` +
    `style="position:relative;padding:10px 16px;background:#1d2a33;color:#fff;font:600 15px/1.4 system-ui,sans-serif;text-align:center">` +
    `${text.banner}</div>`;
  const body = /<body[^>]*>/i.exec(html);
  const marked = body
    ? html.slice(0, body.index + body[0].length) + banner + html.slice(body.index + body[0].length)
    : banner + html;
  const headers = new Headers(cached.headers);
  headers.delete("content-length");
  headers.set("x-pinit-offline", "1");
  return new Response(marked, { status: 200, statusText: "OK", headers });
}

/** offline and no copy of the page: a minimal page that says so (inline styles only; no script) */
function offlineNotice() {
  const lang = language();
  const text = SHELL_TEXTS[lang];
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Pinit</title></head><body style="margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f8f7;color:#1d2a33">` +
    `<div id="${OFFLINE_BANNER_ID}" role="status" style="padding:10px 16px;background:#1d2a33;color:#fff;font-weight:600;text-align:center">${text.banner}</div>` +
    `<main style="max-width:36rem;margin:0 auto;padding:32px 20px"><h1>${text.missingTitle}</h1><p>${text.missingBody}</p>` +
    `<p><a href="${HOME_PATH}" style="color:#2b6b63">Pinit</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** @param {Request} request */
async function staticCacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** @param {Request} request */
async function staleWhileRevalidate(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })
    .catch(() => cached || Response.error());
  return cached || fresh;
}

// The first page of a visit loads before this worker controls it, so none of its files went through the fetch
// handler above. components/pwa/register-sw.tsx sends their URLs once the worker is ready; they are fetched and
// kept here, so that even the very first page can be reloaded offline.
self.addEventListener("message", (event) => {
  const data = event.data;
  // the page reached /signin or /signup without a full load (signing out is a client-side navigation)
  if (data && data.type === "pinit:forget-pages") return event.waitUntil(forgetPages());
  if (!data || data.type !== "pinit:cache-page" || !Array.isArray(data.urls)) return;
  event.waitUntil(warmUp(data.urls.filter((/** @type {unknown} */ u) => typeof u === "string").slice(0, 100)));
});

/** @param {string[]} urls */
async function warmUp(urls) {
  const generation = pagesGeneration;
  for (const raw of urls) {
    let url;
    try {
      url = new URL(raw, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) continue;
    try {
      if (url.pathname.startsWith("/_next/static/")) {
        const cache = await caches.open(STATIC_CACHE);
        if (!(await cache.match(url.href))) {
          const response = await fetch(url.href);
          if (response.ok) await cache.put(url.href, response);
        }
      } else if (!SIGN_IN_PATHS.includes(url.pathname) && !url.pathname.includes(".")) {
        // a page: the same network-first rule as a navigation, minus the answer
        const response = await fetch(url.href, { credentials: "same-origin", redirect: "follow" });
        if (response.ok && !response.redirected) await keepPage(pageKey(url), response, generation);
      }
    } catch (error) {
      console.warn("[pinit] could not keep a copy for offline use", raw, error);
    }
  }
}
