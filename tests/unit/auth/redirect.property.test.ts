// Property: whatever the spelling, safeCallbackPath answers the fallback or a path that a browser, reading it on
// its own, resolves to the page's own origin. Built from the pieces open redirects are made of.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOME_PATH, safeCallbackPath } from "@/lib/auth/redirect";

const ORIGIN = "http://127.0.0.1:3000";

const piece = fc.constantFrom(
  "/",
  "//",
  "///",
  ".",
  "..",
  "./",
  "../",
  "/./",
  "/../",
  "%2e",
  "%2E",
  "%2e%2e",
  "%2f",
  "%2F",
  "%5c",
  "\\",
  "\\\\",
  "\t",
  "\n",
  "\r",
  " ",
  "%09",
  "%00",
  "@",
  ":",
  "?",
  "#",
  "&",
  "=",
  "http:",
  "https:",
  "javascript:",
  "data:",
  "HTTP://",
  "https://",
  "evil.example",
  "evil.example:80",
  "127.0.0.1:3000",
  "127.0.0.1:3001",
  "user@evil.example",
  "today",
  "settings",
  "signin",
  "api",
  "x",
  "%",
  "~",
  "\u3000",
  "\uFF0F",
  "\u2215",
);
const spelling = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join("")}`),
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `${ORIGIN}/${parts.join("")}`),
  fc.string({ maxLength: 40 }),
);

/** where a browser on `origin` goes when it follows `path` */
function destination(path: string, origin: string): string {
  return new URL(path, `${origin}/signin`).origin;
}

describe("safeCallbackPath (property)", () => {
  it("never leaves the site, whatever the dot segments, slashes, tabs, encodings, schemes and hosts", () => {
    fc.assert(
      fc.property(spelling, fc.boolean(), (raw, withOrigin) => {
        const out = safeCallbackPath(raw, withOrigin ? { origin: ORIGIN } : {});
        if (out === HOME_PATH) return;
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out).not.toMatch(/[\\\u0000-\u001F\u007F]/);
        expect(destination(out, ORIGIN)).toBe(ORIGIN);
        expect(destination(out, "https://pinit.example")).toBe("https://pinit.example");
        // normalised already: a second pass keeps it as it is
        expect(safeCallbackPath(out)).toBe(out);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps ordinary paths of the site as they are", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.stringMatching(/^[a-z0-9=&]{0,12}$/),
        (segments, query) => {
          fc.pre(!["signin", "signup", "api"].includes(segments[0] as string));
          const path = `/${segments.join("/")}${query ? `?${query}` : ""}`;
          expect(safeCallbackPath(path)).toBe(path);
        },
      ),
    );
  });

  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example/x",
  ])("refuses %s, which normalises to //evil.example", (raw) => {
    expect(safeCallbackPath(raw)).toBe(HOME_PATH);
    expect(safeCallbackPath(raw, { origin: ORIGIN })).toBe(HOME_PATH);
    expect(safeCallbackPath(`${ORIGIN}${raw}`, { origin: ORIGIN })).toBe(HOME_PATH);
  });
});
