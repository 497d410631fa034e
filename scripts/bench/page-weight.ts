// First-load JavaScript of each page, gzip, beside a blank page's (issue 7, "Measure it").
//
// Next 16's `next build` no longer prints "First Load JS", so each page is loaded in headless Chromium, without
// any interaction, and every JS file it fetches up to network idle is weighed: read from the build's static
// folder, gzipped here (zlib default level, the same for every file). Not only the HTML's <script> tags: the
// Turbopack runtime fetches some chunks a client component needs while hydrating (next/link's, for one), and
// those are first-load too. Code behind a lazy import() that only a click runs is not. The build's own list,
// .next/diagnostics/route-bundle-stats.json, is the cross-check: a page whose files differ from it is flagged.
//
// "Blank page": the rootMainFiles of .next/build-manifest.json, the framework floor (React, the App Router
// runtime, Turbopack's loader) that every App Router page loads before any code of ours. A truly empty page
// adds a few hundred bytes to it; this app's root layout adds its service-worker registration on top. The
// polyfill file is left out of every count: it is `nomodule`, so current browsers never fetch it.
//
// Standalone: `npx tsx scripts/bench/page-weight.ts [--base-url http://127.0.0.1:3000]`. Without a base URL it
// starts `next start` on the existing build (`npm run build` first) against a fresh test database.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { hasBuild } from "../../tests/support/app-server";
import { launchBrowser } from "../../tests/support/chromium";
import { createTestDatabase } from "../../tests/support/database";
import { startBenchApp } from "./app";

export type PageWeightOptions = {
  /** origin of a running production server (`next start`) of the build in distDir */
  baseUrl: string;
  /** the build folder the server serves; default .next */
  distDir?: string;
  chromiumPath?: string;
  /** the goal: first-load JS at most this many times the blank page's; default 1.5 */
  maxRatio?: number;
};

export type JsFile = { file: string; rawBytes: number; gzipBytes: number };

export type PageWeight = {
  /** the route as the build names it, e.g. /tasks/[id] */
  route: string;
  /** the address loaded, e.g. /tasks/3f2c… */
  path: string;
  /** the scripts the page fetched up to network idle, and any more the build lists for the route: its first-load JS */
  files: JsFile[];
  rawBytes: number;
  gzipBytes: number;
  /** gzipBytes / the blank page's */
  ratio: number;
  withinGoal: boolean;
  /** of those, the ones no <script> tag of the HTML names (fetched by the runtime while hydrating) */
  notInHtml: string[];
  /**
   * "~file": route-bundle-stats.json lists it, this load did not fetch it; "+file": fetched, not listed; [] when they
   * agree. Seen: "~…" for next/link's chunk on pages whose own chunk bundles a copy of next/link; the runtime
   * fetches the listed chunk only when it resolves the client reference before that copy is registered. Counted
   * anyway, so the number does not depend on the race.
   */
  manifestMismatch: string[];
};

export type PageWeightResult = {
  blank: { files: JsFile[]; rawBytes: number; gzipBytes: number };
  pages: PageWeight[];
  maxRatio: number;
  allWithinGoal: boolean;
};

type RouteBundleStats = { route: string; firstLoadChunkPaths: string[] }[];
type BuildManifest = { rootMainFiles: string[]; polyfillFiles: string[] };

const PASSWORD = "bench-secret-123";
const STATIC_PREFIX = "/_next/static/";

export async function measurePageWeight(options: PageWeightOptions): Promise<PageWeightResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const distDir = path.resolve(options.distDir ?? ".next");
  const maxRatio = options.maxRatio ?? 1.5;
  const weigh = fileWeigher(distDir);

  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const blankFiles = manifest.rootMainFiles.map((f) => weigh(f));
  const blank = { files: blankFiles, ...totals(blankFiles) };
  const routeStats = readRouteStats(distDir);

  const member = await newMember(baseUrl);
  const browser = await launchBrowser(options.chromiumPath);
  try {
    const signedIn = await signInState(browser, baseUrl, member.username);
    const pages: [route: string, pagePath: string, signedIn: boolean][] = [
      ["/", "/", false],
      ["/signin", "/signin", false],
      ["/signup", "/signup", false],
      ["/today", "/today", true],
      ["/tasks", "/tasks", true],
      ["/tasks/[id]", `/tasks/${member.taskId}`, true],
      ["/stats", "/stats", true],
      ["/settings", "/settings", true],
    ];
    const results: PageWeight[] = [];
    for (const [route, pagePath, needsMember] of pages) {
      // a fresh context per page: nothing cached from the previous one, no service worker serving from its cache
      const context = await browser.newContext({
        serviceWorkers: "block",
        locale: "en-US",
        ...(needsMember ? { storageState: signedIn } : {}),
      });
      try {
        const loaded = await loadPage(context, `${baseUrl}${pagePath}`);
        const listed = routeStats.get(route) ?? [];
        // the build's list counts too: a chunk it lists may be skipped by a lucky race (see manifestMismatch)
        const files = [...new Set([...loaded.fetchedScripts, ...listed])].map((f) => weigh(f));
        const sums = totals(files);
        const ratio = sums.gzipBytes / blank.gzipBytes;
        results.push({
          route,
          path: pagePath,
          files,
          ...sums,
          ratio,
          withinGoal: ratio <= maxRatio,
          notInHtml: loaded.fetchedScripts.filter((f) => !loaded.htmlScripts.includes(f)),
          manifestMismatch: mismatch(loaded.fetchedScripts, routeStats.get(route)),
        });
      } finally {
        await context.close();
      }
    }
    return { blank, pages: results, maxRatio, allWithinGoal: results.every((p) => p.withinGoal) };
  } finally {
    await browser.close();
  }
}

/** weighs a build file given as "static/chunks/x.js" (memoized: pages share most files) */
function fileWeigher(distDir: string): (file: string) => JsFile {
  const seen = new Map<string, JsFile>();
  return (file) => {
    const known = seen.get(file);
    if (known) return known;
    const bytes = readFileSync(path.join(distDir, file));
    const weight = { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    seen.set(file, weight);
    return weight;
  };
}

function totals(files: JsFile[]): { rawBytes: number; gzipBytes: number } {
  return {
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

/** route → its first-load files as "static/chunks/x.js"; empty when the build wrote no diagnostics */
function readRouteStats(distDir: string): Map<string, string[]> {
  const file = path.join(distDir, "diagnostics/route-bundle-stats.json");
  if (!existsSync(file)) return new Map();
  const stats = JSON.parse(readFileSync(file, "utf8")) as RouteBundleStats;
  return new Map(stats.map((s) => [s.route, s.firstLoadChunkPaths.map((p) => p.replace(/^\.next\//, ""))]));
}

function mismatch(loaded: string[], listed: string[] | undefined): string[] {
  if (!listed) return ["(route not in route-bundle-stats.json)"];
  return [
    ...listed.filter((f) => !loaded.includes(f)).map((f) => `~${f}`),
    ...loaded.filter((f) => !listed.includes(f)).map((f) => `+${f}`),
  ];
}

/** loads a page; the HTML's own scripts and every script fetched by network idle, as "static/…" paths */
async function loadPage(
  context: BrowserContext,
  url: string,
): Promise<{ htmlScripts: string[]; fetchedScripts: string[] }> {
  const page = await context.newPage();
  const fetched = new Set<string>();
  page.on("request", (request) => {
    const file = staticFile(request.url());
    if (file?.endsWith(".js")) fetched.add(file);
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response || response.status() !== 200 || new URL(page.url()).pathname !== new URL(url).pathname) {
    throw new Error(`${url} answered ${response?.status()} at ${page.url()}`);
  }
  const html = await response.text();
  // the document's <script src> tags (not those the runtime adds later); the nomodule polyfill is never run
  const htmlScripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnoModule\b|\bnomodule\b/.test(tag))
    .map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1])
    .map((src) => (src ? staticFile(new URL(src, url).toString()) : null))
    .filter((f): f is string => !!f && f.endsWith(".js"));
  await page.close();
  return { htmlScripts: [...new Set(htmlScripts)], fetchedScripts: [...fetched] };
}

function staticFile(url: string): string | null {
  const { pathname } = new URL(url);
  return pathname.startsWith(STATIC_PREFIX)
    ? `static/${decodeURIComponent(pathname.slice(STATIC_PREFIX.length))}`
    : null;
}

/** a member made through the API, with one task (for /tasks/[id]) */
async function newMember(baseUrl: string): Promise<{ username: string; taskId: string }> {
  const username = `bench_${randomBytes(4).toString("hex")}`;
  const json = { "Content-Type": "application/json" };
  const signUp = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ username, password: PASSWORD, nickname: "Bench", timezone: "UTC" }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const { accessToken } = (await token.json()) as { accessToken: string };
  const auth = { ...json, Authorization: `Bearer ${accessToken}` };
  // English pages, like the e2e tests: the words do not change the JS, but one language keeps runs comparable
  await fetch(`${baseUrl}/api/v1/me`, { method: "PATCH", headers: auth, body: JSON.stringify({ locale: "en" }) });
  const task = await fetch(`${baseUrl}/api/v1/tasks`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({
      title: "Weigh the pages",
      deadline: new Date().toISOString().slice(0, 10),
      importance: 5,
      difficulty: 3,
    }),
  });
  if (task.status !== 201) throw new Error(`creating a task answered ${task.status}: ${await task.text()}`);
  const { id } = (await task.json()) as { id: string };
  return { username, taskId: id };
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** signs in through the sign-in page, as a member would; returns the cookies for the other contexts */
async function signInState(browser: Browser, baseUrl: string, username: string): Promise<StorageState> {
  const context = await browser.newContext({ serviceWorkers: "block", locale: "en-US" });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin?lang=en`, { waitUntil: "networkidle" });
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/today/);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Standalone run
// ---------------------------------------------------------------------------------------------

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function formatPageWeight(result: PageWeightResult): string {
  const rows = [
    ["page", "first-load JS (gzip)", "raw", "× blank", `≤ ${result.maxRatio}×`, "files", "build manifest"],
    [
      "(blank: framework floor)",
      kb(result.blank.gzipBytes),
      kb(result.blank.rawBytes),
      "1.00",
      "",
      String(result.blank.files.length),
      "",
    ],
    ...result.pages.map((p) => [
      p.route,
      kb(p.gzipBytes),
      kb(p.rawBytes),
      p.ratio.toFixed(2),
      p.withinGoal ? "yes" : "NO",
      String(p.files.length),
      p.manifestMismatch.length === 0
        ? "agrees"
        : p.manifestMismatch.map((f) => f.replace("static/chunks/", "")).join(" "),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    )
    .join("\n");
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--base-url");
  let baseUrl = flag > 0 ? process.argv[flag + 1] : process.env.BENCH_BASE_URL;
  let stop = async () => {};
  if (!baseUrl) {
    if (!hasBuild()) throw new Error("no production build: run `npm run build` first (or pass --base-url)");
    const database = await createTestDatabase("bench_pages");
    const app = await startBenchApp(database.url, "bench-pages").catch(async (e: unknown) => {
      await database.close();
      throw e;
    });
    baseUrl = app.url;
    stop = async () => {
      await app.stop();
      await database.close();
    };
  }
  try {
    const result = await measurePageWeight({ baseUrl });
    console.log(formatPageWeight(result));
    console.log(result.allWithinGoal ? "\nEvery page is within the goal." : "\nSome pages miss the goal.");
  } finally {
    await stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
