// The address a request comes from, for the throttles. Nothing a client sends decides it by itself:
// - the socket's address arrives in REMOTE_ADDRESS_HEADER, which scripts/remote-address.cjs (preloaded into the
//   server by `npm start`/`npm run dev`) writes on every request, over anything sent under that name. Next.js
//   route handlers do not see the socket, and Next keeps a client's own X-Forwarded-For as sent.
// - X-Forwarded-For is believed only for TRUST_PROXY_HOPS proxies in front of the app (default 0: not at all).
//   With n hops, the address is the n-th entry from the right of X-Forwarded-For + the socket, the one the
//   outermost trusted proxy saw; entries further left are whatever the client claimed.
// Without the socket header (the preload missing) there is no trustworthy address: "" (one shared bucket).

/** the header in which scripts/remote-address.cjs passes the socket's address */
export const REMOTE_ADDRESS_HEADER = "x-pinit-remote-address";

/** TRUST_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (0 when unset or unreadable) */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY_HOPS?.trim();
  if (!raw || !/^\d{1,2}$/.test(raw)) return 0;
  return Number(raw);
}

export function clientAddress(headers: Headers, hops: number = trustedProxyHops()): string {
  const socket = headers.get(REMOTE_ADDRESS_HEADER)?.trim() ?? "";
  if (!socket) return "";
  if (hops <= 0) return socket;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // fewer entries than trusted hops: the leftmost is still one a trusted proxy wrote (or the socket itself)
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
}
