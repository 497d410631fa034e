// Security headers. Two parts:
// - securityHeaders(): the same for every answer (pages, API, static files), set in next.config.ts;
// - contentSecurityPolicy(): per page request, with a fresh nonce, set by proxy.ts. Next.js reads the nonce
//   from the request's CSP header and puts it on every script and style it renders, so no inline script runs
//   unless Next.js wrote it for this very request ('strict-dynamic' lets those scripts load the app's chunks).

const isDevelopment = () => process.env.NODE_ENV === "development";

/** whether the site is served over https (NEXTAUTH_URL, which production sets) */
function servedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export type CspOptions = {
  /** a pre-rendered (static) page has no nonce in its HTML: its inline scripts are allowed as such */
  prerendered?: boolean;
};

/**
 * The page policy. A pre-rendered page was built before any request, so its HTML carries no nonce and cannot
 * contain anything a visitor sent: its inline scripts are allowed by 'unsafe-inline' instead (script-src
 * 'self' keeps out every other origin). Every other page gets the nonce policy.
 */
export function contentSecurityPolicy(nonce: string, options: CspOptions = {}): string {
  const dev = isDevelopment();
  const scripts = options.prerendered
    ? ["'self'", "'unsafe-inline'"]
    : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (dev) scripts.push("'unsafe-eval'"); // React's dev build reconstructs server stacks with eval
  const styles = options.prerendered || dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`];
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    `style-src ${styles.join(" ")}`,
    // style attributes (React's style={…}); they cannot run code
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // forms post only here (Naver/Kakao sign-in leaves by script, which form-action does not govern)
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (servedOverHttps()) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** headers for every answer */
export function securityHeaders(): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // for browsers without CSP frame-ancestors, and for answers that carry no CSP (API, files)
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
  if (process.env.NODE_ENV === "production" && servedOverHttps()) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  }
  return headers;
}
