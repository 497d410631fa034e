// Which push services this server sends to. A web push endpoint is a URL the browser hands us and the server
// later POSTs to; accepting any https URL would let a member make the server send requests anywhere (SSRF).
// So an endpoint is accepted, and sent to, only on a known push service's host, on the default https port:
//   - Chrome, Edge (Chromium), Opera, Samsung Internet: fcm.googleapis.com
//   - Firefox: updates.push.services.mozilla.com (*.push.services.mozilla.com)
//   - Edge on Windows (WNS): <node>.notify.windows.com
//   - Safari (macOS 13+, iOS 16.4+): web.push.apple.com (*.push.apple.com, as Apple documents it)
// PUSH_ALLOWED_HOSTS adds entries (commas or spaces between them): `host`, `*.domain` (any subdomain, not the
// domain itself), each with an optional `:port` (without one only 443 is allowed). Entries that cannot be read
// are ignored and logged once. The tests admit their fake push service on 127.0.0.1 this way.
import { warnOnce } from "./config";

export const DEFAULT_PUSH_HOSTS = [
  "fcm.googleapis.com",
  "*.push.services.mozilla.com",
  "*.notify.windows.com",
  "web.push.apple.com",
  "*.push.apple.com",
] as const;

export const PUSH_ALLOWED_HOSTS_VARIABLE = "PUSH_ALLOWED_HOSTS";

export type PushHostRule = {
  /** a lowercase hostname (an IPv6 address in brackets) */
  host: string;
  /** true: any subdomain of host, never host itself */
  subdomains: boolean;
  /** "" for the default https port 443 */
  port: string;
};

const ENTRY = /^(\*\.)?[^\s/@?#*\\]+$/;

/** one allow-list entry, or null when it is not `host`, `*.domain`, optionally with `:port` */
export function pushHostRule(entry: string): PushHostRule | null {
  const text = entry.trim().toLowerCase();
  if (!ENTRY.test(text)) return null;
  const subdomains = text.startsWith("*.");
  let url: URL;
  try {
    url = new URL(`https://${subdomains ? text.slice(2) : text}`);
  } catch {
    return null;
  }
  if (url.hostname === "" || url.pathname !== "/" || url.search !== "" || url.username !== "" || url.password !== "")
    return null;
  // a bare TLD under a wildcard would admit half the internet
  if (subdomains && !url.hostname.includes(".")) return null;
  return { host: url.hostname, subdomains, port: url.port };
}

/** the default hosts and the operator's PUSH_ALLOWED_HOSTS */
export function pushHostRules(env: Record<string, string | undefined> = process.env): PushHostRule[] {
  const rules = DEFAULT_PUSH_HOSTS.map((h) => pushHostRule(h) as PushHostRule);
  const extra = env[PUSH_ALLOWED_HOSTS_VARIABLE] ?? "";
  for (const entry of extra.split(/[\s,]+/).filter((e) => e !== "")) {
    const rule = pushHostRule(entry);
    if (rule) rules.push(rule);
    else warnOnce(`${PUSH_ALLOWED_HOSTS_VARIABLE}: "${entry}" is not a host, *.domain or host:port; ignored`);
  }
  return rules;
}

/** true when `endpoint` is an https URL, without credentials, on a host and port of `rules` */
export function isAllowedPushEndpoint(endpoint: string, rules: readonly PushHostRule[] = pushHostRules()): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "") return false;
  const host = url.hostname;
  return rules.some(
    (rule) => rule.port === url.port && (rule.subdomains ? host.endsWith(`.${rule.host}`) : host === rule.host),
  );
}

export const ENDPOINT_NOT_ALLOWED = "must be on a push service this server sends to";
