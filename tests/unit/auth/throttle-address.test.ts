// The address a sign-in attempt is counted against.
import { describe, expect, it } from "vitest";
import { REMOTE_ADDRESS_HEADER, trustedProxyHops } from "@/lib/auth/client-address";
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
  const socket = (address: string, extra: Record<string, string> = {}) =>
    new Headers({ [REMOTE_ADDRESS_HEADER]: address, ...extra });

  it("is the socket's address by default (TRUST_PROXY_HOPS=0): a forwarded header the client wrote counts for nothing", () => {
    expect(clientAddress(socket("203.0.113.5", { "x-forwarded-for": "198.51.100.9" }), 0)).toBe("203.0.113.5");
    expect(
      clientAddress(socket("203.0.113.5", { "x-forwarded-for": "198.51.100.9", "x-real-ip": "198.51.100.10" })),
    ).toBe("203.0.113.5");
  });

  it("believes X-Forwarded-For for the configured number of proxies only", () => {
    const headers = socket("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.1" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("198.51.100.9");
    // more hops than entries: the leftmost one, never something beyond the chain
    expect(clientAddress(socket("10.0.0.2", { "x-forwarded-for": "198.51.100.9" }), 5)).toBe("198.51.100.9");
    expect(clientAddress(socket("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("has no address without the socket's header (one shared bucket), whatever else was sent", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.9" }), 1)).toBe("");
    expect(clientAddress(new Headers())).toBe("");
    expect(addressKey(clientAddress(new Headers()))).toBe("unknown");
  });

  it("reads TRUST_PROXY_HOPS as a small whole number, else 0", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "one" })).toBe(0);
  });
});

describe("usernameKey", () => {
  it("is a fixed-length hash, so what was typed is not stored", () => {
    expect(usernameKey("mina_01")).toMatch(/^[0-9a-f]{64}$/);
    expect(usernameKey("mina_01")).not.toBe(usernameKey("mina_02"));
    expect(usernameKey("x".repeat(1000))).toHaveLength(64);
  });
});
