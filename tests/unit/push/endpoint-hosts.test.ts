// The push host allow-list: its entries and what they admit (the service's use of it: tests/integration/push).
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_PUSH_HOSTS, isAllowedPushEndpoint, pushHostRule, pushHostRules } from "@/lib/push/endpoint-hosts";

describe("pushHostRule", () => {
  it("reads host, *.domain and :port, lowercased", () => {
    expect(pushHostRule("FCM.googleapis.com")).toEqual({ host: "fcm.googleapis.com", subdomains: false, port: "" });
    expect(pushHostRule("*.push.apple.com")).toEqual({ host: "push.apple.com", subdomains: true, port: "" });
    expect(pushHostRule("127.0.0.1:8443")).toEqual({ host: "127.0.0.1", subdomains: false, port: "8443" });
    expect(pushHostRule("[::1]:9000")).toEqual({ host: "[::1]", subdomains: false, port: "9000" });
    expect(pushHostRule("push.example:443")).toEqual({ host: "push.example", subdomains: false, port: "" });
  });

  it.each([
    "",
    "*",
    "*.com",
    "https://fcm.googleapis.com",
    "fcm.googleapis.com/path",
    "user@host",
    "a*.b.com",
    "host:99999",
    "a b",
  ])("refuses %j", (entry) => {
    expect(pushHostRule(entry)).toBeNull();
  });
});

describe("pushHostRules", () => {
  it("is the defaults, plus PUSH_ALLOWED_HOSTS; an unreadable entry is skipped and logged", () => {
    expect(pushHostRules({})).toHaveLength(DEFAULT_PUSH_HOSTS.length);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const rules = pushHostRules({ PUSH_ALLOWED_HOSTS: "push.example:8443, https://bad.example  *.self.example" });
    expect(rules.slice(DEFAULT_PUSH_HOSTS.length)).toEqual([
      { host: "push.example", subdomains: false, port: "8443" },
      { host: "self.example", subdomains: true, port: "" },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"https://bad.example"'));
    warn.mockRestore();
  });
});

describe("isAllowedPushEndpoint", () => {
  const defaults = pushHostRules({});
  it.each([
    "https://fcm.googleapis.com/fcm/send/abc",
    "https://fcm.googleapis.com/wp/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/abc",
    "https://wns2-bl2p.notify.windows.com/w/?token=abc",
    "https://web.push.apple.com/QGuQyavXutnMH",
    "https://api.push.apple.com/x",
  ])("admits %s", (url) => {
    expect(isAllowedPushEndpoint(url, defaults)).toBe(true);
  });

  it.each([
    "http://fcm.googleapis.com/fcm/send/abc",
    "https://fcm.googleapis.com:444/x",
    "https://fcm.googleapis.com.attacker.example/x",
    "https://attacker.example/fcm.googleapis.com",
    "https://attacker.example/?host=fcm.googleapis.com",
    "https://x@fcm.googleapis.com/x",
    "https://push.apple.com/x",
    "https://127.0.0.1/x",
    "https://2130706433/x",
    "https://metadata.google.internal/x",
    "not a url",
  ])("refuses %s", (url) => {
    expect(isAllowedPushEndpoint(url, defaults)).toBe(false);
  });

  it("an operator's host:port admits that port only", () => {
    const rules = pushHostRules({ PUSH_ALLOWED_HOSTS: "127.0.0.1:8443" });
    expect(isAllowedPushEndpoint("https://127.0.0.1:8443/push/1", rules)).toBe(true);
    expect(isAllowedPushEndpoint("https://127.0.0.1:8444/push/1", rules)).toBe(false);
    expect(isAllowedPushEndpoint("https://127.0.0.1/push/1", rules)).toBe(false);
  });
});
