// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the API, built from lib/contracts. No sign-in.
import { openApiDocument } from "@/lib/http/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
