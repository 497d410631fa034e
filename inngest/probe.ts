// Whether the event engine answers, for the reminder status in settings: the dev server (INNGEST_BASE_URL, a URL
// given as INNGEST_DEV, else http://127.0.0.1:8288) or Inngest's event API (INNGEST_EVENT_API_BASE_URL, else
// https://inn.gs). Any HTTP answer counts: the question is whether it can be reached, not what it thinks of an
// unsigned GET. A result is kept for 15 seconds, so a settings page reloaded again and again asks once.
import type { InngestMode } from "./mode";

type Env = Record<string, string | undefined>;

const isUrl = (value: string | undefined): value is string => !!value && /^https?:\/\//i.test(value.trim());

/** where the engine of `mode` is asked; null when there is none (mode off) */
export function engineUrl(mode: InngestMode, env: Env = process.env): string | null {
  if (mode.kind === "off") return null;
  if (isUrl(env.INNGEST_EVENT_API_BASE_URL)) return env.INNGEST_EVENT_API_BASE_URL.trim();
  if (isUrl(env.INNGEST_BASE_URL)) return env.INNGEST_BASE_URL.trim();
  if (mode.kind === "dev") return isUrl(env.INNGEST_DEV) ? env.INNGEST_DEV.trim() : "http://127.0.0.1:8288/";
  return "https://inn.gs/";
}

const KEEP_MS = 15_000;
const cache = new Map<string, { at: number; reachable: Promise<boolean> }>();

export async function engineReachable(url: string | null, timeoutMs = 2_000, now = Date.now()): Promise<boolean> {
  if (!url) return false;
  const kept = cache.get(url);
  if (kept && now - kept.at < KEEP_MS) return kept.reachable;
  const reachable = fetch(url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) })
    .then(async (response) => {
      await response.body?.cancel();
      return true;
    })
    .catch(() => false);
  cache.set(url, { at: now, reachable });
  return reachable;
}

/** forget the kept answers (tests) */
export function forgetEngineProbes(): void {
  cache.clear();
}
