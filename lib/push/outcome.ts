// What one send to one device came to. The caller acts on it: a gone device's subscription is deleted
// (domain.md: an endpoint that answers 404/410 is removed); a retryable failure makes the reminder's step fail
// so that the workflow engine retries it (the service worker's de-duplication makes the repeat harmless).

export type DeviceOutcome =
  | { kind: "delivered" }
  | { kind: "gone"; statusCode?: number; reason: string }
  | { kind: "retryable"; statusCode?: number; reason: string };

/** a failure's message for the result and the log, short and without the endpoint (a capability URL) */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/https?:\/\/\S+/g, "<url>").slice(0, 200);
}
