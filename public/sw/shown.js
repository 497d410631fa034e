// Shown keys: "shown in the last 7 days", checked and recorded in one IndexedDB insert (imported by public/sw.js; shares its global scope)
"use strict";

/** @type {Promise<IDBDatabase> | null} */
let database = null;

function openDatabase() {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE.name, DATABASE.version);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(DATABASE.store, { keyPath: "key" }).createIndex("shownAt", "shownAt");
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => {
        request.result.close();
        database = null;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
  database.catch(() => (database = null));
  return database;
}

/**
 * Records that `key` is shown now, unless it was shown in the last 7 days. One readwrite transaction first
 * forgets records older than 7 days, then inserts { key, shownAt } with add(), which fails on an existing key.
 * IndexedDB runs overlapping readwrite transactions one after the other, so of two copies arriving together
 * exactly one insert succeeds.
 * @param {string} key
 * @param {number} now
 * @returns {Promise<boolean>} true when this is the first showing
 */
async function claimKey(key, now) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(DATABASE.store, "readwrite");
    const store = tx.objectStore(DATABASE.store);
    let first = false;
    const expired = store.index("shownAt").openCursor(IDBKeyRange.upperBound(now - SHOWN_FOR_MS));
    expired.onsuccess = () => {
      const cursor = expired.result;
      if (cursor) {
        cursor.delete();
        cursor.continue();
        return;
      }
      const insert = store.add({ key, shownAt: now });
      insert.onsuccess = () => (first = true);
      insert.onerror = (event) => {
        if (insert.error && insert.error.name === "ConstraintError") event.preventDefault(); // a duplicate, not a failure
      };
    };
    tx.oncomplete = () => resolve(first);
    tx.onabort = () => reject(tx.error);
  });
}
