// A stand-in for Inngest's event API (POST /e/<event key>) on a local port, for fault tests of the real
// client: point the SDK at it with INNGEST_EVENT_API_BASE_URL (read when the Inngest client is constructed).
// It can refuse connections (nothing listens on the port), answer 500, or accept: an accepted event's id
// is recorded, as Inngest would record it (and dedupe by it).
import http from "node:http";
import type net from "node:net";

export type InngestStubMode = "refuse" | "error" | "accept";

export type InngestStub = {
  url: string;
  /** every event id Inngest accepted, in order (a repeat would show twice) */
  accepted: string[];
  /** how many requests got a 500 */
  errors: number;
  setMode(mode: InngestStubMode): Promise<void>;
  close(): Promise<void>;
};

export async function startInngestStub(): Promise<InngestStub> {
  const stub: Omit<InngestStub, "url" | "setMode" | "close"> = { accepted: [], errors: 0 };
  let mode: InngestStubMode = "accept";
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      response.setHeader("Content-Type", "application/json");
      if (request.method !== "POST" || !request.url?.startsWith("/e/")) {
        response.writeHead(404).end(JSON.stringify({ error: "not found", status: 404 }));
        return;
      }
      if (mode === "error") {
        stub.errors++;
        response.writeHead(500).end(JSON.stringify({ error: "internal error", status: 500 }));
        return;
      }
      const events = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id?: string }[];
      const ids = events.map((e) => {
        if (typeof e.id !== "string") throw new Error("an event without an id reached Inngest");
        return e.id;
      });
      stub.accepted.push(...ids);
      response.writeHead(200).end(JSON.stringify({ ids, status: 200 }));
    });
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // kept-alive connections too: from now on a connect is refused
    });

  const port = await listen(0);
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}/`,
    async setMode(next: InngestStubMode) {
      if (next === "refuse" && server.listening) await stop();
      if (next !== "refuse" && !server.listening) await listen(port);
      mode = next;
    },
    async close() {
      if (server.listening) await stop();
    },
  });
}
