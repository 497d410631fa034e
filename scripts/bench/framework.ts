// The framework's floor: GET /api/health (no database, no sign-in) through the same Next.js server. What an API
// transition costs above this is Pinit's own work (authentication, parsing, the service and Prisma).
import { concurrently, cpuSeconds, summarize, type Summary } from "./measure";

export type FrameworkFloor = Summary & { clientCpuMs: number };

export async function requestFloor(
  app: { url: string; pid: number },
  clients: number,
  requestsPerClient: number,
): Promise<FrameworkFloor> {
  const latencies: number[] = [];
  const cpu0 = cpuSeconds({ processGroup: app.pid });
  const started = performance.now();
  await concurrently(clients, async () => {
    for (let i = 0; i < requestsPerClient; i++) {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /api/health answered ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  });
  const summary = summarize(latencies, performance.now() - started);
  return { ...summary, clientCpuMs: ((cpuSeconds({ processGroup: app.pid }) - cpu0) * 1000) / summary.count };
}
