import { describe, expect, it } from "vitest";
import { HOME_PATH, safeCallbackPath, signInPathFor } from "@/lib/auth/redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/today?date=2026-11-25#now", "/today?date=2026-11-25#now"],
    ["/a/../settings", "/settings"],
  ])("keeps the same-site path %s", (raw, expected) => expect(safeCallbackPath(raw)).toBe(expected));

  it.each([
    "https://evil.example/today",
    "//evil.example/today",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "today",
    "/signin",
    "/signup?x=1",
    "/api/v1/me",
    "/\u0000x",
    "",
    "x".repeat(3000),
  ])("refuses %j and falls back to the home page", (raw) => expect(safeCallbackPath(raw)).toBe(HOME_PATH));

  it("refuses non-text", () => {
    expect(safeCallbackPath(undefined)).toBe(HOME_PATH);
    expect(safeCallbackPath(["/settings"])).toBe(HOME_PATH);
  });

  it("takes an absolute URL only on the site's own origin", () => {
    const origin = "http://127.0.0.1:3000";
    expect(safeCallbackPath("http://127.0.0.1:3000/settings", { origin })).toBe("/settings");
    expect(safeCallbackPath("http://127.0.0.1:3001/settings", { origin })).toBe(HOME_PATH);
  });
});

describe("signInPathFor", () => {
  it("brings the visitor back to the page they asked for", () => {
    expect(signInPathFor("/settings?tab=1")).toBe("/signin?callbackUrl=%2Fsettings%3Ftab%3D1");
    expect(signInPathFor("/today")).toBe("/signin");
    expect(signInPathFor(null)).toBe("/signin");
    expect(signInPathFor("https://evil.example")).toBe("/signin");
  });
});
