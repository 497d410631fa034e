// The Inngest client. Dev mode (no signature checks; sends go to a local dev server) only when asked for:
// INNGEST_DEV, or `npm run dev`. Otherwise the SDK verifies every call with INNGEST_SIGNING_KEY, and without
// that key the endpoint is off (inngest/mode.ts, app/api/inngest/route.ts); the outbox keeps the events.
import { Inngest } from "inngest";
import { inngestMode } from "./mode";

export const inngest = new Inngest({ id: "pinit", isDev: inngestMode().kind === "dev" });
