// GET /api/docs — the readable reference of /api/v1, rendered on the server from the OpenAPI
// document (no script, no CDN). No sign-in.
import { docsResponse } from "@/lib/http/docs";
import { openApiDocument } from "@/lib/http/openapi";

export function GET(): Response {
  return docsResponse(openApiDocument());
}
