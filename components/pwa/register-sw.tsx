"use client";
// Registers the service worker (public/sw.js) on every page once the page has loaded, so that the app shell is
// cached for offline reading and the app is installable, not only after push reminders are turned on. The same
// registration options as components/push/push-device.ts, so the two never disagree.
//
// It also keeps the "offline — read only" banner on screen. The worker writes the banner into a page it serves
// from its cache (public/sw/shell.js), which shows even before any script runs; but hydration then removes it,
// because React does not expect it in <body>. So the banner is picked up here before hydration (this module is
// evaluated first) and put back once React is done. The words stay the worker's: one place for them.
//
// And it follows the worker's "pinit:open" message: a click on a reminder while this page is open, when the
// worker cannot navigate the page itself (it does not control it), takes the page to the reminder's schedule.
import type { Route } from "next";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { forgetOfflinePages } from "./offline-pages";

const SERVICE_WORKER_URL = "/sw.js";
const OFFLINE_BANNER_ID = "pinit-offline-banner";
/** pages of a signed-out visitor: reaching one means the kept pages of the last member must go */
const SIGNED_OUT_PATHS = ["/signin", "/signup"];

const offlineBanner: Node | null =
  typeof document === "undefined" ? null : (document.getElementById(OFFLINE_BANNER_ID)?.cloneNode(true) ?? null);

/** the page and the files it loaded, for the worker to keep (see public/sw/shell.js) */
function pageFiles(): string[] {
  const files = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
  return [`${location.pathname}${location.search}`, ...files];
}

async function register(): Promise<void> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/", updateViaCache: "none" });
  const ready = await navigator.serviceWorker.ready;
  // a page served from the cache is not worth keeping again (and the banner is in it)
  if (!offlineBanner) ready.active?.postMessage({ type: "pinit:cache-page", urls: pageFiles() });
}

export function RegisterServiceWorker() {
  const pathname = usePathname();
  const router = useRouter();

  // Signing out ends on /signin through a client-side navigation, which the worker's fetch handler never sees as
  // a page load: forget the kept pages from here, so that one member's pages are not shown offline to the next
  // person on this device (also when this page is not controlled by the worker).
  useEffect(() => {
    if (!SIGNED_OUT_PATHS.includes(pathname)) return;
    forgetOfflinePages().catch((error: unknown) => console.warn("[pinit] could not forget the offline pages", error));
  }, [pathname]);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const container = navigator.serviceWorker;
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown; url?: unknown } | null;
      if (!data || data.type !== "pinit:open" || typeof data.url !== "string") return;
      const target = new URL(data.url, location.origin);
      if (target.origin !== location.origin) return;
      // a path of this site, checked just above
      router.push(`${target.pathname}${target.search}${target.hash}` as Route);
    };
    container.addEventListener("message", onMessage);
    container.startMessages();
    return () => container.removeEventListener("message", onMessage);
  }, [router]);

  useEffect(() => {
    if (!offlineBanner) return;
    if (!document.getElementById(OFFLINE_BANNER_ID)) document.body.prepend(offlineBanner);
    // back online: load the live page in place of the kept copy
    const reload = () => location.reload();
    window.addEventListener("online", reload, { once: true });
    return () => window.removeEventListener("online", reload);
  }, []);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const start = () => {
      register().catch((error: unknown) => console.warn("[pinit] service worker registration failed", error));
    };
    if (document.readyState === "complete") start();
    else {
      window.addEventListener("load", start, { once: true });
      return () => window.removeEventListener("load", start);
    }
  }, []);
  return null;
}
