// The handlers of /api/inngest: the SDK's, or, with Inngest off (production without a signing key), a 503 for
// every call, so that nobody can run a function with made-up steps.
import { serve } from "inngest/next";
import { DomainError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import { inngest } from "./client";
import { functions } from "./functions";
import { inngestMode, type InngestMode } from "./mode";

type Handler = (request: Request, context: unknown) => Promise<Response>;

export function inngestHandlers(mode: InngestMode = inngestMode()): { GET: Handler; POST: Handler; PUT: Handler } {
  if (mode.kind === "off") {
    const refuse: Handler = async () =>
      errorResponse(
        new DomainError("UNAVAILABLE", "Reminders are off on this server: INNGEST_SIGNING_KEY is not set."),
      );
    return { GET: refuse, POST: refuse, PUT: refuse };
  }
  return serve({ client: inngest, functions }) as unknown as { GET: Handler; POST: Handler; PUT: Handler };
}
