// Which pages `next build` pre-rendered (static HTML, no per-request nonce). Read once from the build's
// prerender manifest; in development nothing is pre-rendered. Any failure to read it means "none", which is
// the strict side: such a page would then lose its scripts, never get a weaker policy it should not have.
import { readFileSync } from "node:fs";
import path from "node:path";

let prerendered: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  if (process.env.NODE_ENV !== "production") return new Set();
  try {
    const file = path.join(process.cwd(), ".next", "prerender-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { routes?: Record<string, unknown> };
    return new Set(Object.keys(manifest.routes ?? {}));
  } catch {
    return new Set();
  }
}

export function isPrerendered(pathname: string): boolean {
  prerendered ??= load();
  return prerendered.has(pathname);
}
