// How the app talks to Inngest, decided once from the environment. The SDK skips signature checks in dev mode,
// so dev mode is only ever asked for (INNGEST_DEV, or `npm run dev`, where NODE_ENV is "development"), never
// the fallback for a missing key: without INNGEST_SIGNING_KEY a production server turns /api/inngest off.
export type InngestMode =
  | { kind: "dev" }
  | { kind: "cloud" }
  /** /api/inngest refuses every call; committed events wait in the outbox until Inngest is configured */
  | { kind: "off"; reason: string };

type Env = Record<string, string | undefined>;

/** INNGEST_DEV asks for dev mode with any value but "", "0" and "false" (the SDK also takes a dev server's URL) */
export function devModeAsked(env: Env): boolean {
  const value = env.INNGEST_DEV?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

export function inngestMode(env: Env = process.env): InngestMode {
  if (devModeAsked(env) || env.NODE_ENV === "development") return { kind: "dev" };
  if (env.INNGEST_SIGNING_KEY?.trim()) return { kind: "cloud" };
  return {
    kind: "off",
    reason:
      "INNGEST_SIGNING_KEY is not set (and INNGEST_DEV is not): /api/inngest refuses every call, and events wait in the outbox",
  };
}

/** the one start-up line that says reminders are off, and why; null when they are on */
export function reminderStatusLine(mode: InngestMode): string | null {
  return mode.kind === "off"
    ? `[inngest] Reminders are off: ${mode.reason}. Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY to turn them on.`
    : null;
}
