// Pinit's service worker: reminders on the lock screen (domain.md "Reminders and push"), and reading offline.
// Plain JavaScript with no bundler, so it stays small and readable: this file holds the settings and the
// lifecycle, and imports one classic script per concern (they share this worker's global scope, in this order):
//   sw/texts.js   — its words in Korean and English, generated from messages/*/push.json (scripts/sw-texts.mjs)
//   sw/payload.js — reminder payloads, validated by hand with the same rules as lib/push/payload.ts
//   sw/shown.js   — shown keys: "shown in the last 7 days", checked and recorded in one IndexedDB insert
//   sw/push.js    — show each reminder once; a duplicate replaces it silently; a malformed push gets a notice
//   sw/clicks.js  — Start, Snooze, or open the app (focus an open page and take it to the schedule)
//   sw/shell.js   — offline reading: pages network-first with the last good copy per URL, Next's static files
//                   cache-first, an "offline — read only" banner on a page served from the cache
"use strict";

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const SHOWN_FOR_MS = 7 * 24 * 60 * 60 * 1000;
const DATABASE = { name: "pinit-push", version: 1, store: "shown-reminders" };
/** the tag of the generic notice, so that several malformed pushes make one notice */
const NOTICE_TAG = "pinit:notice";
const HOME_PATH = "/today";
const REQUEST_TIMEOUT_MS = 8000;

importScripts("/sw/texts.js", "/sw/payload.js", "/sw/shown.js", "/sw/push.js", "/sw/clicks.js", "/sw/shell.js");

/** the language of the device (the worker does not know the member's setting) */
function language() {
  return String(self.navigator.language || "en")
    .toLowerCase()
    .startsWith("ko")
    ? "ko"
    : "en";
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

// A new version takes over open pages at once, so reminders always run the newest code. That is safe with the
// app shell's caches (sw/shell.js): pages are network-first, and the static files are content-hashed (an old page's
// assets stay cached under their own names). Activation deletes the caches of older versions.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(Promise.all([self.clients.claim(), deleteOldCaches()])));
