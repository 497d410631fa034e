// The start script's web push keys (issue 17.1): configured keys win; a local install makes a pair once, keeps
// it in .data/ with mode 0600 and reuses it; production without keys says so in one line; the subject comes
// from the configured address.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPushConfig } from "@/lib/push/config";
import { localVapidKeys, pushKeys, pushSubject } from "../../../scripts/push-keys.mjs";

let dir = "";
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "pinit-push-keys-")), ".data");
});
afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

const CONFIGURED = {
  VAPID_PUBLIC_KEY: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  VAPID_PRIVATE_KEY: "configured-private",
};

describe("pushKeys", () => {
  it("makes a pair on first start, keeps it in .data/vapid-keys.json (mode 0600) and reuses it", () => {
    const first = pushKeys({}, { mode: "dev", dir });
    expect(first.source).toBe("generated");
    expect(first.notice).toBeNull();
    const file = join(dir, "vapid-keys.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      publicKey: first.env.VAPID_PUBLIC_KEY,
      privateKey: first.env.VAPID_PRIVATE_KEY,
    });
    // a later start (also `npm start` on the embedded database) gets the same pair
    expect(pushKeys({}, { mode: "dev", dir }).env).toEqual(first.env);
    expect(pushKeys({}, { mode: "start", dir }).env).toEqual(first.env);
    // and the pair is one the server accepts: web push is on
    expect(readPushConfig(first.env).webPush).toMatchObject({ ok: true });
  });

  it("configured keys always win: nothing is generated or written", () => {
    for (const mode of ["dev", "start"] as const) {
      const answer = pushKeys({ ...CONFIGURED, VAPID_SUBJECT: "mailto:ops@example.com" }, { mode, dir });
      expect(answer).toEqual({ env: {}, source: "configured", notice: null });
    }
    expect(() => statSync(dir)).toThrow();
    // a configured pair without a subject gets the derived one, nothing else
    expect(pushKeys({ ...CONFIGURED, NEXTAUTH_URL: "https://pinit.example" }, { mode: "dev", dir }).env).toEqual({
      VAPID_SUBJECT: "https://pinit.example",
    });
    // FCM configured: the browser subscribes through Firebase, so no VAPID pair is made
    expect(pushKeys({ FIREBASE_SERVICE_ACCOUNT: "{}" }, { mode: "dev", dir }).source).toBe("fcm");
    expect(() => statSync(dir)).toThrow();
  });

  it("production (npm start on DATABASE_URL) without keys makes none and says so in one line", () => {
    const answer = pushKeys({ DATABASE_URL: "postgresql://db/pinit" }, { mode: "start", dir });
    expect(answer.env).toEqual({});
    expect(answer.source).toBe("none");
    expect(answer.notice?.split("\n")).toHaveLength(1);
    expect(answer.notice).toMatch(/web push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set/);
    expect(() => statSync(dir)).toThrow();
    // `npm run dev` on a real database is still a local install
    expect(pushKeys({ DATABASE_URL: "postgresql://db/pinit" }, { mode: "dev", dir }).source).toBe("generated");
  });

  it("keeps a subject that is configured", () => {
    expect(pushKeys({ VAPID_SUBJECT: "mailto:me@example.com" }, { mode: "dev", dir }).env.VAPID_SUBJECT).toBe(
      undefined,
    );
  });
});

describe("localVapidKeys", () => {
  it("never replaces the pair it made, even when called again and again", () => {
    const pairs = Array.from({ length: 5 }, () => localVapidKeys(dir));
    expect(new Set(pairs.map((p) => p.publicKey)).size).toBe(1);
  });
});

describe("pushSubject", () => {
  it.each([
    [{}, "mailto:pinit@localhost"],
    [{ NEXTAUTH_URL: "http://localhost:3000" }, "mailto:pinit@localhost"],
    [{ NEXTAUTH_URL: "https://localhost:3000" }, "mailto:pinit@localhost"],
    [{ NEXTAUTH_URL: "https://pinit.example/app/" }, "https://pinit.example"],
    [{ NEXTAUTH_URL: "http://planner.lan:3000" }, "mailto:pinit@planner.lan"],
    [{ NEXTAUTH_URL: "not a url" }, "mailto:pinit@localhost"],
  ])("%j → %s, which the push config accepts", (env, subject) => {
    expect(pushSubject(env)).toBe(subject);
    const pair = localVapidKeys(dir);
    expect(
      readPushConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: subject })
        .webPush,
    ).toMatchObject({ ok: true });
  });
});

describe("a damaged key file", () => {
  it("is reported, never replaced silently (a new pair would end every browser's subscription)", () => {
    localVapidKeys(dir);
    writeFileSync(join(dir, "vapid-keys.json"), "{ not json");
    expect(() => pushKeys({}, { mode: "dev", dir })).toThrow(/vapid-keys\.json does not hold a VAPID key pair/);
    expect(readFileSync(join(dir, "vapid-keys.json"), "utf8")).toBe("{ not json");
  });
});
