// The offline copies of pages on this device (public/sw/shell.js) belong to the member who read them:
// signing out, and reaching the sign-in or sign-up page, forgets them. Browser-only code without React, shared
// by the sign-out button and the service worker's registration.
//
// Two things, because either alone can miss: the worker is told (it may be fetching a page to keep right now,
// and only it can drop that), through its registration rather than navigator.serviceWorker.controller, which
// is null on a page it does not control (the first page of a visit, a hard reload); and the page deletes the
// cache itself, which works even when no worker runs at all.

/** the prefix of the worker's page caches (pinit-pages-v<n>) */
const PAGES_CACHE_PREFIX = "pinit-pages-";

export async function forgetOfflinePages(): Promise<void> {
  if ("serviceWorker" in navigator) {
    const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
    const worker = registration?.active ?? registration?.waiting ?? registration?.installing;
    worker?.postMessage({ type: "pinit:forget-pages" });
  }
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PAGES_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
