// Inngest calls the app here to run its functions (the dev server locally, Inngest Cloud in production); with
// Inngest off (production without INNGEST_SIGNING_KEY) every call is refused (inngest/serve.ts).
import { inngestHandlers } from "@/inngest/serve";

export const { GET, POST, PUT } = inngestHandlers();
