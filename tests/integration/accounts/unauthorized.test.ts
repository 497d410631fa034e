// Every /api/v1 route answers 401 without valid credentials. The routes are found on disk, so a route added
// later is covered without touching this file; only the public ones are listed here, on purpose.
import { readdirSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken } from "@/lib/auth/access-token";
import { sessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestMember } from "../../support/fixtures";
import { ORIGIN } from "./helpers";

/** routes that need no sign-in (api.md: auth, the OpenAPI document; the push key is public by design) */
const PUBLIC_ROUTES = new Set(["auth/signup", "auth/token", "openapi.json", "push/public-key"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.join(process.cwd(), "app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Operation = { route: string; method: (typeof METHODS)[number]; handler: Handler; params: Record<string, string> };

const SAMPLE_ID = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
/** a value for each dynamic segment, so the request reaches the authentication rather than a 404 */
const SAMPLE_PARAMS: Record<string, string> = { id: SAMPLE_ID, action: "start" };

const operations: Operation[] = [];
let validBearer = "";
let memberId = "";

beforeAll(async () => {
  const files = routeFiles(API_DIR).sort();
  for (const file of files) {
    const route = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    if (PUBLIC_ROUTES.has(route)) continue;
    const routeModule = (await import(/* @vite-ignore */ file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const params = Object.fromEntries(
      [...route.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name!, SAMPLE_PARAMS[name!] ?? SAMPLE_ID]),
    );
    for (const method of METHODS) {
      const handler = routeModule[method];
      if (handler) operations.push({ route, method, handler, params });
    }
  }
  const member = await createTestMember();
  memberId = member.id;
  validBearer = issueAccessToken(member.id).accessToken;
}, 120_000);

async function send(op: Operation, headers: Record<string, string>): Promise<Response> {
  const url = `${ORIGIN}/api/v1/${op.route.replace(/\[(\w+)\]/g, (_, name: string) => op.params[name]!)}`;
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  const request = new Request(url, {
    method: op.method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...headers },
    body: hasBody ? "{}" : undefined,
  });
  return op.handler(request, { params: Promise.resolve(op.params) });
}

describe("every /api/v1 route without valid credentials", () => {
  it("exists in numbers (the discovery found the API)", () => {
    expect(operations.length).toBeGreaterThanOrEqual(3);
    expect(operations.map((o) => `${o.method} ${o.route}`)).toContain("GET me");
  });

  const cases: [string, () => Promise<Record<string, string>>][] = [
    ["no credentials at all", async () => ({})],
    [
      "an expired bearer token",
      async () => ({ authorization: `Bearer ${issueAccessToken(SAMPLE_ID, new Date(0)).accessToken}` }),
    ],
    [
      "a bearer token of a member who does not exist",
      async () => ({ authorization: `Bearer ${issueAccessToken(SAMPLE_ID).accessToken}` }),
    ],
    ["a forged bearer token", async () => ({ authorization: `Bearer ${validBearer.slice(0, -6)}AAAAAA` })],
    ["a malformed Authorization header", async () => ({ authorization: "Basic dXNlcjpwYXNz" })],
    [
      "a session cookie signed with another secret",
      async () => ({
        cookie: `${sessionCookie().name}=${await encode({ token: { memberId: SAMPLE_ID }, secret: "x".repeat(40) })}`,
      }),
    ],
    ["a session cookie that is not a token", async () => ({ cookie: `${sessionCookie().name}=garbage` })],
  ];

  for (const [what, headers] of cases) {
    it(`answers 401 UNAUTHORIZED to ${what}`, async () => {
      const h = await headers();
      const failures: string[] = [];
      for (const op of operations) {
        const response = await send(op, h);
        const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (response.status !== 401 || body?.error?.code !== "UNAUTHORIZED")
          failures.push(`${op.method} ${op.route} → ${response.status}`);
      }
      expect(failures).toEqual([]);
    }, 60_000);
  }

  it("lets a valid bearer token through the authentication (no 401)", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      // a token of the member's current session epoch: DELETE /me/sessions (sign out everywhere) ends the previous one
      const { sessionEpoch } = await db().member.findUniqueOrThrow({
        where: { id: memberId },
        select: { sessionEpoch: true },
      });
      const response = await send(op, {
        authorization: `Bearer ${issueAccessToken({ memberId, sessionEpoch }).accessToken}`,
      });
      if (response.status === 401) failures.push(`${op.method} ${op.route}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
