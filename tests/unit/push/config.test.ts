// Reading the push settings (lib/push/config.ts): absent is fine, half or wrong is reported, never thrown.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import webpush from "web-push";
import { describe, expect, it, vi } from "vitest";
import { readPushConfig, vapidPublicKey } from "@/lib/push/config";
import { isAuthSecret, isP256PublicKey, subscriptionKeyProblems } from "@/lib/push/keys";

const pair = webpush.generateVAPIDKeys();
const other = webpush.generateVAPIDKeys();
const SUBJECT = "mailto:ops@pinit.example";

describe("readPushConfig", () => {
  it("is off without settings", () => {
    expect(readPushConfig({})).toEqual({ webPush: null, fcm: null });
    expect(vapidPublicKey({})).toBeNull();
  });

  it("takes a VAPID pair with its subject", () => {
    const env = { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: SUBJECT };
    expect(readPushConfig(env).webPush).toEqual({ ok: true, value: { ...pair, subject: SUBJECT } });
    expect(vapidPublicKey(env)).toBe(pair.publicKey);
  });

  it.each([
    ["a missing private key", { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_SUBJECT: SUBJECT }, /VAPID_PRIVATE_KEY/],
    ["a missing subject", { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }, /VAPID_SUBJECT/],
    [
      "a subject that is no contact",
      { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: "ops" },
      /VAPID_SUBJECT/,
    ],
    [
      "a truncated public key",
      { VAPID_PUBLIC_KEY: pair.publicKey.slice(1), VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: SUBJECT },
      /VAPID_PUBLIC_KEY/,
    ],
    [
      "keys of two pairs",
      { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: other.privateKey, VAPID_SUBJECT: SUBJECT },
      /not the private key/,
    ],
  ])("reports %s and withholds the public key", (_label, env, reason) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const setting = readPushConfig(env).webPush;
    expect(setting?.ok).toBe(false);
    expect(setting && !setting.ok && setting.reason).toMatch(reason);
    expect(vapidPublicKey(env)).toBeNull();
    // the private key never appears in what is logged
    for (const call of warn.mock.calls) expect(String(call[0])).not.toContain(pair.privateKey);
    warn.mockRestore();
  });

  it("takes a Firebase service account, and reports a broken one without echoing it", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const account = {
      type: "service_account",
      project_id: "pinit-test",
      client_email: "push@pinit-test.iam.gserviceaccount.com",
      private_key: pem,
    };
    expect(readPushConfig({ FIREBASE_SERVICE_ACCOUNT: JSON.stringify(account) }).fcm).toEqual({
      ok: true,
      value: { projectId: "pinit-test", clientEmail: account.client_email, privateKey: pem },
    });
    const notJson = readPushConfig({ FIREBASE_SERVICE_ACCOUNT: `{${pem}` }).fcm;
    expect(notJson).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(JSON.stringify(notJson)).not.toContain("PRIVATE KEY");
    expect(
      readPushConfig({ FIREBASE_SERVICE_ACCOUNT: JSON.stringify({ ...account, project_id: "" }) }).fcm,
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/project_id/),
    });
  });
});

describe("subscription keys", () => {
  it("accepts a browser's P-256 key and 16-byte auth secret, and names what is wrong otherwise", () => {
    const key = webpush.generateVAPIDKeys().publicKey; // the same shape as a browser's p256dh
    const auth = Buffer.alloc(16, 7).toString("base64url");
    expect(isP256PublicKey(key)).toBe(true);
    expect(isAuthSecret(auth)).toBe(true);
    expect(subscriptionKeyProblems({ p256dh: key, auth })).toEqual({});
    // 65 bytes that start right but are no point on the curve
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url");
    expect(isP256PublicKey(offCurve)).toBe(false);
    expect(Object.keys(subscriptionKeyProblems({ p256dh: offCurve, auth: "short" }))).toEqual([
      "keys.p256dh",
      "keys.auth",
    ]);
    expect(isP256PublicKey("not base64!")).toBe(false);
  });
});

describe("scripts/vapid-keys.mjs", () => {
  it("prints a new working pair as two .env lines", () => {
    const run = () => execFileSync(process.execPath, ["scripts/vapid-keys.mjs"], { encoding: "utf8" });
    const output = run();
    const lines = output.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^VAPID_PUBLIC_KEY=[A-Za-z0-9_-]{87}$/),
      expect.stringMatching(/^VAPID_PRIVATE_KEY=[A-Za-z0-9_-]{43}$/),
    ]);
    const env = Object.fromEntries(lines.map((l) => l.split("=") as [string, string]));
    expect(readPushConfig({ ...env, VAPID_SUBJECT: SUBJECT }).webPush?.ok).toBe(true);
    expect(run()).not.toBe(output);
  });
});
