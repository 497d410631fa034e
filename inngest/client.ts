// The Inngest client. With no Inngest keys configured (a local install, CI) the SDK runs in dev mode: sends
// go to a local dev server when one runs and fail otherwise, and the outbox keeps those events for later.
import { Inngest } from "inngest";

const dev = process.env.INNGEST_DEV ? process.env.INNGEST_DEV !== "0" : !process.env.INNGEST_SIGNING_KEY;

export const inngest = new Inngest({ id: "pinit", isDev: dev });

/** the event a snooze sends (not a domain event: it changes no state, so it has no outbox row) */
export const REMINDER_SNOOZED = "reminder/snoozed";
