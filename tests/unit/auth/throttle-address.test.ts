// The address a sign-in attempt is counted against.
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, usernameKey } from "@/lib/services/members/sign-in-throttle";

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd:12::/64"],
    ["2001:db8:abcd:12::99", "2001:db8:abcd:12::/64"],
    ["[2001:db8::1]:443", "2001:db8:0:0::/64"],
    ["2001:0db8:0000:0012::1", "2001:db8:0:12::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["", "unknown"],
    ["not an address", "unknown"],
    ["999.1.1.1", "unknown"],
  ])("%j counts as %j", (raw, key) => expect(addressKey(raw)).toBe(key));

  it("puts the two halves of one /64 network in one bucket", () => {
    expect(addressKey("2001:db8:1:2::a")).toBe(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:1:2::a")).not.toBe(addressKey("2001:db8:1:3::a"));
  });
});

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For entry: the one the nearest proxy added", () => {
    const headers = new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.1, 198.51.100.9" });
    expect(clientAddress(headers)).toBe("198.51.100.9");
  });
  it("falls back to X-Real-IP, then to nothing (one shared bucket)", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.10" }))).toBe("198.51.100.10");
    expect(clientAddress(new Headers())).toBe("");
    expect(addressKey(clientAddress(new Headers()))).toBe("unknown");
  });
});

describe("usernameKey", () => {
  it("is a fixed-length hash, so what was typed is not stored", () => {
    expect(usernameKey("mina_01")).toMatch(/^[0-9a-f]{64}$/);
    expect(usernameKey("mina_01")).not.toBe(usernameKey("mina_02"));
    expect(usernameKey("x".repeat(1000))).toHaveLength(64);
  });
});
