import "server-only";
// Which push transports this server can use, read from the environment (.env.example):
// - web push with VAPID: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY (scripts/vapid-keys.mjs makes a pair), VAPID_SUBJECT;
// - Firebase Cloud Messaging: FIREBASE_SERVICE_ACCOUNT (a service account's JSON).
// Neither is required: with none set, reminders are simply not pushed. A half or malformed setting does not
// throw either (a reminder must not crash over it) but is reported, with its reason, in every send's result and
// once in the server log, and the public key is then withheld so that no browser subscribes with it.

import { createECDH } from "node:crypto";
import * as z from "zod";

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };
export type FirebaseServiceAccount = { projectId: string; clientEmail: string; privateKey: string };

export type TransportSetting<T> = { ok: true; value: T } | { ok: false; reason: string };

export type PushConfig = {
  /** null: not configured at all */
  webPush: TransportSetting<VapidDetails> | null;
  fcm: TransportSetting<FirebaseServiceAccount> | null;
};

// An uncompressed P-256 public key is 65 bytes (87 base64url characters); a private key is 32 bytes (43).
const Base64Url = (bytes: number) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url")
    .transform((s) => s.replace(/=+$/, ""))
    .refine((s) => Buffer.from(s, "base64url").length === bytes, `must encode ${bytes} bytes`);

const Vapid = z.object({
  publicKey: Base64Url(65).refine(
    (s) => Buffer.from(s, "base64url")[0] === 0x04,
    "must be an uncompressed P-256 point",
  ),
  privateKey: Base64Url(32),
  // web-push and the push services want a contact: mailto: or an https URL (Apple refuses anything else)
  subject: z
    .string()
    .trim()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be mailto:you@example.com or an https:// URL"),
});

// the fields of a Google service-account JSON that firebase-admin's cert() needs
const ServiceAccount = z
  .object({
    project_id: z.string().min(1),
    client_email: z.string().min(1),
    private_key: z.string().includes("PRIVATE KEY"),
  })
  .transform((s) => ({ projectId: s.project_id, clientEmail: s.client_email, privateKey: s.private_key }));

const present = (v: string | undefined): v is string => typeof v === "string" && v.trim() !== "";

/** "VAPID_PUBLIC_KEY must encode 65 bytes; …": each issue under the name of the variable it came from */
function describe(error: z.ZodError, names: Record<string, string>): string {
  return error.issues.map((i) => `${names[String(i.path[0])] ?? "value"} ${i.message}`).join("; ");
}

const VAPID_VARIABLES = { publicKey: "VAPID_PUBLIC_KEY", privateKey: "VAPID_PRIVATE_KEY", subject: "VAPID_SUBJECT" };

export function readPushConfig(env: Record<string, string | undefined> = process.env): PushConfig {
  return { webPush: readVapid(env), fcm: readFirebase(env) };
}

function readVapid(env: Record<string, string | undefined>): PushConfig["webPush"] {
  const given = [env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY, env.VAPID_SUBJECT].filter(present).length;
  if (given === 0) return null;
  const parsed = Vapid.safeParse({
    publicKey: env.VAPID_PUBLIC_KEY ?? "",
    privateKey: env.VAPID_PRIVATE_KEY ?? "",
    subject: env.VAPID_SUBJECT ?? "",
  });
  if (!parsed.success) {
    return { ok: false, reason: `web push is off: ${describe(parsed.error, VAPID_VARIABLES)}` };
  }
  // a private key that is not the public key's would make every push service answer 403, forever
  if (!isKeyPair(parsed.data.publicKey, parsed.data.privateKey)) {
    return { ok: false, reason: "web push is off: VAPID_PRIVATE_KEY is not the private key of VAPID_PUBLIC_KEY" };
  }
  return { ok: true, value: parsed.data };
}

function isKeyPair(publicKey: string, privateKey: string): boolean {
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(privateKey, "base64url"));
    return ecdh.getPublicKey().equals(Buffer.from(publicKey, "base64url"));
  } catch {
    return false;
  }
}

function readFirebase(env: Record<string, string | undefined>): PushConfig["fcm"] {
  const raw = env.FIREBASE_SERVICE_ACCOUNT;
  if (!present(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "FCM is off: FIREBASE_SERVICE_ACCOUNT is not valid JSON" };
  }
  const parsed = ServiceAccount.safeParse(json);
  // never echo the value: it holds a private key
  if (!parsed.success)
    return {
      ok: false,
      reason: `FCM is off: FIREBASE_SERVICE_ACCOUNT lacks a valid ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    };
  return { ok: true, value: parsed.data };
}

const warned = new Set<string>();
/** logs a configuration problem once per process (every reminder would repeat it otherwise) */
export function warnOnce(reason: string): void {
  if (warned.has(reason)) return;
  warned.add(reason);
  console.warn(`[push] ${reason}`);
}

/** the VAPID public key browsers subscribe with, or null when web push is not (properly) configured */
export function vapidPublicKey(env: Record<string, string | undefined> = process.env): string | null {
  const setting = readVapid(env);
  if (setting && !setting.ok) warnOnce(setting.reason);
  return setting?.ok ? setting.value.publicKey : null;
}
