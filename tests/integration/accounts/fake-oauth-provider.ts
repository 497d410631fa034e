// A small OAuth 2.0 provider shaped like Naver Login, on 127.0.0.1, for the sign-in tests:
//   GET  /authorize  → 302 back to redirect_uri with ?code&state (the person "agreed")
//   POST /token      → { access_token } for a valid code, client id and secret (Basic or form)
//   GET  /userinfo   → Naver's profile envelope { resultcode, message, response: { id, nickname, … } }
// It records every request so tests can check what the app sent.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakePerson = { id: string; nickname?: string; email?: string };

export type FakeProvider = {
  url: string;
  clientId: string;
  clientSecret: string;
  endpoints: { authorization: string; token: string; userinfo: string };
  /** who signs in next */
  signInAs(person: FakePerson): void;
  /** the next /authorize answers error=access_denied instead */
  denyNext(): void;
  requests: {
    method: string;
    path: string;
    query: Record<string, string>;
    body: Record<string, string>;
    authorization?: string;
  }[];
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const clientId = `client-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(16).toString("hex");
  let person: FakePerson = { id: "nobody" };
  let deny = false;
  const codes = new Map<string, { person: FakePerson; redirectUri: string }>();
  const tokens = new Map<string, FakePerson>();
  const requests: FakeProvider["requests"] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const bodyText = req.method === "POST" ? await readBody(req) : "";
    const body = Object.fromEntries(new URLSearchParams(bodyText));
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      query,
      body,
      authorization: req.headers.authorization,
    });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };

    if (url.pathname === "/authorize" && req.method === "GET") {
      if (query.client_id !== clientId || query.response_type !== "code" || !query.redirect_uri || !query.state) {
        return json(400, { error: "invalid_request" });
      }
      const back = new URL(query.redirect_uri);
      if (deny) {
        deny = false;
        back.searchParams.set("error", "access_denied");
        back.searchParams.set("state", query.state);
      } else {
        const code = randomBytes(12).toString("hex");
        codes.set(code, { person, redirectUri: query.redirect_uri });
        back.searchParams.set("code", code);
        back.searchParams.set("state", query.state);
      }
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }

    if (url.pathname === "/token" && req.method === "POST") {
      let [id, secret] = [body.client_id, body.client_secret];
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
      if (basic) [id, secret] = Buffer.from(basic[1]!, "base64").toString().split(":").map(decodeURIComponent);
      if (id !== clientId || secret !== clientSecret) return json(401, { error: "invalid_client" });
      const grant = body.code ? codes.get(body.code) : undefined;
      if (body.grant_type !== "authorization_code" || !grant || grant.redirectUri !== body.redirect_uri) {
        return json(400, { error: "invalid_grant" });
      }
      codes.delete(body.code!); // a code works once
      const accessToken = randomBytes(16).toString("hex");
      tokens.set(accessToken, grant.person);
      return json(200, { access_token: accessToken, token_type: "bearer", expires_in: 3600, refresh_token: "r" });
    }

    if (url.pathname === "/userinfo" && req.method === "GET") {
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const who = bearer ? tokens.get(bearer) : undefined;
      if (!who) return json(401, { resultcode: "024", message: "Authentication failed" });
      return json(200, { resultcode: "00", message: "success", response: who });
    }

    json(404, { error: "not_found" });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    clientId,
    clientSecret,
    endpoints: { authorization: `${url}/authorize`, token: `${url}/token`, userinfo: `${url}/userinfo` },
    signInAs(p) {
      person = p;
    },
    denyNext() {
      deny = true;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
