// A TCP proxy between the app's database pool and the database server, for fault tests: it passes bytes both
// ways untouched until it is told to cut a connection. `cutOn(pattern)` arms a one-shot cut: the next chunk the
// client sends that matches (e.g. the INSERT of a transition's outbox row) is delivered to the server, then the
// connection is severed both ways before any answer reaches the client — what a dropped network path, a killed
// proxy or a crashed pooler looks like to the app. With `{ deliver: false }` the chunk is dropped instead: the
// server finds its client gone while the transaction sits idle. Works the same in front of PostgreSQL and
// pglite-socket.
import net from "node:net";

export type TcpProxy = {
  /** `url` with its host and port replaced by the proxy's */
  url: string;
  /** how many connections were cut so far */
  readonly cuts: number;
  /** how many client connections the proxy has accepted so far */
  readonly connections: number;
  /**
   * sever the connection that next sends a chunk matching `pattern` (read as latin1 text), after delivering that
   * chunk to the server unless `deliver` is false; one shot. Resolves with the chunk's text.
   */
  cutOn(pattern: RegExp, options?: { deliver?: boolean }): Promise<string>;
  /** forget an armed cut that did not happen */
  disarm(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  let armed: { pattern: RegExp; deliver: boolean; done: (sql: string) => void } | undefined;
  let cuts = 0;
  let connections = 0;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const forget = () => {
      open.delete(client);
      open.delete(upstream);
    };
    client.on("data", (chunk) => {
      const text = chunk.toString("latin1");
      if (armed && armed.pattern.test(text)) {
        const { done, deliver } = armed;
        armed = undefined;
        cuts++;
        // the client never hears back: its socket is reset now; the server side is closed after the statement
        // (delivered: the server runs it, then sees a client that went away) or without it
        client.removeAllListeners("data");
        upstream.removeAllListeners("data");
        if (deliver) upstream.end(chunk);
        else upstream.end();
        client.resetAndDestroy();
        done(text);
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => {
      upstream.end();
      forget();
    });
    upstream.on("close", () => {
      client.destroy();
      forget();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    get cuts() {
      return cuts;
    },
    get connections() {
      return connections;
    },
    cutOn(pattern, options = {}) {
      if (armed) throw new Error("a cut is already armed");
      return new Promise<string>((resolve) => {
        armed = { pattern, deliver: options.deliver ?? true, done: resolve };
      });
    },
    disarm() {
      armed = undefined;
    },
    async close() {
      armed = undefined;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
