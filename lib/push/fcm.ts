import "server-only";
// One Firebase Cloud Messaging message to one registration token (a browser that subscribed through the
// `firebase` package). A data message: the service worker shows the notification itself, from the same payload
// as web push, carried as JSON in data[FCM_DATA_FIELD] (FCM data values are strings).
//
// firebase-admin is loaded only when an FCM device is actually sent to, so a server without Firebase never
// pays for it.
import type { Agent } from "node:https";
import type { App, Credential } from "firebase-admin/app";
import type { FirebaseServiceAccount } from "./config";
import { FCM_DATA_FIELD } from "./payload";
import { reasonOf, type DeviceOutcome } from "./outcome";

export type FcmSendOptions = {
  account: FirebaseServiceAccount;
  ttlSeconds: number;
  topic?: string;
  /** the https.Agent of FCM requests: tests pass one that leads to their fake FCM endpoint */
  httpAgent?: Agent;
  /** replaces the service account's OAuth credential (tests: no token server is reachable offline) */
  credential?: Credential;
};

/** FCM's answer for a token that will never work again (FCM v1 UNREGISTERED / NOT_FOUND) */
const GONE_CODES = new Set(["messaging/registration-token-not-registered"]);

// one firebase-admin App per service account (and per test agent): initializeApp refuses a second of one name
const apps = new Map<string, Promise<App>>();
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;

/** a number per injected object (agent, credential), so that each gets its own App */
function idOf(o: object | undefined): number {
  if (!o) return 0;
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = ++lastObjectId));
  return id;
}

function appFor(options: FcmSendOptions): Promise<App> {
  const { projectId, clientEmail } = options.account;
  const name = `pinit-push:${projectId}:${clientEmail}:${idOf(options.httpAgent)}:${idOf(options.credential)}`;
  let app = apps.get(name);
  if (!app) {
    app = import("firebase-admin/app").then(({ initializeApp, cert }) =>
      initializeApp(
        {
          credential: options.credential ?? cert(options.account, options.httpAgent),
          projectId: options.account.projectId,
          ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}),
        },
        name,
      ),
    );
    app.catch(() => apps.delete(name));
    apps.set(name, app);
  }
  return app;
}

export async function sendFcm(token: string, body: string, options: FcmSendOptions): Promise<DeviceOutcome> {
  try {
    const app = await appFor(options);
    const { getMessaging } = await import("firebase-admin/messaging");
    await getMessaging(app).send({
      token,
      data: { [FCM_DATA_FIELD]: body },
      // the Web Push headers FCM passes on to the browser's push service
      webpush: {
        headers: {
          TTL: String(options.ttlSeconds),
          Urgency: "high",
          ...(options.topic ? { Topic: options.topic } : {}),
        },
      },
    });
    return { kind: "delivered" };
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (GONE_CODES.has(code)) return { kind: "gone", reason: code };
    return { kind: "retryable", reason: code ? `${code}: ${reasonOf(error)}` : reasonOf(error) };
  }
}
