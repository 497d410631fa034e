// The Content-Security-Policy and the other security headers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";

afterEach(() => vi.unstubAllEnvs());

const directives = (policy: string) =>
  Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("Content-Security-Policy", () => {
  it("allows only this request's scripts on a rendered page, and no framing", () => {
    vi.stubEnv("NODE_ENV", "production");
    const d = directives(contentSecurityPolicy("abc123"));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(JSON.stringify(d)).not.toContain("unsafe-eval");
  });

  it("lets a pre-rendered page run its own inline scripts (it has no nonce and no visitor input)", () => {
    vi.stubEnv("NODE_ENV", "production");
    const d = directives(contentSecurityPolicy("abc123", { prerendered: true }));
    expect(d["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("allows eval only in development (React's dev tools) and upgrades requests only over https", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(directives(contentSecurityPolicy("n"))["script-src"]).toContain("'unsafe-eval'");
    vi.stubEnv("NODE_ENV", "production");
    expect(contentSecurityPolicy("n")).not.toContain("upgrade-insecure-requests");
    vi.stubEnv("NEXTAUTH_URL", "https://pinit.example");
    expect(contentSecurityPolicy("n")).toContain("upgrade-insecure-requests");
  });
});

describe("headers of every answer", () => {
  it("forbid sniffing and framing and limit the referrer", () => {
    const headers = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]));
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });
  it("ask for https for a year when served over https in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://pinit.example");
    const headers = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]));
    expect(headers["Strict-Transport-Security"]).toContain("max-age=31536000");
  });
});
