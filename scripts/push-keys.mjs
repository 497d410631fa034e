// Web push keys for a start (scripts/start.mjs), decided from the environment:
// - configured keys (VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY) always win, and so does FCM (FIREBASE_SERVICE_ACCOUNT:
//   the browser then subscribes through Firebase);
// - `npm start` on a real DATABASE_URL (production) makes none: keys kept on one disk would break every
//   subscription on a second server or a redeploy. It says so in one line and starts without web push;
// - otherwise (a local install) a pair is made on first start and kept in .data/vapid-keys.json (git-ignored,
//   mode 0600), then reused on every start: replacing it would make every browser subscription useless.
// Without VAPID_SUBJECT the contact is derived from the site's configured address (NEXTAUTH_URL): its https
// origin, or mailto:pinit@<host> for a local http address (push services accept only mailto: or https:).
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";

const present = (value) => typeof value === "string" && value.trim() !== "";

/** the VAPID contact for the configured address (NEXTAUTH_URL, default http://localhost:3000) */
export function pushSubject(env) {
  const address = present(env.NEXTAUTH_URL) ? env.NEXTAUTH_URL.trim() : "http://localhost:3000";
  try {
    const url = new URL(address);
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
    if (url.protocol === "https:" && !local) return url.origin;
    return `mailto:pinit@${local ? "localhost" : url.hostname}`;
  } catch {
    return "mailto:pinit@localhost";
  }
}

/** this install's key pair: made once in `dir` (mode 0600, never replaced), read back on every later start */
export function localVapidKeys(dir = ".data") {
  const file = join(dir, "vapid-keys.json");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { publicKey, privateKey } = webpush.generateVAPIDKeys();
    // written whole under another name, then linked into place: a second start at the same moment finds either
    // no file or a complete one, and the first pair made is the one both keep
    const temporary = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, JSON.stringify({ publicKey, privateKey }) + "\n", { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (e) {
      if (e?.code !== "EEXIST") throw e;
    } finally {
      unlinkSync(temporary);
    }
  }
  let keys;
  try {
    keys = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    keys = null;
  }
  if (!present(keys?.publicKey) || !present(keys?.privateKey))
    throw new Error(`${file} does not hold a VAPID key pair`);
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

/**
 * What a start adds to the environment for web push, where the keys come from, and the one line to print
 * (null when there is nothing to say).
 * @param {Record<string, string | undefined>} env
 * @param {{ mode: "dev" | "start", dir?: string }} options
 * @returns {{ env: Record<string, string>, source: "configured" | "fcm" | "generated" | "none", notice: string | null }}
 */
export function pushKeys(env, { mode, dir = ".data" }) {
  const subject = present(env.VAPID_SUBJECT) ? {} : { VAPID_SUBJECT: pushSubject(env) };
  if (present(env.VAPID_PUBLIC_KEY) || present(env.VAPID_PRIVATE_KEY)) {
    return { env: subject, source: "configured", notice: null };
  }
  if (present(env.FIREBASE_SERVICE_ACCOUNT)) return { env: {}, source: "fcm", notice: null };
  if (mode === "start" && present(env.DATABASE_URL)) {
    return {
      env: {},
      source: "none",
      notice:
        "Pinit: web push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set (`node scripts/vapid-keys.mjs` makes a pair), so no reminder reaches a lock screen.",
    };
  }
  const keys = localVapidKeys(dir);
  return {
    env: { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, ...subject },
    source: "generated",
    notice: null,
  };
}
