// The settings toggle: which state it shows for which browser and server, its key handling, its texts, and
// its accessible markup (rendered on the server, as the first paint is).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import webpush from "web-push";
import { describe, expect, it, vi } from "vitest";
import {
  applicationServerKey,
  firebaseWebConfig,
  pushStateOf,
  pushSupport,
  type PushSupport,
} from "@/components/push/push-device";
import { PUSH_TEXTS } from "@/components/push/push-texts";
import { PushToggle } from "@/components/push/push-toggle";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const IPAD =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
const capable = { serviceWorker: {} };
const webPush = { kind: "webpush" as const, publicKey: webpush.generateVAPIDKeys().publicKey };

describe("pushSupport", () => {
  it("needs a service worker, PushManager and Notification", () => {
    expect(
      pushSupport({ navigator: { ...capable, userAgent: CHROME }, PushManager: class {}, Notification: class {} })
        .supported,
    ).toBe(true);
    expect(
      pushSupport({ navigator: { userAgent: CHROME }, PushManager: class {}, Notification: class {} }).supported,
    ).toBe(false);
    expect(pushSupport({ navigator: { ...capable, userAgent: CHROME }, Notification: class {} }).supported).toBe(false);
  });

  it("knows an iPhone, an iPad that calls itself a Mac, and a Home Screen app", () => {
    expect(pushSupport({ navigator: { userAgent: IPHONE } })).toEqual({
      supported: false,
      ios: true,
      standalone: false,
    });
    expect(pushSupport({ navigator: { userAgent: IPAD, maxTouchPoints: 5 } }).ios).toBe(true);
    expect(pushSupport({ navigator: { userAgent: IPAD, maxTouchPoints: 0 } }).ios).toBe(false);
    expect(pushSupport({ navigator: { userAgent: IPHONE, standalone: true } }).standalone).toBe(true);
    expect(pushSupport({ navigator: { userAgent: CHROME }, matchMedia: () => ({ matches: true }) }).standalone).toBe(
      true,
    );
  });
});

describe("pushStateOf", () => {
  const yes: PushSupport = { supported: true, ios: false, standalone: false };
  it.each([
    [
      { support: { ...yes, supported: false }, permission: "granted", subscribed: true, transport: webPush },
      "unsupported",
    ],
    [{ support: yes, permission: "denied", subscribed: true, transport: webPush }, "denied"],
    [{ support: yes, permission: "granted", subscribed: true, transport: null }, "on"],
    [{ support: yes, permission: "default", subscribed: true, transport: webPush }, "off"],
    [{ support: yes, permission: "granted", subscribed: false, transport: webPush }, "off"],
    [{ support: yes, permission: "default", subscribed: false, transport: null }, "unavailable"],
  ] as const)("%j → %s", (input, state) => {
    expect(pushStateOf(input)).toBe(state);
  });
});

describe("keys and settings", () => {
  it("turns the server's base64url VAPID key into the 65 bytes subscribe() wants", () => {
    const bytes = applicationServerKey(webPush.publicKey);
    expect(bytes).toHaveLength(65);
    expect(Buffer.from(bytes).toString("base64url")).toBe(webPush.publicKey);
  });

  it("reads NEXT_PUBLIC_FIREBASE_CONFIG, and ignores a broken one without throwing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const config = { apiKey: "k", projectId: "p", messagingSenderId: "1", appId: "a", vapidKey: webPush.publicKey };
    expect(firebaseWebConfig(JSON.stringify(config))).toEqual(config);
    expect(firebaseWebConfig(undefined)).toBeNull();
    expect(firebaseWebConfig("{")).toBeNull();
    expect(firebaseWebConfig(JSON.stringify({ ...config, vapidKey: undefined }))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe("texts", () => {
  it("have every state and error in both languages, and say what iOS, Safari and Firefox cannot do", () => {
    const shape = (o: object): unknown =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "object" ? shape(v) : typeof v]));
    expect(shape(PUSH_TEXTS.ko)).toEqual(shape(PUSH_TEXTS.en));
    expect(PUSH_TEXTS.en.platformNote).toMatch(/Home Screen/);
    expect(PUSH_TEXTS.en.platformNote).toMatch(/Safari and Firefox/);
    expect(PUSH_TEXTS.ko.platformNote).toMatch(/홈 화면/);
  });
});

describe("PushToggle markup", () => {
  it("is a labelled switch whose status is a live region, disabled while it checks", () => {
    const html = renderToStaticMarkup(createElement(PushToggle, { locale: "ko" }));
    expect(html).toMatch(
      /<button type="button" role="switch" aria-checked="false" aria-describedby="([^"]+)"[^>]* disabled=""/,
    );
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<p id="${describedBy}" role="status" aria-live="polite"`);
    expect(html).toContain(PUSH_TEXTS.ko.label);
    expect(html).toContain(PUSH_TEXTS.ko.status.checking);
    expect(html).toContain(PUSH_TEXTS.ko.platformNote);
    expect(html).toContain('lang="ko"');
  });

  it("takes replacement labels", () => {
    const html = renderToStaticMarkup(
      createElement(PushToggle, { locale: "en", labels: { label: "Lock-screen reminders" } }),
    );
    expect(html).toContain("Lock-screen reminders");
    expect(html).toContain(PUSH_TEXTS.en.status.checking);
  });
});
