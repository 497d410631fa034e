// This browser as a reminder device: feature checks, the permission, subscribing with the server's VAPID key
// (or, with no VAPID key but a Firebase web config, with an FCM token) and forgetting it again. Browser-only
// code without React, so that the settings toggle and the sign-out button share it.
//
// The transport rule: web push when the server has a VAPID key (every modern browser, iOS 16.4+ in a Home Screen
// app); FCM only when the server has no VAPID key and NEXT_PUBLIC_FIREBASE_CONFIG is set at build time.
//
// No zod here: this module is on the first load of every signed-in page (the sign-out button), and zod would
// be a third of that page's own JS for two small shapes. The checks below are written out instead.

export const SERVICE_WORKER_URL = "/sw.js";
const SUBSCRIPTIONS_URL = "/api/v1/push/subscriptions";
const PUBLIC_KEY_URL = "/api/v1/push/public-key";
/** where an FCM token is remembered, to forget it on unsubscribe (FCM has no getSubscription()) */
export const FCM_TOKEN_STORAGE_KEY = "pinit.push.fcmToken";
/** dispatched on window when the toggle has changed this device's reminders (the status below checks again) */
export const PUSH_CHANGED_EVENT = "pinit:push-changed";

/** the states the toggle shows; "unavailable": the browser could, but the server has no push transport */
export type PushState = "checking" | "unsupported" | "denied" | "unavailable" | "off" | "on";

export type PushSupport = {
  supported: boolean;
  /** iPhone or iPad: push reaches only a web app added to the Home Screen */
  ios: boolean;
  /** running as a Home Screen / installed app */
  standalone: boolean;
};

/** what the page's globals say about push (a parameter, so that tests can describe any browser) */
export function pushSupport(w: {
  navigator?: { userAgent?: string; maxTouchPoints?: number; serviceWorker?: unknown; standalone?: boolean };
  PushManager?: unknown;
  Notification?: unknown;
  matchMedia?: (query: string) => { matches: boolean };
}): PushSupport {
  const ua = w.navigator?.userAgent ?? "";
  // iPadOS presents itself as a Mac; touch points tell them apart
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && (w.navigator?.maxTouchPoints ?? 0) > 1);
  const standalone =
    w.navigator?.standalone === true || (w.matchMedia?.("(display-mode: standalone)").matches ?? false);
  const supported =
    !!w.navigator?.serviceWorker && typeof w.PushManager !== "undefined" && typeof w.Notification !== "undefined";
  return { supported, ios, standalone };
}

/** the state to show, from what the browser and the server allow */
export function pushStateOf(input: {
  support: PushSupport;
  permission: NotificationPermission;
  subscribed: boolean;
  transport: PushTransportChoice | null;
}): Exclude<PushState, "checking"> {
  if (!input.support.supported) return "unsupported";
  if (input.permission === "denied") return "denied";
  if (input.subscribed && input.permission === "granted") return "on";
  if (!input.transport) return "unavailable";
  return "off";
}

// ---------------------------------------------------------------------------------------------
// Transports
// ---------------------------------------------------------------------------------------------

/** the Firebase web app config (Firebase console → Project settings → Your apps), plus its Web Push key */
export type FirebaseWebConfig = {
  apiKey: string;
  projectId: string;
  messagingSenderId: string;
  appId: string;
  authDomain?: string;
  storageBucket?: string;
  /** Cloud Messaging → Web Push certificates → key pair */
  vapidKey: string;
};

const REQUIRED_FIREBASE_FIELDS = ["apiKey", "projectId", "messagingSenderId", "appId"] as const;
const OPTIONAL_FIREBASE_FIELDS = ["authDomain", "storageBucket"] as const;
const FIREBASE_VAPID_KEY = /^[A-Za-z0-9_-]{80,100}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** NEXT_PUBLIC_FIREBASE_CONFIG parsed, or null when unset or unusable (logged, never thrown) */
export function firebaseWebConfig(raw: string | undefined): FirebaseWebConfig | null {
  if (!raw || raw.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    console.warn("[push] NEXT_PUBLIC_FIREBASE_CONFIG is not valid JSON");
    return null;
  }
  const input = isRecord(parsed) ? parsed : {};
  const lacking: string[] = REQUIRED_FIREBASE_FIELDS.filter(
    (key) => typeof input[key] !== "string" || input[key] === "",
  );
  lacking.push(...OPTIONAL_FIREBASE_FIELDS.filter((key) => input[key] !== undefined && typeof input[key] !== "string"));
  if (typeof input.vapidKey !== "string" || !FIREBASE_VAPID_KEY.test(input.vapidKey)) lacking.push("vapidKey");
  if (lacking.length > 0) {
    console.warn("[push] NEXT_PUBLIC_FIREBASE_CONFIG lacks", lacking.join(", "));
    return null;
  }
  // only the known fields, as a schema would keep them
  const config: Record<string, unknown> = {};
  for (const key of [...REQUIRED_FIREBASE_FIELDS, ...OPTIONAL_FIREBASE_FIELDS, "vapidKey"]) {
    if (input[key] !== undefined) config[key] = input[key];
  }
  return config as FirebaseWebConfig;
}

export type PushTransportChoice = { kind: "webpush"; publicKey: string } | { kind: "fcm"; config: FirebaseWebConfig };

/** a P-256 public key, base64url: 65 bytes are 87 characters */
const VAPID_PUBLIC_KEY = /^[A-Za-z0-9_-]{87}$/;

/** how this browser would subscribe: the server's VAPID key first, else Firebase, else null */
export async function pushTransport(): Promise<PushTransportChoice | null> {
  try {
    const response = await fetch(PUBLIC_KEY_URL, { credentials: "same-origin", cache: "no-store" });
    const answer: unknown = response.ok ? await response.json() : null;
    const publicKey = isRecord(answer) ? answer.publicKey : null;
    if (typeof publicKey === "string" && VAPID_PUBLIC_KEY.test(publicKey)) return { kind: "webpush", publicKey };
  } catch {
    // offline or the server is away: fall through to Firebase, which needs the server too when subscribing
  }
  const config = firebaseWebConfig(process.env.NEXT_PUBLIC_FIREBASE_CONFIG);
  return config ? { kind: "fcm", config } : null;
}

/** a base64url VAPID key as the bytes pushManager.subscribe() wants */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

// ---------------------------------------------------------------------------------------------
// Subscribing
// ---------------------------------------------------------------------------------------------

/** why subscribing or unsubscribing stopped; the toggle words it */
export class PushDeviceError extends Error {
  constructor(readonly reason: "permission" | "signed-out" | "server" | "browser") {
    super(reason);
    this.name = "PushDeviceError";
  }
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/", updateViaCache: "none" });
  return navigator.serviceWorker.ready;
}

/** whether this browser holds a push subscription of this site */
export async function isSubscribed(): Promise<boolean> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  return !!(await existing?.pushManager.getSubscription());
}

async function send(method: "POST" | "DELETE", body: unknown): Promise<void> {
  const response = await fetch(SUBSCRIPTIONS_URL, {
    method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status === 401) throw new PushDeviceError("signed-out");
  if (!response.ok) throw new PushDeviceError("server");
}

/**
 * Turns reminders on for this browser. Call it from a click: browsers ask for the permission only then.
 * The server learns the subscription last; if it refuses, the browser's subscription is undone, so the two
 * never disagree.
 */
export async function subscribeThisDevice(transport: PushTransportChoice): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new PushDeviceError("permission");
  const sw = await registration().catch(() => {
    throw new PushDeviceError("browser");
  });
  if (transport.kind === "webpush") {
    const key = applicationServerKey(transport.publicKey);
    let subscription = await sw.pushManager.getSubscription();
    // a subscription made with another key (the server's keys were replaced) can never be pushed to
    if (subscription && !sameBytes(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await sw.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }).catch(() => {
      throw new PushDeviceError("browser");
    });
    try {
      await send("POST", subscription.toJSON());
    } catch (error) {
      await subscription.unsubscribe().catch(() => {});
      throw error;
    }
    return;
  }
  const messaging = await firebaseMessaging(transport.config);
  const { getToken, deleteToken } = await import("firebase/messaging");
  const token = await getToken(messaging, { vapidKey: transport.config.vapidKey, serviceWorkerRegistration: sw }).catch(
    () => {
      throw new PushDeviceError("browser");
    },
  );
  try {
    await send("POST", { fcmToken: token });
  } catch (error) {
    await deleteToken(messaging).catch(() => {});
    throw error;
  }
  localStorage.setItem(FCM_TOKEN_STORAGE_KEY, token);
}

/**
 * Turns reminders off for this browser: the server forgets it and the browser drops the subscription. Also
 * for signing out (domain.md: signing out removes this device's subscription) — call it before the session
 * ends, while the server still knows who is asking. A server that cannot be reached does not stop the browser
 * side: a forgotten subscription answers 410 later and the server drops it then.
 */
export async function unsubscribeThisDevice(): Promise<void> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  const subscription = await existing?.pushManager.getSubscription();
  const fcmToken = localStorage.getItem(FCM_TOKEN_STORAGE_KEY);
  let serverError: unknown = null;
  if (fcmToken) {
    await send("DELETE", { fcmToken }).catch((e: unknown) => (serverError = e));
    localStorage.removeItem(FCM_TOKEN_STORAGE_KEY);
    const config = firebaseWebConfig(process.env.NEXT_PUBLIC_FIREBASE_CONFIG);
    if (config) {
      const { deleteToken } = await import("firebase/messaging");
      await deleteToken(await firebaseMessaging(config)).catch(() => {});
    }
  } else if (subscription) {
    await send("DELETE", { endpoint: subscription.endpoint }).catch((e: unknown) => (serverError = e));
  }
  await subscription?.unsubscribe().catch(() => {});
  if (serverError instanceof PushDeviceError && serverError.reason !== "signed-out") throw serverError;
}

/**
 * Tells the server again about this browser's subscription (the toggle does it when it finds the browser
 * subscribed): after another member signed in on this browser, the device moves to whoever is signed in now.
 */
export async function resyncThisDevice(): Promise<void> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  const subscription = await existing?.pushManager.getSubscription();
  const fcmToken = localStorage.getItem(FCM_TOKEN_STORAGE_KEY);
  if (fcmToken) await send("POST", { fcmToken });
  else if (subscription) await send("POST", subscription.toJSON());
}

async function firebaseMessaging(config: FirebaseWebConfig) {
  const { initializeApp, getApps } = await import("firebase/app");
  const { getMessaging } = await import("firebase/messaging");
  // the app config without vapidKey, which is getToken's and not Firebase's app option
  const appConfig = {
    apiKey: config.apiKey,
    projectId: config.projectId,
    messagingSenderId: config.messagingSenderId,
    appId: config.appId,
    authDomain: config.authDomain,
    storageBucket: config.storageBucket,
  };
  const app = getApps().find((a) => a.name === "pinit-push") ?? initializeApp(appConfig, "pinit-push");
  return getMessaging(app);
}
