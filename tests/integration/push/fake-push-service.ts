// A push service on 127.0.0.1 for the tests: HTTPS with a self-signed certificate (web-push speaks only HTTPS),
// recording every request and answering what the test chose per path. Also the browser side of RFC 8291: a
// subscription's key pair and auth secret, and the decryption of an aes128gcm body, written out here from the
// RFCs rather than borrowed from web-push's own helpers, so that the two are checked against each other.
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, Agent, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "node:tls";
import type { Socket } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};
export type Answer = { status: number; body?: unknown; delayMs?: number };

/** a certificate for 127.0.0.1, localhost and fcm.googleapis.com (the fake FCM endpoint), valid for a day */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "pinit-push-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=fake push service",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:fcm.googleapis.com",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export class FakePushService {
  readonly requests: RecordedRequest[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly routers = new Map<string, (body: Buffer) => Answer>();
  private server?: Server;
  readonly certificate = selfSignedCertificate();
  /** trusts only this service's certificate, as a production agent trusts the public CAs */
  readonly agent = new Agent({ ca: this.certificate.cert, keepAlive: false });
  port = 0;

  async start(): Promise<this> {
    this.server = createServer({ key: this.certificate.key, cert: this.certificate.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const pathname = req.url ?? "/";
        const body = Buffer.concat(chunks);
        this.requests.push({ method: req.method ?? "", path: pathname, headers: { ...req.headers }, body });
        const answer = this.routers.get(pathname)?.(body) ?? this.answers.get(pathname) ?? { status: 201 };
        setTimeout(() => {
          res.writeHead(answer.status, { "content-type": "application/json" });
          res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return this;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get origin(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** a push endpoint URL on this service; `answer` is what it replies (default 201 Created) */
  endpoint(name: string, answer?: Answer): string {
    const pathname = `/push/${name}`;
    if (answer) this.answers.set(pathname, answer);
    return `${this.origin}${pathname}`;
  }

  answer(pathname: string, answer: Answer): void {
    this.answers.set(pathname, answer);
  }

  /** answers requests to `pathname` by their body (FCM: by token); returns the undo */
  routeByBody(pathname: string, route: (body: Buffer) => Answer): () => void {
    this.routers.set(pathname, route);
    return () => this.routers.delete(pathname);
  }

  requestsTo(pathname: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === pathname);
  }

  /**
   * An agent for firebase-admin: every connection, whatever host it names, reaches this service (TLS still
   * checks the certificate against the name asked for, fcm.googleapis.com). Nothing leaves the machine.
   */
  loopbackAgent(): Agent {
    const port = () => this.port;
    const ca = this.certificate.cert;
    return new (class extends Agent {
      override createConnection(
        options: { host?: string | null; servername?: string },
        callback?: (err: Error | null, socket: Socket) => void,
      ): Socket {
        const servername = options.servername || options.host || "localhost";
        const socket = connect({ host: "127.0.0.1", port: port(), servername, ca });
        if (callback) socket.once("secureConnect", () => callback(null, socket));
        return socket;
      }
    })({ keepAlive: false });
  }
}

/** what a browser makes when it subscribes: a P-256 key pair and a 16-byte auth secret (RFC 8291 §2) */
export class FakeBrowser {
  readonly ecdh: ECDH = createECDH("prime256v1");
  readonly authSecret = randomBytes(16);
  readonly publicKey: Buffer;

  constructor() {
    this.publicKey = this.ecdh.generateKeys();
  }

  get keys(): { p256dh: string; auth: string } {
    return { p256dh: this.publicKey.toString("base64url"), auth: this.authSecret.toString("base64url") };
  }

  /** RFC 8188 aes128gcm content coding with the RFC 8291 key derivation; one record, as web push sends */
  decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const recordSize = body.readUInt32BE(16);
    const idLength = body[20] ?? 0;
    const senderPublicKey = body.subarray(21, 21 + idLength); // the application server's ephemeral key
    const record = body.subarray(21 + idLength);
    if (idLength !== 65 || recordSize < 18 || record.length > recordSize)
      throw new Error("not an aes128gcm web push body");

    const ecdhSecret = this.ecdh.computeSecret(senderPublicKey);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), this.publicKey, senderPublicKey]);
    const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, this.authSecret, keyInfo, 32));
    const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));

    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== 0x02) throw new Error("the last record must end with the delimiter 0x02");
    return padded.subarray(0, end).toString("utf8");
  }
}

/** the claims of a VAPID Authorization header ("vapid t=<jwt>, k=<key>", RFC 8292), after checking its signature */
export function verifyVapid(
  header: string | undefined,
  expectedPublicKey: string,
): { aud: string; exp: number; sub: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`not a VAPID Authorization header: ${header}`);
  const [, token, key] = match as unknown as [string, string, string];
  if (key !== expectedPublicKey) throw new Error("k is not the server's public key");
  const [head, claims, signature] = token.split(".") as [string, string, string];
  const header64 = JSON.parse(Buffer.from(head, "base64url").toString()) as { typ: string; alg: string };
  if (header64.alg !== "ES256") throw new Error(`alg ${header64.alg}`);
  const point = Buffer.from(key, "base64url");
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("the VAPID signature does not verify");
  return JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; exp: number; sub: string };
}
