// GET /api/health: 200 while the process serves requests (a liveness check for load balancers and process
// managers). It touches no database on purpose: `npm run bench` uses it as the cost of one request through
// Next.js alone, the framework's floor under every API call.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
