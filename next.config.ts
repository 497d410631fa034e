import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  // Native Node packages (database drivers, the embedded PGlite server): load them with require, unbundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // This directory is the project root even if a lockfile sits in a parent directory.
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
  // Headers of every answer; the pages' Content-Security-Policy (with a nonce per request) is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

// next-intl reads its request configuration (locale and messages) from i18n/request.ts
const withNextIntl = createNextIntlPlugin();

export default withNextIntl(nextConfig);
